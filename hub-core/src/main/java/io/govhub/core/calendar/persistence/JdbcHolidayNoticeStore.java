package io.govhub.core.calendar.persistence;

import io.govhub.core.calendar.HolidayNotice;
import io.govhub.core.calendar.HolidayNoticeStore;
import io.govhub.core.calendar.NoticeDay;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Holiday notices in PostgreSQL: {@code holiday_notice} and {@code holiday_notice_day}. */
public class JdbcHolidayNoticeStore implements HolidayNoticeStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcHolidayNoticeStore(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public List<StoredNotice> findAll() {
        return query(null);
    }

    @Override
    public Optional<StoredNotice> find(int year) {
        return query(year).stream().findFirst();
    }

    private List<StoredNotice> query(Integer year) {
        String where = year == null ? "" : " where n.year = ?";
        Object[] args = year == null ? new Object[0] : new Object[] {year};
        Map<Integer, List<NoticeDay>> days = new HashMap<>();
        jdbc.query("select d.notice_year, d.day, d.name, d.off_day from holiday_notice_day d join holiday_notice n"
                        + " on n.year = d.notice_year" + where + " order by d.day",
                rs -> {
                    days.computeIfAbsent(rs.getInt(1), y -> new ArrayList<>())
                            .add(new NoticeDay(rs.getDate(2).toLocalDate(), rs.getString(3), rs.getBoolean(4)));
                }, args);
        return jdbc.query("select n.year, n.papers, n.source, n.sha256, n.loaded_by, n.loaded_at from holiday_notice n"
                + where + " order by n.year", (rs, i) -> {
                    int y = rs.getInt(1);
                    String papers = rs.getString(2);
                    List<String> paperList = papers.isEmpty() ? List.of() : Arrays.asList(papers.split("\n"));
                    return new StoredNotice(new HolidayNotice(y, paperList, days.getOrDefault(y, List.of())),
                            Source.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                            rs.getTimestamp(6).toInstant());
                }, args);
    }

    @Override
    public String version() {
        return jdbc.queryForObject("select md5(coalesce(string_agg(year || '/' || sha256 || '/' || loaded_at, ','"
                + " order by year), '')) from holiday_notice", String.class);
    }

    @Override
    public void save(HolidayNotice notice, Source source, String sha256, String loadedBy) {
        tx.executeWithoutResult(status -> {
            jdbc.update("delete from holiday_notice where year = ?", notice.year());
            jdbc.update("insert into holiday_notice (year, papers, source, sha256, loaded_by, loaded_at)"
                            + " values (?, ?, ?, ?, ?, ?)",
                    notice.year(), String.join("\n", notice.papers()), source.name(), sha256, loadedBy,
                    Timestamp.from(java.time.Instant.now()));
            jdbc.batchUpdate("insert into holiday_notice_day (notice_year, day, name, off_day) values (?, ?, ?, ?)",
                    notice.days().stream().map(d -> new Object[] {notice.year(), Date.valueOf(d.date()), d.name(),
                            d.offDay()}).toList());
        });
    }
}
