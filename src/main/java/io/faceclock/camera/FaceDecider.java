package io.faceclock.camera;

import io.faceclock.face.AnalyzedFace;

/** The recognition rule as the camera uses it: one face in, one decision out. */
@FunctionalInterface
public interface FaceDecider {

    FaceDecision decide(AnalyzedFace face);
}
