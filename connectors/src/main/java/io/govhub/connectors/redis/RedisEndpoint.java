package io.govhub.connectors.redis;

import java.net.URI;
import java.util.Objects;

/**
 * Where Redis is: a {@code redis://} or {@code rediss://} URL (user, password and database number in the URL as
 * usual). The gateway provides it: the external Redis from configuration, or the embedded one.
 *
 * @param uri      the server
 * @param embedded whether it is the embedded server of this node
 */
public record RedisEndpoint(URI uri, boolean embedded) {

    public RedisEndpoint {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme();
        if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
            throw new IllegalArgumentException("GOVHUB_REDIS_URL must be a redis:// or rediss:// URL, got " + redacted(uri));
        }
    }

    /** The URL without its password, for logs and health details. */
    public String display() {
        return redacted(uri);
    }

    private static String redacted(URI uri) {
        return uri.getUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo() + "@", "***@");
    }
}
