package io.govhub.guide.lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.govhub.guide.model.GuideContent;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The JSON form of a guide's content, as stored and as exchanged. */
public final class GuideJson {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private GuideJson() {
    }

    public static String write(GuideContent content) {
        try {
            return MAPPER.writeValueAsString(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String writePublic(GuideRepository.PublicGuide guide) {
        try {
            return MAPPER.writeValueAsString(guide);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GuideRepository.PublicGuide readPublic(String json) {
        try {
            return MAPPER.readValue(json, GuideRepository.PublicGuide.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String writePage(GuideSearch.Page page) {
        try {
            return MAPPER.writeValueAsString(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GuideSearch.Page readPage(String json) {
        try {
            return MAPPER.readValue(json, GuideSearch.Page.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stable digest of a value's JSON form, for cache keys. */
    public static String digest(Object value) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(MAPPER.writeValueAsBytes(value));
            return java.util.HexFormat.of().formatHex(d, 0, 16);
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static GuideContent read(String json) {
        try {
            return MAPPER.readValue(json, GuideContent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
