package io.govhub.gateway.ui;

import io.govhub.gateway.support.Browser;
import io.govhub.gateway.support.BrowserIT;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The web UI in a real browser: sign in at the form, use the calculator, look at the calendar, sign out. */
class BrowserUiIT extends BrowserIT {



    /** Signs in at the form with the demo password and waits until the form is left. */
    private void signIn(String username) {
        driver.get(url("/login"));
        driver.findElement(By.name("username")).sendKeys(username);
        driver.findElement(By.name("password")).sendKeys("demo123");
        driver.findElement(By.cssSelector("#login-form button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void setValue(WebElement input, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", input, value);
    }

    @Test
    void a_county_clerk_signs_in_computes_a_deadline_and_signs_out() {
        signIn("clerk-feixian");

        WebElement account = driver.findElement(By.cssSelector(".account"));
        assertThat(account.getText()).contains("费县窗口人员").contains("371325");
        assertThat(driver.findElement(By.id("counties")).getText()).contains("费县行政审批服务局");
        Browser.screenshot(driver, "index-signed-in");

        driver.findElement(By.linkText("工作日计算器")).click();
        setValue(driver.findElement(By.cssSelector("#deadline-form input[name=start]")), "2024-09-27");
        WebElement days = driver.findElement(By.cssSelector("#deadline-form input[name=workingDays]"));
        days.clear();
        days.sendKeys("7");
        driver.findElement(By.cssSelector("#deadline-form button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("deadline-result")));
        assertThat(driver.findElement(By.id("deadline-result")).getText()).contains("2024-10-12").contains("星期六");
        Browser.screenshot(driver, "calculator");

        driver.findElement(By.cssSelector(".account form button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("signedOut"));
        assertThat(driver.findElement(By.cssSelector("p.notice")).getText()).contains("您已安全退出");
        assertThat(driver.findElement(By.cssSelector(".account")).getText()).contains("登录");
        driver.get(url("/admin"));
        assertThat(driver.getCurrentUrl()).as("signed out: admin pages send to the sign-in form").contains("/login");
    }

    @Test
    void the_calendar_shows_national_day_and_its_adjusted_working_day() {
        driver.get(url("/calendar/2024"));
        var october = driver.findElements(By.cssSelector("table.month")).get(9);
        assertThat(october.findElement(By.tagName("caption")).getText()).isEqualTo("10 月");
        assertThat(october.findElements(By.cssSelector("td.holiday"))).hasSize(7);
        assertThat(october.findElements(By.cssSelector("td.adjusted"))).extracting(WebElement::getText).containsExactly("12");
        Browser.screenshot(driver, "calendar-2024");
    }

    @Test
    void a_citizen_finds_a_guide_and_reads_it_on_a_phone() {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        driver.get(url("/guides"));
        driver.findElement(By.name("q")).sendKeys("营业执照");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.name("division"))).selectByVisibleText("费县");
        driver.findElement(By.cssSelector("#guide-search button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("q="));
        assertThat(driver.findElement(By.id("result-count")).getText()).contains("共找到 1 项");
        driver.findElement(By.cssSelector("#results a")).click();

        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("materials")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("个体工商户营业执照核发（设立登记）");
        assertThat(driver.findElement(By.id("basic")).getText()).contains("费县行政审批服务局");
        assertThat(driver.findElements(By.cssSelector("#materials tbody tr"))).hasSize(3);
        assertThat(driver.findElement(By.id("free")).getText()).contains("不收费");
        assertThat(driver.findElement(By.id("limits")).getText()).contains("1 个工作日");
        assertThat(driver.findElement(By.id("contact")).getText()).contains("0539-12345");
        // nothing is wider than the phone's screen
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth");
        assertThat(overflow).isEqualTo(false);
        Browser.screenshot(driver, "guide-phone");
    }

    @Test
    void a_guide_with_fees_shows_amounts_and_their_basis() {
        driver.get(url("/guides?q=" + java.net.URLEncoder.encode("居民身份证", java.nio.charset.StandardCharsets.UTF_8)));
        driver.findElement(By.cssSelector("#results a")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("fees")));
        assertThat(driver.findElement(By.id("fees")).getText()).contains("居民身份证工本费").contains("20.00")
                .contains("发改价格〔2005〕436号");
        Browser.screenshot(driver, "guide-fees");
    }

    @Test
    void a_supervisor_sees_the_compliance_chart() throws Exception {
        String penalty = """
                {"CF_XDR_MC":"临沂某商贸有限公司","CF_XDR_LB":"法人及非法人组织","CF_XDR_SHXYM":"91350100M000100Y43",
                 "CF_FRDB":"赵六","CF_WSH":"临市监罚〔2026〕图%d号","CF_WFXW":"虚假宣传","CF_SY":"发布虚假广告",
                 "CF_YJ":"《中华人民共和国广告法》第五十五条","CF_CFLB":"罚款","CF_NR":"罚款二万元","CF_NR_FK":"2",
                 "CF_JDRQ":"2026-11-02","CF_CFJG":"临沂市市场监督管理局","CF_CFJGDM":"11371300MB28500332",
                 "CF_SJLY":"临沂市市场监督管理局","CF_SJLYDM":"11371300MB28500332"}""".formatted(System.nanoTime() % 100000);
        var receipt = http().send("POST", "/api/v1/credit/penalties", "credit-officer", "application/json",
                penalty.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String location = receipt.header("Location");
        for (int i = 0; i < 100 && http().get(location, "credit-officer").body().contains("RECEIVED"); i++) {
            Thread.sleep(100);
        }

        signIn("supervisor");
        driver.findElement(By.linkText("双公示督查")).click();
        setValue(driver.findElement(By.name("from")), "2026-11-01");
        setValue(driver.findElement(By.name("to")), "2026-11-30");
        driver.findElement(By.cssSelector("#report-form button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("from=2026-11-01"));
        WebElement table = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("compliance")));
        assertThat(table.getText()).contains("临沂市市场监督管理局");
        assertThat(driver.findElements(By.cssSelector("svg.chart rect"))).isNotEmpty();
        Browser.screenshot(driver, "supervision");
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.govhub.core.calendar.CalendarService calendars;

    @Test
    void a_credit_officer_sees_the_warning_of_a_rejected_decision_near_its_deadline_on_their_desk() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        org.junit.jupiter.api.Assumptions.assumeTrue(calendars.calendar().isKnown(today.getYear())
                && calendars.calendar().isKnown(today.getYear() - 1), "this year's holiday notice is loaded");
        java.time.LocalDate decided = io.govhub.gateway.credit.CreditFixtures.workingDaysBefore(calendars, today, 6); // 1 of 7 left
        String doc = "临市监罚〔2026〕台" + System.nanoTime() % 100000 + "号";
        String rejected = """
                {"CF_XDR_MC":"临沂某商贸有限公司","CF_XDR_LB":"法人及非法人组织","CF_XDR_SHXYM":"91350100M000100Y43",
                 "CF_FRDB":"赵六","CF_WSH":"%s","CF_WFXW":"虚假宣传","CF_SY":"发布虚假广告",
                 "CF_CFLB":"罚款","CF_NR":"罚款二万元","CF_NR_FK":"2",
                 "CF_JDRQ":"%s","CF_CFJG":"临沂市市场监督管理局","CF_CFJGDM":"11371300MB28500332",
                 "CF_SJLY":"临沂市市场监督管理局","CF_SJLYDM":"11371300MB28500332"}""".formatted(doc, decided); // no CF_YJ
        var receipt = http().send("POST", "/api/v1/credit/penalties", "credit-officer", "application/json",
                rejected.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String location = receipt.header("Location");
        for (int i = 0; i < 100 && http().get(location, "credit-officer").body().contains("RECEIVED"); i++) {
            Thread.sleep(100);
        }

        signIn("credit-officer");
        driver.findElement(By.linkText("信用报送")).click();
        WebElement warnings = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("desk-warnings")));
        assertThat(warnings.getText()).contains(doc).contains("报送被退回，尚未重新报送").contains("临近期限");
        assertThat(driver.findElement(By.id("warning-count")).getText()).doesNotStartWith("0 ");
        String receiptId = location.substring(location.lastIndexOf('/') + 1);
        assertThat(driver.findElement(By.id("submissions")).getText()).contains(receiptId);
        Browser.screenshot(driver, "credit-desk");
        // the desk is the officers': a supervisor (who reads every organisation's warnings on the supervision page)
        // has no link to it and is refused it
        driver.manage().deleteAllCookies();
        signIn("supervisor");
        assertThat(driver.findElements(By.linkText("信用报送"))).isEmpty();
        driver.get(url("/credit-desk"));
        assertThat(driver.findElements(By.id("desk-warnings-section"))).isEmpty();
        assertThat(driver.getPageSource()).doesNotContain(doc);
    }
}
