package io.faceclock.store;

import io.faceclock.face.AnalyzedFace;
import io.faceclock.face.Quality;
import io.faceclock.face.Template;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Face templates in the database; embeddings as little-endian float32 bytes. Adding or removing one
 * is recorded in {@link PeopleChanges}, for the other nodes' galleries.
 */
public final class FaceStore {

    /** What the API shows of a template (never the embedding itself). */
    public record FaceRecord(long id, long personRef, String modelId, double sharpness, double yaw, double detectorScore,
                             int sizePx, boolean hasThumbnail, Instant createdAt) {
    }

    private static final String INFO = "SELECT id, person_ref, model_id, sharpness, yaw, detector_score, size_px, "
            + "thumbnail IS NOT NULL AS has_thumbnail, created_at FROM face_template";

    private final Jdbc jdbc;

    public FaceStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Connection c, long personRef, AnalyzedFace face, boolean keepThumbnail, Instant now)
            throws SQLException {
        Quality q = face.quality();
        byte[] thumbnail = keepThumbnail ? face.thumbnailJpeg() : null;
        long id = Jdbc.insert(c, "INSERT INTO face_template (person_ref, model_id, embedding, sharpness, yaw, "
                        + "detector_score, size_px, thumbnail, created_at) VALUES (?,?,?,?,?,?,?,?,?)", personRef,
                face.modelId(), toBytes(face.embedding()), q.sharpness(), q.yaw(), q.score(), q.sizePx(),
                thumbnail == null ? new Jdbc.NullOf(java.sql.Types.VARBINARY) : thumbnail, now);
        PeopleChanges.record(c, personRef);
        return id;
    }

    public List<FaceRecord> forPerson(long personRef) {
        return jdbc.query(INFO + " WHERE person_ref = ? ORDER BY id", FaceStore::map, personRef);
    }

    public Optional<FaceRecord> find(long personRef, long id) {
        return jdbc.queryOne(INFO + " WHERE person_ref = ? AND id = ?", FaceStore::map, personRef, id);
    }

    public Optional<byte[]> thumbnail(long personRef, long id) {
        return jdbc.queryOne("SELECT thumbnail FROM face_template WHERE person_ref = ? AND id = ? "
                + "AND thumbnail IS NOT NULL", rs -> rs.getBytes(1), personRef, id);
    }

    public int delete(long personRef, long id) {
        return jdbc.inTransaction(c -> {
            int removed = Jdbc.update(c, "DELETE FROM face_template WHERE person_ref = ? AND id = ?", personRef, id);
            if (removed > 0) {
                PeopleChanges.record(c, personRef);
            }
            return removed;
        });
    }

    /** Every template of one model, for loading the in-memory gallery at start. */
    public List<Template> templates(String modelId) {
        return jdbc.query("SELECT id, person_ref, model_id, embedding FROM face_template WHERE model_id = ?",
                rs -> new Template(rs.getLong("id"), rs.getLong("person_ref"), rs.getString("model_id"),
                        toFloats(rs.getBytes("embedding"))), modelId);
    }

    public List<Template> templates(String modelId, long personRef) {
        return jdbc.query("SELECT id, person_ref, model_id, embedding FROM face_template WHERE model_id = ? "
                + "AND person_ref = ?", rs -> new Template(rs.getLong("id"), rs.getLong("person_ref"),
                rs.getString("model_id"), toFloats(rs.getBytes("embedding"))), modelId, personRef);
    }

    public long countOtherModels(String modelId) {
        return jdbc.queryOne("SELECT COUNT(*) FROM face_template WHERE model_id <> ?", rs -> rs.getLong(1), modelId)
                .orElse(0L);
    }

    static byte[] toBytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    static float[] toFloats(byte[] bytes) {
        float[] v = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    private static FaceRecord map(ResultSet rs) throws SQLException {
        return new FaceRecord(rs.getLong("id"), rs.getLong("person_ref"), rs.getString("model_id"),
                rs.getDouble("sharpness"), rs.getDouble("yaw"), rs.getDouble("detector_score"), rs.getInt("size_px"),
                rs.getBoolean("has_thumbnail"), Jdbc.instant(rs, "created_at"));
    }
}
