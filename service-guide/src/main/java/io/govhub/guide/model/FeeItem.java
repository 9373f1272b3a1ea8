package io.govhub.guide.model;

import java.math.BigDecimal;

/**
 * One fee (收费项目): its name, the amount in yuan (two decimals) and the legal basis for charging it (收费依据).
 */
public record FeeItem(String name, BigDecimal amountYuan, String legalBasis) {
}
