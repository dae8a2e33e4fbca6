import { api } from './api.js';
import { $, el, fill, notice, isoDate, explain, startPage } from './page.js';

const COLUMNS = ['days_present', 'hours_worked', 'late_arrivals', 'days_left_open', 'days_closed_automatically'];

function period() {
  return new URLSearchParams({ start_date: $('#start').value, end_date: $('#end').value });
}

let asked = 0;

async function show() {
  const mine = ++asked;
  try {
    const r = await api('/reports/attendance?' + period());
    if (mine !== asked) return; // a later question is on its way: its answer wins
    fill('#about', `Site days ${r.start_date} to ${r.end_date} (${r.timezone}); everyone active is listed, with zero days `
      + `if they did not come. Late means the day's first check-in after ${r.start_time}. Hours count closed attendances.`);
    fill('#report tbody', r.data.length ? r.data.map(p => el('tr', { 'data-person': p.person_id,
      'data-came': String(p.days_present > 0) },
      el('th', { scope: 'row' }, p.name, ' ', el('small', { class: 'muted' }, p.person_id)),
      COLUMNS.map(c => el('td', { class: 'num', 'data-column': c }, c === 'hours_worked' ? p[c].toFixed(2) : String(p[c])))))
      : el('tr', {}, el('td', { colspan: 6, class: 'empty' }, 'Nobody is registered yet.')));
    const sum = c => r.data.reduce((t, p) => t + p[c], 0);
    const came = r.data.filter(p => p.days_present > 0).length;
    fill('#report tfoot', r.data.length ? el('tr', {}, el('th', { scope: 'row' },
      `${r.data.length} ${r.data.length === 1 ? 'person' : 'people'}, ${came} present`),
      COLUMNS.map(c => el('td', { class: 'num' }, c === 'hours_worked' ? sum(c).toFixed(2) : String(sum(c))))) : null);
    narrow();
    notice('#problem', 'bad', '');
  } catch (e) {
    notice('#problem', 'bad', explain(e));
  }
}

/** Hides the lines the search or "only people who came" leave out; the CSV keeps every line. */
function narrow() {
  const q = $('#who').value.trim().toLowerCase();
  const cameOnly = $('#came-only').checked;
  document.querySelectorAll('#report tbody tr[data-person]').forEach(tr => {
    const hit = !q || tr.querySelector('th').textContent.toLowerCase().includes(q);
    tr.hidden = !hit || (cameOnly && tr.dataset.came !== 'true');
  });
}

/** The CSV needs the key, so it is fetched here and handed to the browser as a download. */
async function download() {
  try {
    const q = period();
    q.set('format', 'csv');
    const r = await api('/reports/attendance?' + q, { raw: true });
    if (!r.ok) {
      const j = await r.json().catch(() => ({}));
      throw new Error(j.error || `The server answered ${r.status}`);
    }
    const text = await r.text();
    const a = el('a', { href: URL.createObjectURL(new Blob([text], { type: 'text/csv' })),
      download: `attendance-${$('#start').value}-to-${$('#end').value}.csv` });
    document.body.append(a);
    a.click();
    a.remove();
  } catch (e) {
    notice('#problem', 'bad', explain(e));
  }
}

if (await startPage('/reports.html')) {
  const today = new Date();
  $('#end').value = isoDate(today);
  $('#start').value = isoDate(new Date(today.getFullYear(), today.getMonth(), 1));
  $('#period').addEventListener('submit', e => { e.preventDefault(); show(); });
  $('#csv').addEventListener('click', download);
  $('#who').addEventListener('input', narrow);
  $('#came-only').addEventListener('change', narrow);
  show();
}
