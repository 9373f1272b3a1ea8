package io.govhub.gateway.cases;

import io.govhub.connectors.soap.cases.Applicant;
import io.govhub.connectors.soap.cases.CasePort;
import io.govhub.connectors.soap.cases.GetCase;
import io.govhub.connectors.soap.cases.GovhubFault_Exception;
import io.govhub.connectors.soap.cases.ReportStatus;
import io.govhub.connectors.soap.cases.SubmitCase;
import io.govhub.connectors.soap.cases.SubmitCaseResponse;
import io.govhub.gateway.support.EmbeddedAppIT;
import io.govhub.gateway.support.Http;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.WebServiceException;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.xml.datatype.DatatypeFactory;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hub's SOAP case service with a real CXF JAX-WS client generated from the same WSDL, dispatch to the SOAP
 * department SIMULATOR and its status reports back over SOAP, and hostile SOAP (XXE, entity expansion, schema
 * violations, wrong encodings, oversized bodies) sent as raw HTTP.
 */
class CaseSoapIT extends EmbeddedAppIT {

    static final String NS = "http://govhub.io/ws/cases/v1";

    @Autowired
    DemoSimulators demo;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    CasePort client(String user) {
        JaxWsProxyFactoryBean f = new JaxWsProxyFactoryBean();
        f.setServiceClass(CasePort.class);
        f.setAddress("http://localhost:" + port + "/services/cases");
        CasePort p = (CasePort) f.create();
        if (user != null) {
            ((BindingProvider) p).getRequestContext().put(BindingProvider.USERNAME_PROPERTY, user);
            ((BindingProvider) p).getRequestContext().put(BindingProvider.PASSWORD_PROPERTY, "demo123");
        }
        return p;
    }

    static SubmitCase submission(String key, String code, String division) {
        SubmitCase s = new SubmitCase();
        s.setIdempotencyKey(key);
        s.setImplementationCode(code);
        s.setDivision(division);
        Applicant a = new Applicant();
        a.setName("李四");
        a.setIdType("ID_CARD");
        a.setIdNumber("371302199001010011");
        a.setPhone("13800001234");
        s.setApplicant(a);
        return s;
    }

    @Test
    void theWsdlIsServed() {
        Http.Response r = http().get("/services/cases?wsdl");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("submitCase").contains("reportStatus").contains("govhubFault");
    }

    @Test
    void aCaseSubmittedOverSoapGoesToTheSoapDepartmentSystemAndComesBackCompleted() throws Exception {
        String key = "soap-" + UUID.randomUUID();
        CasePort port = client("clerk-lanshan");
        // an item of 市市场监督管理局: routed to its SOAP system
        SubmitCaseResponse r = port.submitCase(submission(key, "11371300MB285003323010000010000", "371302"));
        assertThat(r.getHandlingSystem()).isEqualTo(DemoSimulators.MARKET);
        assertThat(r.isReplayed()).isFalse();
        SubmitCaseResponse again = port.submitCase(submission(key, "11371300MB285003323010000010000", "371302"));
        assertThat(again.isReplayed()).isTrue();
        assertThat(again.getCaseNumber()).isEqualTo(r.getCaseNumber());
        GetCase q = new GetCase();
        q.setCaseNumber(r.getCaseNumber());
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String status = "";
        while (System.nanoTime() < until && !"COMPLETED".equals(status)) {
            status = port.getCase(q).getStatus();
            Thread.sleep(100);
        }
        assertThat(status).isEqualTo("COMPLETED");
        assertThat(demo.market().has(r.getCaseNumber())).isTrue();
        assertThat(demo.market().duplicates()).isZero();
        // the SOAP status reports are in the message log, masked like every body
        String log = http().get("/api/v1/admin/message-log?caseNumber=" + r.getCaseNumber(), "admin").body();
        assertThat(log).contains("CASE_STATUS").contains("CASE_DISPATCH").doesNotContain("371302199001010011");
    }

    @Test
    void anInvalidSubmissionIsAFaultWithTheCodeAndEveryField() {
        SubmitCase s = submission("soap-" + UUID.randomUUID(), "X", "999999");
        s.getApplicant().setPhone("1");
        assertThatThrownBy(() -> client("clerk-lanshan").submitCase(s))
                .isInstanceOfSatisfying(GovhubFault_Exception.class, f -> {
                    assertThat(f.getFaultInfo().getCode()).isEqualTo("CASE_INVALID");
                    assertThat(f.getFaultInfo().getFieldError()).extracting(e -> e.getField())
                            .contains("implementationCode", "division", "applicant.phone");
                });
    }

    @Test
    void onlyTheHandlingSystemReportsStatusOverSoap() throws Exception {
        ReportStatus rs = new ReportStatus();
        rs.setCaseNumber("NO-SUCH-CASE");
        rs.setEventId("e1");
        rs.setSequence(1);
        rs.setType("ACCEPTANCE");
        rs.setOccurredAt(DatatypeFactory.newInstance().newXMLGregorianCalendar("2026-11-02T01:00:00Z"));
        assertThatThrownBy(() -> client("clerk-lanshan").reportStatus(rs))
                .isInstanceOfSatisfying(GovhubFault_Exception.class,
                        f -> assertThat(f.getFaultInfo().getCode()).isEqualTo("ACCESS_DENIED"));
        assertThatThrownBy(() -> client(DemoSimulators.MARKET).reportStatus(rs))
                .isInstanceOfSatisfying(GovhubFault_Exception.class,
                        f -> assertThat(f.getFaultInfo().getCode()).isEqualTo("CASE_NOT_FOUND"));
    }

    @Test
    void withoutCredentialsTheAnswerIs401() {
        assertThatThrownBy(() -> client(null).submitCase(submission("k", "11371300MB285003323010000010000", "371302")))
                .isInstanceOf(WebServiceException.class).hasStackTraceContaining("401");
    }

    // ------------------------------------------------------------------------------------ hostile SOAP

    Http.Response rawSoap(byte[] body, String contentType) {
        return http().send(Http.auth(HttpRequest.newBuilder(http().uri("/services/cases"))
                .header("Content-Type", contentType).header("SOAPAction", "\"" + NS + "/getCase\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), "clerk-lanshan"));
    }

    static String envelope(String prolog, String body) {
        return prolog + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:c=\"" + NS + "\">"
                + "<soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }

    @Test
    void theMessageLogKeepsTheRequestAsReceivedWithItsHashAndThePersonMasked() {
        String key = "raw-" + UUID.randomUUID();
        byte[] bytes = envelope("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<c:submitCase><c:idempotencyKey>" + key
                + "</c:idempotencyKey><c:implementationCode>11371300MB285003323010000010000</c:implementationCode>"
                + "<c:division>371302</c:division><c:applicant><c:name>王小明</c:name><c:idType>ID_CARD</c:idType>"
                + "<c:idNumber>371302199001010011</c:idNumber><c:phone>13800001234</c:phone></c:applicant>"
                + "</c:submitCase>").getBytes(StandardCharsets.UTF_8);
        Http.Response r = http().send(Http.auth(HttpRequest.newBuilder(http().uri("/services/cases"))
                .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"" + NS + "/submitCase\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)), "clerk-lanshan"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        java.util.Map<String, Object> logged = jdbc.queryForMap("select body_hash, body from message_log"
                + " where correlation_id = ? and operation = 'CASE_SUBMIT'", key);
        // the hash is of the bytes the partner sent (UTF-8), so the partner can prove what it sent, and we what we got
        assertThat(logged.get("body_hash")).isEqualTo(io.govhub.core.audit.MessageBodies.sha256Bytes(bytes));
        assertThat((String) logged.get("body")).contains("<soap:Envelope").contains("11371300MB285003323010000010000")
                .contains("王*").doesNotContain("王小明").doesNotContain("371302199001010011").doesNotContain("13800001234");
    }

    @Test
    void anExternalEntityIsRefusedAndNothingLeaks() {
        String xml = envelope("<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
                "<c:getCase><c:caseNumber>&xxe;</c:caseNumber></c:getCase>");
        Http.Response r = rawSoap(xml.getBytes(StandardCharsets.UTF_8), "text/xml; charset=utf-8");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.body()).contains("Fault").doesNotContain("root:").doesNotContain("/bin/");
    }

    @Test
    void entityExpansionIsRefused() {
        String xml = envelope("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                        + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                        + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
                        + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]>",
                "<c:getCase><c:caseNumber>&lol4;</c:caseNumber></c:getCase>");
        Http.Response r = rawSoap(xml.getBytes(StandardCharsets.UTF_8), "text/xml; charset=utf-8");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.body()).contains("Fault").doesNotContain("lollol");
    }

    @Test
    void aSchemaViolationIsAClientFault() {
        String xml = envelope("", "<c:getCase><c:caseNumber>" + "9".repeat(300) + "</c:caseNumber></c:getCase>");
        Http.Response r = rawSoap(xml.getBytes(StandardCharsets.UTF_8), "text/xml; charset=utf-8");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.body()).contains("Fault").doesNotContain("at org.").doesNotContain("Exception:");
    }

    @Test
    void gbkBytesDeclaredAsUtf8AreRefused() {
        String xml = envelope("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<c:getCase><c:caseNumber>临沂市兰山区</c:caseNumber></c:getCase>");
        Http.Response r = rawSoap(xml.getBytes(Charset.forName("GBK")), "text/xml; charset=utf-8");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.body()).contains("Fault");
    }

    @Test
    void anOversizedSoapBodyIsRefusedBeforeParsing() {
        String xml = envelope("", "<c:getCase><c:caseNumber>" + "x".repeat(2 * 1024 * 1024) + "</c:caseNumber></c:getCase>");
        Http.Response r = rawSoap(xml.getBytes(StandardCharsets.UTF_8), "text/xml; charset=utf-8");
        assertThat(r.status()).isEqualTo(413);
    }
}
