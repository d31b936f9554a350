package com.readingroom.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import java.util.List;
import org.junit.jupiter.api.Test;

class MyProductsViewTest extends KaribuViewTest {

    @Test
    void showsEachGrantedProductWithItsRepositoriesAgreementAndRestriction() {
        signInAs("nato.reviewer");

        Div products = _get(Div.class, spec -> spec.withId("readable-products"));
        assertThat(_find(products, H3.class).stream().map(H3::getText)).containsExactlyInAnyOrder("Windows", "Office");
        String text = products.getElement().getTextRecursively();
        assertThat(text).contains("windows-kernel", "windows-shell", "office-word", "Only: office-word/src/**");
        assertThat(text).contains("Agreement RR-2026-001").contains("valid until");
        assertThat(text).doesNotContain("office-excel");
    }

    @Test
    void explainsToAReviewerWhoseAgreementExpiredWhyNothingIsShown() {
        signInAs("expired.reviewer");

        Div explanation = _get(Div.class, spec -> spec.withId("no-readable-products"));
        assertThat(explanation.getElement().getTextRecursively())
                .contains("No agreement in force")
                .contains("RR-2025-007")
                .contains("expired on");
        assertThat(_find(Div.class, spec -> spec.withId("readable-products"))).isEmpty();
    }

    @Test
    void aSecondAgencySeesOnlyWhatItsOwnAgreementGrants() {
        signInAs("cyber.reviewer");

        Div products = _get(Div.class, spec -> spec.withId("readable-products"));
        List<String> names = _find(products, H3.class).stream().map(H3::getText).toList();
        assertThat(names).containsExactly("Office");
        assertThat(products.getElement().getTextRecursively())
                .contains("office-excel", "office-word", "RR-2026-014")
                .doesNotContain("windows");
    }
}
