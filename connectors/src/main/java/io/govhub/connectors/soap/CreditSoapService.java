package io.govhub.connectors.soap;

import io.govhub.connectors.soap.credit.CreditFault;
import io.govhub.connectors.soap.credit.CreditFault_Exception;
import io.govhub.connectors.soap.credit.Correct;
import io.govhub.connectors.soap.credit.Problem;
import io.govhub.connectors.soap.credit.QuerySubmission;
import io.govhub.connectors.soap.credit.QuerySubmissionResponse;
import io.govhub.connectors.soap.credit.Receipt;
import io.govhub.connectors.soap.credit.Record;
import io.govhub.connectors.soap.credit.RecordStatus;
import io.govhub.connectors.soap.credit.Revoke;
import io.govhub.connectors.soap.credit.RevokeResponse;
import io.govhub.connectors.soap.credit.SubmitBatch;
import io.govhub.connectors.soap.credit.SubmitPenalties;
import io.govhub.connectors.soap.credit.SubmitPermits;
import io.govhub.core.access.Actor;
import io.govhub.core.access.CurrentActors;
import io.govhub.core.credit.CreditIntakeService;
import io.govhub.core.credit.CreditStore;
import io.govhub.core.credit.RecordType;
import io.govhub.core.delivery.DeliveryOutbox;
import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.GovhubException;
import io.govhub.core.shared.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The operations of the hub's SOAP credit intake ({@code /services/credit}), called by the {@code soap-credit} route:
 * the same intake as the REST API (receipt at once, processing through the broker, the same validation, duplicates
 * and updates), the same error codes as a {@code creditFault}.
 */
public class CreditSoapService {

    private static final Logger LOG = LoggerFactory.getLogger(CreditSoapService.class);
    private final CreditIntakeService intake;
    private final DeliveryOutbox outbox;
    private final CurrentActors actors;

    public CreditSoapService(CreditIntakeService intake, DeliveryOutbox outbox, CurrentActors actors) {
        this.intake = intake;
        this.outbox = outbox;
        this.actors = actors;
    }

    public Receipt submitPermits(SubmitPermits in) throws CreditFault_Exception {
        return guarded(() -> receipt(intake.receive(actor(), RecordType.PERMIT, maps(in.getRecord()), "SOAP",
                RawSoapRequest.current())));
    }

    public Receipt submitPenalties(SubmitPenalties in) throws CreditFault_Exception {
        return guarded(() -> receipt(intake.receive(actor(), RecordType.PENALTY, maps(in.getRecord()), "SOAP",
                RawSoapRequest.current())));
    }

    public Receipt submitBatch(SubmitBatch in) throws CreditFault_Exception {
        return guarded(() -> receipt(intake.receive(actor(), RecordType.valueOf(in.getType().value()), maps(in.getRecord()),
                "SOAP", RawSoapRequest.current())));
    }

    public Receipt correct(Correct in) throws CreditFault_Exception {
        return guarded(() -> receipt(intake.correct(actor(), RecordType.valueOf(in.getType().value()),
                maps(List.of(in.getRecord())).get(0), "SOAP", RawSoapRequest.current())));
    }

    public RevokeResponse revoke(Revoke in) throws CreditFault_Exception {
        return guarded(() -> {
            intake.revoke(actor(), RecordType.valueOf(in.getType().value()), in.getDocumentNumber(), in.getReason());
            RevokeResponse out = new RevokeResponse();
            out.setRevoked(true);
            return out;
        });
    }

    public QuerySubmissionResponse querySubmission(QuerySubmission in) throws CreditFault_Exception {
        return guarded(() -> {
            CreditStore.Submission s = intake.submission(actor(), in.getSubmissionId());
            // every outcome (the WSDL has no paging); without the records as received
            List<CreditStore.SubmittedRecord> records = intake.outcomePage(s.id(), -1, Integer.MAX_VALUE);
            Map<String, String> forwarding = outbox.stateByRef(records.stream().filter(r -> r.recordId() != null)
                    .map(r -> "credit-" + r.recordId()).distinct().toList());
            QuerySubmissionResponse out = new QuerySubmissionResponse();
            out.setSubmissionId(s.id());
            out.setType(io.govhub.connectors.soap.credit.RecordType.fromValue(s.type().name()));
            for (CreditStore.SubmittedRecord r : records) {
                RecordStatus rs = new RecordStatus();
                rs.setIndex(r.index());
                rs.setStatus(r.status().name());
                rs.setRecordId(r.recordId());
                if (r.recordId() != null) {
                    rs.setForwarding(io.govhub.core.credit.CreditForwarding.status(forwarding.get("credit-" + r.recordId())));
                }
                r.problems().forEach(p -> {
                    Problem pr = new Problem();
                    pr.setField(p.field());
                    pr.setCode(p.code());
                    pr.setMessage(p.message().zh() + " / " + p.message().en());
                    rs.getProblem().add(pr);
                });
                out.getRecordStatus().add(rs);
            }
            return out;
        });
    }

    private static List<Map<String, String>> maps(List<Record> records) {
        return records.stream().map(r -> {
            Map<String, String> m = new LinkedHashMap<>();
            r.getField().forEach(f -> m.put(f.getCode(), f.getValue()));
            return m;
        }).toList();
    }

    private static Receipt receipt(CreditIntakeService.Receipt r) {
        Receipt out = new Receipt();
        out.setSubmissionId(r.submissionId());
        out.setRecords(r.records());
        out.setStatus(r.status());
        return out;
    }

    private interface Work<T> {
        T run();
    }

    private <T> T guarded(Work<T> work) throws CreditFault_Exception {
        try {
            return work.run();
        } catch (GovhubException e) {
            throw fault(e.code(), e.text());
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.error("SOAP incident {}", incident, e);
            throw fault(ErrorCode.INTERNAL_ERROR, Text.of("系统内部错误，事件编号 " + incident, "Internal error, incident " + incident));
        }
    }

    private static CreditFault_Exception fault(ErrorCode code, Text text) {
        CreditFault f = new CreditFault();
        f.setCode(code.name());
        f.setMessage(text.zh() + " / " + text.en());
        return new CreditFault_Exception(code.name() + ": " + text.en(), f);
    }

    private Actor actor() {
        return actors.current().orElseThrow(() -> GovhubException.of(ErrorCode.AUTHENTICATION_REQUIRED));
    }
}
