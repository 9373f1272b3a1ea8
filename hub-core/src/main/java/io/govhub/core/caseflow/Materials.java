package io.govhub.core.caseflow;

import java.util.Optional;

/**
 * Application materials (申请材料) are checked by their content, never by the name or the declared type: only PDF,
 * JPEG and PNG are taken. File names are kept for display only, reduced to a safe form (no path, no control
 * characters); the content is stored in the database, never under the web root, and served only as an attachment.
 */
public final class Materials {

    private Materials() {
    }

    /** The media type the content really has, if it is one the hub accepts. */
    public static Optional<String> sniff(byte[] b) {
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return Optional.of("application/pdf");
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
                && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return Optional.of("image/png");
        }
        return Optional.empty();
    }

    /**
     * A file name safe to store and show: the last path segment (either separator), without control characters or
     * characters that mean something in a path or a header, at most 100 characters; "material" if nothing is left.
     */
    public static String safeFileName(String name) {
        if (name == null) {
            return "material";
        }
        String last = name.replace('\\', '/');
        last = last.substring(last.lastIndexOf('/') + 1);
        StringBuilder sb = new StringBuilder();
        last.codePoints().filter(c -> c >= 0x20 && c != 0x7F && "\"<>:|?*;%".indexOf(c) < 0)
                .forEach(sb::appendCodePoint);
        String s = sb.toString().strip();
        while (s.startsWith(".")) {
            s = s.substring(1);
        }
        if (s.length() > 100) {
            s = s.substring(s.length() - 100);
        }
        return s.isBlank() ? "material" : s;
    }
}
