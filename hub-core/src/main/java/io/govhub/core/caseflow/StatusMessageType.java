package io.govhub.core.caseflow;

/**
 * The kinds of status message a handling system sends back (GB/T 39046 tables 5–8), and the state each leads to.
 */
public enum StatusMessageType {
    /** 受理: accepted, with the accepting unit and person, and the promised completion date. */
    ACCEPTANCE(CaseStatus.ACCEPTED),
    /** 不予受理: refused at acceptance. */
    REFUSAL(CaseStatus.REJECTED),
    /** 环节: one step done (action 通过, 退回 or 其他). */
    STEP(CaseStatus.IN_PROGRESS),
    /** 特别程序开始 (听证, 检验, 鉴定, 专家评审…): the clock stops. */
    PAUSE(CaseStatus.PAUSED),
    /** 特别程序结束: the clock runs again. */
    RESUME(CaseStatus.IN_PROGRESS),
    /** 办结: the result, licence number and validity, delivery. */
    COMPLETION(CaseStatus.COMPLETED);

    private final CaseStatus leadsTo;

    StatusMessageType(CaseStatus leadsTo) {
        this.leadsTo = leadsTo;
    }

    public CaseStatus leadsTo() {
        return leadsTo;
    }
}
