package io.govhub.gateway.web;

import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.Text;
import io.govhub.gateway.config.GovhubProperties;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import java.util.List;
import java.util.Map;

/**
 * The last stop for errors that no controller answered (unknown paths, failures in filters, the container's own
 * 400s): problem+json with a stable code for API paths and for clients that do not ask for HTML, a Chinese page for
 * browsers. Never a stack trace or an exception message.
 */
@Controller
public class GovhubErrorController implements ErrorController {

    private final GovhubProperties props;

    public GovhubErrorController(GovhubProperties props) {
        this.props = props;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    public ModelAndView html(HttpServletRequest req, HttpServletResponse res) {
        ErrorCode code = codeFor(status(req));
        res.setStatus(status(req));
        if (path(req).startsWith("/api/")) {
            // an API path never gets HTML, even when a browser asks for it
            var view = new org.springframework.web.servlet.view.json.MappingJackson2JsonView();
            view.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            view.setExtractValueFromSingleKeyModel(true);
            return new ModelAndView(view, Map.of("problem", Problems.problem(code, code.title(), List.of(), path(req))));
        }
        return new ModelAndView("error-page", Map.of("error", code.title().zh(), "code", code.name(),
                "cityName", props.cityName()));
    }

    @RequestMapping("/error")
    public ResponseEntity<Object> json(HttpServletRequest req) {
        int status = status(req);
        ErrorCode code = codeFor(status);
        Text text = code.title();
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.problem(code, text, List.of(), path(req)));
    }

    private static int status(HttpServletRequest req) {
        Object s = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return s instanceof Integer i ? i : 500;
    }

    private static String path(HttpServletRequest req) {
        Object p = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return p == null ? "/" : p.toString();
    }

    static ErrorCode codeFor(int status) {
        return switch (status) {
            case 400 -> ErrorCode.REQUEST_MALFORMED;
            case 401 -> ErrorCode.AUTHENTICATION_REQUIRED;
            case 403 -> ErrorCode.ACCESS_DENIED;
            case 404 -> ErrorCode.RESOURCE_NOT_FOUND;
            case 405 -> ErrorCode.REQUEST_METHOD;
            case 413 -> ErrorCode.REQUEST_TOO_LARGE;
            case 415 -> ErrorCode.REQUEST_MEDIA_TYPE;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.REQUEST_MALFORMED;
        };
    }
}
