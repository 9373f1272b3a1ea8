package io.govhub.connectors.soap;

import io.govhub.connectors.soap.credit.Correct;
import io.govhub.connectors.soap.credit.CreditPort;
import io.govhub.connectors.soap.credit.QuerySubmission;
import io.govhub.connectors.soap.credit.Revoke;
import io.govhub.connectors.soap.credit.SubmitBatch;
import io.govhub.connectors.soap.credit.SubmitPenalties;
import io.govhub.connectors.soap.credit.SubmitPermits;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.cxf.message.MessageContentsList;

/**
 * {@code soap-credit}: the hub's SOAP credit intake at {@code /services/credit} (WSDL at {@code ?wsdl}); each
 * operation goes to {@link CreditSoapService}, a {@code CreditFault_Exception} becomes the SOAP fault.
 */
public class CreditSoapRoutes extends RouteBuilder {

    private final CreditSoapService service;

    public CreditSoapRoutes(CreditSoapService service) {
        this.service = service;
    }

    @Override
    public void configure() {
        errorHandler(noErrorHandler());
        from(SoapEndpoints.endpoint(getContext(), "/credit", CreditPort.class, "classpath:wsdl/credit.wsdl",
                "http://govhub.io/ws/credit/v1", "CreditService", "CreditPort"))
                .routeId("soap-credit")
                .process(this::dispatch);
    }

    private void dispatch(Exchange exchange) throws Exception {
        String operation = exchange.getIn().getHeader(CxfConstants.OPERATION_NAME, String.class);
        Object request = exchange.getIn().getBody(MessageContentsList.class).get(0);
        Object response = switch (operation) {
            case "submitPermits" -> service.submitPermits((SubmitPermits) request);
            case "submitPenalties" -> service.submitPenalties((SubmitPenalties) request);
            case "submitBatch" -> service.submitBatch((SubmitBatch) request);
            case "correct" -> service.correct((Correct) request);
            case "revoke" -> service.revoke((Revoke) request);
            case "querySubmission" -> service.querySubmission((QuerySubmission) request);
            default -> throw new IllegalArgumentException("no operation " + operation);
        };
        exchange.getMessage().setBody(response);
    }
}
