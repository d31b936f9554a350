package com.readingroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in through an agency's OpenID Connect provider, against a provider run by this test (discovery, authorization,
 * token and key endpoints; RS256 ID tokens): the provider of NATO's agency signs in NATO's reviewer with Reading Room's
 * roles, and no one of another agency, and no one whose address it does not vouch for.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "readingroom.test.context=oidc")
@ActiveProfiles("test")
class OidcSignInTests {

    private static HttpServer provider;
    private static RSAKey key;
    private static volatile String email;
    private static volatile boolean verified;
    private static final Map<String, String> nonces = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void agencyProvider(DynamicPropertyRegistry registry) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID("test-key")
                .build();
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String issuer = "http://127.0.0.1:" + provider.getAddress().getPort();
        provider.createContext(
                "/.well-known/openid-configuration",
                exchange -> json(
                        exchange,
                        "{\"issuer\":\""
                                + issuer + "\",\"authorization_endpoint\":\"" + issuer
                                + "/authorize\",\"token_endpoint\":\"" + issuer
                                + "/token\",\"jwks_uri\":\"" + issuer
                                + "/jwks\",\"response_types_supported\":[\"code\"],"
                                + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
        provider.createContext("/jwks", exchange -> json(exchange, new JWKSet(key.toPublicJWK()).toString()));
        provider.createContext("/authorize", exchange -> {
            Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
            String code = UUID.randomUUID().toString();
            nonces.put(code, query.get("nonce"));
            exchange.getResponseHeaders()
                    .add(
                            "Location",
                            query.get("redirect_uri") + "?code=" + code + "&state="
                                    + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        provider.createContext("/token", exchange -> {
            Map<String, String> body =
                    form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                SignedJWT token = new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID("test-key")
                                .build(),
                        new JWTClaimsSet.Builder()
                                .issuer(issuer)
                                .subject("agency-user-" + email)
                                .audience("reading-room")
                                .issueTime(Date.from(Instant.now()))
                                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                                .claim("nonce", nonces.get(body.get("code")))
                                .claim("email", email)
                                .claim("email_verified", verified)
                                .build());
                token.sign(new RSASSASigner(key));
                json(
                        exchange,
                        "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                                + "\"scope\":\"openid email\",\"id_token\":\"" + token.serialize() + "\"}");
            } catch (com.nimbusds.jose.JOSEException e) {
                throw new IOException(e);
            }
        });
        provider.start();
        String registration = "spring.security.oauth2.client.registration.nato.";
        registry.add(registration + "client-id", () -> "reading-room");
        registry.add(registration + "client-secret", () -> "test-secret");
        registry.add(registration + "scope", () -> "openid,email");
        registry.add(registration + "client-name", () -> "NATO NCI Agency");
        registry.add("spring.security.oauth2.client.provider.nato.issuer-uri", () -> issuer);
        registry.add("readingroom.sign-in.oidc.nato.agency", () -> "NATO NCI Agency");
    }

    @AfterAll
    static void stopProvider() {
        provider.stop(0);
    }

    @Test
    void theAgencysProviderSignsInItsReviewerWithReadingRoomsRoles() throws Exception {
        long logins = count("LOGIN", "person nato.reviewer");
        HttpClient browser = browser();

        assertThat(signInThroughProvider(browser, "nato.reviewer@readingroom.example", true))
                .as("signed in, sent on")
                .doesNotContain("error");

        HttpResponse<String> start = get(browser(), "http://127.0.0.1:" + port + "/oauth2/authorization/nato");
        assertThat(start.headers().allValues("Set-Cookie"))
                .as("the session must come back with the provider's cross-site redirect")
                .anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=").contains("SameSite=Lax"));
        HttpResponse<String> products = get(browser, "http://127.0.0.1:" + port + "/products");
        assertThat(products.statusCode()).isEqualTo(200);
        assertThat(count("LOGIN", "person nato.reviewer")).isEqualTo(logins + 1);
    }

    @Test
    void itSignsInNobodyOfAnotherAgencyAndNobodyItDoesNotVouchFor() throws Exception {
        long failures =
                jdbc.queryForObject("select count(*) from audit_event where action = 'LOGIN_FAILED'", Long.class);
        assertThat(signInThroughProvider(browser(), "cyber.reviewer@readingroom.example", true))
                .as("another agency's reviewer")
                .endsWith("/login?error");
        assertThat(signInThroughProvider(browser(), "nato.reviewer@readingroom.example", false))
                .as("an address the provider does not vouch for")
                .endsWith("/login?error");
        HttpClient nobody = browser();
        signInThroughProvider(nobody, "nobody@nowhere.example", true);
        assertThat(get(nobody, "http://127.0.0.1:" + port + "/products").statusCode())
                .isEqualTo(302);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'LOGIN_FAILED'", Long.class))
                .as("each refused sign-in recorded")
                .isEqualTo(failures + 3);
    }

    /** Follows the redirects of a sign-in through the provider; where the app sends the browser at the end. */
    private String signInThroughProvider(HttpClient browser, String address, boolean vouched) throws Exception {
        email = address;
        verified = vouched;
        String next = "http://127.0.0.1:" + port + "/oauth2/authorization/nato";
        for (int hop = 0; hop < 3; hop++) {
            HttpResponse<String> answer = get(browser, next);
            assertThat(answer.statusCode()).as(next).isEqualTo(302);
            next = URI.create(next)
                    .resolve(answer.headers().firstValue("Location").orElseThrow())
                    .toString();
        }
        return next;
    }

    private long count(String action, String target) {
        return jdbc.queryForObject(
                "select count(*) from audit_event where action = ? and target = ?", Long.class, action, target);
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        for (String pair : List.of(encoded == null ? new String[0] : encoded.split("&"))) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
