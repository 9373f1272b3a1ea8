package io.govhub.gateway.ui;

import io.govhub.core.audit.AuditPort;
import io.govhub.core.calendar.CalendarService;
import io.govhub.core.division.Division;
import io.govhub.core.division.DivisionLevel;
import io.govhub.core.division.DivisionService;
import io.govhub.core.division.Organisation;
import io.govhub.core.shared.GovhubException;
import io.govhub.gateway.security.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The pages of the web UI. */
@Controller
public class PageController {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String CITY = "371300";

    private final DivisionService divisions;
    private final CalendarService calendar;
    private final AuditPort audit;

    public PageController(DivisionService divisions, CalendarService calendar, AuditPort audit) {
        this.divisions = divisions;
        this.calendar = calendar;
        this.audit = audit;
    }

    @GetMapping("/")
    public String index(Model model) {
        List<Division> all = divisions.all();
        Map<String, List<Organisation>> orgsByDivision = divisions.organisations(null).stream()
                .collect(Collectors.groupingBy(Organisation::divisionCode));
        model.addAttribute("city", all.stream().filter(d -> d.code().equals(CITY)).findFirst().orElse(null));
        model.addAttribute("counties", all.stream().filter(d -> CITY.equals(d.parentCode())).toList());
        model.addAttribute("cities", all.stream().filter(d -> d.level() == DivisionLevel.CITY).toList());
        model.addAttribute("cityDepartments", orgsByDivision.getOrDefault(CITY, List.of()));
        model.addAttribute("orgsByDivision", orgsByDivision);
        return "index";
    }

    @GetMapping("/divisions/{code}")
    public String division(@PathVariable String code, Model model) {
        var view = divisions.view(code);
        model.addAttribute("view", view);
        model.addAttribute("organisations", divisions.organisations(view.division().code()));
        return "division";
    }

    @GetMapping("/calculator")
    public String calculator(@RequestParam(required = false) String start,
                             @RequestParam(required = false) String workingDays,
                             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             Model model) {
        LocalDate today = LocalDate.now(CHINA);
        model.addAttribute("start", start == null ? today.toString() : start);
        model.addAttribute("workingDays", workingDays == null ? "7" : workingDays);
        model.addAttribute("from", from == null ? today.minusDays(30).toString() : from);
        model.addAttribute("to", to == null ? today.toString() : to);
        if (start != null) {
            answer(model, "deadlineResult", "deadlineError", () -> {
                LocalDate s = date(start, "开始日期");
                int n = integer(workingDays, "工作日数");
                return Map.of("due", calendar.deadline(s, n), "start", s, "workingDays", n);
            });
        }
        if (from != null && to != null) {
            answer(model, "countResult", "countError", () -> Map.of("count",
                    calendar.workingDaysBetween(date(from, "起始日期"), date(to, "截止日期"))));
        }
        return "calculator";
    }

    @GetMapping("/calendar")
    public String calendarNow() {
        return "redirect:/calendar/" + LocalDate.now(CHINA).getYear();
    }

    @GetMapping("/calendar/{year}")
    public String calendarYear(@PathVariable int year, Model model) {
        var cal = calendar.calendar();
        model.addAttribute("year", year);
        model.addAttribute("knownYears", cal.knownYears());
        if (cal.isKnown(year)) {
            model.addAttribute("months", CalendarMonth.year(year, cal));
            model.addAttribute("notice", cal.notice(year).orElseThrow());
        }
        return "calendar";
    }

    @org.springframework.beans.factory.annotation.Value("${govhub.oidc.issuer:}")
    private String oidcIssuer;

    @GetMapping("/login")
    public String login() {
        // with single sign-on the sign-in form is Keycloak's
        return oidcIssuer.isBlank() ? "login" : "redirect:/oauth2/authorization/" + io.govhub.gateway.security.OidcWebLogin.REGISTRATION;
    }

    @GetMapping("/admin")
    public String admin(Model model) {
        model.addAttribute("events", audit.recent(100));
        model.addAttribute("chain", audit.verify());
        model.addAttribute("knownYears", calendar.calendar().knownYears());
        return "admin";
    }

    @PostMapping("/admin/calendar")
    public String uploadNotice(@RequestParam int year, @RequestParam("file") MultipartFile file,
                               RedirectAttributes redirect) throws IOException {
        try {
            var notice = calendar.loadNotice(year, file.getBytes(), CurrentActor.username());
            redirect.addFlashAttribute("message", year + " 年节假日安排已导入，共 " + notice.days().size() + " 天。");
        } catch (GovhubException e) {
            redirect.addFlashAttribute("error", e.text().zh());
            redirect.addFlashAttribute("problems", e.problems().stream()
                    .map(p -> p.field() + "：" + p.message().zh()).toList());
        }
        return "redirect:/admin";
    }

    private static void answer(Model model, String resultKey, String errorKey, java.util.function.Supplier<Object> f) {
        try {
            model.addAttribute(resultKey, f.get());
        } catch (GovhubException e) {
            model.addAttribute(errorKey, e.text().zh());
        }
    }

    private static LocalDate date(String s, String label) {
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new GovhubException(io.govhub.core.shared.ErrorCode.REQUEST_PARAMETER_INVALID,
                    io.govhub.core.shared.Text.of(label + "格式应为 年-月-日，如 2024-09-27", label + " must be YYYY-MM-DD"));
        }
    }

    private static int integer(String s, String label) {
        try {
            return Integer.parseInt(s == null ? "" : s.strip());
        } catch (NumberFormatException e) {
            throw new GovhubException(io.govhub.core.shared.ErrorCode.REQUEST_PARAMETER_INVALID,
                    io.govhub.core.shared.Text.of(label + "应为整数", label + " must be an integer"));
        }
    }

}
