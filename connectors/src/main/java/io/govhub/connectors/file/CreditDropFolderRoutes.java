package io.govhub.connectors.file;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code credit-drop-folder}: picks up {@code <dir>/<USCC>/*.csv|*.xlsx} once they have stopped changing, hands each to
 * {@link CreditDropFolder}, and moves it to {@code done/} or {@code failed/} (same relative path).
 */
public class CreditDropFolderRoutes extends RouteBuilder {

    private final CreditDropFolder folder;
    private final long pollMillis;

    public CreditDropFolderRoutes(CreditDropFolder folder, long pollMillis) {
        this.folder = folder;
        this.pollMillis = pollMillis;
    }

    @Override
    public void configure() {
        errorHandler(noErrorHandler());
        String dir = folder.root().toAbsolutePath().toString().replace('\\', '/');
        from("file:" + dir + "?recursive=true&maxDepth=2&minDepth=2"
                + "&antInclude=*/*.csv,*/*.CSV,*/*.xlsx,*/*.XLSX&antExclude=done/**,failed/**"
                + "&readLock=changed&readLockMinAge=1000&readLockCheckInterval=500"
                + "&move=done/${file:name}&moveFailed=failed/${file:name}"
                + "&delay=" + pollMillis)
                .routeId("credit-drop-folder")
                .log(LoggingLevel.DEBUG, "Drop folder: ${file:name}")
                .bean(folder, "receive");
    }
}
