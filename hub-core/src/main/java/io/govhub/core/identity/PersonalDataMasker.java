package io.govhub.core.identity;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one masker that personal data of natural persons passes before it reaches a public page, an export or a log
 * (国办发〔2015〕51号; NDRC rules on credit publicity). Each method is total: {@code null} gives {@code null}, and a
 * value too short to mask safely is masked whole rather than shown.
 */
public final class PersonalDataMasker {

    /** Compound surnames (复姓) that keep both characters: 欧阳修 → 欧阳*. */
    private static final Set<String> COMPOUND_SURNAMES = Set.of(
            "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "令狐",
            "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "澹台", "公冶", "宗政", "濮阳", "淳于", "单于", "太叔",
            "申屠", "钟离", "闾丘", "东郭", "呼延", "百里", "万俟", "赫连", "司空", "拓跋", "完颜", "耶律", "第五");

    private PersonalDataMasker() {
    }

    /**
     * Resident ID number: the first four (province and city) and last four characters stay, the rest is starred:
     * {@code 371302199001010011} → {@code 3713**********0011}.
     */
    public static String maskIdNumber(String id) {
        if (id == null) {
            return null;
        }
        String v = id.strip();
        if (v.length() < 12) {
            return "*".repeat(v.length());
        }
        return v.substring(0, 4) + "*".repeat(v.length() - 8) + v.substring(v.length() - 4);
    }

    /**
     * Phone number: a mobile keeps its first three and last four digits ({@code 138****5678}); any other number keeps
     * its area code (up to the first '-') and its last two digits. Separators stay where they are.
     */
    public static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        String v = phone.strip();
        String digits = v.replaceAll("\\D", "");
        if (digits.length() == 11 && digits.charAt(0) == '1' && v.matches("\\d{11}")) {
            return v.substring(0, 3) + "****" + v.substring(7);
        }
        int keepFrom = v.indexOf('-') >= 0 ? v.indexOf('-') + 1 : 0;
        StringBuilder out = new StringBuilder(v.length());
        int digitsSeen = 0;
        int digitsAfterKeep = (int) v.substring(keepFrom).chars().filter(Character::isDigit).count();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (i < keepFrom || !Character.isDigit(c)) {
                out.append(c);
            } else {
                digitsSeen++;
                out.append(digitsAfterKeep - digitsSeen < 2 && digitsAfterKeep > 4 ? c : '*');
            }
        }
        return out.toString();
    }

    /**
     * A natural person's name: the surname stays (both characters of a compound surname), every other character
     * becomes {@code *}: 张三 → 张*, 欧阳修远 → 欧阳**. A name in Latin letters keeps its first letter.
     */
    public static String maskName(String name) {
        if (name == null) {
            return null;
        }
        String v = name.strip();
        int[] cps = v.codePoints().toArray();
        if (cps.length <= 1) {
            return cps.length == 0 ? v : "*";
        }
        int keep = cps.length > 2 && COMPOUND_SURNAMES.contains(new String(cps, 0, 2)) ? 2 : 1;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cps.length; i++) {
            if (i < keep || Character.isWhitespace(cps[i]) || cps[i] == '·') {
                out.appendCodePoint(cps[i]);
            } else {
                out.append('*');
            }
        }
        return out.toString();
    }

    /**
     * An address: kept down to the county-level unit (…区, …县, …市 after the city, …旗), the rest replaced by
     * {@code ****}: 山东省临沂市兰山区金雀山路 1 号 → 山东省临沂市兰山区****. An address without a recognisable county is
     * masked whole.
     */
    public static String maskAddress(String address) {
        if (address == null) {
            return null;
        }
        String v = address.strip();
        Matcher m = Pattern.compile("^(.{0,12}?(?:省|自治区))?(.{0,12}?(?:市|自治州|地区|盟))?(.{1,12}?(?:区|县|市|旗))").matcher(v);
        if (m.find() && m.end() < v.length()) {
            return v.substring(0, m.end()) + "****";
        }
        return "****";
    }

    /** A bank account or card number: only the last four digits stay. */
    public static String maskBankAccount(String account) {
        if (account == null) {
            return null;
        }
        String v = account.replaceAll("\\s", "");
        if (v.length() <= 4) {
            return "*".repeat(v.length());
        }
        return "*".repeat(v.length() - 4) + v.substring(v.length() - 4);
    }

    /**
     * Free text (a log line, a remark field): every resident ID number and mobile number standing alone in it is
     * masked. This is the safety net for logs, not a substitute for masking known fields.
     * <ul>
     *   <li>an ID number: a run of ASCII letters and digits that is exactly 17 digits and a check character
     *   ({@code 0-9}, {@code X}, {@code x}), or exactly 15 digits → {@link #maskIdNumber};</li>
     *   <li>a mobile number: a run of ASCII digits that is exactly {@code 1[3-9]} and 9 more digits, or the same after
     *   {@code 86} (a +86 written without a separator) → its 4th to 7th digits starred ({@code 138****5678}).</li>
     * </ul>
     * One pass over runs of characters, no regular expression: every message-log body goes through here, and case
     * numbers (an implementation code and a date) put a long run of digits in most of them, so the cheap "no 11
     * digits in a row" exit rarely applies. The rules are those of the patterns
     * {@code (?<![0-9A-Za-z])(\d{17}[0-9Xx]|\d{15})(?![0-9A-Za-z])} and
     * {@code (?<![0-9])(?:\+?86[- ]?)?(1[3-9]\d{9})(?![0-9])}, which a test holds this method to on random text.
     */
    public static String maskFreeText(String text) {
        if (text == null || !hasDigitRun(text, 11)) {
            return text; // both need 11 digits in a row (a mobile number; an ID number has 15 or 17)
        }
        return maskMobileRuns(maskIdRuns(text));
    }

    private static String maskIdRuns(String t) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0, len = t.length(); i < len; ) {
            if (!asciiAlphanumeric(t.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < len && asciiAlphanumeric(t.charAt(i))) {
                i++;
            }
            int n = i - start;
            boolean id = n == 15 && digits(t, start, i)
                    || n == 18 && digits(t, start, i - 1) && "0123456789Xx".indexOf(t.charAt(i - 1)) >= 0;
            if (id) {
                out = out == null ? new StringBuilder(len) : out;
                out.append(t, copied, start).append(maskIdNumber(t.substring(start, i)));
                copied = i;
            }
        }
        return out == null ? t : out.append(t, copied, t.length()).toString();
    }

    private static String maskMobileRuns(String t) {
        char[] out = null;
        for (int i = 0, len = t.length(); i < len; ) {
            if (!digit(t.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < len && digit(t.charAt(i))) {
                i++;
            }
            int mobile = i - start == 11 ? start : i - start == 13 && t.startsWith("86", start) ? start + 2 : -1;
            if (mobile >= 0 && t.charAt(mobile) == '1' && t.charAt(mobile + 1) >= '3') {
                out = out == null ? t.toCharArray() : out;
                java.util.Arrays.fill(out, mobile + 3, mobile + 7, '*');
            }
        }
        return out == null ? t : new String(out);
    }

    private static boolean asciiAlphanumeric(char c) {
        return digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean digits(String t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!digit(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text} holds {@code n} ASCII digits in a row. */
    static boolean hasDigitRun(String text, int n) {
        int run = 0;
        for (int i = 0, len = text.length(); i < len; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++run == n) {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        return false;
    }
}
