package io.govhub.connectors.rest;

import io.govhub.connectors.delivery.PartnerTransport;
import io.govhub.core.caseflow.PartnerSystem;
import io.govhub.core.delivery.OutboxEntry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Function;

/**
 * Delivers outbox messages to REST partners as JSON: a case to {@code POST {endpoint}/cases}, a withdrawal to
 * {@code POST {endpoint}/cases/{no}/withdrawal}, a credit record to {@code POST {endpoint}/credit-records}, a
 * revocation or repair to {@code POST {endpoint}/credit-records/revocations} or {@code …/repairs}.
 * Credentials, when the partner has a {@code credentialsRef}, come from the secret of that name
 * ({@code user:password}, sent as HTTP Basic).
 */
public class RestPartnerTransport implements PartnerTransport {

    private final HttpClient client;
    private final Duration timeout;
    private final Function<String, String> secrets;

    public RestPartnerTransport(Duration connectTimeout, Duration timeout, Function<String, String> secrets) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1).build();
        this.timeout = timeout;
        this.secrets = secrets;
    }

    @Override
    public String protocol() {
        return "REST";
    }

    @Override
    public String send(PartnerSystem partner, OutboxEntry e) throws DeliveryFailure {
        String base = partner.endpoint().endsWith("/") ? partner.endpoint().substring(0, partner.endpoint().length() - 1)
                : partner.endpoint();
        String path = switch (e.kind()) {
            case "CASE_DISPATCH" -> "/cases";
            case "CASE_WITHDRAWAL" -> "/cases/" + URLEncoder.encode(e.ref(), StandardCharsets.UTF_8) + "/withdrawal";
            case "CREDIT_FORWARD" -> "/credit-records";
            case "CREDIT_REVOCATION" -> "/credit-records/revocations";
            case "CREDIT_REPAIR" -> "/credit-records/repairs";
            default -> throw new DeliveryFailure(DeliveryFailure.Kind.PERMANENT, "no REST operation for " + e.kind());
        };
        HttpRequest.Builder req;
        try {
            req = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("X-Govhub-Message-Id", "outbox-" + e.id())
                    .POST(HttpRequest.BodyPublishers.ofString(e.payload(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException badUri) {
            throw new DeliveryFailure(DeliveryFailure.Kind.PERMANENT, "invalid endpoint " + partner.endpoint());
        }
        if (partner.credentialsRef() != null && !partner.credentialsRef().isBlank()) {
            String secret = secrets.apply(partner.credentialsRef());
            if (secret != null) {
                req.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
            }
        }
        HttpResponse<String> res;
        try {
            res = client.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException t) {
            throw new DeliveryFailure(DeliveryFailure.Kind.UNREACHABLE, "timeout after " + timeout.toMillis() + " ms");
        } catch (IOException io) {
            throw new DeliveryFailure(DeliveryFailure.Kind.UNREACHABLE, "not reachable: " + io.getClass().getSimpleName()
                    + (io.getMessage() == null ? "" : " " + io.getMessage()));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure(DeliveryFailure.Kind.UNREACHABLE, "interrupted");
        }
        int s = res.statusCode();
        if (s >= 200 && s < 300) {
            return res.body();
        }
        String why = "HTTP " + s + ": " + abbreviate(res.body());
        if (s == 429 || s == 502 || s == 503 || s == 504 || s == 408) {
            throw new DeliveryFailure(DeliveryFailure.Kind.UNREACHABLE, why);
        }
        throw new DeliveryFailure(s >= 500 ? DeliveryFailure.Kind.RETRYABLE : DeliveryFailure.Kind.PERMANENT, why);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
