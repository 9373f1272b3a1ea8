package io.govhub.connectors.redis;

import io.govhub.core.credit.DecisionKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The decisions' idempotency keys (决定幂等键) in Redis: {@code govhub:credit:key:<generation>:<run>:<natural key>} holding
 * {@code =<record id>:<content hash>} for a version, or {@code ~<token>} for a decision being changed. {@code <run>} is
 * the start of the Redis server's run id, read inside each script: a server restarted (from its append-only file or a
 * snapshot that may miss the last writes) or a replica promoted in its place has another run id, so it shows none of
 * the keys written before (see {@link DecisionKeys}). Each call is one Lua script, atomic on the server.
 *
 * <p>Versions live {@code ttl}; marks {@link #MARK_TTL}. A version is added for a decision found unchanged only while
 * Redis uses less than half its {@code maxmemory} (the web sessions share it; the keys are only a speed-up). Redis not
 * answering: nothing is known and nothing can be marked, for {@link #PAUSE} after each failure (so a Redis that hangs
 * costs one time-out, not one per chunk); a warning at most once a minute.
 */
public class RedisDecisionKeys implements DecisionKeys {

    private static final Logger LOG = LoggerFactory.getLogger(RedisDecisionKeys.class);
    static final String PREFIX = "govhub:credit:key:";
    /** Longer than any transaction that changes decisions; one left by a node that died only delays its key. */
    static final Duration MARK_TTL = Duration.ofMinutes(10);
    public static final Duration PAUSE = Duration.ofSeconds(5);

    /** The keys' common start in this server's life: ARGV[1] is {@code PREFIX<generation>}. */
    private static final String NAMESPACE = "local run = string.match(redis.call('INFO', 'server'), 'run_id:(%x+)')\n"
            + "local p = ARGV[1] .. ':' .. string.sub(run, 1, 16) .. ':'\n";
    private static final String KNOWN = NAMESPACE
            + "local keys = {}\n"
            + "for i = 2, #ARGV do keys[i - 1] = p .. ARGV[i] end\n"
            + "local out = redis.call('MGET', unpack(keys))\n"
            + "for i = 1, #out do if not out[i] then out[i] = '' end end\n"
            + "return out";
    /** ARGV: namespace, token, seconds, keys. */
    private static final String CHANGING = NAMESPACE
            + "local mark = '~' .. ARGV[2]\n"
            + "for i = 4, #ARGV do redis.call('SET', p .. ARGV[i], mark, 'EX', ARGV[3]) end\n"
            + "return #ARGV - 3";
    /** ARGV: namespace, token, seconds, then key and version in turn; replaces this token's marks only. */
    private static final String CHANGED = NAMESPACE
            + "local mark = '~' .. ARGV[2]\n"
            + "local n = 0\n"
            + "for i = 4, #ARGV, 2 do\n"
            + "  if redis.call('GET', p .. ARGV[i]) == mark then\n"
            + "    redis.call('SET', p .. ARGV[i], ARGV[i + 1], 'EX', ARGV[3]); n = n + 1\n"
            + "  end\n"
            + "end\n"
            + "return n";
    /** ARGV: namespace, seconds, then key and version in turn; adds where nothing is, below half of maxmemory. */
    private static final String UNCHANGED = NAMESPACE
            + "local mem = redis.call('INFO', 'memory')\n"
            + "local used = tonumber(string.match(mem, 'used_memory:(%d+)'))\n"
            + "local max = tonumber(string.match(mem, 'maxmemory:(%d+)'))\n"
            + "if max > 0 and used * 2 > max then return -1 end\n"
            + "local n = 0\n"
            + "for i = 3, #ARGV, 2 do\n"
            + "  if redis.call('SET', p .. ARGV[i], ARGV[i + 1], 'EX', ARGV[2], 'NX') then n = n + 1 end\n"
            + "end\n"
            + "return n";

    private final JedisPooled jedis;
    private final long ttlSeconds;
    private final AtomicLong pausedUntil = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong();

    public RedisDecisionKeys(JedisPooled jedis, Duration ttl) {
        if (ttl.toSeconds() < 1) {
            throw new IllegalArgumentException("the decisions' keys live at least a second, not " + ttl);
        }
        this.jedis = jedis;
        this.ttlSeconds = ttl.toSeconds();
    }

    @Override
    public Map<String, Known> known(String generation, Collection<String> naturalKeys) {
        if (naturalKeys.isEmpty() || paused()) {
            return Map.of();
        }
        List<String> args = new ArrayList<>(naturalKeys.size() + 1);
        args.add(PREFIX + generation);
        args.addAll(naturalKeys);
        Object answer = run(KNOWN, args);
        if (!(answer instanceof List<?> values)) {
            return Map.of();
        }
        Map<String, Known> known = new HashMap<>();
        int i = 0;
        for (String k : naturalKeys) {
            Object v = values.get(i++);
            String value = v instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : String.valueOf(v);
            Known version = parse(value);
            if (version != null) {
                known.put(k, version);
            }
        }
        return known;
    }

    /** A version as kept ({@code =<record id>:<hash>}); null for a mark, nothing, or anything else. */
    static Known parse(String value) {
        int colon = value.indexOf(':');
        if (!value.startsWith("=") || colon < 2 || colon == value.length() - 1) {
            return null;
        }
        try {
            return new Known(Long.parseLong(value, 1, colon, 10), value.substring(colon + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String format(Known k) {
        return "=" + k.recordId() + ":" + k.contentHash();
    }

    @Override
    public boolean changing(String generation, String token, Collection<String> naturalKeys) {
        if (naturalKeys.isEmpty()) {
            return true;
        }
        if (paused()) {
            return false;
        }
        List<String> args = new ArrayList<>(naturalKeys.size() + 3);
        args.add(PREFIX + generation);
        args.add(token);
        args.add(String.valueOf(MARK_TTL.toSeconds()));
        args.addAll(naturalKeys);
        return run(CHANGING, args) instanceof Long n && n == naturalKeys.size();
    }

    @Override
    public void changed(String generation, String token, Map<String, Known> versions) {
        if (versions.isEmpty() || paused()) {
            return; // the marks stay until their time to live ends: the decisions go the database's way meanwhile
        }
        run(CHANGED, withVersions(versions, PREFIX + generation, token, String.valueOf(ttlSeconds)));
    }

    @Override
    public void unchanged(String generation, Map<String, Known> versions) {
        if (versions.isEmpty() || paused()) {
            return;
        }
        run(UNCHANGED, withVersions(versions, PREFIX + generation, String.valueOf(ttlSeconds)));
    }

    /** A script's arguments: {@code first}, then each decision's natural key and its version in turn. */
    private static List<String> withVersions(Map<String, Known> versions, String... first) {
        List<String> args = new ArrayList<>(versions.size() * 2 + first.length);
        args.addAll(List.of(first));
        versions.forEach((k, v) -> {
            args.add(k);
            args.add(format(v));
        });
        return args;
    }

    private boolean paused() {
        return System.currentTimeMillis() < pausedUntil.get();
    }

    /**
     * Runs a script; null when Redis failed (then the keys pause). A connection of the pool that Redis closed (a
     * restart, a cut link) fails at once when it is used: the script is run again on another one, up to
     * {@link #ATTEMPTS} times while the failures are that quick (each script may run twice: they are idempotent).
     */
    private Object run(String script, List<String> args) {
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            try {
                return jedis.eval(script, List.of(), args);
            } catch (redis.clients.jedis.exceptions.JedisConnectionException e) {
                if (attempt >= ATTEMPTS || System.nanoTime() - started > QUICK_FAILURE.toNanos()) {
                    pause(e);
                    return null;
                }
            } catch (JedisException e) {
                pause(e);
                return null;
            }
        }
    }

    /** One more than the pool's connections (Jedis's default of 8). */
    static final int ATTEMPTS = 9;
    static final Duration QUICK_FAILURE = Duration.ofMillis(100);

    private void pause(JedisException e) {
        long now = System.currentTimeMillis();
        pausedUntil.set(now + PAUSE.toMillis());
        long last = lastWarning.get();
        if (now - last > 60_000 && lastWarning.compareAndSet(last, now)) {
            LOG.warn("Idempotency keys of decisions (Redis) unavailable, using the database only for {}: {}",
                    PAUSE, e.getMessage());
        }
    }
}
