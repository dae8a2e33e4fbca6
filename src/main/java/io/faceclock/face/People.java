package io.faceclock.face;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The gallery's persons numbered densely from 0, with how many templates each has; a number whose
 * person lost their last template is given to the next new person. Not thread-safe: the gallery's
 * lock guards it.
 */
final class People {

    private final Map<Long, Integer> numberOf = new HashMap<>();
    private final Deque<Integer> free = new ArrayDeque<>();
    private long[] keys = new long[64];
    private int[] templates = new int[64];
    private int slots;

    /** Counts one more template for the person and returns their number. */
    int acquire(long personKey) {
        Integer n = numberOf.get(personKey);
        if (n == null) {
            n = free.isEmpty() ? slots++ : free.pop();
            if (n == keys.length) {
                keys = Arrays.copyOf(keys, n * 2);
                templates = Arrays.copyOf(templates, n * 2);
            }
            keys[n] = personKey;
            numberOf.put(personKey, n);
        }
        templates[n]++;
        return n;
    }

    /** Counts one template less for the person with this number. */
    void release(int n) {
        if (--templates[n] == 0) {
            numberOf.remove(keys[n]);
            free.push(n);
        }
    }

    /** Numbers in use are below this. */
    int slots() {
        return slots;
    }

    int templates(int n) {
        return templates[n];
    }

    long key(int n) {
        return keys[n];
    }

    void clear() {
        numberOf.clear();
        free.clear();
        Arrays.fill(templates, 0);
        slots = 0;
    }
}
