package io.govhub.gateway.ui;

import io.govhub.core.division.DivisionService;
import io.govhub.guide.lifecycle.GuideSearch;
import io.govhub.guide.lifecycle.GuideService;
import io.govhub.guide.model.CodeSets;
import io.govhub.guide.model.TimeLimit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Arrays;
import java.util.List;

/** The public catalog pages: search, and a guide a citizen can read on a phone or print. */
@Controller
public class GuidePageController {

    private static final int PAGE_SIZE = 20;

    private final GuideService guides;
    private final DivisionService divisions;

    public GuidePageController(GuideService guides, DivisionService divisions) {
        this.guides = guides;
        this.divisions = divisions;
    }

    @ModelAttribute
    void codeSets(Model model) {
        model.addAttribute("itemTypes", CodeSets.ITEM_TYPE);
        model.addAttribute("handlingForms", CodeSets.HANDLING_FORM);
        model.addAttribute("serviceObjects", CodeSets.SERVICE_OBJECT);
        model.addAttribute("units", TimeLimit.UNITS);
    }

    @GetMapping("/guides")
    public String search(@RequestParam(required = false) String q, @RequestParam(required = false) String division,
                         @RequestParam(required = false) String type, @RequestParam(defaultValue = "0") int page,
                         Model model) {
        String div = division == null || division.isBlank() ? null : division.strip();
        String t = type == null || type.isBlank() || !CodeSets.ITEM_TYPE.containsKey(type) ? null : type;
        List<String> words = q == null ? List.of()
                : Arrays.stream(q.strip().split("\\s+")).filter(w -> !w.isEmpty()).limit(10).toList();
        GuideSearch.Page result = guides.search(words, div, t, null, Math.max(0, Math.min(page, 10_000)), PAGE_SIZE);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("division", div == null ? "" : div);
        model.addAttribute("type", t == null ? "" : t);
        model.addAttribute("result", result);
        model.addAttribute("pages", (int) Math.ceil(result.total() / (double) PAGE_SIZE));
        model.addAttribute("divisions", divisions.all().stream().filter(d -> d.code().startsWith("3713")).toList());
        return "guides";
    }

    @GetMapping("/guides/{implementationCode}")
    public String guide(@PathVariable String implementationCode, Model model) {
        var g = guides.published(implementationCode);
        model.addAttribute("g", g.content());
        model.addAttribute("published", g);
        model.addAttribute("division", divisions.all().stream().filter(d -> d.code().equals(g.content().divisionCode()))
                .findFirst().orElse(null));
        return "guide";
    }
}
