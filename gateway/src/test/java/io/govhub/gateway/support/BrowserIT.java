package io.govhub.gateway.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

/** Base of the browser tests: the embedded app, and a fresh headless Chromium for each test. */
public abstract class BrowserIT extends EmbeddedAppIT {

    protected WebDriver driver;

    @BeforeEach
    void openBrowser() {
        driver = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            Browser.quit(driver);
        }
    }

    /**
     * Clicks a control that submits a form and waits until the next page has replaced this one. Without the wait, an
     * element of the same id on the old page (a message from the previous step) can be found and then go stale.
     */
    protected void submit(WebElement control) {
        WebElement page = driver.findElement(By.tagName("html"));
        control.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> replaced(page));
    }

    /**
     * Whether the old page's element is gone. Selenium's own {@code stalenessOf} knows only the "stale element"
     * answer; chromedriver 156 sometimes answers, for the old page's node during the swap, "Node with given id does not
     * belong to the document" (a plain WebDriverException; it failed a CI run): that is gone too. Anything else:
     * asked again.
     */
    private static boolean replaced(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException gone) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            return e.getMessage() != null && e.getMessage().contains("does not belong to the document");
        }
    }

    /** {@link #submit} with the control found by a selector, then the element the next page must have. */
    protected WebElement submit(By control, By expected) {
        submit(driver.findElement(control));
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(expected));
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
