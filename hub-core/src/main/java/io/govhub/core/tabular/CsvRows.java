package io.govhub.core.tabular;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streams a CSV file (RFC 4180: quoted cells may hold commas, quotes and line breaks). The encoding is the declared
 * one, or else detected: a UTF-8 byte-order mark, or the first 64 KiB decoding as UTF-8, means UTF-8; anything else
 * is read as GB18030 (a superset of GBK and GB2312, what Excel saves as "CSV" on a Chinese Windows).
 */
public final class CsvRows {

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final int PROBE = 64 * 1024;

    private CsvRows() {
    }

    public static Charset detect(byte[] head, int length) {
        if (length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, 0, trimPartialUtf8(head, length)));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return GB18030;
        }
    }

    /** The probe may end inside a multi-byte character: leave the incomplete tail out. */
    private static int trimPartialUtf8(byte[] b, int length) {
        int end = length;
        for (int back = 1; back <= 3 && end - back >= 0; back++) {
            int c = b[end - back] & 0xff;
            if ((c & 0xC0) == 0x80) {
                continue; // continuation byte
            }
            int need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            return need > back ? end - back : end;
        }
        return end;
    }

    /**
     * Reads the whole file, pushing the header and every row to {@code handler}.
     *
     * @return the charset used
     */
    public static Charset read(InputStream raw, Charset declared, RowHandler handler) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, PROBE);
        Charset cs = declared;
        if (cs == null) {
            in.mark(PROBE);
            byte[] head = in.readNBytes(PROBE);
            in.reset();
            cs = detect(head, head.length);
        }
        Chars reader = new Chars(new InputStreamReader(in, cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
        List<String> row;
        int line = 0;
        boolean first = true;
        while ((row = next(reader)) != null) {
            line++;
            if (first) {
                if (!row.isEmpty() && row.get(0).startsWith("\uFEFF")) {
                    row.set(0, row.get(0).substring(1));
                }
                handler.header(row);
                first = false;
            } else if (!(row.size() == 1 && row.get(0).isBlank())) {
                handler.row(line, row);
            }
        }
        return cs;
    }

    /**
     * A reader's characters a buffer at a time, with one character of look-ahead. (Reading a character at a time from
     * the decoder, as through a {@code PushbackReader}, took about a fifth of the CPU of a credit file's reader thread.)
     */
    static final class Chars {
        private final Reader in;
        private final char[] buffer = new char[8192];
        private int at;
        private int length;

        Chars(Reader in) {
            this.in = in;
        }

        int read() throws IOException {
            while (at == length) {
                int n = in.read(buffer, 0, buffer.length);
                if (n < 0) {
                    return -1;
                }
                at = 0;
                length = n;
            }
            return buffer[at++];
        }

        /** Gives back the character {@link #read} has just returned. */
        void unread() {
            at--;
        }
    }

    /** One record, or null at the end of input. */
    static List<String> next(Chars r) throws IOException {
        int c = r.read();
        if (c == -1) {
            return null;
        }
        r.unread();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        while (true) {
            c = r.read();
            if (c == -1) {
                cells.add(cell.toString());
                return cells;
            }
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    int n = r.read();
                    if (n == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        if (n != -1) {
                            r.unread();
                        }
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r') {
                    int n = r.read();
                    if (n != '\n' && n != -1) {
                        r.unread();
                    }
                }
                cells.add(cell.toString());
                return cells;
            } else {
                cell.append(ch);
            }
        }
    }

    /** Formats one record (for templates and reports). */
    public static String line(String... cells) {
        return String.join(",", Arrays.stream(cells).map(CsvRows::quote).toList());
    }

    public static String quote(String s) {
        if (s == null) {
            return "";
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
