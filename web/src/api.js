// The API on the same origin: the session is the HttpOnly cookie, and every
// request that changes something carries the CSRF header. No token is ever
// kept in script-readable storage.

// An answer that is not 2xx: the error body's code, message and field, the
// status, and Retry-After in seconds for 429 and 503.
export class ApiError extends Error {
	constructor(status, body, retryAfter) {
		const e = (body && body.error) || {};
		super(e.message || `HTTP ${status}`);
		this.status = status;
		this.code = e.code || (status === 0 ? 'network' : 'internal');
		this.field = e.field || null;
		this.retryAfter = retryAfter;
	}
}

let onSessionLost = () => {};

// The App learns here when a request finds the session gone (it expired or
// was revoked elsewhere): it goes to sign-in and back afterwards.
export function whenSessionLost(fn) {
	onSessionLost = fn;
}

export async function request(method, path, body, { quiet401 = false } = {}) {
	const headers = { Accept: 'application/json' };
	if (method !== 'GET') headers['X-Roster-CSRF'] = '1';
	if (body !== undefined) headers['Content-Type'] = 'application/json';
	let res;
	try {
		res = await fetch(path, {
			method,
			headers,
			credentials: 'same-origin',
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	} catch {
		throw new ApiError(0, null, 0);
	}
	const text = await res.text();
	let json = null;
	try {
		json = text ? JSON.parse(text) : null;
	} catch {
		json = null;
	}
	if (res.ok) return json;
	const err = new ApiError(res.status, json, Number(res.headers.get('Retry-After')) || 0);
	if (res.status === 401 && !quiet401) onSessionLost();
	throw err;
}

export const get = (path, params) => request('GET', withQuery(path, params));
export const post = (path, body) => request('POST', path, body);
export const patch = (path, body) => request('PATCH', path, body);
export const put = (path) => request('PUT', path);
export const del = (path) => request('DELETE', path);

// path?k=v&… for the parameters that have a value.
export function withQuery(path, params) {
	if (!params) return path;
	const q = new URLSearchParams();
	for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
	const s = q.toString();
	return s ? `${path}?${s}` : path;
}

export const orgPath = (org, rest = '') => `/api/v1/orgs/${encodeURIComponent(org)}${rest}`;
