package io.govhub.guide.lifecycle;

import io.govhub.guide.model.GuideContent;

import java.time.Instant;

/** One immutable published version: what was published, by whom, when and why. */
public record GuideVersion(int version, GuideContent content, String publishedBy, Instant publishedAt, String reason) {
}
