package io.govhub.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.govhub.core.identity.PersonalDataMasker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How message bodies are protected before the message log stores them: JSON bodies have the known personal fields
 * masked (name of a person, ID number, phone, address), every other text is passed through the free-text masker (IDs and
 * mobile numbers anywhere); XML bodies (SOAP requests as received) have the same fields masked by element name, then
 * the free-text masker. Then capped at a size.
 */
public final class MessageBodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ID_FIELDS = Set.of("idNumber", "idnumber", "CF_XDR_SFZ", "XK_XDR_SFZ", "zjhm");
    private static final Set<String> PHONE_FIELDS = Set.of("phone", "mobile", "telephone", "lxdh");
    private static final Set<String> ADDRESS_FIELDS = Set.of("address", "dz");
    private static final Set<String> NAME_FIELDS = Set.of("name", "applicantName", "sqrmc");

    private MessageBodies() {
    }

    public static String sha256(String body) {
        return sha256Bytes((body == null ? "" : body).getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Bytes(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What is done with each block of a file while it is hashed. */
    @FunctionalInterface
    public interface Blocks {
        void accept(byte[] block, int length);
    }

    /**
     * The SHA-256 of a file's bytes, read once in blocks of {@code blockSize} (a batch file can be hundreds of MB);
     * each block is also handed to {@code blocks} (the last may be shorter), so a file is stored and hashed in one
     * read.
     */
    public static String sha256(java.nio.file.Path file, int blockSize, Blocks blocks) throws java.io.IOException {
        try (var in = java.nio.file.Files.newInputStream(file)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[blockSize];
            for (int n; (n = in.readNBytes(buf, 0, blockSize)) > 0; ) {
                d.update(buf, 0, n);
                blocks.accept(buf, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body as the log may keep it: masked, at most {@code maxChars} characters (cut with a marker). */
    public static String protect(String body, int maxChars) {
        if (body == null) {
            return null;
        }
        String masked = body;
        String t = body.stripLeading();
        if (t.startsWith("{") || t.startsWith("[")) {
            try {
                JsonNode node = JSON.readTree(body);
                mask(node);
                masked = JSON.writeValueAsString(node);
            } catch (Exception notJson) {
                masked = body;
            }
        } else if (t.startsWith("<")) {
            masked = maskXml(body);
        }
        masked = PersonalDataMasker.maskFreeText(masked);
        return masked.length() <= maxChars ? masked : masked.substring(0, maxChars) + "…[truncated " + masked.length() + " chars]";
    }

    /**
     * XML (a SOAP request as received): the same fields as in JSON, by element name, wherever they are; a DTD is
     * refused (the body is not trusted). What cannot be parsed is kept as it is (the free-text masker follows).
     * Parser and serializer are made once per thread: looking their factories up costs more than masking a request.
     */
    private static String maskXml(String body) {
        try {
            javax.xml.parsers.DocumentBuilder b = XML_PARSER.get();
            b.reset();
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // errors end the parse, quietly
            org.w3c.dom.Document doc = b.parse(new org.xml.sax.InputSource(new java.io.StringReader(body)));
            maskXml(doc.getDocumentElement());
            javax.xml.transform.Transformer out = XML_WRITER.get();
            out.reset();
            out.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
            java.io.StringWriter w = new java.io.StringWriter();
            out.transform(new javax.xml.transform.dom.DOMSource(doc), new javax.xml.transform.stream.StreamResult(w));
            return w.toString();
        } catch (Exception notXml) {
            return body;
        }
    }

    private static final ThreadLocal<javax.xml.parsers.DocumentBuilder> XML_PARSER = ThreadLocal.withInitial(() -> {
        try {
            javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder();
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    });

    private static final ThreadLocal<javax.xml.transform.Transformer> XML_WRITER = ThreadLocal.withInitial(() -> {
        try {
            javax.xml.transform.TransformerFactory tf = javax.xml.transform.TransformerFactory.newInstance();
            tf.setAttribute(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(javax.xml.XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            return tf.newTransformer();
        } catch (javax.xml.transform.TransformerConfigurationException e) {
            throw new IllegalStateException(e);
        }
    });

    /** Masks the personal leaves of {@code e} (every one of a name, also repeated ones), then of its children. */
    private static void maskXml(org.w3c.dom.Element e) {
        List<org.w3c.dom.Element> leaves = new java.util.ArrayList<>();
        Map<String, String> first = new java.util.HashMap<>();
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element c) {
                if (hasChildElements(c)) {
                    maskXml(c);
                } else {
                    leaves.add(c);
                    first.putIfAbsent(name(c), c.getTextContent());
                }
            }
        }
        boolean person = !"USCC".equals(first.getOrDefault("idType", "").strip());
        for (org.w3c.dom.Element l : leaves) {
            String k = name(l);
            String v = l.getTextContent();
            if (ID_FIELDS.contains(k)) {
                l.setTextContent(PersonalDataMasker.maskIdNumber(v));
            } else if (PHONE_FIELDS.contains(k)) {
                l.setTextContent(PersonalDataMasker.maskPhone(v));
            } else if (ADDRESS_FIELDS.contains(k)) {
                l.setTextContent(PersonalDataMasker.maskAddress(v));
            } else if (NAME_FIELDS.contains(k) && person && first.containsKey("idNumber")) {
                l.setTextContent(PersonalDataMasker.maskName(v));
            }
        }
    }

    private static String name(org.w3c.dom.Element e) {
        return e.getLocalName() == null ? e.getTagName() : e.getLocalName();
    }

    private static boolean hasChildElements(org.w3c.dom.Element e) {
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element) {
                return true;
            }
        }
        return false;
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode o) {
            boolean person = !o.has("idType") || !"USCC".equals(o.path("idType").asText());
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String k = e.getKey();
                JsonNode v = e.getValue();
                if (v.isTextual()) {
                    String s = v.asText();
                    if (ID_FIELDS.contains(k)) {
                        e.setValue(TextNode.valueOf(PersonalDataMasker.maskIdNumber(s)));
                    } else if (PHONE_FIELDS.contains(k)) {
                        e.setValue(TextNode.valueOf(PersonalDataMasker.maskPhone(s)));
                    } else if (ADDRESS_FIELDS.contains(k)) {
                        e.setValue(TextNode.valueOf(PersonalDataMasker.maskAddress(s)));
                    } else if (NAME_FIELDS.contains(k) && person && o.has("idNumber")) {
                        e.setValue(TextNode.valueOf(PersonalDataMasker.maskName(s)));
                    }
                } else {
                    mask(v);
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(MessageBodies::mask);
        }
    }
}
