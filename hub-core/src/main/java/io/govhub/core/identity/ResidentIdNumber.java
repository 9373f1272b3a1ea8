package io.govhub.core.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Resident ID number (公民身份号码, GB 11643-1999), 18 characters: 6-digit division code, birth date
 * {@code YYYYMMDD}, 3-digit sequence (odd for men, even for women), check character. Weights
 * {@code 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2}; check = {@code "10X98765432"}[Σ mod 11]. The birth date must exist and
 * not lie in the future. A 15-digit number from before 1999 is rejected explicitly ({@code IDENTIFIER_LEGACY_15}).
 */
public final class ResidentIdNumber {

    static final int LENGTH = 18;
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1850, 1, 1);

    private ResidentIdNumber() {
    }

    public static IdentifierCheck check(String value) {
        return check(value, LocalDate.now());
    }

    static IdentifierCheck check(String value, LocalDate today) {
        String id = Identifiers.normalise(value);
        List<IdentifierIssue> errors = Identifiers.errorsForEmpty(id);
        if (errors.isEmpty() && id.length() == 15 && id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            errors.add(IdentifierIssue.of("IDENTIFIER_LEGACY_15",
                    "15 位旧身份证号码（1999 年前签发）不再受理，请填写 18 位公民身份号码",
                    "15-digit ID numbers (issued before 1999) are not accepted; give the 18-character number"));
        } else if (errors.isEmpty() && id.length() != LENGTH) {
            errors.add(IdentifierIssue.of("IDENTIFIER_LENGTH",
                    "公民身份号码应为 18 位，实际 " + id.length() + " 位",
                    "A resident ID number has 18 characters, this one has " + id.length()));
        }
        if (errors.isEmpty()) {
            for (int i = 0; i < 17; i++) {
                char c = id.charAt(i);
                if (c < '0' || c > '9') {
                    errors.add(IdentifierIssue.of("IDENTIFIER_CHARSET",
                            "公民身份号码第 " + (i + 1) + " 位应为数字",
                            "Resident ID number position " + (i + 1) + " must be a digit"));
                }
            }
            char last = id.charAt(17);
            if (!(last >= '0' && last <= '9' || last == 'X')) {
                errors.add(IdentifierIssue.of("IDENTIFIER_CHARSET",
                        "公民身份号码第 18 位应为数字或 X", "Resident ID number position 18 must be a digit or X"));
            }
        }
        if (errors.isEmpty()) {
            birthDateError(id, today).ifPresent(errors::add);
            char expected = checkChar(id);
            if (id.charAt(17) != expected) {
                errors.add(IdentifierIssue.of("IDENTIFIER_CHECKSUM",
                        "公民身份号码校验码错误", "Resident ID number check character is wrong"));
            }
        }
        return IdentifierCheck.of(IdentifierKind.RESIDENT_ID, id, List.of(), errors);
    }

    private static java.util.Optional<IdentifierIssue> birthDateError(String id, LocalDate today) {
        int year = Integer.parseInt(id.substring(6, 10));
        int month = Integer.parseInt(id.substring(10, 12));
        int day = Integer.parseInt(id.substring(12, 14));
        String shown = id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14);
        try {
            LocalDate birth = LocalDate.of(year, month, day);
            if (birth.isAfter(today) || birth.isBefore(EARLIEST_BIRTH)) {
                return java.util.Optional.of(IdentifierIssue.of("IDENTIFIER_BIRTH_DATE",
                        "出生日期 " + shown + " 不合理", "Birth date " + shown + " is out of range"));
            }
            return java.util.Optional.empty();
        } catch (DateTimeException e) {
            return java.util.Optional.of(IdentifierIssue.of("IDENTIFIER_BIRTH_DATE",
                    "出生日期 " + shown + " 不存在", "Birth date " + shown + " does not exist"));
        }
    }

    static char checkChar(CharSequence id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }
}
