package io.govhub.core.access;

/** The roles of the product. Staff roles are bound to a division; a county clerk acts for that county only. */
public enum Role {
    /** 申请人: a citizen or company applying online. */
    APPLICANT("申请人"),
    /** 窗口人员: a clerk at a county service hall window. */
    HALL_CLERK("窗口人员"),
    /** 指南编辑: drafts service guides for their organisation. */
    GUIDE_EDITOR("指南编辑"),
    /** 指南审核: publishes or sends back guides. */
    GUIDE_REVIEWER("指南审核"),
    /** 信用信息报送: submits permit and penalty decisions for their organisation. */
    CREDIT_OFFICER("信用信息报送"),
    /** 督查人员: checks deadlines. */
    SUPERVISOR("督查人员"),
    /** 系统管理员 */
    ADMIN("系统管理员"),
    /** 对接系统: a partner system calling the hub. */
    PARTNER_SYSTEM("对接系统");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
