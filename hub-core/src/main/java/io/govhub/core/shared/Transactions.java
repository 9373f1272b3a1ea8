package io.govhub.core.shared;

import java.util.function.Supplier;

/** Port: runs a unit of work in one database transaction (all of it or none of it). */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs {@code action} once the current transaction has committed (at once if there is none): for effects outside
     * the database, such as evicting a shared cache, that must not happen for a change that is rolled back.
     */
    void afterCommit(Runnable action);
}
