package com.readingroom.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.springframework.stereotype.Component;

/**
 * Named locks that hold across every node on the database (ShedLock's table): work that must be done by one node at a
 * time — signing a checkpoint, loading the demo installation — runs while holding one. A node that dies holding a
 * lock loses it after the lock's longest time. Scheduled jobs use ShedLock's {@code @SchedulerLock} directly.
 */
@Component
public class ClusterLocks {

    private static final Duration POLL = Duration.ofMillis(50);

    private final LockProvider provider;

    ClusterLocks(LockProvider provider) {
        this.provider = provider;
    }

    /**
     * Runs the work while holding the lock, waiting for it as long as {@code wait}.
     *
     * @param atMost how long the lock holds if this node dies during the work (the work must take less)
     * @throws ClusterLockUnavailableException when another node held it all that time
     */
    public <T> T whileHolding(String name, Duration atMost, Duration wait, Supplier<T> work) {
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            Optional<SimpleLock> lock =
                    provider.lock(new LockConfiguration(Instant.now(), name, atMost, Duration.ZERO));
            if (lock.isPresent()) {
                try {
                    return work.get();
                } finally {
                    lock.get().unlock();
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new ClusterLockUnavailableException(name, wait);
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClusterLockUnavailableException(name, wait);
            }
        }
    }

    /**
     * Runs the work if no node holds the lock now; else does nothing (another node is doing it).
     *
     * @return whether the work ran
     */
    public boolean ifFree(String name, Duration atMost, Runnable work) {
        Optional<SimpleLock> lock = provider.lock(new LockConfiguration(Instant.now(), name, atMost, Duration.ZERO));
        if (lock.isEmpty()) {
            return false;
        }
        try {
            work.run();
            return true;
        } finally {
            lock.get().unlock();
        }
    }

    /** Another node held the lock for longer than the caller would wait. */
    public static final class ClusterLockUnavailableException extends IllegalStateException {

        ClusterLockUnavailableException(String name, Duration wait) {
            super("Another node held the lock '" + name + "' for more than " + wait.toSeconds() + " s");
        }
    }
}
