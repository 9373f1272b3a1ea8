package io.govhub.core.calendar;

import io.govhub.core.audit.AuditEvent;
import io.govhub.core.audit.AuditPort;
import io.govhub.core.shared.GovhubException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Use cases of the working-day calendar: answer deadline and working-day questions from the current calendar, and
 * load a year's notice (validated, persisted, audited, then in effect at once, without a redeploy).
 */
public class CalendarService {

    /** A bundled notice as shipped in the hub's resources: its parsed content and the digest of its bytes. */
    public record BundledNotice(HolidayNotice notice, String sha256) {
    }

    private final HolidayNoticeStore store;
    private final AuditPort audit;
    private final AtomicReference<WorkingDayCalendar> current = new AtomicReference<>(WorkingDayCalendar.of(List.of()));

    public CalendarService(HolidayNoticeStore store, AuditPort audit) {
        this.store = store;
        this.audit = audit;
    }

    /**
     * Brings the store up to date with the notices shipped with the hub: a year missing from the store, or stored from
     * an older bundle, is written; a year an administrator uploaded is left alone. Then reloads.
     */
    public void installBundled(List<BundledNotice> bundled) {
        Map<Integer, HolidayNoticeStore.StoredNotice> storedByYear = new java.util.HashMap<>();
        store.findAll().forEach(s -> storedByYear.put(s.notice().year(), s));
        for (BundledNotice b : bundled) {
            if (!b.notice().isPublished()) {
                continue;
            }
            var stored = java.util.Optional.ofNullable(storedByYear.get(b.notice().year()));
            boolean write = stored.isEmpty()
                    || stored.get().source() == HolidayNoticeStore.Source.BUNDLED && !stored.get().sha256().equals(b.sha256());
            if (write) {
                store.save(b.notice(), HolidayNoticeStore.Source.BUNDLED, b.sha256(), "system");
            }
        }
        reload();
    }

    /** Rebuilds the in-memory calendar from the store (at start, and when another node loaded a notice). */
    public void reload() {
        String version = store.version();
        current.set(WorkingDayCalendar.of(store.findAll().stream().map(HolidayNoticeStore.StoredNotice::notice).toList()));
        loadedVersion = version;
    }

    private volatile String loadedVersion;

    /**
     * Reloads when the store changed since this node last loaded it (another node loaded a year's notice); every node
     * calls this every few seconds, so an upload on one node holds on all of them shortly after.
     *
     * @return whether it reloaded
     */
    public boolean reloadIfChanged() {
        if (loadedVersion != null && loadedVersion.equals(store.version())) {
            return false;
        }
        reload();
        return true;
    }

    public WorkingDayCalendar calendar() {
        return current.get();
    }

    public LocalDate deadline(LocalDate start, int workingDays) {
        return calendar().deadline(start, workingDays);
    }

    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return calendar().workingDaysBetween(from, to);
    }

    /**
     * Loads the notice of {@code year} from holiday-cn JSON. Validated first: nothing is stored unless all of it is
     * right. Audited as {@code CALENDAR_YEAR_LOADED} (or {@code CALENDAR_YEAR_LOADED_FAILED} with the reason).
     */
    public HolidayNotice loadNotice(int year, byte[] json, String user) {
        HolidayNotice notice;
        try {
            notice = HolidayNoticeParser.parse(json, year, true);
        } catch (GovhubException e) {
            audit.record(AuditEvent.failed("CALENDAR_YEAR_LOADED", user, e.text().en(), Map.of("year", year)));
            throw e;
        }
        store.save(notice, HolidayNoticeStore.Source.UPLOADED, sha256(json), user);
        audit.record(AuditEvent.of("CALENDAR_YEAR_LOADED", user, "holiday notice uploaded",
                Map.of("year", year, "days", notice.days().size(), "papers", String.join(" ", notice.papers()))));
        reload();
        return notice;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
