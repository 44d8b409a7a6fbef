// Throttling of logins and password-reset requests, per account/email and per
// client address. Each scenario runs on its own database, as the windows are
// kept there.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeDb, migrate, createUser, startRosterd, api, assertError, assertRetryAfter, email } from './lib/harness.mjs';

const PW = 'the right password';

async function setup(name, users) {
	const db = makeDb(name);
	await migrate(db);
	for (const u of users) await createUser(db, u, PW);
	const srv = await startRosterd({ db });
	return { srv, c: api(srv.base) };
}

describe('login throttle per account', { timeout: 60000 }, () => {
	const victim = email('victim');
	const bystander = email('bystander');
	let srv;
	let c;
	before(async () => ({ srv, c } = await setup('thr_login_acct', [victim, bystander])));
	after(async () => srv && (await srv.stop()));

	test('step 1: ten wrong passwords for one account → 401 invalid_credentials each', async () => {
		for (let i = 1; i <= 10; i++) {
			const res = await c.login(victim, `wrong password ${i}`);
			assertError(res, 401, 'invalid_credentials');
		}
	});

	test('step 2: the 11th attempt, with the right password → 429 too_many_requests with Retry-After > 0, no token', async () => {
		const res = await c.login(victim, PW);
		assertError(res, 429, 'too_many_requests');
		assertRetryAfter(res);
		assert.ok(Number(res.headers['retry-after']) <= 15 * 60, 'Retry-After within the 15-minute window');
		assert.equal(res.headers['set-cookie'], undefined, 'no session cookie');
	});

	test('step 3: the lock holds: another right-password attempt → 429 again', async () => {
		const res = await c.login(victim, PW);
		assertError(res, 429, 'too_many_requests');
		assertRetryAfter(res);
	});

	test('step 4: another account from the same address still signs in → 200', async () => {
		const res = await c.login(bystander, PW);
		assert.equal(res.status, 200, res.text);
	});

	test('step 5: the lock is per account, whatever the case of the email → 429', async () => {
		const res = await c.login(victim.toUpperCase(), PW);
		assertError(res, 429, 'too_many_requests');
	});
});

describe('login throttle per address', { timeout: 90000 }, () => {
	const user = email('addr');
	let srv;
	let c;
	before(async () => ({ srv, c } = await setup('thr_login_addr', [user])));
	after(async () => srv && (await srv.stop()));

	test('step 1: 50 failed logins from one address, each for a different unknown email → 401 each', async () => {
		for (let i = 0; i < 50; i++) {
			const res = await c.login(email(`unknown${i}`), 'some wrong password');
			assertError(res, 401, 'invalid_credentials');
		}
	});

	test('step 2: the 51st attempt from that address, a valid login of an untouched account → 429 with Retry-After', async () => {
		const res = await c.login(user, PW);
		assertError(res, 429, 'too_many_requests');
		assertRetryAfter(res);
	});
});

describe('forgot-password throttle per email', { timeout: 60000 }, () => {
	const known = email('known');
	let srv;
	let c;
	before(async () => ({ srv, c } = await setup('thr_forgot_email', [known])));
	after(async () => srv && (await srv.stop()));

	test('step 1: ten forgot requests for an existing email → 202 each', async () => {
		for (let i = 1; i <= 10; i++) {
			const res = await c.forgot(known);
			assert.equal(res.status, 202, `request ${i}: ${res.text}`);
			assert.equal(typeof res.json.message, 'string');
		}
	});

	test('step 2: the 11th for that email → 429 too_many_requests with Retry-After', async () => {
		const res = await c.forgot(known);
		assertError(res, 429, 'too_many_requests');
		assertRetryAfter(res);
	});

	test('step 3: a different email from the same address → 202', async () => {
		const res = await c.forgot(email('other'));
		assert.equal(res.status, 202, res.text);
	});

	test('step 4: an unknown email is throttled the same way (11th → 429), so the throttle reveals nothing', async () => {
		const unknown = email('ghost');
		for (let i = 1; i <= 10; i++) {
			const res = await c.forgot(unknown);
			assert.equal(res.status, 202, `request ${i}: ${res.text}`);
		}
		const res = await c.forgot(unknown);
		assertError(res, 429, 'too_many_requests');
		assertRetryAfter(res);
	});
});

describe('forgot-password throttle per address', { timeout: 60000 }, () => {
	let srv;
	let c;
	before(async () => ({ srv, c } = await setup('thr_forgot_addr', [])));
	after(async () => srv && (await srv.stop()));

	test('step 1: 50 forgot requests from one address for 50 different emails → 202 each', async () => {
		for (let i = 0; i < 50; i++) {
			const res = await c.forgot(email(`many${i}`));
			assert.equal(res.status, 202, `request ${i + 1}: ${res.text}`);
		}
	});

	test('step 2: the 51st → 429 too_many_requests with Retry-After', async () => {
		const res = await c.forgot(email('fifty-first'));
		assertError(res, 429, 'too_many_requests');
		assertRetryAfter(res);
	});
});

describe('password change throttle per account', { timeout: 60000 }, () => {
	const victim = email('pwvictim');
	const other = email('pwother');
	const racer = email('pwracer');
	let srv;
	let c;
	let token;
	let otherToken;
	let racerToken;
	before(async () => {
		({ srv, c } = await setup('thr_pwchange', [victim, other, racer]));
		token = (await c.login(victim, PW)).json.token;
		otherToken = (await c.login(other, PW)).json.token;
		racerToken = (await c.login(racer, PW)).json.token;
	});
	after(async () => srv && (await srv.stop()));

	const change = (t, current) => c.post('/api/v1/me/password', { current_password: current, new_password: 'a brand new password' }, { token: t });

	test('step 1: ten wrong current passwords from one session → 403 wrong_password each', async () => {
		for (let i = 1; i <= 10; i++) assertError(await change(token, `wrong ${i}`), 403, 'wrong_password', 'current_password');
	});

	test('step 2: the 11th, even with the right password → 429 with Retry-After, and the password is unchanged', async () => {
		const res = await change(token, PW);
		assertError(res, 429, 'too_many_requests');
		assertRetryAfter(res);
		assert.equal((await c.login(victim, PW)).status, 200, 'the old password still signs in');
	});

	test('step 3: guesses sent at once cannot outrun the limit: 20 in parallel for a fresh account → 10 checked, 10 refused', async () => {
		const all = await Promise.all(Array.from({ length: 20 }, (_, i) => change(racerToken, `parallel ${i}`)));
		const count = (s) => all.filter((r) => r.status === s).length;
		assert.equal(count(403), 10, all.map((r) => r.status).join(' '));
		assert.equal(count(429), 10, all.map((r) => r.status).join(' '));
		assertError(await change(token, PW), 429, 'too_many_requests');
	});

	test('step 4: another account from the same address changes its password → 204', async () => {
		const res = await change(otherToken, PW);
		assert.equal(res.status, 204, res.text);
	});
});

describe('per-address throttles count an IPv6 client by its /64', { timeout: 90000 }, () => {
	const user = email('v6');
	let srv;
	let c;
	before(async () => {
		const db = makeDb('thr_v6');
		await migrate(db);
		await createUser(db, user, PW);
		srv = await startRosterd({ db, args: ['--trusted-proxies', '127.0.0.1'] });
		c = api(srv.base);
	});
	after(async () => srv && (await srv.stop()));

	const from = (addr) => ({ headers: { 'X-Forwarded-For': addr } });

	test('step 1: 50 failed logins from 50 addresses of one /64 → 401 each', async () => {
		for (let i = 1; i <= 50; i++) {
			const res = await c.login(email(`v6unknown${i}`), 'some wrong password', from(`2001:db8:1:2::${i.toString(16)}`));
			assertError(res, 401, 'invalid_credentials');
		}
	});

	test('step 2: a 51st address of the same /64 → 429; an address of the next /64 signs in', async () => {
		let res = await c.login(user, PW, from('2001:db8:1:2:ffff:ffff:ffff:fffe'));
		assertError(res, 429, 'too_many_requests');
		res = await c.login(user, PW, from('2001:db8:1:3::1'));
		assert.equal(res.status, 200, res.text);
		// an IPv4 client keeps its own window
		res = await c.login(user, PW, from('192.0.2.10'));
		assert.equal(res.status, 200, res.text);
	});
});
