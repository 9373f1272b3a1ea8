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
import java.util.Map;
import java.util.Set;

/**
 * How message bodies are protected before the message log stores them: JSON bodies have the known personal fields
 * masked (name of a person, ID number, phone, address), every other text is passed through the free-text masker (IDs and
 * mobile numbers anywhere); other bodies (XML) through the free-text masker only. Then capped at a size.
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
        }
        masked = PersonalDataMasker.maskFreeText(masked);
        return masked.length() <= maxChars ? masked : masked.substring(0, maxChars) + "…[truncated " + masked.length() + " chars]";
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
