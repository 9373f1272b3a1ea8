package io.govhub.core.shared;

import java.util.function.Supplier;

/** Port: runs a unit of work in one database transaction (all of it or none of it). */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
