package io.govhub.core.credit;

import java.util.Collection;
import java.util.Map;

/**
 * Port: the idempotency keys of decisions (决定幂等键), shared by every hub node (Redis in the product). A key says
 * which record a decision (authority + document number + record type, its natural key) is stored as, and the content
 * hash of its current version, so that a decision submitted again with the same content is acknowledged as a
 * duplicate without reading the database.
 *
 * <p>The keys only save work. The database's unique constraint on the natural key stays what makes a decision one
 * record; a key that is missing, unreadable or marked as being changed sends the record the database's way, so an
 * outage of the keys' store costs speed, never a wrong answer. What keeps a key from ever claiming an old version:
 * <ul>
 * <li>a key is written only by a transaction that holds the decision's row: one that found the decision unchanged
 *     ({@link #unchanged}, added only where nothing is there) or one that changes it ({@link #changing} before its
 *     commit, {@link #changed} after, replacing its own mark only);</li>
 * <li>keys live in a <em>generation</em> kept in the database; a transaction that cannot mark what it changes starts a
 *     new generation in its own transaction, which abandons every key written before (the caller reads the generation
 *     after taking the rows, so a change is marked in the generation readers see from then on);</li>
 * <li>an implementation keeps keys apart per life of its store (Redis: per server run id), so a store restarted from
 *     an older snapshot, or a replica promoted while it lagged, brings back no key.</li>
 * </ul>
 */
public interface DecisionKeys {

    /** A decision's current version as stored: its record and the content hash of its fields. */
    record Known(long recordId, String contentHash) {
    }

    /** What the keys of {@code generation} know of these decisions (natural keys); nothing on any failure. */
    Map<String, Known> known(String generation, Collection<String> naturalKeys);

    /**
     * Marks decisions as being changed by the caller's transaction, before it commits; a marked decision is not known
     * until {@link #changed} replaces the mark (or the mark's time to live ends).
     *
     * @return false when the marks may not all be in place (the store unreachable): the caller must then start a new
     * generation before it commits
     */
    boolean changing(String generation, String token, Collection<String> naturalKeys);

    /** After the change committed: the decisions' new versions, each replacing the mark {@code token} put there. */
    void changed(String generation, String token, Map<String, Known> versions);

    /**
     * Decisions the caller found unchanged in the database while it holds their rows: remembered where nothing is
     * there yet (neither a mark nor a version).
     */
    void unchanged(String generation, Map<String, Known> versions);

    /** No keys: every record goes the database's way (tests of the use cases, a node without Redis). */
    DecisionKeys NONE = new DecisionKeys() {
        @Override
        public Map<String, Known> known(String generation, Collection<String> naturalKeys) {
            return Map.of();
        }

        @Override
        public boolean changing(String generation, String token, Collection<String> naturalKeys) {
            return true; // nothing is kept, so nothing can be stale
        }

        @Override
        public void changed(String generation, String token, Map<String, Known> versions) {
        }

        @Override
        public void unchanged(String generation, Map<String, Known> versions) {
        }
    };
}
