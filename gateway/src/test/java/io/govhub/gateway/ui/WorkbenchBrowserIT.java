package io.govhub.gateway.ui;

import io.govhub.gateway.support.Browser;
import io.govhub.gateway.support.BrowserIT;
import io.govhub.core.tabular.CsvRows;
import io.govhub.guide.imports.ImportColumns;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** An editor imports a list and submits an item; a reviewer publishes it from the review queue. In a browser. */
class WorkbenchBrowserIT extends BrowserIT {


    private void signIn(String user) {
        driver.manage().deleteAllCookies();
        driver.get("http://localhost:" + port + "/login");
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys("demo123");
        driver.findElement(By.cssSelector("#login-form button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** The flash message after a form post, once the redirected page is there. */
    private String message() {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("workbench-message"))).getText();
    }

    @Test
    void import_with_progress_then_review_and_publish() throws Exception {
        String template = ImportColumns.template().substring(1); // without the UTF-8 byte-order mark: this file is GBK
        String[] lines = template.split("\r\n");
        String basic = "97000" + (System.nanoTime() % 900 + 100) + "0000";
        String row = lines[1].replace("食品经营许可（新办）", "浏览器导入测试事项").replace("010000010000", basic)
                .replace("11371300MB285002573010000010000", "11371300MB285002573" + basic);
        Path file = Files.createTempFile("govhub-list-", ".csv");
        file.toFile().deleteOnExit();
        Files.write(file, (lines[0] + "\r\n" + row + "\r\n").getBytes(Charset.forName("GBK")));

        signIn("guide-editor");
        driver.get("http://localhost:" + port + "/workbench");
        driver.findElement(By.cssSelector("#import-form input[type=file]")).sendKeys(file.toString());
        driver.findElement(By.cssSelector("#import-form button")).click();
        // the progress page refreshes itself until the import is done
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("import-status"), "导入完成"));
        assertThat(driver.findElement(By.id("import-counts")).getText()).contains("GB18030");
        Browser.screenshot(driver, "import-done");

        driver.get("http://localhost:" + port + "/workbench");
        WebElement mine = driver.findElements(By.cssSelector("#worklist tbody tr")).stream()
                .filter(tr -> tr.getText().contains("浏览器导入测试事项")).findFirst().orElseThrow();
        assertThat(mine.getText()).contains("草稿");
        submit(mine.findElement(By.xpath(".//button[text()='提交审核']")));
        assertThat(message()).contains("已提交审核");

        signIn("guide-reviewer");
        driver.get("http://localhost:" + port + "/workbench");
        WebElement queued = driver.findElements(By.cssSelector("#worklist tbody tr")).stream()
                .filter(tr -> tr.getText().contains("浏览器导入测试事项")).findFirst().orElseThrow();
        assertThat(queued.getText()).contains("待审核");
        submit(queued.findElement(By.xpath(".//button[text()='发布']")));
        assertThat(message()).contains("已发布").contains("第 1 版");
        Browser.screenshot(driver, "workbench-published");

        driver.get("http://localhost:" + port + "/guides/11371300MB285002573" + basic);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("浏览器导入测试事项");
    }

    private WebElement field(String column) {
        return driver.findElements(By.cssSelector("#guide-form .field")).stream()
                .filter(f -> f.findElement(By.tagName("label")).getText().equals(column)).findFirst().orElseThrow();
    }

    private void set(String column, String value) {
        WebElement input = field(column).findElement(By.cssSelector("input, textarea"));
        input.clear();
        input.sendKeys(value);
    }

    @Test
    void edit_with_inline_validation_then_compare_versions() {
        signIn("guide-editor");
        driver.get("http://localhost:" + port + "/workbench");
        driver.findElement(By.linkText("建筑工程施工许可证核发")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("guide-form")));
        set(ImportColumns.LEGAL_BASIS, " ");
        set(ImportColumns.PROMISED_LIMIT, "30");
        submit(driver.findElement(By.cssSelector("#guide-form button")));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("edit-message")));
        // saved as a draft, with the problems shown at their fields
        assertThat(driver.findElement(By.id("edit-message")).getText()).contains("还有 2 处需要补充");
        assertThat(field(ImportColumns.LEGAL_BASIS).getAttribute("class")).contains("invalid");
        assertThat(field(ImportColumns.LEGAL_BASIS).getText()).contains("缺少办理依据");
        assertThat(field(ImportColumns.PROMISED_LIMIT).getText()).contains("长于法定办结时限");
        Browser.screenshot(driver, "guide-edit-invalid");

        set(ImportColumns.LEGAL_BASIS, "《中华人民共和国建筑法》第七条、第八条");
        set(ImportColumns.PROMISED_LIMIT, "2");
        submit(driver.findElement(By.cssSelector("#guide-form button")));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("edit-message"), "内容完整"));

        driver.get("http://localhost:" + port + "/workbench");
        submit(driver.findElements(By.cssSelector("#worklist tbody tr")).stream()
                .filter(tr -> tr.getText().contains("建筑工程施工许可证核发")).findFirst().orElseThrow()
                .findElement(By.xpath(".//button[text()='提交审核']")));
        message();
        signIn("guide-reviewer");
        driver.get("http://localhost:" + port + "/workbench");
        submit(driver.findElements(By.cssSelector("#worklist tbody tr")).stream()
                .filter(tr -> tr.getText().contains("建筑工程施工许可证核发")).findFirst().orElseThrow()
                .findElement(By.xpath(".//button[text()='发布']")));
        assertThat(message()).contains("第 2 版");

        driver.findElement(By.linkText("建筑工程施工许可证核发")).click();
        driver.findElement(By.linkText("版本历史")).click();
        WebElement diff = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("diff")));
        assertThat(diff.getText()).contains("第 1 版 → 第 2 版").contains("promisedLimit.value").contains("legalBasis");
        Browser.screenshot(driver, "guide-history");
    }
}
