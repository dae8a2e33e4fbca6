package io.faceclock.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class FaceGalleryTest {

    private static final String MODEL = "mobilefacenet_128@b7120c09";
    private final Random random = new Random(7);

    @Test
    void searchReturnsEachPersonsBestTemplateLikeABruteForceScan() {
        FaceGallery gallery = new FaceGallery(MODEL, 128);
        List<Template> all = new ArrayList<>();
        for (int i = 0; i < 3000; i++) { // crosses block boundaries
            Template t = new Template(i, i % 700, MODEL, unit());
            all.add(t);
            assertTrue(gallery.add(t));
        }
        for (int q = 0; q < 20; q++) {
            float[] query = unit();
            Map<Long, GalleryHit> best = new HashMap<>();
            for (Template t : all) {
                double s = Vectors.cosine(query, t.embedding());
                best.merge(t.personKey(), new GalleryHit(t.personKey(), t.templateId(), s),
                        (a, b) -> a.similarity() >= b.similarity() ? a : b);
            }
            List<GalleryHit> expected = best.values().stream()
                    .sorted(Comparator.comparingDouble(GalleryHit::similarity).reversed()).limit(5).toList();

            List<GalleryHit> hits = gallery.search(query, 5);

            assertEquals(5, hits.size());
            for (int k = 0; k < 5; k++) {
                assertEquals(expected.get(k).personKey(), hits.get(k).personKey());
                assertEquals(expected.get(k).templateId(), hits.get(k).templateId());
                assertEquals(expected.get(k).similarity(), hits.get(k).similarity(), 1e-5);
            }
        }
    }

    @Test
    void peopleAreScoredFromAllTheirTemplatesLikeABruteForceScan() {
        FaceGallery gallery = new FaceGallery(MODEL, 128);
        List<Template> all = new ArrayList<>();
        for (int i = 0; i < 2500; i++) { // 1 to 4 templates per person, across block boundaries
            Template t = new Template(i, (i * 7) % 900, MODEL, unit());
            all.add(t);
            gallery.add(t);
        }
        for (int i = 0; i < 300; i++) { // some people lose templates, some lose all of them
            gallery.remove(all.get(i * 5).templateId());
        }
        List<Template> left = new ArrayList<>(all);
        for (int i = 0; i < 300; i++) {
            left.remove(all.get(i * 5));
        }
        for (PersonScoring scoring : PersonScoring.values()) {
            float[] query = unit();
            Map<Long, List<Double>> sims = new HashMap<>();
            for (Template t : left) {
                sims.computeIfAbsent(t.personKey(), k -> new ArrayList<>()).add(Vectors.cosine(query, t.embedding()));
            }
            List<Map.Entry<Long, Double>> expected = sims.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), scoring.score(e.getValue().stream().mapToDouble(d -> d).toArray())))
                    .sorted(Map.Entry.<Long, Double>comparingByValue().reversed()).limit(5).toList();

            List<PersonScore> got = gallery.score(query, 5, scoring);

            assertEquals(5, got.size());
            for (int k = 0; k < 5; k++) {
                assertEquals(expected.get(k).getKey(), got.get(k).personKey(), scoring + " rank " + k);
                assertEquals(expected.get(k).getValue(), got.get(k).score(), 1e-5);
                assertEquals(sims.get(got.get(k).personKey()).size(), got.get(k).templates());
            }
        }
    }

    @Test
    void aRemovedTemplateOrPersonIsGoneFromTheNextSearch() {
        FaceGallery gallery = new FaceGallery(MODEL, 128);
        List<Template> all = new ArrayList<>();
        for (int i = 0; i < 2100; i++) {
            all.add(new Template(i, i / 2, MODEL, unit()));
            gallery.add(all.get(i));
        }
        Template target = all.get(1500);
        assertEquals(target.templateId(), gallery.search(target.embedding(), 1).get(0).templateId());

        assertTrue(gallery.remove(target.templateId()));
        assertFalse(gallery.remove(target.templateId()));
        assertEquals(List.of(1501L), gallery.search(target.embedding(), 2000).stream()
                .filter(h -> h.personKey() == 750).map(GalleryHit::templateId).toList(),
                "person 750 is found only by their other template");

        assertEquals(1, gallery.removePerson(750));
        assertTrue(gallery.search(all.get(1501).embedding(), 3).stream().noneMatch(h -> h.personKey() == 750));
        assertEquals(2098, gallery.size());
        // the template moved into the freed slots is still found
        Template last = all.get(2099);
        assertEquals(last.templateId(), gallery.search(last.embedding(), 1).get(0).templateId());
    }

    @Test
    void templatesOfAnotherModelAreNeverCompared() {
        FaceGallery gallery = new FaceGallery(MODEL, 128);
        float[] v = unit();
        assertFalse(gallery.add(new Template(1, 1, "sface_128@0123abcd", v)));
        gallery.add(new Template(2, 2, MODEL, unit()));

        assertEquals(2, gallery.search(v, 5).get(0).personKey());
        assertEquals(1, gallery.size());
        assertEquals(1, gallery.replaceAll(List.of(new Template(3, 3, "sface_128@0123abcd", v),
                new Template(4, 4, MODEL, unit()))));
        assertEquals(List.of(4L), gallery.search(v, 5).stream().map(GalleryHit::personKey).toList());
    }

    @Test
    void concurrentAddsAndSearchesStayConsistentAndAddsAreVisible() throws Exception {
        FaceGallery gallery = new FaceGallery(MODEL, 128);
        for (int i = 0; i < 5000; i++) {
            gallery.add(new Template(i, i / 5, MODEL, unit()));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        CountDownLatch started = new CountDownLatch(2);
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            Random own = new Random(r);
            readers.add(new Thread(() -> {
                started.countDown();
                while (writing.get()) {
                    for (GalleryHit h : gallery.search(unit(own), 10)) {
                        if (h.personKey() != h.templateId() / 5) { // ids are built so the person is derivable
                            problems.add("template " + h.templateId() + " reported for person " + h.personKey());
                        }
                    }
                }
            }));
        }
        readers.forEach(Thread::start);
        started.await();
        for (int i = 5000; i < 6000; i++) {
            float[] v = unit();
            gallery.add(new Template(i, i / 5, MODEL, v));
            GalleryHit top = gallery.search(v, 1).get(0);
            if (top.templateId() != i) {
                problems.add("template " + i + " not visible right after add");
            }
            gallery.remove(i - 5000);
            if (gallery.search(v, 1).get(0).templateId() != i) {
                problems.add("remove broke template " + i);
            }
        }
        writing.set(false);
        for (Thread t : readers) {
            t.join();
        }
        assertEquals(List.of(), List.copyOf(problems));
        assertEquals(5000, gallery.size());
    }

    private float[] unit() {
        return unit(random);
    }

    private static float[] unit(Random random) {
        float[] v = new float[128];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalize(v);
    }
}
