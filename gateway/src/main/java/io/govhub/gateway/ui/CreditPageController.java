package io.govhub.gateway.ui;

import io.govhub.core.credit.CreditIntakeService;
import io.govhub.core.credit.CreditStore;
import io.govhub.core.credit.RecordType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;

/** The public 双公示 page: published permit and penalty decisions, natural persons masked. No sign-in. */
@Controller
public class CreditPageController {

    private static final int PAGE_SIZE = 20;
    private final CreditIntakeService credit;

    public CreditPageController(CreditIntakeService credit) {
        this.credit = credit;
    }

    @GetMapping("/credit")
    public String search(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
                         @RequestParam(defaultValue = "0") int page, Model model) {
        RecordType t = "PERMIT".equals(type) ? RecordType.PERMIT : "PENALTY".equals(type) ? RecordType.PENALTY : null;
        String text = q == null || q.isBlank() ? null : q.strip().substring(0, Math.min(q.strip().length(), 100));
        int p = Math.max(0, Math.min(page, 10_000));
        var records = credit.search(new CreditStore.PublicQuery(text, t, null, null, null, p, PAGE_SIZE,
                LocalDate.now(PageController.CHINA)));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("type", t == null ? "" : t.name());
        model.addAttribute("records", records);
        model.addAttribute("page", p);
        model.addAttribute("more", records.size() == PAGE_SIZE);
        return "credit";
    }
}
