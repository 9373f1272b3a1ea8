import java.io.BufferedWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

/**
 * The credit ingest benchmark's helper (bench/credit-ingest.sh), run as a single-file program with the PostgreSQL
 * JDBC driver on the class path.
 *
 * <pre>
 *   generate FILE N            N penalty decisions of 临沂市市场监督管理局 in the national layout (CF_*), UTF-8 CSV;
 *                              90% companies (valid USCCs), 10% natural persons (valid ID numbers of the unassigned
 *                              division 371399); one row in 1,000 has a negative fine (rejected)
 *   copy DATADIR FILE          baseline: COPY of the same file into a plain table of text columns, in the same
 *                              database (govhub's embedded PostgreSQL, found through its data directory)
 *   idle DATADIR               waits until no submitted record waits (the demo decisions of the embedded mode)
 *   wait DATADIR N [K]         waits for the submission of N records, printing when it was received (file stored)
 *                              and when every record had its outcome; K: the K-th such file from the drop folder
 *                              (1 the first received), not the latest
 *   outcomes DATADIR N [K]     the outcome counts of that submission, and the forwarding messages in the outbox
 *   floor DATADIR              after a run: the stored decisions and their forwarding messages written again, as rows
 *                              that are already built, into tables like credit_record and delivery_outbox with all their
 *                              indexes (INSERT ... SELECT, two connections at once, half of the rows each): what
 *                              writing the rows the pipeline must write costs the database, with no parsing, no
 *                              validation and no client at all (a lower bound for the pipeline on this machine)
 * </pre>
 */
public class CreditIngest {

    static final String MARKET = "11371300MB28500332";
    static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static final List<String> COLUMNS = List.of("CF_XDR_MC", "CF_XDR_LB", "CF_XDR_SHXYM", "CF_FRDB", "CF_XDR_ZJLX",
            "CF_XDR_ZJHM", "CF_WSH", "CF_WFXW", "CF_SY", "CF_YJ", "CF_CFLB", "CF_NR", "CF_NR_FK", "CF_JDRQ", "CF_CFJG",
            "CF_CFJGDM", "CF_SJLY", "CF_SJLYDM");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> generate(Path.of(args[1]), Integer.parseInt(args[2]));
            case "copy" -> copy(Path.of(args[1]), Path.of(args[2]));
            case "wait" -> await(Path.of(args[1]), Integer.parseInt(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 0);
            case "outcomes" -> outcomes(Path.of(args[1]), Integer.parseInt(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 0);
            case "idle" -> idle(Path.of(args[1]));
            case "floor" -> floor(Path.of(args[1]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static String uscc(long n) {
        String body = "913713" + String.format("%02d", n % 100) + "MA" + String.format("%07d", n).substring(0, 7) + "X";
        body = body.substring(0, 17);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARS.indexOf(body.charAt(i)) * USCC_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return body + USCC_CHARS.charAt(check);
    }

    static String idNumber(long n) {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(n % 15000);
        String body = "371399" + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    static void generate(Path file, int n) throws Exception {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", COLUMNS));
            w.write("\r\n");
            for (int i = 0; i < n; i++) {
                boolean person = i % 10 == 9;
                String fine = i % 1000 == 999 ? "-1" : (i % 50 + 1) + "." + String.format("%02d", i % 100);
                String[] v = {
                        person ? "王" + "伟芳娜敏静丽强磊军洋".charAt(i % 10) + "某" : "临沂市某某商贸有限公司" + (i % 50000),
                        person ? "自然人" : "法人及非法人组织",
                        person ? "" : uscc(i % 50000 + 1),
                        person ? "" : "张某某",
                        person ? "身份证" : "",
                        person ? idNumber(i) : "",
                        "临市监罚〔2026〕压" + i + "号",
                        "无证经营",
                        "当事人未取得食品经营许可从事食品销售活动",
                        "《中华人民共和国食品安全法》第一百二十二条",
                        "罚款",
                        "罚款" + fine + "万元",
                        fine,
                        today.minusDays(1 + i % 5).toString(),
                        "临沂市市场监督管理局", MARKET, "临沂市市场监督管理局", MARKET};
                w.write(String.join(",", v));
                w.write("\r\n");
            }
        }
    }

    static Connection connect(Path dataDir) throws Exception {
        List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("password", Files.readString(dataDir.resolve("postgres-password")).strip());
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pid.get(3).strip() + "/govhub", p);
    }

    static void copy(Path dataDir, Path file) throws Exception {
        try (Connection c = connect(dataDir); Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_copy_baseline");
            s.execute("create table bench_copy_baseline (" + String.join(" text, ", COLUMNS) + " text)");
            long t0 = System.nanoTime();
            long rows;
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                rows = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
                        .copyIn("copy bench_copy_baseline from stdin with (format csv, header true)", r);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("COPY baseline: %,d rows in %,d ms = %,d rows/s%n", rows, ms, rows * 1000 / Math.max(1, ms));
            s.execute("drop table bench_copy_baseline");
        }
    }

    static void idle(Path dataDir) throws Exception {
        try (Connection c = connect(dataDir); Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet rs = s.executeQuery("select count(*) from credit_submission_record where status = 'RECEIVED'")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(200);
            }
        }
    }

    static long waiting(Connection c, String id) throws Exception {
        String progress = "select record_count - coalesce(processed_count, 0) from credit_submission where id = '" + id + "'";
        String rows = "select count(*) from credit_submission_record where submission_id = '" + id + "' and status = 'RECEIVED'";
        try (Statement s = c.createStatement(); ResultSet cols = s.executeQuery("select count(*) from information_schema.columns"
                + " where table_name = 'credit_submission' and column_name = 'processed_count'")) {
            cols.next();
            try (ResultSet rs = s.executeQuery(cols.getLong(1) > 0 ? progress : rows)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The query for the id of the latest drop-folder submission of n records, or the k-th (k > 0). */
    static String submissionQuery(int n, int k) {
        return "select id from credit_submission where record_count = " + n + " and channel = 'DROP' order by received_at"
                + (k > 0 ? " offset " + (k - 1) + " limit 1" : " desc limit 1");
    }

    static void await(Path dataDir, int n, int k) throws Exception {
        long t0 = System.nanoTime();
        String id = null;
        boolean received = false;
        try (Connection c = connect(dataDir); Statement s = c.createStatement()) {
            while (true) {
                if (id == null) {
                    try (ResultSet rs = s.executeQuery(submissionQuery(n, k))) {
                        if (rs.next()) {
                            id = rs.getString(1);
                            System.out.printf("received (file read, file stored, receipt committed; %,d rows): %,d ms%n", n,
                                    (System.nanoTime() - t0) / 1_000_000);
                            received = true;
                        }
                    }
                } else {
                    // a file's progress: how many of its records have their outcome (cheap to ask while it runs);
                    // a build from before files were kept as received (no processed_count): its waiting rows
                    if (waiting(c, id) == 0) {
                        break;
                    }
                }
                Thread.sleep(received ? 500 : 100);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("processed (every record's outcome, records stored, forwarding queued): %,d ms = %,d records/s%n",
                    ms, n * 1000L / Math.max(1, ms));
        }
    }

    /** The outcomes of the pipeline's file and the forwarding queued: printed after the run's CPU time is read. */
    static void outcomes(Path dataDir, int n, int k) throws Exception {
        try (Connection c = connect(dataDir); Statement s = c.createStatement()) {
            String id;
            try (ResultSet rs = s.executeQuery(submissionQuery(n, k))) {
                rs.next();
                id = rs.getString(1);
            }
            // the outcomes as one row per record (a build from before they were kept a chunk at a time: its table)
            String outcomes;
            try (ResultSet rs = s.executeQuery("select to_regclass('credit_outcome') is not null")) {
                rs.next();
                outcomes = rs.getBoolean(1) ? "credit_outcome" : "credit_submission_record";
            }
            try (ResultSet rs = s.executeQuery("select status, count(*) from " + outcomes + " where submission_id = '"
                    + id + "' group by status order by status")) {
                StringBuilder b = new StringBuilder("outcomes:");
                while (rs.next()) {
                    b.append(' ').append(rs.getString(1)).append('=').append(rs.getLong(2));
                }
                System.out.println(b);
            }
            try (ResultSet rs = s.executeQuery("select count(*) from delivery_outbox where kind = 'CREDIT_FORWARD'")) {
                rs.next();
                System.out.printf("forwarding messages in the outbox: %,d%n", rs.getLong(1));
            }
        }
    }

    static void floor(Path dataDir) throws Exception {
        try (Connection c = connect(dataDir); Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_floor_record");
            s.execute("drop table if exists bench_floor_outbox");
            s.execute("create table bench_floor_record (like credit_record including defaults including constraints"
                    + " including indexes)");
            s.execute("create table bench_floor_outbox (like delivery_outbox including defaults including constraints"
                    + " including indexes)");
            s.execute("checkpoint");
        }
        long records = inParallel(dataDir, "insert into bench_floor_record select * from credit_record where id % 2 = ");
        long outbox = inParallel(dataDir, "insert into bench_floor_outbox select * from delivery_outbox where kind ="
                + " 'CREDIT_FORWARD' and id % 2 = ");
        System.out.printf("floor: the stored decisions and their forwarding messages written again into tables with the"
                + " same indexes, two connections at once: %,d ms for the decisions + %,d ms for the messages = %,d ms%n",
                records, outbox, records + outbox);
        try (Connection c = connect(dataDir); Statement s = c.createStatement()) {
            s.execute("drop table bench_floor_record");
            s.execute("drop table bench_floor_outbox");
        }
    }

    /** Runs {@code sql} + "0" and {@code sql} + "1" on two connections at once; the wall time in ms. */
    static long inParallel(Path dataDir, String sql) throws Exception {
        long t0 = System.nanoTime();
        Thread[] threads = new Thread[2];
        Exception[] failed = new Exception[1];
        for (int k = 0; k < 2; k++) {
            int half = k;
            threads[k] = new Thread(() -> {
                try (Connection c = connect(dataDir); Statement s = c.createStatement()) {
                    s.executeUpdate(sql + half);
                } catch (Exception e) {
                    failed[0] = e;
                }
            });
            threads[k].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failed[0] != null) {
            throw failed[0];
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
