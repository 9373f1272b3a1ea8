package io.govhub.gateway.guide;

import com.fasterxml.jackson.databind.JsonNode;
import io.govhub.gateway.support.EmbeddedAppIT;
import io.govhub.gateway.support.Http;
import io.govhub.core.tabular.CsvRows;
import io.govhub.guide.imports.ImportColumns;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Imports of implementation lists through the API: CSV in UTF-8 and GBK, XLSX, bad rows, bad files. */
class GuideImportIT extends EmbeddedAppIT {

    private static final String CITY_BUREAU = "11371300MB28500257";
    private static int seq = 500;

    /** The template's example row with a fresh code (and optionally other values). */
    private static List<String> row(String name, String... overrides) {
        String[] example = ImportColumns.template().split("\r\n")[1].split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
        List<String> cells = new ArrayList<>();
        for (String c : example) {
            cells.add(c.startsWith("\"") ? c.substring(1, c.length() - 1).replace("\"\"", "\"") : c);
        }
        String basic = "98000" + (seq++) + "0000";
        cells.set(ImportColumns.ALL.indexOf(ImportColumns.NAME), name);
        cells.set(ImportColumns.ALL.indexOf(ImportColumns.BASIC_CODE), basic);
        cells.set(ImportColumns.ALL.indexOf(ImportColumns.IMPLEMENTATION_CODE), CITY_BUREAU + "3" + basic);
        for (int i = 0; i < overrides.length; i += 2) {
            cells.set(ImportColumns.ALL.indexOf(overrides[i]), overrides[i + 1]);
        }
        return cells;
    }

    private static byte[] csv(Charset cs, List<List<String>> rows) {
        StringBuilder b = new StringBuilder(CsvRows.line(ImportColumns.ALL.toArray(new String[0]))).append("\r\n");
        rows.forEach(r -> b.append(CsvRows.line(r.toArray(new String[0]))).append("\r\n"));
        return b.toString().getBytes(cs);
    }

    private Http.Response upload(String user, String fileName, byte[] content, String charset) {
        String boundary = "govhub-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        if (charset != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"charset\"\r\n\r\n" + charset
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(http().uri("/api/v1/guide-imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return http().send(user == null ? b : Http.auth(b, user));
    }

    /** Starts an import and waits (at most a minute) until it is done or failed. */
    private JsonNode importAndWait(String fileName, byte[] content, String charset) throws Exception {
        Http.Response started = upload("guide-editor", fileName, content, charset);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String location = started.header("Location");
        for (int i = 0; i < 600; i++) {
            JsonNode job = http().get(location, "guide-editor").json();
            String status = job.path("status").asText();
            if (status.equals("DONE") || status.equals("FAILED")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import did not finish");
    }

    private JsonNode rejectedRows(JsonNode job) {
        return http().get("/api/v1/guide-imports/" + job.path("id").asLong() + "/rows?outcome=REJECTED", "guide-editor").json();
    }

    @Test
    void csv_utf8_with_a_bad_row_creates_the_good_ones_and_reports_the_bad_one() throws Exception {
        List<String> good = row("导入测试：合格事项");
        List<String> bad = row("导入测试：不合格事项", ImportColumns.LEGAL_BASIS, "", ImportColumns.CHARGED, "是",
                ImportColumns.FEES, "工本费|-5|依据");
        List<String> alsoGood = row("导入测试：第二个合格事项");
        JsonNode job = importAndWait("清单.csv", csv(StandardCharsets.UTF_8, List.of(good, bad, alsoGood)), null);
        assertThat(job.path("status").asText()).isEqualTo("DONE");
        assertThat(job.path("charset").asText()).isEqualTo("UTF-8");
        assertThat(job.path("rowsRead").asInt()).isEqualTo(3);
        assertThat(job.path("created").asInt()).isEqualTo(2);
        assertThat(job.path("rejected").asInt()).isEqualTo(1);
        JsonNode rejected = rejectedRows(job);
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).path("row").asInt()).isEqualTo(3);
        assertThat(rejected.get(0).path("problems").asText()).contains("legalBasis").contains("amountYuan");
        // nothing of the bad row was written
        String badCode = bad.get(ImportColumns.ALL.indexOf(ImportColumns.IMPLEMENTATION_CODE));
        assertThat(http().get("/api/v1/guide-items", "guide-editor").body()).doesNotContain(badCode)
                .contains(good.get(ImportColumns.ALL.indexOf(ImportColumns.IMPLEMENTATION_CODE)));
    }

    @Test
    void csv_in_gbk_is_detected_and_an_existing_item_is_updated() throws Exception {
        List<String> first = row("导入测试：GBK 事项");
        JsonNode created = importAndWait("gbk.csv", csv(Charset.forName("GBK"), List.of(first)), null);
        assertThat(created.path("charset").asText()).isEqualTo("GB18030");
        assertThat(created.path("created").asInt()).isEqualTo(1);
        first.set(ImportColumns.ALL.indexOf(ImportColumns.HOURS), "工作日 8:30–17:30（GBK 更新）");
        JsonNode updated = importAndWait("gbk.csv", csv(Charset.forName("GBK"), List.of(first)), "GBK");
        assertThat(updated.path("updated").asInt()).isEqualTo(1);
        assertThat(http().get("/api/v1/guide-items", "guide-editor").body()).contains("导入测试：GBK 事项");
    }

    @Test
    void gbk_declared_as_utf8_fails_with_a_message_about_the_encoding() throws Exception {
        JsonNode job = importAndWait("wrong.csv", csv(Charset.forName("GBK"), List.of(row("导入测试：编码"))), "UTF-8");
        assertThat(job.path("status").asText()).isEqualTo("FAILED");
        assertThat(job.path("message").asText()).contains("表头缺少必需的列").contains("GBK");
    }

    @Test
    void xlsx_is_imported_and_its_bad_row_reported() throws Exception {
        List<String> r = row("导入测试：XLSX 事项");
        List<String> bad = row("导入测试：XLSX 坏行", ImportColumns.TYPE, "99", ImportColumns.CONSULT_PHONE, "");
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet("实施清单");
            var header = sheet.createRow(0);
            for (int i = 0; i < ImportColumns.ALL.size(); i++) {
                header.createCell(i).setCellValue(ImportColumns.ALL.get(i));
            }
            var data = sheet.createRow(1);
            for (int i = 0; i < r.size(); i++) {
                data.createCell(i).setCellValue(r.get(i));
            }
            var badRow = sheet.createRow(2);
            for (int i = 0; i < bad.size(); i++) {
                badRow.createCell(i).setCellValue(bad.get(i));
            }
            wb.write(out);
            xlsx = out.toByteArray();
        }
        JsonNode job = importAndWait("清单.xlsx", xlsx, null);
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.path("created").asInt()).isEqualTo(1);
        assertThat(job.path("rejected").asInt()).isEqualTo(1);
        JsonNode rejected = rejectedRows(job);
        assertThat(rejected.get(0).path("row").asInt()).isEqualTo(3);
        assertThat(rejected.get(0).path("problems").asText()).contains("typeCode").contains("consultPhone");
    }

    @Test
    void an_xlsx_with_an_external_entity_is_refused() throws Exception {
        JsonNode job = importAndWait("xxe.xlsx", io.govhub.gateway.support.HostileXml.xlsx(
                io.govhub.gateway.support.HostileXml.EXTERNAL_ENTITY), null);
        assertThat(job.path("status").asText()).isEqualTo("FAILED");
        assertThat(job.toString()).doesNotContain("root:");
    }

    @Test
    void files_that_are_not_spreadsheets() throws Exception {
        JsonNode job = importAndWait("broken.xlsx", "not a zip".getBytes(StandardCharsets.UTF_8), null);
        assertThat(job.path("status").asText()).isEqualTo("FAILED");
        assertThat(job.path("message").asText()).contains("文件无法读取");
        Http.Response txt = upload("guide-editor", "list.txt", "x".getBytes(StandardCharsets.UTF_8), null);
        assertThat(txt.status()).isEqualTo(415);
        assertThat(txt.code()).isEqualTo("REQUEST_MEDIA_TYPE");
    }

    @Test
    void only_editors_import_and_only_their_own_reports_are_visible() throws Exception {
        Http.Response clerk = upload("clerk-lanshan", "a.csv", csv(StandardCharsets.UTF_8, List.of()), null);
        assertThat(clerk.status()).isEqualTo(403);
        assertThat(upload(null, "a.csv", csv(StandardCharsets.UTF_8, List.of()), null).status()).isEqualTo(401);
        JsonNode job = importAndWait("empty.csv", csv(StandardCharsets.UTF_8, List.of()), null);
        assertThat(job.path("rowsRead").asInt()).isZero();
        // imports are an editor's: a reviewer is refused at the door (EndpointRoles), before the job is looked up
        Http.Response reviewer = http().get("/api/v1/guide-imports/" + job.path("id").asLong(), "guide-reviewer");
        assertThat(reviewer.status()).isEqualTo(403);
        assertThat(reviewer.code()).isEqualTo("ACCESS_DENIED");
    }

    @Test
    void the_template_downloads_and_imports_as_is() throws Exception {
        Http.Response t = http().get("/api/v1/guide-imports/template.csv");
        assertThat(t.status()).isEqualTo(200);
        assertThat(t.contentType()).startsWith("text/csv");
        assertThat(t.body()).startsWith("\uFEFF事项名称,基本编码,实施编码");
        // its example row is the demo item 食品经营许可（新办）: importing it updates that item's draft
        JsonNode job = importAndWait("template.csv", t.raw().body(), null);
        assertThat(job.path("updated").asInt()).as(rejectedRows(job).toString()).isEqualTo(1);
    }
}
