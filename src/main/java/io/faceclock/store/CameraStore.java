package io.faceclock.store;

import io.faceclock.face.AnalyzedFace;
import io.faceclock.face.Quality;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Camera visits and the unknown-faces queue. */
public final class CameraStore {

    /** A visit as stored. */
    public record VisitRow(long id, String cameraId, Instant startedAt, Instant endedAt, int frames, String decision,
                           String personId, Double score, String reason, String action, String actionReason,
                           Long attendanceId, Long latencyMs, Long inViewMs) {
    }

    /** An unknown face waiting to be assigned or discarded. */
    public record UnknownRow(long id, String cameraId, Instant seenAt, int sizePx, double detectorScore,
                             String modelId, boolean hasSnapshot, int views) {
    }

    /** One aligned view of an unknown face: what becomes a template when it is assigned. */
    public record View(float[] embedding, double sharpness, double yaw, double detectorScore, int sizePx,
                       byte[] thumbnail) {
    }

    private static final String VISIT = "SELECT v.id, v.camera_id, v.started_at, v.ended_at, v.frames, v.decision, "
            + "p.person_id, v.score, v.reason, v.action, v.action_reason, v.attendance_ref, v.latency_ms, v.in_view_ms "
            + "FROM camera_visit v LEFT JOIN person p ON p.id = v.person_ref";
    private static final String UNKNOWN = "SELECT u.id, u.camera_id, u.seen_at, u.size_px, "
            + "u.detector_score, u.model_id, u.snapshot IS NOT NULL AS has_snapshot, "
            + "(SELECT COUNT(*) FROM unknown_face_view w WHERE w.unknown_ref = u.id) AS views FROM unknown_face u";

    private final Jdbc jdbc;

    public CameraStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public long insertVisit(VisitRow v, Long personRef) {
        return jdbc.inTransaction(c -> Jdbc.insert(c, "INSERT INTO camera_visit (camera_id, started_at, ended_at, "
                        + "frames, decision, person_ref, score, reason, action, action_reason, attendance_ref, latency_ms, "
                        + "in_view_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", v.cameraId(), v.startedAt(), Jdbc.orNull(v.endedAt()),
                v.frames(), v.decision(), Jdbc.orNull(personRef), v.score() == null ? new Jdbc.NullOf(Types.DOUBLE)
                        : v.score(), text(v.reason()), v.action(), text(v.actionReason()), Jdbc.orNull(v.attendanceId()),
                Jdbc.orNull(v.latencyMs()), Jdbc.orNull(v.inViewMs())));
    }

    public void endVisit(long id, Instant endedAt, int frames) {
        jdbc.update("UPDATE camera_visit SET ended_at = ?, frames = ? WHERE id = ?", endedAt, frames, id);
    }

    public List<VisitRow> visits(String cameraId, int limit) {
        return jdbc.query(VISIT + " WHERE v.camera_id = ? ORDER BY v.started_at DESC, v.id DESC LIMIT ?",
                CameraStore::visit, cameraId, limit);
    }

    public long visitsSince(String cameraId, Instant since) {
        return jdbc.queryOne("SELECT COUNT(*) FROM camera_visit WHERE camera_id = ? AND started_at >= ?",
                rs -> rs.getLong(1), cameraId, since).orElse(0L);
    }

    public long insertUnknown(String cameraId, Instant seenAt, AnalyzedFace best, byte[] snapshot,
                              List<AnalyzedFace> views) {
        return jdbc.inTransaction(c -> {
            long id = Jdbc.insert(c, "INSERT INTO unknown_face (camera_id, seen_at, size_px, detector_score, "
                            + "model_id, snapshot) VALUES (?,?,?,?,?,?)", cameraId, seenAt,
                    best.quality().sizePx(), best.score(), best.modelId(),
                    snapshot == null ? new Jdbc.NullOf(Types.VARBINARY) : snapshot);
            for (AnalyzedFace f : views) {
                insertView(c, id, f);
            }
            return id;
        });
    }

    private static void insertView(Connection c, long unknownId, AnalyzedFace f) throws SQLException {
        Quality q = f.quality();
        Jdbc.insert(c, "INSERT INTO unknown_face_view (unknown_ref, embedding, sharpness, yaw, detector_score, size_px, "
                        + "thumbnail) VALUES (?,?,?,?,?,?,?)", unknownId, FaceStore.toBytes(f.embedding()),
                q.sharpness(), q.yaw(), q.score(), q.sizePx(),
                f.thumbnailJpeg() == null ? new Jdbc.NullOf(Types.VARBINARY) : f.thumbnailJpeg());
    }

    /** Newest first. */
    public List<UnknownRow> unknowns(int limit, int offset) {
        return jdbc.query(UNKNOWN + " ORDER BY u.seen_at DESC, u.id DESC LIMIT ? OFFSET ?", CameraStore::unknown,
                limit, offset);
    }

    public Optional<UnknownRow> unknown(long id) {
        return jdbc.queryOne(UNKNOWN + " WHERE u.id = ?", CameraStore::unknown, id);
    }

    public Optional<UnknownRow> lockUnknown(Connection c, long id) throws SQLException {
        return Jdbc.queryOne(c, UNKNOWN + " WHERE u.id = ? FOR UPDATE", CameraStore::unknown, id);
    }

    public List<View> views(Connection c, long unknownId) throws SQLException {
        return Jdbc.query(c, "SELECT embedding, sharpness, yaw, detector_score, size_px, thumbnail FROM unknown_face_view "
                        + "WHERE unknown_ref = ? ORDER BY id", rs -> new View(FaceStore.toFloats(rs.getBytes(1)),
                rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getInt(5), rs.getBytes(6)), unknownId);
    }

    public Optional<byte[]> snapshot(long id) {
        return jdbc.queryOne("SELECT snapshot FROM unknown_face WHERE id = ? AND snapshot IS NOT NULL",
                rs -> rs.getBytes(1), id);
    }

    public int deleteUnknown(long id) {
        return jdbc.update("DELETE FROM unknown_face WHERE id = ?", id);
    }

    public int deleteUnknown(Connection c, long id) throws SQLException {
        return Jdbc.update(c, "DELETE FROM unknown_face WHERE id = ?", id);
    }

    /** Removes unknown faces seen before the given time; returns how many. */
    public int purgeUnknownBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM unknown_face WHERE seen_at < ?", cutoff);
    }

    private static Object text(String s) {
        if (s == null) {
            return Jdbc.NullOf.TEXT;
        }
        return s.length() > 300 ? s.substring(0, 300) : s;
    }

    private static VisitRow visit(ResultSet rs) throws SQLException {
        double score = rs.getDouble(8);
        Double s = rs.wasNull() ? null : score;
        return new VisitRow(rs.getLong(1), rs.getString(2), Jdbc.instant(rs, 3), Jdbc.instant(rs, 4), rs.getInt(5),
                rs.getString(6), rs.getString(7), s, rs.getString(9), rs.getString(10), rs.getString(11),
                Jdbc.nullableLong(rs, 12), Jdbc.nullableLong(rs, 13), Jdbc.nullableLong(rs, 14));
    }

    private static UnknownRow unknown(ResultSet rs) throws SQLException {
        return new UnknownRow(rs.getLong(1), rs.getString(2), Jdbc.instant(rs, 3), rs.getInt(4), rs.getDouble(5),
                rs.getString(6), rs.getBoolean(7), rs.getInt(8));
    }
}
