package io.govhub.core.caseflow;

import java.util.EnumSet;
import java.util.Set;

/** The states of a case (办件状态) and the moves between them. */
public enum CaseStatus {
    /** 已提交: received and stored by the hub, not yet delivered. */
    SUBMITTED("已提交"),
    /** 已推送: delivered to the handling system, which has not decided on acceptance yet. */
    DISPATCHED("已推送"),
    /** 已受理 */
    ACCEPTED("已受理"),
    /** 办理中: at least one step (环节) done. */
    IN_PROGRESS("办理中"),
    /** 特别程序中: hearing, inspection, expert assessment… the time-limit clock is stopped. */
    PAUSED("特别程序"),
    /** 已办结 */
    COMPLETED("已办结"),
    /** 不予受理 / 不予许可 */
    REJECTED("不予受理"),
    /** 已撤回 by the applicant. */
    WITHDRAWN("已撤回");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isFinal() {
        return this == COMPLETED || this == REJECTED || this == WITHDRAWN;
    }

    /** The states reachable from this one in one move. */
    public Set<CaseStatus> next() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(DISPATCHED, ACCEPTED, REJECTED, WITHDRAWN);
            case DISPATCHED -> EnumSet.of(ACCEPTED, REJECTED, WITHDRAWN);
            case ACCEPTED, IN_PROGRESS -> EnumSet.of(IN_PROGRESS, PAUSED, COMPLETED, REJECTED, WITHDRAWN);
            case PAUSED -> EnumSet.of(IN_PROGRESS, COMPLETED, REJECTED, WITHDRAWN);
            case COMPLETED, REJECTED, WITHDRAWN -> EnumSet.noneOf(CaseStatus.class);
        };
    }

    public boolean canMoveTo(CaseStatus target) {
        return next().contains(target);
    }
}
