import { api } from './api.js';
import { $, el, fill, notice, explain, startPage } from './page.js';

const FIELDS = ['url', 'db', 'username', 'password'];

function given() {
  const v = Object.fromEntries(FIELDS.map(f => [f, $('#' + f).value.trim()]));
  v.password = $('#password').value;
  return v;
}

function markField(field) {
  FIELDS.forEach(f => $('#' + f).removeAttribute('aria-invalid'));
  if (field && FIELDS.includes(field)) {
    $('#' + field).setAttribute('aria-invalid', 'true');
    $('#' + field).focus();
  }
}

async function load() {
  const r = await api('/sync/odoo/config');
  const c = r.config || (r.data && r.data.config);
  if (c) {
    $('#url').value = c.url || '';
    $('#db').value = c.db || '';
    $('#username').value = c.username || '';
    fill('#odoo-source', c.source === 'settings' || c.source === 'environment'
      ? `This connection comes from faceclock's settings (${c.source}); it wins over what is saved here.`
      : 'A connection is saved.');
  } else {
    fill('#odoo-source', 'No connection is saved yet.');
  }
  $('#password').value = '';
}

function yesNo(v) { return v ? 'yes' : 'no'; }

/** What a test found: version, transport, rights, warnings (whatever of these the server says). */
function facts(r) {
  const items = [];
  const add = (label, value, key) => {
    if (value === undefined || value === null || value === '') return;
    items.push(el('dt', {}, label), el('dd', { 'data-fact': key }, value));
  };
  add('Odoo version', r.server_version, 'server_version');
  const transport = r.transport || r.protocol;
  add('Transport', transport === 'json2' ? 'JSON-2' : transport === 'xmlrpc' ? 'XML-RPC' : transport, 'transport');
  add('User', r.user_name, 'user_name');
  if (r.rights && typeof r.rights === 'object') {
    add('Rights', Object.entries(r.rights).map(([k, v]) => `${k.replace(/_/g, ' ')}: ${typeof v === 'object' ? JSON.stringify(v) : yesNo(v)}`).join(' · '), 'rights');
  } else {
    if ('can_read_employees' in r) add('Can read employees', yesNo(r.can_read_employees), 'can_read_employees');
    if (r.can_read_badges === false) add('Can read badges', 'no', 'can_read_badges');
    if ('can_create_attendances' in r) add('Can create attendances', yesNo(r.can_create_attendances), 'can_create_attendances');
  }
  if (r.missing_rights && r.missing_rights.length) add('Missing rights', r.missing_rights.join(', '), 'missing_rights');
  const warnings = [...(r.warnings || []), ...(r.warning ? [r.warning] : [])];
  if (warnings.length) add('Warnings', warnings.map(w => (typeof w === 'string' ? w : w.message || JSON.stringify(w))).join(' · '), 'warnings');
  fill('#test-facts', items);
}

async function test() {
  const v = given();
  const body = v.password ? v : undefined;
  $('#test').disabled = true;
  notice('#odoo-result', 'ok', 'Testing…');
  fill('#test-facts');
  try {
    const r = await api('/sync/odoo/test', { method: 'POST', body });
    const data = r.data || r;
    const warn = (data.warnings && data.warnings.length) || data.warning || data.can_read_employees === false
      || data.can_create_attendances === false;
    notice('#odoo-result', data.success === false ? 'bad' : warn ? 'warn' : 'ok', data.message || data.error || 'Connected.');
    facts(data);
    markField(null);
  } catch (e) {
    notice('#odoo-result', 'bad', explain(e));
    if (e.body && e.body.server_version) facts(e.body); // connected, yet short of something: what it found
    markField(e.field);
  } finally {
    $('#test').disabled = false;
  }
}

async function save(event) {
  event.preventDefault();
  const v = given();
  if (!v.password) {
    notice('#odoo-result', 'bad', 'Type the password (or API key) to save: the saved one is never shown again.');
    markField('password');
    return;
  }
  $('#save').disabled = true;
  try {
    const r = await api('/sync/odoo/config', { method: 'POST', body: v });
    notice('#odoo-result', 'ok', r.message || 'Saved.');
    markField(null);
    await load();
  } catch (e) {
    notice('#odoo-result', 'bad', explain(e));
    markField(e.field);
  } finally {
    $('#save').disabled = false;
  }
}

if (await startPage('/settings.html')) {
  $('#test').addEventListener('click', test);
  $('#odoo').addEventListener('submit', save);
  load().catch(e => notice('#problem', 'bad', explain(e)));
}
