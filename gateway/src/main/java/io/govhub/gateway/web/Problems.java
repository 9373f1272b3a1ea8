package io.govhub.gateway.web;

import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.ErrorKind;
import io.govhub.core.shared.FieldProblem;
import io.govhub.core.shared.Text;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the hub's problem+json answers (RFC 9457): {@code type} {@code urn:govhub:error:<CODE>}, {@code title},
 * {@code status}, {@code detail} (Chinese / English), {@code code}, and for validation {@code errors}: a list of
 * {@code {field, code, message}}.
 */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private Problems() {
    }

    public static HttpStatus status(ErrorKind kind) {
        return switch (kind) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_MEDIA -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case METHOD_NOT_ALLOWED -> HttpStatus.METHOD_NOT_ALLOWED;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    public static ProblemDetail problem(ErrorCode code, Text text, List<FieldProblem> problems, String instance) {
        HttpStatus status = status(code.kind());
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, text.bilingual());
        pd.setType(URI.create("urn:govhub:error:" + code.name()));
        pd.setTitle(code.title().bilingual());
        if (instance != null) {
            pd.setInstance(URI.create(instance));
        }
        pd.setProperty("code", code.name());
        if (!problems.isEmpty()) {
            pd.setProperty("errors", problems.stream().map(Problems::fieldJson).toList());
        }
        return pd;
    }

    public static ResponseEntity<ProblemDetail> response(ErrorCode code, Text text, List<FieldProblem> problems,
                                                         String instance) {
        ProblemDetail pd = problem(code, text, problems, instance);
        return ResponseEntity.status(pd.getStatus()).contentType(PROBLEM_JSON).body(pd);
    }

    private static Map<String, Object> fieldJson(FieldProblem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", p.field());
        m.put("code", p.code());
        m.put("message", p.message().bilingual());
        return m;
    }

    /** A problem+json body as a string, for filters that answer before Spring MVC does. */
    public static String json(ErrorCode code, Text text, String instance) {
        return "{\"type\":\"urn:govhub:error:" + code.name() + "\",\"title\":" + quote(code.title().bilingual())
                + ",\"status\":" + status(code.kind()).value() + ",\"detail\":" + quote(text.bilingual())
                + (instance == null ? "" : ",\"instance\":" + quote(instance)) + ",\"code\":\"" + code.name() + "\"}";
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
