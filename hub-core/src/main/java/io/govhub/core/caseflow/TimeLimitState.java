package io.govhub.core.caseflow;

/** Where a case stands against its time limit (时限状态), as the views and warnings show it. */
public enum TimeLimitState {
    /** 正常 */
    ON_TRACK("正常"),
    /** 临近时限: at most {@link CaseService#WARNING_WORKING_DAYS} working days left. */
    NEAR_LIMIT("临近时限"),
    /** 已超期 */
    OVERDUE("已超期"),
    /** 暂停计时: in a special procedure. */
    PAUSED("暂停计时"),
    /** 按时办结 */
    DONE_ON_TIME("按时办结"),
    /** 超期办结 */
    DONE_LATE("超期办结"),
    /** 无法计算: a needed year's holiday notice is missing. */
    UNKNOWN("无法计算");

    private final String label;

    TimeLimitState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
