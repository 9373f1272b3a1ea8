package io.govhub.core.shared;

import java.util.Map;

/**
 * A flat JSON object of strings written by hand: the bulk paths write two of them per record (a decision's fields
 * and its public fields), where a general serialiser's set-up per call cost more than the writing. The text is what
 * Jackson's default writer gives for the same map: {@code "} and {@code \} escaped, control characters as
 * {@code \n}, {@code \t}, … or {@code \}{@code u00XX}, everything else as it is.
 */
public final class JsonText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private JsonText() {
    }

    /** The map as a JSON object, in the map's order; a null value is written {@code null}. */
    public static String object(Map<String, String> fields) {
        StringBuilder b = new StringBuilder(32 + fields.size() * 48);
        b.append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            string(b, java.util.Objects.requireNonNull(e.getKey(), "a JSON key"));
            b.append(':');
            if (e.getValue() == null) {
                b.append("null");
            } else {
                string(b, e.getValue());
            }
        }
        return b.append('}').toString();
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        int from = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            b.append(s, from, i);
            from = i + 1;
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> b.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        b.append(s, from, s.length()).append('"');
    }
}
