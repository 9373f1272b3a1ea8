package io.govhub.core.shared;

/**
 * One problem with one field of an input: the field's name as the caller wrote it, a stable code and a message.
 */
public record FieldProblem(String field, String code, Text message) {
}
