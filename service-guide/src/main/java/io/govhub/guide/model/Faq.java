package io.govhub.guide.model;

/** A frequently asked question (常见问题, element 55). */
public record Faq(String question, String answer) {
}
