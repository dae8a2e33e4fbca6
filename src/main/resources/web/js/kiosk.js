// The door kiosk: a frame every second (or on a tap) to /attendance/mark, a large answer, then waiting again.
import { api, apiKey, signOut } from './api.js';
import { $ } from './page.js';

const EVERY_MS = 1000;
const ANSWER_MS = 4000;
const WAITING = 'Look at the camera';
let busy = false;
let tapped = false;
let holdUntil = 0;
let resetTimer;

function firstName(name) { return (name || '').trim().split(/\s+/)[0] || 'there'; }

function clock(iso) {
  const m = /T(\d\d:\d\d)/.exec(iso || '');
  return m ? m[1] : '';
}

function greeting(iso) {
  const h = Number((/T(\d\d)/.exec(iso || '') || [])[1] ?? new Date().getHours());
  return h < 12 ? 'Good morning' : h < 18 ? 'Good afternoon' : 'Good evening';
}

function show(kind, text, hold = ANSWER_MS) {
  const a = $('#answer');
  a.className = 'kiosk-answer ' + kind;
  a.textContent = text;
  a.dataset.kind = kind;
  holdUntil = Date.now() + hold;
  clearTimeout(resetTimer);
  resetTimer = setTimeout(() => {
    a.className = 'kiosk-answer';
    a.textContent = WAITING;
    a.dataset.kind = 'waiting';
  }, hold);
}

/** A face the server would not decide on (too small, turned, unclear), as a person at the door reads it. */
function undecided(reason) {
  const m = (reason || '').toLowerCase();
  if (/too small|closer/.test(m)) return 'Please come closer';
  if (/turned|frontal|pose|straight/.test(m)) return 'Please look straight at the camera';
  if (/blur|sharp|still/.test(m)) return 'Please hold still';
  return 'Please come closer and look at the camera';
}

/** The answer to a mark, as a person at the door reads it. */
export function sentence(r) {
  const name = r.person ? firstName(r.person.name) : '';
  const at = r.attendance ? (r.action === 'check_out' ? r.attendance.check_out : r.attendance.check_in) : r.at;
  if (r.recorded && r.action === 'check_in') return ['in', `${greeting(at)}, ${name} — checked in ${clock(at)}`];
  if (r.recorded && r.action === 'check_out') return ['out', `Bye, ${name} — checked out ${clock(at)}`];
  if (r.reason === 'too_soon') return ['in', `Thank you, ${name} — already recorded`];
  if (r.reason === 'inactive') return ['refused', `Sorry, ${name}: your badge is inactive. Please see HR.`];
  if (r.reason === 'unknown_face' || r.decision === 'unknown' || (r.face && r.face.decision === 'unknown')) {
    return ['refused', "I don't know this face"];
  }
  if (r.reason === 'ambiguous_face' || r.decision === 'ambiguous') return ['refused', 'Please look straight at the camera'];
  if (r.reason === 'undecided_face' || r.decision === 'undecided') return ['refused', undecided(r.face && r.face.reason)];
  return ['refused', 'Please try again'];
}

/**
 * A refusal of the photo itself (422). No face: the waiting words stay, unless someone tapped the
 * screen and is owed an answer (null means keep waiting quietly).
 */
export function refusal(message, tapped) {
  const m = (message || '').toLowerCase();
  if (/no face/.test(m)) return tapped ? "I can't see a face: please look at the camera" : null;
  if (/too small/.test(m)) return 'Please come closer';
  if (/faces found|several|multiple/.test(m)) return 'One person at a time, please';
  if (/blur/.test(m)) return 'Please hold still';
  if (/frontal|turned/.test(m)) return 'Please look straight at the camera';
  return 'Please come closer';
}

function frame() {
  const v = $('#video');
  if (!v.videoWidth) return Promise.resolve(null);
  const c = document.createElement('canvas');
  c.width = v.videoWidth;
  c.height = v.videoHeight;
  c.getContext('2d').drawImage(v, 0, 0);
  return new Promise(resolve => c.toBlob(resolve, 'image/jpeg', 0.9));
}

async function mark(force = false) {
  if (busy) {
    tapped = tapped || force; // a tap while a frame is on its way is answered right after it
    return;
  }
  if (!force && Date.now() < holdUntil) return;
  busy = true;
  try {
    const blob = await frame();
    if (!blob) return;
    const form = new FormData();
    form.append('image', blob, 'kiosk.jpg');
    form.append('source', 'kiosk');
    const r = await api('/attendance/mark', { method: 'POST', form });
    const [kind, text] = sentence(r);
    show(kind, text);
  } catch (e) {
    if (e.status === 422 || e.status === 400) {
      const text = refusal(e.message, force);
      if (text) show('refused', text, 2500);
    } else if (e.status === 403) {
      show('refused', 'This key may not use the kiosk: ask for a kiosk key', 10000);
    } else if (e.status === 503) {
      show('refused', 'Face recognition is not available right now', 5000);
    } else if (e.status !== 401) {
      show('refused', 'Something went wrong; please try again', 3000);
    }
  } finally {
    busy = false;
    if (tapped) {
      tapped = false;
      mark(true);
    }
  }
}

async function start() {
  if (!apiKey()) {
    signOut();
    return;
  }
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 1280, height: 720, facingMode: 'user' }, audio: false });
    const video = $('#video');
    video.srcObject = stream;
    await video.play();
  } catch (e) {
    show('refused', 'The camera could not be opened: allow camera access and reload', 3600000);
    return;
  }
  $('#kiosk').addEventListener('click', () => {
    if (!document.fullscreenElement && document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(() => {});
    }
    mark(true);
  });
  document.addEventListener('keydown', e => { if (e.key === ' ' || e.key === 'Enter') mark(true); });
  setInterval(() => mark(false), EVERY_MS);
}

start();
