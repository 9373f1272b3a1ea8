package io.govhub.guide.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.govhub.guide.model.GuideContent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Field-by-field difference between two guide contents, on their JSON form ({@code materials[2].copies}). */
public final class GuideDiff {

    private static final ObjectMapper JSON = GuideJson.MAPPER;

    /** One changed field; {@code before} or {@code after} is null where the field was added or removed. */
    public record Change(String field, String before, String after) {
    }

    private GuideDiff() {
    }

    public static List<Change> between(GuideContent a, GuideContent b) {
        Map<String, String> before = flatten(JSON.valueToTree(a));
        Map<String, String> after = flatten(JSON.valueToTree(b));
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<Change> out = new ArrayList<>();
        for (String f : fields) {
            String x = before.get(f);
            String y = after.get(f);
            if (x == null ? y != null : !x.equals(y)) {
                out.add(new Change(f, x, y));
            }
        }
        return out;
    }

    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> out) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                    e.getValue(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(path, node.asText());
        }
    }
}
