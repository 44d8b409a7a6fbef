// The request target as the client sent it: routing on the raw path (an
// encoded '/' or NUL never reaches another route), path parameters and
// query strings decoded once and refused unless valid text, literal
// segments deciding over parameters for every method, bodies refused where
// a route takes none, and X-Request-Id adopted only from a trusted proxy.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeDb, migrate, createUser, startRosterd, runRosterd, api, assertError, email, rawConnect } from './lib/harness.mjs';

const PW = 'correct horse battery';
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

describe('routing on the raw target', { timeout: 120000 }, () => {
	let srv;
	let c;
	let op;
	let org;
	let adminId;

	before(async () => {
		const db = makeDb('routing');
		await migrate(db);
		const opMail = email('routing-op');
		await createUser(db, opMail, PW);
		srv = await startRosterd({ db });
		c = api(srv.base);
		op = (await c.login(opMail, PW)).json.token;
		const res = await c.post(
			'/api/v1/orgs',
			{ name: 'Raw Paths', type: 'enterprise', admin: { email: email('ada'), first_name: 'Ada', last_name: 'Lovelace', language: 'en' }, modules: [] },
			{ token: op },
		);
		assert.equal(res.status, 201, res.text);
		org = res.json.id;
		adminId = res.json.admin.id;
		assert.ok(adminId, res.text);
	});

	after(async () => {
		if (srv) await srv.stop();
	});

	test('the plain paths work: roles, members, one member', async () => {
		assert.equal((await c.get(`/api/v1/orgs/${org}/roles`, { token: op })).status, 200);
		assert.equal((await c.get(`/api/v1/orgs/${org}/members`, { token: op })).status, 200);
		assert.equal((await c.get(`/api/v1/orgs/${org}/members/${adminId}`, { token: op })).status, 200);
	});

	for (const [label, path] of [
		['an encoded / is not a separator: {org}%2Froles', (o) => `/api/v1/orgs/${o}%2Froles`],
		['lower-case %2f too', (o) => `/api/v1/orgs/${o}%2froles`],
		['an encoded NUL does not end the path: {org}%00/members', (o) => `/api/v1/orgs/${o}%00/members`],
		['an encoded NUL in the last segment: {org}/members/{user}%00', (o) => `/api/v1/orgs/${o}/members/${adminId}%00`],
		['an escaped letter is not the letter: {org}/%72oles', (o) => `/api/v1/orgs/${o}/%72oles`],
		['encoded dot segments: {org}/members/%2e%2e', (o) => `/api/v1/orgs/${o}/members/%2e%2e`],
		['a dot segment as a parameter: /api/v1/orgs/./roles', () => '/api/v1/orgs/./roles'],
		['/healthz%00abc', () => '/healthz%00abc'],
		['/healthz%2F', () => '/healthz%2F'],
	]) {
		test(`${label} → 404 not_found`, async () => {
			assertError(await c.get(path(org), { token: op }), 404, 'not_found');
		});
	}

	for (const [label, path, field] of [
		['a parameter that is not UTF-8 once decoded', '/api/v1/orgs/org%F0/roles', 'org'],
		['an overlong encoding of /', '/api/v1/orgs/a%C0%AFb/roles', 'org'],
		['a malformed escape in a parameter', '/api/v1/orgs/org%zz/roles', 'org'],
		['a truncated escape in the last parameter', `/api/v1/orgs/ORG/members/usr%2`, 'user'],
	]) {
		test(`${label} → 400 bad_request, field ${field}`, async () => {
			assertError(await c.get(path.replace('ORG', org), { token: op }), 400, 'bad_request', field);
		});
	}

	test('a malformed escape on a path no route has → 400 bad_request without a field', async () => {
		assertError(await c.get('/api/v1/nope%zz', { token: op }), 400, 'bad_request');
		assertError(await c.get('/api/v1/nope%41', { token: op }), 404, 'not_found');
	});

	test('parameters are decoded: an escaped id finds the same member', async () => {
		const escaped = [...adminId].map((ch) => `%${ch.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
		const res = await c.get(`/api/v1/orgs/${org}/members/${escaped}`, { token: op });
		assert.equal(res.status, 200, res.text);
		assert.equal(res.json.id, adminId);
	});

	for (const [query, field] of [
		['q=%F0', 'q'],
		['q=%00', 'q'],
		['q=ab%00cd', 'q'],
		['q=%C3', 'q'],
		['q=%ED%A0%80', 'q'],
		['limit=5&q=%FF', 'q'],
		['limit=%zz', 'limit'],
		['cursor=%', 'cursor'],
		['role=%E2%82', 'role'],
	]) {
		test(`GET /api/v1/orgs?${query} → 400 bad_request, field ${field}`, async () => {
			const res = await c.get(`/api/v1/orgs?${query}`, { token: op });
			assertError(res, 400, 'bad_request', field);
			assert.match(res.json.error.message, new RegExp(`parameter '${field}' is not valid text`));
		});
		test(`GET …/members?${query} → 400 bad_request, field ${field}`, async () => {
			assertError(await c.get(`/api/v1/orgs/${org}/members?${query}`, { token: op }), 400, 'bad_request', field);
		});
	}

	test('after the bad queries the server still answers', async () => {
		assert.equal((await c.get('/healthz')).status, 200);
		assert.equal((await c.get('/api/v1/orgs?q=Raw', { token: op })).status, 200);
	});

	test("'+' in a query is a space, as forms and URLSearchParams send it; %2B is a plus", async () => {
		const ids = async (q) => (await c.get(`/api/v1/orgs/${org}/members?${q}`, { token: op })).json.items.map((m) => m.id);
		assert.deepEqual(await ids('q=ada+love'), [adminId]);
		assert.deepEqual(await ids(new URLSearchParams({ q: 'Ada Lovelace' }).toString()), [adminId]);
		assert.deepEqual(await ids('q=ada%20love'), [adminId]);
		assert.deepEqual(await ids('q=ada%2Blove'), []);
	});

	// Static segments win over parameters, for every method.
	for (const m of METHODS.filter((x) => x !== 'POST')) {
		test(`${m} /api/v1/orgs/{org}/members/remove → 405, Allow: POST (never members/{user})`, async () => {
			const res = await c.req(m, `/api/v1/orgs/${org}/members/remove`, { token: op });
			assertError(res, 405, 'method_not_allowed');
			assert.equal(res.headers.allow, 'POST');
		});
	}
	test('HEAD /api/v1/orgs/{org}/members/remove → 405, Allow: POST', async () => {
		const res = await c.req('HEAD', `/api/v1/orgs/${org}/members/remove`, { token: op });
		assert.equal(res.status, 405);
		assert.equal(res.headers.allow, 'POST');
	});

	test('every literal route of the table that competes with a parameter route decides its path for every method', async () => {
		const r = await runRosterd(['--routes']);
		assert.equal(r.code, 0, r.stderr);
		const routes = r.stdout.trim().split('\n').map((l) => {
			const [method, pattern] = l.split(' ');
			return { method, pattern, segs: pattern.split('/').slice(1) };
		});
		const isParam = (s) => s.startsWith('{');
		// Pairs (literal L, parameter P) of the same length where, at the first
		// position they differ, L has a literal and P a parameter, and P matches L's path.
		const literalPatterns = new Set();
		for (const l of routes)
			for (const p of routes) {
				if (l.segs.length !== p.segs.length || l.pattern === p.pattern) continue;
				const k = l.segs.findIndex((s, i) => s !== p.segs[i]);
				if (k < 0 || isParam(l.segs[k]) || !isParam(p.segs[k])) continue;
				if (l.segs.every((s, i) => isParam(p.segs[i]) || s === p.segs[i] || isParam(s))) literalPatterns.add(l.pattern);
			}
		assert.ok(literalPatterns.has('/api/v1/orgs/{org}/members/remove'), [...literalPatterns].join(', '));
		const checked = [];
		for (const pattern of literalPatterns) {
			const own = routes.filter((x) => x.pattern === pattern).map((x) => x.method);
			const path = pattern.replace('{org}', org).replace(/\{[^}]+\}/g, 'x1');
			for (const m of METHODS.filter((x) => !own.includes(x))) {
				const res = await c.req(m, path, { token: op });
				assert.equal(res.status, 405, `${m} ${pattern}: ${res.status} ${res.text}`);
				assert.equal(res.headers.allow, own.join(', '), `${m} ${pattern}`);
				checked.push(`${m} ${pattern}`);
			}
		}
		assert.ok(checked.length >= 5, checked.join(', '));
	});

	// A body on a route that takes none.
	test('POST /auth/logout with a JSON body → 400 body_not_allowed, and the session lives on', async () => {
		const res = await c.post('/api/v1/auth/logout', {}, { token: op });
		assertError(res, 400, 'body_not_allowed');
		assert.equal(res.json.error.message, 'This request takes no body.');
		assert.equal((await c.me(op)).status, 200, 'the session was not ended');
	});

	for (const [m, path, label] of [
		['GET', () => '/api/v1/me', 'GET /me'],
		['GET', () => `/api/v1/orgs/${org}/members`, 'GET …/members'],
		['DELETE', () => `/api/v1/orgs/${org}/members/${adminId}`, 'DELETE …/members/{user}'],
		['POST', () => `/api/v1/orgs/${org}/independence`, 'POST …/independence'],
		['PUT', () => `/api/v1/orgs/${org}/modules/customer_login`, 'PUT …/modules/{module}'],
		['DELETE', () => `/api/v1/orgs/${org}/modules/customer_login`, 'DELETE …/modules/{module}'],
		['GET', () => '/healthz', 'GET /healthz'],
	]) {
		test(`${label} with a body → 400 body_not_allowed; with Content-Length: 0 it is not refused for that`, async () => {
			assertError(await c.req(m, path(), { token: op, raw: '{"x":1}', headers: { 'Content-Type': 'application/json' } }), 400, 'body_not_allowed');
			assertError(await c.req(m, path(), { token: op, raw: 'x', headers: { 'Content-Type': 'text/plain' } }), 400, 'body_not_allowed');
			const empty = await c.req(m, path(), { token: op, raw: '' });
			assert.notEqual(empty.json?.error?.code, 'body_not_allowed', `${empty.status} ${empty.text}`);
		});
	}

	test('the member that the DELETE with a body aimed at is still there', async () => {
		assert.equal((await c.get(`/api/v1/orgs/${org}/members/${adminId}`, { token: op })).status, 200);
	});

	test('a stranger sending a body still learns nothing: 404 before body_not_allowed', async () => {
		const res = await c.req('POST', `/api/v1/orgs/org_doesnotexist/independence`, { token: op, raw: '{}', headers: { 'Content-Type': 'application/json' } });
		assertError(res, 404, 'not_found');
	});

	test('X-Request-Id from a client that is not a trusted proxy is ignored: one is generated', async () => {
		const res = await c.get('/healthz', { headers: { 'X-Request-Id': 'chosen-by-the-client' } });
		assert.equal(res.status, 200);
		assert.match(res.headers['x-request-id'], /^req_[0-9a-z]+$/);
		assert.notEqual(res.headers['x-request-id'], 'chosen-by-the-client');
	});
});

describe('X-Request-Id behind a trusted proxy', { timeout: 60000 }, () => {
	let srv;
	let c;
	let op;

	before(async () => {
		const db = makeDb('reqid');
		await migrate(db);
		const opMail = email('reqid-op');
		await createUser(db, opMail, PW);
		srv = await startRosterd({ db, args: ['--trusted-proxies', '127.0.0.1'] });
		c = api(srv.base);
		op = (await c.login(opMail, PW)).json.token;
	});

	after(async () => {
		if (srv) await srv.stop();
	});

	for (const id of ['nginx-0123456789abcdef', 'a', 'A.b_c-D', 'x'.repeat(64)]) {
		test(`from the proxy, ${JSON.stringify(id.length > 20 ? `${id.slice(0, 8)}… (${id.length})` : id)} is adopted`, async () => {
			const res = await c.get('/healthz', { headers: { 'X-Request-Id': id } });
			assert.equal(res.headers['x-request-id'], id);
		});
	}

	for (const id of ['', 'x'.repeat(65), 'has space', 'semi;colon', 'caf\u00e9', 'a/b', '<script>']) {
		test(`from the proxy, ${JSON.stringify(id.length > 20 ? `${id.slice(0, 8)}… (${id.length})` : id)} is replaced by a generated id`, async () => {
			const res = await c.get('/healthz', { headers: { 'X-Request-Id': Buffer.from(id, 'utf8').toString('latin1') } });
			assert.equal(res.status, 200);
			assert.match(res.headers['x-request-id'], /^req_[0-9a-z]+$/);
		});
	}

	test('from another address (127.0.0.2, not a proxy), the client\'s id is ignored', async () => {
		const res = await c.get('/healthz', { headers: { 'X-Request-Id': 'forged-id' }, localAddress: '127.0.0.2' });
		assert.equal(res.status, 200);
		assert.match(res.headers['x-request-id'], /^req_[0-9a-z]+$/);
	});

	test('the adopted id is the one in the audit event and the access log', async () => {
		const rid = `proxy-${process.pid}-audit`;
		const res = await c.post(
			'/api/v1/orgs',
			{ name: 'Traced', type: 'enterprise', admin: { email: email('traced'), first_name: 'T', last_name: 'R', language: 'en' }, modules: [] },
			{ token: op, headers: { 'X-Request-Id': rid } },
		);
		assert.equal(res.status, 201, res.text);
		assert.equal(res.headers['x-request-id'], rid);
		const audit = await c.get(`/api/v1/orgs/${res.json.id}/audit`, { token: op });
		assert.equal(audit.status, 200, audit.text);
		assert.ok(audit.json.items.some((e) => e.request_id === rid), JSON.stringify(audit.json.items));
		// Access lines are flushed within a quarter second.
		await new Promise((r) => setTimeout(r, 600));
		assert.ok(srv.logLines().some((l) => l.event === 'request' && l.request_id === rid && l.method === 'POST'));
	});

	test('the same from 127.0.0.2: the audit event carries a generated id', async () => {
		const res = await c.post(
			'/api/v1/orgs',
			{ name: 'Untraced', type: 'enterprise', admin: { email: email('untraced'), first_name: 'U', last_name: 'R', language: 'en' }, modules: [] },
			{ token: op, headers: { 'X-Request-Id': 'forged-audit-id' }, localAddress: '127.0.0.2' },
		);
		assert.equal(res.status, 201, res.text);
		const audit = await c.get(`/api/v1/orgs/${res.json.id}/audit`, { token: op });
		assert.ok(!audit.json.items.some((e) => e.request_id === 'forged-audit-id'), JSON.stringify(audit.json.items));
		assert.ok(audit.json.items.some((e) => e.request_id === res.headers['x-request-id']), JSON.stringify(audit.json.items));
	});

	test('an encoded path over a raw socket is routed the same way behind the proxy: 404', async () => {
		const conn = await rawConnect(srv.port);
		await conn.write('GET /healthz%00abc HTTP/1.1\r\nHost: roster.test\r\nConnection: close\r\n\r\n');
		const rs = await conn.waitResponses(1);
		assert.equal(rs[0]?.status, 404, conn.data);
		conn.end();
	});
});
