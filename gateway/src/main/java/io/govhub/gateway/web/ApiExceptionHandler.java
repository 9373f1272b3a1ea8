package io.govhub.gateway.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.govhub.core.identity.PersonalDataMasker;
import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.FieldProblem;
import io.govhub.core.shared.GovhubException;
import io.govhub.core.shared.Text;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.io.CharConversionException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure of an API call into problem+json with a stable code. Nothing internal (SQL, class names, stack
 * traces) reaches the caller; a defect is logged with an incident id that the answer repeats.
 */
@RestControllerAdvice(basePackages = "io.govhub.gateway.api")
public class ApiExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(GovhubException.class)
    ResponseEntity<ProblemDetail> govhub(GovhubException e, HttpServletRequest req) {
        ResponseEntity<ProblemDetail> r = Problems.response(e.code(), e.text(), e.problems(), req.getRequestURI());
        if (e instanceof io.govhub.core.shared.RateLimiter.Limited limited) {
            return ResponseEntity.status(r.getStatusCode()).headers(r.getHeaders())
                    .header("Retry-After", String.valueOf(Math.max(1, limited.retryAfter().toSeconds())))
                    .body(r.getBody());
        }
        return r;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest req) {
        Throwable cause = e.getMostSpecificCause();
        if (findCause(e, PayloadTooLargeException.class) != null) {
            return tooLarge(req);
        }
        if (cause instanceof CharConversionException
                || cause instanceof JsonParseException && cause.getMessage() != null
                && cause.getMessage().contains("Invalid UTF-8")) {
            return Problems.response(ErrorCode.REQUEST_ENCODING, ErrorCode.REQUEST_ENCODING.title(), List.of(),
                    req.getRequestURI());
        }
        if (cause instanceof UnrecognizedPropertyException u) {
            String field = path(u);
            return Problems.response(ErrorCode.REQUEST_FIELD_UNKNOWN, Text.of("未知字段 " + field, "Unknown field " + field),
                    List.of(new FieldProblem(field, ErrorCode.REQUEST_FIELD_UNKNOWN.name(),
                            Text.of("不允许的字段", "field not allowed"))), req.getRequestURI());
        }
        if (cause instanceof JsonMappingException m && !(cause instanceof JsonParseException) && !m.getPath().isEmpty()) {
            String field = path(m);
            return Problems.response(ErrorCode.REQUEST_FIELD_INVALID,
                    Text.of("字段 " + field + " 的类型或取值错误", "Field " + field + " has the wrong type or value"),
                    List.of(new FieldProblem(field, ErrorCode.REQUEST_FIELD_INVALID.name(),
                            Text.of("类型或取值错误", "wrong type or value"))), req.getRequestURI());
        }
        String where = cause instanceof JsonParseException p && p.getLocation() != null
                ? "（第 " + p.getLocation().getLineNr() + " 行第 " + p.getLocation().getColumnNr() + " 列）" : "";
        String whereEn = cause instanceof JsonParseException p && p.getLocation() != null
                ? " (line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr() + ")" : "";
        return Problems.response(ErrorCode.REQUEST_MALFORMED,
                Text.of("请求体不是合法的 JSON" + where, "The request body is not valid JSON" + whereEn), List.of(),
                req.getRequestURI());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest req) {
        String name = e.getName();
        String expected = e.getRequiredType() == null ? "" : switch (e.getRequiredType().getSimpleName()) {
            case "LocalDate" -> "YYYY-MM-DD";
            case "int", "Integer", "long", "Long" -> "an integer";
            default -> e.getRequiredType().getSimpleName();
        };
        return Problems.response(ErrorCode.REQUEST_PARAMETER_INVALID,
                Text.of("参数 " + name + " 的取值格式错误，应为 " + expected,
                        "Parameter " + name + " is malformed; expected " + expected),
                List.of(new FieldProblem(name, ErrorCode.REQUEST_PARAMETER_INVALID.name(),
                        Text.of("格式错误", "malformed"))), req.getRequestURI());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e, HttpServletRequest req) {
        String name = e.getParameterName();
        return Problems.response(ErrorCode.REQUEST_PARAMETER_MISSING,
                Text.of("缺少参数 " + name, "Missing parameter " + name),
                List.of(new FieldProblem(name, ErrorCode.REQUEST_PARAMETER_MISSING.name(), Text.of("必填", "required"))),
                req.getRequestURI());
    }

    @ExceptionHandler(org.springframework.web.bind.MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(org.springframework.web.bind.MissingRequestHeaderException e,
                                                HttpServletRequest req) {
        String name = e.getHeaderName();
        return Problems.response(ErrorCode.REQUEST_PARAMETER_MISSING,
                Text.of("缺少请求头 " + name + ("If-Match".equals(name) ? "（先读取事项，以其 ETag 作为 If-Match）" : ""),
                        "Missing header " + name + ("If-Match".equals(name) ? " (send the ETag of the item you read)" : "")),
                List.of(new FieldProblem(name, ErrorCode.REQUEST_PARAMETER_MISSING.name(), Text.of("必填", "required"))),
                req.getRequestURI());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, HttpServletRequest req) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), ErrorCode.REQUEST_FIELD_INVALID.name(),
                        Text.of(String.valueOf(f.getDefaultMessage()), String.valueOf(f.getDefaultMessage()))))
                .toList();
        String fields = problems.stream().map(FieldProblem::field).collect(Collectors.joining(", "));
        return Problems.response(ErrorCode.REQUEST_FIELD_INVALID,
                Text.of("字段取值错误：" + fields, "Invalid fields: " + fields), problems, req.getRequestURI());
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e, HttpServletRequest req) {
        return Problems.response(ErrorCode.REQUEST_PARAMETER_INVALID, ErrorCode.REQUEST_PARAMETER_INVALID.title(),
                List.of(), req.getRequestURI());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest req) {
        return Problems.response(ErrorCode.REQUEST_MEDIA_TYPE,
                Text.of("不支持的内容类型 " + e.getContentType() + "，请使用 application/json",
                        "Unsupported content type " + e.getContentType() + "; use application/json"),
                List.of(), req.getRequestURI());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest req) {
        return Problems.response(ErrorCode.REQUEST_MEDIA_TYPE, Text.of("只提供 application/json",
                "Only application/json is produced"), List.of(), req.getRequestURI());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest req) {
        return Problems.response(ErrorCode.REQUEST_METHOD,
                Text.of("不支持 " + e.getMethod() + " 方法", "Method " + e.getMethod() + " is not allowed"),
                List.of(), req.getRequestURI());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest req) {
        return Problems.response(ErrorCode.RESOURCE_NOT_FOUND, ErrorCode.RESOURCE_NOT_FOUND.title(), List.of(),
                req.getRequestURI());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> upload(MaxUploadSizeExceededException e, HttpServletRequest req) {
        return tooLarge(req);
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class})
    ResponseEntity<ProblemDetail> unavailable(Exception e, HttpServletRequest req) {
        LOG.warn("Database unavailable for {} {}: {}", req.getMethod(), req.getRequestURI(), e.getMessage());
        ResponseEntity<ProblemDetail> r = Problems.response(ErrorCode.SERVICE_UNAVAILABLE,
                ErrorCode.SERVICE_UNAVAILABLE.title(), List.of(), req.getRequestURI());
        return ResponseEntity.status(r.getStatusCode()).headers(r.getHeaders()).header(HttpHeaders.RETRY_AFTER, "5")
                .body(r.getBody());
    }

    /** Let Spring Security's entry point and access-denied handler answer these. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(RuntimeException e) {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> defect(Exception e, HttpServletRequest req) {
        String incident = UUID.randomUUID().toString();
        LOG.error("Incident {} on {} {}: {}", incident, req.getMethod(), req.getRequestURI(),
                PersonalDataMasker.maskFreeText(String.valueOf(e.getMessage())), e);
        return Problems.response(ErrorCode.INTERNAL_ERROR,
                Text.of("系统内部错误，事件编号 " + incident, "Internal error, incident " + incident), List.of(),
                req.getRequestURI());
    }

    private ResponseEntity<ProblemDetail> tooLarge(HttpServletRequest req) {
        return Problems.response(ErrorCode.REQUEST_TOO_LARGE, RequestLimitsFilter.tooLargeText(), List.of(),
                req.getRequestURI());
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
