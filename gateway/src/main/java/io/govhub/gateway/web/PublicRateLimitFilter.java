package io.govhub.gateway.web;

import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.RateLimiter;
import io.govhub.core.shared.Text;
import io.govhub.gateway.security.EndpointRoles;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Rate limits on the public surface (the public API and pages, no sign-in needed), counted in Redis so that every node
 * shares them: an anonymous caller by IP address ({@code govhub.rate-limit.public-per-ip} requests per
 * {@code govhub.rate-limit.window}), a signed-in caller or partner system by its account
 * ({@code govhub.rate-limit.public-per-client}), whatever its address. Over the limit: 429 with {@code Retry-After},
 * as problem+json on the API and a short page in the web UI. Runs after the security filters (it needs to know the
 * caller). Redis down: requests are let through (a limit is protection, not correctness). Behind a load balancer set
 * {@code server.forward-headers-strategy=native} so that the client's address, not the balancer's, is counted.
 */
@Component
public class PublicRateLimitFilter extends OncePerRequestFilter {

    private final ObjectProvider<RateLimiter> limiter;
    /**
     * The limiter, looked up at the first request and kept: asking the bean factory on every request cost about 6 %
     * of a case submission's CPU in the benchmark's profile (the beans do not change once requests are served).
     */
    private volatile Optional<RateLimiter> resolved;
    private final int perIp;
    private final int perClient;
    private final Duration window;

    public PublicRateLimitFilter(ObjectProvider<RateLimiter> limiter,
                                 @Value("${govhub.rate-limit.public-per-ip:300}") int perIp,
                                 @Value("${govhub.rate-limit.public-per-client:1200}") int perClient,
                                 @Value("${govhub.rate-limit.window:1m}") Duration window) {
        this.limiter = limiter;
        this.perIp = perIp;
        this.perClient = perClient;
        this.window = window;
    }

    private static boolean isPublic(HttpServletRequest req) {
        return EndpointRoles.isPublic(req.getMethod(), req.getRequestURI().substring(req.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        if (!isPublic(req)) {
            chain.doFilter(req, res);
            return;
        }
        Optional<RateLimiter> known = resolved;
        if (known == null) {
            known = Optional.ofNullable(limiter.getIfAvailable());
            resolved = known;
        }
        RateLimiter rl = known.orElse(null);
        if (rl == null) {
            chain.doFilter(req, res);
            return;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        Optional<Duration> wait = signedIn ? rl.tryAcquire("public-client:" + auth.getName(), perClient, window)
                : rl.tryAcquire("public-ip:" + req.getRemoteAddr(), perIp, window);
        if (wait.isEmpty()) {
            chain.doFilter(req, res);
            return;
        }
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        res.setStatus(429);
        res.setHeader("Retry-After", String.valueOf(seconds));
        res.setCharacterEncoding("UTF-8");
        Text text = Text.of("请求过于频繁，请 " + seconds + " 秒后再试", "Too many requests; retry in " + seconds + " s");
        byte[] body;
        if (req.getRequestURI().startsWith(req.getContextPath() + "/api/")) {
            res.setContentType("application/problem+json");
            body = Problems.json(ErrorCode.RATE_LIMITED, text, req.getRequestURI()).getBytes(StandardCharsets.UTF_8);
        } else {
            res.setContentType("text/html");
            body = ("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>请求过于频繁</title></head>"
                    + "<body><h1>请求过于频繁</h1><p>" + text.zh() + "。</p></body></html>").getBytes(StandardCharsets.UTF_8);
        }
        res.getOutputStream().write(body);
    }
}
