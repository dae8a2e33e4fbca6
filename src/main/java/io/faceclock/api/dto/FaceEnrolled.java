package io.faceclock.api.dto;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * 201 with the faces just enrolled (data: the first of them), each refused photo with why, and how
 * many usable templates the person now has and whether that is enough.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FaceEnrolled(boolean success, FaceView data, List<FaceView> faces, List<Refused> refused, int templates,
                           boolean enough, int enoughTemplates, String message) implements Reply {

    public FaceEnrolled(List<FaceView> faces, List<Refused> refused, int templates, boolean enough,
                        int enoughTemplates, String message) {
        this(true, faces.get(0), faces, refused, templates, enough, enoughTemplates, message);
    }

    @Override
    public int status() {
        return 201;
    }


    /** A photo of the call that was not enrolled: its place in the call (from 1) and why. */
    public record Refused(int photo, String error) {
    }
}
