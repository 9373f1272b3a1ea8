package io.govhub.connectors.file;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

/**
 * The read locks of a drop folder shared by several nodes, in PostgreSQL ({@code file_read_lock}): Camel's
 * {@code readLock=idempotent-changed} adds a file's key here before it takes the file; a node that finds the key
 * present leaves the file to the node that holds it. The key is removed once the file has been moved (after a
 * delay, so that a node that listed the file just before the move does not take it again). A lock older than
 * {@code ttl} (its node died while holding it) is taken over.
 */
public class JdbcFileReadLocks extends ServiceSupport implements IdempotentRepository {

    private final JdbcTemplate jdbc;
    private final Duration ttl;
    private final String node;

    public JdbcFileReadLocks(JdbcTemplate jdbc, Duration ttl, String node) {
        this.jdbc = jdbc;
        this.ttl = ttl;
        this.node = node;
    }

    @Override
    public boolean add(String key) {
        jdbc.update("delete from file_read_lock where lock_key = ? and locked_at < now() - ? * interval '1 millisecond'",
                key, ttl.toMillis());
        return jdbc.update("insert into file_read_lock (lock_key, node) values (?, ?) on conflict (lock_key) do nothing",
                key, node) == 1;
    }

    @Override
    public boolean contains(String key) {
        Integer n = jdbc.queryForObject("select count(*) from file_read_lock where lock_key = ?", Integer.class, key);
        return n != null && n > 0;
    }

    @Override
    public boolean remove(String key) {
        return jdbc.update("delete from file_read_lock where lock_key = ? and node = ?", key, node) == 1;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    /** Removes this node's locks only (the others' files are theirs). */
    @Override
    public void clear() {
        jdbc.update("delete from file_read_lock where node = ?", node);
    }
}
