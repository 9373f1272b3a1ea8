package io.govhub.core.credit;

/** The two kinds of decision, with the prefix of their national field codes. */
public enum RecordType {
    /** 行政许可 */
    PERMIT("XK", "行政许可"),
    /** 行政处罚 */
    PENALTY("CF", "行政处罚");

    private final String prefix;
    private final String label;
    /** field codes by suffix, built once each: {@link #field} is called some forty times per record checked */
    private final java.util.concurrent.ConcurrentHashMap<String, String> fields = new java.util.concurrent.ConcurrentHashMap<>();

    RecordType(String prefix, String label) {
        this.prefix = prefix;
        this.label = label;
    }

    public String prefix() {
        return prefix;
    }

    public String label() {
        return label;
    }

    /** The national field code of a field of this type: {@code field("WSH")} → {@code XK_WSH}. */
    public String field(String suffix) {
        String code = fields.get(suffix);
        return code != null ? code : fields.computeIfAbsent(suffix, x -> prefix + "_" + x);
    }
}
