package com.readingroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Journey in a real, headless Chromium: a reviewer signs in and sees the products their agreement grants. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReviewerSignInIT {

    @LocalServerPort
    int port;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        Path profile = Files.createTempDirectory("readingroom-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(
                        new File(System.getProperty("readingroom.test.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aReviewerSignsInAndSeesTheProductsTheirAgreementGrants() {
        browser.get("http://localhost:" + port + "/");

        signIn("nato.reviewer", "readingroom");

        WebElement products = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("readable-products")));
        assertThat(products.getText()).contains("Windows", "Office", "windows-kernel", "office-word");
        assertThat(products.getText()).doesNotContain("office-excel");
        assertThat(browser.findElement(By.id("signed-in-agency")).getText()).isEqualTo("NATO NCI Agency");
        assertThat(browser.getCurrentUrl()).contains("/products");
    }

    @Test
    void aWrongPasswordIsRefusedWithAClearMessage() {
        browser.get("http://localhost:" + port + "/login");

        signIn("cyber.reviewer", "not the password");

        wait.until(ExpectedConditions.urlContains("error"));
        WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));
        wait.until(driver -> form.getDomAttribute("error") != null);
        assertThat(browser.findElements(By.id("readable-products"))).isEmpty();
    }

    private void signIn(String username, String password) {
        WebElement user =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input")));
        user.sendKeys(username);
        WebElement secret = browser.findElement(By.cssSelector("#vaadinLoginPassword input"));
        secret.sendKeys(password, Keys.ENTER);
    }
}
