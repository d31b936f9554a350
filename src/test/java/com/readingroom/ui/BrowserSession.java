package com.readingroom.ui;

import com.readingroom.support.DemoSecondFactor;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One person's headless Debian Chromium, driven through ChromeDriver; nothing is downloaded. */
public final class BrowserSession implements AutoCloseable {

    public final WebDriver browser;
    public final WebDriverWait wait;
    private final String base;

    public BrowserSession(int port) {
        this.base = "http://localhost:" + port;
        Path profile;
        try {
            profile = Files.createTempDirectory("readingroom-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    public void open(String path) {
        browser.get(base + path);
    }

    /** The sign-in form only: username and password, no second factor. */
    public void submitPassword(String username, String password) {
        WebElement user =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input")));
        user.sendKeys(username);
        browser.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(password, Keys.ENTER);
    }

    /** Signs in as a person would, with the demo authenticator's code where the person's role needs one. */
    public void signIn(String username, String password) {
        WebElement user =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input")));
        user.sendKeys(username);
        browser.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(password, Keys.ENTER);
        if (DemoSecondFactor.needed(username) && password.equals("readingroom")) {
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#second-factor-code input")))
                    .sendKeys(DemoSecondFactor.code(username), Keys.ENTER);
            wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("second-factor")));
        }
    }

    public WebElement visible(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    @Override
    public void close() {
        browser.quit();
    }
}
