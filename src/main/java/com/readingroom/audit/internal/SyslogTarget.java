package com.readingroom.audit.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends each item as one RFC 5424 message over TCP in octet-counted frames (RFC 6587), over TLS (RFC 5425) unless the
 * receiver is on this machine: facility 13 (log audit), severity notice, warning for refusals and failed sign-ins,
 * informational for checkpoints; message id {@code AUDIT} or {@code CHECKPOINT}, the sequence number as structured
 * data, the item's JSON as the message. A batch counts as delivered once it was written and the connection closed
 * cleanly (syslog over TCP acknowledges nothing more).
 */
final class SyslogTarget implements StreamTarget {

    private static final int FACILITY_LOG_AUDIT = 13;
    private static final Set<String> WARNINGS = Set.of("ACCESS_DENIED", "LOGIN_FAILED", "RATE_LIMITED");
    private static final Set<String> THIS_MACHINE = Set.of("localhost", "127.0.0.1", "::1");

    private final String host;
    private final int port;
    private final String hostname;
    private final Clock clock;

    SyslogTarget(String host, int port, String hostname, Clock clock) {
        this.host = host;
        this.port = port;
        this.hostname = hostname;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "syslog " + host + ":" + port;
    }

    @Override
    public void deliver(List<StreamItem> items) throws IOException {
        try (Socket socket = open();
                OutputStream out = socket.getOutputStream()) {
            for (StreamItem item : items) {
                byte[] message = message(item).getBytes(StandardCharsets.UTF_8);
                out.write((message.length + " ").getBytes(StandardCharsets.US_ASCII));
                out.write(message);
            }
            out.flush();
        }
    }

    private Socket open() throws IOException {
        if (THIS_MACHINE.contains(host)) {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), 5_000);
            return socket;
        }
        Socket socket = SSLSocketFactory.getDefault().createSocket();
        socket.connect(new InetSocketAddress(host, port), 5_000);
        return socket;
    }

    String message(StreamItem item) {
        int severity = item.kind() == StreamItem.Kind.CHECKPOINT ? 6 : WARNINGS.contains(item.action()) ? 4 : 5;
        String id = item.kind() == StreamItem.Kind.CHECKPOINT ? "CHECKPOINT" : "AUDIT";
        return "<" + (FACILITY_LOG_AUDIT * 8 + severity) + ">1 "
                + DateTimeFormatter.ISO_INSTANT.format(clock.instant()) + " " + hostname + " reading-room - " + id
                + " [readingroom@32473 seq=\"" + item.seq() + "\"] " + item.json();
    }
}
