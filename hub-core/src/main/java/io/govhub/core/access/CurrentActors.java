package io.govhub.core.access;

import java.util.Optional;

/** Port: who is behind the current request, for adapters outside the gateway (SOAP endpoints run in connectors). */
@FunctionalInterface
public interface CurrentActors {

    Optional<Actor> current();
}
