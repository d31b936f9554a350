package com.readingroom.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.readingroom.identity.ClientCertificates;
import com.readingroom.source.SourceFixture;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in with an agency smart card's certificate, over real TLS with a throwaway certificate authority made here
 * with the JDK's keytool: the agency's CA, the server's certificate, a reviewer's card, a card of a subject nobody
 * has, and a card with the reviewer's name from a CA the server does not trust.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "readingroom.test.context=client-certificates")
@ActiveProfiles("test")
class ClientCertificateTests {

    private static final String PASSWORD = "throwaway";
    private static final String ANNA = "CN=Anna Verbeek, OU=Reviewers, O=NATO NCI Agency, C=BE";
    private static Path pki;

    @LocalServerPort
    int port;

    @Autowired
    ClientCertificates certificates;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry registry) throws Exception {
        pki = Files.createTempDirectory(Path.of("target"), "pki-").toAbsolutePath();
        authority("ca", "CN=Throwaway Agency CA, O=NATO NCI Agency, C=BE");
        authority("rogue", "CN=Rogue CA");
        signed("server", "CN=localhost", "ca", "san=dns:localhost,ip:127.0.0.1", "eku=serverAuth");
        signed("anna", ANNA, "ca", "eku=clientAuth");
        signed("stranger", "CN=Nobody Known, O=NATO NCI Agency, C=BE", "ca", "eku=clientAuth");
        signed("forged", ANNA, "rogue", "eku=clientAuth");
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "ca",
                "-file",
                pki.resolve("ca.pem").toString(),
                "-keystore",
                pki.resolve("trust.p12").toString(),
                "-storepass",
                PASSWORD);
        registry.add("server.ssl.enabled", () -> "true");
        registry.add("server.ssl.key-store", () -> pki.resolve("server.p12").toString());
        registry.add("server.ssl.key-store-password", () -> PASSWORD);
        registry.add("server.ssl.key-alias", () -> "server");
        registry.add("server.ssl.client-auth", () -> "want");
        registry.add("server.ssl.trust-store", () -> pki.resolve("trust.p12").toString());
        registry.add("server.ssl.trust-store-password", () -> PASSWORD);
    }

    @Test
    void aTrustedCardSignsInItsPersonWithTheRolesReadingRoomGives() throws Exception {
        SourceFixture.asManager(() -> {
            certificates.assign("nato.reviewer", ANNA);
            return null;
        });
        long logins = events("LOGIN", "person nato.reviewer");

        HttpResponse<String> page = get(client("anna"), "/products");

        assertThat(page.statusCode())
                .as("signed in: no way to the sign-in page")
                .isEqualTo(200);
        assertThat(events("LOGIN", "person nato.reviewer")).isEqualTo(logins + 1);
    }

    @Test
    void aCardNobodyHasAndNoCardAtAllGetTheSignInPage() throws Exception {
        long failures = events("LOGIN_FAILED", null);
        assertThat(signInRedirect(get(client("stranger"), "/products"))).isTrue();
        assertThat(events("LOGIN_FAILED", null)).as("recorded").isGreaterThan(failures);
        assertThat(signInRedirect(get(client(null), "/products"))).isTrue();
    }

    @Test
    void aCardFromACertificateAuthorityTheServerDoesNotTrustSignsNobodyIn() throws Exception {
        HttpClient forged = client("forged");
        try {
            assertThat(signInRedirect(get(forged, "/products"))).isTrue();
        } catch (IOException refusedByTls) {
            assertThat(refusedByTls).isInstanceOf(javax.net.ssl.SSLException.class);
        }
    }

    @Test
    void anAssignmentNeedsAnX500NameAndAProgramManager() {
        assertThatThrownBy(() -> SourceFixture.asManager(() -> {
                    certificates.assign("cyber.reviewer", "not a name, really =");
                    return null;
                }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("X.500");
        assertThatThrownBy(() -> certificates.assign("cyber.reviewer", ANNA))
                .isInstanceOf(
                        org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
    }

    private static boolean signInRedirect(HttpResponse<String> answer) {
        return answer.statusCode() == 302
                && answer.headers().firstValue("Location").orElse("").endsWith("/login");
    }

    private long events(String action, String target) {
        return target == null
                ? jdbc.queryForObject("select count(*) from audit_event where action = ?", Long.class, action)
                : jdbc.queryForObject(
                        "select count(*) from audit_event where action = ? and target = ?", Long.class, action, target);
    }

    private HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A browser with the card (or none) that trusts the agency's CA for the server's certificate. */
    private static HttpClient client(String card) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load("trust.p12"));
        SSLContext tls = SSLContext.getInstance("TLS");
        KeyManagerFactory keys = null;
        if (card != null) {
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(card + ".p12"), PASSWORD.toCharArray());
        }
        tls.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return HttpClient.newBuilder()
                .sslContext(tls)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private static KeyStore load(String file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pki.resolve(file))) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static void authority(String name, String subject) throws Exception {
        keyPair(name, subject, pki.resolve(name + "-ca.p12").toString(), "-ext", "bc:c");
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                name,
                "-keystore",
                pki.resolve(name + "-ca.p12").toString(),
                "-storepass",
                PASSWORD,
                "-file",
                pki.resolve(name + ".pem").toString());
    }

    /** A key pair in {@code <name>.p12} with a certificate for the subject signed by the authority. */
    private static void signed(String name, String subject, String authority, String... extensions) throws Exception {
        String store = pki.resolve(name + ".p12").toString();
        keyPair(name, subject, store);
        keytool(
                "-certreq",
                "-alias",
                name,
                "-keystore",
                store,
                "-storepass",
                PASSWORD,
                "-file",
                pki.resolve(name + ".csr").toString());
        List<String> sign = new ArrayList<>(List.of(
                "-gencert",
                "-rfc",
                "-alias",
                authority,
                "-keystore",
                pki.resolve(authority + "-ca.p12").toString(),
                "-storepass",
                PASSWORD,
                "-validity",
                "2",
                "-infile",
                pki.resolve(name + ".csr").toString(),
                "-outfile",
                pki.resolve(name + ".pem").toString()));
        for (String extension : extensions) {
            sign.add("-ext");
            sign.add(extension);
        }
        keytool(sign.toArray(String[]::new));
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                authority + "-ca",
                "-file",
                pki.resolve(authority + ".pem").toString(),
                "-keystore",
                store,
                "-storepass",
                PASSWORD);
        keytool(
                "-importcert",
                "-alias",
                name,
                "-file",
                pki.resolve(name + ".pem").toString(),
                "-keystore",
                store,
                "-storepass",
                PASSWORD);
    }

    /** An EC key pair with a self-signed certificate valid two days, in a PKCS #12 store. */
    private static void keyPair(String alias, String subject, String store, String... extra) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(
                "-genkeypair",
                "-alias",
                alias,
                "-dname",
                subject,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-keystore",
                store,
                "-storepass",
                PASSWORD));
        arguments.addAll(List.of(extra));
        keytool(arguments.toArray(String[]::new));
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed: " + output);
        }
    }
}
