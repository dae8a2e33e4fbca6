package io.faceclock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faceclock.face.LabelledPhoto;
import io.faceclock.face.Shared;
import io.faceclock.recognition.RecognitionRule;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalCommandTest {

    @Test
    void onTheSharedPhotosEveryFaceIsFoundRankOneIsPerfectAndNoPairOfDifferentPeopleIsAccepted() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new EvalCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("--labels", Shared.labels().toString(), "--models", Shared.models().toString(), "--json");

        assertEquals(0, exit, err.toString());
        JsonNode r = new ObjectMapper().readTree(out.toString());
        List<LabelledPhoto> photos = LabelledPhoto.read(Shared.labels());
        assertEquals(photos.size(), r.get("photos").asInt());
        assertEquals(photos.size(), r.get("faces_found").asInt(), "photos without a face: " + r.get("no_face"));
        assertEquals(photos.stream().map(LabelledPhoto::person).collect(Collectors.toSet()).size(), r.get("people").asInt());
        assertEquals(RecognitionRule.DEFAULT.threshold(), r.get("threshold").asDouble());
        assertEquals(1.0, r.get("rank1").asDouble(), "rank-1 misses: " + r.get("rank1_errors"));
        assertEquals(0.0, r.get("far").asDouble(), "different-person max " + r.at("/different_person/max"));
        assertTrue(r.get("auc").asDouble() > 0.99, "AUC " + r.get("auc"));
        assertTrue(r.get("ms_per_photo").asDouble() > 0);
        assertTrue(r.at("/same_person/mean").asDouble() > r.at("/different_person/mean").asDouble());
    }

    @Test
    void openSetOnThePhotosAndClipsAcceptsNoStrangerAndNamesNobodyWrongly() throws Exception {
        JsonNode r = run("--mode", "open-set", "--labels", Shared.labels().toString(), "--labels",
                Shared.root().resolve("video/labels.tsv").toString(), "--frame-step", "3", "--json");

        assertEquals("open-set", r.get("mode").asText());
        assertEquals(RecognitionRule.DEFAULT.threshold(), r.at("/rule/threshold").asDouble());
        assertEquals(13 + 3, r.get("people").asInt(), "13 photo people and the 3 people of the clips");
        JsonNode sets = r.get("sets");
        assertEquals(List.of("bbt", "facerec", "asl", "crowd", "all"), fieldNames(sets));
        for (String set : List.of("bbt", "facerec", "asl", "crowd", "all")) {
            JsonNode s = sets.get(set);
            assertEquals(0, s.get("stranger_accepted").asInt(), set + ": " + s.get("examples"));
            assertEquals(0.0, s.get("stranger_far").asDouble(), set);
            assertTrue(s.get("stranger_searches").asInt() > 0, set);
            assertEquals(0, s.get("misidentified").asInt(), set + ": " + s.get("examples"));
            for (String field : List.of("frr", "rank1", "undecided_rate", "ambiguous_rate", "stranger_undecided_rate",
                    "worst_stranger_score_large", "lowest_mated_score_large", "no_face", "decided")) {
                assertTrue(s.has(field), set + " has no " + field);
            }
        }
        assertEquals(0, sets.at("/crowd/mated_probes").asInt(), "nobody in the crowd is enrolled");
        for (String photos : List.of("bbt", "facerec")) {
            JsonNode s = sets.get(photos);
            assertEquals(s.get("mated_probes").asInt(), s.get("decided").asInt(), photos + ": every photo is decided");
            assertEquals(1.0, s.get("rank1").asDouble(), photos);
            assertTrue(s.get("frr").asDouble() <= 0.05, photos + " FRR " + s.get("frr"));
        }
        JsonNode asl = sets.get("asl");
        assertEquals(1.0, asl.get("rank1").asDouble(), "among decided webcam frames");
        assertTrue(asl.get("recognized").asInt() > asl.get("mated_probes").asInt() / 2, asl.toString());
        assertTrue(asl.get("worst_stranger_score_small").asDouble() < r.at("/rule/small_face_threshold").asDouble());
        assertTrue(r.at("/suggested/threshold").asDouble() <= RecognitionRule.DEFAULT.threshold(),
                "the shipped threshold is at least what the procedure asks on all the data: " + r.get("suggested"));
        assertTrue(r.at("/suggested/small_face_threshold").asDouble() <= RecognitionRule.DEFAULT.smallFaceThreshold(),
                r.get("suggested").toString());
    }

    @Test
    void pairsModeDecidesEachPairOfAnLfwStyleList(@TempDir Path dir) throws Exception {
        List<LabelledPhoto> photos = LabelledPhoto.read(Shared.labels()).stream()
                .filter(p -> p.set().equals("facerec")).toList();
        StringBuilder list = new StringBuilder("# file_a file_b same\n");
        int same = 0;
        for (int i = 0; i < photos.size(); i++) {
            for (int j = i + 1; j < photos.size(); j++) {
                boolean s = photos.get(i).person().equals(photos.get(j).person());
                same += s ? 1 : 0;
                list.append(photos.get(i).path()).append('\t').append(photos.get(j).path()).append('\t')
                        .append(s ? 1 : 0).append('\n');
            }
        }
        Path pairs = Files.writeString(dir.resolve("pairs.txt"), list);

        JsonNode r = run("--pairs", pairs.toString(), "--json");

        int n = photos.size() * (photos.size() - 1) / 2;
        assertEquals("pairs", r.get("mode").asText());
        assertEquals(n, r.get("pairs").asInt());
        assertEquals(same, r.get("same_pairs").asInt());
        assertEquals(n - same, r.get("different_pairs").asInt());
        assertEquals(0, r.get("no_face").asInt());
        assertEquals(0, r.get("accepted_different").asInt(), r.get("false_accepts").toString());
        assertEquals(0.0, r.get("far").asDouble());
        assertTrue(r.get("auc").asDouble() > 0.99, r.toString());
        assertTrue(r.at("/same_person/mean").asDouble() > r.at("/different_person/max").asDouble(), r.toString());
        assertTrue(r.get("frr").asDouble() <= 0.05, "facerec's photos are clear: " + r);
    }

    @Test
    void aBadPairsLineIsReportedWithItsLineNumber(@TempDir Path dir) throws Exception {
        Path pairs = Files.writeString(dir.resolve("pairs.txt"), "a.jpg b.jpg maybe\n");
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new EvalCommand());
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("--pairs", pairs.toString(), "--models", Shared.models().toString());

        assertEquals(2, exit);
        assertTrue(err.toString().contains("pairs.txt:1: same must be 1 or 0"), err.toString());
    }

    @Test
    void itMeasuresTheEmbedderAndRuleTheSettingsDescribeAndItsOwnOptionsWin(@TempDir Path dir) throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        Files.copy(Shared.models().resolve("face_detection_yunet_2023mar.onnx"),
                models.resolve("face_detection_yunet_2023mar.onnx"));
        Files.copy(Shared.models().resolve("mobilefacenet_128.onnx"), models.resolve("my_embedder.onnx"));
        String labels = Shared.labels().toString();
        JsonNode shipped = run("--labels", labels, "--json");

        // MobileFaceNet's own weights plugged in as "another" embedder: reported by its name, scoring the same
        JsonNode plugged = runWith(models, "--labels", labels, "--json",
                "--set", "faceclock.face.embedder.file=my_embedder.onnx",
                "--set", "faceclock.face.embedder.sha256=" + io.faceclock.face.ModelFile.MOBILEFACENET_128.sha256(),
                "--set", "faceclock.face.embedder.input-name=input0", "--set", "faceclock.face.embedder.input-size=112",
                "--set", "faceclock.face.embedder.color=rgb", "--set", "faceclock.face.embedder.mean=127.5",
                "--set", "faceclock.face.embedder.std=128", "--set", "faceclock.face.embedder.dimensions=128",
                "--set", "faceclock.face.match-threshold=0.6");

        assertEquals("mobilefacenet_128@b7120c09", shipped.get("embedder").asText());
        assertEquals("my_embedder@b7120c09", plugged.get("embedder").asText());
        assertEquals(shipped.get("auc").asDouble(), plugged.get("auc").asDouble(), 1e-9);
        assertEquals(shipped.at("/same_person/mean").asDouble(), plugged.at("/same_person/mean").asDouble(), 1e-6);
        assertEquals(0.6, plugged.get("threshold").asDouble(), "the configured threshold is the one applied");

        Path pairs = Files.writeString(dir.resolve("pairs.txt"), Shared.root().resolve("faces/bbt/amy/amy1.png") + "\t"
                + Shared.root().resolve("faces/bbt/amy/amy2.png") + "\t1\n");
        JsonNode option = run("--pairs", pairs.toString(), "--json", "--set", "faceclock.face.match-threshold=0.6",
                "--threshold", "0.5");
        assertEquals(0.5, option.at("/rule/threshold").asDouble(), "--threshold wins over the setting");
    }

    private static JsonNode run(String... args) throws Exception {
        return runWith(Shared.models(), args);
    }

    private static JsonNode runWith(Path models, String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new EvalCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--models", models.toString()));
        int exit = cli.execute(all.toArray(String[]::new));
        assertEquals(0, exit, err.toString());
        return new ObjectMapper().readTree(out.toString());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aMissingModelsFolderIsReportedNotThrown() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new EvalCommand());
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("--labels", Shared.labels().toString(), "--models", "/nonexistent/models");

        assertEquals(2, exit);
        assertTrue(err.toString().startsWith("face engine unavailable: models folder /nonexistent/models does not exist"),
                err.toString());
    }
}
