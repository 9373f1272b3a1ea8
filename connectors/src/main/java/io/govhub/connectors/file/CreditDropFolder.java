package io.govhub.connectors.file;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.govhub.core.access.Actor;
import io.govhub.core.access.Role;
import io.govhub.core.credit.CreditIntakeService;
import io.govhub.core.division.DivisionDirectory;
import io.govhub.core.division.Organisation;
import io.govhub.core.shared.GovhubException;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The credit drop folder: a department places a batch file (.csv UTF-8 or GBK, or .xlsx, national field layout) in
 * {@code <dir>/<its organisation's USCC>/}; it is received like an upload as that organisation (channel DROP), then
 * moved to {@code <dir>/done/<USCC>/} or {@code <dir>/failed/<USCC>/} with a report beside it
 * ({@code <file>.report.json}: the submission id to query, or why the file was refused).
 */
public class CreditDropFolder {

    private static final Logger LOG = LoggerFactory.getLogger(CreditDropFolder.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final CreditIntakeService intake;
    private final DivisionDirectory directory;
    private final Path root;

    public CreditDropFolder(CreditIntakeService intake, DivisionDirectory directory, Path root) {
        this.intake = intake;
        this.directory = directory;
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Receives the file of the exchange; throws (so that the file goes to failed/) when it is refused. */
    public void receive(Exchange exchange) throws IOException {
        File file = exchange.getIn().getBody(File.class);
        String relative = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class); // <USCC>/<name>
        String uscc = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "";
        String name = file.getName();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("file", name);
        report.put("organisation", uscc);
        report.put("receivedAt", Instant.now().toString());
        try {
            Organisation org = directory.organisation(uscc).orElseThrow(() -> new IllegalArgumentException(
                    "目录名不是已知机构的统一社会信用代码 / the folder name is not the USCC of a known organisation: " + uscc));
            Actor actor = new Actor("drop-folder:" + uscc, "报送目录（" + org.name() + "）", Set.of(Role.CREDIT_OFFICER),
                    org.divisionCode(), uscc);
            CreditIntakeService.Receipt r = intake.receiveBatch(actor, file.toPath(), name, null, "DROP");
            report.put("outcome", "RECEIVED");
            report.put("submissionId", r.submissionId());
            report.put("type", r.type());
            report.put("records", r.records());
            report.put("status", "GET /api/v1/credit/submissions/" + r.submissionId());
            write(root.resolve("done").resolve(uscc).resolve(name + ".report.json"), report);
            LOG.info("Drop folder: {} of {} received as submission {} ({} records)", name, uscc, r.submissionId(), r.records());
        } catch (GovhubException | IllegalArgumentException | IOException refused) {
            report.put("outcome", "REFUSED");
            report.put("code", refused instanceof GovhubException g ? g.code().name() : "FILE_REFUSED");
            report.put("reason", refused instanceof GovhubException g ? g.text().zh() + " / " + g.text().en()
                    : String.valueOf(refused.getMessage()));
            write(root.resolve("failed").resolve(uscc.isEmpty() ? "_" : uscc).resolve(name + ".report.json"), report);
            LOG.warn("Drop folder: {} of {} refused: {}", name, uscc, report.get("reason"));
            throw new IOException("refused: " + report.get("reason"), refused);
        }
    }

    private static void write(Path report, Map<String, Object> content) throws IOException {
        Files.createDirectories(report.getParent());
        Files.write(report, JSON.writeValueAsBytes(content));
    }
}
