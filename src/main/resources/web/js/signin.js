import { api, remember, ApiError } from './api.js';
import { $, notice } from './page.js';

const REASONS = {
  rejected: 'Your API key was not accepted (it may have been revoked). Please sign in again.',
};

const params = new URLSearchParams(location.search);
const reason = params.get('reason');
if (reason) notice('#why', 'warn', REASONS[reason] || 'Please sign in.');

/** Whose key this is: /session answers any valid key with its scope. */
async function probe(key) {
  const r = await api('/session', { raw: true, key });
  if (r.status === 401) throw new ApiError(401, { error: 'This API key is not known or has been revoked.' });
  const j = await r.json().catch(() => ({}));
  if (!r.ok) throw new ApiError(r.status, j.error ? j : { error: `faceclock answered ${r.status}; try again in a moment.` });
  return j.data.scope;
}

$('#signin').addEventListener('submit', async (event) => {
  event.preventDefault();
  const key = $('#key').value.trim();
  const button = event.submitter || $('#signin button');
  button.disabled = true;
  try {
    const scope = await probe(key);
    remember(key, scope);
    const next = params.get('next');
    location.replace(scope === 'kiosk' ? '/kiosk.html' : next && next.startsWith('/') && !next.startsWith('//') ? next : '/');
  } catch (e) {
    notice('#why', 'bad', e.message);
    $('#key').focus();
  } finally {
    button.disabled = false;
  }
});
$('#key').focus();
