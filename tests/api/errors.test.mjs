// The generic errors every route shares: size, media type, JSON shape and
// depth, URL length, unknown routes and methods.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeDb, migrate, createUser, startRosterd, api, assertError, email } from './lib/harness.mjs';

const MiB = 1024 * 1024;
const LOGIN = '/api/v1/auth/login';
const JSON_CT = { 'Content-Type': 'application/json' };

// {"email": [[...[]...]], "password": "x"}: the object plus n arrays = n + 1 levels.
function nested(levels) {
	const arrays = levels - 1;
	return `{"email":${'['.repeat(arrays)}${']'.repeat(arrays)},"password":"x"}`;
}

// A JSON body of exactly size bytes: {"email":5,"password":"x"} padded with spaces.
function paddedBody(size) {
	const core = '{"email":5,"password":"x"';
	return Buffer.from(core + ' '.repeat(size - core.length - 1) + '}');
}

describe('generic errors', { timeout: 60000 }, () => {
	const user = email('err');
	let srv;
	let c;
	let token;

	before(async () => {
		const db = makeDb('errors');
		await migrate(db);
		await createUser(db, user, 'a long enough password');
		srv = await startRosterd({ db });
		c = api(srv.base);
		const res = await c.login(user, 'a long enough password');
		assert.equal(res.status, 200, res.text);
		token = res.json.token;
	});

	after(async () => srv && (await srv.stop()));

	test('413 payload_too_large: a body of 1 MiB + 1 byte with Content-Length', async () => {
		const res = await c.req('POST', LOGIN, { raw: paddedBody(MiB + 1), headers: JSON_CT });
		assertError(res, 413, 'payload_too_large');
	});

	test('413 payload_too_large: a chunked body growing over 1 MiB', async () => {
		const res = await c.req('POST', LOGIN, { raw: paddedBody(MiB + 4096), headers: { ...JSON_CT, 'Transfer-Encoding': 'chunked' } });
		assertError(res, 413, 'payload_too_large');
	});

	test('a body of exactly 1 MiB is read and parsed (400 wrong_type for its email, not 413)', async () => {
		const res = await c.req('POST', LOGIN, { raw: paddedBody(MiB), headers: JSON_CT });
		assertError(res, 400, 'wrong_type', 'email');
	});

	test('415 unsupported_media_type: valid JSON sent as text/plain or form data, on a public and an authenticated route', async () => {
		const raw = JSON.stringify({ email: user, password: 'x' });
		assertError(await c.req('POST', LOGIN, { raw, headers: { 'Content-Type': 'text/plain' } }), 415, 'unsupported_media_type');
		assertError(await c.req('POST', LOGIN, { raw, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported_media_type');
		assertError(await c.req('PATCH', '/api/v1/me', { token, raw: '{"first_name":"X"}', headers: { 'Content-Type': 'text/plain' } }), 415, 'unsupported_media_type');
		assert.equal((await c.me(token)).json.first_name, '', 'nothing changed');
	});

	test('application/json; charset=utf-8 is JSON (PATCH /me → 200)', async () => {
		const res = await c.req('PATCH', '/api/v1/me', { token, raw: '{"company":"Acme"}', headers: { 'Content-Type': 'application/json; charset=utf-8' } });
		assert.equal(res.status, 200, res.text);
		assert.equal(res.json.company, 'Acme');
	});

	test('400 malformed_json: truncated JSON, trailing garbage, a bare word', async () => {
		for (const raw of ['{"email":', '{"email":"a@b.c","password":"x"} trailing', 'hello', '{"email":"a@b.c",}']) {
			assertError(await c.req('POST', LOGIN, { raw, headers: JSON_CT }), 400, 'malformed_json');
		}
	});

	test('400 wrong_type naming the field', async () => {
		assertError(await c.post(LOGIN, { email: 5, password: 'x' }), 400, 'wrong_type', 'email');
		assertError(await c.post(LOGIN, { email: user, password: true }), 400, 'wrong_type', 'password');
		assertError(await c.post(LOGIN, { email: user, password: null }), 400, 'wrong_type', 'password');
	});

	test('400 missing_field naming the field', async () => {
		assertError(await c.post(LOGIN, { email: user }), 400, 'missing_field', 'password');
		assertError(await c.post(LOGIN, { password: 'x' }), 400, 'missing_field', 'email');
		assertError(await c.post('/api/v1/me/password', { new_password: 'long enough password' }, { token }), 400, 'missing_field', 'current_password');
	});

	test('400 too_deep at 33 levels of nesting; 32 levels parse (and fail on the type of email instead)', async () => {
		assertError(await c.req('POST', LOGIN, { raw: nested(33), headers: JSON_CT }), 400, 'too_deep');
		assertError(await c.req('POST', LOGIN, { raw: nested(5000), headers: JSON_CT }), 400, 'too_deep');
		assertError(await c.req('POST', LOGIN, { raw: nested(32), headers: JSON_CT }), 400, 'wrong_type', 'email');
	});

	test('414 uri_too_long for a URL over 2 KiB; a URL just under 2 KiB is routed (401 on /me)', async () => {
		const long = `/api/v1/me?q=${'a'.repeat(3000)}`;
		assertError(await c.get(long, { token }), 414, 'uri_too_long');
		assertError(await c.get(`/api/v1/${'b'.repeat(10000)}`), 414, 'uri_too_long');
		const short = `/api/v1/me?q=${'a'.repeat(2000 - '/api/v1/me?q='.length)}`;
		assert.equal(short.length, 2000);
		assertError(await c.get(short), 401, 'unauthenticated');
	});

	test('404 not_found for unknown routes, with or without credentials', async () => {
		assertError(await c.get('/api/v1/nope'), 404, 'not_found');
		assertError(await c.get('/api/v1/nope', { token }), 404, 'not_found');
		assertError(await c.get('/nope'), 404, 'not_found');
		assertError(await c.post('/api/v1/auth/nope', {}), 404, 'not_found');
		assertError(await c.get('/api/v2/me', { token }), 404, 'not_found');
		assertError(await c.get('/api/v1/me/extra', { token }), 404, 'not_found');
	});

	test('405 method_not_allowed with an Allow header listing the route\'s methods', async () => {
		const allow = (res) => new Set(String(res.headers.allow || '').split(',').map((s) => s.trim()).filter(Boolean));
		const del = await c.req('DELETE', '/api/v1/me', { token });
		assertError(del, 405, 'method_not_allowed');
		assert.deepEqual(allow(del), new Set(['GET', 'PATCH']), `Allow: ${del.headers.allow}`);
		const put = await c.req('PUT', '/api/v1/me', { body: {} });
		assertError(put, 405, 'method_not_allowed');
		assert.deepEqual(allow(put), new Set(['GET', 'PATCH']), `Allow: ${put.headers.allow}`);
		const get = await c.get(LOGIN);
		assertError(get, 405, 'method_not_allowed');
		assert.ok(allow(get).has('POST') && !allow(get).has('GET'), `Allow: ${get.headers.allow}`);
		const post = await c.post('/healthz', {});
		assertError(post, 405, 'method_not_allowed');
		assert.ok(allow(post).has('GET') && !allow(post).has('POST'), `Allow: ${post.headers.allow}`);
	});

	test('generic errors did not disturb the server: login still works', async () => {
		const res = await c.login(user, 'a long enough password');
		assert.equal(res.status, 200, res.text);
	});
});
