package io.govhub.gateway.ui;

import io.govhub.core.shared.GovhubException;
import io.govhub.gateway.config.GovhubProperties;
import io.govhub.gateway.security.CurrentActor;
import io.govhub.gateway.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page has: the city's name and the signed-in actor for the header; and a Chinese error page, with the
 * status of the error's kind, for a {@link GovhubException} that a page's controller does not handle itself.
 */
@ControllerAdvice(basePackageClasses = UiAdvice.class)
public class UiAdvice {

    private final GovhubProperties props;

    public UiAdvice(GovhubProperties props) {
        this.props = props;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("cityName", props.cityName());
        model.addAttribute("actor", CurrentActor.get().orElse(null));
    }

    @ExceptionHandler(GovhubException.class)
    public String failed(GovhubException e, Model model, HttpServletResponse response) {
        response.setStatus(Problems.status(e.code().kind()).value());
        common(model); // model attribute methods do not run for exception handlers
        model.addAttribute("error", e.text().zh());
        model.addAttribute("code", e.code().name());
        return "error-page";
    }
}
