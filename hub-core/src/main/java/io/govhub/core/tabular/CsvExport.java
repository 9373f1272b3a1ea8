package io.govhub.core.tabular;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV for spreadsheets people open: UTF-8 with a byte-order mark (so that Excel reads Chinese right), quoting, and
 * formula injection defused: a cell that starts with {@code = + - @} (or a tab or carriage return) gets a leading
 * apostrophe, so that no exported value runs as a formula.
 */
public final class CsvExport {

    public static final String BOM = "\uFEFF";

    private CsvExport() {
    }

    public static String line(List<String> cells) {
        return cells.stream().map(CsvExport::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return CsvRows.quote(v);
    }
}
