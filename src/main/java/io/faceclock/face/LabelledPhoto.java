package io.faceclock.face;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One line of a labels file: a photo, the set it belongs to, and who is in it. */
public record LabelledPhoto(Path path, String set, String identity) {

    /** Identities are only the same person within one set. */
    public String person() {
        return set + "/" + identity;
    }

    /**
     * Reads a tab-separated labels file (path relative to the file's folder, set, identity); blank
     * lines and lines starting with # are skipped.
     */
    public static List<LabelledPhoto> read(Path labels) {
        if (!Files.isRegularFile(labels)) {
            throw new IllegalArgumentException("labels file " + labels.toAbsolutePath() + " does not exist");
        }
        Path base = labels.toAbsolutePath().getParent();
        List<LabelledPhoto> photos = new ArrayList<>();
        try {
            int lineNo = 0;
            for (String line : Files.readAllLines(labels)) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length < 3) {
                    throw new IllegalArgumentException(labels + ":" + lineNo + ": need path, set and identity separated by tabs");
                }
                photos.add(new LabelledPhoto(base.resolve(cols[0].trim()), cols[1].trim(), cols[2].trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return photos;
    }
}
