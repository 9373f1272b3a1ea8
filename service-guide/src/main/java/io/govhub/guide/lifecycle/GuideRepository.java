package io.govhub.guide.lifecycle;

import io.govhub.guide.model.GuideContent;

import java.util.List;
import java.util.Optional;

/** Port: where the catalog is kept. */
public interface GuideRepository {

    /** Inserts a new item; empty if the implementation code exists already. */
    Optional<Long> insert(GuideItem item);

    Optional<GuideItem> find(long id);

    Optional<GuideItem> findByCode(String implementationCode);

    /** Writes the item if its lock version is still {@code item.lockVersion()}, incrementing it; whether it did. */
    boolean update(GuideItem item);

    void insertVersion(long itemId, GuideVersion version);

    List<GuideVersion> versions(long itemId);

    Optional<GuideVersion> version(long itemId, int version);

    /** Makes {@code content} (version {@code version}) the public entry of the item, for search and lookup. */
    void makePublic(GuideItem item, int version, GuideContent content, String organisationName,
                    java.time.Instant publishedAt);

    void removePublic(String implementationCode);

    Optional<PublicGuide> publicGuide(String implementationCode);

    List<PublicGuide> allPublic();

    GuideSearch.Page search(GuideSearch.Query query);

    List<GuideItem> list(List<String> organisationUsccs, List<String> divisionCodes, GuideState state, int limit);

    long count();

    /** A published guide as the public sees it. */
    record PublicGuide(String implementationCode, int version, GuideContent content, String organisationName,
                       java.time.Instant publishedAt) {
    }
}
