package io.govhub.core.division;

/** What kind of body an organisation is. */
public enum OrganisationKind {
    /** 政府办公室 */
    GOVERNMENT_OFFICE("政府办公室"),
    /** 政府工作部门 (a city or county department) */
    DEPARTMENT("政府部门"),
    /** 行政审批服务局 (relatively centralised administrative approval) */
    APPROVAL_BUREAU("行政审批服务局"),
    /** 政务服务中心 / 管理办公室 */
    SERVICE_CENTRE("政务服务中心");

    private final String label;

    OrganisationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
