package io.faceclock.face;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The in-memory 1:N index of templates made by one model. Embeddings sit in fixed blocks of
 * {@value #BLOCK} templates in plain float arrays (no per-template objects), so 100,000 128-d templates
 * take about 52 MB and a search is one linear pass. Inside a block the values are stored dimension by
 * dimension (all templates' first value, then all second values...), so scoring a block is a plain
 * multiply-add over arrays that the JIT vectorises. Templates of another model are refused by
 * {@link #add}, so they are never compared. Searches run in parallel; an add or remove waits for them
 * and is visible to every search that starts after it returns.
 */
public final class FaceGallery {

    static final int BLOCK = 1024;

    private final String modelId;
    private final int dimensions;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<float[]> blocks = new ArrayList<>();
    private long[] templateIds = new long[BLOCK];
    private long[] personKeys = new long[BLOCK];
    private final Map<Long, Integer> slotOf = new HashMap<>();
    private int size;
    /** Each template slot's person in a dense numbering, so {@link #score} can tally people in arrays. */
    private int[] personOfSlot = new int[BLOCK];
    private final People people = new People();

    public FaceGallery(String modelId, int dimensions) {
        this.modelId = modelId;
        this.dimensions = dimensions;
    }

    public String modelId() {
        return modelId;
    }

    public int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Adds or replaces (same templateId) a template.
     *
     * @return false, storing nothing, when the template was made by another model
     */
    public boolean add(Template t) {
        if (!modelId.equals(t.modelId())) {
            return false;
        }
        float[] unit = unit(t.embedding());
        lock.writeLock().lock();
        try {
            put(t.templateId(), t.personKey(), unit);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public boolean remove(long templateId) {
        lock.writeLock().lock();
        try {
            Integer slot = slotOf.get(templateId);
            if (slot == null) {
                return false;
            }
            removeSlot(slot);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** @return how many templates the person had */
    public int removePerson(long personKey) {
        lock.writeLock().lock();
        try {
            int removed = 0;
            for (int slot = size - 1; slot >= 0; slot--) {
                if (personKeys[slot] == personKey) {
                    removeSlot(slot);
                    removed++;
                }
            }
            return removed;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Swaps one person's templates for these (none: the person leaves the gallery) in one step, so no
     * search sees them half replaced; other models' templates are skipped.
     *
     * @return how many templates the person has now
     */
    public int replacePerson(long personKey, Collection<Template> templates) {
        List<Template> mine = templates.stream()
                .filter(t -> modelId.equals(t.modelId()) && t.personKey() == personKey).toList();
        List<float[]> units = mine.stream().map(t -> unit(t.embedding())).toList();
        lock.writeLock().lock();
        try {
            for (int slot = size - 1; slot >= 0; slot--) {
                if (personKeys[slot] == personKey) {
                    removeSlot(slot);
                }
            }
            for (int i = 0; i < mine.size(); i++) {
                put(mine.get(i).templateId(), personKey, units.get(i));
            }
            return mine.size();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Swaps in a whole new set (e.g. reloaded from the database); other models' templates are skipped. */
    public int replaceAll(Collection<Template> templates) {
        List<Template> mine = templates.stream().filter(t -> modelId.equals(t.modelId())).toList();
        List<float[]> units = mine.stream().map(t -> unit(t.embedding())).toList();
        lock.writeLock().lock();
        try {
            blocks.clear();
            slotOf.clear();
            size = 0;
            templateIds = new long[BLOCK];
            personKeys = new long[BLOCK];
            personOfSlot = new int[BLOCK];
            people.clear();
            for (int i = 0; i < mine.size(); i++) {
                put(mine.get(i).templateId(), mine.get(i).personKey(), units.get(i));
            }
            return size;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The {@code topK} best persons by their best template, most similar first. */
    public List<GalleryHit> search(float[] query, int topK) {
        float[] q = unit(query);
        float[] scores = new float[BLOCK];
        lock.readLock().lock();
        try {
            TopPersons top = new TopPersons(Math.max(1, topK));
            for (int b = 0; b * BLOCK < size; b++) {
                int count = Math.min(BLOCK, size - b * BLOCK);
                scoreBlock(blocks.get(b), q, count, scores);
                for (int i = 0; i < count; i++) {
                    if (scores[i] > top.floor()) {
                        int slot = b * BLOCK + i;
                        top.offer(personKeys[slot], templateIds[slot], scores[i]);
                    }
                }
            }
            return top.hits();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The {@code topK} best persons by their {@link PersonScoring} score over all their templates, most
     * similar first. Every template is scored, so the answer is exact whatever the scoring.
     */
    public List<PersonScore> score(float[] query, int topK, PersonScoring scoring) {
        float[] q = unit(query);
        float[] scores = new float[BLOCK];
        boolean mean = scoring == PersonScoring.MEAN;
        lock.readLock().lock();
        try {
            int n = people.slots();
            Tally t = TALLY.get().reset(n);
            float[] best = t.best, second = t.second, sum = t.sum;
            int[] bestSlot = t.bestSlot;
            for (int b = 0; b * BLOCK < size; b++) {
                int count = Math.min(BLOCK, size - b * BLOCK);
                scoreBlock(blocks.get(b), q, count, scores);
                int base = b * BLOCK;
                for (int i = 0; i < count; i++) {
                    int p = personOfSlot[base + i];
                    float s = scores[i];
                    if (mean) {
                        sum[p] += s;
                    }
                    if (s > second[p]) {
                        if (s > best[p]) {
                            second[p] = best[p];
                            best[p] = s;
                            bestSlot[p] = base + i;
                        } else {
                            second[p] = s;
                        }
                    }
                }
            }
            List<PersonScore> top = new ArrayList<>(topK + 1);
            for (int p = 0; p < n; p++) {
                int templates = people.templates(p);
                // every scoring is at most the best template, so most people are passed over unscored
                if (templates == 0 || (top.size() == topK && best[p] <= top.get(topK - 1).score())) {
                    continue;
                }
                double score = scoring.score(best[p], second[p], sum[p], templates);
                if (top.size() < topK || score > top.get(top.size() - 1).score()) {
                    int at = top.size();
                    while (at > 0 && top.get(at - 1).score() < score) {
                        at--;
                    }
                    top.add(at, new PersonScore(people.key(p), score, best[p], templateIds[bestSlot[p]], templates));
                    if (top.size() > topK) {
                        top.remove(top.size() - 1);
                    }
                }
            }
            return top;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Per-thread scratch arrays for {@link #score}, so a search over 100,000 people allocates nothing. */
    private static final ThreadLocal<Tally> TALLY = ThreadLocal.withInitial(Tally::new);

    private static final class Tally {
        float[] best = new float[0];
        float[] second = new float[0];
        float[] sum = new float[0];
        int[] bestSlot = new int[0];

        Tally reset(int n) {
            if (best.length < n) {
                best = new float[n];
                second = new float[n];
                sum = new float[n];
                bestSlot = new int[n];
            }
            Arrays.fill(best, 0, n, Float.NEGATIVE_INFINITY);
            Arrays.fill(second, 0, n, Float.NEGATIVE_INFINITY);
            Arrays.fill(sum, 0, n, 0f);
            return this;
        }
    }

    /** One dimension at a time over the whole block: a loop the JIT turns into SIMD. */
    private void scoreBlock(float[] block, float[] q, int count, float[] scores) {
        Arrays.fill(scores, 0f);
        for (int k = 0; k < dimensions; k++) {
            float qk = q[k];
            int base = k * BLOCK;
            for (int i = 0; i < count; i++) {
                scores[i] += qk * block[base + i];
            }
        }
    }

    private void put(long templateId, long personKey, float[] unit) {
        Integer existing = slotOf.get(templateId);
        if (existing != null) {
            people.release(personOfSlot[existing]);
        }
        int slot = existing != null ? existing : size++;
        if (slot / BLOCK == blocks.size()) {
            blocks.add(new float[BLOCK * dimensions]);
        }
        if (slot == templateIds.length) {
            templateIds = Arrays.copyOf(templateIds, slot * 2);
            personKeys = Arrays.copyOf(personKeys, slot * 2);
            personOfSlot = Arrays.copyOf(personOfSlot, slot * 2);
        }
        float[] block = blocks.get(slot / BLOCK);
        for (int k = 0; k < dimensions; k++) {
            block[k * BLOCK + slot % BLOCK] = unit[k];
        }
        templateIds[slot] = templateId;
        personKeys[slot] = personKey;
        personOfSlot[slot] = people.acquire(personKey);
        slotOf.put(templateId, slot);
    }

    /** Moves the last template into the hole so the storage stays dense. */
    private void removeSlot(int slot) {
        int last = size - 1;
        slotOf.remove(templateIds[slot]);
        people.release(personOfSlot[slot]);
        if (slot != last) {
            float[] from = blocks.get(last / BLOCK);
            float[] to = blocks.get(slot / BLOCK);
            for (int k = 0; k < dimensions; k++) {
                to[k * BLOCK + slot % BLOCK] = from[k * BLOCK + last % BLOCK];
            }
            templateIds[slot] = templateIds[last];
            personKeys[slot] = personKeys[last];
            personOfSlot[slot] = personOfSlot[last];
            slotOf.put(templateIds[slot], slot);
        }
        size = last;
        if (size % BLOCK == 0 && blocks.size() > size / BLOCK) {
            blocks.remove(blocks.size() - 1);
        }
    }

    private float[] unit(float[] embedding) {
        if (embedding.length != dimensions) {
            throw new IllegalArgumentException("embedding has " + embedding.length + " values, gallery of "
                    + modelId + " needs " + dimensions);
        }
        return Vectors.normalize(embedding.clone());
    }
}
