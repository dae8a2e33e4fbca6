import { api } from './api.js';
import { $, el, fill, notice, when, explain, startPage } from './page.js';

const PAGE = 50;
let offset = 0;
let asked = 0;
const LEVELS = { error: 'bad', warning: 'warn', info: 'ok', debug: 'ok' };

function details(d) {
  if (!d || typeof d !== 'object' || !Object.keys(d).length) return null;
  return el('small', { class: 'muted' }, Object.entries(d).map(([k, v]) =>
    `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join(' · '));
}

async function load() {
  const q = new URLSearchParams({ limit: PAGE, offset });
  for (const [id, param] of [['category', 'category'], ['level', 'level'], ['from', 'start_date'], ['to', 'end_date']]) {
    if ($('#' + id).value) q.set(param, $('#' + id).value);
  }
  const mine = ++asked;
  try {
    const r = await api('/logs?' + q);
    if (mine !== asked) return;
    fill('#logs tbody', r.data.length ? r.data.map(e => el('tr', {},
      el('td', {}, when(e.timestamp)), el('td', {}, e.category.replace('_', ' ')),
      el('td', {}, el('span', { class: 'badge ' + (LEVELS[e.level] || 'ok') }, e.level)),
      el('td', {}, e.message, el('br'), details(e.details)))) :
      el('tr', {}, el('td', { colspan: 4, class: 'empty' }, 'No entries match.')));
    fill('#summary', `${r.total} ${r.total === 1 ? 'entry' : 'entries'}, newest first`);
    fill('#page', r.total ? `${offset + 1}–${Math.min(offset + PAGE, r.total)} of ${r.total}` : '');
    $('#prev').disabled = offset === 0;
    $('#next').disabled = offset + PAGE >= r.total;
    notice('#problem', 'bad', '');
  } catch (e) {
    notice('#problem', 'bad', explain(e));
  }
}

if (await startPage('/logs.html')) {
  $('#filters').addEventListener('submit', e => { e.preventDefault(); offset = 0; load(); });
  $('#prev').addEventListener('click', () => { offset = Math.max(0, offset - PAGE); load(); });
  $('#next').addEventListener('click', () => { offset += PAGE; load(); });
  load();
}
