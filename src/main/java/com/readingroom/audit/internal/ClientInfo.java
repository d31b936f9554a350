package com.readingroom.audit.internal;

import com.readingroom.identity.MachinePrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is on the other end of the request being audited: the client's address and the session (for an approved tool,
 * its token's id). The session id is
 * recorded as a SHA-256 fingerprint (first 16 hex characters): enough to tie a person's views together in the log, of
 * no use to someone who reads an export and would like to ride the session.
 */
record ClientInfo(String address, String session) {

    static ClientInfo current() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return new ClientInfo(null, null);
        }
        HttpServletRequest request = attributes.getRequest();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof MachinePrincipal machine) {
            // An approved tool has no session: its token (by id, never the secret) ties its calls together.
            return new ClientInfo(request.getRemoteAddr(), "token " + machine.tokenId());
        }
        HttpSession session = request.getSession(false);
        return new ClientInfo(request.getRemoteAddr(), session == null ? null : fingerprint(session.getId()));
    }

    private static String fingerprint(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }
}
