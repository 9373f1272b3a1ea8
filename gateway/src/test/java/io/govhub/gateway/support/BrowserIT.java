package io.govhub.gateway.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;

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
            driver.quit();
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
