package io.govhub.guide.imports;

import io.govhub.core.identity.Identifiers;
import io.govhub.core.shared.FieldProblem;
import io.govhub.core.shared.Text;
import io.govhub.guide.model.FeeItem;
import io.govhub.guide.model.GuideContent;
import io.govhub.guide.model.Material;
import io.govhub.guide.model.ProcessStep;
import io.govhub.guide.model.TimeLimit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Turns one spreadsheet row (header → cell) into guide content, with a problem for each cell it cannot read. */
public final class GuideRowMapper {

    static final String CELL = "IMPORT_CELL_INVALID";

    public record Mapped(GuideContent content, List<FieldProblem> problems) {
    }

    private GuideRowMapper() {
    }

    public static Mapped map(Map<String, String> row) {
        List<FieldProblem> p = new ArrayList<>();
        String s = null;
        GuideContent c = new GuideContent(
                cell(row, ImportColumns.NAME), upper(row, ImportColumns.BASIC_CODE), upper(row, ImportColumns.IMPLEMENTATION_CODE),
                cell(row, ImportColumns.TYPE), cell(row, ImportColumns.LEGAL_BASIS), cell(row, ImportColumns.LEVEL), s, s,
                cell(row, ImportColumns.BODY), Identifiers.normalise(cell(row, ImportColumns.BODY_USCC)),
                cell(row, ImportColumns.BODY_NATURE),
                limit(row, ImportColumns.LEGAL_LIMIT, ImportColumns.LEGAL_UNIT, p),
                limit(row, ImportColumns.PROMISED_LIMIT, ImportColumns.PROMISED_UNIT, p),
                cell(row, ImportColumns.CONDITIONS), process(row), s, s, s, s, s, s,
                cell(row, ImportColumns.RESULT), s, bool(row, ImportColumns.CHARGED, p), fees(row, p),
                cell(row, ImportColumns.TONGBAN), codes(row, ImportColumns.OBJECTS), s, s, s,
                codes(row, ImportColumns.FORMS), s, cell(row, ImportColumns.DIVISION), null, null, null,
                bool(row, ImportColumns.ONLINE, p), cell(row, ImportColumns.ONLINE_URL), s,
                cell(row, ImportColumns.LOCATION), cell(row, ImportColumns.HOURS), s,
                cell(row, ImportColumns.CONSULT_PHONE), cell(row, ImportColumns.SUPERVISE_PHONE), List.of(),
                materials(row, p), cell(row, ImportColumns.KEYWORDS));
        return new Mapped(c, p);
    }

    static String cell(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String upper(Map<String, String> row, String column) {
        String v = cell(row, column);
        return v == null ? null : Identifiers.normalise(v);
    }

    /** Values of a multi-valued cell: separated by ；, ; or line breaks. */
    static List<String> values(String cell) {
        if (cell == null) {
            return List.of();
        }
        return Arrays.stream(cell.split("[；;\\r\\n]+")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static List<String> codes(Map<String, String> row, String column) {
        String v = cell(row, column);
        return v == null ? List.of() : Arrays.stream(v.split("[、,，\\s]+")).filter(x -> !x.isEmpty()).toList();
    }

    private static Boolean bool(Map<String, String> row, String column, List<FieldProblem> p) {
        String v = cell(row, column);
        if (v == null) {
            return null;
        }
        return switch (v) {
            case "是", "1", "Y", "y", "true", "TRUE" -> true;
            case "否", "0", "N", "n", "false", "FALSE" -> false;
            default -> {
                p.add(problem(column, "应为“是”或“否”，而不是“" + v + "”", "must be 是 or 否"));
                yield null;
            }
        };
    }

    private static TimeLimit limit(Map<String, String> row, String valueColumn, String unitColumn, List<FieldProblem> p) {
        String v = cell(row, valueColumn);
        if (v == null) {
            return null;
        }
        Integer value;
        try {
            value = Integer.parseInt(v.replaceAll("\\.0+$", ""));
        } catch (NumberFormatException e) {
            p.add(problem(valueColumn, "应为整数，而不是“" + v + "”", "must be a whole number"));
            return null;
        }
        String u = cell(row, unitColumn);
        String unit = u == null ? "WORKING_DAY" : switch (u) {
            case "工作日", "WORKING_DAY" -> "WORKING_DAY";
            case "自然日", "日", "天", "CALENDAR_DAY" -> "CALENDAR_DAY";
            case "小时", "HOUR" -> "HOUR";
            default -> {
                p.add(problem(unitColumn, "应为 工作日、自然日 或 小时，而不是“" + u + "”", "must be 工作日, 自然日 or 小时"));
                yield null;
            }
        };
        return new TimeLimit(value, unit, null);
    }

    private static List<ProcessStep> process(Map<String, String> row) {
        return values(cell(row, ImportColumns.PROCESS)).stream().map(step -> {
            String[] parts = step.split("[：:]", 2);
            return new ProcessStep(parts[0].strip(), parts.length > 1 ? parts[1].strip() : null);
        }).toList();
    }

    private static List<FeeItem> fees(Map<String, String> row, List<FieldProblem> p) {
        List<FeeItem> out = new ArrayList<>();
        for (String fee : values(cell(row, ImportColumns.FEES))) {
            String[] parts = fee.split("\\|", -1);
            if (parts.length != 3) {
                p.add(problem(ImportColumns.FEES, "每个收费项目应写作“名称|金额|收费依据”：" + fee, "each fee is name|amount|basis"));
                continue;
            }
            try {
                out.add(new FeeItem(parts[0].strip(), new BigDecimal(parts[1].strip()), parts[2].strip()));
            } catch (NumberFormatException e) {
                p.add(problem(ImportColumns.FEES, "金额“" + parts[1].strip() + "”不是数字", "the amount is not a number"));
            }
        }
        return out;
    }

    private static List<Material> materials(Map<String, String> row, List<FieldProblem> p) {
        List<Material> out = new ArrayList<>();
        for (String m : values(cell(row, ImportColumns.MATERIALS))) {
            String[] parts = m.split("\\|", -1);
            if (parts.length != 1 && parts.length != 5) {
                p.add(problem(ImportColumns.MATERIALS, "每项材料应写作“名称|出具机构|原件份数|复印件份数|是否必备”：" + m,
                        "each material is name|issuer|originals|copies|required"));
                continue;
            }
            if (parts.length == 1) {
                out.add(new Material(parts[0].strip(), "申请人自备", null, null, null, null, 1, 0, true));
                continue;
            }
            try {
                Boolean required = switch (parts[4].strip()) {
                    case "是", "1" -> true;
                    case "否", "0" -> false;
                    default -> throw new NumberFormatException();
                };
                out.add(new Material(parts[0].strip(), parts[1].strip().isEmpty() ? null : parts[1].strip(), null, null,
                        null, null, Integer.parseInt(parts[2].strip()), Integer.parseInt(parts[3].strip()), required));
            } catch (NumberFormatException e) {
                p.add(problem(ImportColumns.MATERIALS, "材料“" + parts[0].strip() + "”的份数应为整数、是否必备应为是/否",
                        "counts must be whole numbers and required 是/否"));
            }
        }
        return out;
    }

    private static FieldProblem problem(String column, String zh, String en) {
        return new FieldProblem(column, CELL, Text.of(column + "：" + zh, column + ": " + en));
    }
}
