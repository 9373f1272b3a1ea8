package io.govhub.connectors.soap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.govhub.connectors.delivery.PartnerTransport;
import io.govhub.connectors.soap.creditplatform.CreditPlatformPort;
import io.govhub.connectors.soap.creditplatform.Field;
import io.govhub.connectors.soap.creditplatform.RecordType;
import io.govhub.connectors.soap.creditplatform.RepairRecord;
import io.govhub.connectors.soap.creditplatform.ReceiveRecord;
import io.govhub.connectors.soap.creditplatform.RevokeRecord;
import io.govhub.connectors.soap.department.DepartmentPort;
import io.govhub.connectors.soap.department.ReceiveCase;
import io.govhub.connectors.soap.department.WithdrawCase;
import io.govhub.core.caseflow.PartnerSystem;
import io.govhub.core.delivery.OutboxEntry;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transport.http.HTTPException;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Delivers to partners that speak SOAP, with a CXF JAX-WS client per endpoint: cases to departmental systems through
 * their {@code DepartmentPort} (department.wsdl), credit records, revocations and repairs to a credit platform
 * through its {@code CreditPlatformPort} (credit-platform.wsdl). Credentials, when the partner has a
 * {@code credentialsRef}, are sent as HTTP Basic ({@code user:password} from the secret of that name).
 */
public class SoapPartnerTransport implements PartnerTransport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Object> clients = new ConcurrentHashMap<>();
    private final Duration connectTimeout;
    private final Duration timeout;
    private final Function<String, String> secrets;
    private final DatatypeFactory xml;

    public SoapPartnerTransport(Duration connectTimeout, Duration timeout, Function<String, String> secrets) {
        this.connectTimeout = connectTimeout;
        this.timeout = timeout;
        this.secrets = secrets;
        try {
            this.xml = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String protocol() {
        return "SOAP";
    }

    @Override
    public String send(PartnerSystem partner, OutboxEntry e) throws DeliveryFailure {
        try {
            JsonNode p = JSON.readTree(e.payload());
            switch (e.kind()) {
                case "CREDIT_FORWARD" -> {
                    ReceiveRecord r = new ReceiveRecord();
                    r.setRecordId(p.path("recordId").asLong());
                    r.setRecordType(RecordType.fromValue(p.path("recordType").asText()));
                    r.setAction(p.path("action").asText());
                    p.path("fields").fields().forEachRemaining(f -> {
                        Field field = new Field();
                        field.setCode(f.getKey());
                        field.setValue(f.getValue().asText());
                        r.getField().add(field);
                    });
                    return "duplicate=" + port(CreditPlatformPort.class, partner).receiveRecord(r).isDuplicate();
                }
                case "CREDIT_REVOCATION" -> {
                    RevokeRecord r = new RevokeRecord();
                    r.setRecordType(RecordType.fromValue(p.path("recordType").asText()));
                    r.setAuthorityUscc(p.path("authorityUscc").asText());
                    r.setDocumentNumber(p.path("documentNumber").asText());
                    r.setReason(p.path("reason").asText());
                    return port(CreditPlatformPort.class, partner).revokeRecord(r).getDocumentNumber();
                }
                case "CREDIT_REPAIR" -> {
                    RepairRecord r = new RepairRecord();
                    r.setRecordType(RecordType.fromValue(p.path("recordType").asText()));
                    r.setAuthorityUscc(p.path("authorityUscc").asText());
                    r.setDocumentNumber(p.path("documentNumber").asText());
                    r.setRepairDocument(p.path("repairDocument").asText());
                    r.setLastPublicDay(xml.newXMLGregorianCalendar(p.path("lastPublicDay").asText()));
                    return port(CreditPlatformPort.class, partner).repairRecord(r).getDocumentNumber();
                }
                case "CASE_DISPATCH" -> {
                    DepartmentPort port = port(DepartmentPort.class, partner);
                    ReceiveCase r = new ReceiveCase();
                    r.setCaseNumber(p.path("caseNumber").asText());
                    r.setImplementationCode(p.path("implementationCode").asText());
                    r.setItemName(p.hasNonNull("itemName") ? p.get("itemName").asText() : null);
                    r.setDivision(p.path("division").asText());
                    JsonNode a = p.path("applicant");
                    r.setApplicantName(a.path("name").asText());
                    r.setApplicantIdType(a.path("idType").asText());
                    r.setApplicantIdNumber(a.path("idNumber").asText());
                    r.setApplicantPhone(a.path("phone").asText());
                    r.setSubmittedAt(xml.newXMLGregorianCalendar(p.path("submittedAt").asText()));
                    r.setTimeLimitWorkingDays(p.path("timeLimitWorkingDays").asInt());
                    if (p.hasNonNull("promisedDate")) {
                        r.setPromisedDate(xml.newXMLGregorianCalendar(p.get("promisedDate").asText()));
                    }
                    p.path("materials").forEach(m -> r.getMaterialRef().add(m.path("ref").asText()));
                    return "duplicate=" + port.receiveCase(r).isDuplicate();
                }
                case "CASE_WITHDRAWAL" -> {
                    DepartmentPort port = port(DepartmentPort.class, partner);
                    WithdrawCase w = new WithdrawCase();
                    w.setCaseNumber(p.path("caseNumber").asText());
                    w.setReason(p.path("reason").asText(null));
                    return port.withdrawCase(w).getCaseNumber();
                }
                default -> throw new DeliveryFailure(DeliveryFailure.Kind.PERMANENT, "no SOAP operation for " + e.kind());
            }
        } catch (SOAPFaultException fault) {
            boolean client = fault.getFault() != null && fault.getFault().getFaultCode() != null
                    && fault.getFault().getFaultCode().contains("Client");
            throw new DeliveryFailure(client ? DeliveryFailure.Kind.PERMANENT : DeliveryFailure.Kind.RETRYABLE,
                    "SOAP fault: " + fault.getMessage());
        } catch (WebServiceException ws) {
            throw new DeliveryFailure(kindOf(ws), "SOAP call failed: " + rootMessage(ws));
        } catch (IllegalArgumentException bad) {
            throw new DeliveryFailure(DeliveryFailure.Kind.PERMANENT, "payload not expressible in the WSDL: " + bad.getMessage());
        } catch (IOException bad) {
            throw new DeliveryFailure(DeliveryFailure.Kind.PERMANENT, "unreadable payload: " + bad.getMessage());
        }
    }

    private static DeliveryFailure.Kind kindOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException || c instanceof SocketTimeoutException
                    || c instanceof java.net.http.HttpTimeoutException || c instanceof java.net.UnknownHostException) {
                return DeliveryFailure.Kind.UNREACHABLE;
            }
            if (c instanceof HTTPException h) {
                int s = h.getResponseCode();
                return s == 429 || s == 502 || s == 503 || s == 504 ? DeliveryFailure.Kind.UNREACHABLE
                        : s >= 500 ? DeliveryFailure.Kind.RETRYABLE : DeliveryFailure.Kind.PERMANENT;
            }
        }
        return DeliveryFailure.Kind.RETRYABLE;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }

    private <T> T port(Class<T> type, PartnerSystem partner) {
        return type.cast(clients.computeIfAbsent(type.getSimpleName() + "|" + partner.endpoint() + "|"
                + partner.credentialsRef(), k -> client(type, partner)));
    }

    private <T> T client(Class<T> type, PartnerSystem partner) {
        JaxWsProxyFactoryBean f = new JaxWsProxyFactoryBean();
        f.setServiceClass(type);
        f.setAddress(partner.endpoint());
        T port = type.cast(f.create());
        Client client = ClientProxy.getClient(port);
        HTTPConduit conduit = (HTTPConduit) client.getConduit();
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(connectTimeout.toMillis());
        policy.setReceiveTimeout(timeout.toMillis());
        policy.setAllowChunking(false);
        conduit.setClient(policy);
        if (partner.credentialsRef() != null && !partner.credentialsRef().isBlank()) {
            String secret = secrets.apply(partner.credentialsRef());
            if (secret != null && secret.contains(":")) {
                ((BindingProvider) port).getRequestContext().put(BindingProvider.USERNAME_PROPERTY,
                        secret.substring(0, secret.indexOf(':')));
                ((BindingProvider) port).getRequestContext().put(BindingProvider.PASSWORD_PROPERTY,
                        secret.substring(secret.indexOf(':') + 1));
            }
        }
        return port;
    }
}
