package io.govhub.gateway.credit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.govhub.gateway.support.EmbeddedAppIT;
import io.govhub.gateway.support.Http;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * REST intake of penalty decisions through the broker: receipt at once, every record's outcome by submission id,
 * duplicates and updates, and a public view with no personal data in clear.
 */
class CreditIntakeIT extends EmbeddedAppIT {

    private static final String MARKET = "11371300MB28500332";
    private static final Pattern ID = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[\\dXx](?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    private ObjectNode penalty(String docNo, String fine) {
        ObjectNode n = json.createObjectNode();
        n.put("CF_XDR_MC", "李四光");
        n.put("CF_XDR_LB", "自然人");
        n.put("CF_XDR_ZJLX", "身份证");
        n.put("CF_XDR_ZJHM", "37130219900101002X");
        n.put("CF_WSH", docNo);
        n.put("CF_WFXW", "无证经营");
        n.put("CF_SY", "当事人未取得许可从事食品经营，电话 13912345678");
        n.put("CF_YJ", "《中华人民共和国食品安全法》第一百二十二条");
        n.put("CF_CFLB", "罚款");
        n.put("CF_NR", "罚款");
        n.put("CF_NR_FK", fine);
        n.put("CF_JDRQ", "2026-11-20");
        n.put("CF_CFJG", "临沂市市场监督管理局");
        n.put("CF_CFJGDM", MARKET);
        n.put("CF_SJLY", "临沂市市场监督管理局");
        n.put("CF_SJLYDM", MARKET);
        return n;
    }

    private Http.Response post(String user, Object body) {
        return http().send("POST", "/api/v1/credit/penalties", user, "application/json",
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Waits (bounded) until no record of the submission is still RECEIVED. */
    private JsonNode processed(Http.Response receipt) throws InterruptedException {
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(202);
        String location = receipt.header("Location");
        for (int i = 0; i < 300; i++) {
            JsonNode s = http().get(location, "credit-officer").json();
            if (!s.path("counts").has("RECEIVED")) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not processed");
    }

    @Test
    void good_and_bad_records_then_duplicate_then_update() throws Exception {
        String doc = "临市监罚〔2026〕" + System.nanoTime() % 100000 + "号";
        ArrayNode batch = json.createArrayNode();
        batch.add(penalty(doc, "0.5"));
        ObjectNode bad = penalty(doc + "-bad", "-3");
        bad.remove("CF_YJ");
        batch.add(bad);
        Http.Response receipt = post("credit-officer", batch);
        assertThat(receipt.json().path("records").asInt()).isEqualTo(2);
        JsonNode s = processed(receipt);
        assertThat(s.path("items").get(0).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(s.path("items").get(1).path("status").asText()).isEqualTo("REJECTED");
        assertThat(s.path("items").get(1).path("problems").findValuesAsText("field")).contains("CF_YJ", "CF_NR_FK");

        assertThat(processed(post("credit-officer", penalty(doc, "0.5"))).path("items").get(0).path("status").asText())
                .isEqualTo("DUPLICATE");
        assertThat(processed(post("credit-officer", penalty(doc, "0.8"))).path("items").get(0).path("status").asText())
                .isEqualTo("UPDATED");

        JsonNode found = http().get("/api/v1/credit/public?q=" + java.net.URLEncoder.encode(doc, StandardCharsets.UTF_8)).json();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("subject").asText()).isEqualTo("李**");
        assertThat(found.get(0).path("fields").path("CF_NR_FK").asText()).isEqualTo("0.800000");
    }

    @Test
    void no_public_response_carries_personal_data_in_clear() throws Exception {
        JsonNode s = processed(post("credit-officer", penalty("临市监罚〔2026〕公开" + System.nanoTime() % 100000 + "号", "1")));
        long id = s.path("items").get(0).path("recordId").asLong();
        // the record's own public answer and page, and the list
        Http.Response one = http().get("/api/v1/credit/public/" + id);
        assertThat(one.status()).isEqualTo(200);
        Http.Response page = http().get("/credit/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("违法事实").contains("临沂市市场监督管理局");
        String all = http().get("/api/v1/credit/public?size=100").body() + one.body() + page.body();
        assertThat(all).contains("CF_XDR_ZJHM");
        assertThat(ID.matcher(all).find()).as("unmasked ID number in %s", all).isFalse();
        assertThat(MOBILE.matcher(all).find()).as("unmasked mobile number").isFalse();
        assertThat(all).doesNotContain("李四光");
    }

    @Test
    void public_fields_are_kept_apart_only_when_the_masking_changed_something() throws Exception {
        // a company's decision: the masking finds nothing, no second copy is kept and the public sees its fields
        String companyDoc = "临市监罚〔2026〕企业" + System.nanoTime() % 100000 + "号";
        Map<String, String> company = new java.util.LinkedHashMap<>(CreditFixtures.companyPenalty(companyDoc, "2", "2026-11-20"));
        long companyId = processed(post("credit-officer", json.valueToTree(company))).path("items").get(0).path("recordId").asLong();
        // a person's: the masked copy is kept, and it is what the public sees
        String personDoc = "临市监罚〔2026〕个人" + System.nanoTime() % 100000 + "号";
        long personId = processed(post("credit-officer", penalty(personDoc, "1"))).path("items").get(0).path("recordId").asLong();
        assertThat(jdbc.queryForObject("select public_fields is null from credit_record where id = ?", Boolean.class,
                companyId)).isTrue();
        assertThat(jdbc.queryForObject("select public_fields ->> 'CF_XDR_MC' from credit_record where id = ?", String.class,
                personId)).isEqualTo("李**");

        JsonNode companyPublic = http().get("/api/v1/credit/public/" + companyId).json();
        assertThat(companyPublic.path("fields").path("CF_XDR_MC").asText()).isEqualTo("临沂某某食品有限公司");
        assertThat(companyPublic.path("fields").path("CF_FRDB").asText()).isEqualTo("赵六");
        JsonNode byUscc = http().get("/api/v1/credit/public?q=91350100M000100Y43&size=100").json();
        assertThat(byUscc.findValuesAsText("documentNumber")).contains(companyDoc);
        String personPublic = http().get("/api/v1/credit/public/" + personId).body()
                + http().get("/api/v1/credit/public?q=" + java.net.URLEncoder.encode(personDoc, StandardCharsets.UTF_8)).body();
        assertThat(personPublic).contains("李**").doesNotContain("李四光").doesNotContain("37130219900101002X")
                .doesNotContain("13912345678");
    }

    @Test
    void an_officer_submits_their_own_organisations_decisions_only() throws Exception {
        ObjectNode other = penalty("临审批罚〔2026〕" + System.nanoTime() % 100000 + "号", "1");
        other.put("CF_CFJGDM", "11371300MB28500257");
        // refused at once, the record named with its field; no receipt, nothing stored
        Http.Response r = post("credit-officer", other);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("records[0].CF_CFJGDM");
        assertThat(r.json().path("errors").get(0).path("code").asText()).isEqualTo("CREDIT_NOT_OWN_DECISION");
        assertThat(r.header("Location")).isNull();
    }

    @Test
    void who_may_submit_and_read() {
        assertThat(post("clerk-lanshan", penalty("x", "1")).status()).isEqualTo(403);
        assertThat(http().send("POST", "/api/v1/credit/penalties", null, "application/json",
                penalty("x", "1").toString().getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(401);
        String location = post("credit-officer", penalty("临市监罚〔2026〕读" + System.nanoTime() % 100000 + "号", "1"))
                .header("Location");
        assertThat(http().get(location, "clerk-feixian").status()).isEqualTo(403);
        assertThat(http().get(location, "supervisor").status()).isEqualTo(200);
        assertThat(http().get("/api/v1/credit/submissions/not-a-uuid", "credit-officer").code()).isEqualTo("RESOURCE_NOT_FOUND");
    }

    @Test
    void malformed_bodies() {
        assertThat(post("credit-officer", "\"just a string\"").code()).isEqualTo("REQUEST_MALFORMED");
        assertThat(post("credit-officer", "[{\"CF_XDR_MC\":{\"nested\":1}}]").code()).isEqualTo("REQUEST_FIELD_INVALID");
        assertThat(post("credit-officer", "[]").code()).isEqualTo("REQUEST_FIELD_INVALID");
    }

    private Http.Response upload(String user, String fileName, byte[] content) {
        String boundary = "govhub-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http().send("POST", "/api/v1/credit/batches", user, "multipart/form-data; boundary=" + boundary,
                body.toByteArray());
    }

    private static String csv(java.util.List<ObjectNode> records) {
        java.util.List<String> columns = new java.util.ArrayList<>();
        records.get(0).fieldNames().forEachRemaining(columns::add);
        StringBuilder b = new StringBuilder(String.join(",", columns)).append("\r\n");
        for (ObjectNode r : records) {
            b.append(String.join(",", columns.stream().map(c -> {
                String v = r.path(c).asText("");
                return v.contains(",") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
            }).toList())).append("\r\n");
        }
        return b.toString();
    }

    @Test
    void a_gbk_csv_batch_accepts_the_good_rows_and_reports_the_bad_one() throws Exception {
        String base = "临市监罚〔2026〕批" + System.nanoTime() % 100000 + "-";
        ObjectNode bad = penalty(base + "3", "abc");
        java.util.List<ObjectNode> rows = java.util.List.of(penalty(base + "1", "1"), penalty(base + "2", "2.5"), bad);
        Http.Response receipt = upload("credit-officer", "处罚.csv", csv(rows).getBytes("GBK"));
        assertThat(receipt.json().path("type").asText()).isEqualTo("PENALTY");
        assertThat(receipt.json().path("records").asInt()).isEqualTo(3);
        JsonNode s = processed(receipt);
        assertThat(s.path("counts").path("ACCEPTED").asInt()).isEqualTo(2);
        assertThat(s.path("counts").path("REJECTED").asInt()).isEqualTo(1);
        assertThat(s.path("items").get(2).path("problems").get(0).path("field").asText()).isEqualTo("CF_NR_FK");
        // read as GBK: the names came through
        assertThat(http().get("/api/v1/credit/public?q=" + java.net.URLEncoder.encode(base + "1", StandardCharsets.UTF_8))
                .json().get(0).path("subject").asText()).isEqualTo("李**");
    }

    @Test
    void every_submission_is_in_the_message_log_with_the_hash_of_what_was_received() throws Exception {
        String doc = "临市监罚〔2026〕日志" + System.nanoTime() % 100000 + "号";
        // sent with its own layout (spaces, line breaks, an array): the hash is of these bytes, not of a re-written body
        byte[] sent = ("[\n  " + penalty(doc, "1").toPrettyString().replace("\n", "\n  ") + "\n]\n")
                .getBytes(StandardCharsets.UTF_8);
        String id = http().send("POST", "/api/v1/credit/penalties", "credit-officer", "application/json", sent).json()
                .path("submissionId").asText();
        java.util.Map<String, Object> rest = jdbc.queryForMap("select peer, direction, operation, body_hash, body"
                + " from message_log where correlation_id = ?", id);
        assertThat(rest.get("peer")).isEqualTo("credit-officer");
        assertThat(rest.get("direction")).isEqualTo("IN");
        assertThat(rest.get("operation")).isEqualTo("CREDIT_PENALTY_REST");
        assertThat(rest.get("body_hash")).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(sent)));
        assertThat(rest.get("body")).as("metadata only: the records are kept with the submission").isNull();

        byte[] file = csv(java.util.List.of(penalty(doc + "-批", "1"))).getBytes(StandardCharsets.UTF_8);
        String batch = upload("credit-officer", "处罚.csv", file).json().path("submissionId").asText();
        java.util.Map<String, Object> logged = jdbc.queryForMap("select operation, body from message_log"
                + " where correlation_id = ?", batch);
        assertThat(logged.get("operation")).isEqualTo("CREDIT_PENALTY_BATCH");
        JsonNode body = json.readTree((String) logged.get("body"));
        assertThat(body.path("sha256").asText()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(file)));
        assertThat(body.path("bytes").asLong()).isEqualTo(file.length);
        assertThat(body.path("file").asText()).isEqualTo("处罚.csv");
        // and the chain still verifies with them in it
        assertThat(http().get("/api/v1/admin/message-log/verify", "admin").json().path("valid").asBoolean()).isTrue();
    }

    @Test
    void an_xlsx_batch() throws Exception {
        ObjectNode r = penalty("临市监罚〔2026〕表" + System.nanoTime() % 100000 + "号", "3");
        byte[] xlsx;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            var sheet = wb.createSheet("CF");
            var header = sheet.createRow(0);
            var data = sheet.createRow(1);
            int i = 0;
            for (var it = r.fields(); it.hasNext(); i++) {
                var e = it.next();
                header.createCell(i).setCellValue(e.getKey());
                data.createCell(i).setCellValue(e.getValue().asText());
            }
            wb.write(out);
            xlsx = out.toByteArray();
        }
        assertThat(processed(upload("credit-officer", "cf.xlsx", xlsx)).path("counts").path("ACCEPTED").asInt()).isEqualTo(1);
    }

    @Test
    void a_2015_template_batch_is_read_with_the_officers_organisation_as_the_authority() throws Exception {
        String doc = "临市监罚〔2016〕旧" + System.nanoTime() % 100000 + "号";
        String csv = "行政处罚决定书文号,处罚名称,处罚类别1,处罚类别2,处罚事由,处罚依据,行政相对人名称,行政相对人代码_1(统一社会信用代码),"
                + "行政相对人代码_2,行政相对人代码_3,行政相对人代码_4,行政相对人代码_5(居民身份证号),法定代表人姓名,处罚结果,处罚决定日期,"
                + "处罚机关,当前状态,地方编码,数据更新时间戳,公示期限,备注\r\n"
                + doc + ",无证经营案,罚款,,未取得许可从事食品经营,《食品安全法》第一百二十二条,临沂某某商贸有限公司,91350100M000100Y43,"
                + ",,,,张三,罚款人民币5000元,2026-11-20,临沂市市场监督管理局,0,371300,,1,\r\n";
        JsonNode s = processed(upload("credit-officer", "2015旧模板.csv", csv.getBytes("GBK")));
        assertThat(s.path("counts").path("ACCEPTED").asInt()).as(s.toString()).isEqualTo(1);
        Map<String, Object> row = jdbc.queryForMap("select fields ->> 'CF_CFJGDM' as authority, fields ->> 'CF_NR_FK' as fine,"
                + " fields ->> 'CF_GSJZQ' as until from credit_record where document_number = ?", doc);
        assertThat(row).containsEntry("authority", MARKET).containsEntry("fine", "0.500000").containsEntry("until", "2027-11-20");
    }

    @Test
    void batches_in_an_unknown_layout_or_unreadable_are_refused_whole() {
        Http.Response old = upload("credit-officer", "old.csv", "行政相对人名称,代码_1,代码_2\n某公司,1,2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(old.status()).isEqualTo(400);
        assertThat(old.json().path("detail").asText()).contains("2015");
        Http.Response garbage = upload("credit-officer", "x.xlsx", "not a zip".getBytes(StandardCharsets.UTF_8));
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.code()).isEqualTo("REQUEST_MALFORMED");
        assertThat(upload("credit-officer", "x.pdf", "%PDF".getBytes(StandardCharsets.UTF_8)).code()).isEqualTo("REQUEST_MEDIA_TYPE");
        assertThat(upload("clerk-lanshan", "x.csv", "CF_WSH\n1\n".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
    }

    /**
     * A batch file over govhub.http.max-import-size (50 MB) is refused with 413 while it streams in (sent chunked,
     * without a declared length), and nothing of it is stored.
     */
    @Test
    void an_oversized_batch_file_is_refused_and_nothing_is_stored() {
        Integer before = jdbc.queryForObject("select count(*) from credit_submission", Integer.class);
        String boundary = "govhub-big";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nCF_WSH,CF_XDR_MC\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] row = "临市监罚〔2026〕大1号,临沂某某食品有限公司\r\n".getBytes(StandardCharsets.UTF_8);
        long rows = 51L * 1024 * 1024 / row.length + 1; // just over 51 MB of rows, generated as it is sent
        java.io.InputStream body = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head),
                new java.io.InputStream() {
                    long left = rows * row.length;

                    @Override
                    public int read() {
                        return left-- > 0 ? row[(int) ((rows * row.length - left - 1) % row.length)] & 0xff : -1;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        int n = 0;
                        while (n < len && left > 0) {
                            b[off + n++] = (byte) read();
                        }
                        return n == 0 ? -1 : n;
                    }
                });
        Http.Response r = http().send(Http.auth(java.net.http.HttpRequest.newBuilder(http().uri("/api/v1/credit/batches"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> body)), "credit-officer"));
        assertThat(r.status()).as(r.body()).isEqualTo(413);
        assertThat(r.code()).as(r.body()).isEqualTo("REQUEST_TOO_LARGE");
        assertThat(jdbc.queryForObject("select count(*) from credit_submission", Integer.class)).isEqualTo(before);
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.govhub.core.calendar.CalendarService calendar;

    private JsonNode marketLine(String from, String to) {
        for (JsonNode l : http().get("/api/v1/credit/compliance?from=" + from + "&to=" + to, "supervisor").json()) {
            if (l.path("authorityUscc").asText().equals(MARKET)) {
                return l;
            }
        }
        return json.createObjectNode().put("total", 0).put("onTime", 0).put("late", 0).put("lateWorkingDays", 0)
                .put("unknown", 0);
    }

    @Test
    void the_compliance_report_counts_a_late_publication() throws Exception {
        // other records of the period (the demo data, other tests) are there too: measure the difference
        JsonNode before = marketLine("2026-10-01", "2026-10-31");
        // decided Fri 2026-10-09: due 2026-10-19 (10-10 is an adjusted working day); published today, so late
        ObjectNode october = penalty("临市监罚〔2026〕十月" + System.nanoTime() % 100000 + "号", "1");
        october.put("CF_JDRQ", "2026-10-09");
        assertThat(processed(post("credit-officer", october)).path("items").get(0).path("status").asText()).isEqualTo("ACCEPTED");

        JsonNode after = marketLine("2026-10-01", "2026-10-31");
        assertThat(after.path("total").asInt() - before.path("total").asInt()).isEqualTo(1);
        assertThat(after.path("onTime").asInt()).isEqualTo(before.path("onTime").asInt());
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        if (calendar.calendar().isKnown(today.getYear())) {
            assertThat(after.path("late").asInt() - before.path("late").asInt()).isEqualTo(1);
            assertThat(after.path("lateWorkingDays").asInt() - before.path("lateWorkingDays").asInt())
                    .isEqualTo(calendar.workingDaysBetween(java.time.LocalDate.of(2026, 10, 19), today));
        } else {
            assertThat(after.path("unknown").asInt() - before.path("unknown").asInt()).isEqualTo(1);
        }

        Http.Response csv = http().get("/api/v1/credit/compliance.csv?from=2026-10-01&to=2026-10-31", "supervisor");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF决定机关").contains("临沂市市场监督管理局,11371300MB28500332,371300,"
                + after.path("total").asInt() + "," + after.path("onTime").asInt() + ",");
        Http.Response xlsx = http().get("/api/v1/credit/compliance.xlsx?from=2026-10-01&to=2026-10-31", "supervisor");
        assertThat(xlsx.status()).isEqualTo(200);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.raw().body()))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("决定机关");
            org.apache.poi.ss.usermodel.Row market = null;
            for (var row : sheet) {
                if ("11371300MB28500332".equals(row.getCell(1).getStringCellValue())) {
                    market = row;
                }
            }
            assertThat(market).isNotNull();
            assertThat(market.getCell(3).getNumericCellValue()).isEqualTo(after.path("total").asInt());
            for (var row : sheet) {
                for (var cell : row) {
                    assertThat(cell.getCellType()).isNotEqualTo(org.apache.poi.ss.usermodel.CellType.FORMULA);
                }
            }
        }
        assertThat(http().get("/api/v1/credit/compliance?from=2026-10-01&to=2026-10-31", "credit-officer").status())
                .isEqualTo(403);
        assertThat(http().get("/api/v1/credit/compliance?from=2026-10-31&to=2026-10-01", "supervisor").code())
                .isEqualTo("REQUEST_PARAMETER_INVALID");
    }

    @Test
    void a_penalty_whose_publicity_has_ended_is_not_public() throws Exception {
        String tag = String.valueOf(System.nanoTime() % 100000);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        ObjectNode oldWarning = penalty("临市监罚〔2023〕旧" + tag + "号", "1");
        oldWarning.put("CF_JDRQ", today.minusYears(2).toString());
        oldWarning.put("CF_CFLB", "警告");
        oldWarning.remove("CF_NR_FK");
        ObjectNode fine = penalty("临市监罚〔2024〕罚" + tag + "号", "1");
        fine.put("CF_JDRQ", today.minusYears(1).toString());
        ArrayNode both = json.createArrayNode().add(oldWarning).add(fine);
        JsonNode s = processed(post("credit-officer", both));
        assertThat(s.path("counts").path("ACCEPTED").asInt()).isEqualTo(2);

        // a warning alone is public for three months (ended a year and nine months ago); a fine for three years
        assertThat(http().get("/api/v1/credit/public?q=" + java.net.URLEncoder.encode("临市监罚〔2023〕旧" + tag + "号",
                StandardCharsets.UTF_8)).json()).isEmpty();
        JsonNode stillPublic = http().get("/api/v1/credit/public?q=" + java.net.URLEncoder.encode("临市监罚〔2024〕罚" + tag + "号",
                StandardCharsets.UTF_8)).json();
        assertThat(stillPublic).hasSize(1);
        assertThat(stillPublic.get(0).path("publicUntil").asText()).isEqualTo(today.minusYears(1).plusYears(3).toString());
    }

    private int publicHits(String doc) {
        return http().get("/api/v1/credit/public?q=" + java.net.URLEncoder.encode(doc, StandardCharsets.UTF_8)).json().size();
    }

    @Test
    void a_revoked_decision_leaves_the_public_view() throws Exception {
        String doc = "临市监罚〔2026〕撤" + System.nanoTime() % 100000 + "号";
        processed(post("credit-officer", penalty(doc, "1")));
        assertThat(publicHits(doc)).isEqualTo(1);
        String body = "{\"type\":\"PENALTY\",\"documentNumber\":\"" + doc + "\",\"reason\":\"行政复议撤销\"}";
        assertThat(http().send("POST", "/api/v1/credit/revocations", "clerk-lanshan", "application/json",
                body.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);
        Http.Response revoked = http().send("POST", "/api/v1/credit/revocations", "credit-officer", "application/json",
                body.getBytes(StandardCharsets.UTF_8));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(publicHits(doc)).isZero();
        long id = jdbc.queryForObject("select id from credit_record where document_number = ?", Long.class, doc);
        assertThat(http().get("/api/v1/credit/public/" + id).status()).isEqualTo(404);
        assertThat(http().get("/credit/" + id).status()).isEqualTo(404);
        assertThat(http().get("/api/v1/audit?limit=50", "admin").body()).contains("CREDIT_REVOKED");
        String unknown = "{\"type\":\"PENALTY\",\"documentNumber\":\"不存在\",\"reason\":\"x\"}";
        assertThat(http().send("POST", "/api/v1/credit/revocations", "credit-officer", "application/json",
                unknown.getBytes(StandardCharsets.UTF_8)).code()).isEqualTo("RESOURCE_NOT_FOUND");
    }

    @Test
    void credit_repair_only_after_the_minimum_period() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        String tag = String.valueOf(System.nanoTime() % 100000);
        ObjectNode old = penalty("临市监罚〔2025〕修" + tag + "号", "1");
        old.put("CF_JDRQ", today.minusMonths(6).toString());
        ObjectNode recent = penalty("临市监罚〔2026〕新" + tag + "号", "1");
        recent.put("CF_JDRQ", today.minusMonths(1).toString());
        processed(post("credit-officer", json.createArrayNode().add(old).add(recent)));

        Http.Response early = http().send("POST", "/api/v1/credit/repairs", "credit-officer", "application/json",
                ("{\"documentNumber\":\"临市监罚〔2026〕新" + tag + "号\",\"repairDocument\":\"临信修〔2026〕1号\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.code()).isEqualTo("CREDIT_REPAIR_TOO_EARLY");
        assertThat(publicHits("临市监罚〔2026〕新" + tag + "号")).isEqualTo(1);

        assertThat(publicHits("临市监罚〔2025〕修" + tag + "号")).isEqualTo(1);
        Http.Response repaired = http().send("POST", "/api/v1/credit/repairs", "credit-officer", "application/json",
                ("{\"documentNumber\":\"临市监罚〔2025〕修" + tag + "号\",\"repairDocument\":\"临信修〔2026〕2号\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(repaired.status()).as(repaired.body()).isEqualTo(200);
        assertThat(publicHits("临市监罚〔2025〕修" + tag + "号")).isZero();
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.govhub.core.credit.CreditStore store;
    @org.springframework.beans.factory.annotation.Autowired
    io.govhub.core.credit.CreditIntakeService intake;

    @Test
    void a_submission_whose_message_was_lost_is_processed_by_the_recovery() throws Exception {
        // as if the node died between the commit and the send: the submission is stored, no message is on the queue
        String id = java.util.UUID.randomUUID().toString();
        String doc = "临市监罚〔2026〕失" + System.nanoTime() % 100000 + "号";
        Map<String, String> record = json.convertValue(penalty(doc, "1"), new com.fasterxml.jackson.core.type.TypeReference<>() {
        });
        store.saveSubmission(new io.govhub.core.credit.CreditStore.Submission(id, io.govhub.core.credit.RecordType.PENALTY,
                MARKET, "credit-officer", "REST", java.time.Instant.now().minusSeconds(600), 1), java.util.List.of(record));
        assertThat(intake.requeueWaiting(java.time.Duration.ofMinutes(2))).isGreaterThanOrEqualTo(1);
        for (int i = 0; i < 100 && publicHits(doc) == 0; i++) {
            Thread.sleep(100);
        }
        assertThat(publicHits(doc)).isEqualTo(1);
        assertThat(store.outcomePage(id, -1, 1).get(0).status().name()).isEqualTo("ACCEPTED");
    }

    @Test
    void a_rejected_decision_near_its_deadline_raises_a_warning_until_it_is_resubmitted() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        org.junit.jupiter.api.Assumptions.assumeTrue(calendar.calendar().isKnown(today.getYear())
                && calendar.calendar().isKnown(today.getYear() - 1), "this year's holiday notice is loaded");
        // decided 6 working days ago: 1 working day left of 7
        java.time.LocalDate decided = CreditFixtures.workingDaysBefore(calendar, today, 6);
        String doc = "临市监罚〔2026〕警" + System.nanoTime() % 100000 + "号";
        ObjectNode bad = penalty(doc, "1");
        bad.put("CF_JDRQ", decided.toString());
        bad.remove("CF_YJ");
        assertThat(processed(post("credit-officer", bad)).path("items").get(0).path("status").asText()).isEqualTo("REJECTED");
        JsonNode warning = null;
        for (JsonNode w : http().get("/api/v1/credit/warnings", "credit-officer").json()) {
            if (doc.equals(w.path("documentNumber").asText())) {
                warning = w;
            }
        }
        assertThat(warning).as("warning for " + doc).isNotNull();
        assertThat(warning.path("kind").asText()).isEqualTo("REJECTED_NOT_RESUBMITTED");
        assertThat(warning.path("level").asText()).isEqualTo("NEAR_DEADLINE");
        assertThat(warning.path("workingDaysLeft").asInt()).isEqualTo(1);
        assertThat(http().get("/api/v1/credit/warnings", "supervisor").body()).contains(doc);
        assertThat(http().get("/api/v1/credit/warnings", "clerk-lanshan").status()).isEqualTo(403);
        // corrected and accepted, then acknowledged by the credit platform: no warning any more
        ObjectNode good = penalty(doc, "1");
        good.put("CF_JDRQ", decided.toString());
        assertThat(processed(post("credit-officer", good)).path("items").get(0).path("status").asText()).isEqualTo("ACCEPTED");
        for (int i = 0; i < 200 && http().get("/api/v1/credit/warnings", "credit-officer").body().contains(doc); i++) {
            Thread.sleep(100);
        }
        assertThat(http().get("/api/v1/credit/warnings", "credit-officer").body()).doesNotContain(doc);
    }
}
