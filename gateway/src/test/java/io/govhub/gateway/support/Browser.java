package io.govhub.gateway.support;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's headless Chromium driven by its chromedriver (both installed by {@code .ci/run}). On CI a missing browser
 * fails the test; on a developer machine without it the browser tests are skipped with a message.
 */
public final class Browser {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    /** Each running browser's profile directory, removed when it quits ({@link #quit}). */
    private static final java.util.Map<WebDriver, Path> PROFILES = new java.util.concurrent.ConcurrentHashMap<>();

    private Browser() {
    }

    public static WebDriver start() {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(present, "chromium/chromedriver not installed: apt-get install chromium chromium-driver");
        }
        try {
            Path profile = Files.createTempDirectory("govhub-chromium-");
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                    .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--disable-quic", "--no-first-run", "--lang=zh-CN", "--window-size=1280,1000",
                            "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                    .usingAnyFreePort().build();
            WebDriver driver = new ChromeDriver(service, options);
            PROFILES.put(driver, profile);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the browser and removes its profile directory (each run of the suite used to leave them in /tmp). */
    public static void quit(WebDriver driver) {
        try {
            driver.quit();
        } finally {
            Path profile = PROFILES.remove(driver);
            if (profile != null) {
                org.springframework.util.FileSystemUtils.deleteRecursively(profile.toFile());
            }
        }
    }

    /** Saves what the browser shows to {@code target/screenshots/<name>.png}, for a person to look at. */
    public static void screenshot(WebDriver driver, String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target/screenshots"));
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
