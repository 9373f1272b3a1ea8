package io.govhub.core.calendar;

import java.util.List;
import java.util.Optional;

/** Port: where loaded holiday notices are kept (the database in the product). */
public interface HolidayNoticeStore {

    /** How a notice came in. */
    enum Source { BUNDLED, UPLOADED }

    record StoredNotice(HolidayNotice notice, Source source, String sha256, String loadedBy,
                        java.time.Instant loadedAt) {
    }

    List<StoredNotice> findAll();

    Optional<StoredNotice> find(int year);

    /**
     * A value that changes whenever any notice is saved (by this node or another): nodes compare it to know when to
     * reload their in-memory calendar.
     */
    default String version() {
        return String.join(",", findAll().stream().map(n -> n.notice().year() + "/" + n.sha256() + "/" + n.loadedAt()).toList());
    }

    /** Replaces the notice of its year, atomically. */
    void save(HolidayNotice notice, Source source, String sha256, String loadedBy);
}
