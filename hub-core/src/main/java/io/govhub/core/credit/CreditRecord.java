package io.govhub.core.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One validated, normalised decision.
 *
 * @param type              permit or penalty
 * @param fields            every national field as normalised (codes upper case, dates ISO, amounts in 万元 with six
 *                          decimals), keyed by its national code
 * @param authorityUscc     the deciding authority (许可机关 / 处罚机关)
 * @param documentNumber    the decision's document number (文书号): with the authority and type, what identifies it
 * @param decisionDate      决定日期
 * @param validFrom         有效期自 (permits)
 * @param validTo           有效期至 (permits; 处罚有效期 for penalties), null if open
 * @param naturalPerson     whether the subject is a natural person (whose personal data is never published in clear)
 * @param penaltyCategories the penalty types, in the order given
 * @param fineWanYuan       罚款金额 in 万元, six decimals (null if none)
 * @param confiscatedWanYuan 没收违法所得、没收非法财物的金额 in 万元, six decimals (null if none)
 */
public record CreditRecord(RecordType type, Map<String, String> fields, String authorityUscc, String documentNumber,
                           LocalDate decisionDate, LocalDate validFrom, LocalDate validTo, boolean naturalPerson,
                           List<String> penaltyCategories, BigDecimal fineWanYuan, BigDecimal confiscatedWanYuan) {

    public CreditRecord {
        fields = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(fields)); // stable order
        penaltyCategories = List.copyOf(penaltyCategories);
    }

    /** What makes two submissions the same decision: type, authority and document number. */
    public String naturalKey() {
        return type.prefix() + "|" + authorityUscc + "|" + documentNumber;
    }
}
