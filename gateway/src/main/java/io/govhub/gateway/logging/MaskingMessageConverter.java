package io.govhub.gateway.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.govhub.core.identity.PersonalDataMasker;

/**
 * Log pattern word {@code %maskedMsg}: the message with every resident ID number and mobile number masked. The
 * safety net behind the rule that personal data never reaches a log in clear.
 */
public class MaskingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PersonalDataMasker.maskFreeText(super.convert(event));
    }
}
