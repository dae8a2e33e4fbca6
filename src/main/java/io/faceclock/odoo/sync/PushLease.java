package io.faceclock.odoo.sync;

import io.faceclock.cluster.Node;
import io.faceclock.store.LeaseStore;
import io.faceclock.store.LeaseStore.Lease;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push lease: processes sharing a database (service, command line, cluster nodes) push to Odoo
 * one at a time, so two never create the same record. The holder renews it every third of the
 * ttl while it works; a holder that falls silent for the ttl (killed, frozen, cut off) is taken
 * over; and a process clears at start what a dead process of its own node left behind.
 */
public final class PushLease implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PushLease.class);
    static final String NAME = "odoo.push";
    /** Holders alive in this JVM: a second service in one JVM shares the pid but not the holder. */
    private static final Set<String> LIVE = ConcurrentHashMap.newKeySet();

    private final LeaseStore store;
    private final Node node;
    private final Clock clock;
    private final Duration ttl;
    private final String holder;
    private final ScheduledExecutorService renewer;

    public PushLease(LeaseStore store, Node node, Clock clock, Duration ttl) {
        this.store = store;
        this.node = node;
        this.clock = clock;
        this.ttl = ttl;
        this.holder = node.id() + "/" + node.pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "faceclock-push-lease");
            t.setDaemon(true);
            return t;
        });
        LIVE.add(holder);
    }

    public Duration ttl() {
        return ttl;
    }

    /** This node's id (faceclock.node.id). */
    String nodeId() {
        return node.id();
    }

    /** This process's name on leases and outbox claims: node id, pid and a random part. */
    String holder() {
        return holder;
    }

    /** Runs the renewal every third of the ttl until cancelled. */
    ScheduledFuture<?> renewEvery(Runnable renewal) {
        long every = Math.max(100, ttl.toMillis() / 3);
        return renewer.scheduleAtFixedRate(renewal, every, every, TimeUnit.MILLISECONDS);
    }

    /** Whether a holder named by this class belongs to this node and its process is gone. */
    boolean deadHolderOfThisNode(String name) {
        String[] parts = name.split("/");
        if (parts.length != 3 || !parts[0].equals(node.id()) || LIVE.contains(name)) {
            return false;
        }
        try {
            long pid = Long.parseLong(parts[1]);
            return pid == node.pid() || !Node.alive(pid);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Takes the lease if it is free, stale or ours; it is renewed until the returned hold is closed. */
    public Optional<Hold> tryTake() {
        Optional<Lease> before = store.current(NAME);
        Optional<Lease> taken = store.tryTake(NAME, holder, node.id(), node.pid(), clock.instant(), ttl);
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        before.filter(b -> !b.holder().equals(holder)).ifPresent(b -> LOG.warn(
                "Took over the Odoo push lease of {} (held since {}, silent since {})", b.holder(), b.since(),
                b.renewedAt()));
        return Optional.of(new Hold());
    }

    public Optional<Lease> current() {
        return store.current(NAME);
    }

    /** Whether the lease as read would be taken over now. */
    public boolean stale(Lease lease) {
        return lease.renewedAt().plus(ttl).isBefore(clock.instant());
    }

    /** At start: what a dead process of this node (or a previous run with our pid, as in a container) left. */
    public List<Lease> clearOwnStale() {
        List<Lease> cleared = store.clearStale(node.id(), l -> deadHolderOfThisNode(l.holder()));
        cleared.forEach(l -> LOG.warn("Cleared the Odoo push lease left by {} (held since {}): that process is gone",
                l.holder(), l.since()));
        return cleared;
    }

    /** Stops renewing and forgets this holder (the process shuts down). */
    @Override
    public void close() {
        renewer.shutdownNow();
        LIVE.remove(holder);
    }

    /** The lease while held: renewed in the background, released on close. */
    public final class Hold implements AutoCloseable {

        private final ScheduledFuture<?> renewal;
        private volatile boolean lost;

        private Hold() {
            renewal = renewEvery(this::renew);
        }

        private void renew() {
            try {
                if (!lost && !store.renew(NAME, holder, clock.instant())) {
                    lost = true;
                    LOG.warn("The Odoo push lease of {} was taken over while it worked (no renewal for {})", holder,
                            ttl);
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not renew the Odoo push lease: {}", e.getMessage());
            }
        }

        @Override
        public void close() {
            renewal.cancel(false);
            try {
                store.release(NAME, holder);
            } catch (RuntimeException e) {
                // the database went away: the lease falls free after the ttl
                LOG.warn("Could not release the Odoo push lease: {}", e.getMessage());
            }
        }
    }
}
