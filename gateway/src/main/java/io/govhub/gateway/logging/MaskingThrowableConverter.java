package io.govhub.gateway.logging;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import io.govhub.core.identity.PersonalDataMasker;

/** Log pattern word {@code %maskedEx}: stack traces with personal data in exception messages masked. */
public class MaskingThrowableConverter extends ExtendedThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return PersonalDataMasker.maskFreeText(super.throwableProxyToString(tp));
    }
}
