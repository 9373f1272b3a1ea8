package io.govhub.core.shared.persistence;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN} in its text format, written in the caller's transaction: the bulk
 * writes of the credit pipeline (records, outcomes, forwarding messages) send their rows this way instead of a
 * statement per row or arrays unnested by the server. Values are escaped (backslash, tab, newline, carriage return);
 * null is {@code \N}. A constraint violation surfaces as Spring's translated exception, as for any statement.
 */
public final class PgCopy {

    private final StringBuilder rows = new StringBuilder(4096);
    private boolean rowStarted;
    private int count;

    /** Adds a value to the current row; null is SQL NULL. */
    public PgCopy value(Object value) {
        if (rowStarted) {
            rows.append('\t');
        }
        rowStarted = true;
        if (value == null) {
            rows.append("\\N");
            return this;
        }
        String s = value.toString();
        int plain = 0;
        while (plain < s.length() && !special(s.charAt(plain))) {
            plain++;
        }
        rows.append(s, 0, plain); // most values have nothing to escape: appended whole
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(c);
            }
        }
        return this;
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Ends the current row. */
    public PgCopy endRow() {
        rows.append('\n');
        rowStarted = false;
        count++;
        return this;
    }

    public int rowCount() {
        return count;
    }

    /** The rows as they are sent. */
    String text() {
        return rows.toString();
    }

    /**
     * Sends the rows with {@code copy <table> (<columns>) from stdin} on the connection of the current transaction.
     *
     * @return the number of rows PostgreSQL reports copied
     */
    public long into(JdbcTemplate jdbc, String table, String columns) {
        if (count == 0) {
            return 0;
        }
        byte[] data = rows.toString().getBytes(StandardCharsets.UTF_8);
        Long copied = jdbc.execute((ConnectionCallback<Long>) c -> {
            try {
                return c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy " + table + " (" + columns + ") from stdin", new ByteArrayInputStream(data));
            } catch (java.io.IOException e) {
                throw new java.sql.SQLException("COPY into " + table + " failed", e);
            }
        });
        return copied == null ? 0 : copied;
    }
}
