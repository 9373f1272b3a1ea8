package io.govhub.guide.lifecycle;

import io.govhub.guide.model.GuideContent;

import java.time.Instant;

/**
 * A service item as the catalog keeps it: the working copy ({@code draft}) with its state, the optimistic-lock
 * version, and the number of the version the public sees ({@code null}: never published, or withdrawn).
 */
public record GuideItem(long id, String implementationCode, String organisationUscc, String divisionCode,
                        GuideState state, GuideContent draft, int lockVersion, Integer publishedVersion,
                        String lastEditor, String submittedBy, String reviewNote, Instant updatedAt) {

    GuideItem with(GuideState newState, GuideContent newDraft, Integer newPublished, String editor, String submitter,
                   String note) {
        return new GuideItem(id, implementationCode, organisationUscc, divisionCode, newState, newDraft, lockVersion,
                newPublished, editor, submitter, note, updatedAt);
    }
}
