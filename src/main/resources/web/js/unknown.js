import { api, imageUrl } from './api.js';
import { $, el, fill, notice, when, explain, startPage, currentSession } from './page.js';

let lists = 0;

/** A search box that offers matching people; resolves the chosen person_id. */
function personPicker(face) {
  const listId = `people-${face.id}-${++lists}`;
  const input = el('input', { id: `assign-${face.id}`, list: listId, type: 'search', autocomplete: 'off',
    placeholder: 'Type a name' });
  const options = el('datalist', { id: listId });
  let typing;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(async () => {
      const q = input.value.trim();
      if (q.length < 2) return;
      const r = await api('/persons?limit=20&active=true&q=' + encodeURIComponent(q));
      fill(options, r.data.map(p => el('option', { value: p.person_id }, `${p.name} (${p.person_id})`)));
    }, 200);
  });
  return { input, options };
}

function tile(face) {
  const img = el('img', { alt: `Unknown face ${face.id}` });
  const url = face.snapshot_url || face.thumbnail_url || `/unknown-faces/${face.id}/snapshot`;
  imageUrl(url).then(u => { if (u) img.src = u; });
  const { input, options } = personPicker(face);
  const message = el('div', { class: 'notice ok', role: 'status' });
  const assign = el('button', { type: 'button', onclick: async () => {
    const personId = input.value.trim();
    if (!personId) return notice(message, 'bad', 'Choose the person first.');
    try {
      await api(`/unknown-faces/${face.id}/assign`, { method: 'POST', body: { person_id: personId } });
      notice(message, 'ok', `Assigned to ${personId}.`);
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
  return el('div', { class: 'tile', 'data-face': face.id }, img, el('div', { class: 'caption' },
    el('div', {}, el('strong', {}, face.camera || face.camera_id || 'camera'), ' ', el('span', { class: 'muted' }, when(face.seen_at))),
    (face.face_px || face.size_px) ? el('div', { class: 'muted' }, `face ${face.face_px || face.size_px} px`) : null,
    el('label', { for: input.id }, 'Who is this?'), input, options,
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
