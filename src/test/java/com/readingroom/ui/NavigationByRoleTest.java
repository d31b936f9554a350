package com.readingroom.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotFoundError;
import com.readingroom.access.Agency;
import com.readingroom.access.Agreement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.junit.jupiter.api.Test;

class NavigationByRoleTest extends KaribuViewTest {

    @Test
    void aReviewerLandsOnTheirProductsAndSeesOnlyTheirArea() {
        signInAs("nato.reviewer");

        _get(MyProductsView.class);
        assertThat(menu()).containsExactly("My products", "Search", "Access tokens");
        assertThat(_get(Span.class, spec -> spec.withId("signed-in-agency")).getText())
                .isEqualTo("NATO NCI Agency");
    }

    @Test
    void aReviewerCannotOpenTheProgramManagersViews() {
        signInAs("nato.reviewer");

        // A refused screen looks like an address that does not exist (Karibu throws what that page would show).
        assertThatThrownBy(() -> UI.getCurrent().navigate("agreements")).isInstanceOf(NotFoundError.class);
        assertThatThrownBy(() -> UI.getCurrent().navigate("agencies")).isInstanceOf(NotFoundError.class);
        assertThat(_find(AgreementsView.class)).isEmpty();
        assertThat(_find(AgenciesView.class)).isEmpty();
    }

    @Test
    void aProgramManagerLandsOnAgreementsAndSeesEveryAgreement() {
        signInAs("pm");

        _get(AgreementsView.class);
        assertThat(menu())
                .containsExactly(
                        "Agreements",
                        "Access matrix",
                        "Agencies",
                        "People",
                        "Products",
                        "Reading holds",
                        "Search index");
        @SuppressWarnings("unchecked")
        Grid<Agreement> grid = _get(Grid.class, spec -> spec.withId("agreements"));
        assertThat(GridKt._size(grid)).isEqualTo(3);
        assertThat(GridKt._getFormattedRow(grid, 0))
                .contains("RR-2025-007", "Nordic Software Assurance Board", "EXPIRED");
        assertThat(_get(Span.class, spec -> spec.withId("signed-in-agency")).getText())
                .isEqualTo("Vendor staff");
        assertThat(_find(MyProductsView.class)).isEmpty();
    }

    @Test
    void aProgramManagerSeesTheAgenciesAndTheirPeople() {
        signInAs("pm");
        UI.getCurrent().navigate(AgenciesView.class);

        @SuppressWarnings("unchecked")
        Grid<Agency> grid = _get(Grid.class, spec -> spec.withId("agencies"));
        assertThat(GridKt._size(grid)).isEqualTo(3);
        List<String> natoRow = GridKt._getFormattedRow(grid, 1);
        assertThat(natoRow).contains("NATO NCI Agency", "nato.reviewer");
    }

    @Test
    void anAuditorSeesAgreementsButNotTheAgencyAdministration() {
        signInAs("auditor");

        _get(AgreementsView.class);
        assertThat(menu()).containsExactly("Agreements", "Access matrix", "Reading holds", "Search index", "Audit log");
    }

    @Test
    void theSignedInPersonIsShownOnEveryPage() {
        signInAs("cyber.reviewer");

        Div person = _get(Div.class, spec -> spec.withId("signed-in-person"));
        assertThat(person.getElement().getTextRecursively()).contains("Jonas Keller", "Reviewer");
    }

    private static List<String> menu() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }
}
