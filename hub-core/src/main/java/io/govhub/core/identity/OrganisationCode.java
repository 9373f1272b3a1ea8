package io.govhub.core.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * Organisation code (组织机构代码, GB 11714-1997): eight body characters (digits or capital letters) and a check
 * character. Weights {@code 3 7 9 10 5 8 4 2}; letters count A=10 … Z=35; check = 11 − (Σ mod 11), where 10 is
 * written {@code X} and 11 is written {@code 0}.
 */
public final class OrganisationCode {

    static final int LENGTH = 9;
    private static final int[] WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private OrganisationCode() {
    }

    public static IdentifierCheck check(String value) {
        String code = Identifiers.normalise(value);
        List<IdentifierIssue> errors = Identifiers.errorsForEmpty(code);
        if (errors.isEmpty()) {
            errors.addAll(structureErrors(code));
        }
        if (errors.isEmpty()) {
            char expected = checkChar(code);
            if (code.charAt(8) != expected) {
                errors.add(IdentifierIssue.of("IDENTIFIER_CHECKSUM",
                        "组织机构代码校验码错误，应为 " + expected,
                        "Organisation code check character is wrong; expected " + expected));
            }
        }
        return IdentifierCheck.of(IdentifierKind.ORG, code, List.of(), errors);
    }

    static List<IdentifierIssue> structureErrors(String code) {
        List<IdentifierIssue> errors = new ArrayList<>();
        if (code.length() != LENGTH) {
            errors.add(IdentifierIssue.of("IDENTIFIER_LENGTH",
                    "组织机构代码应为 9 位，实际 " + code.length() + " 位",
                    "An organisation code has 9 characters, this one has " + code.length()));
            return errors;
        }
        for (int i = 0; i < 8; i++) {
            char c = code.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z')) {
                errors.add(charsetError(i + 1, c));
            }
        }
        char last = code.charAt(8);
        if (!(last >= '0' && last <= '9' || last == 'X')) {
            errors.add(charsetError(9, last));
        }
        return errors;
    }

    private static IdentifierIssue charsetError(int position, char c) {
        return IdentifierIssue.of("IDENTIFIER_CHARSET",
                "组织机构代码第 " + position + " 位含非法字符 '" + c + "'",
                "Organisation code position " + position + " has a character not allowed: '" + c + "'");
    }

    /** The check character for the first eight characters of a structurally valid code. */
    static char checkChar(CharSequence code) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = code.charAt(i);
            int v = c <= '9' ? c - '0' : c - 'A' + 10;
            sum += v * WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return switch (check) {
            case 10 -> 'X';
            case 11 -> '0';
            default -> (char) ('0' + check);
        };
    }
}
