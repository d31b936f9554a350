package com.readingroom.ui;

import com.readingroom.access.Agencies;
import com.readingroom.access.Agency;
import com.readingroom.identity.People;
import com.readingroom.identity.Person;
import com.readingroom.identity.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Sign-in through an agency's OpenID Connect provider ({@code spring.security.oauth2.client.registration.<id>}, one
 * registration per agency): the provider vouches for an email address, and the person with that address <em>in the
 * agency of that registration</em> is signed in — one agency's provider can sign in none of another's people. The
 * roles are Reading Room's, never the token's; the person's account must be enabled and not locked.
 */
final class AgencySignIn extends OidcUserService {

    /**
     * @param oidc per registration id, the agency whose people its provider signs in ({@code agency}: its name; none:
     *     vendor staff)
     */
    @ConfigurationProperties("readingroom.sign-in")
    record Properties(@DefaultValue Map<String, Registration> oidc) {

        record Registration(String agency) {}
    }

    private final Properties properties;
    private final People people;
    private final Agencies agencies;

    AgencySignIn(Properties properties, People people, Agencies agencies) {
        this.properties = properties;
        this.people = people;
        this.agencies = agencies;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser vouched = super.loadUser(request);
        String registration = request.getClientRegistration().getRegistrationId();
        Properties.Registration configured = properties.oidc().get(registration);
        if (configured == null) {
            throw refused("This provider is not assigned to an agency (readingroom.sign-in.oidc." + registration + ")");
        }
        if (vouched.getEmail() == null || !Boolean.TRUE.equals(vouched.getEmailVerified())) {
            throw refused("The provider did not vouch for an email address");
        }
        Long agencyId = configured.agency() == null ? null : agencyId(configured.agency());
        Person person = people.findByEmail(vouched.getEmail())
                .filter(found -> java.util.Objects.equals(found.agencyId(), agencyId))
                .filter(Person::enabled)
                .orElseThrow(() -> refused("No enabled account of this agency has the address " + vouched.getEmail()));
        List<GrantedAuthority> roles = person.roles().stream()
                .map(Role::authority)
                .<GrantedAuthority>map(SimpleGrantedAuthority::new)
                .toList();
        return new ReadingRoomOidcUser(roles, vouched, person.username());
    }

    /** Looks the agency up as the sign-in itself, which no person's roles cover yet. */
    private Long agencyId(String name) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "system:sign-in", null, AuthorityUtils.createAuthorityList(Role.AUDITOR.authority())));
        SecurityContextHolder.setContext(system);
        try {
            Optional<Agency> agency = agencies.findByName(name);
            return agency.map(Agency::id)
                    .orElseThrow(() -> refused("The agency '" + name + "' of this provider does not exist"));
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static OAuth2AuthenticationException refused(String why) {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied", why, null), why);
    }

    /** The provider's user with Reading Room's roles and name: the session's principal, stored in the database. */
    static final class ReadingRoomOidcUser extends DefaultOidcUser {

        private final String username;

        ReadingRoomOidcUser(List<GrantedAuthority> roles, OidcUser vouched, String username) {
            super(roles, vouched.getIdToken(), vouched.getUserInfo());
            this.username = username;
        }

        @Override
        public String getName() {
            return username;
        }
    }
}
