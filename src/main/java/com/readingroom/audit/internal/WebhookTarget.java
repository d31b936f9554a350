package com.readingroom.audit.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs each batch as NDJSON ({@code application/x-ndjson}, one {@link StreamItem#json()} per line) to an HTTPS
 * endpoint; any 2xx answer acknowledges the batch. With a shared secret the body is signed (HMAC-SHA256) so that the
 * receiver knows it came from this log.
 */
final class WebhookTarget implements StreamTarget {

    private static final Set<String> THIS_MACHINE = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final URI url;
    private final byte[] secret;
    private final String origin;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @throws AuditStreamMisconfiguredException for a URL that is not HTTPS (plain HTTP only to this machine) */
    WebhookTarget(URI url, String secret, String origin) {
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        boolean local = "http".equalsIgnoreCase(url.getScheme()) && THIS_MACHINE.contains(url.getHost());
        if (!https && !local) {
            throw new AuditStreamMisconfiguredException("readingroom.audit.stream.webhook must be an https:// URL"
                    + " (plain http only to this machine), not " + safe(url));
        }
        this.url = url;
        this.secret = secret == null || secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
        this.origin = origin;
    }

    @Override
    public String name() {
        return "webhook " + safe(url);
    }

    /** The URL without what may carry a credential (user info, query). */
    private static String safe(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getPath() == null ? "" : url.getPath());
    }

    @Override
    public void deliver(List<StreamItem> items) throws IOException {
        String body = items.stream().map(StreamItem::json).collect(Collectors.joining("\n", "", "\n"));
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-ndjson")
                .header("X-ReadingRoom-Log", origin)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (secret != null) {
            request.header("X-ReadingRoom-Signature", "sha256=" + hmac(body));
        }
        HttpResponse<Void> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (answer.statusCode() / 100 != 2) {
            throw new IOException("the webhook answered " + answer.statusCode());
        }
    }

    private String hmac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform provides HmacSHA256", e);
        }
    }
}
