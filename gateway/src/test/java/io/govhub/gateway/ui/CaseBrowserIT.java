package io.govhub.gateway.ui;

import io.govhub.gateway.support.Browser;
import io.govhub.gateway.support.BrowserIT;
import io.govhub.gateway.support.ClamdFixture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a browser: a 兰山区 clerk takes an application at the window with a material; the case goes to the provincial
 * platform SIMULATOR and comes back completed; the applicant's phone checks it on the public page; the supervisor
 * sees it on the board and the administrator on the connections page.
 */
class CaseBrowserIT extends BrowserIT {

    private void signIn(String user) {
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys("demo123");
        driver.findElement(By.cssSelector("#login-form button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    @Test
    void aHallClerkTakesAnApplicationAndThePublicTracksIt() throws Exception {
        Path pdf = Files.createTempFile("govhub-material-", ".pdf");
        pdf.toFile().deleteOnExit();
        Files.write(pdf, "%PDF-1.4\n% 营业执照复印件\n".getBytes(StandardCharsets.UTF_8));
        signIn("clerk-lanshan");
        driver.get(url("/hall"));
        new Select(driver.findElement(By.id("implementationCode"))).selectByValue("11371300MB285002573010000010000");
        assertThat(new Select(driver.findElement(By.id("division"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("371302");
        driver.findElement(By.id("applicant-name")).sendKeys("李四");
        driver.findElement(By.id("idNumber")).sendKeys("371302199001010011");
        driver.findElement(By.id("phone")).sendKeys("13800004321");
        driver.findElement(By.id("material")).sendKeys(pdf.toString());
        driver.findElement(By.name("materialName")).sendKeys("营业执照复印件");
        String message = submit(By.id("apply-submit"), By.id("message")).getText();
        assertThat(message).contains("办件编号");
        String caseNumber = driver.findElement(By.id("case-number")).getText();
        assertThat(caseNumber).startsWith("11371300MB285002573010000010000");
        assertThat(driver.getPageSource()).contains("营业执照复印件");
        // scanned by clamd when the tests have one (ClamdFixture), and the page says which
        assertThat(driver.findElement(By.cssSelector(".scan-clean, .scan-none")).getText())
                .isEqualTo(ClamdFixture.getIfInstalled() != null ? "已查毒" : "未查毒");
        // the simulated provincial platform accepts, reviews and completes it; the page shows it after a reload
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            d.navigate().refresh();
            return d.findElement(By.id("case-status")).getText().equals("已办结");
        });
        assertThat(driver.findElements(By.cssSelector("#steps li"))).hasSize(3);
        Browser.screenshot(driver, "case-completed");

        // the hall's queue lists it, the applicant masked
        driver.get(url("/hall"));
        String row = driver.findElement(By.cssSelector("tr[data-case='" + caseNumber + "']")).getText();
        assertThat(row).contains("已办结").doesNotContain("李四");

        // anyone can check it with the number and the phone's last four digits; no personal data shown
        driver.manage().deleteAllCookies();
        driver.get(url("/track"));
        driver.findElement(By.id("track-case")).sendKeys(caseNumber);
        driver.findElement(By.id("track-phone")).sendKeys("4321");
        assertThat(submit(By.cssSelector("#track-form button"), By.id("track-status")).getText()).isEqualTo("已办结");
        assertThat(driver.getPageSource()).doesNotContain("李四").doesNotContain("371302199001010011")
                .doesNotContain("13800004321");
        // a wrong phone gets the same answer as a wrong number
        driver.get(url("/track?caseNumber=" + caseNumber + "&phoneLast4=0000"));
        assertThat(driver.findElement(By.id("track-error")).getText()).contains("未找到该办件");
    }

    @Test
    void aWrongApplicationIsShownBackWithEveryProblem() {
        signIn("clerk-feixian");
        driver.get(url("/hall"));
        new Select(driver.findElement(By.id("implementationCode"))).selectByIndex(1);
        driver.findElement(By.id("applicant-name")).sendKeys("王五");
        driver.findElement(By.id("idNumber")).sendKeys("371302199001010012");
        driver.findElement(By.id("phone")).sendKeys("12345");
        String error = submit(By.id("apply-submit"), By.id("apply-error")).getText();
        assertThat(error).contains("applicant.idNumber").contains("applicant.phone");
        // what was typed is still there
        assertThat(driver.findElement(By.id("applicant-name")).getAttribute("value")).isEqualTo("王五");
    }

    @Test
    void anInfectedMaterialIsRefusedAtTheWindowWithWhatWasTypedKept() throws Exception {
        ClamdFixture.require();
        Path pdf = Files.createTempFile("govhub-material-", ".pdf");
        pdf.toFile().deleteOnExit();
        Files.write(pdf, ("%PDF-1.4\n" + new String(ClamdFixture.eicar(), StandardCharsets.US_ASCII) + "\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII));
        signIn("clerk-lanshan");
        driver.get(url("/hall"));
        new Select(driver.findElement(By.id("implementationCode"))).selectByValue("11371300MB285002573010000010000");
        driver.findElement(By.id("applicant-name")).sendKeys("赵六");
        driver.findElement(By.id("idNumber")).sendKeys("371302199001010011");
        driver.findElement(By.id("phone")).sendKeys("13800005678");
        driver.findElement(By.id("material")).sendKeys(pdf.toString());
        String error = submit(By.id("apply-submit"), By.id("apply-error")).getText();
        assertThat(error).contains("病毒").contains(ClamdFixture.SIGNATURE);
        assertThat(driver.findElement(By.id("applicant-name")).getAttribute("value")).isEqualTo("赵六");
        Browser.screenshot(driver, "material-infected");
    }

    @Test
    void supervisorsSeeTheBoardAndAdministratorsTheConnections() {
        signIn("supervisor");
        driver.get(url("/supervision/cases"));
        assertThat(driver.findElement(By.id("board-summary")).getText()).contains("共");
        signIn("admin");
        driver.get(url("/admin/connections"));
        assertThat(driver.findElement(By.id("partners")).getText()).contains("sim-sd-province").contains("山东省政务服务平台");
        assertThat(driver.findElement(By.id("message-chain")).getText()).contains("哈希链完整");
        Browser.screenshot(driver, "connections");
        // an administrator adds a routing rule in the page, then removes it
        String pattern = "11371300MB2850025739" + (System.nanoTime() % 900 + 100) + "*";
        driver.findElement(By.cssSelector("#route-form input[name=pattern]")).sendKeys(pattern);
        new Select(driver.findElement(By.cssSelector("#route-form select[name=division]"))).selectByValue("371300");
        new Select(driver.findElement(By.cssSelector("#route-form select[name=partner]"))).selectByValue("sim-sd-province");
        assertThat(submit(By.cssSelector("#route-form button"), By.id("message")).getText()).contains(pattern);
        var row = driver.findElements(By.cssSelector("#routes tbody tr")).stream()
                .filter(r -> r.getText().contains(pattern)).findFirst().orElseThrow();
        submit(row.findElement(By.tagName("button")));
        assertThat(driver.findElement(By.id("routes")).getText()).doesNotContain(pattern);
        // registers a partner system, and is told what is wrong when the address is not a URL
        String id = "ly-county-yinan-" + System.nanoTime() % 100000;
        driver.findElement(By.cssSelector("#partner-form input[name=id]")).sendKeys(id);
        driver.findElement(By.cssSelector("#partner-form input[name=name]")).sendKeys("沂南县政务服务系统");
        new Select(driver.findElement(By.cssSelector("#partner-form select[name=division]"))).selectByValue("371321");
        driver.findElement(By.cssSelector("#partner-form input[name=endpoint]")).sendKeys("ftp://wrong");
        assertThat(submit(By.cssSelector("#partner-form button"), By.id("error")).getText()).contains("endpoint");
        driver.findElement(By.cssSelector("#partner-form input[name=id]")).sendKeys(id);
        driver.findElement(By.cssSelector("#partner-form input[name=name]")).sendKeys("沂南县政务服务系统");
        new Select(driver.findElement(By.cssSelector("#partner-form select[name=division]"))).selectByValue("371321");
        driver.findElement(By.cssSelector("#partner-form input[name=endpoint]")).sendKeys("https://yinan.example/hub");
        assertThat(submit(By.cssSelector("#partner-form button"), By.id("message")).getText()).contains(id);
        assertThat(driver.findElement(By.id("partners")).getText()).contains(id);
        // and saves a partner's settings (unchanged): in effect at once, audited
        assertThat(submit(By.cssSelector("tr[data-partner='sim-ly-lanshan'] .partner-form button"), By.id("message"))
                .getText()).contains("sim-ly-lanshan");
    }
}
