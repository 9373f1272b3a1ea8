package io.govhub.gateway.ui;

import io.govhub.core.access.Actor;
import io.govhub.core.shared.GovhubException;
import io.govhub.gateway.api.GuideImportApi;
import io.govhub.gateway.config.GovhubProperties;
import io.govhub.gateway.security.CurrentActor;
import io.govhub.gateway.web.Problems;
import io.govhub.guide.imports.GuideImportService;
import io.govhub.guide.imports.ImportJob;
import io.govhub.guide.lifecycle.GuideService;
import io.govhub.guide.lifecycle.GuideState;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
    private final GovhubProperties props;

    public WorkbenchController(GuideService guides, GuideImportService imports, GovhubProperties props) {
        this.guides = guides;
        this.imports = imports;
        this.props = props;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("cityName", props.cityName());
        model.addAttribute("actor", CurrentActor.get().orElse(null));
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

    @ExceptionHandler(GovhubException.class)
    public String failed(GovhubException e, Model model, HttpServletResponse response) {
        response.setStatus(Problems.status(e.code().kind()).value());
        common(model);
        model.addAttribute("error", e.text().zh());
        model.addAttribute("code", e.code().name());
        return "error-page";
    }
}
