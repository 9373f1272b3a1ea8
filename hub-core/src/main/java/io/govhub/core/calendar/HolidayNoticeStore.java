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

    /** Replaces the notice of its year, atomically. */
    void save(HolidayNotice notice, Source source, String sha256, String loadedBy);
}
