package io.faceclock.odoo;

/** The authenticated user: who faceclock acts as, and the time zone Odoo uses in its messages. */
public record UserInfo(int uid, String name, String login, String tz) {
}
