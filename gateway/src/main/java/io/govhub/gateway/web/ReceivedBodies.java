package io.govhub.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.WebUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Keeps a JSON request body as it was received, for the message log (报文日志): a case or credit submission over REST
 * is logged and hashed as the bytes the partner sent, not as the request re-written after parsing. The copy is made
 * while Spring reads the body (no second read), up to the API's body limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11) // inside RequestLimitsFilter: a body over the limit never gets this far
public class ReceivedBodies extends OncePerRequestFilter {

    private final int limit;

    public ReceivedBodies(io.govhub.gateway.config.GovhubProperties props) {
        this.limit = (int) Math.min(Integer.MAX_VALUE, props.http().maxBodySize().toBytes());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
                || type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new ContentCachingRequestWrapper(req, limit), res);
    }

    /**
     * The JSON body of the current request as received (UTF-8, the only charset the API accepts for JSON), once the
     * request has been read; empty outside such a request.
     */
    public static Optional<String> current() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a)) {
            return Optional.empty();
        }
        ContentCachingRequestWrapper w = WebUtils.getNativeRequest(a.getRequest(), ContentCachingRequestWrapper.class);
        byte[] body = w == null ? null : w.getContentAsByteArray(); // a copy: taken once
        return body == null || body.length == 0 ? Optional.empty() : Optional.of(new String(body, StandardCharsets.UTF_8));
    }
}
