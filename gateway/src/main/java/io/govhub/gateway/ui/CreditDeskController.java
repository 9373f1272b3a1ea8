package io.govhub.gateway.ui;

import io.govhub.core.credit.CreditIntakeService;
import io.govhub.gateway.security.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A credit officer's desk (信用报送): the deadline warnings (预警) of their organisation's decisions, so that the
 * people who must act see them when they sign in, and their own latest submissions with each one's outcome counts.
 * The warnings are the API's own (the same threshold, read once there), as on the supervisors' page.
 */
@Controller
public class CreditDeskController {

    private final CreditIntakeService credit;
    private final io.govhub.gateway.api.CreditApi api;

    public CreditDeskController(CreditIntakeService credit, io.govhub.gateway.api.CreditApi api) {
        this.credit = credit;
        this.api = api;
    }

    @GetMapping("/credit-desk")
    public String desk(Model model) {
        model.addAttribute("warnings", api.warnings());
        model.addAttribute("submissions", credit.ownSubmissions(CurrentActor.get().orElseThrow(), 20));
        model.addAttribute("warnAt", api.warningWorkingDaysLeft());
        return "credit-desk";
    }
}
