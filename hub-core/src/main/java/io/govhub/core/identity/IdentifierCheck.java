package io.govhub.core.identity;

import java.util.List;

/**
 * The verdict on one identifier: whether it is valid, its normalised form (trimmed, full-width characters folded,
 * upper case: the form to store and compare), warnings that do not make it invalid, and every error found.
 */
public record IdentifierCheck(IdentifierKind kind, boolean valid, String normalised, List<IdentifierIssue> warnings,
                              List<IdentifierIssue> errors) {

    public IdentifierCheck {
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
        if (valid != errors.isEmpty()) {
            throw new IllegalArgumentException("valid must be true exactly when there are no errors");
        }
    }

    static IdentifierCheck of(IdentifierKind kind, String normalised, List<IdentifierIssue> warnings,
                              List<IdentifierIssue> errors) {
        return new IdentifierCheck(kind, errors.isEmpty(), normalised, warnings, errors);
    }
}
