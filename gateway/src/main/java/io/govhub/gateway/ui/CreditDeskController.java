package io.govhub.gateway.ui;

import io.govhub.core.credit.CreditIntakeService;
import io.govhub.gateway.security.CurrentActor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A credit officer's desk (信用报送): the deadline warnings (预警) of their organisation's decisions, so that the
 * people who must act see them when they sign in, and their own latest submissions with each one's outcome counts.
 */
@Controller
public class CreditDeskController {

    private final CreditIntakeService credit;
    private final int warnAt;

    public CreditDeskController(CreditIntakeService credit,
                                @Value("${govhub.credit.warning-working-days-left:2}") int warnAt) {
        this.credit = credit;
        this.warnAt = warnAt;
    }

    @GetMapping("/credit-desk")
    public String desk(Model model) {
        var actor = CurrentActor.get().orElseThrow();
        model.addAttribute("warnings", credit.warnings(actor, warnAt));
        model.addAttribute("submissions", credit.ownSubmissions(actor, 20));
        model.addAttribute("warnAt", warnAt);
        return "credit-desk";
    }
}
