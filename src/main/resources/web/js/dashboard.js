import { api, imageUrl } from './api.js';
import { $, el, fill, notice, clock, explain, startPage, currentSession, siteTime } from './page.js';
import { barChart } from './chart.js';
import { runJob } from './sync.js';

const REFRESH_MS = 15000;

function minutesOfDay(iso) {
  const m = /T(\d\d):(\d\d)/.exec(iso);
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
}

/** People present per hour today: an attendance counts in every hour it overlaps. */
function perHour(rows) {
  const now = Date.now();
  const sets = Array.from({ length: 24 }, () => new Set());
  for (const a of rows) {
    const start = minutesOfDay(a.check_in);
    const until = a.check_out ? Date.parse(a.check_out) : now;
    const end = Math.min(24 * 60, start + Math.max(0, (until - Date.parse(a.check_in)) / 60000));
    for (let h = Math.floor(start / 60); h < 24 && h * 60 < Math.max(end, start + 1); h++) sets[h].add(a.person_id);
  }
  return sets.map((s, h) => ({ label: String(h).padStart(2, '0'), value: s.size,
    tip: `${String(h).padStart(2, '0')}:00: ${s.size} present` }));
}

function hoursBetween(a) {
  return a.duration_minutes == null ? '' : (a.duration_minutes / 60).toFixed(2);
}

async function attendance() {
  const today = await api('/attendance/today?limit=1000');
  fill('#today', today.date);
  const latest = new Map();
  for (const a of today.data) if (!latest.has(a.person_id)) latest.set(a.person_id, a);
  const inNow = [...latest.values()].filter(a => !a.check_out).sort((x, y) => x.name.localeCompare(y.name));
  const left = [...latest.values()].filter(a => a.check_out).sort((x, y) => y.check_out.localeCompare(x.check_out));
  fill('#in-count', String(inNow.length));
  fill('#left-count', String(left.length));
  fill('#in-table tbody', inNow.length ? inNow.map(a => el('tr', { 'data-person': a.person_id },
    el('td', {}, a.name), el('td', {}, clock(a.check_in)), el('td', {}, a.source)))
    : el('tr', {}, el('td', { colspan: 3, class: 'empty' }, 'Nobody is in yet.')));
  fill('#left-table tbody', left.length ? left.map(a => el('tr', { 'data-person': a.person_id },
    el('td', {}, a.name), el('td', {}, clock(a.check_in)), el('td', {}, clock(a.check_out)),
    el('td', { class: 'num' }, hoursBetween(a))))
    : el('tr', {}, el('td', { colspan: 4, class: 'empty' }, 'Nobody has left yet.')));
  fill('#hour-chart', barChart(perHour(today.data), { title: 'People present by hour today', labelEvery: 3 }));
  return today.date;
}

async function days(todayIso) {
  const end = new Date(todayIso + 'T12:00:00Z');
  const start = new Date(end.getTime() - 27 * 86400000);
  const report = await api(`/reports/attendance?start_date=${start.toISOString().slice(0, 10)}&end_date=${todayIso}`);
  const bars = report.days.map(d => ({ label: d.date.slice(8, 10), value: d.people, highlight: d.date === todayIso,
    tip: `${d.date}: ${d.people} people, ${d.hours_worked} hours` }));
  fill('#day-chart', barChart(bars, { title: 'People present by day over the last four weeks', labelEvery: 2 }));
}

async function cameras() {
  if (!(await currentSession()).features.cameras) return;
  const list = (await api('/cameras')).data || [];
  $('#cameras').hidden = false;
  const tiles = await Promise.all(list.map(async c => {
    const img = el('img', { alt: `Latest frame of camera ${c.name || c.id}` });
    imageUrl(c.snapshot_url || `/cameras/${encodeURIComponent(c.id)}/snapshot`).then(u => { if (u) img.src = u; });
    const good = c.state === 'streaming';
    return el('div', { class: 'tile', 'data-camera': c.id }, img, el('div', { class: 'caption' },
      el('strong', {}, c.name || c.id), ' ',
      el('span', { class: 'badge ' + (good ? 'ok' : c.state === 'failed' ? 'bad' : 'warn') }, c.state || 'unknown'),
      el('div', { class: 'muted', 'data-fact': 'visits' }, `${c.visits_today ?? 0} visit${c.visits_today === 1 ? '' : 's'} today`),
      c.last_error ? el('div', { class: 'muted' }, c.last_error) : null));
  }));
  fill('#camera-tiles', tiles.length ? tiles : el('p', { class: 'empty' }, 'No cameras are configured.'));
}

const FACTS = [
  ['configured', 'Configured', v => (v ? 'yes' : 'no')],
  ['status', 'State'],
  ['url', 'Odoo'],
  ['db', 'Database'],
  ['server_version', 'Odoo version'],
  ['transport', 'Transport', v => (v === 'json2' ? 'JSON-2' : v === 'xmlrpc' ? 'XML-RPC' : v)],
  ['warning', 'Warning'],
  ['last_pull', 'Last pull'],
  ['last_push', 'Last push'],
  ['last_sync', 'Last sync'],
  ['last_sync_status', 'Last sync state'],
  ['last_sync_message', 'Last result'],
  ['outbox_depth', 'Waiting to send'],
  ['oldest_unsent_seconds', 'Oldest waiting', v => `${v} s`],
  ['last_error', 'Last error'],
];

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;

/** A value as a person reads it: times on the site's clock, names without underscores. */
function describe(v) {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'object') {
    return Object.entries(v).filter(([, x]) => x !== null && x !== undefined)
      .map(([k, x]) => `${k.replace(/_/g, ' ')} ${typeof x === 'object' ? JSON.stringify(x) : describe(x)}`).join(' · ');
  }
  if (typeof v === 'string' && ISO_TIME.test(v)) return siteTime(v);
  if (typeof v === 'string' && /^[a-z_]+$/.test(v)) return v.replace(/_/g, ' ');
  return String(v);
}

async function odoo() {
  const status = await api('/sync/status');
  const o = (status.data && status.data.odoo) || status.odoo || {};
  const items = [];
  for (const [key, label, fmt] of FACTS) {
    if (!(key in o)) continue;
    if (key === 'status' && 'configured' in o && /^(not_)?configured$/.test(o.status)) continue; // said by "Configured"
    const text = fmt ? (o[key] === null || o[key] === undefined ? null : fmt(o[key])) : describe(o[key]);
    if (text === null) continue;
    items.push(el('dt', {}, label), el('dd', { 'data-fact': key }, text));
  }
  if (o.next_runs) {
    items.push(el('dt', {}, 'Next runs'), el('dd', { 'data-fact': 'next_runs' }, describe(o.next_runs)));
  }
  fill('#odoo-facts', items);
  const ready = !!o.configured;
  $('#pull').disabled = !ready;
  $('#push').disabled = !ready;
  if (!ready) notice('#sync-result', 'warn', 'Odoo is not configured yet: open Settings to connect it.');
}

function progressShown(job, noun) {
  $('#sync-progress').hidden = false;
  const bar = $('#sync-bar');
  if (job.total === null || job.total === undefined) {
    bar.removeAttribute('value');
    fill('#sync-label', `${job.done} ${noun} so far…`);
  } else {
    bar.max = Math.max(1, job.total);
    bar.value = job.done;
    fill('#sync-label', `${job.done} of ${job.total} ${noun}`);
  }
}

async function sync(what, noun, body) {
  const buttons = [$('#pull'), $('#push')];
  buttons.forEach(b => { b.disabled = true; });
  notice('#sync-result', 'ok', '');
  try {
    const job = await runJob(what, body, j => progressShown(j, noun));
    const r = job.result || {};
    const refused = r.success && r.failed > 0;
    const why = refused && r.errors && r.errors.length ? ': ' + r.errors.slice(0, 3).join('; ')
      + (r.errors.length > 3 ? '…' : '') : '';
    notice('#sync-result', !r.success ? 'bad' : refused ? 'warn' : 'ok', r.success ? r.message + why : (r.error || r.message));
  } catch (e) {
    notice('#sync-result', 'bad', explain(e));
  } finally {
    buttons.forEach(b => { b.disabled = false; });
    odoo().catch(() => {});
  }
}

async function refresh() {
  try {
    const today = await attendance();
    await days(today);
    notice('#problem', 'bad', '');
  } catch (e) {
    notice('#problem', 'bad', explain(e));
  }
}

if (await startPage('/')) {
  $('#pull').addEventListener('click', () => sync('pull', 'employees', {}));
  $('#push').addEventListener('click', () => sync('push', 'attendance records', {}));
  await refresh();
  odoo().catch(e => notice('#sync-result', 'bad', explain(e)));
  cameras().catch(() => {});
  setInterval(() => { refresh(); cameras().catch(() => {}); }, REFRESH_MS);
}
