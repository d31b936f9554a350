package com.readingroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.readingroom.support.DemoSecondFactor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Journey in a real, headless Chromium: a reviewer signs in and sees the products their agreement grants. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReviewerSignInIT {

    @LocalServerPort
    int port;

    BrowserSession session;

    @BeforeEach
    void openBrowser() {
        session = new BrowserSession(port);
    }

    @AfterEach
    void closeBrowser() {
        session.close();
    }

    @Test
    void aReviewerSignsInAndSeesTheProductsTheirAgreementGrants() {
        session.open("/");

        session.signIn("nato.reviewer", "readingroom");

        WebElement products = session.visible(By.id("readable-products"));
        assertThat(products.getText()).contains("Windows", "Office", "windows-kernel", "office-word");
        assertThat(products.getText()).doesNotContain("office-excel");
        assertThat(session.browser.findElement(By.id("signed-in-agency")).getText())
                .isEqualTo("NATO NCI Agency");
        assertThat(session.browser.getCurrentUrl()).contains("/products");
    }

    @Test
    void signingInGivesANewSessionIdSoAPlantedOneIsWorthNothing() {
        session.open("/login");
        String before = session.browser.manage().getCookieNamed("SESSION").getValue();

        session.signIn("nato.reviewer", "readingroom");
        session.visible(By.id("readable-products"));

        String after = session.browser.manage().getCookieNamed("SESSION").getValue();
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void anUnknownNameGetsTheSameAnswerAsAWrongPassword() {
        session.open("/login");
        session.signIn("nobody.at.all", "whatever");
        session.wait.until(ExpectedConditions.urlContains("error"));
        String unknownUrl = session.browser.getCurrentUrl();
        WebElement form =
                session.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));
        session.wait.until(driver -> form.getDomAttribute("error") != null);
        String unknownText = form.getText();

        session.open("/login");
        session.signIn("cyber.reviewer", "not the password");
        session.wait.until(ExpectedConditions.urlContains("error"));
        WebElement again =
                session.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));
        session.wait.until(driver -> again.getDomAttribute("error") != null);

        assertThat(session.browser.getCurrentUrl()).isEqualTo(unknownUrl);
        assertThat(again.getText()).isEqualTo(unknownText);
    }

    @Test
    void aProgramManagersPasswordAloneOpensNoPageUntilTheCodeIsRight() {
        session.open("/agreements");
        session.submitPassword("pm", "readingroom");
        session.wait.until(ExpectedConditions.urlContains("second-factor"));
        session.open("/agreements");
        session.wait.until(ExpectedConditions.urlContains("second-factor"));

        WebElement code = session.wait.until(
                ExpectedConditions.elementToBeClickable(By.cssSelector("#second-factor-code input")));
        code.sendKeys("000000", Keys.ENTER);
        session.wait.until(
                driver -> driver.findElement(By.id("second-factor-code")).getDomAttribute("invalid") != null);

        code.clear();
        code.sendKeys(DemoSecondFactor.code("pm"), Keys.ENTER);
        session.wait.until(ExpectedConditions.urlContains("/agreements"));
        assertThat(session.browser.getCurrentUrl()).doesNotContain("second-factor");
    }

    @Test
    void aWrongPasswordIsRefusedWithAClearMessage() {
        session.open("/login");

        session.signIn("auditor", "not the password");

        session.wait.until(ExpectedConditions.urlContains("error"));
        WebElement form =
                session.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));
        session.wait.until(driver -> form.getDomAttribute("error") != null);
        assertThat(session.browser.findElements(By.id("readable-products"))).isEmpty();
    }
}
