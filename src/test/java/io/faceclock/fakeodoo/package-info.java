/**
 * An in-process fake Odoo 18.0 / 19.0 for tests (XML-RPC {@code /xmlrpc/2/*}, legacy {@code /xmlrpc/*},
 * {@code /jsonrpc}, and for 19.0 JSON-2 {@code /json/2/<model>/<method>} and {@code /web/version}), held to the
 * recorded transcripts in
 * {@code shared/odoo} by {@link io.faceclock.fakeodoo.FakeOdooContractTest} and
 * {@link io.faceclock.fakeodoo.FakeOdooJson2ContractTest}.
 * <ul>
 * <li>Start: {@code FakeOdoo.start(OdooVersion.V18)} (or V19; {@code startHttps} for TLS) on a free 127.0.0.1
 * port; {@code url()}, {@code db()}, admin is uid 2 admin/admin. {@code reset()} goes back to the demo
 * database (20 employees in 18.0, 21 in 19.0).</li>
 * <li>Data: {@code addEmployee(Map)}, {@code addEmployees(50_000)} (made on demand), {@code addAttendance},
 * {@code addUser(login, password, groups...)}, {@code addApiKey(uid, key)}, {@code execute(uid, model, method,
 * args, kwargs)} to run any supported ORM call directly, {@code clock().set(instant)} to pin write_date.</li>
 * <li>Measure: {@code calls("common.authenticate")}, {@code calls("hr.employee.search_read")},
 * {@code calls("object.execute_kw")}, {@code callCounts()}, {@code resetCalls()}; slow down with
 * {@code latency("common.authenticate", Duration.ofMillis(500))}.</li>
 * <li>Misbehave: {@code hostile(Hostile.X)} for serialised fault causes, ex:serializable values, XXE, huge
 * answers (streamed or announced), never answering, HTML pages; {@code goDown()} refuses connections.</li>
 * </ul>
 */
package io.faceclock.fakeodoo;
