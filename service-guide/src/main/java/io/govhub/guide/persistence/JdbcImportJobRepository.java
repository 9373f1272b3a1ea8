package io.govhub.guide.persistence;

import io.govhub.guide.imports.ImportJob;
import io.govhub.guide.imports.ImportJobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;

/** Imports in PostgreSQL ({@code guide_import}, {@code guide_import_row}). */
public class JdbcImportJobRepository implements ImportJobRepository {

    private final JdbcTemplate jdbc;

    public JdbcImportJobRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long create(String organisationUscc, String username, String fileName) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("insert into guide_import (organisation_uscc, username, file_name,"
                    + " status) values (?, ?, ?, 'QUEUED')", new String[] {"id"});
            ps.setString(1, organisationUscc);
            ps.setString(2, username);
            ps.setString(3, fileName.length() > 300 ? fileName.substring(0, 300) : fileName);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    @Override
    public void started(long id, String charset) {
        jdbc.update("update guide_import set status = 'RUNNING', charset = ? where id = ?", charset, id);
    }

    @Override
    public void rows(long id, List<ImportJob.RowResult> rows, int rowsRead, int created, int updated, int rejected) {
        jdbc.batchUpdate("insert into guide_import_row (import_id, row_no, implementation_code, outcome, problems)"
                        + " values (?, ?, ?, ?, ?)",
                rows.stream().map(r -> new Object[] {id, r.row(), truncate(r.implementationCode(), 64), r.outcome().name(),
                        r.problems()}).toList());
        jdbc.update("update guide_import set rows_read = ?, created = ?, updated = ?, rejected = ? where id = ?",
                rowsRead, created, updated, rejected, id);
    }

    @Override
    public void finished(long id, ImportJob.Status status, String message) {
        jdbc.update("update guide_import set status = ?, message = ?, finished_at = now() where id = ?", status.name(),
                truncate(message, 1000), id);
    }

    @Override
    public Optional<ImportJob> find(long id) {
        return jdbc.query("select id, username, file_name, status, charset, rows_read, created, updated, rejected,"
                        + " message, started_at, finished_at from guide_import where id = ?",
                (rs, i) -> new ImportJob(rs.getLong(1), rs.getString(2), rs.getString(3),
                        ImportJob.Status.valueOf(rs.getString(4)), rs.getString(5), rs.getInt(6), rs.getInt(7),
                        rs.getInt(8), rs.getInt(9), rs.getString(10), rs.getTimestamp(11).toInstant(),
                        rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant()), id).stream().findFirst();
    }

    @Override
    public Optional<String> username(long id) {
        return jdbc.queryForList("select username from guide_import where id = ?", String.class, id).stream().findFirst();
    }

    @Override
    public List<ImportJob.RowResult> results(long id, ImportJob.Outcome outcome, int offset, int limit) {
        return jdbc.query("select row_no, implementation_code, outcome, problems from guide_import_row where import_id = ?"
                        + " and (cast(? as varchar) is null or outcome = ?) order by row_no limit ? offset ?",
                (rs, i) -> new ImportJob.RowResult(rs.getInt(1), rs.getString(2), ImportJob.Outcome.valueOf(rs.getString(3)),
                        rs.getString(4)), id, outcome == null ? null : outcome.name(),
                outcome == null ? null : outcome.name(), limit, offset);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
