package com.readingroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.readingroom.access.Agreement;
import com.readingroom.access.AgreementStatus;
import com.readingroom.access.Agreements;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * Journey 2 of the brief, in two real browsers: a program manager suspends an agreement, and the reviewer's next
 * click in a page that was already open is refused with a clear message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SuspensionJourneyIT {

    @LocalServerPort
    int port;

    @Autowired
    Agreements agreements;

    private static <T> T asAuditor(Supplier<T> call) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "test", null, AuthorityUtils.createAuthorityList("ROLE_AUDITOR")));
        try {
            return call.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void aSuspensionTakesEffectOnTheReviewersNextClick() {
        Agreement cyber =
                asAuditor(() -> agreements.findByReference("RR-2026-014").orElseThrow());
        try (BrowserSession reviewer = new BrowserSession(port);
                BrowserSession manager = new BrowserSession(port)) {
            reviewer.open("/");
            reviewer.signIn("cyber.reviewer", "readingroom");
            assertThat(reviewer.visible(By.id("readable-products")).getText()).contains("Office");

            manager.open("/agreement/" + cyber.id());
            manager.signIn("pm", "readingroom");
            manager.wait
                    .until(ExpectedConditions.elementToBeClickable(By.id("suspend")))
                    .click();
            manager.visible(By.cssSelector("#suspend-reason textarea")).sendKeys("security incident under review");
            manager.wait
                    .until(ExpectedConditions.elementToBeClickable(
                            By.cssSelector("vaadin-button[slot='confirm-button']")))
                    .click();
            manager.wait.until(ExpectedConditions.textToBe(By.id("agreement-status"), "SUSPENDED"));

            // The reviewer's page is still open from before; the next click asks the server again.
            reviewer.browser
                    .findElement(By.cssSelector("vaadin-side-nav-item[path='products']"))
                    .click();
            WebElement refusal = reviewer.visible(By.id("no-readable-products"));
            assertThat(refusal.getText())
                    .contains("No agreement in force")
                    .contains("RR-2026-014")
                    .contains("suspended since")
                    .contains("security incident under review");
            assertThat(reviewer.browser.findElements(By.id("readable-products")))
                    .isEmpty();
        } finally {
            assertThat(asAuditor(() -> agreements.findByReference("RR-2026-014").map(Agreement::storedStatus)))
                    .contains(AgreementStatus.SUSPENDED);
        }
    }
}
