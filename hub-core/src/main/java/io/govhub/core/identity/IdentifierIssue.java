package io.govhub.core.identity;

import io.govhub.core.shared.Text;

/**
 * Why an identifier was rejected or flagged. The codes are stable:
 * <ul>
 * <li>{@code IDENTIFIER_EMPTY}: nothing given;</li>
 * <li>{@code IDENTIFIER_LENGTH}: wrong number of characters;</li>
 * <li>{@code IDENTIFIER_CHARSET}: a character the standard does not allow at that position;</li>
 * <li>{@code IDENTIFIER_CHECKSUM}: the check character does not match;</li>
 * <li>{@code IDENTIFIER_BIRTH_DATE}: a resident ID whose birth date does not exist or lies in the future;</li>
 * <li>{@code IDENTIFIER_LEGACY_15}: a 15-digit resident ID from before 1999, which the hub does not accept;</li>
 * <li>{@code USCC_ORG_CODE_CHECKSUM} (a warning): the organisation code inside a USCC fails its own check, which
 * real codes of some government bodies do.</li>
 * </ul>
 */
public record IdentifierIssue(String code, Text message) {

    static IdentifierIssue of(String code, String zh, String en) {
        return new IdentifierIssue(code, Text.of(zh, en));
    }
}
