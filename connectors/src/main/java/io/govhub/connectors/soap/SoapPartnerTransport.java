package io.govhub.connectors.soap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.govhub.connectors.delivery.PartnerTransport;
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
 * Delivers cases to SOAP departmental systems through their {@code DepartmentPort} (department.wsdl), with a CXF
 * JAX-WS client per endpoint. Credentials, when the partner has a {@code credentialsRef}, are sent as HTTP Basic
 * ({@code user:password} from the secret of that name).
 */
public class SoapPartnerTransport implements PartnerTransport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, DepartmentPort> clients = new ConcurrentHashMap<>();
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
        DepartmentPort port = clients.computeIfAbsent(partner.endpoint() + "|" + partner.credentialsRef(),
                k -> client(partner));
        try {
            JsonNode p = JSON.readTree(e.payload());
            switch (e.kind()) {
                case "CASE_DISPATCH" -> {
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

    private DepartmentPort client(PartnerSystem partner) {
        JaxWsProxyFactoryBean f = new JaxWsProxyFactoryBean();
        f.setServiceClass(DepartmentPort.class);
        f.setAddress(partner.endpoint());
        DepartmentPort port = (DepartmentPort) f.create();
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
