package io.govhub.connectors.file;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code credit-drop-folder}: picks up {@code <dir>/<USCC>/*.csv|*.xlsx} once they have stopped changing, hands each to
 * {@link CreditDropFolder}, and moves it to {@code done/} or {@code failed/} (same relative path). The read lock is
 * cluster-wide ({@link JdbcFileReadLocks}, bean {@code creditDropFolderLocks}): nodes sharing the folder take each file
 * once between them. The lock's key is the file's path below the folder and its size (the same on every node, whatever
 * its mount point).
 */
public class CreditDropFolderRoutes extends RouteBuilder {

    public static final String LOCKS = "creditDropFolderLocks";
    private final CreditDropFolder folder;
    private final long pollMillis;
    private final String routeId;

    public CreditDropFolderRoutes(CreditDropFolder folder, long pollMillis) {
        this(folder, pollMillis, "credit-drop-folder");
    }

    /** @param routeId a second consumer of the same folder (as a second node would be) needs its own */
    public CreditDropFolderRoutes(CreditDropFolder folder, long pollMillis, String routeId) {
        this.folder = folder;
        this.pollMillis = pollMillis;
        this.routeId = routeId;
    }

    @Override
    public void configure() {
        errorHandler(noErrorHandler());
        String dir = folder.root().toAbsolutePath().toString().replace('\\', '/');
        from("file:" + dir + "?recursive=true&maxDepth=2&minDepth=2"
                + "&antInclude=*/*.csv,*/*.CSV,*/*.xlsx,*/*.XLSX&antExclude=done/**,failed/**"
                + "&readLock=idempotent-changed&idempotentRepository=#" + LOCKS + "&idempotentKey=${file:name}-${file:size}"
                + "&readLockMinAge=1000&readLockCheckInterval=500&readLockRemoveOnCommit=true"
                + "&readLockRemoveOnRollback=true&readLockIdempotentReleaseDelay=10000&readLockIdempotentReleaseAsync=true"
                + "&move=done/${file:name}&moveFailed=failed/${file:name}"
                + "&delay=" + pollMillis)
                .routeId(routeId)
                .log(LoggingLevel.DEBUG, "Drop folder: ${file:name}")
                .bean(folder, "receive");
    }
}
