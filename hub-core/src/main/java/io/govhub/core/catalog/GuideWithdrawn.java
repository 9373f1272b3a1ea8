package io.govhub.core.catalog;

import java.time.Instant;

/** A service guide is no longer public. */
public record GuideWithdrawn(String implementationCode, String divisionCode, String withdrawnBy, String reason,
                             Instant withdrawnAt) {
}
