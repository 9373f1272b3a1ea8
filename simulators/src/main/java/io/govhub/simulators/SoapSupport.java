package io.govhub.simulators;

import com.sun.net.httpserver.HttpExchange;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** SOAP 1.1 by hand for the SIMULATORS: a parser that refuses DTDs, envelopes, faults, answers. */
final class SoapSupport {

    private SoapSupport() {
    }

    /** Parses a request body (at most 4 MB) with DTDs refused, like any SOAP endpoint should. */
    static Document parse(HttpExchange ex) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        return b.parse(new ByteArrayInputStream(ex.getRequestBody().readNBytes(4 * 1024 * 1024)));
    }

    static Element first(Document d, String ns, String name) {
        NodeList l = d.getElementsByTagNameNS(ns, name);
        return l.getLength() == 0 ? null : (Element) l.item(0);
    }

    static String text(Element parent, String ns, String name) {
        NodeList l = parent.getElementsByTagNameNS(ns, name);
        return l.getLength() == 0 ? "" : l.item(0).getTextContent();
    }

    static String envelope(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }

    static String fault(String code, String text) {
        return envelope("<soap:Fault><faultcode>" + code + "</faultcode><faultstring>" + escape(text)
                + "</faultstring></soap:Fault>");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static void send(HttpExchange ex, int status, String xml) throws IOException {
        byte[] b = xml.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }
}
