package io.faceclock.attendance;

/**
 * What a recognition did: checked the person in, checked them out, or nothing and why.
 *
 * @param action "check_in", "check_out" or "none"
 * @param reason when nothing was recorded: "too_soon", "inactive", "direction" (a camera that only checks in or out)
 */
public record Punch(String action, Attendance attendance, String reason, String message) {

    public boolean recorded() {
        return !"none".equals(action);
    }
}
