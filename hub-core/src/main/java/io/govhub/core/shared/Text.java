package io.govhub.core.shared;

import java.util.Objects;

/**
 * A message a person will read, in Chinese (the UI language) and English (for partner-system developers).
 *
 * @param zh Chinese text
 * @param en English text
 */
public record Text(String zh, String en) {

    public Text {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    public static Text of(String zh, String en) {
        return new Text(zh, en);
    }

    /** Both languages in one line, Chinese first: the form used in problem+json {@code detail} and SOAP faults. */
    public String bilingual() {
        return zh + " / " + en;
    }

    @Override
    public String toString() {
        return bilingual();
    }
}
