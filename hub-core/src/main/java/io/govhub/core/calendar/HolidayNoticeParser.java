package io.govhub.core.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.FieldProblem;
import io.govhub.core.shared.GovhubException;
import io.govhub.core.shared.Text;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a holiday notice in the holiday-cn JSON format ({@code {"year":2026,"papers":[…],"days":[{"name":"春节",
 * "date":"2026-02-15","isOffDay":true}, …]}}) and checks it. Every problem is reported with its field, not just the
 * first; extra members such as {@code $schema} are ignored.
 */
public final class HolidayNoticeParser {

    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private HolidayNoticeParser() {
    }

    /** Parses without requiring the notice to be published: the bundled data includes empty future years. */
    public static HolidayNotice parse(byte[] json) {
        return parse(json, null, false);
    }

    /**
     * Parses and validates a notice an administrator loads.
     *
     * @param expectedYear the year the caller says it is for, or {@code null}
     * @param requireDays  whether an empty notice is an error (it is for uploads: an empty notice makes no year
     *                     known)
     */
    public static HolidayNotice parse(byte[] json, Integer expectedYear, boolean requireDays) {
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(json));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw invalid(List.of(new FieldProblem("$", "ENCODING_NOT_UTF8",
                    Text.of("文件不是 UTF-8 编码（可能是 GBK），请另存为 UTF-8 后重试",
                            "The file is not UTF-8 (GBK, perhaps); save it as UTF-8 and try again"))));
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid(List.of(new FieldProblem("$", "JSON_MALFORMED",
                    Text.of("不是合法的 JSON（第 " + e.getLocation().getLineNr() + " 行）",
                            "Not valid JSON (line " + e.getLocation().getLineNr() + ")"))));
        } catch (java.io.IOException e) {
            throw invalid(List.of(new FieldProblem("$", "JSON_MALFORMED", Text.of("无法读取", "Unreadable"))));
        }
        if (root == null || !root.isObject()) {
            throw invalid(List.of(new FieldProblem("$", "JSON_MALFORMED",
                    Text.of("应为 JSON 对象", "Must be a JSON object"))));
        }
        List<FieldProblem> problems = new ArrayList<>();
        JsonNode yearNode = root.get("year");
        int year = 0;
        if (yearNode == null || !yearNode.canConvertToInt() || !yearNode.isIntegralNumber()) {
            problems.add(problem("year", "缺少年份或年份不是整数", "year is missing or not an integer"));
        } else {
            year = yearNode.intValue();
            if (year < MIN_YEAR || year > MAX_YEAR) {
                problems.add(problem("year", "年份应在 " + MIN_YEAR + "–" + MAX_YEAR + " 之间",
                        "year must be between " + MIN_YEAR + " and " + MAX_YEAR));
            } else if (expectedYear != null && year != expectedYear) {
                problems.add(problem("year", "文件中的年份 " + year + " 与请求的年份 " + expectedYear + " 不一致",
                        "year " + year + " in the file does not match the requested year " + expectedYear));
            }
        }
        List<String> papers = new ArrayList<>();
        JsonNode papersNode = root.get("papers");
        if (papersNode == null || !papersNode.isArray()) {
            problems.add(problem("papers", "缺少 papers 数组（国务院通知网址）", "papers (the notices' addresses) must be an array"));
        } else {
            for (int i = 0; i < papersNode.size(); i++) {
                JsonNode p = papersNode.get(i);
                if (!p.isTextual() || p.asText().isBlank()) {
                    problems.add(problem("papers[" + i + "]", "应为非空字符串", "must be a non-empty string"));
                } else {
                    papers.add(p.asText().strip());
                }
            }
            if (requireDays && papers.isEmpty()) {
                problems.add(problem("papers", "至少应列出一份国务院通知", "at least one official notice must be listed"));
            }
        }
        List<NoticeDay> days = new ArrayList<>();
        JsonNode daysNode = root.get("days");
        if (daysNode == null || !daysNode.isArray()) {
            problems.add(problem("days", "缺少 days 数组", "days must be an array"));
        } else {
            if (requireDays && daysNode.isEmpty()) {
                problems.add(problem("days", "未列出任何节假日或调休日；空的通知不能使该年度可用",
                        "no days listed; an empty notice cannot make a year known"));
            }
            Set<LocalDate> seen = new HashSet<>();
            for (int i = 0; i < daysNode.size(); i++) {
                readDay(daysNode.get(i), "days[" + i + "]", year, seen, problems).ifPresent(days::add);
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return new HolidayNotice(year, papers, days);
    }

    private static java.util.Optional<NoticeDay> readDay(JsonNode d, String path, int year, Set<LocalDate> seen,
                                                         List<FieldProblem> problems) {
        if (d == null || !d.isObject()) {
            problems.add(problem(path, "应为对象", "must be an object"));
            return java.util.Optional.empty();
        }
        int before = problems.size();
        JsonNode name = d.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            problems.add(problem(path + ".name", "缺少节日名称", "name is missing"));
        }
        JsonNode off = d.get("isOffDay");
        if (off == null || !off.isBoolean()) {
            problems.add(problem(path + ".isOffDay", "isOffDay 应为 true 或 false", "isOffDay must be true or false"));
        }
        LocalDate date = null;
        JsonNode dateNode = d.get("date");
        if (dateNode == null || !dateNode.isTextual()) {
            problems.add(problem(path + ".date", "缺少日期", "date is missing"));
        } else {
            try {
                date = LocalDate.parse(dateNode.asText());
            } catch (DateTimeParseException e) {
                problems.add(problem(path + ".date", "日期 " + dateNode.asText() + " 不是合法的 YYYY-MM-DD 日期",
                        "date " + dateNode.asText() + " is not a valid YYYY-MM-DD date"));
            }
        }
        if (date != null && year != 0) {
            // a notice names days of its own year, and late-December days before it (e.g. 2012's notice: 2011-12-31)
            LocalDate first = LocalDate.of(year - 1, 12, 1);
            LocalDate last = LocalDate.of(year + 1, 1, 31);
            if (date.isBefore(first) || date.isAfter(last)) {
                problems.add(problem(path + ".date", "日期 " + date + " 不属于 " + year + " 年的通知范围",
                        "date " + date + " lies outside the range of a " + year + " notice"));
            }
        }
        if (date != null && !seen.add(date)) {
            problems.add(problem(path + ".date", "日期 " + date + " 重复", "date " + date + " is listed twice"));
        }
        if (problems.size() > before || date == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new NoticeDay(date, name.asText().strip(), off.booleanValue()));
    }

    private static FieldProblem problem(String field, String zh, String en) {
        return new FieldProblem(field, "CALENDAR_NOTICE_INVALID", Text.of(zh, en));
    }

    private static GovhubException invalid(List<FieldProblem> problems) {
        return new GovhubException(ErrorCode.CALENDAR_NOTICE_INVALID, Text.of(
                "节假日安排数据不合法，共 " + problems.size() + " 处问题",
                "The holiday notice is invalid: " + problems.size() + " problem(s)"), problems);
    }
}
