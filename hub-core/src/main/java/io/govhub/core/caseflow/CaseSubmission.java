package io.govhub.core.caseflow;

import java.util.List;

/**
 * An application as it arrives, before checking.
 *
 * @param implementationCode 实施编码 of the service item
 * @param division           the division where the applicant applies (county, city or province)
 * @param applicantName      申请人名称
 * @param idType             {@link Applicant.IdType} name
 * @param idNumber           证件号码
 * @param phone              联系电话
 * @param materialRefs       references of materials uploaded before (may be empty)
 */
public record CaseSubmission(String implementationCode, String division, String applicantName, String idType,
                             String idNumber, String phone, List<String> materialRefs) {

    public CaseSubmission {
        materialRefs = materialRefs == null ? List.of() : List.copyOf(materialRefs);
    }
}
