// Sign-in, sessions (bearer and cookie), CSRF, profile updates, password change.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeDb, migrate, createUser, startRosterd, api, sessionCookie, assertError, email, poll, rosterctl, PUBLIC_URL } from './lib/harness.mjs';

const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function assertUser(u, mail) {
	assert.ok(u && typeof u === 'object', 'user object');
	assert.match(u.id, /^usr_[A-Za-z0-9_-]+$/);
	assert.equal(u.email, mail);
	for (const k of ['first_name', 'last_name', 'company']) assert.equal(typeof u[k], 'string', k);
	assert.ok(['en', 'fr', 'de'].includes(u.language), `language ${u.language}`);
	assert.ok(['active', 'disabled'].includes(u.state), `state ${u.state}`);
	assert.equal(typeof u.is_operator, 'boolean');
	assert.match(u.created_at, RFC3339_UTC);
	assert.match(u.updated_at, RFC3339_UTC);
	assert.ok(!('password_hash' in u) && !('password' in u), 'no password material in the user object');
}

describe('auth scenario', { timeout: 60000 }, () => {
	const PW = 'correct horse battery';
	const NEW_PW = 'another long passphrase';
	const alice = email('alice');
	let srv;
	let c;
	let token; // bearer session of alice
	let cookie; // cookie session of alice (a second login)
	let userId;
	let db;

	before(async () => {
		db = makeDb('auth');
		await migrate(db);
		await createUser(db, alice, PW);
		srv = await startRosterd({ db });
		c = api(srv.base);
	});

	after(async () => {
		if (srv) await srv.stop();
	});

	test('step 1: login with the right password → 200 {token, expires_at, user} and a roster_session cookie (HttpOnly, SameSite=Lax, Path=/, no Secure on http)', async () => {
		const res = await c.login(alice, PW);
		assert.equal(res.status, 200, res.text);
		assert.equal(typeof res.json.token, 'string');
		assert.ok(res.json.token.length >= 20, 'token long enough');
		assert.match(res.json.expires_at, RFC3339_UTC);
		assert.ok(Date.parse(res.json.expires_at) > Date.now(), 'expires_at in the future');
		assertUser(res.json.user, alice);
		assert.equal(res.json.user.state, 'active');
		assert.equal(res.json.user.is_operator, true, 'users made by `operator create` are operators');
		userId = res.json.user.id;
		token = res.json.token;

		const ck = sessionCookie(res);
		assert.ok(ck, `Set-Cookie roster_session (got ${JSON.stringify(res.headers['set-cookie'])})`);
		assert.ok(ck.value.length >= 20, 'cookie value');
		assert.ok(ck.attrs.includes('httponly'), `HttpOnly in ${ck.raw}`);
		assert.ok(ck.attrs.includes('samesite=lax'), `SameSite=Lax in ${ck.raw}`);
		assert.ok(ck.attrs.includes('path=/'), `Path=/ in ${ck.raw}`);
		assert.ok(!ck.attrs.includes('secure'), `no Secure on an http public URL: ${ck.raw}`);

		const res2 = await c.login(alice, PW);
		assert.equal(res2.status, 200, res2.text);
		assert.notEqual(res2.json.token, token, 'each login gets its own token');
		cookie = sessionCookie(res2).value;
	});

	test('step 2: GET /me with the bearer token → 200 the same user', async () => {
		const res = await c.me(token);
		assert.equal(res.status, 200, res.text);
		assertUser(res.json, alice);
		assert.equal(res.json.id, userId);
	});

	test('step 3: GET /me with only the session cookie → 200 the same user', async () => {
		const res = await c.get('/api/v1/me', { cookie });
		assert.equal(res.status, 200, res.text);
		assert.equal(res.json.id, userId);
	});

	test('step 4: GET /me with no credentials, a made-up bearer token, or a made-up cookie → 401 unauthenticated', async () => {
		assertError(await c.get('/api/v1/me'), 401, 'unauthenticated');
		assertError(await c.me('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'), 401, 'unauthenticated');
		assertError(await c.get('/api/v1/me', { cookie: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }), 401, 'unauthenticated');
		assertError(await c.get('/api/v1/me', { headers: { Authorization: 'Basic Zm9vOmJhcg==' } }), 401, 'unauthenticated');
	});

	test('step 5: cookie-authenticated PATCH /me without X-Roster-CSRF → 403 csrf_failed and nothing changes', async () => {
		const res = await c.patch('/api/v1/me', { first_name: 'Mallory' }, { cookie });
		assertError(res, 403, 'csrf_failed');
		const me = await c.me(token);
		assert.equal(me.json.first_name, '', 'first_name unchanged');
	});

	test('step 6: cookie-authenticated PATCH /me with X-Roster-CSRF: 1 → 200 and the change is visible', async () => {
		const res = await c.patch('/api/v1/me', { first_name: 'Alice' }, { cookie, headers: { 'X-Roster-CSRF': '1' } });
		assert.equal(res.status, 200, res.text);
		assertUser(res.json, alice);
		assert.equal(res.json.first_name, 'Alice');
		const me = await c.me(token);
		assert.equal(me.json.first_name, 'Alice');
	});

	test('step 7: bearer-authenticated PATCH /me needs no X-Roster-CSRF → 200', async () => {
		const res = await c.patch('/api/v1/me', { last_name: 'Liddell', company: 'Wonderland Ltd' }, { token });
		assert.equal(res.status, 200, res.text);
		assert.equal(res.json.first_name, 'Alice', 'untouched fields stay');
		assert.equal(res.json.last_name, 'Liddell');
		assert.equal(res.json.company, 'Wonderland Ltd');
	});

	test('step 8: cookie-authenticated POST /auth/logout without X-Roster-CSRF → 403 csrf_failed and the session lives on', async () => {
		const res = await c.req('POST', '/api/v1/auth/logout', { cookie });
		assertError(res, 403, 'csrf_failed');
		const me = await c.get('/api/v1/me', { cookie });
		assert.equal(me.status, 200, me.text);
	});

	test('step 8b: on an organization\'s route the session comes first, then CSRF, then the organization', async () => {
		// alice is an operator: she sees every organization, so only a missing one is 404 for her.
		const other = await rosterctl(['--public-url', PUBLIC_URL, 'org', 'create', 'Elsewhere', 'enterprise', email('owner')], { db });
		assert.equal(other.code, 0, other.stderr);
		const otherId = other.stdout.split('\t')[0].trim();
		assert.match(otherId, /^org_[0-9a-z]{26}$/);
		const paths = {
			'/api/v1/orgs/org_00000000000000000000000000': 404,
			'/api/v1/orgs/not-an-id': 404,
			[`/api/v1/orgs/${otherId}`]: 200,
		};
		for (const [path, status] of Object.entries(paths)) {
			// A cookie without X-Roster-CSRF is refused before the organization is looked at.
			assertError(await c.patch(path, { name: 'Renamed' }, { cookie }), 403, 'csrf_failed');
			// No session, or a dead one: 401 before anything about the organization.
			assertError(await c.get(path, {}), 401, 'unauthenticated');
			assertError(await c.get(path, { token: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }), 401, 'unauthenticated');
			assertError(await c.get(path, { cookie: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }), 401, 'unauthenticated');
			const read = await c.get(path, { cookie });
			if (status === 404) assertError(read, 404, 'not_found');
			else assert.equal(read.status, 200, read.text);
		}
		const after = await c.get(`/api/v1/orgs/${otherId}`, { token });
		assert.equal(after.json.name, 'Elsewhere', 'the refused PATCH changed nothing');
	});

	test('step 9: wrong password and unknown email → 401 invalid_credentials with identical bodies, no cookie', async () => {
		const wrong = await c.login(alice, 'not the password at all');
		const unknown = await c.login(email('nobody'), 'not the password at all');
		assertError(wrong, 401, 'invalid_credentials');
		assertError(unknown, 401, 'invalid_credentials');
		assert.deepEqual(wrong.json, unknown.json, 'same body for both');
		assert.equal(sessionCookie(wrong), null, 'no session cookie on failure');
	});

	test('step 9b: an unknown email costs about as much time as a wrong password (no shortcut that tells them apart)', async () => {
		const bob = email('bob');
		await createUser(srv.db, bob, PW);
		const time = async (fn) => {
			const t = process.hrtime.bigint();
			const res = await fn();
			assertError(res, 401, 'invalid_credentials');
			return Number(process.hrtime.bigint() - t) / 1e6;
		};
		const wrong = [];
		const unknown = [];
		for (let i = 0; i < 7; i++) {
			wrong.push(await time(() => c.login(bob, `wrong password ${i}`)));
			unknown.push(await time(() => c.login(email('nobody'), `wrong password ${i}`)));
		}
		const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
		const mw = median(wrong);
		const mu = median(unknown);
		assert.ok(mu >= mw * 0.5 && mu <= mw * 2, `median ${mu.toFixed(1)} ms for an unknown email vs ${mw.toFixed(1)} ms for a wrong password`);
	});

	test('step 10: PATCH /me {is_operator:true} and {is_operator:false} → 400 unknown_field (field is_operator); the flag stays true', async () => {
		assertError(await c.patch('/api/v1/me', { is_operator: true }, { token }), 400, 'unknown_field', 'is_operator');
		assertError(await c.patch('/api/v1/me', { is_operator: false }, { token }), 400, 'unknown_field', 'is_operator');
		const me = await c.me(token);
		assert.equal(me.json.is_operator, true);
	});

	test('step 11: PATCH /me with a valid field plus email or state → 400 unknown_field naming it, and the valid field is not applied', async () => {
		assertError(await c.patch('/api/v1/me', { first_name: 'Eve', email: 'eve@example.com' }, { token }), 400, 'unknown_field', 'email');
		assertError(await c.patch('/api/v1/me', { state: 'disabled', company: 'Evil Corp' }, { token }), 400, 'unknown_field', 'state');
		const me = await c.me(token);
		assert.equal(me.json.first_name, 'Alice');
		assert.equal(me.json.company, 'Wonderland Ltd');
		assert.equal(me.json.email, alice);
		assert.equal(me.json.state, 'active');
	});

	test('step 12: PATCH /me language fr → 200 and GET /me says fr; language es → 422 invalid_language, still fr', async () => {
		const res = await c.patch('/api/v1/me', { language: 'fr' }, { token });
		assert.equal(res.status, 200, res.text);
		assert.equal(res.json.language, 'fr');
		assert.equal((await c.me(token)).json.language, 'fr');
		assertError(await c.patch('/api/v1/me', { language: 'es' }, { token }), 422, 'invalid_language', 'language');
		assertError(await c.patch('/api/v1/me', { language: 'EN' }, { token }), 422, 'invalid_language', 'language');
		assert.equal((await c.me(token)).json.language, 'fr');
		const back = await c.patch('/api/v1/me', { language: 'en' }, { token });
		assert.equal(back.status, 200, back.text);
		assert.equal(back.json.language, 'en');
	});

	test('step 13: names and company over 200 characters → 422 too_long naming the field; exactly 200 (multibyte) characters accepted', async () => {
		for (const f of ['first_name', 'last_name', 'company']) {
			assertError(await c.patch('/api/v1/me', { [f]: 'x'.repeat(201) }, { token }), 422, 'too_long', f);
		}
		assertError(await c.patch('/api/v1/me', { first_name: 'é'.repeat(201) }, { token }), 422, 'too_long', 'first_name');
		const me = await c.me(token);
		assert.equal(me.json.first_name, 'Alice', 'rejected values not stored');
		const ok = await c.patch('/api/v1/me', { first_name: 'é'.repeat(200) }, { token });
		assert.equal(ok.status, 200, `200 characters (400 bytes) are within the limit: ${ok.text}`);
		assert.equal(ok.json.first_name, 'é'.repeat(200));
		const back = await c.patch('/api/v1/me', { first_name: 'Alice' }, { token });
		assert.equal(back.status, 200, back.text);
	});

	test('step 14: PATCH /me with a wrong type → 400 wrong_type naming the field', async () => {
		assertError(await c.patch('/api/v1/me', { first_name: 5 }, { token }), 400, 'wrong_type', 'first_name');
		assertError(await c.patch('/api/v1/me', { language: null }, { token }), 400, 'wrong_type', 'language');
		assertError(await c.patch('/api/v1/me', { company: ['x'] }, { token }), 400, 'wrong_type', 'company');
	});

	test('step 15: POST /me/password with a wrong current password → 403 wrong_password (field current_password); the old password still works', async () => {
		const res = await c.post('/api/v1/me/password', { current_password: 'not it at all', new_password: NEW_PW }, { token });
		assertError(res, 403, 'wrong_password', 'current_password');
		const login = await c.login(alice, PW);
		assert.equal(login.status, 200, login.text);
	});

	test('step 16: POST /me/password with the right current password → 204; the other session dies, this one lives, the new password signs in and the old does not', async () => {
		const res = await c.post('/api/v1/me/password', { current_password: PW, new_password: NEW_PW }, { token });
		assert.equal(res.status, 204, res.text);
		assert.equal(res.text, '', '204 has no body');
		assertError(await c.get('/api/v1/me', { cookie }), 401, 'unauthenticated');
		const me = await c.me(token);
		assert.equal(me.status, 200, `the session that changed the password stays: ${me.text}`);
		assertError(await c.login(alice, PW), 401, 'invalid_credentials');
		const login = await c.login(alice, NEW_PW);
		assert.equal(login.status, 200, login.text);
	});

	test('step 17: POST /auth/logout with the bearer token → 204, then the token is dead (401 on /me and on a second logout)', async () => {
		const other = (await c.login(alice, NEW_PW)).json.token;
		const res = await c.req('POST', '/api/v1/auth/logout', { token });
		assert.equal(res.status, 204, res.text);
		assertError(await c.me(token), 401, 'unauthenticated');
		assertError(await c.req('POST', '/api/v1/auth/logout', { token }), 401, 'unauthenticated');
		assert.equal((await c.me(other)).status, 200, 'logout ends only its own session');
	});

	test('step 18: every response carries a distinct X-Request-Id, errors included', async () => {
		const responses = [
			await c.get('/healthz'),
			await c.login(alice, NEW_PW),
			await c.login(alice, 'wrong wrong wrong'),
			await c.get('/api/v1/me'),
			await c.get('/api/v1/no-such-route'),
			await c.req('DELETE', '/api/v1/me'),
			await c.req('POST', '/api/v1/auth/login', { raw: '{', headers: { 'Content-Type': 'application/json' } }),
		];
		const ids = responses.map((r) => r.headers['x-request-id']);
		for (const [i, id] of ids.entries()) {
			assert.ok(typeof id === 'string' && id.length > 0, `response ${i} (${responses[i].status}) has X-Request-Id`);
		}
		assert.equal(new Set(ids).size, ids.length, `distinct ids: ${ids.join(' ')}`);
		// The access log names the same ids.
		const logged = () => new Set(srv.logLines().filter((l) => l.event === 'request').map((l) => l.request_id));
		await poll(() => ids.every((id) => logged().has(id)), { timeoutMs: 3000, what: 'access log lines' }).catch(() => {});
		for (const id of ids) assert.ok(logged().has(id), `access log has request_id ${id}`);
		const line = srv.logLines().find((l) => l.event === 'request' && l.request_id === ids[4]);
		assert.equal(line.method, 'GET');
		assert.equal(line.path, '/api/v1/no-such-route');
		assert.equal(Number(line.status), 404);
	});
});

describe('auth on an https public URL', { timeout: 30000 }, () => {
	let srv;
	after(async () => {
		if (srv) await srv.stop();
	});

	test('ROSTER_PUBLIC_URL=https://… → the roster_session cookie is Secure, HttpOnly, SameSite=Lax', async () => {
		const db = makeDb('auth_https');
		await migrate(db);
		const bob = email('bob');
		await createUser(db, bob, 'a fine long password');
		// Set through the environment this time: every option is also a variable.
		srv = await startRosterd({ db, publicUrl: null, env: { ROSTER_PUBLIC_URL: 'https://roster.test' } });
		const res = await api(srv.base).login(bob, 'a fine long password');
		assert.equal(res.status, 200, res.text);
		const ck = sessionCookie(res);
		assert.ok(ck, 'session cookie');
		assert.ok(ck.attrs.includes('secure'), `Secure in ${ck.raw}`);
		assert.ok(ck.attrs.includes('httponly'), `HttpOnly in ${ck.raw}`);
		assert.ok(ck.attrs.includes('samesite=lax'), `SameSite=Lax in ${ck.raw}`);
		// signing out clears it with the same attributes, Secure included
		const out = await api(srv.base).req('POST', '/api/v1/auth/logout', { token: res.json.token });
		assert.equal(out.status, 204, out.text);
		const cleared = sessionCookie(out);
		assert.ok(cleared, 'a clearing cookie');
		assert.equal(cleared.value, '');
		for (const a of ['secure', 'httponly', 'samesite=lax', 'path=/', 'max-age=0'])
			assert.ok(cleared.attrs.includes(a), `${a} in ${cleared.raw}`);
	});
});
