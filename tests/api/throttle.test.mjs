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
