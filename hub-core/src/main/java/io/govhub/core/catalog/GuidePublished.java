package io.govhub.core.catalog;

import java.time.Instant;

/**
 * A new version of a service guide is public.
 *
 * @param implementationCode 实施编码 of the service item
 * @param version            the version now public (1, 2, …)
 * @param divisionCode       where the item applies
 * @param publishedBy        the reviewer
 * @param publishedAt        when
 */
public record GuidePublished(String implementationCode, int version, String divisionCode, String publishedBy,
                             Instant publishedAt) {
}
