package io.faceclock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faceclock.face.LabelledPhoto;
import io.faceclock.face.Matcher;
import io.faceclock.face.Shared;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EvalCommandTest {

    @Test
    void onTheSharedPhotosEveryFaceIsFoundRankOneIsPerfectNobodyIsFalselyAcceptedAndFewAreRejected() throws Exception {
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
        assertEquals(Matcher.DEFAULT_THRESHOLD, r.get("threshold").asDouble());
        assertEquals(1.0, r.get("rank1").asDouble(), "rank-1 misses: " + r.get("rank1_errors"));
        assertEquals(0.0, r.get("far").asDouble(), "different-person max " + r.at("/different_person/max"));
        assertTrue(r.get("frr").asDouble() <= 0.05, "FRR " + r.get("frr"));
        assertTrue(r.get("auc").asDouble() > 0.99, "AUC " + r.get("auc"));
        assertTrue(r.get("ms_per_photo").asDouble() > 0);
        assertTrue(r.at("/same_person/mean").asDouble() > r.at("/different_person/mean").asDouble());
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
