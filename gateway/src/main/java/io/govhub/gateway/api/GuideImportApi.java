package io.govhub.gateway.api;

import io.govhub.core.access.Actor;
import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.GovhubException;
import io.govhub.gateway.security.CurrentActor;
import io.govhub.guide.imports.GuideImportService;
import io.govhub.guide.imports.ImportColumns;
import io.govhub.guide.imports.ImportJob;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Import of implementation lists (实施清单) as drafts, in the background, with a row-by-row report. */
@RestController
@RequestMapping("/api/v1/guide-imports")
@Tag(name = "guide-imports", description = "实施清单导入 Import of implementation lists (GUIDE_EDITOR)")
public class GuideImportApi {

    private final GuideImportService imports;

    public GuideImportApi(GuideImportService imports) {
        this.imports = imports;
    }

    @GetMapping(path = "/template.csv", produces = "text/csv")
    @Operation(summary = "The import template: the columns, and one example row (UTF-8 with BOM)")
    public ResponseEntity<byte[]> template() {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"guide-import-template.csv\"")
                .body(ImportColumns.template().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = "application/json")
    @Operation(summary = "Start an import of a .csv (UTF-8 or GBK, detected or declared in charset) or .xlsx file;"
            + " 202 with the import to poll")
    public ResponseEntity<ImportJob> start(@RequestParam("file") MultipartFile file,
                                           @RequestParam(required = false) String charset) throws IOException {
        ImportJob job = start(actor(), file, charset, imports);
        return ResponseEntity.accepted().location(URI.create("/api/v1/guide-imports/" + job.id())).body(job);
    }

    @GetMapping(path = "/{id}", produces = "application/json")
    @Operation(summary = "Status and counts of an import (rows read, created, updated, rejected)")
    public ImportJob job(@PathVariable long id) {
        return imports.job(actor(), id);
    }

    @GetMapping(path = "/{id}/rows", produces = "application/json")
    @Operation(summary = "The row-by-row report, optionally only one outcome (REJECTED: with every reason)")
    public List<ImportJob.RowResult> rows(@PathVariable long id, @RequestParam(required = false) ImportJob.Outcome outcome,
                                          @RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "100") int size) {
        int s = Math.max(1, Math.min(size, 1000));
        return imports.results(actor(), id, outcome, Math.max(0, page) * s, s);
    }

    /** Saves the upload to a temporary file (deleted by the import when done) and starts the import. */
    public static ImportJob start(Actor actor, MultipartFile file, String charset, GuideImportService imports)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw GovhubException.of(ErrorCode.REQUEST_PARAMETER_MISSING);
        }
        String name = file.getOriginalFilename() == null ? "upload" : Path.of(file.getOriginalFilename()).getFileName().toString();
        Path tmp = Files.createTempFile("govhub-import-", name.toLowerCase().endsWith(".xlsx") ? ".xlsx" : ".csv");
        file.transferTo(tmp);
        return imports.start(actor, name, tmp, charset);
    }

    private static Actor actor() {
        return CurrentActor.get().orElseThrow(() -> GovhubException.of(ErrorCode.AUTHENTICATION_REQUIRED));
    }
}
