package io.faceclock.odoo.sync;

import io.faceclock.store.SyncStore;
import io.faceclock.store.SyncStore.OutboxRow;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outbox rows claimed by the process sending them, so every node can drain the outbox without two
 * sending one row: claims last the push lease's ttl, are renewed while the sender works, and fall
 * free when it dies. The push's adopt-by-check-in rule stays the last line of defence.
 */
final class OutboxClaims {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxClaims.class);

    private final SyncStore store;
    private final PushLease lease;
    private final Clock clock;

    OutboxClaims(SyncStore store, PushLease lease, Clock clock) {
        this.store = store;
        this.lease = lease;
        this.clock = clock;
    }

    /** Up to limit due rows, now ours until the returned claim is closed. */
    Claim claimDue(int limit) {
        Instant now = clock.instant();
        return new Claim(store.claimDue(lease.holder(), now, now.plus(lease.ttl()), limit), Set.of());
    }

    /** The rows of these attendances; those another live sender holds are in {@link Claim#busy()}. */
    Claim claimFor(List<Long> attendanceIds) {
        Instant now = clock.instant();
        return new Claim(List.of(), store.claimFor(lease.holder(), attendanceIds, now, now.plus(lease.ttl())));
    }

    /** At start: claims a dead process of this node left (they would fall free after the ttl anyway). */
    void clearOwnStale() {
        store.claimsByHolder().keySet().stream().filter(lease::deadHolderOfThisNode).forEach(h -> {
            LOG.warn("Released the outbox rows claimed by {}: that process is gone", h);
            store.releaseClaims(h);
        });
    }

    /** Claimed rows, renewed in the background until closed; closing releases whatever is still claimed. */
    final class Claim implements AutoCloseable {
        private final List<OutboxRow> rows;
        private final Set<Long> busy;
        private final ScheduledFuture<?> renewal;

        private Claim(List<OutboxRow> rows, Set<Long> busy) {
            this.rows = rows;
            this.busy = busy;
            this.renewal = lease.renewEvery(this::renew);
        }

        List<OutboxRow> rows() {
            return rows;
        }

        /** Attendances another live sender has claimed. */
        Set<Long> busy() {
            return busy;
        }

        private void renew() {
            try {
                store.renewClaims(lease.holder(), clock.instant().plus(lease.ttl()));
            } catch (RuntimeException e) {
                LOG.warn("Could not renew the outbox claims: {}", e.getMessage());
            }
        }

        @Override
        public void close() {
            renewal.cancel(false);
            try {
                store.releaseClaims(lease.holder());
            } catch (RuntimeException e) {
                // the database went away: the claims fall free after the ttl
                LOG.warn("Could not release the outbox claims: {}", e.getMessage());
            }
        }
    }
}
