package com.readingroom.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Browser sessions in the database (Spring Session JDBC), so that every node knows who is signed in and a sign-out, an
 * ended or an expired session holds on all nodes; but Vaadin's UI state stays in the memory of the node that built it.
 * Vaadin keeps live component trees and its session lock in the session: stored and loaded again for every request
 * they would no longer be the objects the UI runs on. So only Spring's attributes (the security context, a saved
 * request, the mark of a session ended by {@link OpenSessions}) go to the database; every other attribute stays on
 * this node, under the session's id. A request that lands on another node finds the person signed in, and Vaadin
 * builds the UI there anew, as after a restart; a load balancer keeps a browser on one node otherwise.
 */
final class NodeLocalSessions implements FindByIndexNameSessionRepository<NodeLocalSessions.NodeSession> {

    private final FindByIndexNameSessionRepository<Session> shared;
    private final Map<String, Map<String, Object>> local = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    NodeLocalSessions(FindByIndexNameSessionRepository<? extends Session> shared) {
        // Every session this repository hands to the shared one came from it: the cast only widens the parameter.
        this.shared = (FindByIndexNameSessionRepository<Session>) shared;
    }

    /** Whether an attribute is stored in the database; the rest is this node's. */
    static boolean isShared(String name) {
        return name.startsWith("SPRING_SECURITY_") || name.startsWith("org.springframework.");
    }

    @Override
    public NodeSession createSession() {
        return new NodeSession(shared.createSession());
    }

    @Override
    public void save(NodeSession session) {
        shared.save(session.stored);
    }

    @Override
    public NodeSession findById(String id) {
        Session stored = shared.findById(id);
        if (stored == null) {
            local.remove(id);
            return null;
        }
        return new NodeSession(stored);
    }

    @Override
    public void deleteById(String id) {
        shared.deleteById(id);
        local.remove(id);
    }

    @Override
    public Map<String, NodeSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, NodeSession> found = new LinkedHashMap<>();
        shared.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, stored) -> found.put(id, new NodeSession(stored)));
        return found;
    }

    /** Forgets the UI state of sessions that ended elsewhere (signed out on another node, expired, ended). */
    int forgetEnded() {
        int forgotten = 0;
        for (String id : Set.copyOf(local.keySet())) {
            if (shared.findById(id) == null) {
                local.remove(id);
                forgotten++;
            }
        }
        return forgotten;
    }

    /** How many sessions have UI state on this node. */
    int localSessions() {
        return local.size();
    }

    /** A stored session, with this node's attributes of it. */
    final class NodeSession implements Session {

        private final Session stored;

        private NodeSession(Session stored) {
            this.stored = stored;
        }

        private Map<String, Object> attributes() {
            return local.computeIfAbsent(stored.getId(), id -> new ConcurrentHashMap<>());
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            String old = stored.getId();
            String changed = stored.changeSessionId();
            Map<String, Object> attributes = local.remove(old);
            if (attributes != null) {
                local.put(changed, attributes);
            }
            return changed;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getAttribute(String name) {
            if (isShared(name)) {
                return stored.getAttribute(name);
            }
            Map<String, Object> attributes = local.get(stored.getId());
            return attributes == null ? null : (T) attributes.get(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            Set<String> names = new HashSet<>(stored.getAttributeNames());
            Map<String, Object> attributes = local.get(stored.getId());
            if (attributes != null) {
                names.addAll(attributes.keySet());
            }
            return names;
        }

        @Override
        public void setAttribute(String name, Object value) {
            if (isShared(name)) {
                stored.setAttribute(name, value);
            } else if (value == null) {
                removeAttribute(name);
            } else {
                attributes().put(name, value);
            }
        }

        @Override
        public void removeAttribute(String name) {
            if (isShared(name)) {
                stored.removeAttribute(name);
            } else {
                Map<String, Object> attributes = local.get(stored.getId());
                if (attributes != null) {
                    attributes.remove(name);
                }
            }
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            stored.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
