// The API on the same origin: the session is the HttpOnly cookie, and every
// request that changes something carries the CSRF header. No token is ever
// kept in script-readable storage.
export async function call(method, path, body) {
	const headers = { Accept: 'application/json' };
	if (method !== 'GET') headers['X-Roster-CSRF'] = '1';
	if (body !== undefined) headers['Content-Type'] = 'application/json';
	const res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
	const text = await res.text();
	const json = text ? JSON.parse(text) : null;
	return { status: res.status, json, retryAfter: Number(res.headers.get('Retry-After')) || 0 };
}
