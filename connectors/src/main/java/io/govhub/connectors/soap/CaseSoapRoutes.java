package io.govhub.connectors.soap;

import io.govhub.connectors.soap.cases.CasePort;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;


/**
 * {@code soap-cases}: the hub's SOAP case service at {@code /services/cases} (WSDL at {@code ?wsdl}), schema
 * validation on, synchronous (the caller's security context stays on the thread). The route hands each operation to
 * {@link CaseSoapService}; a {@code GovhubFault_Exception} it throws becomes the SOAP fault with its detail.
 */
public class CaseSoapRoutes extends RouteBuilder {

    private final CaseSoapService service;

    public CaseSoapRoutes(CaseSoapService service) {
        this.service = service;
    }

    @Override
    public void configure() {
        CxfEndpoint endpoint = SoapEndpoints.endpoint(getContext(), "/cases", CasePort.class, "classpath:wsdl/cases.wsdl",
                "http://govhub.io/ws/cases/v1", "CaseService", "CasePort");

        // a fault is the answer to a bad request, not a failure of the route: CXF turns it into the SOAP fault
        errorHandler(noErrorHandler());

        from(endpoint).routeId("soap-cases")
                .process(this::dispatch);
    }

    private void dispatch(Exchange exchange) throws Exception {
        String operation = exchange.getIn().getHeader(CxfConstants.OPERATION_NAME, String.class);
        Object request = exchange.getIn().getBody(org.apache.cxf.message.MessageContentsList.class).get(0);
        Object response = switch (operation) {
            case "submitCase" -> service.submitCase((io.govhub.connectors.soap.cases.SubmitCase) request);
            case "reportStatus" -> service.reportStatus((io.govhub.connectors.soap.cases.ReportStatus) request);
            case "getCase" -> service.getCase((io.govhub.connectors.soap.cases.GetCase) request);
            default -> throw new IllegalArgumentException("no operation " + operation);
        };
        exchange.getMessage().setBody(response);
    }
}
