package io.govhub.core.caseflow;

import io.govhub.core.identity.IdentifierCheck;
import io.govhub.core.identity.IdentifierKind;
import io.govhub.core.identity.Identifiers;
import io.govhub.core.identity.PersonalDataMasker;
import io.govhub.core.shared.FieldProblem;
import io.govhub.core.shared.Text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The applicant (申请人) of a case: a natural person or an organisation.
 *
 * @param name     name of the person or organisation
 * @param idType   {@link IdType}
 * @param idNumber the number of that identity document (normalised)
 * @param phone    contact phone (mobile or landline)
 */
public record Applicant(String name, String idType, String idNumber, String phone) {

    /** Identity document types (证件类型). */
    public enum IdType {
        /** 居民身份证 (GB 11643 check digit verified) */
        ID_CARD("居民身份证", true),
        /** 统一社会信用代码 (GB 32100 check character verified) */
        USCC("统一社会信用代码", false),
        /** 护照 */
        PASSPORT("护照", true),
        /** 港澳居民来往内地通行证 */
        HK_MACAO_PERMIT("港澳居民来往内地通行证", true),
        /** 台湾居民来往大陆通行证 */
        TAIWAN_PERMIT("台湾居民来往大陆通行证", true);

        private final String label;
        private final boolean naturalPerson;

        IdType(String label, boolean naturalPerson) {
            this.label = label;
            this.naturalPerson = naturalPerson;
        }

        public String label() {
            return label;
        }

        public boolean naturalPerson() {
            return naturalPerson;
        }
    }

    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern LANDLINE = Pattern.compile("0[0-9]{2,3}-?[0-9]{7,8}");
    private static final Pattern DOCUMENT = Pattern.compile("[A-Z0-9]{5,20}");

    /** The applicant as given, checked: every problem with its field (prefixed {@code applicant.}). */
    public static List<FieldProblem> problems(String name, String idType, String idNumber, String phone) {
        List<FieldProblem> p = new ArrayList<>();
        if (name == null || name.isBlank()) {
            p.add(problem("applicant.name", CaseService.REQUIRED, "缺少申请人名称", "applicant.name is missing"));
        } else if (name.strip().length() > 100) {
            p.add(problem("applicant.name", CaseService.MALFORMED, "申请人名称过长（最多 100 字）",
                    "applicant.name is longer than 100 characters"));
        }
        IdType type = null;
        if (idType == null || idType.isBlank()) {
            p.add(problem("applicant.idType", CaseService.REQUIRED, "缺少证件类型", "applicant.idType is missing"));
        } else {
            try {
                type = IdType.valueOf(idType.strip());
            } catch (IllegalArgumentException e) {
                p.add(problem("applicant.idType", CaseService.CODE_UNKNOWN, "证件类型未知：" + idType,
                        "applicant.idType must be one of " + java.util.Arrays.toString(IdType.values())));
            }
        }
        if (idNumber == null || idNumber.isBlank()) {
            p.add(problem("applicant.idNumber", CaseService.REQUIRED, "缺少证件号码", "applicant.idNumber is missing"));
        } else if (type != null) {
            String n = Identifiers.normalise(idNumber);
            IdentifierKind kind = switch (type) {
                case ID_CARD -> IdentifierKind.RESIDENT_ID;
                case USCC -> IdentifierKind.USCC;
                default -> null;
            };
            if (kind != null) {
                IdentifierCheck check = Identifiers.check(kind, n);
                if (!check.valid()) {
                    p.add(new FieldProblem("applicant.idNumber", CaseService.MALFORMED, check.errors().get(0).message()));
                }
            } else if (!DOCUMENT.matcher(n).matches()) {
                p.add(problem("applicant.idNumber", CaseService.MALFORMED, "证件号码应为 5–20 位字母或数字",
                        "applicant.idNumber must be 5–20 letters or digits"));
            }
        }
        if (phone == null || phone.isBlank()) {
            p.add(problem("applicant.phone", CaseService.REQUIRED, "缺少联系电话", "applicant.phone is missing"));
        } else {
            String ph = phone.strip().replace(" ", "");
            if (!MOBILE.matcher(ph).matches() && !LANDLINE.matcher(ph).matches()) {
                p.add(problem("applicant.phone", CaseService.MALFORMED, "联系电话应为 11 位手机号码或区号加固定电话号码",
                        "applicant.phone must be an 11-digit mobile number or an area code and landline number"));
            }
        }
        return p;
    }

    /** The normalised applicant; call after {@link #problems} found none. */
    public static Applicant normalised(String name, String idType, String idNumber, String phone) {
        return new Applicant(name.strip(), idType.strip(), Identifiers.normalise(idNumber),
                phone.strip().replace(" ", ""));
    }

    public boolean naturalPerson() {
        return IdType.valueOf(idType).naturalPerson();
    }

    public String phoneLast4() {
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.substring(digits.length() - 4);
    }

    /** The applicant as staff lists, logs and exports show them: a person's name, number and phone masked. */
    public Map<String, String> masked() {
        Map<String, String> m = new LinkedHashMap<>();
        boolean person = naturalPerson();
        m.put("name", person ? PersonalDataMasker.maskName(name) : name);
        m.put("idType", idType);
        m.put("idNumber", person ? PersonalDataMasker.maskIdNumber(idNumber) : idNumber);
        m.put("phone", PersonalDataMasker.maskPhone(phone));
        return m;
    }

    private static FieldProblem problem(String field, String code, String zh, String en) {
        return new FieldProblem(field, code, Text.of(zh, en));
    }
}
