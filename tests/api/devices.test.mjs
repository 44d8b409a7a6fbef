// Devices (DESIGN.md §2, §4): an app activates a device with the person's
// email and password and its device code; the device token then asks at every
// start whether it is licensed and gets an offline certificate, signed with the
// server's Ed25519 key (GET /api/v1/license-key). The organization sees its
// devices on the Devices / Licenses list (search, status filter, pages),
// deactivates them (token revoked, seats freed and served to who waits), gives
// and takes per-device seats, and the transfer limit stops one seat from
// being shared by deactivating and activating in a loop.
//
// The certificate is checked here with node:crypto's Ed25519 (the verifiers of
// docs/licensing.md are tested in certificate.test.mjs).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sqlRows, makeDb, migrate, createUser, startRosterd, startSmtp, api, assertError, rosterctl, tempDir, TOKEN_RE } from './lib/harness.mjs';

const PW = 'correct horse battery';
const DAY_MS = 24 * 3600 * 1000;
const uniq = `${process.pid}x${Date.now() % 100000}`;
const addr = (local) => `${local}-${uniq}@example.com`;

// The 32-byte Ed25519 public key of base64url text, as node:crypto takes it.
function publicKey(b64) {
	const raw = Buffer.from(b64, 'base64url');
	assert.equal(raw.length, 32);
	const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]);
	return crypto.createPublicKey({ key: spki, format: 'der', type: 'spki' });
}

// True when the certificate's signature holds under one of the published keys.
function signatureHolds(cert, keys) {
	const k = keys.find((x) => x.id === cert.key_id);
	if (!k) return false;
	return crypto.verify(null, Buffer.from(cert.payload, 'base64url'), publicKey(k.public_key), Buffer.from(cert.signature, 'base64url'));
}

const payloadOf = (cert) => JSON.parse(Buffer.from(cert.payload, 'base64url').toString('utf8'));

describe('devices', { timeout: 240000 }, () => {
	let db;
	let srv;
	let smtp;
	let c;
	let op;
	let A; // the organization under test
	let B; // another
	let adm; // an administrator of A (token)
	let reader; // a member of A with devices:read only

	const sql = (query) => sqlRows(db, query);

	// Every pool's counters are its rows, and nobody waits for a pool with a free seat that assigns automatically.
	function invariants() {
		const bad = sql(
			'SELECT p.id FROM license_pools p LEFT JOIN (SELECT pool_id, COUNT(*) n FROM seats GROUP BY pool_id) s ON s.pool_id = p.id ' +
				'WHERE p.used <> COALESCE(s.n, 0) OR p.used + p.reserved > p.seats',
		);
		assert.deepEqual(bad, [], 'pools whose used is not their number of seats');
		const inactive = sql("SELECT s.holder_id FROM seats s JOIN devices d ON d.id = s.device_id WHERE d.state <> 'active'");
		assert.deepEqual(inactive, [], 'a deactivated device holds a seat');
		const waitsGone = sql("SELECT w.holder_id FROM seat_waiting w JOIN devices d ON d.id = w.device_id WHERE d.state <> 'active'");
		assert.deepEqual(waitsGone, [], 'a deactivated device waits for a seat');
		const idle = sql(
			`SELECT p.id FROM license_pools p WHERE p.auto_assign = 1 AND p.state <> 'cancelled' AND p.ends_at > ${Date.now() + 60000} ` +
				'AND p.used + p.reserved < p.seats AND EXISTS (SELECT 1 FROM seat_waiting w WHERE w.pool_id = p.id)',
		);
		assert.deepEqual(idle, [], 'a pool that assigns automatically has a free seat while someone waits');
	}

	async function login(mail) {
		const res = await c.login(mail, PW);
		assert.equal(res.status, 200, res.text);
		return res.json.token;
	}

	async function member(org, role = 'member', tag = 'm') {
		const mail = addr(`${tag}-${Math.random().toString(36).slice(2, 8)}`);
		const res = await c.post(`/api/v1/orgs/${org}/members`, { email: mail, role, password: PW }, { token: op });
		assert.equal(res.status, 201, res.text);
		return { id: res.json.id, email: mail };
	}

	async function pool(body, org = A) {
		const res = await c.post(`/api/v1/orgs/${org}/licenses`, { product: `P${Math.random().toString(36).slice(2, 7)}`, seats: 2, unit: 'device', ...body }, { token: op });
		assert.equal(res.status, 201, res.text);
		return res.json;
	}

	const activate = (who, code, extra = {}, opts = {}) => c.post('/api/v1/devices/activate', { email: who.email, password: PW, device_code: code, ...extra }, opts);
	async function activated(who, code, extra) {
		const res = await activate(who, code, extra);
		assert.ok(res.status === 201 || res.status === 200, res.text);
		return res.json;
	}
	const license = (token, q = '') => c.get(`/api/v1/device/license${q}`, { token });
	const D = (org = A) => `/api/v1/orgs/${org}/devices`;
	const getDevice = async (id, org = A) => {
		const res = await c.get(`${D(org)}/${id}`, { token: op });
		assert.equal(res.status, 200, res.text);
		return res.json;
	};
	const getPool = async (id, org = A) => (await c.get(`/api/v1/orgs/${org}/licenses/${id}`, { token: op })).json;
	const keys = async () => {
		const res = await c.get('/api/v1/license-key');
		assert.equal(res.status, 200, res.text);
		return res.json;
	};
	const code = (tag) => `${tag}-${Math.random().toString(36).slice(2, 10)}`;

	before(async () => {
		db = makeDb('devices');
		await migrate(db);
		const opMail = addr('operator');
		await createUser(db, opMail, PW);
		smtp = await startSmtp();
		srv = await startRosterd({ db, smtpPort: smtp.port });
		c = api(srv.base);
		op = await login(opMail);
		const a = await c.post('/api/v1/orgs', { name: 'Acme', type: 'enterprise', admin: { email: addr('first-a') } }, { token: op });
		assert.equal(a.status, 201, a.text);
		A = a.json.id;
		const b = await c.post('/api/v1/orgs', { name: 'Beta', type: 'enterprise', admin: { email: addr('first-b') } }, { token: op });
		assert.equal(b.status, 201, b.text);
		B = b.json.id;
		const r = await c.post(`/api/v1/orgs/${A}/roles`, { name: 'device_reader', permissions: ['devices:read'] }, { token: op });
		assert.equal(r.status, 201, r.text);
		adm = await login((await member(A, 'administrator', 'adm')).email);
		reader = await login((await member(A, 'device_reader', 'reader')).email);
	});

	after(async () => {
		if (srv) {
			const rc = await srv.stop();
			if (rc !== 0) console.error(`rosterd ended with ${rc}:\n${srv.logs().split('\n').slice(-6).join('\n')}`);
		}
		if (smtp) await smtp.close();
	});

	describe('activation and the license at every start', () => {
		test('a new device: 201 with its token, its seat of a per-device pool that assigns automatically, and a certificate that verifies', async () => {
			const p = await pool({ seats: 1, auto_assign: true, offline_days: 3 });
			const u = await member(A);
			const t0 = Date.now();
			const res = await activate(u, 'LAPTOP-0001', { name: 'Ada’s laptop', platform: 'linux' });
			assert.equal(res.status, 201, res.text);
			const a = res.json;
			assert.match(a.token, TOKEN_RE);
			assert.match(a.device.id, /^dev_[0-9a-z]+$/);
			assert.equal(a.device.code, 'LAPTOP-0001');
			assert.equal(a.device.name, 'Ada’s laptop');
			assert.equal(a.device.platform, 'linux');
			assert.equal(a.device.state, 'active');
			assert.equal(a.device.status, 'licensed');
			assert.equal(a.device.user.email, u.email);
			assert.equal(a.user.id, u.id);
			assert.equal(a.licensed, true);
			assert.equal(a.license.id, p.id);
			assert.equal(a.license.state, 'active');
			assert.equal((await getPool(p.id)).used, 1);
			// The certificate: signed by the current key, about this device, valid offline_days.
			const k = await keys();
			assert.equal(k.algorithm, 'Ed25519');
			assert.equal(a.certificate.format, 'roster-license-1');
			assert.equal(a.certificate.key_id, k.current);
			assert.ok(signatureHolds(a.certificate, k.keys), 'the signature holds');
			const pl = payloadOf(a.certificate);
			assert.equal(pl.v, 1);
			assert.equal(pl.device_id, a.device.id);
			assert.equal(pl.device_code, 'LAPTOP-0001');
			assert.equal(pl.user_id, u.id);
			assert.equal(pl.org_id, A);
			assert.equal(pl.license_id, p.id);
			assert.equal(pl.product, p.product);
			assert.equal(pl.unit, 'device');
			assert.equal(pl.ends_at, Math.floor(Date.parse(p.ends_at) / 1000));
			assert.ok(Math.abs(pl.issued_at - t0 / 1000) < 5);
			assert.ok(Math.abs(pl.valid_until - (pl.issued_at + 3 * 86400)) <= 1, 'valid for the pool’s 3 offline days');
			// One byte changed in the payload or the signature: it no longer verifies.
			const body = Buffer.from(a.certificate.payload, 'base64url');
			body[10] ^= 1;
			assert.equal(signatureHolds({ ...a.certificate, payload: body.toString('base64url') }, k.keys), false);
			const sig = Buffer.from(a.certificate.signature, 'base64url');
			sig[0] ^= 0x80;
			assert.equal(signatureHolds({ ...a.certificate, signature: sig.toString('base64url') }, k.keys), false);
			// The call at every start says the same.
			const l = await license(a.token);
			assert.equal(l.status, 200, l.text);
			assert.equal(l.json.licensed, true);
			assert.equal(l.json.device.id, a.device.id);
			assert.equal(l.json.user.email, u.email);
			assert.ok(signatureHolds(l.json.certificate, k.keys));
			const ev = (await c.get(`/api/v1/orgs/${A}/audit?action=device.activated`, { token: op })).json.items.filter((x) => x.target_id === a.device.id);
			assert.equal(ev.length, 1);
		});

		test('the same code again is the same device (200), rebound to who signed in; the old token stops working', async () => {
			const u1 = await member(A);
			const u2 = await member(A);
			const cd = code('DESK');
			const first = await activate(u1, cd, { name: 'Desk' });
			assert.equal(first.status, 201, first.text);
			const again = await activate(u2, cd, { platform: 'windows' });
			assert.equal(again.status, 200, again.text);
			assert.equal(again.json.device.id, first.json.device.id);
			assert.equal(again.json.device.user.id, u2.id);
			assert.equal(again.json.device.name, 'Desk', 'a name left out is kept');
			assert.equal(again.json.device.platform, 'windows');
			assert.notEqual(again.json.token, first.json.token);
			assertError(await license(first.json.token), 401, 'unauthenticated');
			assert.equal((await license(again.json.token)).status, 200);
			// The same code in another organization is another device.
			const ub = await member(B);
			const other = await activate(ub, cd);
			assert.equal(other.status, 201, other.text);
			assert.notEqual(other.json.device.id, first.json.device.id);
		});

		test('a per-user pool licenses the device of a member who holds its seat (auto_assign gives one at activation)', async () => {
			const org = (await c.post('/api/v1/orgs', { name: 'Gamma', type: 'enterprise', admin: { email: addr('first-g') } }, { token: op })).json.id;
			const u = await member(org);
			const p = await pool({ unit: 'user', seats: 1, auto_assign: true }, org);
			const res = await activate(u, code('PHONE'));
			assert.equal(res.status, 201, res.text);
			assert.equal(res.json.licensed, true);
			assert.equal(res.json.license.id, p.id);
			assert.equal(res.json.license.unit, 'user');
			assert.equal((await getPool(p.id, org)).used, 1);
			// Taking the person's seat back unlicenses the device at its next start.
			const del = await c.req('DELETE', `/api/v1/orgs/${org}/licenses/${p.id}/seats/${u.id}`, { token: op });
			assert.equal(del.status, 204, del.text);
			const l = await license(res.json.token);
			assert.equal(l.json.licensed, false);
			assert.equal(l.json.certificate, null);
			assert.equal(l.json.device.status, 'unlicensed');
			// ?product= names what the app is: another product is not licensed.
			const again = await c.post(`/api/v1/orgs/${org}/licenses/${p.id}/seats`, { user_id: u.id }, { token: op });
			assert.equal(again.status, 201, again.text);
			assert.equal((await license(res.json.token, `?product=${encodeURIComponent(p.product)}`)).json.licensed, true);
			const none = await license(res.json.token, '?product=Nothing');
			assert.equal(none.json.licensed, false);
			assert.equal(none.json.license, null);
		});

		test('no free seat: the device waits, and gets the seat freed by a deactivation without anyone acting', async () => {
			const p = await pool({ seats: 1, auto_assign: true });
			const u = await member(A);
			const one = await activated(u, code('W1'));
			const two = await activated(u, code('W2'));
			assert.equal(one.licensed, true);
			assert.equal(two.licensed, false);
			assert.equal(two.device.status, 'waiting');
			const w = await c.get(`/api/v1/orgs/${A}/licenses/${p.id}/waiting`, { token: op });
			assert.deepEqual(
				w.json.items.map((x) => x.holder_id),
				[two.device.id],
			);
			assert.equal(w.json.items[0].device.code, two.device.code);
			const del = await c.req('DELETE', `${D()}/${one.device.id}`, { token: adm });
			assert.equal(del.status, 204, del.text);
			assertError(await license(one.token), 401, 'unauthenticated');
			const l = await license(two.token);
			assert.equal(l.json.licensed, true);
			assert.equal(l.json.license.id, p.id);
			const seats = (await c.get(`/api/v1/orgs/${A}/licenses/${p.id}/seats`, { token: op })).json.items;
			assert.deepEqual(
				seats.map((s) => [s.holder_id, s.device.code, s.email, s.source]),
				[[two.device.id, two.device.code, u.email, 'auto']],
			);
			const gone = await getDevice(one.device.id);
			assert.equal(gone.state, 'deactivated');
			assert.equal(gone.status, 'unlicensed');
			assert.equal(gone.license, null);
			assert.ok(gone.deactivated_at);
			invariants();
		});

		test('an expired pool: the device reads expired and unlicensed, without a certificate', async () => {
			const org = (await c.post('/api/v1/orgs', { name: 'Delta', type: 'enterprise', admin: { email: addr('first-d') } }, { token: op })).json.id;
			const u = await member(org);
			const p = await pool({ seats: 1, auto_assign: true }, org);
			const a = await activated(u, code('EXP'));
			assert.equal(a.licensed, true);
			// The term ends (written in the database: the API refuses an end in the past only by its bounds).
			sql(`UPDATE license_pools SET ends_at = ${Date.now() - 1000}, starts_at = ${Date.now() - 10 * DAY_MS} WHERE id = '${p.id}'`);
			const l = await license(a.token);
			assert.equal(l.status, 200, l.text);
			assert.equal(l.json.licensed, false);
			assert.equal(l.json.license.state, 'expired');
			assert.equal(l.json.certificate, null);
			assert.equal(l.json.device.status, 'expired');
			const list = await c.get(`${D(org)}?status=expired`, { token: op });
			assert.deepEqual(
				list.json.items.map((d) => d.id),
				[a.device.id],
			);
		});

		test('a certificate is valid until the pool ends when that comes before its offline days', async () => {
			const u = await member(A);
			const ends = new Date(Date.now() + 2 * DAY_MS).toISOString();
			const p = await pool({ seats: 1, auto_assign: true, offline_days: 30, ends_at: ends });
			const a = await activated(u, code('SHORT'));
			assert.equal(a.license.id, p.id);
			assert.equal(payloadOf(a.certificate).valid_until, Math.floor(Date.parse(ends) / 1000));
		});

		test('the certificate says what holds now: a renewal and a change of offline days show at the next call', async () => {
			const org = (await c.post('/api/v1/orgs', { name: 'Renewed', type: 'enterprise', admin: { email: addr('first-rn') } }, { token: op })).json.id;
			const p = await pool({ seats: 1, auto_assign: true }, org);
			const a = await activated(await member(org), code('RENEW'));
			const first = payloadOf((await license(a.token)).json.certificate);
			assert.deepEqual(payloadOf((await license(a.token)).json.certificate), first, 'the same statement, the same certificate');
			const ends = new Date(Date.now() + 800 * DAY_MS).toISOString();
			const up = await c.patch(`/api/v1/orgs/${org}/licenses/${p.id}`, { ends_at: ends }, { token: op });
			assert.equal(up.status, 200, up.text);
			const renewed = payloadOf((await license(a.token)).json.certificate);
			assert.equal(renewed.ends_at, Math.floor(Date.parse(ends) / 1000));
			// Taken back: no certificate at once.
			assert.equal((await c.req('DELETE', `${D(org)}/${a.device.id}/seat`, { token: op })).status, 204);
			const l = await license(a.token);
			assert.equal(l.json.licensed, false);
			assert.equal(l.json.certificate, null);
		});

		test('last seen is written at most once a minute, not at every call', async () => {
			const u = await member(A);
			const a = await activated(u, code('SEEN'));
			const before = sql(`SELECT last_seen_at FROM devices WHERE id = '${a.device.id}'`)[0][0];
			for (let i = 0; i < 5; i++) assert.equal((await license(a.token)).status, 200);
			assert.equal(sql(`SELECT last_seen_at FROM devices WHERE id = '${a.device.id}'`)[0][0], before, 'no write within the minute');
			const old = Date.now() - 5 * 60 * 1000;
			sql(`UPDATE devices SET last_seen_at = ${old} WHERE id = '${a.device.id}'`);
			const t0 = Date.now();
			await license(a.token);
			const seen = Number(sql(`SELECT last_seen_at FROM devices WHERE id = '${a.device.id}'`)[0][0]);
			assert.ok(seen >= t0 - 1000, 'written after a minute');
			assert.equal(Date.parse((await getDevice(a.device.id)).last_seen_at), seen);
		});
	});

	describe('refusals', () => {
		test('wrong password or unknown email → 401 invalid_credentials, and no device', async () => {
			const u = await member(A);
			const cd = code('NOPE');
			assertError(await c.post('/api/v1/devices/activate', { email: u.email, password: 'wrong password!', device_code: cd }), 401, 'invalid_credentials');
			assertError(await c.post('/api/v1/devices/activate', { email: addr('nobody'), password: PW, device_code: cd }), 401, 'invalid_credentials');
			assert.deepEqual(sql(`SELECT id FROM devices WHERE code = '${cd}'`), []);
		});

		test('throttled like sign-in: after 10 wrong passwords the right one → 429 with Retry-After, for activation and sign-in alike', async () => {
			const u = await member(A);
			const cd = code('GUESS');
			for (let i = 0; i < 10; i++) assertError(await c.post('/api/v1/devices/activate', { email: u.email, password: `wrong ${i} password`, device_code: cd }), 401, 'invalid_credentials');
			const res = await activate(u, cd);
			assertError(res, 429, 'too_many_requests');
			assert.ok(Number(res.headers['retry-after']) > 0, 'Retry-After');
			assertError(await c.login(u.email, PW), 429, 'too_many_requests');
			assert.deepEqual(sql(`SELECT id FROM devices WHERE code = '${cd}'`), []);
		});

		test('bad input → 400/422 at its field, no password check spent, nothing created', async () => {
			const u = await member(A);
			const cases = [
				[{ device_code: undefined }, 400, 'missing_field', 'device_code'],
				[{ device_code: '' }, 400, 'missing_field', 'device_code'],
				[{ device_code: '   ' }, 422, 'invalid', 'device_code'],
				[{ device_code: 'x'.repeat(129) }, 422, 'too_long', 'device_code'],
				[{ device_code: 'é'.repeat(129) }, 422, 'too_long', 'device_code'],
				[{ device_code: 'bad\u0001code' }, 422, 'invalid', 'device_code'],
				[{ device_code: 'bad\ncode' }, 422, 'invalid', 'device_code'],
				[{ device_code: 'bad\u007fcode' }, 422, 'invalid', 'device_code'],
				[{ device_code: 'bad\u0085code' }, 422, 'invalid', 'device_code'],
				[{ device_code: 'ok', name: 'n'.repeat(101) }, 422, 'too_long', 'name'],
				[{ device_code: 'ok', name: 'tab\tname' }, 422, 'invalid', 'name'],
				[{ device_code: 'ok', platform: 'p'.repeat(41) }, 422, 'too_long', 'platform'],
				[{ device_code: 42 }, 400, 'wrong_type', 'device_code'],
				[{ device_code: 'ok', extra: 1 }, 400, 'unknown_field', 'extra'],
			];
			for (const [extra, status, errCode, field] of cases) {
				const body = { email: u.email, password: PW, device_code: 'x', ...extra };
				if (extra.device_code === undefined) delete body.device_code;
				assertError(await c.post('/api/v1/devices/activate', body), status, errCode, field);
			}
			// 128 characters is the limit, not over it.
			const long = 'é'.repeat(128);
			assert.equal((await activate(u, long)).status, 201);
			assert.deepEqual(sql(`SELECT code FROM devices WHERE user_id = '${u.id}'`), [[long]]);
		});

		test('a person in several organizations names one (409 org_required with the list); another org → 404 at org', async () => {
			const u = await member(A);
			const add = await rosterctl(['org', 'admin', B, u.email], { db });
			assert.equal(add.code, 0, add.stderr);
			const cd = code('TWO');
			const res = await activate(u, cd);
			assertError(res, 409, 'org_required', 'org');
			assert.deepEqual(res.json.orgs.map((o) => o.id).sort(), [A, B].sort());
			assert.ok(res.json.orgs.every((o) => typeof o.name === 'string' && o.name));
			const other = (await c.post('/api/v1/orgs', { name: 'Epsilon', type: 'enterprise', admin: { email: addr('first-e') } }, { token: op })).json.id;
			assertError(await activate(u, cd, { org: other }), 404, 'not_found', 'org');
			assertError(await activate(u, cd, { org: 'org_nonsense' }), 404, 'not_found', 'org');
			assert.deepEqual(sql(`SELECT id FROM devices WHERE code = '${cd}'`), []);
			const ok = await activate(u, cd, { org: B });
			assert.equal(ok.status, 201, ok.text);
			assert.equal(ok.json.device.org_id, B);
		});

		test('tokens do not cross: a device token is no session (401), a session token is no device token (401), nor is garbage', async () => {
			const u = await member(A);
			const a = await activated(u, code('CROSS'));
			assertError(await c.me(a.token), 401, 'unauthenticated');
			assertError(await c.get(D(), { token: a.token }), 401, 'unauthenticated');
			assertError(await license(adm), 401, 'unauthenticated');
			assertError(await license('x'.repeat(43)), 401, 'unauthenticated');
			assertError(await license(''), 401, 'unauthenticated');
			assertError(await c.get('/api/v1/device/license'), 401, 'unauthenticated');
			// Nor as the session cookie.
			assertError(await c.get('/api/v1/device/license', { cookie: adm }), 401, 'unauthenticated');
		});

		test('a member removed from the organization: their devices are deactivated and their seats freed', async () => {
			const org = (await c.post('/api/v1/orgs', { name: 'Leaving', type: 'enterprise', admin: { email: addr('first-v') } }, { token: op })).json.id;
			const p = await pool({ seats: 3, auto_assign: true }, org);
			const u = await member(org);
			const other = await member(org);
			// Two devices of the one leaving hold two seats of the pool; a third person's device waits.
			const a = await activated(u, code('GONE'));
			const b = await activated(u, code('GONE'));
			const keep = await activated(other, code('STAY'));
			const late = await activated(other, code('LATE'));
			assert.deepEqual([a.licensed, b.licensed, keep.licensed, late.licensed], [true, true, true, false]);
			const del = await c.req('DELETE', `/api/v1/orgs/${org}/members/${u.id}`, { token: op });
			assert.equal(del.status, 204, del.text);
			assertError(await license(a.token), 401, 'unauthenticated');
			assertError(await license(b.token), 401, 'unauthenticated');
			assert.equal((await getDevice(a.device.id, org)).state, 'deactivated');
			assert.equal((await getDevice(b.device.id, org)).state, 'deactivated');
			// Both seats freed: the waiting device took one, the other is free.
			assert.equal((await license(late.token)).json.licensed, true);
			const after = await getPool(p.id, org);
			assert.equal(after.used, 2);
			assert.equal(after.free, 1);
			const ev = (await c.get(`/api/v1/orgs/${org}/audit?action=device.deactivated`, { token: op })).json.items;
			assert.deepEqual(ev.map((x) => x.target_id).sort(), [a.device.id, b.device.id].sort());
			invariants();
		});

		test('a disabled account: its devices answer 401 until it is enabled again', async () => {
			const u = await member(A);
			const a = await activated(u, code('DIS'));
			const r = await rosterctl(['user', 'disable', u.email], { db });
			assert.equal(r.code, 0, r.stderr);
			assertError(await license(a.token), 401, 'unauthenticated');
		});
	});

	describe('the Devices / Licenses list', () => {
		let org;
		let people;
		let devices;
		before(async () => {
			org = (await c.post('/api/v1/orgs', { name: 'Listing', type: 'enterprise', admin: { email: addr('first-l') } }, { token: op })).json.id;
			await pool({ seats: 3, auto_assign: true }, org);
			people = [await member(org, 'member', 'ann'), await member(org, 'member', 'bob')];
			devices = [];
			for (let i = 0; i < 5; i++) devices.push((await activated(people[i % 2], `LIST-${i}`, { name: `Machine ${i}` })).device);
		});

		test('newest first, with status, email and license; pages by the cursor', async () => {
			const all = [];
			let cursor = null;
			for (let i = 0; i < 10; i++) {
				const res = await c.get(`${D(org)}?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: op });
				assert.equal(res.status, 200, res.text);
				all.push(...res.json.items);
				cursor = res.json.next_cursor;
				if (!cursor) break;
			}
			assert.deepEqual(
				all.map((d) => d.code),
				['LIST-4', 'LIST-3', 'LIST-2', 'LIST-1', 'LIST-0'],
			);
			assert.deepEqual(
				all.map((d) => d.status),
				['waiting', 'waiting', 'licensed', 'licensed', 'licensed'],
			);
			assert.equal(all[4].user.email, people[0].email);
			assert.ok(all[4].license && all[4].license.product);
			const bySort = await c.get(`${D(org)}?sort=code`, { token: op });
			assert.deepEqual(
				bySort.json.items.map((d) => d.code),
				['LIST-0', 'LIST-1', 'LIST-2', 'LIST-3', 'LIST-4'],
			);
		});

		test('search by code, name or email (a prefix, any case), and the status and user filters', async () => {
			const q = async (query) => {
				const res = await c.get(`${D(org)}?${query}`, { token: op });
				assert.equal(res.status, 200, res.text);
				return res.json.items.map((d) => d.code).sort();
			};
			assert.deepEqual(await q('q=list-3'), ['LIST-3']);
			assert.deepEqual(await q('q=machine%202'), ['LIST-2']);
			assert.deepEqual(await q(`q=${encodeURIComponent(people[1].email.slice(0, 5).toUpperCase())}`), ['LIST-1', 'LIST-3']);
			assert.deepEqual(await q('status=waiting'), ['LIST-3', 'LIST-4']);
			assert.deepEqual(await q('status=licensed'), ['LIST-0', 'LIST-1', 'LIST-2']);
			assert.deepEqual(await q('status=unlicensed'), []);
			assert.deepEqual(await q(`user=${people[1].id}`), ['LIST-1', 'LIST-3']);
			assert.deepEqual(await q(`user=${people[1].id}&status=waiting`), ['LIST-3']);
			assert.deepEqual(await q('q=nothing-like-it'), []);
			// A search pages by its cursor like the whole list, newest first.
			const first = await c.get(`${D(org)}?q=list&limit=2`, { token: op });
			assert.deepEqual(first.json.items.map((d) => d.code), ['LIST-4', 'LIST-3']);
			const second = await c.get(`${D(org)}?q=list&limit=2&cursor=${encodeURIComponent(first.json.next_cursor)}`, { token: op });
			assert.deepEqual(second.json.items.map((d) => d.code), ['LIST-2', 'LIST-1']);
			const bySearch = await c.get(`${D(org)}?q=machine&sort=code&status=licensed`, { token: op });
			assert.deepEqual(bySearch.json.items.map((d) => d.code), ['LIST-0', 'LIST-1', 'LIST-2']);
			assertError(await c.get(`${D(org)}?status=lost`, { token: op }), 400, 'bad_request', 'status');
			assertError(await c.get(`${D(org)}?sort=name`, { token: op }), 400, 'bad_request', 'sort');
		});

		test('who may see and change it: devices:read lists, a plain member → 403, another organization → 404', async () => {
			const ok = await c.get(`${D(A)}`, { token: reader });
			assert.equal(ok.status, 200, ok.text);
			const plain = await login((await member(A, 'member', 'plain')).email);
			assertError(await c.get(D(A), { token: plain }), 403, 'forbidden');
			assertError(await c.get(D(org), { token: adm }), 404, 'not_found');
			assertError(await c.get(`${D(org)}/${devices[0].id}`, { token: adm }), 404, 'not_found');
			assertError(await c.get(`${D(A)}/${devices[0].id}`, { token: op }), 404, 'not_found');
			assertError(await c.req('DELETE', `${D(A)}/${devices[0].id}`, { token: adm }), 404, 'not_found');
			assertError(await c.req('DELETE', `${D(A)}/dev_nonsense`, { token: adm }), 404, 'not_found');
			assertError(await c.req('DELETE', `${D(A)}/${devices[0].id}`, { token: op }), 404, 'not_found');
			assert.equal((await getDevice(devices[0].id, org)).state, 'active', 'nothing changed');
			// devices:read lists but does not deactivate.
			const mine = await activated(await member(A), code('MINE'));
			assertError(await c.req('DELETE', `${D(A)}/${mine.device.id}`, { token: reader }), 403, 'forbidden');
			assert.equal((await c.req('DELETE', `${D(A)}/${mine.device.id}`, { token: adm })).status, 204);
			assertError(await c.req('DELETE', `${D(A)}/${mine.device.id}`, { token: adm }), 404, 'not_found');
		});
	});

	describe('per-device seats and the transfer limit', () => {
		test('assign, move and remove a device seat; refusals at their field', async () => {
			const org = (await c.post('/api/v1/orgs', { name: 'Seats', type: 'enterprise', admin: { email: addr('first-s') } }, { token: op })).json.id;
			const u = await member(org);
			const p = await pool({ seats: 1 }, org);
			const userPool = await pool({ unit: 'user', seats: 5 }, org);
			const d1 = (await activated(u, code('S1'))).device;
			const d2 = (await activated(u, code('S2'))).device;
			assert.equal(d1.status, 'unlicensed', 'no automatic assignment: nothing given');
			// Two per-device pools would need the license_id; one is enough to leave it out.
			const give = await c.post(`${D(org)}/${d1.id}/seat`, {}, { token: op });
			assert.equal(give.status, 201, give.text);
			assert.equal(give.json.status, 'licensed');
			assert.equal(give.json.license.id, p.id);
			assertError(await c.post(`${D(org)}/${d1.id}/seat`, {}, { token: op }), 409, 'already_assigned');
			assertError(await c.post(`${D(org)}/${d2.id}/seat`, { license_id: p.id }, { token: op }), 409, 'seat_limit_reached');
			assertError(await c.post(`${D(org)}/${d2.id}/seat`, { license_id: userPool.id }, { token: op }), 422, 'invalid', 'license_id');
			assertError(await c.post(`/api/v1/orgs/${org}/licenses/${p.id}/seats`, { user_id: u.id }, { token: op }), 422, 'invalid', 'user_id');
			assertError(await c.post(`/api/v1/orgs/${org}/licenses/${userPool.id}/seats`, { device_id: d2.id }, { token: op }), 422, 'invalid', 'device_id');
			assertError(await c.post(`/api/v1/orgs/${org}/licenses/${p.id}/seats`, {}, { token: op }), 400, 'missing_field', 'user_id');
			assertError(await c.post(`/api/v1/orgs/${org}/licenses/${p.id}/seats`, { user_id: u.id, device_id: d2.id }, { token: op }), 422, 'invalid', 'user_id');
			// Another organization's device is not found.
			const ub = await member(B);
			const db2 = (await activated(ub, code('FOREIGN'))).device;
			assertError(await c.post(`${D(org)}/${db2.id}/seat`, { license_id: p.id }, { token: op }), 404, 'not_found');
			assertError(await c.post(`/api/v1/orgs/${org}/licenses/${p.id}/seats/move`, { from: d1.id, to: db2.id }, { token: op }), 404, 'not_found', 'to');
			// Move d1 → d2: both change or neither.
			const mv = await c.post(`/api/v1/orgs/${org}/licenses/${p.id}/seats/move`, { from: d1.id, to: d2.id }, { token: op });
			assert.equal(mv.status, 200, mv.text);
			assert.equal((await getDevice(d1.id, org)).status, 'unlicensed');
			assert.equal((await getDevice(d2.id, org)).status, 'licensed');
			assertError(await c.post(`/api/v1/orgs/${org}/licenses/${p.id}/seats/move`, { from: d1.id, to: d2.id }, { token: op }), 404, 'not_found', 'from');
			// Remove by the device's route.
			const rm = await c.req('DELETE', `${D(org)}/${d2.id}/seat`, { token: op });
			assert.equal(rm.status, 204, rm.text);
			assert.equal((await getDevice(d2.id, org)).status, 'unlicensed');
			assertError(await c.req('DELETE', `${D(org)}/${d2.id}/seat`, { token: op }), 404, 'not_found');
			assert.equal((await getPool(p.id, org)).used, 0);
			invariants();
		});

		test('max_transfers_per_month: past the limit removals, moves and deactivations answer 409 transfer_limit and change nothing', async () => {
			const org = (await c.post('/api/v1/orgs', { name: 'Transfers', type: 'enterprise', admin: { email: addr('first-t') } }, { token: op })).json.id;
			const u = await member(org);
			const p = await pool({ seats: 1, auto_assign: true, max_transfers_per_month: 1 }, org);
			const a = await activated(u, code('T1'));
			const b = await activated(u, code('T2'));
			assert.equal(a.licensed, true);
			assert.equal(b.device.status, 'waiting');
			// One transfer: the seat goes from a to b (deactivating a).
			assert.equal((await c.req('DELETE', `${D(org)}/${a.device.id}`, { token: op })).status, 204);
			assert.equal((await license(b.token)).json.licensed, true);
			// The second in the month is refused, whatever the way.
			const d3 = await activated(u, code('T3'));
			assertError(await c.req('DELETE', `${D(org)}/${b.device.id}`, { token: op }), 409, 'transfer_limit');
			assertError(await c.post(`/api/v1/orgs/${org}/licenses/${p.id}/seats/move`, { from: b.device.id, to: d3.device.id }, { token: op }), 409, 'transfer_limit');
			assertError(await c.req('DELETE', `/api/v1/orgs/${org}/licenses/${p.id}/seats/${b.device.id}`, { token: op }), 409, 'transfer_limit');
			assert.equal((await license(b.token)).json.licensed, true, 'b keeps its seat and its token');
			assert.equal((await getDevice(b.device.id, org)).state, 'active');
			// An operator raises the limit; then it moves.
			const up = await c.patch(`/api/v1/orgs/${org}/licenses/${p.id}`, { max_transfers_per_month: 5 }, { token: op });
			assert.equal(up.status, 200, up.text);
			assert.equal(up.json.max_transfers_per_month, 5);
			const mv = await c.post(`/api/v1/orgs/${org}/licenses/${p.id}/seats/move`, { from: b.device.id, to: d3.device.id }, { token: op });
			assert.equal(mv.status, 200, mv.text);
			const unl = await c.patch(`/api/v1/orgs/${org}/licenses/${p.id}`, { max_transfers_per_month: null }, { token: op });
			assert.equal(unl.json.max_transfers_per_month, null);
			assertError(await c.patch(`/api/v1/orgs/${org}/licenses/${p.id}`, { max_transfers_per_month: -1 }, { token: op }), 422, 'invalid', 'max_transfers_per_month');
			// A limit of 0 refuses the first one; removing the member is never refused.
			const zero = await pool({ seats: 1, auto_assign: true, max_transfers_per_month: 0 }, org);
			const v = await member(org);
			const z = await activated(v, code('Z'));
			assert.equal(z.license.id, zero.id);
			assertError(await c.req('DELETE', `${D(org)}/${z.device.id}`, { token: op }), 409, 'transfer_limit');
			assert.equal((await c.req('DELETE', `/api/v1/orgs/${org}/members/${v.id}`, { token: op })).status, 204);
			assert.equal((await getPool(zero.id, org)).used, 0);
			invariants();
		});
	});

	describe('the member’s detail, the key and the shell', () => {
		test('a member’s detail lists their seats and devices', async () => {
			const org = (await c.post('/api/v1/orgs', { name: 'Detail', type: 'enterprise', admin: { email: addr('first-x') } }, { token: op })).json.id;
			const u = await member(org);
			const p = await pool({ unit: 'user', seats: 2, auto_assign: true }, org);
			const a = await activated(u, code('DET'));
			const m = await c.get(`/api/v1/orgs/${org}/members/${u.id}`, { token: op });
			assert.equal(m.status, 200, m.text);
			assert.deepEqual(
				m.json.seats.map((s) => [s.license_id, s.product, s.source]),
				[[p.id, p.product, 'auto']],
			);
			assert.deepEqual(
				m.json.devices.map((d) => [d.id, d.status]),
				[[a.device.id, 'licensed']],
			);
		});

		test('rosterctl license-key rotate: new certificates use the new key, the old key stays published and still verifies', async () => {
			const org = (await c.post('/api/v1/orgs', { name: 'Rotation', type: 'enterprise', admin: { email: addr('first-k') } }, { token: op })).json.id;
			await pool({ seats: 1, auto_assign: true }, org);
			const a = await activated(await member(org), code('ROT'));
			assert.ok(a.certificate, a);
			const beforeKeys = await keys();
			const r = await rosterctl(['license-key', 'rotate'], { db });
			assert.equal(r.code, 0, r.stderr);
			const newId = r.stdout.split('\t')[0];
			assert.match(newId, /^lk_/);
			const k = await keys();
			assert.equal(k.current, newId);
			assert.notEqual(k.current, beforeKeys.current);
			const old = k.keys.find((x) => x.id === beforeKeys.current);
			assert.ok(old && old.retired_at, 'the old key is listed, retired');
			const l = await license(a.token);
			assert.equal(l.json.certificate.key_id, newId);
			assert.ok(signatureHolds(l.json.certificate, k.keys));
			// rosterctl license verify: the old certificate (still valid) and the new one verify; a changed one does not.
			const dir = tempDir('roster-cert-');
			const write = (name, cert) => {
				const f = path.join(dir, name);
				fs.writeFileSync(f, JSON.stringify(cert));
				return f;
			};
			const okOld = await rosterctl(['license', 'verify', write('old.json', a.certificate)], { db });
			assert.equal(okOld.code, 0, okOld.stdout + okOld.stderr);
			assert.match(okOld.stdout, /valid$/m);
			assert.match(okOld.stdout, new RegExp(a.device.id));
			const okNew = await rosterctl(['license', 'verify', write('new.json', l.json.certificate)], { db });
			assert.equal(okNew.code, 0, okNew.stdout + okNew.stderr);
			const body = Buffer.from(a.certificate.payload, 'base64url');
			body[20] ^= 1;
			const bad = await rosterctl(['license', 'verify', write('bad.json', { ...a.certificate, payload: body.toString('base64url') })], { db });
			assert.equal(bad.code, 1);
			assert.match(bad.stdout, /invalid: .*signature/);
			const garbage = await rosterctl(['license', 'verify', write('garbage.json', { hello: 1 })], { db });
			assert.equal(garbage.code, 1);
			assert.match(garbage.stdout, /invalid/);
		});
	});

	describe('at once', () => {
		test('32 activations of one code at the same moment make one device', async () => {
			const org = (await c.post('/api/v1/orgs', { name: 'Crowd', type: 'enterprise', admin: { email: addr('first-c') } }, { token: op })).json.id;
			await pool({ seats: 1, auto_assign: true }, org);
			const people = [];
			for (let i = 0; i < 32; i += 8) people.push(...(await Promise.all(Array.from({ length: 8 }, () => member(org)))));
			const cd = code('SAME');
			const res = await Promise.all(people.map((u) => activate(u, cd)));
			for (const r of res) assert.ok([200, 201].includes(r.status), r.text);
			assert.equal(res.filter((r) => r.status === 201).length, 1, 'one created it');
			assert.equal(new Set(res.map((r) => r.json.device.id)).size, 1, 'one device');
			assert.deepEqual(sql(`SELECT COUNT(*) FROM devices WHERE code = '${cd}'`), [['1']]);
			// Only the last activation's token works.
			const working = [];
			for (const r of res) if ((await license(r.json.token)).status === 200) working.push(r);
			assert.equal(working.length, 1);
			invariants();
		});

		test('rounds of 64 mixed assigns, moves, removals and deactivations at once on a per-device pool: the counters stay the rows after every round', async () => {
			const org = (await c.post('/api/v1/orgs', { name: 'Mixed', type: 'enterprise', admin: { email: addr('first-mx') } }, { token: op })).json.id;
			const u = await member(org);
			const p = await pool({ seats: 6, auto_assign: true }, org);
			let devs = [];
			for (let i = 0; i < 16; i += 8) devs.push(...(await Promise.all(Array.from({ length: 8 }, (_, j) => activated(u, `MIX-${i + j}`)))));
			let seed = 12345;
			const rnd = (n) => {
				seed = (seed * 1103515245 + 12345) % 2147483648;
				return seed % n;
			};
			for (let round = 0; round < 3; round++) {
				const ops = Array.from({ length: 64 }, () => {
					const a = devs[rnd(devs.length)].device.id;
					const b = devs[rnd(devs.length)].device.id;
					switch (rnd(4)) {
						case 0:
							return c.post(`${D(org)}/${a}/seat`, { license_id: p.id }, { token: op });
						case 1:
							return c.post(`/api/v1/orgs/${org}/licenses/${p.id}/seats/move`, { from: a, to: b }, { token: op });
						case 2:
							return c.req('DELETE', `${D(org)}/${a}/seat?license_id=${p.id}`, { token: op });
						default:
							return c.req('DELETE', `${D(org)}/${a}`, { token: op });
					}
				});
				const res = await Promise.all(ops);
				for (const r of res) assert.ok([200, 201, 204, 404, 409, 422].includes(r.status), r.text);
				invariants();
				const now = await getPool(p.id, org);
				assert.equal(now.used + now.free, now.seats);
				// The deactivated come back, for the next round.
				devs = await Promise.all(devs.map((d) => activated(u, d.device.code)));
				invariants();
			}
		});

		test('64 parallel device seat assigns on a pool with 10 free seats → exactly 10 succeed', async () => {
			const org = (await c.post('/api/v1/orgs', { name: 'Rush', type: 'enterprise', admin: { email: addr('first-r') } }, { token: op })).json.id;
			const u = await member(org);
			const p = await pool({ seats: 10 }, org);
			const devs = [];
			for (let i = 0; i < 64; i += 16) devs.push(...(await Promise.all(Array.from({ length: 16 }, (_, j) => activated(u, `RUSH-${i + j}`)))));
			const res = await Promise.all(devs.map((d) => c.post(`${D(org)}/${d.device.id}/seat`, { license_id: p.id }, { token: op })));
			assert.equal(res.filter((r) => r.status === 201).length, 10);
			for (const r of res.filter((x) => x.status !== 201)) assertError(r, 409, 'seat_limit_reached');
			assert.equal((await getPool(p.id, org)).used, 10);
			invariants();
		});
	});
});
