package io.govhub.gateway.web;

import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.Text;
import io.govhub.gateway.config.GovhubProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Caps the size of request bodies on the API: a declared length over the limit is answered 413 at once, before a
 * byte is read; a body without a declared length (chunked) fails with 413 as soon as it passes the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestLimitsFilter extends OncePerRequestFilter {

    private final long limit;
    private final long importLimit;
    private final long materialLimit;

    public RequestLimitsFilter(GovhubProperties props) {
        this.limit = props.http().maxBodySize().toBytes();
        this.importLimit = props.http().maxImportSize().toBytes();
        // a material upload: the file plus the multipart framing and the form fields
        this.materialLimit = props.http().maxMaterialSize().toBytes() + 16 * 1024;
    }

    static Text tooLargeText() {
        return Text.of("请求体超过允许的大小", "The request body exceeds the allowed size");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") && !request.getRequestURI().startsWith("/services/")
                && !request.getRequestURI().startsWith("/workbench/imports")
                && !request.getRequestURI().startsWith("/hall/materials");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        long declared = req.getContentLengthLong();
        String uri = req.getRequestURI();
        long limit = uri.startsWith("/api/v1/guide-imports") || uri.startsWith("/workbench/imports")
                || uri.startsWith("/api/v1/credit/batches") ? importLimit
                : uri.startsWith("/api/v1/cases/materials") || uri.startsWith("/hall/materials") ? materialLimit : this.limit;
        if (declared > limit) {
            res.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            res.setContentType("application/problem+json");
            res.setCharacterEncoding("UTF-8");
            res.setHeader("Connection", "close");
            res.getOutputStream().write(Problems.json(ErrorCode.REQUEST_TOO_LARGE,
                    Text.of("请求体 " + declared + " 字节，超过上限 " + limit + " 字节",
                            "The request body has " + declared + " bytes, more than the limit of " + limit),
                    req.getRequestURI()).getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(declared >= 0 ? req : new LimitedRequest(req, limit), res);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest req, long limit) {
            super(req);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > limit) {
                            throw new PayloadTooLargeException(limit);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        if (n > 0 && (read += n) > limit) {
                            throw new PayloadTooLargeException(limit);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
