package io.govhub.guide.imports;

import java.util.List;
import java.util.Optional;

/** Port: imports and their row results, kept so that any node can report on them. */
public interface ImportJobRepository {

    long create(String organisationUscc, String username, String fileName);

    void started(long id, String charset);

    void rows(long id, List<ImportJob.RowResult> rows, int rowsRead, int created, int updated, int rejected);

    void finished(long id, ImportJob.Status status, String message);

    Optional<ImportJob> find(long id);

    /** Owner of the import, for permission checks. */
    Optional<String> username(long id);

    List<ImportJob.RowResult> results(long id, ImportJob.Outcome outcome, int offset, int limit);
}
