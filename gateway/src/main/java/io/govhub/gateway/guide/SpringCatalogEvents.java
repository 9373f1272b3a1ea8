package io.govhub.gateway.guide;

import io.govhub.core.catalog.CatalogEvents;
import io.govhub.core.catalog.GuidePublished;
import io.govhub.core.catalog.GuideWithdrawn;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Catalog events as Spring application events: listeners run in the publishing transaction, or after its commit
 * with {@code @TransactionalEventListener}. (The outbox and the broker come with the connectors that forward them.)
 */
@Component
public class SpringCatalogEvents implements CatalogEvents {

    private final ApplicationEventPublisher publisher;

    public SpringCatalogEvents(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void guidePublished(GuidePublished event) {
        publisher.publishEvent(event);
    }

    @Override
    public void guideWithdrawn(GuideWithdrawn event) {
        publisher.publishEvent(event);
    }
}
