package io.govhub.core.caseflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A case (办件) as the hub holds it.
 *
 * @param caseNumber          办件编号: 实施编码 + yyyyMMdd + six-digit serial
 * @param implementationCode  实施编码
 * @param itemName            事项名称 (from the guide catalog when it has the item)
 * @param divisionCode        where it was applied for
 * @param partnerId           the handling system, from the routing table
 * @param status              current state
 * @param channel             HALL (window), ONLINE (applicant), PARTNER (another system)
 * @param applicant           the applicant, in clear: staff and the applicant only
 * @param submittedBy         the account that submitted
 * @param submittedAt         when the hub stored it
 * @param timeLimitWorkingDays the promised time limit (承诺时限) in working days
 * @param promisedDate        due date, counted from acceptance (before: from submission), plus paused days; null while
 *                            a needed year's holiday notice is missing
 * @param pausedWorkingDays   working days spent in special procedures so far
 * @param pausedSince         start of the running special procedure, if any
 * @param acceptedAt          受理 time
 * @param completedAt         办结 time
 * @param result              办结 details (result, licence number, validity, delivery), or null
 * @param lastSequence        the last status message applied (the handling system's numbering)
 * @param version             optimistic version
 */
public record HubCase(String caseNumber, String implementationCode, String itemName, String divisionCode,
                      String partnerId, CaseStatus status, String channel, Applicant applicant, String submittedBy,
                      Instant submittedAt, int timeLimitWorkingDays, LocalDate promisedDate, int pausedWorkingDays,
                      LocalDate pausedSince, Instant acceptedAt, Instant completedAt, Map<String, Object> result,
                      int lastSequence, int version) {

    public HubCase with(CaseStatus newStatus) {
        return new HubCase(caseNumber, implementationCode, itemName, divisionCode, partnerId, newStatus, channel,
                applicant, submittedBy, submittedAt, timeLimitWorkingDays, promisedDate, pausedWorkingDays, pausedSince,
                acceptedAt, completedAt, result, lastSequence, version);
    }
}
