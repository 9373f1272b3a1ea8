package io.govhub.guide;

import com.fasterxml.jackson.databind.JsonNode;
import io.govhub.guide.lifecycle.GuideJson;
import io.govhub.guide.model.GuideContent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded mode's demo catalog ({@code demo/guides.json}): 38 service items of Linyi's city departments and four
 * counties. Illustrative: names, legal bases and fees follow public rules, the rest is not the official list.
 */
public final class DemoCatalog {

    private DemoCatalog() {
    }

    public static List<GuideContent> guides() {
        try (InputStream in = DemoCatalog.class.getClassLoader().getResourceAsStream("demo/guides.json")) {
            if (in == null) {
                throw new IllegalStateException("demo/guides.json missing");
            }
            JsonNode root = GuideJson.MAPPER.readTree(in);
            List<GuideContent> out = new ArrayList<>();
            for (JsonNode g : root.path("guides")) {
                out.add(GuideJson.MAPPER.treeToValue(g, GuideContent.class));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
