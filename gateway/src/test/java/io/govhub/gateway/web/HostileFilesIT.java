package io.govhub.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.govhub.gateway.credit.CreditFixtures;
import io.govhub.gateway.support.EmbeddedAppIT;
import io.govhub.gateway.support.HostileXml;
import io.govhub.gateway.support.Http;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile files and XML on every path that parses them, one small test each: an external entity and an entity
 * expansion in the XLSX uploads (credit batches, guide imports) and the credit SOAP service; file names that climb out
 * of a directory in the uploads. (The case service's SOAP XXE and expansion tests are in CaseSoapIT, the case
 * material names in CaseFlowIT.)
 */
class HostileFilesIT extends EmbeddedAppIT {

    private static final Map<String, String> ATTACKS = Map.of("external entity", HostileXml.EXTERNAL_ENTITY,
            "entity expansion", HostileXml.ENTITY_EXPANSION);

    private Http.Response upload(String path, String user, String fileName, byte[] content) {
        return http().send("POST", path, user, "multipart/form-data; boundary=hostile", HostileXml.multipart(fileName, content));
    }

    private JsonNode importJob(Http.Response started) throws InterruptedException {
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        for (int i = 0; i < 300; i++) {
            JsonNode job = http().get(started.header("Location"), "guide-editor").json();
            if (job.path("status").asText().equals("DONE") || job.path("status").asText().equals("FAILED")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not finish");
    }

    @TestFactory
    Stream<DynamicTest> a_credit_batch_workbook_that_attacks_its_parser_is_refused() {
        return ATTACKS.entrySet().stream().map(a -> DynamicTest.dynamicTest(a.getKey(), () -> {
            Http.Response r = upload("/api/v1/credit/batches", "credit-officer", "hostile.xlsx", HostileXml.xlsx(a.getValue()));
            // refused as unreadable, or taken and its rows rejected; never a server error, never the file's contents
            assertThat(r.status()).as(r.body()).isIn(202, 400, 415, 422);
            String answer = r.body();
            if (r.status() == 202) {
                answer += http().get(r.header("Location"), "credit-officer").body();
            }
            assertThat(answer).doesNotContain("root:").doesNotContain("lollol");
        }));
    }

    @TestFactory
    Stream<DynamicTest> a_guide_import_workbook_that_attacks_its_parser_fails() {
        return ATTACKS.entrySet().stream().map(a -> DynamicTest.dynamicTest(a.getKey(), () -> {
            JsonNode job = importJob(upload("/api/v1/guide-imports", "guide-editor", "hostile.xlsx", HostileXml.xlsx(a.getValue())));
            assertThat(job.path("status").asText()).isEqualTo("FAILED");
            assertThat(job.toString()).doesNotContain("root:").doesNotContain("lollol");
        }));
    }

    @TestFactory
    Stream<DynamicTest> a_credit_soap_request_that_attacks_its_parser_is_a_fault() {
        return ATTACKS.entrySet().stream().map(a -> DynamicTest.dynamicTest(a.getKey(), () -> {
            String xml = "<?xml version=\"1.0\"?>" + a.getValue().replace("DOCTYPE r", "DOCTYPE soap:Envelope")
                    + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:c=\"http://govhub.io/ws/credit/v1\">"
                    + "<soap:Body><c:querySubmission><c:submissionId>&e;</c:submissionId></c:querySubmission></soap:Body></soap:Envelope>";
            Http.Response r = http().send(Http.auth(HttpRequest.newBuilder(http().uri("/services/credit"))
                    .header("Content-Type", "text/xml; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)), "credit-officer"));
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.body()).contains("Fault").doesNotContain("root:").doesNotContain("lollol");
        }));
    }

    @Test
    void a_credit_batch_named_to_climb_out_of_its_directory_is_read_by_its_last_name_only() throws Exception {
        Map<String, String> p = CreditFixtures.companyPenalty("临市监罚〔2026〕路径" + System.nanoTime() % 100000 + "号", "0.5",
                "2026-11-20");
        byte[] csv = (String.join(",", p.keySet()) + "\r\n" + String.join(",", p.values()) + "\r\n").getBytes(StandardCharsets.UTF_8);
        Path escaped = Path.of("/tmp/govhub-escaped-" + ProcessHandle.current().pid() + ".csv");
        for (String name : List.of("../../../../../../tmp/" + escaped.getFileName(), "..\\..\\..\\tmp\\" + escaped.getFileName())) {
            Http.Response r = upload("/api/v1/credit/batches", "credit-officer", name, csv);
            assertThat(r.status()).as(name + ": " + r.body()).isEqualTo(202);
            assertThat(r.body()).doesNotContain("..");
        }
        assertThat(Files.exists(escaped)).isFalse();
    }

    @Test
    void a_guide_import_named_to_climb_out_of_its_directory_is_read_by_its_last_name_only() throws Exception {
        byte[] template = http().get("/api/v1/guide-imports/template.csv").raw().body();
        JsonNode job = importJob(upload("/api/v1/guide-imports", "guide-editor", "../../../../etc/cron.d/evil.csv", template));
        assertThat(job.path("status").asText()).isEqualTo("DONE");
        assertThat(job.toString()).doesNotContain("../");
        assertThat(Files.exists(Path.of("/etc/cron.d/evil.csv"))).isFalse();
    }
}
