package io.govhub.core.shared;

import java.util.function.Supplier;

/** Port: runs a unit of work in one database transaction (all of it or none of it). */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    /**
     * Like {@link #inTransaction}, but the commit does not wait for the database's disk (PostgreSQL's asynchronous
     * commit): the change is visible at once and safe against a crash of this node, and lost only when the database
     * server itself crashes within a fraction of a second. Only for bookkeeping that at-least-once delivery repeats
     * when it is lost (a claim, a delivery's outcome), never for what a receipt promises.
     */
    <T> T inAsyncCommitTransaction(Supplier<T> work);

    /**
     * Runs {@code action} once the current transaction has committed (at once if there is none): for effects outside
     * the database, such as evicting a shared cache, that must not happen for a change that is rolled back.
     */
    void afterCommit(Runnable action);
}
