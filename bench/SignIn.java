import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The single sign-on round trip as a browser makes it, timed: open govhub's hall page signed out → redirected to
 * Keycloak's login page (authorization code with PKCE) → post the user's name and password → Keycloak redirects back
 * with a code → govhub exchanges it for tokens → the hall page. Each round is a new "browser" (empty cookie jar).
 * The HTTP exchanges only: page rendering and the user's typing are not included.
 *
 *   java bench/SignIn.java GOVHUB_BASE_URL USER PASSWORD ROUNDS
 *
 * Prints the rounds and p50, p90 and max in milliseconds.
 */
public class SignIn {

    /**
     * A cookie jar that, like a browser on localhost, keeps Keycloak's {@code Secure} cookies over plain HTTP on the
     * loopback address (Java's own jar sends them over HTTPS only).
     */
    static final class LoopbackCookies extends java.net.CookieHandler {
        private final CookieManager jar = new CookieManager();

        @Override
        public java.util.Map<String, java.util.List<String>> get(URI uri, java.util.Map<String, java.util.List<String>> headers)
                throws java.io.IOException {
            return jar.get(uri, headers);
        }

        @Override
        public void put(URI uri, java.util.Map<String, java.util.List<String>> headers) throws java.io.IOException {
            java.util.Map<String, java.util.List<String>> plain = new java.util.HashMap<>();
            headers.forEach((k, v) -> plain.put(k, k != null && k.equalsIgnoreCase("Set-Cookie")
                    ? v.stream().map(c -> c.replaceAll("(?i);\\s*Secure", "")).toList() : v));
            jar.put(uri, plain);
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int rounds = Integer.parseInt(args[3]);
        long[] ms = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new LoopbackCookies())
                    .followRedirects(HttpClient.Redirect.ALWAYS).build();
            long t0 = System.nanoTime();
            HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/hall")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher action = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"")
                    .matcher(login.body());
            if (!action.find()) {
                throw new IllegalStateException("no Keycloak login form at " + login.uri());
            }
            String url = (action.group(1) != null ? action.group(1) : action.group(2)).replace("&amp;", "&");
            HttpResponse<String> hall = browser.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(args[1], StandardCharsets.UTF_8)
                            + "&password=" + URLEncoder.encode(args[2], StandardCharsets.UTF_8) + "&credentialId="))
                    .build(), HttpResponse.BodyHandlers.ofString());
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
            if (hall.statusCode() != 200 || !hall.uri().getPath().equals("/hall")) {
                throw new IllegalStateException("not signed in: " + hall.statusCode() + " " + hall.uri());
            }
        }
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf("rounds=%d p50=%d p90=%d max=%d ms (first %d ms)%n", rounds, sorted[rounds / 2],
                sorted[(int) Math.ceil(rounds * 0.9) - 1], sorted[rounds - 1], ms[0]);
    }
}
