package io.govhub.guide.imports;

import io.govhub.core.tabular.CsvRows;
import io.govhub.core.tabular.XlsxRows;
import io.govhub.core.tabular.RowHandler;
import io.govhub.core.access.Actor;
import io.govhub.core.access.Role;
import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.FieldProblem;
import io.govhub.core.shared.GovhubException;
import io.govhub.core.shared.Text;
import io.govhub.guide.lifecycle.GuideService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * Imports an implementation list (.csv in UTF-8 or GBK, or .xlsx) as drafts of the editor's organisation, in the
 * background: each row is created or updated in its own transaction, or rejected with every reason; a bad row never
 * blocks the good ones and never leaves a half-written item. Progress and the row-by-row report are stored as it goes.
 */
public class GuideImportService {

    private static final Logger LOG = LoggerFactory.getLogger(GuideImportService.class);
    private static final int FLUSH_EVERY = 100;

    private final GuideService guides;
    private final ImportJobRepository jobs;
    private final Executor executor;

    public GuideImportService(GuideService guides, ImportJobRepository jobs, Executor executor) {
        this.guides = guides;
        this.jobs = jobs;
        this.executor = executor;
    }

    /**
     * Starts an import of {@code file} (which this service deletes when done).
     *
     * @param declaredCharset the encoding the uploader declared for a CSV file, or null to detect it
     */
    public ImportJob start(Actor actor, String fileName, Path file, String declaredCharset) {
        if (actor == null || !actor.has(Role.GUIDE_EDITOR) || actor.organisationUscc() == null) {
            deleteQuietly(file);
            throw new GovhubException(ErrorCode.GUIDE_FORBIDDEN, Text.of("只有指南编辑可以导入本单位的实施清单",
                    "only guide editors import their organisation's implementation list"));
        }
        String name = fileName == null ? "" : fileName.strip();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".csv") && !lower.endsWith(".xlsx")) {
            deleteQuietly(file);
            throw new GovhubException(ErrorCode.REQUEST_MEDIA_TYPE, Text.of("只支持 .csv 和 .xlsx 文件",
                    "only .csv and .xlsx files are accepted"));
        }
        Charset charset = null;
        if (declaredCharset != null && !declaredCharset.isBlank()) {
            try {
                charset = Charset.forName(declaredCharset.strip());
            } catch (RuntimeException e) {
                deleteQuietly(file);
                throw new GovhubException(ErrorCode.REQUEST_PARAMETER_INVALID, Text.of("不支持的字符编码：" + declaredCharset,
                        "unsupported charset " + declaredCharset),
                        List.of(new FieldProblem("charset", ErrorCode.REQUEST_PARAMETER_INVALID.name(),
                                Text.of("应为 UTF-8 或 GBK", "UTF-8 or GBK"))));
            }
        }
        long id = jobs.create(actor.organisationUscc(), actor.username(), name);
        Charset cs = charset;
        executor.execute(() -> run(id, actor, lower.endsWith(".xlsx"), file, cs));
        return jobs.find(id).orElseThrow();
    }

    public ImportJob job(Actor actor, long id) {
        requireOwner(actor, id);
        return jobs.find(id).orElseThrow();
    }

    public List<ImportJob.RowResult> results(Actor actor, long id, ImportJob.Outcome outcome, int offset, int limit) {
        requireOwner(actor, id);
        return jobs.results(id, outcome, offset, limit);
    }

    private void requireOwner(Actor actor, long id) {
        // someone else's import is answered as a missing one: the answer does not tell that it exists
        jobs.username(id).filter(owner -> actor != null && owner.equals(actor.username()))
                .orElseThrow(() -> new GovhubException(ErrorCode.RESOURCE_NOT_FOUND,
                        Text.of("导入任务 " + id + " 不存在", "No import " + id)));
    }

    void run(long id, Actor actor, boolean xlsx, Path file, Charset declared) {
        Progress progress = new Progress(id, actor);
        try {
            if (xlsx) {
                jobs.started(id, "xlsx");
                XlsxRows.read(file.toFile(), progress);
            } else {
                Charset cs = declared;
                if (cs == null) {
                    try (InputStream head = Files.newInputStream(file)) {
                        byte[] probe = head.readNBytes(64 * 1024);
                        cs = CsvRows.detect(probe, probe.length);
                    }
                }
                jobs.started(id, cs.name());
                try (InputStream in = Files.newInputStream(file)) {
                    CsvRows.read(in, cs, progress);
                }
            }
            progress.flush();
            if (progress.headerProblem != null) {
                jobs.finished(id, ImportJob.Status.FAILED, progress.headerProblem);
            } else {
                jobs.finished(id, ImportJob.Status.DONE, null);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Import {} failed: {}", id, e.getMessage());
            progress.flush();
            jobs.finished(id, ImportJob.Status.FAILED, "文件无法读取 / the file cannot be read: " + e.getMessage());
        } finally {
            deleteQuietly(file);
        }
    }

    private final class Progress implements RowHandler {
        private final long id;
        private final Actor actor;
        private final List<ImportJob.RowResult> pending = new ArrayList<>();
        private List<String> header = List.of();
        private String headerProblem;
        private int rowsRead;
        private int created;
        private int updated;
        private int rejected;

        Progress(long id, Actor actor) {
            this.id = id;
            this.actor = actor;
        }

        @Override
        public void header(List<String> names) {
            header = names.stream().map(n -> n == null ? "" : n.strip()).toList();
            List<String> missing = ImportColumns.REQUIRED.stream().filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                headerProblem = "表头缺少必需的列：" + String.join("、", missing)
                        + "（请下载模板核对；若文件是 GBK 编码而被当作 UTF-8，请在导入时选择编码）"
                        + " / missing columns: " + String.join(", ", missing);
            }
        }

        @Override
        public void row(int rowNumber, List<String> cells) {
            if (headerProblem != null) {
                return;
            }
            rowsRead++;
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size() && i < cells.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            GuideRowMapper.Mapped mapped = GuideRowMapper.map(row);
            String code = mapped.content().implementationCode();
            ImportJob.RowResult result;
            if (!mapped.problems().isEmpty()) {
                result = rejected(rowNumber, code, mapped.problems());
            } else {
                try {
                    boolean wasCreated = guides.importRow(actor, mapped.content());
                    if (wasCreated) {
                        created++;
                    } else {
                        updated++;
                    }
                    result = new ImportJob.RowResult(rowNumber, code, wasCreated ? ImportJob.Outcome.CREATED
                            : ImportJob.Outcome.UPDATED, null);
                } catch (GovhubException e) {
                    result = rejected(rowNumber, code, e.problems().isEmpty()
                            ? List.of(new FieldProblem("", e.code().name(), e.text())) : e.problems());
                }
            }
            pending.add(result);
            if (pending.size() >= FLUSH_EVERY) {
                flush();
            }
        }

        private ImportJob.RowResult rejected(int rowNumber, String code, List<FieldProblem> problems) {
            rejected++;
            return new ImportJob.RowResult(rowNumber, code, ImportJob.Outcome.REJECTED, problems.stream()
                    .map(p -> (p.field().isEmpty() ? "" : p.field() + "：") + p.message().zh())
                    .collect(Collectors.joining("；")));
        }

        void flush() {
            jobs.rows(id, List.copyOf(pending), rowsRead, created, updated, rejected);
            pending.clear();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a temporary file; the operating system's cleaning will take it
        }
    }

}
