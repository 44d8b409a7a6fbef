// Session timeouts, and client addresses behind a trusted reverse proxy.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeDb, migrate, createUser, startRosterd, api, assertError, email, delay } from './lib/harness.mjs';

const PW = 'the right password';

describe('session idle timeout and lifetime', { timeout: 60000 }, () => {
	const user = email('ses');
	let srv;
	let c;
	before(async () => {
		const db = makeDb('sessions');
		await migrate(db);
		await createUser(db, user, PW);
		srv = await startRosterd({ db, args: ['--session-idle', '2', '--session-lifetime', '5'] });
		c = api(srv.base);
	});
	after(async () => srv && (await srv.stop()));

	test('a session in use stays alive past the idle timeout', async () => {
		const { json } = await c.login(user, PW);
		for (let i = 0; i < 8; i++) {
			await delay(400);
			const res = await c.me(json.token);
			assert.equal(res.status, 200, `request ${i} after ${(i + 1) * 400} ms`);
		}
	});

	test('an unused session ends after the idle timeout → 401', async () => {
		const { json } = await c.login(user, PW);
		assert.equal((await c.me(json.token)).status, 200);
		await delay(2600);
		assertError(await c.me(json.token), 401, 'unauthenticated');
	});

	test('a session in use ends at its lifetime all the same → 401', async () => {
		const { json } = await c.login(user, PW);
		const start = Date.now();
		let last = 200;
		while (Date.now() - start < 6000 && last === 200) {
			await delay(300);
			last = (await c.me(json.token)).status;
		}
		assert.equal(last, 401, 'ended');
		assert.ok(Date.now() - start >= 4500, `ended after ${Date.now() - start} ms, at the 5 s lifetime`);
	});
});

// 50 failed sign-ins from one client address lock that address out.
async function failFrom(c, xff, n) {
	for (let i = 0; i < n; i++) {
		const res = await c.login(email('nobody'), 'a wrong password', { headers: xff ? { 'X-Forwarded-For': xff } : {} });
		assertError(res, 401, 'invalid_credentials');
	}
}

describe('client address behind a trusted proxy', { timeout: 120000 }, () => {
	let srv;
	let c;
	before(async () => {
		const db = makeDb('proxy_trusted');
		await migrate(db);
		srv = await startRosterd({ db, args: ['--trusted-proxies', '127.0.0.1'] });
		c = api(srv.base);
	});
	after(async () => srv && (await srv.stop()));

	test('step 1: 50 failed sign-ins forwarded for one client → 401 each', async () => {
		await failFrom(c, '198.51.100.7', 50);
	});

	test('step 2: that client is locked out → 429', async () => {
		const res = await c.login(email('nobody'), 'a wrong password', { headers: { 'X-Forwarded-For': '198.51.100.7' } });
		assertError(res, 429, 'too_many_requests');
	});

	test('step 3: another client behind the same proxy is not → 401', async () => {
		const res = await c.login(email('nobody'), 'a wrong password', { headers: { 'X-Forwarded-For': '198.51.100.8' } });
		assertError(res, 401, 'invalid_credentials');
	});

	test('step 4: addresses the client wrote itself, left of the proxy\'s entry, prove nothing → 429', async () => {
		const res = await c.login(email('nobody'), 'a wrong password', {
			headers: { 'X-Forwarded-For': '203.0.113.9, 198.51.100.7' },
		});
		assertError(res, 429, 'too_many_requests');
	});
});

describe('X-Forwarded-For from an untrusted peer is ignored', { timeout: 120000 }, () => {
	let srv;
	let c;
	before(async () => {
		const db = makeDb('proxy_untrusted');
		await migrate(db);
		srv = await startRosterd({ db });
		c = api(srv.base);
	});
	after(async () => srv && (await srv.stop()));

	test('step 1: 50 failed sign-ins, each claiming another client address → 401 each', async () => {
		for (let i = 0; i < 50; i++) await failFrom(c, `198.51.100.${i + 1}`, 1);
	});

	test('step 2: the real address is locked out, whatever the header says → 429', async () => {
		const res = await c.login(email('nobody'), 'a wrong password', { headers: { 'X-Forwarded-For': '198.51.100.200' } });
		assertError(res, 429, 'too_many_requests');
	});
});
