package io.govhub.gateway.web;

import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.FieldProblem;
import io.govhub.core.shared.GovhubException;
import io.govhub.core.shared.Text;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Rejects API calls that carry query parameters the endpoint does not declare ({@code REQUEST_PARAMETER_UNKNOWN}):
 * a misspelt {@code ?workingday=7} must not be silently ignored. The allowed names are the handler method's
 * {@code @RequestParam}s.
 */
public class UnknownParameterInterceptor implements HandlerInterceptor {

    private final Map<HandlerMethod, Set<String>> allowed = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler) {
        if (!(handler instanceof HandlerMethod hm) || !req.getRequestURI().startsWith("/api/")) {
            return true;
        }
        Set<String> names = allowed.computeIfAbsent(hm, UnknownParameterInterceptor::declared);
        if (names.contains("*")) {
            return true;
        }
        List<String> unknown = Collections.list(req.getParameterNames()).stream()
                .filter(n -> !names.contains(n)).sorted().toList();
        if (!unknown.isEmpty()) {
            String list = String.join(", ", unknown);
            String known = names.isEmpty() ? "（无）" : String.join(", ", names.stream().sorted().toList());
            throw new GovhubException(ErrorCode.REQUEST_PARAMETER_UNKNOWN,
                    Text.of("未知参数：" + list + "；可用参数：" + known, "Unknown parameter(s): " + list
                            + "; this endpoint takes: " + (names.isEmpty() ? "none" : known)),
                    unknown.stream().map(n -> new FieldProblem(n, ErrorCode.REQUEST_PARAMETER_UNKNOWN.name(),
                            Text.of("未知参数", "unknown parameter"))).toList());
        }
        return true;
    }

    private static Set<String> declared(HandlerMethod hm) {
        return java.util.Arrays.stream(hm.getMethodParameters())
                .map(p -> {
                    RequestParam rp = p.getParameterAnnotation(RequestParam.class);
                    if (rp == null) {
                        return null;
                    }
                    if (Map.class.isAssignableFrom(p.getParameterType())) {
                        return "*";
                    }
                    return !rp.name().isEmpty() ? rp.name() : !rp.value().isEmpty() ? rp.value() : name(p);
                })
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String name(MethodParameter p) {
        p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
        return p.getParameterName();
    }
}
