package io.govhub.core.identity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Entry point for identifier checks: {@code Identifiers.check(IdentifierKind.USCC, "91350100M000100Y43")}.
 * Thread-safe and allocation-light: the checks run on every record the hub takes in.
 */
public final class Identifiers {

    private Identifiers() {
    }

    public static IdentifierCheck check(IdentifierKind kind, String value) {
        return switch (kind) {
            case USCC -> UnifiedSocialCreditCode.check(value);
            case ORG -> OrganisationCode.check(value);
            case RESIDENT_ID -> ResidentIdNumber.check(value);
        };
    }

    /**
     * The form to store and compare: surrounding white space removed, full-width letters and digits folded to ASCII
     * (NFKC, as typed with a Chinese input method), upper case. Inner white space is kept, so that it is reported.
     */
    public static String normalise(String value) {
        if (value == null) {
            return "";
        }
        return Normalizer.normalize(value, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
    }

    static List<IdentifierIssue> errorsForEmpty(String normalised) {
        List<IdentifierIssue> errors = new ArrayList<>();
        if (normalised.isEmpty()) {
            errors.add(IdentifierIssue.of("IDENTIFIER_EMPTY", "未填写证件号码", "No identifier given"));
        }
        return errors;
    }
}
