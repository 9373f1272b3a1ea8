package io.govhub.gateway.ui;

import io.govhub.core.access.Actor;
import io.govhub.core.shared.GovhubException;
import io.govhub.gateway.api.GuideImportApi;
import io.govhub.gateway.security.CurrentActor;
import io.govhub.guide.imports.GuideImportService;
import io.govhub.guide.imports.ImportJob;
import io.govhub.guide.lifecycle.GuideService;
import io.govhub.guide.lifecycle.GuideState;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;

/**
 * The workbench of guide editors and reviewers: their items by state, the review queue (publish or send back with a
 * reason), and imports of implementation lists with their progress and row-by-row report.
 */
@Controller
public class WorkbenchController {

    private final GuideService guides;
    private final GuideImportService imports;

    public WorkbenchController(GuideService guides, GuideImportService imports) {
        this.guides = guides;
        this.imports = imports;
    }

    private static Actor actor() {
        return CurrentActor.get().orElseThrow();
    }

    @GetMapping("/workbench")
    public String workbench(Model model) {
        model.addAttribute("items", guides.worklist(actor(), null));
        model.addAttribute("states", GuideState.values());
        return "workbench";
    }

    @PostMapping("/workbench/items/{id}/publish")
    public String publish(@PathVariable long id, @RequestParam int lock, @RequestParam(required = false) String reason,
                          RedirectAttributes redirect) {
        var v = guides.publish(actor(), id, lock, reason == null || reason.isBlank() ? "审核通过" : reason);
        redirect.addFlashAttribute("message", "已发布“" + v.item().draft().name() + "”第 " + v.item().publishedVersion() + " 版。");
        return "redirect:/workbench";
    }

    @PostMapping("/workbench/items/{id}/send-back")
    public String sendBack(@PathVariable long id, @RequestParam int lock, @RequestParam String reason,
                           RedirectAttributes redirect) {
        var v = guides.sendBack(actor(), id, lock, reason);
        redirect.addFlashAttribute("message", "已退回“" + v.item().draft().name() + "”。");
        return "redirect:/workbench";
    }

    @PostMapping("/workbench/items/{id}/submit")
    public String submit(@PathVariable long id, @RequestParam int lock, RedirectAttributes redirect) {
        var v = guides.submit(actor(), id, lock);
        redirect.addFlashAttribute("message", "已提交审核：“" + v.item().draft().name() + "”。");
        return "redirect:/workbench";
    }

    // ---------------------------------------------------------------- the edit form

    /** One field of the edit form: a column of the import layout, its value and the problems found in it. */
    public record FormField(String column, String value, boolean multiline, String hint, java.util.List<String> problems) {
    }

    private static final java.util.Map<String, String> HINTS = java.util.Map.of(
            io.govhub.guide.imports.ImportColumns.PROCESS, "环节以“；”分隔，每个写作“名称：说明”",
            io.govhub.guide.imports.ImportColumns.FEES, "不收费则留空；每项写作“名称|金额（元）|收费依据”，以“；”分隔",
            io.govhub.guide.imports.ImportColumns.MATERIALS, "每项写作“名称|出具机构|原件份数|复印件份数|是否必备”，以“；”分隔",
            io.govhub.guide.imports.ImportColumns.CHARGED, "是 / 否",
            io.govhub.guide.imports.ImportColumns.ONLINE, "是 / 否",
            io.govhub.guide.imports.ImportColumns.TYPE, "GB/T 39046 A.1：01 行政许可、07 行政确认、20 公共服务事项 …",
            io.govhub.guide.imports.ImportColumns.LEGAL_UNIT, "工作日 / 自然日 / 小时",
            io.govhub.guide.imports.ImportColumns.PROMISED_UNIT, "工作日 / 自然日 / 小时",
            io.govhub.guide.imports.ImportColumns.FORMS, "A.5：1 窗口办理、2 电脑端、3 移动端、4 快递，以“、”分隔",
            io.govhub.guide.imports.ImportColumns.OBJECTS, "A.4：1 自然人、2 企业法人 …，以“、”分隔");
    private static final java.util.Set<String> MULTILINE = java.util.Set.of(io.govhub.guide.imports.ImportColumns.LEGAL_BASIS,
            io.govhub.guide.imports.ImportColumns.CONDITIONS, io.govhub.guide.imports.ImportColumns.PROCESS,
            io.govhub.guide.imports.ImportColumns.FEES, io.govhub.guide.imports.ImportColumns.MATERIALS,
            io.govhub.guide.imports.ImportColumns.LOCATION);

    private static java.util.List<FormField> fields(java.util.Map<String, String> values,
                                                    java.util.List<io.govhub.core.shared.FieldProblem> problems) {
        java.util.Map<String, java.util.List<String>> byColumn = new java.util.HashMap<>();
        for (var p : problems) {
            byColumn.computeIfAbsent(io.govhub.guide.imports.GuideRowMapper.columnOf(p.field()), k -> new java.util.ArrayList<>())
                    .add(p.message().zh());
        }
        return io.govhub.guide.imports.ImportColumns.ALL.stream().map(c -> new FormField(c, values.getOrDefault(c, ""),
                MULTILINE.contains(c), HINTS.get(c), byColumn.getOrDefault(c, java.util.List.of()))).toList();
    }

    private static java.util.Map<String, String> formValues(java.util.Map<String, String> params) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        io.govhub.guide.imports.ImportColumns.ALL.forEach(c -> values.put(c, params.getOrDefault(c, "")));
        return values;
    }

    @GetMapping("/workbench/items/new")
    public String newItem(Model model) {
        Actor a = actor();
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put(io.govhub.guide.imports.ImportColumns.BODY_USCC, a.organisationUscc() == null ? "" : a.organisationUscc());
        values.put(io.govhub.guide.imports.ImportColumns.DIVISION, a.divisionCode() == null ? "" : a.divisionCode());
        values.put(io.govhub.guide.imports.ImportColumns.LEGAL_UNIT, "工作日");
        values.put(io.govhub.guide.imports.ImportColumns.PROMISED_UNIT, "工作日");
        model.addAttribute("fields", fields(values, java.util.List.of()));
        model.addAttribute("item", null);
        return "guide-edit";
    }

    @PostMapping("/workbench/items/new")
    public String create(@RequestParam java.util.Map<String, String> params, Model model, RedirectAttributes redirect) {
        var mapped = io.govhub.guide.imports.GuideRowMapper.map(params);
        if (!mapped.problems().isEmpty()) {
            model.addAttribute("fields", fields(formValues(params), mapped.problems()));
            model.addAttribute("error", "有 " + mapped.problems().size() + " 处内容无法识别，请修改。");
            return "guide-edit";
        }
        try {
            var v = guides.create(actor(), mapped.content());
            redirect.addFlashAttribute("message", "草稿已保存。" + (v.problems().isEmpty() ? "内容完整，可以提交审核。"
                    : "还有 " + v.problems().size() + " 处需要补充后才能提交审核。"));
            return "redirect:/workbench/items/" + v.item().id();
        } catch (GovhubException e) {
            model.addAttribute("fields", fields(formValues(params), e.problems()));
            model.addAttribute("error", e.text().zh());
            return "guide-edit";
        }
    }

    @GetMapping("/workbench/items/{id}")
    public String edit(@PathVariable long id, Model model) {
        var v = guides.item(actor(), id);
        model.addAttribute("item", v.item());
        model.addAttribute("fields", fields(io.govhub.guide.imports.GuideRowMapper.toRow(v.item().draft()), v.problems()));
        model.addAttribute("problemCount", v.problems().size());
        return "guide-edit";
    }

    @PostMapping("/workbench/items/{id}")
    public String save(@PathVariable long id, @RequestParam java.util.Map<String, String> params, Model model,
                       RedirectAttributes redirect) {
        var current = guides.item(actor(), id);
        int lock;
        try {
            lock = Integer.parseInt(params.getOrDefault("lock", ""));
        } catch (NumberFormatException e) {
            lock = -1;
        }
        var mapped = io.govhub.guide.imports.GuideRowMapper.map(params);
        model.addAttribute("item", current.item());
        if (!mapped.problems().isEmpty()) {
            model.addAttribute("fields", fields(formValues(params), mapped.problems()));
            model.addAttribute("error", "有 " + mapped.problems().size() + " 处内容无法识别，请修改。");
            return "guide-edit";
        }
        try {
            var v = guides.update(actor(), id, lock,
                    io.govhub.guide.imports.GuideRowMapper.over(current.item().draft(), mapped.content()));
            redirect.addFlashAttribute("message", "草稿已保存。" + (v.problems().isEmpty() ? "内容完整，可以提交审核。"
                    : "还有 " + v.problems().size() + " 处需要补充后才能提交审核。"));
            return "redirect:/workbench/items/" + id;
        } catch (GovhubException e) {
            model.addAttribute("fields", fields(formValues(params), e.problems()));
            model.addAttribute("error", e.text().zh());
            return "guide-edit";
        }
    }

    @GetMapping("/workbench/items/{id}/history")
    public String history(@PathVariable long id, @RequestParam(required = false) Integer from,
                          @RequestParam(required = false) Integer to, Model model) {
        var v = guides.item(actor(), id);
        var versions = guides.history(actor(), id);
        model.addAttribute("item", v.item());
        model.addAttribute("versions", versions);
        int last = versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version();
        int a = from != null ? from : Math.max(1, last - 1);
        int b = to != null ? to : last;
        model.addAttribute("from", a);
        model.addAttribute("to", b);
        if (last >= 1 && a != b) {
            model.addAttribute("changes", guides.diff(actor(), id, a, b));
        }
        return "guide-history";
    }

    @PostMapping("/workbench/imports")
    public String startImport(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String charset)
            throws IOException {
        ImportJob job = GuideImportApi.start(actor(), file, charset == null || charset.isBlank() ? null : charset, imports);
        return "redirect:/workbench/imports/" + job.id();
    }

    @GetMapping("/workbench/imports/{id}")
    public String importStatus(@PathVariable long id, Model model) {
        ImportJob job = imports.job(actor(), id);
        model.addAttribute("job", job);
        model.addAttribute("running", job.status() == ImportJob.Status.QUEUED || job.status() == ImportJob.Status.RUNNING);
        model.addAttribute("rejectedRows", imports.results(actor(), id, ImportJob.Outcome.REJECTED, 0, 500));
        return "import";
    }
}
