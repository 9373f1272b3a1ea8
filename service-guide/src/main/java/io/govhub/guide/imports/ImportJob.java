package io.govhub.guide.imports;

import java.time.Instant;

/** An import and how far it has got. */
public record ImportJob(long id, String username, String fileName, Status status, String charset, int rowsRead,
                        int created, int updated, int rejected, String message, Instant startedAt, Instant finishedAt) {

    public enum Status { QUEUED, RUNNING, DONE, FAILED }

    public enum Outcome { CREATED, UPDATED, REJECTED }

    /** One row's outcome; {@code problems} says why a row was rejected. */
    public record RowResult(int row, String implementationCode, Outcome outcome, String problems) {
    }
}
