// The API key lives in this tab's session storage only; every call sends it as X-API-Key.
const KEY = 'faceclock.key';
const SCOPE = 'faceclock.scope';

export function apiKey() { return sessionStorage.getItem(KEY); }
export function scope() { return sessionStorage.getItem(SCOPE); }

export function remember(key, keyScope) {
  sessionStorage.setItem(KEY, key);
  sessionStorage.setItem(SCOPE, keyScope);
}

/** Forgets the key and goes to the sign-in page, which says why. */
export function signOut(reason) {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(SCOPE);
  const q = new URLSearchParams();
  if (reason) q.set('reason', reason);
  if (reason && location.pathname !== '/signin.html') q.set('next', location.pathname);
  location.replace('/signin.html' + (q.toString() ? '?' + q : ''));
}

/** A refusal from the server, with its sentence and the field at fault. */
export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error) || `The server answered ${status}`);
    this.status = status;
    this.field = body && body.field;
    this.body = body;
  }
}

/**
 * Calls /api/v1 + path. body: sent as JSON; form: a FormData (multipart). Answers the parsed JSON,
 * or the Response itself with raw: true. A 401 signs out.
 */
export async function api(path, { method = 'GET', body, form, raw = false, key = apiKey() } = {}) {
  const headers = {};
  if (key) headers['X-API-Key'] = key;
  let payload;
  if (form) {
    payload = form;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let r;
  try {
    r = await fetch('/api/v1' + path, { method, headers, body: payload, cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, { error: 'faceclock does not answer: check the network or whether the service runs' });
  }
  if (r.status === 401 && key === apiKey()) {
    signOut('rejected');
    throw new ApiError(401, { error: 'The API key was not accepted' });
  }
  if (raw) return r;
  let json;
  try {
    json = await r.json();
  } catch (e) {
    json = { success: false, error: `The server answered ${r.status} without JSON` };
  }
  if (!r.ok) throw new ApiError(r.status, json);
  return json;
}

/** An image the API serves (it needs the key, so no plain <img src>): an object URL, or null. */
export async function imageUrl(path) {
  const p = path.startsWith('/api/v1') ? path.slice('/api/v1'.length) : path;
  const r = await api(p, { raw: true });
  if (!r.ok) return null;
  return URL.createObjectURL(await r.blob());
}
