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

    /**
     * The row (column → cell) of a guide, in the layout of the import: the inverse of {@link #map}, used by the edit
     * form, which speaks the same layout.
     */
    public static Map<String, String> toRow(GuideContent g) {
        Map<String, String> r = new java.util.LinkedHashMap<>();
        r.put(ImportColumns.NAME, g.name());
        r.put(ImportColumns.BASIC_CODE, g.basicCode());
        r.put(ImportColumns.IMPLEMENTATION_CODE, g.implementationCode());
        r.put(ImportColumns.TYPE, g.typeCode());
        r.put(ImportColumns.LEGAL_BASIS, g.legalBasis());
        r.put(ImportColumns.LEVEL, g.exerciseLevelCode());
        r.put(ImportColumns.BODY, g.implementingBody());
        r.put(ImportColumns.BODY_USCC, g.implementingBodyUscc());
        r.put(ImportColumns.BODY_NATURE, g.implementingBodyNatureCode());
        r.put(ImportColumns.LEGAL_LIMIT, g.legalLimit() == null || g.legalLimit().value() == null ? null : g.legalLimit().value().toString());
        r.put(ImportColumns.LEGAL_UNIT, g.legalLimit() == null ? null : TimeLimit.UNITS.get(g.legalLimit().unit()));
        r.put(ImportColumns.PROMISED_LIMIT, g.promisedLimit() == null || g.promisedLimit().value() == null ? null : g.promisedLimit().value().toString());
        r.put(ImportColumns.PROMISED_UNIT, g.promisedLimit() == null ? null : TimeLimit.UNITS.get(g.promisedLimit().unit()));
        r.put(ImportColumns.CONDITIONS, g.acceptanceConditions());
        r.put(ImportColumns.PROCESS, String.join("；", g.process().stream()
                .map(s -> s.description() == null ? s.name() : s.name() + "：" + s.description()).toList()));
        r.put(ImportColumns.RESULT, g.resultName());
        r.put(ImportColumns.CHARGED, g.charged() == null ? null : g.charged() ? "是" : "否");
        r.put(ImportColumns.FEES, String.join("；", g.fees().stream()
                .map(f -> f.name() + "|" + (f.amountYuan() == null ? "" : f.amountYuan().toPlainString()) + "|" + f.legalBasis())
                .toList()));
        r.put(ImportColumns.TONGBAN, g.tongbanScopeCode());
        r.put(ImportColumns.OBJECTS, String.join("、", g.serviceObjectCodes()));
        r.put(ImportColumns.FORMS, String.join("、", g.handlingFormCodes()));
        r.put(ImportColumns.DIVISION, g.divisionCode());
        r.put(ImportColumns.ONLINE, g.online() == null ? null : g.online() ? "是" : "否");
        r.put(ImportColumns.ONLINE_URL, g.onlineUrl());
        r.put(ImportColumns.LOCATION, g.location());
        r.put(ImportColumns.HOURS, g.hours());
        r.put(ImportColumns.CONSULT_PHONE, g.consultPhone());
        r.put(ImportColumns.SUPERVISE_PHONE, g.supervisePhone());
        r.put(ImportColumns.MATERIALS, String.join("；", g.materials().stream()
                .map(m -> m.name() + "|" + (m.issuer() == null ? "" : m.issuer()) + "|" + (m.originals() == null ? 0 : m.originals())
                        + "|" + (m.copies() == null ? 0 : m.copies()) + "|" + (Boolean.FALSE.equals(m.required()) ? "否" : "是"))
                .toList()));
        r.put(ImportColumns.KEYWORDS, g.keywords());
        r.replaceAll((k, v) -> v == null ? "" : v);
        return r;
    }

    /**
     * The elements of {@code row} over those of {@code base}: what the layout has comes from the row, the elements it
     * does not have (FAQ, joint departments, themes …) are kept from the base.
     */
    public static GuideContent over(GuideContent base, GuideContent row) {
        return new GuideContent(row.name(), row.basicCode(), row.implementationCode(), row.typeCode(), row.legalBasis(),
                row.exerciseLevelCode(), base.authorityDivision(), base.exerciseContent(), row.implementingBody(),
                row.implementingBodyUscc(), row.implementingBodyNatureCode(), keepNote(row.legalLimit(), base.legalLimit()),
                keepNote(row.promisedLimit(), base.promisedLimit()), row.acceptanceConditions(), row.process(),
                base.jointDepartments(), base.jointDepartmentCodes(), base.handlingUnit(), base.handlingUnitCode(),
                base.intermediaryServices(), base.quantityLimit(), row.resultName(), base.resultSample(), row.charged(),
                row.fees(), row.tongbanScopeCode(), row.serviceObjectCodes(), base.themes(), base.legalPersonThemeCodes(),
                base.naturalPersonThemeCodes(), row.handlingFormCodes(), base.specialProcedures(), row.divisionCode(),
                base.appointment(), base.onlinePayment(), base.delivery(), row.online(), row.onlineUrl(),
                base.systemLevelCode(), row.location(), row.hours(), base.consultation(), row.consultPhone(),
                row.supervisePhone(), base.faq(), keepMaterialDetails(row.materials(), base.materials()), row.keywords());
    }

    private static TimeLimit keepNote(TimeLimit row, TimeLimit base) {
        if (row == null || base == null) {
            return row;
        }
        return new TimeLimit(row.value(), row.unit(), base.note());
    }

    /** Materials matched by name keep what the layout does not carry (instructions, place …). */
    private static List<Material> keepMaterialDetails(List<Material> row, List<Material> base) {
        return row.stream().map(m -> base.stream().filter(b -> b.name().equals(m.name())).findFirst()
                .map(b -> new Material(m.name(), m.issuer(), b.timing(), b.instructions(), b.place(), b.usage(),
                        m.originals(), m.copies(), m.required()))
                .orElse(m)).toList();
    }

    /** The column of the layout where a problem of a content field is shown ({@code materials[2].name} → 申请材料). */
    public static String columnOf(String field) {
        String root = field.replaceAll("[\\[.].*$", "");
        return switch (root) {
            case "name" -> ImportColumns.NAME;
            case "basicCode" -> ImportColumns.BASIC_CODE;
            case "implementationCode" -> ImportColumns.IMPLEMENTATION_CODE;
            case "typeCode" -> ImportColumns.TYPE;
            case "legalBasis" -> ImportColumns.LEGAL_BASIS;
            case "exerciseLevelCode" -> ImportColumns.LEVEL;
            case "implementingBody" -> ImportColumns.BODY;
            case "implementingBodyUscc" -> ImportColumns.BODY_USCC;
            case "implementingBodyNatureCode" -> ImportColumns.BODY_NATURE;
            case "legalLimit" -> ImportColumns.LEGAL_LIMIT;
            case "promisedLimit" -> ImportColumns.PROMISED_LIMIT;
            case "acceptanceConditions" -> ImportColumns.CONDITIONS;
            case "process" -> ImportColumns.PROCESS;
            case "resultName" -> ImportColumns.RESULT;
            case "charged" -> ImportColumns.CHARGED;
            case "fees" -> ImportColumns.FEES;
            case "tongbanScopeCode" -> ImportColumns.TONGBAN;
            case "serviceObjectCodes" -> ImportColumns.OBJECTS;
            case "handlingFormCodes" -> ImportColumns.FORMS;
            case "divisionCode" -> ImportColumns.DIVISION;
            case "online" -> ImportColumns.ONLINE;
            case "onlineUrl" -> ImportColumns.ONLINE_URL;
            case "location" -> ImportColumns.LOCATION;
            case "hours" -> ImportColumns.HOURS;
            case "consultPhone" -> ImportColumns.CONSULT_PHONE;
            case "supervisePhone" -> ImportColumns.SUPERVISE_PHONE;
            case "materials" -> ImportColumns.MATERIALS;
            case "keywords" -> ImportColumns.KEYWORDS;
            default -> field; // already a column (a cell the mapper could not read)
        };
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
