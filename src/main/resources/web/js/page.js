// What every signed-in page shares: the header and navigation, small DOM and time helpers.
import { api, apiKey, scope, signOut } from './api.js';

const LINKS = [
  ['/', 'Dashboard'],
  ['/faces.html', 'Faces'],
  ['/unknown.html', 'Unknown faces', 'unknown_faces'],
  ['/reports.html', 'Reports'],
  ['/logs.html', 'Logs'],
  ['/settings.html', 'Settings'],
  ['/kiosk.html', 'Kiosk'],
];

/** Makes an element: el('td', {class: 'num'}, 'text', child…). Text is never parsed as HTML. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else if (k === 'class') e.className = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

export function $(selector) { return document.querySelector(selector); }

/** Replaces an element's children. */
export function fill(target, ...children) {
  const t = typeof target === 'string' ? $(target) : target;
  t.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined));
  return t;
}

/** A notice in the element: kind ok, warn or bad; empty text hides it. */
export function notice(target, kind, text) {
  const t = typeof target === 'string' ? $(target) : target;
  t.className = 'notice ' + kind;
  t.textContent = text || '';
}

/** 08:02 from an ISO time with offset, in the site's wall time as the server wrote it. */
export function clock(iso) {
  if (!iso) return '';
  const m = /T(\d\d:\d\d)/.exec(iso);
  return m ? m[1] : iso;
}

export function day(iso) { return iso ? iso.slice(0, 10) : ''; }

/** 2025-01-15 08:02 */
export function when(iso) { return iso ? day(iso) + ' ' + clock(iso) : ''; }

/** Today's date as YYYY-MM-DD in the browser (the server's site day is what counts). */
export function isoDate(d) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

let session;

/** The key's name, scope and the server's optional features (GET /session, asked once per page). */
export async function currentSession() {
  if (!session) session = (await api('/session')).data;
  return session;
}

/** An instant (ISO, any offset) as a date and time on the site's wall clock: "1 Dec 2026, 22:45". */
export function siteTime(iso) {
  const t = new Date(iso);
  if (isNaN(t)) return iso;
  const zone = session && session.timezone;
  try {
    return t.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short', timeZone: zone || undefined });
  } catch (e) {
    return t.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
  }
}

/** Checks the key, draws the header; a kiosk key belongs on the kiosk page. Answers false when leaving. */
export async function startPage(current) {
  if (!apiKey()) {
    signOut();
    return false;
  }
  if (scope() === 'kiosk') {
    location.replace('/kiosk.html');
    return false;
  }
  let s;
  try {
    s = await currentSession();
  } catch (e) {
    return false;
  }
  if (s.scope === 'kiosk') {
    location.replace('/kiosk.html');
    return false;
  }
  const nav = el('nav', { 'aria-label': 'Pages' });
  for (const [href, text, needs] of LINKS) {
    if (needs && !s.features[needs] && href !== current) continue;
    nav.append(el('a', { href, 'aria-current': href === current ? 'page' : null }, text));
  }
  const out = el('button', { class: 'link', type: 'button', onclick: () => signOut() }, 'Sign out');
  const header = el('header', { class: 'top' },
    el('div', { class: 'bar' }, el('a', { class: 'brand', href: '/' }, 'faceclock'), nav,
      el('span', { class: 'keyinfo' }, s.key_name + (s.scope === 'read' ? ' (read only)' : '')), out));
  document.body.prepend(header);
  return true;
}

/** Plain words for a failure to show beside what failed. */
export function explain(e) {
  if (e && e.status === 403) return 'This API key may not do that: ' + e.message;
  return (e && e.message) || String(e);
}
