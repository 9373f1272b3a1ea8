package io.govhub.gateway.web;

import io.govhub.gateway.support.EmbeddedAppIT;
import io.govhub.gateway.support.FromAddress;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits on the public surface (test context: 300 requests per 10 s window). Requests are sent from their own
 * loopback addresses (127.0.0.2, 127.0.0.3), so that the other tests, from 127.0.0.1, neither count nor are counted.
 * The counters are in Redis (the shared limiter of all nodes).
 */
class RateLimitIT extends EmbeddedAppIT {

    private static final int LIMIT = 300;

    private String send(String from, String method, String path, String authorization) throws Exception {
        return FromAddress.get(from, port, path, authorization);
    }

    private static int retryAfter(String response) {
        return Integer.parseInt(response.replaceAll("(?s).*\r\nRetry-After: (\\d+)\r\n.*", "$1"));
    }

    private static int status(String response) {
        return FromAddress.status(response);
    }

    /** Sends until the first 429 (at most two windows' worth: a window may end during the run); answers it. */
    private String untilLimited(String from, String path, String authorization) throws Exception {
        for (int i = 0; i <= 2 * LIMIT + 1; i++) {
            String r = send(from, "GET", path, authorization);
            if (status(r) == 429) {
                return r;
            }
            assertThat(status(r)).as(r).isEqualTo(200);
        }
        throw new AssertionError("no 429 after " + (2 * LIMIT + 2) + " requests");
    }

    @Test
    void an_anonymous_caller_is_limited_by_address_with_retry_after() throws Exception {
        String limited = untilLimited("127.0.0.2", "/api/v1/divisions/371302", null);
        if (retryAfter(limited) < 2) { // the window is about to end: take the next one, so the checks below fall in it
            Thread.sleep(1100);
            limited = untilLimited("127.0.0.2", "/api/v1/divisions/371302", null);
        }
        assertThat(limited).contains("Content-Type: application/problem+json").contains("\"code\":\"RATE_LIMITED\"");
        assertThat(retryAfter(limited)).isBetween(1, 10);
        // the limit is the address's: another address is served
        assertThat(status(send("127.0.0.3", "GET", "/api/v1/divisions/371302", null))).isEqualTo(200);
        // the public pages count too, answered with a page
        String page = send("127.0.0.2", "GET", "/credit", null);
        assertThat(status(page)).isEqualTo(429);
        assertThat(page).contains("Content-Type: text/html").contains("请求过于频繁");
        // the rest of the API is not public and not limited this way
        assertThat(status(send("127.0.0.2", "GET", "/api/v1/me", basic("clerk-lanshan")))).isEqualTo(200);
    }

    @Test
    void a_signed_in_client_is_limited_by_account_not_by_address() throws Exception {
        String limited = untilLimited("127.0.0.4", "/api/v1/organisations", basic("sim-ly-market"));
        assertThat(limited).contains("\"code\":\"RATE_LIMITED\"");
        if (retryAfter(limited) < 2) { // the window is about to end: take the next one, so the checks below fall in it
            Thread.sleep(1100);
            limited = untilLimited("127.0.0.4", "/api/v1/organisations", basic("sim-ly-market"));
        }
        // the same account from another address: still limited (one budget per client) ...
        assertThat(status(send("127.0.0.5", "GET", "/api/v1/organisations", basic("sim-ly-market")))).isEqualTo(429);
        // ... while anonymous callers from that address are not
        assertThat(status(send("127.0.0.5", "GET", "/api/v1/organisations", null))).isEqualTo(200);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo123").getBytes(StandardCharsets.UTF_8));
    }
}
