package io.faceclock.odoo.sync;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Long sync work (pulls, pushes) on faceclock's own threads, never on the HTTP server's: a caller
 * either gets the job at once and polls it, or waits for its outcome. The latest jobs are kept so
 * a poll after the end still finds the result.
 */
public final class SyncJobs implements AutoCloseable {

    private static final int KEPT = 100;

    public enum State {
        RUNNING, SUCCEEDED, FAILED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One run: what it is, how far it got, and once finished its result or failure. */
    public static final class Job {
        private final String id;
        private final String kind;
        private final Instant startedAt;
        private final Progress progress;
        private final CompletableFuture<Object> outcome = new CompletableFuture<>();
        private volatile Instant finishedAt;

        Job(String id, String kind, Instant startedAt, Progress progress) {
            this.id = id;
            this.kind = kind;
            this.startedAt = startedAt;
            this.progress = progress;
        }

        public String id() {
            return id;
        }

        public String kind() {
            return kind;
        }

        public Instant startedAt() {
            return startedAt;
        }

        public Instant finishedAt() {
            return finishedAt;
        }

        public Progress progress() {
            return progress;
        }

        public State state() {
            if (!outcome.isDone()) {
                return State.RUNNING;
            }
            return outcome.isCompletedExceptionally() ? State.FAILED : State.SUCCEEDED;
        }

        /** The result once succeeded, else null. */
        public Object result() {
            return state() == State.SUCCEEDED ? outcome.join() : null;
        }

        /** Why it failed, once failed, else null. */
        public Throwable failure() {
            if (state() != State.FAILED) {
                return null;
            }
            try {
                outcome.get();
                return null;
            } catch (ExecutionException e) {
                return e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return e;
            }
        }
    }

    private final ExecutorService threads;
    private final Clock clock;
    private final Map<String, Job> jobs = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
            return size() > KEPT && eldest.getValue().state() != State.RUNNING;
        }
    };

    public SyncJobs(Clock clock) {
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "faceclock-sync-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the work and returns its job at once; the progress is watched (totals are counted). */
    public Job start(String kind, Function<Progress, ?> work) {
        return submit(kind, Progress.watched(), work);
    }

    /** Runs the work on a job thread and waits for it; its failure is thrown here, as it was thrown there. */
    @SuppressWarnings("unchecked")
    public <T> T run(String kind, Function<Progress, T> work) {
        Job job = submit(kind, Progress.unwatched(), work);
        try {
            return (T) job.outcome.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the " + kind, e);
        }
    }

    public Optional<Job> find(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    private Job submit(String kind, Progress progress, Function<Progress, ?> work) {
        Job job = new Job(UUID.randomUUID().toString(), kind, now(), progress);
        synchronized (jobs) {
            jobs.put(job.id, job);
        }
        threads.execute(() -> {
            try {
                Object result = work.apply(progress);
                job.finishedAt = now();
                job.outcome.complete(result);
            } catch (Throwable t) {
                job.finishedAt = now();
                job.outcome.completeExceptionally(t);
            }
        });
        return job;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
