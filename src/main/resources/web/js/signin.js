import { api, remember, ApiError } from './api.js';
import { $, notice } from './page.js';

const REASONS = {
  rejected: 'Your API key was not accepted (it may have been revoked). Please sign in again.',
};

const params = new URLSearchParams(location.search);
/**
 * Where signing in may return to: a page of this site by its plain path. Browsers read /\host and
 * /<tab>/host as //host, another site, which a link could use to take the key holder elsewhere.
 */
const OWN_PAGE = /^\/(?:[a-z0-9_-]+\.html)?$/;
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
    location.replace(scope === 'kiosk' ? '/kiosk.html' : next && OWN_PAGE.test(next) ? next : '/');
  } catch (e) {
    notice('#why', 'bad', e.message);
    $('#key').focus();
  } finally {
    button.disabled = false;
  }
});
$('#key').focus();
