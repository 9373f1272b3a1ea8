package io.govhub.core.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * Unified Social Credit Code (统一社会信用代码, GB 32100-2015), 18 characters from the alphabet
 * {@code 0123456789ABCDEFGHJKLMNPQRTUWXY} (no I, O, S, V, Z): registration authority (1), organisation type (1),
 * GB/T 2260 division code (6 digits), organisation code (9, GB 11714), check character (1).
 * Weights {@code 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28}; check = 31 − (Σ mod 31), 31 written {@code 0}.
 * A code whose own check holds but whose embedded organisation code fails its check is accepted with the warning
 * {@code USCC_ORG_CODE_CHECKSUM}: real codes of government bodies do this.
 */
public final class UnifiedSocialCreditCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final int LENGTH = 18;
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private UnifiedSocialCreditCode() {
    }

    public static IdentifierCheck check(String value) {
        String code = Identifiers.normalise(value);
        List<IdentifierIssue> errors = Identifiers.errorsForEmpty(code);
        List<IdentifierIssue> warnings = new ArrayList<>();
        if (errors.isEmpty() && code.length() != LENGTH) {
            errors.add(IdentifierIssue.of("IDENTIFIER_LENGTH",
                    "统一社会信用代码应为 18 位，实际 " + code.length() + " 位",
                    "A unified social credit code has 18 characters, this one has " + code.length()));
        }
        if (errors.isEmpty()) {
            for (int i = 0; i < LENGTH; i++) {
                char c = code.charAt(i);
                boolean divisionPart = i >= 2 && i < 8;
                boolean allowed = divisionPart ? c >= '0' && c <= '9' : ALPHABET.indexOf(c) >= 0;
                if (!allowed) {
                    errors.add(IdentifierIssue.of("IDENTIFIER_CHARSET",
                            "统一社会信用代码第 " + (i + 1) + " 位含非法字符 '" + c + "'"
                                    + (divisionPart ? "（第 3–8 位为行政区划代码，只能是数字）" : "（不使用 I、O、S、V、Z）"),
                            "Unified social credit code position " + (i + 1) + " has a character not allowed: '" + c + "'"
                                    + (divisionPart ? " (positions 3-8 are a division code: digits only)"
                                    : " (I, O, S, V and Z are not used)")));
                }
            }
        }
        if (errors.isEmpty()) {
            char expected = checkChar(code);
            if (code.charAt(17) != expected) {
                errors.add(IdentifierIssue.of("IDENTIFIER_CHECKSUM",
                        "统一社会信用代码校验码错误，应为 " + expected,
                        "Unified social credit code check character is wrong; expected " + expected));
            } else {
                String org = code.substring(8, 17);
                if (!OrganisationCode.structureErrors(org).isEmpty() || OrganisationCode.checkChar(org) != org.charAt(8)) {
                    warnings.add(IdentifierIssue.of("USCC_ORG_CODE_CHECKSUM",
                            "代码中的组织机构代码 " + org + " 未通过其自身校验（部分机关的真实代码如此），已接受并标记",
                            "The embedded organisation code " + org
                                    + " fails its own check (true of some government bodies' real codes); accepted and flagged"));
                }
            }
        }
        return IdentifierCheck.of(IdentifierKind.USCC, code, warnings, errors);
    }

    /** Whether {@code value} is a valid code (warnings allowed). */
    public static boolean isValid(String value) {
        return check(value).valid();
    }

    /** The check character for the first 17 characters of a structurally valid code. */
    static char checkChar(CharSequence code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }
}
