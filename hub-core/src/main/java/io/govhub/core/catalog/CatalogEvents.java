package io.govhub.core.catalog;

/**
 * Port: where catalog events go. The gateway delivers them to listeners in the same transaction's after-commit phase
 * (later: through the outbox to the broker).
 */
public interface CatalogEvents {

    void guidePublished(GuidePublished event);

    void guideWithdrawn(GuideWithdrawn event);
}
