import { api, imageUrl } from './api.js';
import { $, el, fill, notice, when, explain, startPage, currentSession } from './page.js';

let lists = 0;

/**
 * A search box that offers the matching people as buttons (click, or Tab and Enter); answers the
 * input, the list and a getter of the chosen person.
 */
function personPicker(face, onChosen) {
  const listId = `people-${face.id}-${++lists}`;
  const input = el('input', { id: `assign-${face.id}`, type: 'search', autocomplete: 'off', placeholder: 'Type a name',
    'aria-controls': listId });
  const list = el('div', { id: listId, class: 'suggestions', 'aria-live': 'polite' });
  let chosen = null;
  let typing;
  let asked = 0;
  input.addEventListener('input', () => {
    chosen = null;
    clearTimeout(typing);
    typing = setTimeout(async () => {
      const q = input.value.trim();
      if (q.length < 2) return fill(list);
      const mine = ++asked;
      const r = await api('/persons?limit=8&active=true&q=' + encodeURIComponent(q));
      if (mine !== asked) return; // a later search is on its way
      fill(list, r.data.length ? r.data.map(p => el('button', { type: 'button', class: 'secondary suggestion',
        'data-person': p.person_id, onclick: () => {
          chosen = p;
          input.value = p.name;
          fill(list);
          onChosen(p);
        } }, p.name, ' ', el('small', {}, [p.person_id, p.department].filter(Boolean).join(' · '))))
        : el('p', { class: 'empty' }, 'Nobody matches.'));
    }, 200);
  });
  return { input, list, chosen: () => chosen };
}

function tile(face) {
  const img = el('img', { alt: `Unknown face ${face.id}` });
  const url = face.snapshot_url || face.thumbnail_url || `/unknown-faces/${face.id}/snapshot`;
  imageUrl(url).then(u => { if (u) img.src = u; });
  const message = el('div', { class: 'notice ok', role: 'status' });
  let assign;
  const picker = personPicker(face, () => assign.focus());
  assign = el('button', { type: 'button', onclick: async () => {
    const person = picker.chosen();
    if (!person) return notice(message, 'bad', 'Type a name, then choose the person from the list.');
    try {
      const r = await api(`/unknown-faces/${face.id}/assign`, { method: 'POST', body: { person_id: person.person_id } });
      notice(message, 'ok', `Assigned to ${person.name}` + (r.templates ? ` (${r.templates} face templates now).` : '.'));
      setTimeout(load, 1200);
    } catch (e) {
      notice(message, 'bad', explain(e));
    }
  } }, 'Assign');
  const discard = el('button', { type: 'button', class: 'danger', onclick: async () => {
    try {
      await api(`/unknown-faces/${face.id}`, { method: 'DELETE' });
      load();
    } catch (e) {
      notice(message, 'bad', explain(e));
    }
  } }, 'Discard');
  return el('div', { class: 'tile', 'data-face': face.id, 'data-camera': face.camera }, img, el('div', { class: 'caption' },
    el('div', {}, el('strong', {}, face.camera || face.camera_id || 'camera'), ' ', el('span', { class: 'muted' }, when(face.seen_at))),
    (face.face_px || face.size_px) ? el('div', { class: 'muted' }, `face ${face.face_px || face.size_px} px`) : null,
    el('label', { for: picker.input.id }, 'Who is this?'), picker.input, picker.list,
    el('div', { class: 'row' }, el('div', { class: 'fit' }, assign), el('div', { class: 'fit' }, discard)), message));
}

async function load() {
  try {
    const r = await api('/unknown-faces?limit=60');
    const faces = r.data || [];
    fill('#queue', faces.length ? faces.map(tile) : el('p', { class: 'empty' }, 'No unknown faces waiting.'));
  } catch (e) {
    notice('#problem', 'bad', explain(e));
  }
}

if (await startPage('/unknown.html')) {
  if ((await currentSession()).features.unknown_faces) {
    load();
  } else {
    notice('#problem', 'warn', 'This faceclock has no camera queue: unknown faces appear here once cameras are set up.');
  }
}
