package io.govhub.core.credit;

import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.GovhubException;
import io.govhub.core.shared.Text;
import io.govhub.core.tabular.CsvRows;
import io.govhub.core.tabular.RowHandler;
import io.govhub.core.tabular.XlsxRows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a batch file of decisions in the current national layout: the header row holds the national field codes
 * ({@code XK_…} for permits, {@code CF_…} for penalties, plus {@code BZ}), one decision per row. CSV in UTF-8 or GBK
 * (detected, or declared), or XLSX. The older 2015 template (代码_1…代码_5, Chinese column names) is read too, each
 * row mapped to the national layout by {@link Template2015}.
 */
public final class CreditBatchReader {

    private CreditBatchReader() {
    }

    /** Detects the record type from the header, then hands every row to {@code sink} as field code → value. */
    public static RecordType read(Path file, String fileName, Charset declared, java.util.function.Consumer<RecordType> typeFound,
                                  Consumer<Map<String, String>> sink) throws IOException {
        return read(file, fileName, declared, type -> Map.of(), typeFound, sink);
    }

    /**
     * As above; {@code defaults2015} gives, per record type, the national fields a 2015-template row lacks (the
     * submitting organisation as deciding authority and data source).
     */
    public static RecordType read(Path file, String fileName, Charset declared,
                                  java.util.function.Function<RecordType, Map<String, String>> defaults2015,
                                  java.util.function.Consumer<RecordType> typeFound,
                                  Consumer<Map<String, String>> sink) throws IOException {
        String name = fileName.toLowerCase(Locale.ROOT);
        Handler h = new Handler(defaults2015, typeFound, sink);
        if (name.endsWith(".xlsx")) {
            XlsxRows.read(file.toFile(), h);
        } else if (name.endsWith(".csv")) {
            readCsv(() -> Files.newInputStream(file), declared, h);
        } else {
            throw new GovhubException(ErrorCode.REQUEST_MEDIA_TYPE, Text.of("只支持 .csv 和 .xlsx 文件",
                    "only .csv and .xlsx files are accepted"));
        }
        return typeOf(h);
    }

    /** Opens the bytes of a file once more each time it is called. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    /**
     * As {@link #read(Path, String, Charset, java.util.function.Function, Consumer, Consumer)}, for a CSV whose bytes
     * come from {@code source} (read twice when no charset is declared: its head to detect it, then the whole).
     */
    public static RecordType readCsv(Source source, Charset declared,
                                     java.util.function.Function<RecordType, Map<String, String>> defaults2015,
                                     java.util.function.Consumer<RecordType> typeFound,
                                     Consumer<Map<String, String>> sink) throws IOException {
        Handler h = new Handler(defaults2015, typeFound, sink);
        readCsv(source, declared, h);
        return typeOf(h);
    }

    private static void readCsv(Source source, Charset declared, Handler h) throws IOException {
        Charset cs = declared;
        if (cs == null) {
            try (InputStream head = source.open()) {
                byte[] probe = head.readNBytes(64 * 1024);
                cs = CsvRows.detect(probe, probe.length);
            }
        }
        try (InputStream in = source.open()) {
            CsvRows.read(in, cs, h);
        }
    }

    private static RecordType typeOf(Handler h) {
        if (h.type == null) {
            throw new GovhubException(ErrorCode.REQUEST_FIELD_INVALID, Text.of("文件为空", "the file is empty"));
        }
        return h.type;
    }

    private static final class Handler implements RowHandler {
        private final java.util.function.Function<RecordType, Map<String, String>> defaults2015;
        private final Consumer<RecordType> typeFound;
        private final Consumer<Map<String, String>> sink;
        private List<String> header;
        private RecordType type;
        private Map<String, String> defaults; // non-null: the file is in the 2015 template

        Handler(java.util.function.Function<RecordType, Map<String, String>> defaults2015, Consumer<RecordType> typeFound,
                Consumer<Map<String, String>> sink) {
            this.defaults2015 = defaults2015;
            this.typeFound = typeFound;
            this.sink = sink;
        }

        @Override
        public void header(List<String> names) {
            if (Template2015.matches(names)) {
                type = Template2015.type(names);
                if (type == null) {
                    throw new GovhubException(ErrorCode.REQUEST_FIELD_INVALID, Text.of(
                            "2015 年模板的表头应含“行政许可决定书文号”或“行政处罚决定书文号”（二者之一）",
                            "a 2015-template header needs 行政许可决定书文号 or 行政处罚决定书文号 (one of them)"));
                }
                header = Template2015.columns(type, names);
                defaults = defaults2015.apply(type);
                typeFound.accept(type);
                return;
            }
            header = names.stream().map(n -> n == null ? "" : n.strip().toUpperCase(Locale.ROOT)).toList();
            boolean permit = header.stream().anyMatch(c -> c.startsWith("XK_"));
            boolean penalty = header.stream().anyMatch(c -> c.startsWith("CF_"));
            if (permit == penalty) {
                throw new GovhubException(ErrorCode.REQUEST_FIELD_INVALID, Text.of(
                        "表头应为国家字段代码（行政许可 XK_*，或行政处罚 CF_*，不可混合），或 2015 年模板（代码_1…代码_5）；"
                                + "若文件是 GBK 编码，请声明编码",
                        "the header must hold the national field codes, XK_* for permits or CF_* for penalties (not both),"
                                + " or be the 2015 template (代码_1…代码_5); if the file is GBK, declare it"));
            }
            type = permit ? RecordType.PERMIT : RecordType.PENALTY;
            typeFound.accept(type);
        }

        @Override
        public void row(int rowNumber, List<String> cells) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < cells.size(); i++) {
                if (!header.get(i).isEmpty()) {
                    m.put(header.get(i), cells.get(i));
                }
            }
            sink.accept(defaults == null ? m : Template2015.toNational(type, m, defaults));
        }
    }
}
