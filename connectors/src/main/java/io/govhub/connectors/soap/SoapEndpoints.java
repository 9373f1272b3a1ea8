package io.govhub.connectors.soap;

import org.apache.camel.CamelContext;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;

import javax.xml.namespace.QName;
import java.util.HashMap;
import java.util.Map;

/**
 * How the hub publishes a SOAP service: WSDL-first, POJO, schema validation on, synchronous (security context), the
 * request kept as received for the message log ({@link RawSoapRequest}).
 */
final class SoapEndpoints {

    private SoapEndpoints() {
    }

    static CxfEndpoint endpoint(CamelContext context, String address, Class<?> port, String wsdl, String namespace,
                                String service, String portName) {
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setCamelContext(context);
        endpoint.setAddress(address);
        endpoint.setServiceClass(port);
        endpoint.setWsdlURL(wsdl);
        endpoint.setServiceNameAsQName(new QName(namespace, service));
        endpoint.setPortNameAsQName(new QName(namespace, portName));
        endpoint.setDataFormat(DataFormat.POJO);
        endpoint.setSynchronous(true);
        endpoint.setProperties(new HashMap<>(Map.of("schema-validation-enabled", "true")));
        endpoint.getInInterceptors().add(new RawSoapRequest());
        return endpoint;
    }
}
