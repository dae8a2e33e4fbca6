/**
 * Talking to Odoo: {@link io.faceclock.odoo.OdooClient} (transport-agnostic), with
 * {@link io.faceclock.odoo.XmlRpcOdooClient} for Odoo 18 and 19 and {@link io.faceclock.odoo.OdooJson2Client}
 * for Odoo 19+ (API key only). Get one per connection settings from {@link io.faceclock.odoo.OdooClients} so
 * the uid is fetched once. Every failure is an {@link io.faceclock.odoo.OdooException} whose kind says what
 * to do (retry later, fix the settings, show Odoo's message) and whose message never holds the password.
 * <p>
 * Odoo facts the callers must respect (see the transcripts in shared/odoo):
 * <ul>
 * <li>Batch creates: one {@code create} with a list is atomic and about 10x faster than one call per record.</li>
 * <li>Incremental pulls on {@code write_date}: use {@code >=} the newest value seen and de-duplicate; 18.0
 * returns that second's records again with {@code >}, 19.0 silently skips later writes in that second.
 * In 19.0, department/job changes made on hr.version do not move the employee's write_date.</li>
 * <li>Archived employees need {@code Map.of("active_test", false)} as context.</li>
 * </ul>
 */
package io.faceclock.odoo;
