package io.govhub.connectors.soap;

import io.govhub.connectors.soap.cases.FieldError;
import io.govhub.connectors.soap.cases.GetCase;
import io.govhub.connectors.soap.cases.GetCaseResponse;
import io.govhub.connectors.soap.cases.GovhubFault;
import io.govhub.connectors.soap.cases.GovhubFault_Exception;
import io.govhub.connectors.soap.cases.ReportStatus;
import io.govhub.connectors.soap.cases.ReportStatusResponse;
import io.govhub.connectors.soap.cases.SubmitCase;
import io.govhub.connectors.soap.cases.SubmitCaseResponse;
import io.govhub.core.access.Actor;
import io.govhub.core.access.CurrentActors;
import io.govhub.core.access.Role;
import io.govhub.core.caseflow.CaseService;
import io.govhub.core.caseflow.CaseSubmission;
import io.govhub.core.caseflow.HubCase;
import io.govhub.core.caseflow.StatusMessage;
import io.govhub.core.caseflow.StatusMessageType;
import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.GovhubException;
import io.govhub.core.shared.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The operations of the hub's SOAP case service, called by the {@code soap-cases} route: the same use cases as the
 * REST API, the same rules, the same error codes (as a {@code govhubFault} with the code, the message and the field
 * errors; never internals).
 */
public class CaseSoapService {

    private static final Logger LOG = LoggerFactory.getLogger(CaseSoapService.class);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final CaseService cases;
    private final CurrentActors actors;
    private final DatatypeFactory xml;

    public CaseSoapService(CaseService cases, CurrentActors actors) {
        this.cases = cases;
        this.actors = actors;
        try {
            this.xml = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    public SubmitCaseResponse submitCase(SubmitCase in) throws GovhubFault_Exception {
        return guarded(() -> {
            Actor actor = actor();
            var a = in.getApplicant();
            CaseService.Submitted s = cases.submit(actor, in.getIdempotencyKey(), new CaseSubmission(
                    in.getImplementationCode(), in.getDivision(), a.getName(), a.getIdType(), a.getIdNumber(), a.getPhone(),
                    List.of()), asReceived(() -> json(Map.of("operation", "submitCase", "implementationCode",
                    nz(in.getImplementationCode()), "division", nz(in.getDivision()), "applicant", Map.of("name",
                            nz(a.getName()), "idType", nz(a.getIdType()), "idNumber", nz(a.getIdNumber()), "phone",
                            nz(a.getPhone()))))));
            SubmitCaseResponse out = new SubmitCaseResponse();
            out.setCaseNumber(s.c().caseNumber());
            out.setStatus(s.c().status().name());
            out.setHandlingSystem(s.c().partnerId());
            out.setPromisedDate(date(s.c().promisedDate()));
            out.setReplayed(s.replayed());
            return out;
        });
    }

    public ReportStatusResponse reportStatus(ReportStatus in) throws GovhubFault_Exception {
        return guarded(() -> {
            Actor actor = actor();
            if (!actor.has(Role.PARTNER_SYSTEM)) {
                throw GovhubException.of(ErrorCode.ACCESS_DENIED);
            }
            StatusMessageType type;
            try {
                type = StatusMessageType.valueOf(in.getType());
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new GovhubException(ErrorCode.CASE_STATUS_INVALID, Text.of("消息类型未知：" + in.getType(),
                        "Unknown type " + in.getType()));
            }
            Map<String, Object> details = new LinkedHashMap<>();
            in.getDetail().forEach(d -> details.put(d.getName(), d.getValue()));
            StatusMessage m = new StatusMessage(in.getEventId(), in.getSequence(), type,
                    in.getOccurredAt() == null ? null : in.getOccurredAt().toGregorianCalendar().toInstant(), details);
            CaseService.StatusOutcome o = cases.applyStatus(actor, in.getCaseNumber(), m, asReceived(() -> json(Map.of(
                    "operation", "reportStatus", "caseNumber", nz(in.getCaseNumber()), "sequence", in.getSequence(),
                    "type", nz(in.getType()), "details", details))));
            ReportStatusResponse out = new ReportStatusResponse();
            out.setCaseNumber(in.getCaseNumber());
            out.setOutcome(o.outcome());
            out.setProblem(o.problem());
            out.setStatus(o.c().status().name());
            out.setLastSequence(o.c().lastSequence());
            return out;
        });
    }

    public GetCaseResponse getCase(GetCase in) throws GovhubFault_Exception {
        return guarded(() -> {
            HubCase c = cases.find(actor(), in.getCaseNumber()).c();
            GetCaseResponse out = new GetCaseResponse();
            out.setCaseNumber(c.caseNumber());
            out.setStatus(c.status().name());
            out.setPromisedDate(date(c.promisedDate()));
            out.setLastSequence(c.lastSequence());
            return out;
        });
    }

    private interface Work<T> {
        T run();
    }

    private <T> T guarded(Work<T> work) throws GovhubFault_Exception {
        try {
            return work.run();
        } catch (GovhubException e) {
            throw fault(e.code(), e.text(), e);
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.error("SOAP incident {}", incident, e);
            throw fault(ErrorCode.INTERNAL_ERROR, Text.of("系统内部错误，事件编号 " + incident,
                    "Internal error, incident " + incident), null);
        }
    }

    static GovhubFault_Exception fault(ErrorCode code, Text text, GovhubException e) {
        GovhubFault f = new GovhubFault();
        f.setCode(code.name());
        f.setMessage(text.zh() + " / " + text.en());
        if (e != null) {
            e.problems().forEach(p -> {
                FieldError fe = new FieldError();
                fe.setField(p.field());
                fe.setCode(p.code());
                fe.setMessage(p.message().zh() + " / " + p.message().en());
                f.getFieldError().add(fe);
            });
        }
        return new GovhubFault_Exception(code.name() + ": " + text.en(), f);
    }

    /**
     * The body for the message log: the SOAP request as received (its XML), or, called outside a SOAP exchange, the
     * parsed request as JSON.
     */
    private static String asReceived(java.util.function.Supplier<String> parsed) {
        String raw = RawSoapRequest.current();
        return raw != null ? raw : parsed.get();
    }

    /** The parsed request as JSON (its personal fields masked by name in the log). */
    private static String json(Map<String, Object> m) {
        try {
            return JSON.writeValueAsString(m);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return String.valueOf(m);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private Actor actor() {
        return actors.current().orElseThrow(() -> GovhubException.of(ErrorCode.AUTHENTICATION_REQUIRED));
    }

    private XMLGregorianCalendar date(LocalDate d) {
        return d == null ? null : xml.newXMLGregorianCalendar(d.toString());
    }
}
