package com.readingroom.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.readingroom.access.AccessPolicy;
import com.readingroom.access.Agencies;
import com.readingroom.access.Agreement;
import com.readingroom.access.AgreementStatus;
import com.readingroom.access.Agreements;
import com.readingroom.access.Catalog;
import com.readingroom.access.HostedRepository;
import com.readingroom.access.Product;
import com.readingroom.access.ReadableProduct;
import com.readingroom.identity.People;
import com.readingroom.identity.Person;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * What the demo installation must be, whichever database it runs on: the sample products as real repositories, the
 * demo people and the agreements that decide what each reviewer reads.
 */
abstract class DemoInstallationContract {

    @Autowired
    DemoData demoData;

    @Autowired
    Catalog catalog;

    @Autowired
    Agreements agreements;

    @Autowired
    Agencies agencies;

    @Autowired
    People people;

    @Autowired
    AccessPolicy policy;

    @Autowired
    Clock clock;

    @Autowired
    AuthenticationConfiguration authentication;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void clearSecurityContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void registersTheSampleProductsAsGitRepositoriesOnDisk() {
        assertThat(catalog.products()).extracting(Product::name).containsExactly("Office", "Windows");
        Product windows = catalog.findProduct("Windows").orElseThrow();
        assertThat(windows.repositories())
                .extracting(HostedRepository::name)
                .containsExactly("windows-kernel", "windows-shell");
        for (Product product : catalog.products()) {
            for (HostedRepository repository : product.repositories()) {
                assertThat(repository.storagePath().resolve("HEAD")).isRegularFile();
                assertThat(repository.storagePath().resolve("refs/tags/release/1.0"))
                        .satisfiesAnyOf(
                                tag -> assertThat(tag).isRegularFile(),
                                tag -> assertThat(repository.storagePath().resolve("packed-refs"))
                                        .isRegularFile());
            }
        }
    }

    @Test
    void natoReviewerReadsAllOfWindowsAndOnlyTheSourceOfOfficeWord() {
        List<ReadableProduct> readable = policy.readableProducts(person("nato.reviewer"), clock.instant());

        assertThat(readable).extracting(r -> r.product().name()).containsExactlyInAnyOrder("Windows", "Office");
        ReadableProduct office = readable.stream()
                .filter(r -> r.product().name().equals("Office"))
                .findFirst()
                .orElseThrow();
        assertThat(office.repositories()).extracting(HostedRepository::name).containsExactly("office-word");
        assertThat(office.includePaths()).containsExactly("office-word/src/**");
        assertThat(office.agreementReference()).isEqualTo("RR-2026-001");
    }

    @Test
    void cyberReviewerReadsOnlyOffice() {
        assertThat(policy.readableProducts(person("cyber.reviewer"), clock.instant()))
                .singleElement()
                .satisfies(readable -> {
                    assertThat(readable.product().name()).isEqualTo("Office");
                    assertThat(readable.repositories())
                            .extracting(HostedRepository::name)
                            .containsExactly("office-excel", "office-word");
                });
    }

    @Test
    @WithMockUser(roles = "AUDITOR")
    void aReviewerWhoseOnlyAgreementExpiredReadsNothing() {
        Person expired = person("expired.reviewer");
        assertThat(policy.readableProducts(expired, clock.instant())).isEmpty();
        assertThat(agreements.ofAgency(expired.agencyId()))
                .singleElement()
                .extracting(agreement -> agreement.statusAt(clock.instant()))
                .isEqualTo(AgreementStatus.EXPIRED);
    }

    @Test
    void vendorStaffReadNoSource() {
        assertThat(policy.readableProducts(person("pm"), clock.instant())).isEmpty();
        assertThat(policy.readableProducts(person("auditor"), clock.instant())).isEmpty();
    }

    @Test
    @WithMockUser(roles = "AUDITOR")
    void loadingTheDemoDataAgainChangesNothing() throws Exception {
        Agreement before = agreements.findByReference("RR-2026-001").orElseThrow();

        demoData.run(new DefaultApplicationArguments());

        assertThat(catalog.products()).hasSize(2);
        assertThat(catalog.products().stream()
                        .mapToInt(p -> p.repositories().size())
                        .sum())
                .isEqualTo(4);
        assertThat(people.exists("nato.reviewer")).isTrue();
        assertThat(people.membersOf(before.agencyId())).hasSize(1);
        assertThat(agreements.findByReference("RR-2026-001")).contains(before);
        assertThat(before.storedStatus()).isEqualTo(AgreementStatus.ACTIVE);
        try (var repositories = Files.list(catalog.products()
                .getFirst()
                .repositories()
                .getFirst()
                .storagePath()
                .getParent())) {
            assertThat(repositories.filter(path -> path.getFileName().toString().endsWith(".git")))
                    .hasSize(4);
        }
    }

    @Test
    void passwordsAreStoredAsModernHashesAndTheDemoPasswordSignsIn() throws Exception {
        assertThat(jdbc.queryForList("select password_hash from person", String.class))
                .hasSize(6)
                .allSatisfy(hash -> assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("readingroom"));

        Authentication signedIn = authentication
                .getAuthenticationManager()
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated("cyber.reviewer", "readingroom"));
        assertThat(signedIn.getAuthorities())
                .extracting(Object::toString)
                .filteredOn(authority -> authority.startsWith("ROLE_"))
                .containsExactly("ROLE_REVIEWER");
    }

    @Test
    void anAccountIsLockedAfterFiveFailedSignIns() throws Exception {
        var manager = authentication.getAuthenticationManager();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThatThrownBy(() -> manager.authenticate(
                            UsernamePasswordAuthenticationToken.unauthenticated("expired.reviewer", "wrong password")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        // Even the right password is refused while the lock lasts.
        assertThatThrownBy(() -> manager.authenticate(
                        UsernamePasswordAuthenticationToken.unauthenticated("expired.reviewer", "readingroom")))
                .isInstanceOf(LockedException.class);
    }

    @Test
    @WithMockUser(roles = "REVIEWER")
    void servicesRefuseOverviewsToReviewersWhateverTheUserInterfaceShows() {
        assertThatThrownBy(() -> agreements.list(0, 10))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> agencies.create("Rogue agency", "XX", null))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> agreements.findByReference("RR-2026-014"))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        long otherAgency = people.findByUsername("cyber.reviewer").orElseThrow().agencyId();
        assertThatThrownBy(() -> agreements.ofAgency(otherAgency))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> agencies.find(otherAgency))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> people.membersOf(otherAgency))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    private Person person(String username) {
        return people.findByUsername(username).orElseThrow();
    }
}
