import { api, imageUrl } from './api.js';
import { $, el, fill, notice, when, explain, startPage } from './page.js';

const PAGE = 50;
const SHOTS = 5;
let offset = 0;
let enough = 3;
let current = null;
let stream = null;
let captured = [];
let asked = 0;

/** The server's refusal in plain words; its own sentence stays beside it when it has numbers to add. */
export function plain(message) {
  const m = (message || '').toLowerCase();
  const more = /\d/.test(message || '') ? ' (' + message + ')' : '';
  if (/no face/.test(m)) return 'No face was found in this photo.';
  if (/(\d+|several|multiple) faces/.test(m)) return 'There is more than one face in this photo; use a photo of this person alone.';
  if (/too small/.test(m)) return 'The face is too small: come closer or use a larger photo.' + more;
  if (/blur|sharp/.test(m)) return 'The photo is too blurry: hold still, with more light.' + more;
  if (/turned|yaw|frontal|pose/.test(m)) return 'The face is turned away: look straight at the camera.' + more;
  const who = /matches \S+ \(([^)]+)\)/.exec(message || '');
  if (who) return `This face looks like ${who[1]}, who is already enrolled: use a photo of this person.`;
  if (/matches|looks like|someone else/.test(m)) return 'This face looks like someone else already enrolled: use a photo of this person.';
  if (/not clear|unclear/.test(m)) return 'The face is not clear enough: face the camera in good light.' + more;
  if (/decode|truncated|empty image|not an image|format/.test(m)) return 'This file is not a photo faceclock can read.';
  return message ? message.charAt(0).toUpperCase() + message.slice(1) : 'The server refused this photo.';
}

function status(p) {
  if (p.faces === 0) return el('span', { class: 'badge bad' }, 'no face');
  if (p.faces < enough) return el('span', { class: 'badge warn' }, `${p.faces} of ${enough}`);
  return el('span', { class: 'badge ok' }, `${p.faces} faces`);
}

async function loadPeople() {
  const q = new URLSearchParams({ limit: PAGE, offset });
  if ($('#q').value.trim()) q.set('q', $('#q').value.trim());
  if ($('#department').value) q.set('department', $('#department').value);
  if ($('#coverage').value) q.set('faces', $('#coverage').value);
  const mine = ++asked;
  const r = await api('/enrolment?' + q);
  if (mine !== asked) return; // the search changed meanwhile: the later answer wins
  enough = r.enough;
  const select = $('#department');
  const chosen = select.value;
  fill(select, el('option', { value: '' }, 'All departments'),
    r.departments.map(d => el('option', { value: d, selected: d === chosen }, d)));
  fill('#summary', `${r.total} ${r.total === 1 ? 'person' : 'people'}` + (r.total ? `; ${enough} faces each are enough for reliable recognition.` : ''));
  fill('#people', r.data.length ? r.data.map(p => el('button', {
    type: 'button', class: 'person', role: 'listitem', 'data-person': p.person_id,
    'aria-pressed': current && current.person_id === p.person_id ? 'true' : 'false',
    onclick: () => choose(p),
  }, el('span', {}, p.name, el('br'), el('small', { class: 'muted' }, [p.person_id, p.department].filter(Boolean).join(' · '))),
  status(p))) : el('p', { class: 'empty' }, 'Nobody matches.'));
  fill('#page', r.total ? `${offset + 1}–${Math.min(offset + PAGE, r.total)} of ${r.total}` : '');
  $('#prev').disabled = offset === 0;
  $('#next').disabled = offset + PAGE >= r.total;
}

async function choose(person) {
  current = person;
  document.querySelectorAll('#people button.person').forEach(b =>
    b.setAttribute('aria-pressed', b.dataset.person === person.person_id ? 'true' : 'false'));
  $('#person').hidden = false;
  fill('#person-title', person.name);
  fill('#results');
  notice('#person-notice', 'ok', '');
  await loadFaces();
}

async function loadFaces() {
  const id = current.person_id;
  const faces = (await api(`/persons/${encodeURIComponent(id)}/faces`)).data;
  const n = faces.length;
  fill('#person-count', n === 0 ? 'No face enrolled yet: add a few photos.'
    : n < enough ? `${n} face${n === 1 ? '' : 's'} enrolled; ${enough - n} more would make recognition more reliable.`
      : `${n} faces enrolled: enough.`);
  $('#person-count').dataset.count = String(n);
  fill('#thumbs', faces.length ? faces.map(f => {
    const img = el('img', { alt: `Face ${f.face_id} of ${current.name}` });
    if (f.thumbnail_url) imageUrl(f.thumbnail_url).then(u => { if (u) img.src = u; });
    return el('figure', { class: 'thumb', 'data-face': f.face_id }, img,
      el('figcaption', { class: 'muted' }, when(f.created_at)),
      el('button', { type: 'button', class: 'danger', 'aria-label': `Delete face ${f.face_id}`, onclick: () => remove(f) }, 'Delete'));
  }) : el('p', { class: 'empty' }, 'No faces yet.'));
  loadPeople().catch(() => {});
}

async function remove(face) {
  if (!confirm(`Delete this face of ${current.name}?`)) return;
  try {
    await api(`/persons/${encodeURIComponent(current.person_id)}/faces/${face.face_id}`, { method: 'DELETE' });
    notice('#person-notice', 'ok', 'Face deleted.');
    await loadFaces();
  } catch (e) {
    notice('#person-notice', 'bad', explain(e));
  }
}

/** One line per photo: its preview and what the server said of it. */
function resultLine(blob, name) {
  const img = el('img', { alt: name });
  img.src = URL.createObjectURL(blob);
  const verdict = el('span', { class: 'verdict' }, 'Checking…');
  const li = el('li', { 'data-photo': name }, img, el('div', {}, el('strong', {}, name), el('br'), verdict));
  $('#results').append(li);
  return { li, verdict };
}

function say(line, kind, text) {
  line.verdict.className = 'verdict badge ' + kind;
  line.verdict.textContent = text;
  line.li.dataset.outcome = kind;
}

async function enrol(blob, line) {
  const form = new FormData();
  form.append('image', blob, 'photo');
  try {
    const r = await api(`/persons/${encodeURIComponent(current.person_id)}/faces`, { method: 'POST', form });
    say(line, 'ok', 'Saved. ' + (r.message || ''));
    return true;
  } catch (e) {
    say(line, 'bad', e.status === 403 ? explain(e) : plain(e.message));
    return false;
  }
}

async function upload(files) {
  fill('#results');
  let saved = 0;
  for (const f of files) {
    if (await enrol(f, resultLine(f, f.name))) saved++;
  }
  notice('#person-notice', saved ? 'ok' : 'warn', `${saved} of ${files.length} photo${files.length === 1 ? '' : 's'} saved.`);
  await loadFaces();
}

async function startCamera() {
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { width: 1280, height: 720, facingMode: 'user' }, audio: false });
    $('#capture').hidden = false;
    const video = $('#video');
    video.srcObject = stream;
    await video.play();
    $('#camera-shoot').disabled = false;
  } catch (e) {
    notice('#person-notice', 'bad', 'The camera could not be opened (' + e.name + '): allow camera access, or upload photos instead.');
  }
}

function frame() {
  const v = $('#video');
  const c = document.createElement('canvas');
  c.width = v.videoWidth;
  c.height = v.videoHeight;
  c.getContext('2d').drawImage(v, 0, 0);
  return new Promise(resolve => c.toBlob(resolve, 'image/jpeg', 0.92));
}

/** The quality verdict before saving: /recognize says how many faces, their quality and who they look like. */
async function verdict(blob, line) {
  const form = new FormData();
  form.append('image', blob, 'frame.jpg');
  try {
    const r = await api('/recognize', { method: 'POST', form });
    if (r.count === 0) return say(line, 'bad', plain('no face found')), false;
    if (r.count > 1) return say(line, 'bad', plain(`${r.count} faces found`)), false;
    const f = r.faces[0];
    if (f.quality && !f.quality.ok) return say(line, 'bad', plain((f.quality.issues || [])[0] || 'quality too low')), false;
    if (f.person_id && f.person_id !== current.person_id) {
      return say(line, 'bad', `This face looks like ${f.matches[0].name}, who is already enrolled: use a photo of this person.`), false;
    }
    say(line, 'ok', 'Good photo.');
    return true;
  } catch (e) {
    say(line, 'bad', plain(e.message));
    return false;
  }
}

async function shoot() {
  fill('#results');
  captured = [];
  $('#camera-shoot').disabled = true;
  for (let i = 1; i <= SHOTS; i++) {
    const blob = await frame();
    const line = resultLine(blob, `Photo ${i}`);
    if (await verdict(blob, line)) captured.push({ blob, line });
    await new Promise(r => setTimeout(r, 350));
  }
  $('#camera-shoot').disabled = false;
  $('#camera-save').disabled = captured.length === 0;
  notice('#person-notice', captured.length ? 'ok' : 'warn', captured.length
    ? `${captured.length} of ${SHOTS} photos are good; save them, or take them again.`
    : 'None of the photos was good enough; see why beside each, then try again.');
}

async function saveCaptured() {
  $('#camera-save').disabled = true;
  let saved = 0;
  for (const c of captured) if (await enrol(c.blob, c.line)) saved++;
  captured = [];
  notice('#person-notice', saved ? 'ok' : 'warn', `${saved} photo${saved === 1 ? '' : 's'} saved.`);
  await loadFaces();
}

if (await startPage('/faces.html')) {
  let typing;
  $('#q').addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(() => { offset = 0; loadPeople(); }, 250); });
  $('#filters').addEventListener('submit', e => { e.preventDefault(); offset = 0; loadPeople(); });
  $('#department').addEventListener('change', () => { offset = 0; loadPeople(); });
  $('#coverage').addEventListener('change', () => { offset = 0; loadPeople(); });
  $('#prev').addEventListener('click', () => { offset = Math.max(0, offset - PAGE); loadPeople(); });
  $('#next').addEventListener('click', () => { offset += PAGE; loadPeople(); });
  $('#upload').addEventListener('change', e => { const files = [...e.target.files]; e.target.value = ''; if (files.length && current) upload(files); });
  $('#camera-start').addEventListener('click', startCamera);
  $('#camera-shoot').addEventListener('click', shoot);
  $('#camera-save').addEventListener('click', saveCaptured);
  window.addEventListener('pagehide', () => stream && stream.getTracks().forEach(t => t.stop()));
  try {
    await loadPeople();
    const wanted = new URLSearchParams(location.search).get('person');
    if (wanted) {
      const r = await api('/enrolment?limit=1&q=' + encodeURIComponent(wanted));
      const p = r.data.find(x => x.person_id === wanted);
      if (p) await choose(p);
    }
  } catch (e) {
    notice('#problem', 'bad', explain(e));
  }
}
