package io.govhub.gateway.ui;

import io.govhub.core.credit.CreditIntakeService;
import io.govhub.core.credit.CreditStore;
import io.govhub.core.division.DivisionService;
import io.govhub.gateway.security.CurrentActor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.List;

/** The supervisors' page: how many decisions each organisation published within 7 working days, as a chart. */
@Controller
public class SupervisionController {

    private final CreditIntakeService credit;
    private final DivisionService divisions;
    private final io.govhub.gateway.api.CreditApi exports;

    public SupervisionController(CreditIntakeService credit, DivisionService divisions,
                                 io.govhub.gateway.api.CreditApi exports) {
        this.credit = credit;
        this.divisions = divisions;
        this.exports = exports;
    }

    /** The report's CSV for a signed-in supervisor (the API's own export needs API credentials). */
    @GetMapping("/supervision/compliance.csv")
    public org.springframework.http.ResponseEntity<byte[]> csv(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String division) {
        return exports.complianceCsv(from, to, division == null || division.isBlank() ? null : division);
    }

    @GetMapping("/supervision/compliance.xlsx")
    public org.springframework.http.ResponseEntity<byte[]> xlsx(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String division) {
        return exports.complianceXlsx(from, to, division == null || division.isBlank() ? null : division);
    }

    @GetMapping("/supervision")
    public String report(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         @RequestParam(required = false) String division, Model model) {
        LocalDate today = LocalDate.now(PageController.CHINA);
        LocalDate f = from != null ? from : today.withDayOfYear(1);
        LocalDate t = to != null ? to : today;
        String d = division == null || division.isBlank() ? null : division;
        List<CreditStore.ComplianceLine> lines = credit.compliance(CurrentActor.get().orElseThrow(), f, t, d);
        long max = lines.stream().mapToLong(CreditStore.ComplianceLine::total).max().orElse(1);
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("division", d == null ? "" : d);
        model.addAttribute("lines", lines);
        model.addAttribute("max", Math.max(1, max));
        model.addAttribute("total", lines.stream().mapToLong(CreditStore.ComplianceLine::total).sum());
        model.addAttribute("onTime", lines.stream().mapToLong(CreditStore.ComplianceLine::onTime).sum());
        model.addAttribute("divisions", divisions.all().stream().filter(x -> x.code().startsWith("3713")).toList());
        model.addAttribute("warnings", exports.warnings());
        return "supervision";
    }
}
