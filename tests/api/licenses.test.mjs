// License pools and their seats (DESIGN.md §2, §4): operators grant and change
// pools; licenses:read lists them and their holders; licenses:assign gives,
// takes back and moves seats. Defaults and every field of a grant, bad input
// refused with nothing created, who may do what, another organization's pool,
// the counters after each step, expired and cancelled pools, lowering the
// seats below what is in use, a removed member's seats, the holders' list
// (pages, search), the audit log, and many clients at once on one pool: the
// pool never gives more seats than it has, and its counters are its rows.
//
// The database is also read directly (sqlite3, or psql on PostgreSQL) to check
// that every pool's `used` is the number of its seats rows.
// The concurrency rounds are random; the seed is in the test's name, and
// LICENSES_SEED=<seed> replays a run.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sqlRows, makeDb, migrate, createUser, startRosterd, startSmtp, api, assertError, email } from './lib/harness.mjs';

const PW = 'correct horse battery';
const DAY_MS = 24 * 3600 * 1000;
const YEAR_MS = 365 * DAY_MS;
const uniq = `${process.pid}x${Date.now() % 100000}`;
const addr = (local) => `${local}-${uniq}@example.com`;

// A small seeded generator, so that a failing concurrency round can be replayed (the seed is printed).
function prng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

describe('license pools and seats', { timeout: 240000 }, () => {
	let db;
	let srv;
	let smtp; // the mail sink: seats given and taken back are emailed
	let c;
	let op; // the operator's token
	let opId;
	let A; // the organization under test
	let B; // another organization
	const t = {}; // tokens: admA (administrator of A), reader (licenses:read only), plain (role member), admB
	const id = {}; // user ids
	let outsider; // a member of B only

	async function login(mail) {
		const res = await c.login(mail, PW);
		assert.equal(res.status, 200, `login ${mail}: ${res.text}`);
		return res.json.token;
	}

	// A member of org created by the operator; with a password (and a token) when login is set.
	// (password: with a password but no token, so that no setup email is sent.)
	async function member(org, role, { first_name = '', last_name = '', tag = role, login: signIn = false, password = signIn } = {}) {
		const mail = addr(`${tag}-${Math.random().toString(36).slice(2, 8)}`);
		const body = { email: mail, role, first_name, last_name };
		if (password) body.password = PW;
		const res = await c.post(`/api/v1/orgs/${org}/members`, body, { token: op });
		assert.equal(res.status, 201, res.text);
		const out = { id: res.json.id, email: mail, first_name, last_name };
		if (signIn) out.token = await login(mail);
		return out;
	}

	async function members(org, n, tag) {
		const out = [];
		for (let i = 0; i < n; i += 16) {
			const batch = [];
			for (let j = i; j < Math.min(n, i + 16); j++) batch.push(member(org, 'member', { tag: `${tag}${j}`, first_name: 'M', last_name: `${tag}${j}` }));
			out.push(...(await Promise.all(batch)));
		}
		return out;
	}

	const L = (org = A) => `/api/v1/orgs/${org}/licenses`;
	const grant = (body, { org = A, token = op } = {}) => c.post(L(org), body, { token });
	const patch = (lic, body, { org = A, token = op } = {}) => c.patch(`${L(org)}/${lic}`, body, { token });
	const assign = (lic, user, { org = A, token = op } = {}) => c.post(`${L(org)}/${lic}/seats`, { user_id: user }, { token });
	const unassign = (lic, holder, { org = A, token = op } = {}) => c.req('DELETE', `${L(org)}/${lic}/seats/${holder}`, { token });
	const move = (lic, from, to, { org = A, token = op } = {}) => c.post(`${L(org)}/${lic}/seats/move`, { from, to }, { token });
	const bulk = (lic, ids, { org = A, token = op } = {}) => c.post(`${L(org)}/${lic}/seats/remove`, { ids }, { token });

	// Grants a pool, asserting 201; returns it.
	async function pool(body, opts) {
		const res = await grant({ product: 'Roster Pro', seats: 5, unit: 'user', ...body }, opts);
		assert.equal(res.status, 201, res.text);
		return res.json;
	}

	async function getPool(lic, { org = A, token = op } = {}) {
		const res = await c.get(`${L(org)}/${lic}`, { token });
		assert.equal(res.status, 200, res.text);
		return res.json;
	}

	async function listPools(org = A, token = op) {
		const res = await c.get(L(org), { token });
		assert.equal(res.status, 200, res.text);
		assert.equal(res.json.next_cursor, null);
		return res.json.items;
	}

	// Every holder of a pool, following the cursor.
	async function holders(lic, query = '', { org = A, token = op, limit = 200 } = {}) {
		const all = [];
		let cursor = null;
		for (let page = 0; page < 100; page++) {
			const sep = query ? '&' : '';
			const cur = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
			const res = await c.get(`${L(org)}/${lic}/seats?limit=${limit}${sep}${query}${cur}`, { token });
			assert.equal(res.status, 200, res.text);
			all.push(...res.json.items);
			cursor = res.json.next_cursor;
			if (!cursor) return all;
		}
		assert.fail('more than 100 pages');
	}
	const holderIds = async (lic, opts) => (await holders(lic, '', opts)).map((s) => s.holder_id).sort();

	// The pool's counters are what it holds: used = its holders, free = seats - used - reserved.
	async function expectCounts(lic, used, { org = A } = {}) {
		const p = await getPool(lic, { org });
		const h = await holders(lic, '', { org });
		assert.equal(p.used, used, `used of ${lic}`);
		assert.equal(p.reserved, 0);
		assert.equal(p.free, p.seats - p.used - p.reserved, 'free = seats - used - reserved');
		assert.equal(h.length, used, `holders of ${lic}: ${JSON.stringify(h.map((x) => x.holder_id))}`);
		return p;
	}

	// Rows of one SQL query on the test database, as arrays of column values.
	const sql = (query) => sqlRows(db, query);

	// The invariants of every pool (or of one), read from the tables themselves.
	function sqlInvariants(lic) {
		const only = lic ? ` AND p.id = '${lic}'` : '';
		const bad = sql(
			'SELECT p.id FROM license_pools p LEFT JOIN (SELECT pool_id, COUNT(*) n FROM seats GROUP BY pool_id) s ON s.pool_id = p.id ' +
				`WHERE (p.used <> COALESCE(s.n, 0) OR p.used + p.reserved > p.seats)${only}`,
		);
		assert.deepEqual(bad, [], 'pools whose used is not their number of seats rows, or that give more than they have');
		const strays = sql(
			'SELECT s.pool_id, s.holder_id FROM seats s LEFT JOIN memberships m ON m.org_id = s.org_id AND m.user_id = s.user_id ' +
				`JOIN license_pools p ON p.id = s.pool_id WHERE (m.user_id IS NULL OR p.org_id <> s.org_id)${only}`,
		);
		assert.deepEqual(strays, [], 'seats held by someone who is no member of the pool’s organization');
		const both = sql(
			'SELECT w.pool_id, w.holder_id FROM seat_waiting w JOIN seats s ON s.pool_id = w.pool_id AND s.holder_id = w.holder_id' +
				(lic ? ` WHERE w.pool_id = '${lic}'` : ''),
		);
		assert.deepEqual(both, [], 'someone waits for a seat of a pool they hold one of');
		const idle = sql(
			`SELECT p.id FROM license_pools p WHERE p.auto_assign = 1 AND p.state <> 'cancelled' AND p.ends_at > ${Date.now() + 60000} ` +
				`AND p.used + p.reserved < p.seats AND EXISTS (SELECT 1 FROM seat_waiting w WHERE w.pool_id = p.id)${only}`,
		);
		assert.deepEqual(idle, [], 'a pool that assigns automatically has a free seat while someone waits');
	}

	// The audit entries of one action (all pages).
	async function audit(action, org = A) {
		const out = [];
		let cursor = null;
		for (;;) {
			const cur = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
			const res = await c.get(`/api/v1/orgs/${org}/audit?action=${action}&limit=200${cur}`, { token: op });
			assert.equal(res.status, 200, res.text);
			out.push(...res.json.items);
			cursor = res.json.next_cursor;
			if (!cursor) return out;
		}
	}

	before(async () => {
		db = makeDb('licenses');
		await migrate(db);
		const opMail = addr('operator');
		await createUser(db, opMail, PW);
		smtp = await startSmtp();
		srv = await startRosterd({ db, smtpPort: smtp.port });
		c = api(srv.base);
		op = await login(opMail);
		opId = (await c.me(op)).json.id;
		const a = await c.post('/api/v1/orgs', { name: 'Acme', type: 'enterprise', admin: { email: addr('first-a') } }, { token: op });
		assert.equal(a.status, 201, a.text);
		A = a.json.id;
		const b = await c.post('/api/v1/orgs', { name: 'Beta', type: 'enterprise', admin: { email: addr('first-b') } }, { token: op });
		assert.equal(b.status, 201, b.text);
		B = b.json.id;
		const r = await c.post(`/api/v1/orgs/${A}/roles`, { name: 'license_reader', permissions: ['licenses:read'] }, { token: op });
		assert.equal(r.status, 201, r.text);
		const [admA, reader, plain, admB] = await Promise.all([
			member(A, 'administrator', { tag: 'adm-a', login: true }),
			member(A, 'license_reader', { tag: 'reader', login: true }),
			member(A, 'member', { tag: 'plain', login: true }),
			member(B, 'administrator', { tag: 'adm-b', login: true }),
		]);
		Object.assign(t, { admA: admA.token, reader: reader.token, plain: plain.token, admB: admB.token });
		Object.assign(id, { admA: admA.id, reader: reader.id, plain: plain.id, admB: admB.id });
		outsider = await member(B, 'member', { tag: 'outsider' });
	});

	after(async () => {
		if (srv) {
			const code = await srv.stop();
			if (code !== 0) console.error(`rosterd ended with ${code}; last log lines:\n${srv.logs().split('\n').slice(-6).join('\n')}`);
		}
		if (smtp) await smtp.close();
	});

	describe('1. granting pools', () => {
		test('step 1.1: the defaults: a year from now, active, 7 offline days, no transfer limit, nothing used', async () => {
			const t0 = Date.now();
			const res = await grant({ product: 'Roster Pro', seats: 5, unit: 'user' });
			const t1 = Date.now();
			assert.equal(res.status, 201, res.text);
			const p = res.json;
			assert.match(p.id, /^lic_[0-9a-z]+$/);
			assert.equal(p.org_id, A);
			assert.equal(p.product, 'Roster Pro');
			assert.equal(p.plan, '');
			assert.equal(p.unit, 'user');
			assert.equal(p.state, 'active');
			assert.equal(p.seats, 5);
			assert.equal(p.used, 0);
			assert.equal(p.reserved, 0);
			assert.equal(p.free, 5);
			assert.equal(p.waiting, 0);
			assert.equal(p.auto_assign, false);
			const starts = Date.parse(p.starts_at);
			assert.ok(starts >= t0 - 1000 && starts <= t1 + 1000, `starts_at ${p.starts_at} is now`);
			assert.equal(Date.parse(p.ends_at) - starts, YEAR_MS, 'a term of a year (365 days)');
			assert.equal(p.days_left, 365);
			assert.equal(p.offline_days, 7);
			assert.equal(p.max_transfers_per_month, null);
			assert.equal(p.created_at, p.updated_at);
			assert.ok(Math.abs(Date.parse(p.created_at) - starts) < 1000);
			// read back, alone and in the list
			assert.deepEqual(await getPool(p.id), p);
			const list = await listPools();
			assert.deepEqual(
				list.filter((x) => x.id === p.id),
				[p],
			);
			const ev = (await audit('license.granted')).filter((x) => x.target_id === p.id);
			assert.equal(ev.length, 1, 'one license.granted entry');
			assert.equal(ev[0].target_type, 'license');
			assert.equal(ev[0].actor_id, opId);
			assert.equal(ev[0].details.product, 'Roster Pro');
			assert.equal(ev[0].details.seats, 5);
			assert.equal(ev[0].details.unit, 'user');
		});

		test('step 1.2: every field given is kept (times with an offset read back in UTC)', async () => {
			const t0 = Date.now();
			const res = await grant({
				product: 'Roster Field',
				plan: 'enterprise',
				seats: 1000000,
				unit: 'device',
				starts_at: '2030-01-01T02:00:00+02:00',
				ends_at: '2031-06-30T12:30:00.250Z',
				state: 'trial',
				auto_assign: true,
				offline_days: 365,
				max_transfers_per_month: 100000,
			});
			const t1 = Date.now();
			assert.equal(res.status, 201, res.text);
			const p = res.json;
			assert.equal(p.product, 'Roster Field');
			assert.equal(p.plan, 'enterprise');
			assert.equal(p.seats, 1000000);
			assert.equal(p.free, 1000000);
			assert.equal(p.unit, 'device');
			assert.equal(p.starts_at, '2030-01-01T00:00:00.000Z');
			assert.equal(p.ends_at, '2031-06-30T12:30:00.250Z');
			assert.equal(p.state, 'trial');
			assert.equal(p.auto_assign, true);
			assert.equal(p.offline_days, 365);
			assert.equal(p.max_transfers_per_month, 100000);
			const ends = Date.parse(p.ends_at);
			const lo = Math.ceil((ends - t1) / DAY_MS);
			const hi = Math.ceil((ends - t0) / DAY_MS);
			assert.ok(p.days_left >= lo && p.days_left <= hi, `days_left ${p.days_left} in [${lo}, ${hi}]`);
			assert.deepEqual(await getPool(p.id), p);
		});

		test('step 1.3: the lower bounds, a 0 transfer limit (not null), 100 characters counted as characters, ends_at from starts_at', async () => {
			const product = 'é'.repeat(100);
			const p = await pool({ product, plan: 'p'.repeat(100), seats: 0, offline_days: 1, max_transfers_per_month: 0, starts_at: '2031-02-03T04:05:06.789Z' });
			assert.equal(p.product, product);
			assert.equal(p.seats, 0);
			assert.equal(p.free, 0);
			assert.equal(p.offline_days, 1);
			assert.equal(p.max_transfers_per_month, 0);
			assert.equal(p.starts_at, '2031-02-03T04:05:06.789Z');
			assert.equal(p.ends_at, '2032-02-03T04:05:06.789Z');
			assert.equal(p.state, 'active');
		});

		test('step 1.4: bad input → the right status, code and field, and no pool is created', async () => {
			const before = (await listPools()).map((p) => p.id).sort();
			const base = { product: 'Bad', seats: 1, unit: 'user' };
			const cases = [
				['seats -1', { seats: -1 }, 422, 'invalid', 'seats'],
				['seats 1000001', { seats: 1000001 }, 422, 'invalid', 'seats'],
				['seats a string', { seats: '5' }, 400, 'wrong_type', 'seats'],
				['seats not whole', { seats: 1.5 }, 400, 'wrong_type', 'seats'],
				['seats missing', { seats: undefined }, 400, 'missing_field', 'seats'],
				['ends_at before starts_at', { starts_at: '2030-06-01T00:00:00Z', ends_at: '2030-05-31T23:59:59Z' }, 422, 'invalid', 'ends_at'],
				['ends_at equal to starts_at', { starts_at: '2030-06-01T00:00:00Z', ends_at: '2030-06-01T00:00:00.000Z' }, 422, 'invalid', 'ends_at'],
				['ends_at past, starts_at now', { ends_at: '2020-01-01T00:00:00Z' }, 422, 'invalid', 'ends_at'],
				['starts_at a word', { starts_at: 'yesterday' }, 422, 'invalid', 'starts_at'],
				['starts_at a date only', { starts_at: '2030-01-01' }, 422, 'invalid', 'starts_at'],
				['starts_at February 30', { starts_at: '2030-02-30T00:00:00Z' }, 422, 'invalid', 'starts_at'],
				['starts_at month 13', { starts_at: '2030-13-01T00:00:00Z' }, 422, 'invalid', 'starts_at'],
				['ends_at without an offset', { ends_at: '2031-01-01T00:00:00' }, 422, 'invalid', 'ends_at'],
				['ends_at a number', { ends_at: 1735689600 }, 400, 'wrong_type', 'ends_at'],
				['unit unknown', { unit: 'seat' }, 422, 'invalid', 'unit'],
				['unit missing', { unit: undefined }, 400, 'missing_field', 'unit'],
				['state expired', { state: 'expired' }, 422, 'invalid', 'state'],
				['state cancelled', { state: 'cancelled' }, 422, 'invalid', 'state'],
				['state unknown', { state: 'paused' }, 422, 'invalid', 'state'],
				['product empty', { product: '' }, 422, 'invalid', 'product'],
				['product blank', { product: '   ' }, 422, 'invalid', 'product'],
				['product 101 characters', { product: 'x'.repeat(101) }, 422, 'too_long', 'product'],
				['product with a control character', { product: 'Roster\u0007Pro' }, 422, 'invalid', 'product'],
				['product with a line feed', { product: 'Roster\nPro' }, 422, 'invalid', 'product'],
				['product with a NUL', { product: 'Roster\u0000Pro' }, 422, 'invalid', 'product'],
				['product with a bidi override', { product: 'Roster\u202ePro' }, 422, 'invalid', 'product'],
				['product missing', { product: undefined }, 400, 'missing_field', 'product'],
				['product a number', { product: 5 }, 400, 'wrong_type', 'product'],
				['plan 101 characters', { plan: 'y'.repeat(101) }, 422, 'too_long', 'plan'],
				['plan with a control character', { plan: 'a\u0001' }, 422, 'invalid', 'plan'],
				['offline_days 0', { offline_days: 0 }, 422, 'invalid', 'offline_days'],
				['offline_days 366', { offline_days: 366 }, 422, 'invalid', 'offline_days'],
				['max_transfers_per_month -1', { max_transfers_per_month: -1 }, 422, 'invalid', 'max_transfers_per_month'],
				['max_transfers_per_month 100001', { max_transfers_per_month: 100001 }, 422, 'invalid', 'max_transfers_per_month'],
				['max_transfers_per_month a string', { max_transfers_per_month: 'three' }, 400, 'wrong_type', 'max_transfers_per_month'],
				['auto_assign a string', { auto_assign: 'yes' }, 400, 'wrong_type', 'auto_assign'],
				['unknown field used', { used: 3 }, 400, 'unknown_field', 'used'],
				['unknown field org_id', { org_id: B }, 400, 'unknown_field', 'org_id'],
			];
			for (const [label, change, status, code, field] of cases) {
				const body = { ...base, ...change };
				for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
				const res = await grant(body);
				try {
					assertError(res, status, code, field);
				} catch (err) {
					err.message = `${label}: ${err.message}`;
					throw err;
				}
			}
			assertError(await c.req('POST', L(), { token: op, raw: '[1]', headers: { 'Content-Type': 'application/json' } }), 400, 'malformed_json');
			const after = (await listPools()).map((p) => p.id).sort();
			assert.deepEqual(after, before, 'no pool created by a refused grant');
			assert.equal(sql(`SELECT COUNT(*) FROM license_pools WHERE org_id = '${A}' AND product IN ('Bad', '')`)[0][0], '0');
		});

		test('step 1.5: a term outside 2000-01-01 .. 9999-12-31 is refused at its field (the epoch is never read as "absent"), nothing created', async () => {
			const before = (await listPools()).map((p) => p.id).sort();
			for (const [label, body, field] of [
				['a term from the epoch', { starts_at: '1970-01-01T00:00:00Z', ends_at: '1970-01-02T00:00:00Z' }, 'starts_at'],
				['a start at the epoch, an end in 2030', { starts_at: '1970-01-01T00:00:00Z', ends_at: '2030-01-01T00:00:00Z' }, 'starts_at'],
				['an end at the epoch', { ends_at: '1970-01-01T00:00:00Z' }, 'ends_at'],
				['a start just before 2000', { starts_at: '1999-12-31T23:59:59Z', ends_at: '2030-01-01T00:00:00Z' }, 'starts_at'],
			]) {
				const res = await grant({ product: 'Epoch', seats: 1, unit: 'user', ...body });
				try {
					assertError(res, 422, 'invalid', field);
				} catch (err) {
					err.message = `${label}: ${err.message}`;
					throw err;
				}
			}
			const ok = await grant({ product: 'Y2K', seats: 1, unit: 'user', starts_at: '2000-01-01T00:00:00Z', ends_at: '2000-01-02T00:00:00Z' });
			assert.equal(ok.status, 201, ok.text);
			assert.deepEqual([ok.json.starts_at, ok.json.state], ['2000-01-01T00:00:00.000Z', 'expired']);
			const after = (await listPools()).map((p) => p.id).sort();
			assert.deepEqual(after, [...before, ok.json.id].sort(), 'only the valid grant made a pool');
		});

		test('step 1.6: a term whose default end would fall after the year 9999 is refused (422) or ends after it starts', async () => {
			const res = await grant({ product: 'Far', seats: 1, unit: 'user', starts_at: '9999-06-01T00:00:00Z' });
			if (res.status === 422) {
				assert.ok(['starts_at', 'ends_at'].includes(res.json.error.field), res.text);
				return;
			}
			assert.equal(res.status, 201, res.text);
			assert.ok(Date.parse(res.json.ends_at) > Date.parse(res.json.starts_at), `ends_at ${res.json.ends_at} is not after starts_at ${res.json.starts_at}`);
		});

		test('step 1.7: only operators grant and change pools: an administrator of the organization → 403, a stranger → 404', async () => {
			const p = await pool({ product: 'Guarded' });
			const before = (await listPools()).map((x) => x.id).sort();
			assertError(await grant({ product: 'Mine', seats: 1, unit: 'user' }, { token: t.admA }), 403, 'forbidden');
			assertError(await grant({ product: 'Mine', seats: 1, unit: 'user' }, { token: t.reader }), 403, 'forbidden');
			assertError(await grant({ product: 'Mine', seats: 1, unit: 'user' }, { token: t.admB }), 404, 'not_found');
			assertError(await patch(p.id, { seats: 500 }, { token: t.admA }), 403, 'forbidden');
			assertError(await patch(p.id, { state: 'cancelled' }, { token: t.plain }), 403, 'forbidden');
			assertError(await patch(p.id, { seats: 500 }, { token: t.admB }), 404, 'not_found');
			assertError(await c.post(L(), { product: 'Mine', seats: 1, unit: 'user' }), 401, 'unauthenticated');
			assertError(await c.patch(`${L()}/${p.id}`, { seats: 500 }), 401, 'unauthenticated');
			assert.deepEqual((await listPools()).map((x) => x.id).sort(), before);
			assert.deepEqual(await getPool(p.id), p, 'unchanged');
		});

		test('step 1.8: reading needs licenses:read: a member → 403, the reader role → 200, a stranger → 404', async () => {
			const p = await pool({ product: 'Readable' });
			for (const path of [L(), `${L()}/${p.id}`, `${L()}/${p.id}/seats`]) {
				assertError(await c.get(path, { token: t.plain }), 403, 'forbidden');
				assertError(await c.get(path, { token: t.admB }), 404, 'not_found');
				assertError(await c.get(path), 401, 'unauthenticated');
				const ok = await c.get(path, { token: t.reader });
				assert.equal(ok.status, 200, `${path}: ${ok.text}`);
				const ok2 = await c.get(path, { token: t.admA });
				assert.equal(ok2.status, 200, `${path}: ${ok2.text}`);
			}
			assert.deepEqual(await getPool(p.id, { token: t.reader }), p);
		});

		test('step 1.9: giving, taking back and moving seats needs licenses:assign (the reader role → 403, nothing changes)', async () => {
			const p = await pool({ product: 'Assignable', seats: 3 });
			const m1 = await member(A, 'member', { tag: 'perm1' });
			const m2 = await member(A, 'member', { tag: 'perm2' });
			assert.equal((await assign(p.id, m1.id)).status, 201);
			assertError(await assign(p.id, m2.id, { token: t.reader }), 403, 'forbidden');
			assertError(await unassign(p.id, m1.id, { token: t.reader }), 403, 'forbidden');
			assertError(await move(p.id, m1.id, m2.id, { token: t.reader }), 403, 'forbidden');
			assertError(await bulk(p.id, [m1.id], { token: t.reader }), 403, 'forbidden');
			assertError(await assign(p.id, m2.id, { token: t.plain }), 403, 'forbidden');
			assert.deepEqual(await holderIds(p.id), [m1.id]);
			await expectCounts(p.id, 1);
			// an administrator of the organization holds licenses:assign
			const r = await assign(p.id, m2.id, { token: t.admA });
			assert.equal(r.status, 201, r.text);
			assert.equal(r.json.used, 2);
			const s = (await holders(p.id)).find((x) => x.holder_id === m2.id);
			assert.equal(s.assigned_by, id.admA);
		});

		test("step 1.10: another organization's pool does not exist here: 404 on every route", async () => {
			const pb = await pool({ product: 'Theirs', seats: 2 }, { org: B });
			assert.equal((await assign(pb.id, outsider.id, { org: B })).status, 201);
			const mine = await member(A, 'member', { tag: 'nosy' });
			const base = `${L(A)}/${pb.id}`;
			assertError(await c.get(base, { token: op }), 404, 'not_found');
			assertError(await c.get(base, { token: t.admA }), 404, 'not_found');
			assertError(await c.get(`${base}/seats`, { token: t.admA }), 404, 'not_found');
			assertError(await patch(pb.id, { seats: 100 }), 404, 'not_found');
			assertError(await assign(pb.id, mine.id), 404, 'not_found');
			assertError(await assign(pb.id, outsider.id), 404, 'not_found');
			assertError(await unassign(pb.id, outsider.id), 404, 'not_found');
			assertError(await move(pb.id, outsider.id, mine.id), 404, 'not_found');
			assertError(await c.get(`${L(A)}/lic_doesnotexist0000000000000`, { token: op }), 404, 'not_found');
			assert.ok(!(await listPools(A)).some((x) => x.id === pb.id), "B's pool is not in A's list");
			const still = await getPool(pb.id, { org: B });
			assert.equal(still.seats, 2);
			assert.equal(still.used, 1);
			assert.deepEqual(await holderIds(pb.id, { org: B }), [outsider.id]);
		});

		test("step 1.11: removing seats in bulk from another organization's pool (or a pool that does not exist) → 404, as every other route", async () => {
			const pb = await pool({ product: 'Theirs too', seats: 2 }, { org: B });
			assert.equal((await assign(pb.id, outsider.id, { org: B })).status, 201);
			assertError(await bulk(pb.id, [outsider.id]), 404, 'not_found');
			assertError(await bulk('lic_doesnotexist0000000000000', [outsider.id]), 404, 'not_found');
			assert.deepEqual(await holderIds(pb.id, { org: B }), [outsider.id]);
		});
	});

	describe('2. seats: assign, remove, move, bulk', () => {
		let S;
		const p = [];

		before(async () => {
			S = (await pool({ product: 'Seats', seats: 3 })).id;
			for (let i = 0; i < 6; i++) p.push(await member(A, 'member', { tag: `seat${i}`, first_name: `P${i}`, last_name: 'Seat' }));
		});

		test('step 2.1: assign → 201 with the pool: used 1, free 2; the holder is listed with who gave the seat', async () => {
			const t0 = Date.now();
			const r = await assign(S, p[1].id);
			assert.equal(r.status, 201, r.text);
			assert.equal(r.json.id, S);
			assert.equal(r.json.used, 1);
			assert.equal(r.json.free, 2);
			const h = await holders(S);
			assert.equal(h.length, 1);
			assert.equal(h[0].holder_id, p[1].id);
			assert.equal(h[0].user_id, p[1].id);
			assert.equal(h[0].email, p[1].email);
			assert.equal(h[0].first_name, 'P1');
			assert.equal(h[0].last_name, 'Seat');
			assert.equal(h[0].device_id, null);
			assert.equal(h[0].source, 'manual');
			assert.equal(h[0].assigned_by, opId);
			assert.ok(Math.abs(Date.parse(h[0].assigned_at) - t0) < 5000, h[0].assigned_at);
			await expectCounts(S, 1);
		});

		test('step 2.2: the same member again → 409 already_assigned (field user_id); used stays 1', async () => {
			assertError(await assign(S, p[1].id), 409, 'already_assigned', 'user_id');
			await expectCounts(S, 1);
		});

		test('step 2.3: a member of another organization, or no user at all → 404 (field user_id); used stays 1', async () => {
			assertError(await assign(S, outsider.id), 404, 'not_found', 'user_id');
			assertError(await assign(S, id.admB), 404, 'not_found', 'user_id');
			assertError(await assign(S, 'usr_doesnotexist00000000000000'), 404, 'not_found', 'user_id');
			assertError(await c.post(`${L()}/${S}/seats`, {}, { token: op }), 400, 'missing_field', 'user_id');
			assertError(await c.post(`${L()}/${S}/seats`, { user_id: p[2].id, source: 'auto' }, { token: op }), 400, 'unknown_field', 'source');
			assertError(await c.post(`${L()}/${S}/seats`, { user_id: 7 }, { token: op }), 400, 'wrong_type', 'user_id');
			await expectCounts(S, 1);
		});

		test('step 2.4: two more fill the pool (free 0); the next → 409 seat_limit_reached; used stays 3', async () => {
			let r = await assign(S, p[2].id);
			assert.equal(r.status, 201, r.text);
			assert.equal(r.json.used, 2);
			r = await assign(S, p[3].id);
			assert.equal(r.status, 201, r.text);
			assert.equal(r.json.used, 3);
			assert.equal(r.json.free, 0);
			assertError(await assign(S, p[4].id), 409, 'seat_limit_reached');
			await expectCounts(S, 3);
			assert.deepEqual(await holderIds(S), [p[1].id, p[2].id, p[3].id].sort());
		});

		test('step 2.5: DELETE a seat → 204 (used 2); again, or for someone without one → 404', async () => {
			const r = await unassign(S, p[2].id);
			assert.equal(r.status, 204, r.text);
			assert.equal(r.text, '');
			await expectCounts(S, 2);
			assertError(await unassign(S, p[2].id), 404, 'not_found');
			assertError(await unassign(S, p[5].id), 404, 'not_found');
			assertError(await unassign(S, outsider.id), 404, 'not_found');
			await expectCounts(S, 2);
			assert.deepEqual(await holderIds(S), [p[1].id, p[3].id].sort());
		});

		test('step 2.6: move → 200: the seat goes from one to the other, the counters stay', async () => {
			const r = await move(S, p[1].id, p[4].id);
			assert.equal(r.status, 200, r.text);
			assert.equal(r.json.id, S);
			assert.equal(r.json.used, 2);
			assert.equal(r.json.free, 1);
			assert.deepEqual(await holderIds(S), [p[3].id, p[4].id].sort());
			const s = (await holders(S)).find((x) => x.holder_id === p[4].id);
			assert.equal(s.source, 'manual');
			assert.equal(s.assigned_by, opId);
			await expectCounts(S, 2);
		});

		test('step 2.7: a move refused changes nothing: from without a seat → 404 (from), to with one → 409 (to), to no member → 404 (to), from = to → 422', async () => {
			const same = [p[3].id, p[4].id].sort();
			assertError(await move(S, p[1].id, p[5].id), 404, 'not_found', 'from');
			assertError(await move(S, outsider.id, p[5].id), 404, 'not_found', 'from');
			assertError(await move(S, p[3].id, p[4].id), 409, 'already_assigned', 'to');
			assert.deepEqual(await holderIds(S), same, 'both still hold their seats after a refused move');
			assertError(await move(S, p[3].id, outsider.id), 404, 'not_found', 'to');
			assertError(await move(S, p[3].id, 'usr_doesnotexist00000000000000'), 404, 'not_found', 'to');
			assert.deepEqual(await holderIds(S), same, 'from keeps its seat when to cannot take it');
			const r = await move(S, p[3].id, p[3].id);
			assert.equal(r.status, 422, r.text);
			assert.equal(r.json.error.code, 'invalid');
			assertError(await c.post(`${L()}/${S}/seats/move`, { from: p[3].id }, { token: op }), 400, 'missing_field', 'to');
			assertError(await c.post(`${L()}/${S}/seats/move`, { from: p[3].id, to: p[5].id, why: 'x' }, { token: op }), 400, 'unknown_field', 'why');
			assert.deepEqual(await holderIds(S), same);
			await expectCounts(S, 2);
		});

		test('step 2.8: bulk removal answers per id, in order; duplicates and strangers are not_found', async () => {
			const ids = [p[3].id, p[5].id, p[4].id, 'usr_nobody', p[3].id, outsider.id];
			const r = await bulk(S, ids);
			assert.equal(r.status, 200, r.text);
			assert.deepEqual(
				r.json.items,
				[
					{ id: p[3].id, result: 'removed' },
					{ id: p[5].id, result: 'not_found' },
					{ id: p[4].id, result: 'removed' },
					{ id: 'usr_nobody', result: 'not_found' },
					{ id: p[3].id, result: 'not_found' },
					{ id: outsider.id, result: 'not_found' },
				],
			);
			assert.equal(r.json.removed, 2);
			assert.equal(r.json.refused, 4);
			await expectCounts(S, 0);
			const empty = await bulk(S, []);
			assert.equal(empty.status, 200, empty.text);
			assert.deepEqual(empty.json, { items: [], removed: 0, refused: 0 });
		});

		test('step 2.9: a bulk removal with an empty id or more than 500 ids removes nothing', async () => {
			assert.equal((await assign(S, p[0].id)).status, 201);
			assertError(await bulk(S, [p[0].id, '']), 422, 'invalid', 'ids');
			assertError(await bulk(S, [p[0].id, 'x'.repeat(201)]), 422, 'invalid', 'ids');
			assertError(await bulk(S, Array.from({ length: 501 }, () => p[0].id)), 422, 'too_many_items', 'ids');
			assertError(await c.post(`${L()}/${S}/seats/remove`, { ids: p[0].id }, { token: op }), 400, 'wrong_type', 'ids');
			assert.deepEqual(await holderIds(S), [p[0].id]);
			await expectCounts(S, 1);
		});

		test('step 2.10: a pool of 0 seats gives none (409 seat_limit_reached)', async () => {
			const z = await pool({ product: 'Zero', seats: 0 });
			assertError(await assign(z.id, p[5].id), 409, 'seat_limit_reached');
			await expectCounts(z.id, 0);
		});

		test('step 2.11: a per-device pool gives no seat to a person → 422 invalid (field user_id)', async () => {
			const d = await pool({ product: 'Kiosk', unit: 'device', seats: 4 });
			assertError(await assign(d.id, p[5].id), 422, 'invalid', 'user_id');
			await expectCounts(d.id, 0);
		});

		test('step 2.12: a move in a per-device pool moves between devices: people are no holders there → 404 at from, nothing changes', async () => {
			const d = await pool({ product: 'Kiosk 2', unit: 'device', seats: 4 });
			const r = await move(d.id, p[5].id, p[0].id);
			assertError(r, 404, 'not_found', 'from');
			assert.equal((await getPool(d.id)).used, 0);
		});

		test('step 2.13: the tables agree with the counters', () => sqlInvariants());
	});

	describe('3. expired and cancelled pools', () => {
		let q;
		before(async () => {
			q = await Promise.all([0, 1, 2, 3].map((i) => member(A, 'member', { tag: `exp${i}` })));
		});

		test('step 3.1: a pool granted with a term in the past reads expired (days_left 0) and gives no seat (409 license_inactive)', async () => {
			const e = await pool({ product: 'Old', seats: 3, starts_at: '2020-01-01T00:00:00Z', ends_at: '2021-01-01T00:00:00Z' });
			assert.equal(e.state, 'expired');
			assert.equal(e.days_left, 0);
			assert.equal((await getPool(e.id)).state, 'expired');
			assert.equal((await listPools()).find((x) => x.id === e.id).state, 'expired');
			assertError(await assign(e.id, q[0].id), 409, 'license_inactive');
			await expectCounts(e.id, 0);
			// a trial past its term too
			const tr = await pool({ product: 'Old trial', state: 'trial', starts_at: '2020-01-01T00:00:00Z', ends_at: '2020-02-01T00:00:00Z' });
			assert.equal(tr.state, 'expired');
			assertError(await assign(tr.id, q[0].id), 409, 'license_inactive');
		});

		test('step 3.2: a term ended by PATCH: expired, the holders stay, no seat given or moved; one can still be taken back; renewed, it gives again', async () => {
			const e = await pool({ product: 'Ending', seats: 3, starts_at: '2020-01-01T00:00:00Z', ends_at: new Date(Date.now() + YEAR_MS).toISOString() });
			assert.equal(e.state, 'active');
			for (const m of [q[0], q[1], q[2]]) assert.equal((await assign(e.id, m.id)).status, 201);
			const ended = await patch(e.id, { ends_at: '2021-01-01T00:00:00Z' });
			assert.equal(ended.status, 200, ended.text);
			assert.equal(ended.json.state, 'expired');
			assert.equal(ended.json.days_left, 0);
			assert.equal(ended.json.ends_at, '2021-01-01T00:00:00.000Z');
			assert.deepEqual(await holderIds(e.id), [q[0].id, q[1].id, q[2].id].sort(), 'an expired pool keeps its holders');
			await expectCounts(e.id, 3);
			assert.equal((await unassign(e.id, q[2].id)).status, 204, 'a seat of an expired pool can be taken back');
			await expectCounts(e.id, 2);
			assertError(await assign(e.id, q[3].id), 409, 'license_inactive');
			assertError(await move(e.id, q[0].id, q[3].id), 409, 'license_inactive');
			assert.deepEqual(await holderIds(e.id), [q[0].id, q[1].id].sort());
			await expectCounts(e.id, 2);
			const renewed = await patch(e.id, { ends_at: new Date(Date.now() + 30 * DAY_MS).toISOString() });
			assert.equal(renewed.status, 200, renewed.text);
			assert.equal(renewed.json.state, 'active');
			assert.ok(renewed.json.days_left === 30 || renewed.json.days_left === 31, `days_left ${renewed.json.days_left}`);
			const r = await assign(e.id, q[3].id);
			assert.equal(r.status, 201, r.text);
			assert.equal(r.json.used, 3);
			const ev = (await audit('license.updated')).filter((x) => x.target_id === e.id);
			assert.equal(ev.length, 2, 'one license.updated per PATCH');
			assert.equal(ev[0].target_type, 'license');
			assert.equal(ev[0].details.renewed, true);
		});

		test('step 3.3: cancelled by PATCH: reads cancelled, keeps its holders, gives and moves no seat; active again, it gives', async () => {
			const cp = await pool({ product: 'Cancellable', seats: 3 });
			assert.equal((await assign(cp.id, q[0].id)).status, 201);
			assert.equal((await assign(cp.id, q[1].id)).status, 201);
			const r = await patch(cp.id, { state: 'cancelled' });
			assert.equal(r.status, 200, r.text);
			assert.equal(r.json.state, 'cancelled');
			assert.equal(r.json.used, 2);
			assert.equal((await getPool(cp.id)).state, 'cancelled');
			assert.deepEqual(await holderIds(cp.id), [q[0].id, q[1].id].sort());
			assertError(await assign(cp.id, q[2].id), 409, 'license_inactive');
			assertError(await move(cp.id, q[0].id, q[2].id), 409, 'license_inactive');
			await expectCounts(cp.id, 2);
			assert.deepEqual(await holderIds(cp.id), [q[0].id, q[1].id].sort());
			const back = await patch(cp.id, { state: 'active' });
			assert.equal(back.status, 200, back.text);
			assert.equal(back.json.state, 'active');
			assert.equal((await assign(cp.id, q[2].id)).status, 201);
			await expectCounts(cp.id, 3);
			// a full cancelled pool says it is inactive, not full
			assert.equal((await patch(cp.id, { state: 'cancelled' })).status, 200);
			assertError(await assign(cp.id, q[3].id), 409, 'license_inactive');
		});
	});

	describe('4. changing a pool', () => {
		let P;
		let q;
		before(async () => {
			P = await pool({ product: 'Changeable', seats: 5 });
			q = await Promise.all([0, 1, 2, 3].map((i) => member(A, 'member', { tag: `chg${i}` })));
			for (const m of q.slice(0, 3)) assert.equal((await assign(P.id, m.id)).status, 201);
			P = await getPool(P.id);
		});

		test('step 4.1: seats below those in use → 409 seats_in_use (field seats), and nothing of the change is made', async () => {
			assertError(await patch(P.id, { seats: 2 }), 409, 'seats_in_use', 'seats');
			assertError(await patch(P.id, { seats: 0, auto_assign: true, state: 'trial' }), 409, 'seats_in_use', 'seats');
			const now = await getPool(P.id);
			assert.deepEqual(now, P, 'the pool is unchanged');
			await expectCounts(P.id, 3);
		});

		test('step 4.2: seats down to exactly those in use (free 0), then up (free 7) and the pool gives again', async () => {
			let r = await patch(P.id, { seats: 3 });
			assert.equal(r.status, 200, r.text);
			assert.equal(r.json.seats, 3);
			assert.equal(r.json.free, 0);
			assertError(await assign(P.id, q[3].id), 409, 'seat_limit_reached');
			r = await patch(P.id, { seats: 10 });
			assert.equal(r.status, 200, r.text);
			assert.equal(r.json.seats, 10);
			assert.equal(r.json.used, 3);
			assert.equal(r.json.free, 7);
			assert.ok(Date.parse(r.json.updated_at) >= Date.parse(P.updated_at));
			assert.equal((await assign(P.id, q[3].id)).status, 201);
			await expectCounts(P.id, 4);
			const ev = (await audit('license.updated')).filter((x) => x.target_id === P.id);
			assert.equal(ev.length, 2, 'the refused changes are not in the log');
			assert.deepEqual(
				ev.map((x) => [x.details.seats_before, x.details.seats]).sort(),
				[
					[3, 10],
					[5, 3],
				],
			);
		});

		test('step 4.3: auto_assign, state and ends_at change alone; the rest stays', async () => {
			const before = await getPool(P.id);
			const r = await patch(P.id, { auto_assign: true, state: 'trial', ends_at: '2040-01-01T00:00:00Z' });
			assert.equal(r.status, 200, r.text);
			const { taken_back, ...after } = r.json;
			assert.deepEqual(taken_back, [], 'a change that takes no seat back answers taken_back []');
			assert.equal(after.auto_assign, true);
			assert.equal(after.state, 'trial');
			assert.equal(after.ends_at, '2040-01-01T00:00:00.000Z');
			for (const k of ['id', 'product', 'plan', 'unit', 'seats', 'used', 'starts_at', 'offline_days', 'max_transfers_per_month', 'created_at'])
				assert.deepEqual(after[k], before[k], k);
			assert.deepEqual(await getPool(P.id), after);
			// off again: the members the later steps create in A take no seat of this pool
			const off = await patch(P.id, { auto_assign: false });
			assert.equal(off.status, 200, off.text);
			assert.equal(off.json.auto_assign, false);
		});

		test('step 4.4: bad changes → the right status, code and field, and the pool unchanged', async () => {
			const before = await getPool(P.id);
			const cases = [
				['seats -1', { seats: -1 }, 422, 'invalid', 'seats'],
				['seats 1000001', { seats: 1000001 }, 422, 'invalid', 'seats'],
				['seats a string', { seats: '10' }, 400, 'wrong_type', 'seats'],
				['state expired', { state: 'expired' }, 422, 'invalid', 'state'],
				['state unknown', { state: 'paused' }, 422, 'invalid', 'state'],
				['ends_at not RFC 3339', { ends_at: 'soon' }, 422, 'invalid', 'ends_at'],
				['ends_at before starts_at', { ends_at: '2000-01-01T00:00:00Z' }, 422, 'invalid', 'ends_at'],
				['auto_assign a number', { auto_assign: 1 }, 400, 'wrong_type', 'auto_assign'],
				['product cannot change', { product: 'Renamed' }, 400, 'unknown_field', 'product'],
				['unit cannot change', { unit: 'device' }, 400, 'unknown_field', 'unit'],
				['used cannot be set', { used: 0 }, 400, 'unknown_field', 'used'],
			];
			for (const [label, body, status, code, field] of cases) {
				const res = await patch(P.id, { seats: 11, ...body });
				try {
					assertError(res, status, code, field);
				} catch (err) {
					err.message = `${label}: ${err.message}`;
					throw err;
				}
			}
			assertError(await patch('lic_doesnotexist0000000000000', { seats: 1 }), 404, 'not_found');
			assert.deepEqual(await getPool(P.id), before);
		});
	});

	describe('5. a removed member loses their seats', () => {
		let M1;
		let M2;
		let r;
		before(async () => {
			M1 = (await pool({ product: 'Leaving', seats: 4 })).id;
			M2 = (await pool({ product: 'Leaving too', seats: 4 })).id;
			r = await Promise.all([0, 1, 2, 3].map((i) => member(A, 'member', { tag: `leave${i}` })));
			for (const m of [r[0], r[1], r[3]]) assert.equal((await assign(M1, m.id)).status, 201);
			assert.equal((await assign(M2, r[0].id)).status, 201);
			assert.equal((await assign(M2, r[3].id)).status, 201);
		});

		test('step 5.1: DELETE the member → their seats in every pool are free (used drops, they are no longer listed)', async () => {
			const res = await c.req('DELETE', `/api/v1/orgs/${A}/members/${r[0].id}`, { token: op });
			assert.equal(res.status, 204, res.text);
			await expectCounts(M1, 2);
			await expectCounts(M2, 1);
			assert.deepEqual(await holderIds(M1), [r[1].id, r[3].id].sort());
			assert.deepEqual(await holderIds(M2), [r[3].id]);
			assert.deepEqual(sql(`SELECT pool_id FROM seats WHERE user_id = '${r[0].id}'`), []);
			// and they are no member to give a seat to
			assertError(await assign(M1, r[0].id), 404, 'not_found', 'user_id');
		});

		test('step 5.2: the bulk removal of members frees their seats too', async () => {
			const res = await c.post(`/api/v1/orgs/${A}/members/remove`, { ids: [r[1].id, r[2].id, r[3].id] }, { token: op });
			assert.equal(res.status, 200, res.text);
			assert.equal(res.json.removed, 3);
			await expectCounts(M1, 0);
			await expectCounts(M2, 0);
			sqlInvariants();
		});
	});

	describe('6. the holders list: pages and search', () => {
		let H;
		const people = [
			['Alice', 'Archer'],
			['Bob', 'Baker'],
			['Carla', 'Moss'],
			['Dan', 'Mossman'],
			['Eve', 'Stone'],
		];
		const who = {};
		let order; // holder ids in the order their seats were given

		before(async () => {
			H = (await pool({ product: 'Listed', seats: 6 })).id;
			order = [];
			for (const [first, last] of people) {
				const m = await member(A, 'member', { tag: `list-${first.toLowerCase()}`, first_name: first, last_name: last });
				who[first] = m;
				const res = await assign(H, m.id);
				assert.equal(res.status, 201, res.text);
				order.push(m.id);
				await new Promise((res2) => setTimeout(res2, 3)); // distinct assigned_at
			}
		});

		const page = async (query) => {
			const res = await c.get(`${L()}/${H}/seats${query}`, { token: t.reader });
			assert.equal(res.status, 200, `${query}: ${res.text}`);
			return res.json;
		};

		test('step 6.1: newest first by default; sort=assigned_at for the oldest first', async () => {
			const all = await page('');
			assert.deepEqual(
				all.items.map((s) => s.holder_id),
				[...order].reverse(),
			);
			assert.equal(all.next_cursor, null);
			const oldest = await page('?sort=assigned_at');
			assert.deepEqual(
				oldest.items.map((s) => s.holder_id),
				order,
			);
			const desc = await page('?sort=-assigned_at');
			assert.deepEqual(
				desc.items.map((s) => s.holder_id),
				[...order].reverse(),
			);
		});

		test('step 6.2: limit=2 over 5 holders: pages of 2, 2, 1 following the cursor, no duplicate, none missing', async () => {
			for (const sort of ['', '&sort=assigned_at']) {
				const seen = [];
				let cursor = null;
				const sizes = [];
				for (let i = 0; i < 10; i++) {
					const p = await page(`?limit=2${sort}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
					sizes.push(p.items.length);
					seen.push(...p.items.map((s) => s.holder_id));
					cursor = p.next_cursor;
					if (!cursor) break;
				}
				assert.deepEqual(sizes, [2, 2, 1], `page sizes${sort}`);
				assert.equal(new Set(seen).size, 5, 'no duplicate');
				assert.deepEqual(seen, sort ? order : [...order].reverse(), `the full order${sort}`);
			}
			// a page that ends at the last item has no cursor
			const last = await page('?limit=5');
			assert.equal(last.items.length, 5);
			assert.equal(last.next_cursor, null);
		});

		test('step 6.3: q matches a prefix of the email, the last name or "first last", case-insensitively', async () => {
			const ids = async (q) => (await page(`?q=${encodeURIComponent(q)}`)).items.map((s) => s.holder_id).sort();
			assert.deepEqual(await ids('moss'), [who.Carla.id, who.Dan.id].sort(), 'last name prefix');
			assert.deepEqual(await ids('MOSSM'), [who.Dan.id], 'case-insensitive');
			assert.deepEqual(await ids('dan m'), [who.Dan.id], '"first last"');
			assert.deepEqual(await ids('Eve Stone'), [who.Eve.id], 'the full name');
			assert.deepEqual(await ids('ali'), [who.Alice.id], 'a first name is a prefix of "first last"');
			assert.deepEqual(await ids(who.Bob.email.slice(0, 12)), [who.Bob.id], 'email prefix');
			assert.deepEqual(await ids('zzz'), [], 'no match');
			// a search pages too
			const p1 = await page('?q=moss&limit=1');
			assert.equal(p1.items.length, 1);
			assert.ok(p1.next_cursor);
			const p2 = await page(`?q=moss&limit=1&cursor=${encodeURIComponent(p1.next_cursor)}`);
			assert.equal(p2.items.length, 1);
			assert.equal(p2.next_cursor, null);
			assert.deepEqual([p1.items[0].holder_id, p2.items[0].holder_id].sort(), [who.Carla.id, who.Dan.id].sort());
		});

		test('step 6.4: bad list queries → 400 (limit, sort, cursor) or 422 (q too long)', async () => {
			const base = `${L()}/${H}/seats`;
			assertError(await c.get(`${base}?limit=0`, { token: op }), 400, 'bad_request', 'limit');
			assertError(await c.get(`${base}?limit=201`, { token: op }), 400, 'bad_request', 'limit');
			assertError(await c.get(`${base}?sort=email`, { token: op }), 400, 'bad_request', 'sort');
			assertError(await c.get(`${base}?cursor=not-a-cursor`, { token: op }), 400, 'invalid_cursor', 'cursor');
			assertError(await c.get(`${base}?q=${'q'.repeat(201)}`, { token: op }), 422, 'too_long', 'q');
			// a cursor of the holders list is no cursor of another query
			const p1 = await page('?limit=2');
			assertError(await c.get(`${base}?limit=2&sort=assigned_at&cursor=${encodeURIComponent(p1.next_cursor)}`, { token: op }), 400, 'invalid_cursor', 'cursor');
		});
	});

	describe('7. the audit log', () => {
		test('step 7.1: seat.assigned, seat.removed and seat.moved name the holder, the pool and who acted', async () => {
			const pl = await pool({ product: 'Audited', seats: 2 });
			const [x, y] = await Promise.all([member(A, 'member', { tag: 'aud-x' }), member(A, 'member', { tag: 'aud-y' })]);
			assert.equal((await assign(pl.id, x.id, { token: t.admA })).status, 201);
			assert.equal((await move(pl.id, x.id, y.id)).status, 200);
			assert.equal((await unassign(pl.id, y.id)).status, 204);
			// refused: not in the log
			assertError(await unassign(pl.id, y.id), 404, 'not_found');
			assertError(await move(pl.id, x.id, y.id), 404, 'not_found', 'from');
			const of = async (action) => (await audit(action)).filter((e) => e.details.license_id === pl.id);
			const assigned = await of('seat.assigned');
			assert.equal(assigned.length, 1);
			assert.equal(assigned[0].target_type, 'user');
			assert.equal(assigned[0].target_id, x.id);
			assert.equal(assigned[0].actor_id, id.admA);
			const moved = await of('seat.moved');
			assert.equal(moved.length, 1);
			assert.equal(moved[0].target_id, y.id);
			assert.equal(moved[0].details.from, x.id);
			assert.equal(moved[0].details.to, y.id);
			assert.equal(moved[0].actor_id, opId);
			const removed = await of('seat.removed');
			assert.equal(removed.length, 1);
			assert.equal(removed[0].target_type, 'user');
			assert.equal(removed[0].target_id, y.id);
			const granted = (await audit('license.granted')).filter((e) => e.target_id === pl.id);
			assert.equal(granted.length, 1);
			assert.equal(granted[0].actor_id, opId);
		});

		test('step 7.2: a bulk removal writes one seat.removed per seat taken back', async () => {
			const pl = await pool({ product: 'Audited bulk', seats: 3 });
			const ms = await Promise.all([0, 1, 2].map((i) => member(A, 'member', { tag: `audb${i}` })));
			for (const m of ms) assert.equal((await assign(pl.id, m.id)).status, 201);
			const r = await bulk(pl.id, [ms[0].id, ms[2].id, ms[0].id]);
			assert.equal(r.json.removed, 2);
			const removed = (await audit('seat.removed')).filter((e) => e.details.license_id === pl.id);
			assert.deepEqual(removed.map((e) => e.target_id).sort(), [ms[0].id, ms[2].id].sort());
		});
	});

	// ---- automatic assignment and the waiting list -------------------------------------------

	const WL = (lic, org = A) => `${L(org)}/${lic}/waiting`;
	const unwait = (lic, holder, { org = A, token = op } = {}) => c.req('DELETE', `${WL(lic, org)}/${holder}`, { token });
	const GOT = (product) => `You now have a license for ${product}`;
	const LOST = (product) => `Your license for ${product} was taken back`;
	const pause = (ms) => new Promise((res) => setTimeout(res, ms));

	// A new organization, so that its pools that assign automatically see only the members a scenario makes.
	async function freshOrg(name) {
		const res = await c.post('/api/v1/orgs', { name, type: 'enterprise', admin: { email: addr(`adm-${name.toLowerCase().replace(/\W/g, '')}`) } }, { token: op });
		assert.equal(res.status, 201, res.text);
		return res.json.id;
	}

	// Members joining one after the other (distinct joined_at), in this order.
	async function joinInOrder(org, n, tag) {
		const out = [];
		for (let i = 0; i < n; i++) {
			out.push(await member(org, 'member', { password: true, tag: `${tag}${i}`, first_name: 'W', last_name: `${tag}${i}` }));
			await pause(3);
		}
		return out;
	}

	// The whole waiting list of a pool, following the cursor.
	async function waitingList(lic, query = '', { org = A, token = op, limit = 200 } = {}) {
		const all = [];
		let cursor = null;
		for (let page = 0; page < 100; page++) {
			const sep = query ? '&' : '';
			const cur = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
			const res = await c.get(`${WL(lic, org)}?limit=${limit}${sep}${query}${cur}`, { token });
			assert.equal(res.status, 200, res.text);
			all.push(...res.json.items);
			cursor = res.json.next_cursor;
			if (!cursor) return all;
		}
		assert.fail('more than 100 pages');
	}
	const waitingIds = async (lic, opts) => (await waitingList(lic, '', opts)).map((w) => w.holder_id);

	// The pool's counters, its holders and its waiting list, all at once; waiting = the list's length.
	async function expectPool(lic, { org, holders: want, waiting: wantWaiting }) {
		const p = await getPool(lic, { org });
		assert.deepEqual(await holderIds(lic, { org }), [...want].sort(), 'the holders');
		assert.deepEqual(await waitingIds(lic, { org }), wantWaiting, 'the waiting list, in order');
		assert.equal(p.used, want.length, 'used');
		assert.equal(p.waiting, wantWaiting.length, 'the pool’s waiting count');
		assert.equal(p.free, p.seats - p.used - p.reserved);
		sqlInvariants(lic);
		return p;
	}

	// The mail the sink received for one member with this subject.
	const mailFor = (m, subject) => smtp.waitForMail((x) => x.to === m.email.toLowerCase() && x.subject === subject, 20000);
	// How many messages with this subject were queued for the member (read from the outbox: a mail not sent yet counts).
	const queued = (m, subject) => Number(sql(`SELECT COUNT(*) FROM outbox WHERE recipient = '${m.email.toLowerCase()}' AND subject = '${subject}'`)[0][0]);

	// The audit entries of one action about one pool.
	const auditOf = async (action, lic, org) => (await audit(action, org)).filter((e) => e.details.license_id === lic);

	describe('8. automatic assignment and the waiting list', () => {
		let W; // the organization of this scenario
		let Q; // its pool: 2 seats, assigning automatically
		const PRODUCT = 'Auto Pro';
		let h; // the two members who got a seat on joining
		let w; // those who waited, in the order they joined

		before(async () => {
			W = await freshOrg('Waiters');
			Q = (await pool({ product: PRODUCT, seats: 2, auto_assign: true, starts_at: '2020-01-01T00:00:00Z', ends_at: new Date(Date.now() + YEAR_MS).toISOString() }, { org: W })).id;
		});

		test('step 8.1: members who join take the free seats (source auto, assigned_by null, emailed), then wait in the order they joined', async () => {
			const others = {
				manual: (await pool({ product: 'Not auto', seats: 5 }, { org: W })).id,
				expired: (await pool({ product: 'Auto expired', seats: 5, auto_assign: true, starts_at: '2020-01-01T00:00:00Z', ends_at: '2021-01-01T00:00:00Z' }, { org: W })).id,
				device: (await pool({ product: 'Auto kiosk', seats: 5, unit: 'device', auto_assign: true }, { org: W })).id,
			};
			const cp = await pool({ product: 'Auto cancelled', seats: 5, auto_assign: true }, { org: W });
			assert.equal((await patch(cp.id, { state: 'cancelled' }, { org: W })).status, 200);
			others.cancelled = cp.id;
			const t0 = Date.now();
			const all = await joinInOrder(W, 10, 'wait');
			h = all.slice(0, 2);
			w = all.slice(2);
			await expectPool(Q, { org: W, holders: h.map((m) => m.id), waiting: w.map((m) => m.id) });
			const seats = await holders(Q, '', { org: W });
			for (const s of seats) {
				assert.equal(s.source, 'auto', JSON.stringify(s));
				assert.equal(s.assigned_by, null, JSON.stringify(s));
				assert.ok(Date.parse(s.assigned_at) >= t0 - 1000, s.assigned_at);
			}
			for (const m of h) {
				const mail = await mailFor(m, GOT(PRODUCT));
				assert.match(mail.text, /Auto Pro/);
				assert.equal(queued(m, GOT(PRODUCT)), 1, 'one mail per seat given');
			}
			for (const m of w) assert.equal(queued(m, GOT(PRODUCT)), 0, `${m.email} waits and got no seat mail`);
			// the list: every field, oldest first
			const list = await waitingList(Q, '', { org: W });
			for (const [i, e] of list.entries()) {
				assert.deepEqual(Object.keys(e).sort(), ['device', 'device_id', 'email', 'first_name', 'holder_id', 'joined_at', 'last_name', 'user_id']);
				assert.equal(e.device, null);
				assert.equal(e.holder_id, w[i].id);
				assert.equal(e.user_id, w[i].id);
				assert.equal(e.email, w[i].email);
				assert.equal(e.first_name, 'W');
				assert.equal(e.last_name, `wait${i + 2}`);
				assert.equal(e.device_id, null);
				if (i) assert.ok(Date.parse(e.joined_at) > Date.parse(list[i - 1].joined_at), 'joined_at grows along the list');
			}
			assert.ok(Date.parse(list[0].joined_at) >= Math.max(...seats.map((s) => Date.parse(s.assigned_at))), 'the waiting joined after the seats were given');
			// the audit log: a seat.assigned (source auto, not from the list) per seat, a seat.waiting per waiting member
			const assigned = await auditOf('seat.assigned', Q, W);
			assert.deepEqual(assigned.map((e) => e.target_id).sort(), h.map((m) => m.id).sort());
			for (const e of assigned) {
				assert.equal(e.details.source, 'auto');
				assert.notEqual(e.details.from_waiting_list, true);
				assert.equal(e.target_type, 'user');
			}
			const waited = await auditOf('seat.waiting', Q, W);
			assert.deepEqual(waited.map((e) => e.target_id).sort(), w.map((m) => m.id).sort());
			// a pool without auto_assign, an expired one, a cancelled one and a per-device one neither give nor make anyone wait
			for (const [what, lic] of Object.entries(others)) {
				const p = await getPool(lic, { org: W });
				assert.equal(p.used, 0, `${what}: used`);
				assert.equal(p.waiting, 0, `${what}: waiting`);
				assert.deepEqual(await waitingIds(lic, { org: W }), [], `${what}: nobody waits`);
			}
		});

		test('step 8.2: DELETE a seat → 204, and the seat goes at once to who waited longest (emailed; seat.assigned from_waiting_list)', async () => {
			const r = await unassign(Q, h[0].id, { org: W });
			assert.equal(r.status, 204, r.text);
			await expectPool(Q, { org: W, holders: [h[1].id, w[0].id], waiting: w.slice(1).map((m) => m.id) });
			const s = (await holders(Q, '', { org: W })).find((x) => x.holder_id === w[0].id);
			assert.equal(s.source, 'auto');
			assert.equal(s.assigned_by, null);
			await mailFor(w[0], GOT(PRODUCT));
			await mailFor(h[0], LOST(PRODUCT));
			assert.equal(queued(w[1], GOT(PRODUCT)), 0, 'the next one still waits');
			const served = (await auditOf('seat.assigned', Q, W)).filter((e) => e.target_id === w[0].id);
			assert.equal(served.length, 1);
			assert.equal(served[0].details.source, 'auto');
			assert.equal(served[0].details.from_waiting_list, true);
		});

		test('step 8.3: a bulk removal of two seats serves the next two, in order', async () => {
			const r = await bulk(Q, [h[1].id, w[0].id], { org: W });
			assert.equal(r.status, 200, r.text);
			assert.equal(r.json.removed, 2);
			await expectPool(Q, { org: W, holders: [w[1].id, w[2].id], waiting: w.slice(3).map((m) => m.id) });
			for (const m of [w[1], w[2]]) await mailFor(m, GOT(PRODUCT));
			const served = (await auditOf('seat.assigned', Q, W)).filter((e) => e.details.from_waiting_list === true);
			assert.deepEqual(served.map((e) => e.target_id).sort(), [w[0].id, w[1].id, w[2].id].sort());
		});

		test('step 8.4: a holder removed from the organization frees the seat for the next; one who waits and is removed leaves the list', async () => {
			let r = await c.req('DELETE', `/api/v1/orgs/${W}/members/${w[4].id}`, { token: op });
			assert.equal(r.status, 204, r.text);
			await expectPool(Q, { org: W, holders: [w[1].id, w[2].id], waiting: [w[3], w[5], w[6], w[7]].map((m) => m.id) });
			r = await c.req('DELETE', `/api/v1/orgs/${W}/members/${w[1].id}`, { token: op });
			assert.equal(r.status, 204, r.text);
			await expectPool(Q, { org: W, holders: [w[2].id, w[3].id], waiting: [w[5], w[6], w[7]].map((m) => m.id) });
			await mailFor(w[3], GOT(PRODUCT));
			assert.equal(queued(w[4], GOT(PRODUCT)), 0, 'the removed member was not served');
		});

		test('step 8.5: PATCH more seats serves as many as there are new seats, in the same request (the answer shows it)', async () => {
			const r = await patch(Q, { seats: 4 }, { org: W });
			assert.equal(r.status, 200, r.text);
			assert.equal(r.json.used, 4);
			assert.equal(r.json.free, 0);
			assert.equal(r.json.waiting, 1);
			assert.deepEqual(r.json.taken_back, []);
			await expectPool(Q, { org: W, holders: [w[2], w[3], w[5], w[6]].map((m) => m.id), waiting: [w[7].id] });
			for (const m of [w[5], w[6]]) await mailFor(m, GOT(PRODUCT));
			const served = (await auditOf('seat.assigned', Q, W)).filter((e) => [w[5].id, w[6].id].includes(e.target_id));
			assert.equal(served.length, 2);
			for (const e of served) assert.equal(e.details.from_waiting_list, true);
		});

		test('step 8.6: an expired pool serves nobody (a seat freed stays free) and makes nobody wait; renewed, it serves at once', async () => {
			let r = await patch(Q, { ends_at: '2021-01-01T00:00:00Z' }, { org: W });
			assert.equal(r.status, 200, r.text);
			assert.equal(r.json.state, 'expired');
			assert.equal((await unassign(Q, w[2].id, { org: W })).status, 204);
			const late = await member(W, 'member', { password: true, tag: 'late', first_name: 'W', last_name: 'late' });
			// (an expired pool is not checked by the free-seat invariant: expectPool's sqlInvariants skips it)
			await expectPool(Q, { org: W, holders: [w[3], w[5], w[6]].map((m) => m.id), waiting: [w[7].id] });
			assert.equal(queued(w[7], GOT(PRODUCT)), 0);
			r = await patch(Q, { ends_at: new Date(Date.now() + YEAR_MS).toISOString() }, { org: W });
			assert.equal(r.status, 200, r.text);
			assert.equal(r.json.state, 'active');
			assert.equal(r.json.used, 4, 'the renewal served the one waiting');
			assert.equal(r.json.waiting, 0);
			await expectPool(Q, { org: W, holders: [w[3], w[5], w[6], w[7]].map((m) => m.id), waiting: [] });
			await mailFor(w[7], GOT(PRODUCT));
			assert.equal(queued(late, GOT(PRODUCT)), 0, 'who joined while it was expired does not wait and is not served');
			const served = (await auditOf('seat.assigned', Q, W)).filter((e) => e.target_id === w[7].id);
			assert.equal(served.length, 1);
			assert.equal(served[0].details.from_waiting_list, true);
		});

		let x; // those who wait from 9.7 on
		test('step 8.7: a cancelled pool serves nobody and makes nobody wait; active again, it serves who waited longest', async () => {
			x = await joinInOrder(W, 2, 'cx');
			await expectPool(Q, { org: W, holders: [w[3], w[5], w[6], w[7]].map((m) => m.id), waiting: x.map((m) => m.id) });
			assert.equal((await patch(Q, { state: 'cancelled' }, { org: W })).status, 200);
			assert.equal((await unassign(Q, w[3].id, { org: W })).status, 204);
			const late = await member(W, 'member', { password: true, tag: 'late-c' });
			await expectPool(Q, { org: W, holders: [w[5], w[6], w[7]].map((m) => m.id), waiting: x.map((m) => m.id) });
			const r = await patch(Q, { state: 'active' }, { org: W });
			assert.equal(r.status, 200, r.text);
			assert.equal(r.json.used, 4);
			assert.equal(r.json.waiting, 1);
			await expectPool(Q, { org: W, holders: [w[5], w[6], w[7], x[0]].map((m) => m.id), waiting: [x[1].id] });
			await mailFor(x[0], GOT(PRODUCT));
			assert.equal(queued(x[1], GOT(PRODUCT)), 0);
			assert.equal(queued(late, GOT(PRODUCT)), 0);
			assert.ok(!(await waitingIds(Q, { org: W })).includes(late.id));
		});

		test('step 8.8: auto_assign off: nobody new waits, nobody is served (more seats or a seat freed), the list stays; on again, it serves', async () => {
			let r = await patch(Q, { auto_assign: false }, { org: W });
			assert.equal(r.status, 200, r.text);
			const y = await member(W, 'member', { password: true, tag: 'off' });
			assert.equal((await unassign(Q, w[5].id, { org: W })).status, 204);
			r = await patch(Q, { seats: 5 }, { org: W });
			assert.equal(r.status, 200, r.text);
			assert.equal(r.json.used, 3);
			assert.equal(r.json.free, 2);
			assert.equal(r.json.waiting, 1);
			const p = await getPool(Q, { org: W });
			assert.deepEqual(await holderIds(Q, { org: W }), [w[6], w[7], x[0]].map((m) => m.id).sort());
			assert.deepEqual(await waitingIds(Q, { org: W }), [x[1].id], 'the list stays');
			assert.equal(p.waiting, 1);
			assert.equal(queued(x[1], GOT(PRODUCT)), 0);
			assert.equal(queued(y, GOT(PRODUCT)), 0);
			// on again: the free seats go to who waits (and only to them: y joined while it was off)
			r = await patch(Q, { auto_assign: true }, { org: W });
			assert.equal(r.status, 200, r.text);
			await expectPool(Q, { org: W, holders: [w[6], w[7], x[0], x[1]].map((m) => m.id), waiting: [] });
			assert.equal(queued(y, GOT(PRODUCT)), 0);
			await mailFor(x[1], GOT(PRODUCT));
		});

		test('step 8.9: DELETE from the waiting list → 204, then 404; who was taken off is not served later (seat.waiting_left)', async () => {
			const z = await joinInOrder(W, 3, 'del'); // 4 of 5 seats held: z0 takes the last, z1 and z2 wait
			await expectPool(Q, { org: W, holders: [w[6], w[7], x[0], x[1], z[0]].map((m) => m.id), waiting: [z[1].id, z[2].id] });
			const r = await unwait(Q, z[1].id, { org: W });
			assert.equal(r.status, 204, r.text);
			assert.equal(r.text, '');
			assertError(await unwait(Q, z[1].id, { org: W }), 404, 'not_found');
			assertError(await unwait(Q, z[0].id, { org: W }), 404, 'not_found'); // a holder, not waiting
			assertError(await unwait(Q, 'usr_doesnotexist00000000000000', { org: W }), 404, 'not_found');
			assertError(await unwait('lic_doesnotexist0000000000000', z[2].id, { org: W }), 404, 'not_found');
			await expectPool(Q, { org: W, holders: [w[6], w[7], x[0], x[1], z[0]].map((m) => m.id), waiting: [z[2].id] });
			const left = await auditOf('seat.waiting_left', Q, W);
			assert.deepEqual(left.map((e) => [e.target_type, e.target_id, e.actor_id]), [['user', z[1].id, opId]]);
			// a seat freed goes to z2, never to z1
			assert.equal((await unassign(Q, w[6].id, { org: W })).status, 204);
			await expectPool(Q, { org: W, holders: [w[7], x[0], x[1], z[0], z[2]].map((m) => m.id), waiting: [] });
			assert.equal(queued(z[1], GOT(PRODUCT)), 0);
			await mailFor(z[2], GOT(PRODUCT));
		});

		test('step 8.10: a seat given by hand takes the member off the waiting list', async () => {
			const v = await joinInOrder(W, 2, 'hand'); // the pool is full: both wait
			assert.deepEqual(await waitingIds(Q, { org: W }), v.map((m) => m.id));
			assert.equal((await getPool(Q, { org: W })).free, 0);
			assert.equal((await patch(Q, { auto_assign: false, seats: 6 }, { org: W })).status, 200);
			const r = await assign(Q, v[1].id, { org: W });
			assert.equal(r.status, 201, r.text);
			assert.equal(r.json.waiting, 1);
			assert.deepEqual(await waitingIds(Q, { org: W }), [v[0].id], 'v1 holds a seat and waits no more');
			assert.equal((await holders(Q, '', { org: W })).find((s) => s.holder_id === v[1].id).source, 'manual');
			assert.equal((await patch(Q, { auto_assign: true }, { org: W })).status, 200);
			sqlInvariants(Q);
			// the next seat freed goes to v0
			assert.equal((await unassign(Q, w[7].id, { org: W })).status, 204);
			assert.ok((await holderIds(Q, { org: W })).includes(v[0].id));
			assert.deepEqual(await waitingIds(Q, { org: W }), []);
			sqlInvariants(Q);
		});
	});

	describe('9. the waiting list: moves, reductions, pages, access', () => {
		test('step 9.1: a seat moved to someone who waits takes them off the list, and the next seat freed goes to the next one', async () => {
			const V = await freshOrg('Movers');
			const lic = (await pool({ product: 'Auto move', seats: 2, auto_assign: true }, { org: V })).id;
			const [h1, h2, a, b] = await joinInOrder(V, 4, 'mv');
			assert.deepEqual(await waitingIds(lic, { org: V }), [a.id, b.id]);
			// Left on the list, a would be the first served when h2's seat frees: the removal then fails
			// (409 already_assigned) and h2 keeps the seat. The finally takes a off by hand, so that the steps after this one run.
			try {
				const r = await move(lic, h1.id, a.id, { org: V });
				assert.equal(r.status, 200, r.text);
				assert.deepEqual(await holderIds(lic, { org: V }), [h2.id, a.id].sort());
				assert.deepEqual(await waitingIds(lic, { org: V }), [b.id], 'a holds a seat now and waits no more');
				assert.equal(r.json.waiting, 1);
				sqlInvariants(lic);
			} finally {
				// whatever the move did, the next seat freed goes to b
				const off = await unwait(lic, a.id, { org: V });
				assert.ok([204, 404].includes(off.status), off.text);
				const r = await unassign(lic, h2.id, { org: V });
				assert.equal(r.status, 204, r.text);
				await expectPool(lic, { org: V, holders: [a.id, b.id], waiting: [] });
			}
		});

		describe('reduce newest_first', () => {
			let R;
			let V;
			let m; // m[0..4] hold seats, given in this order; m[5] waits
			const PRODUCT = 'Auto reduce';
			before(async () => {
				V = await freshOrg('Reducers');
				R = (await pool({ product: PRODUCT, seats: 5, auto_assign: true }, { org: V })).id;
				m = await joinInOrder(V, 6, 'red');
			});

			test('step 9.2: lowering below use without reduce → 409 seats_in_use; reduce with another value → 422 (field reduce); nothing changes', async () => {
				const before = await getPool(R, { org: V });
				assert.equal(before.used, 5);
				assert.equal(before.waiting, 1);
				assertError(await patch(R, { seats: 3 }, { org: V }), 409, 'seats_in_use', 'seats');
				for (const bad of ['oldest_first', 'newest', '', 'NEWEST_FIRST']) assertError(await patch(R, { seats: 3, reduce: bad }, { org: V }), 422, 'invalid', 'reduce');
				assertError(await patch(R, { seats: 3, reduce: 1 }, { org: V }), 400, 'wrong_type', 'reduce');
				assertError(await patch(R, { seats: 3, reduce: null }, { org: V }), 400, 'wrong_type', 'reduce');
				assert.deepEqual(await getPool(R, { org: V }), before, 'unchanged');
				await expectPool(R, { org: V, holders: m.slice(0, 5).map((x) => x.id), waiting: [m[5].id] });
				assert.equal(sql(`SELECT COUNT(*) FROM outbox WHERE subject = '${LOST(PRODUCT)}'`)[0][0], '0', 'nobody was told anything');
				assert.equal((await audit('seat.removed', V)).length, 0);
			});

			test('step 9.3: reduce newest_first → the newest holders lose their seat (taken_back, newest first), are emailed, and wait after the others, older first', async () => {
				const seatsBefore = await holders(R, '', { org: V });
				const r = await patch(R, { seats: 3, reduce: 'newest_first' }, { org: V });
				assert.equal(r.status, 200, r.text);
				assert.equal(r.json.seats, 3);
				assert.equal(r.json.used, 3);
				assert.equal(r.json.free, 0);
				assert.equal(r.json.waiting, 3);
				assert.deepEqual(
					r.json.taken_back.map((s) => s.holder_id),
					[m[4].id, m[3].id],
					'the two newest holders, newest first',
				);
				for (const s of r.json.taken_back) assert.deepEqual(s, seatsBefore.find((x) => x.holder_id === s.holder_id), 'each as the seat it was');
				await expectPool(R, { org: V, holders: m.slice(0, 3).map((x) => x.id), waiting: [m[5].id, m[3].id, m[4].id] });
				for (const x of [m[3], m[4]]) {
					await mailFor(x, LOST(PRODUCT));
					assert.equal(queued(x, LOST(PRODUCT)), 1);
				}
				for (const x of m.slice(0, 3)) assert.equal(queued(x, LOST(PRODUCT)), 0, 'the older holders keep theirs');
				const removed = await auditOf('seat.removed', R, V);
				assert.deepEqual(removed.map((e) => e.target_id).sort(), [m[3].id, m[4].id].sort());
				for (const e of removed) assert.equal(e.details.reduced, true);
				const upd = (await audit('license.updated', V)).filter((e) => e.target_id === R);
				assert.equal(upd.length, 1);
				assert.equal(upd[0].details.seats, 3);
			});

			test('step 9.4: reduce when not lowering below use → taken_back []; more seats with reduce serve the list in order', async () => {
				let r = await patch(R, { seats: 3, reduce: 'newest_first' }, { org: V });
				assert.equal(r.status, 200, r.text);
				assert.deepEqual(r.json.taken_back, []);
				assert.equal(r.json.used, 3);
				r = await patch(R, { seats: 5, reduce: 'newest_first' }, { org: V });
				assert.equal(r.status, 200, r.text);
				assert.deepEqual(r.json.taken_back, []);
				assert.equal(r.json.used, 5);
				await expectPool(R, { org: V, holders: [m[0], m[1], m[2], m[5], m[3]].map((x) => x.id), waiting: [m[4].id] });
				await mailFor(m[5], GOT(PRODUCT));
			});
		});

		describe('the list: pages, sort and search', () => {
			let V;
			let lic;
			const people = [
				['Alice', 'Archer'],
				['Bob', 'Baker'],
				['Carla', 'Moss'],
				['Dan', 'Mossman'],
				['Eve', 'Stone'],
			];
			const who = {};
			const order = [];
			before(async () => {
				V = await freshOrg('Queue');
				lic = (await pool({ product: 'Auto none', seats: 0, auto_assign: true }, { org: V })).id;
				for (const [first, last] of people) {
					const x = await member(V, 'member', { password: true, tag: `q-${first.toLowerCase()}`, first_name: first, last_name: last });
					who[first] = x;
					order.push(x.id);
					await pause(3);
				}
			});
			const page = async (query) => {
				const res = await c.get(`${WL(lic, V)}${query}`, { token: op });
				assert.equal(res.status, 200, `${query}: ${res.text}`);
				return res.json;
			};

			test('step 9.5: oldest first by default, sort=-joined_at for the newest first; pages of 2, 2, 1 following the cursor', async () => {
				assert.deepEqual((await page('')).items.map((e) => e.holder_id), order);
				assert.deepEqual((await page('?sort=joined_at')).items.map((e) => e.holder_id), order);
				assert.deepEqual((await page('?sort=-joined_at')).items.map((e) => e.holder_id), [...order].reverse());
				for (const sort of ['', '&sort=-joined_at']) {
					const seen = [];
					const sizes = [];
					let cursor = null;
					for (let i = 0; i < 10; i++) {
						const p = await page(`?limit=2${sort}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
						sizes.push(p.items.length);
						seen.push(...p.items.map((e) => e.holder_id));
						cursor = p.next_cursor;
						if (!cursor) break;
					}
					assert.deepEqual(sizes, [2, 2, 1], `page sizes${sort}`);
					assert.deepEqual(seen, sort ? [...order].reverse() : order, `the full order${sort}`);
				}
				assert.equal((await page('?limit=5')).next_cursor, null);
			});

			test('step 9.6: q matches a prefix of the email, the last name or "first last"; bad queries → 400 / 422', async () => {
				const ids = async (q) => (await page(`?q=${encodeURIComponent(q)}`)).items.map((e) => e.holder_id);
				assert.deepEqual(await ids('moss'), [who.Carla.id, who.Dan.id], 'last name prefix, oldest first');
				assert.deepEqual(await ids('MOSSM'), [who.Dan.id]);
				assert.deepEqual(await ids('dan m'), [who.Dan.id]);
				assert.deepEqual(await ids('ali'), [who.Alice.id]);
				assert.deepEqual(await ids(who.Bob.email.slice(0, 10)), [who.Bob.id], 'email prefix');
				assert.deepEqual(await ids('zzz'), []);
				const p1 = await page('?q=moss&limit=1');
				assert.deepEqual(p1.items.map((e) => e.holder_id), [who.Carla.id]);
				const p2 = await page(`?q=moss&limit=1&cursor=${encodeURIComponent(p1.next_cursor)}`);
				assert.deepEqual(p2.items.map((e) => e.holder_id), [who.Dan.id]);
				assert.equal(p2.next_cursor, null);
				const base = WL(lic, V);
				assertError(await c.get(`${base}?limit=0`, { token: op }), 400, 'bad_request', 'limit');
				assertError(await c.get(`${base}?sort=assigned_at`, { token: op }), 400, 'bad_request', 'sort');
				assertError(await c.get(`${base}?cursor=not-a-cursor`, { token: op }), 400, 'invalid_cursor', 'cursor');
				assertError(await c.get(`${base}?q=${'q'.repeat(201)}`, { token: op }), 422, 'too_long', 'q');
			});
		});

		test("step 9.7: licenses:read to list (403 without), licenses:assign to take off (403 for the reader); another organization's pool → 404 on both routes", async () => {
			const lic = (await pool({ product: 'Auto guarded', seats: 0, auto_assign: true })).id;
			const waiter = await member(A, 'member', { password: true, tag: 'guarded' });
			assert.equal((await patch(lic, { auto_assign: false })).status, 200); // the later steps' members of A do not wait
			assert.deepEqual(await waitingIds(lic), [waiter.id]);
			assertError(await c.get(WL(lic), { token: t.plain }), 403, 'forbidden');
			assertError(await c.get(WL(lic)), 401, 'unauthenticated');
			const ok = await c.get(WL(lic), { token: t.reader });
			assert.equal(ok.status, 200, ok.text);
			assert.deepEqual(ok.json.items.map((e) => e.holder_id), [waiter.id]);
			assertError(await unwait(lic, waiter.id, { token: t.reader }), 403, 'forbidden');
			assertError(await unwait(lic, waiter.id, { token: t.plain }), 403, 'forbidden');
			assertError(await unwait(lic, waiter.id, { token: t.admB }), 404, 'not_found');
			assert.deepEqual(await waitingIds(lic), [waiter.id], 'still waiting');
			// another organization's pool, and someone waiting in it
			const pb = (await pool({ product: 'Auto theirs', seats: 0, auto_assign: true }, { org: B })).id;
			const theirs = await member(B, 'member', { password: true, tag: 'theirs' });
			assert.equal((await patch(pb, { auto_assign: false }, { org: B })).status, 200);
			assertError(await c.get(WL(pb, A), { token: op }), 404, 'not_found');
			assertError(await c.get(WL(pb, A), { token: t.admA }), 404, 'not_found');
			assertError(await unwait(pb, theirs.id, { org: A }), 404, 'not_found');
			assertError(await unwait(pb, theirs.id, { org: A, token: t.admA }), 404, 'not_found');
			assertError(await c.get(WL(lic, B), { token: t.admB }), 404, 'not_found');
			assert.deepEqual(await waitingIds(pb, { org: B }), [theirs.id], 'their list is untouched');
			// an administrator of the organization holds licenses:assign
			const r = await unwait(lic, waiter.id, { token: t.admA });
			assert.equal(r.status, 204, r.text);
			assert.deepEqual(await waitingIds(lic), []);
			const left = await auditOf('seat.waiting_left', lic);
			assert.equal(left.length, 1);
			assert.equal(left[0].actor_id, id.admA);
		});
	});

	describe('10. many members at once on a pool that assigns automatically', () => {
		let V;
		let lic;
		let crowd;
		before(async () => {
			V = await freshOrg('Crowd');
			lic = (await pool({ product: 'Auto crowd', seats: 5, auto_assign: true }, { org: V })).id;
		});

		// The pool read from its tables: used = its seats rows, within the seats; nobody both holds and waits;
		// a free seat never sits beside someone waiting.
		function tables() {
			const [[seats, used]] = sql(`SELECT seats, used FROM license_pools WHERE id = '${lic}'`).map((r) => r.map(Number));
			const rows = sql(`SELECT holder_id FROM seats WHERE pool_id = '${lic}'`).map((r) => r[0]);
			const waits = sql(`SELECT holder_id, joined_at FROM seat_waiting WHERE pool_id = '${lic}' ORDER BY joined_at, holder_id`);
			assert.equal(used, rows.length, 'used = the seats rows');
			assert.ok(used <= seats, `used ${used} <= seats ${seats}`);
			if (used < seats) assert.deepEqual(waits, [], 'a free seat while someone waits');
			assert.equal(new Set(rows).size, rows.length);
			assert.equal(new Set(waits.map((r) => r[0])).size, waits.length, 'nobody waits twice');
			for (const [hid] of waits) assert.ok(!rows.includes(hid), `${hid} holds and waits`);
			sqlInvariants(lic);
			return { seats, used, rows, waits: waits.map((r) => r[0]) };
		}

		test('step 10.1: 40 members created at once: exactly 5 hold seats, 35 wait, nobody twice, the list ordered by joined_at', async () => {
			crowd = await Promise.all(Array.from({ length: 40 }, (_, i) => member(V, 'member', { password: true, tag: `ac${i}`, first_name: 'C', last_name: `ac${i}` })));
			const ids = new Set(crowd.map((x) => x.id));
			const t = tables();
			assert.equal(t.used, 5);
			assert.equal(t.rows.length, 5);
			assert.equal(t.waits.length, 35);
			assert.deepEqual([...t.rows, ...t.waits].sort(), [...ids].sort(), 'every member holds or waits, once');
			const list = await waitingList(lic, '', { org: V, limit: 7 });
			assert.deepEqual(list.map((e) => e.holder_id), t.waits, 'the API list is the table in order');
			for (let i = 1; i < list.length; i++) assert.ok(Date.parse(list[i].joined_at) >= Date.parse(list[i - 1].joined_at), 'ordered by joined_at');
			const p = await getPool(lic, { org: V });
			assert.equal(p.used, 5);
			assert.equal(p.waiting, 35);
			const seats = await holders(lic, '', { org: V });
			assert.ok(Math.max(...seats.map((s) => Date.parse(s.assigned_at))) <= Date.parse(list[0].joined_at), 'the seats went to those who came first');
			assert.equal((await auditOf('seat.waiting', lic, V)).length, 35);
			assert.equal((await auditOf('seat.assigned', lic, V)).length, 5);
		});

		test('step 10.2: 20 removals at once (seats, members, places on the list) → the freed seats go to who waits; used = min(seats, people left)', async () => {
			const t0 = tables();
			const held = t0.rows;
			const waits = t0.waits;
			const ops = [];
			for (const hid of held.slice(0, 4)) ops.push(['seat', unassign(lic, hid, { org: V })]);
			ops.push(['member', c.req('DELETE', `/api/v1/orgs/${V}/members/${held[4]}`, { token: op })]);
			// the waiting picked from the whole list, the first ones too (those about to be served)
			const picked = [0, 1, 2, 5, 8, 11, 14, 17, 20, 23, 26, 29, 32, 34, 33].map((i) => waits[i]);
			for (const [i, hid] of picked.entries()) {
				if (i % 2) ops.push(['unwait', unwait(lic, hid, { org: V })]);
				else ops.push(['member', c.req('DELETE', `/api/v1/orgs/${V}/members/${hid}`, { token: op })]);
			}
			assert.equal(ops.length, 20);
			const done = await Promise.all(ops.map(([, p]) => p));
			const tally = {};
			for (const [i, r] of done.entries()) {
				const key = `${ops[i][0]} ${r.status}${r.json?.error ? ` ${r.json.error.code}` : ''}`;
				tally[key] = (tally[key] || 0) + 1;
			}
			const gone = new Set([...held, ...picked]);
			const left = [...held, ...waits].filter((x) => !gone.has(x));
			const t = tables();
			// a place on the list taken off by DELETE may have become a seat first (it was served): then the DELETE is 404
			const served404 = done.filter((r, i) => ops[i][0] === 'unwait' && r.status === 404).length;
			assert.deepEqual(
				done.map((r, i) => [ops[i][0], r.status]).filter(([k, s]) => !(s === 204 || (k === 'unwait' && s === 404))),
				[],
				JSON.stringify(tally),
			);
			const people = left.length + served404;
			assert.equal(t.used, Math.min(t.seats, people), `used = min(seats, people left) (${JSON.stringify(tally)})`);
			assert.equal(t.rows.length + t.waits.length, people, 'everyone left holds or waits');
			for (const x of t.waits) assert.ok(!gone.has(x), `${x} was taken off or removed and still waits`);
			const p = await getPool(lic, { org: V });
			assert.equal(p.used, t.used);
			assert.equal(p.waiting, t.waits.length);
			for (const s of await holders(lic, '', { org: V })) assert.equal(s.source, 'auto');
		});
	});

	describe('11. many clients at once on one pool', () => {
		let C;
		let crowd;
		let byId;
		const seed = Number(process.env.LICENSES_SEED || Date.now() % 1000000);

		before(async () => {
			C = (await pool({ product: 'Contended', seats: 10 })).id;
			crowd = await members(A, 64, 'crowd');
			byId = new Set(crowd.map((m) => m.id));
		});

		// used = the holders listed = the seats rows, within the seats; nobody twice; only members.
		async function invariant(expectUsed, lic = C) {
			const p = await getPool(lic);
			const h = await holders(lic, '', { limit: 3 });
			const ids = h.map((s) => s.holder_id);
			assert.equal(new Set(ids).size, ids.length, `nobody twice: ${ids}`);
			assert.equal(p.used, ids.length, 'used = the holders listed');
			assert.ok(p.used <= p.seats, `used ${p.used} <= seats ${p.seats}`);
			assert.equal(p.free, p.seats - p.used - p.reserved);
			const rows = sql(`SELECT holder_id FROM seats WHERE pool_id = '${lic}'`).map((r) => r[0]);
			assert.deepEqual(rows.sort(), [...ids].sort(), 'the seats rows are the holders listed');
			for (const x of ids) assert.ok(byId.has(x), `${x} is one of the crowd`);
			if (expectUsed !== undefined) assert.equal(p.used, expectUsed, 'used = before + seats given - seats taken back');
			sqlInvariants(lic);
			return ids;
		}

		test('step 11.1: 64 members ask at once for a pool of 10: exactly 10 get one (201), 54 get 409 seat_limit_reached', async () => {
			const answers = await Promise.all(crowd.map((m) => assign(C, m.id)));
			const won = [];
			let full = 0;
			for (const [i, r] of answers.entries()) {
				if (r.status === 201) won.push(crowd[i].id);
				else {
					assertError(r, 409, 'seat_limit_reached');
					full++;
				}
			}
			assert.equal(won.length, 10, `201s: ${won.length}`);
			assert.equal(full, 54);
			const ids = await invariant(10);
			assert.deepEqual(ids.sort(), won.sort(), 'the holders are exactly those answered 201');
			const assigned = (await audit('seat.assigned')).filter((e) => e.details.license_id === C);
			assert.equal(assigned.length, 10, 'one seat.assigned per seat given, none for the refused');
		});

		test(`step 11.2: rounds of 64 mixed assigns, moves and removals at once keep the pool true (seed ${seed})`, async (tc) => {
			const rnd = prng(seed);
			const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
			let current = await invariant();
			for (let round = 0; round < 5; round++) {
				const held = [...current];
				const ops = [];
				for (let i = 0; i < 64; i++) {
					const x = rnd();
					const someone = pick(crowd).id;
					const holder = held.length && rnd() < 0.7 ? pick(held) : someone;
					if (x < 0.4) ops.push({ kind: 'assign', p: assign(C, someone) });
					else if (x < 0.7) ops.push({ kind: 'move', p: move(C, holder, pick(crowd).id) });
					else if (x < 0.93) ops.push({ kind: 'remove', p: unassign(C, holder) });
					else ops.push({ kind: 'bulk', p: bulk(C, [holder, pick(crowd).id]) });
				}
				const done = await Promise.all(ops.map((o) => o.p));
				let given = 0;
				let taken = 0;
				const tally = {};
				for (const [i, r] of done.entries()) {
					const kind = ops[i].kind;
					const key = `${kind} ${r.status}${r.json?.error ? ` ${r.json.error.code}` : ''}`;
					tally[key] = (tally[key] || 0) + 1;
					if (kind === 'assign') {
						if (r.status === 201) given++;
						else if (r.json?.error?.code === 'already_assigned') assertError(r, 409, 'already_assigned', 'user_id');
						else assertError(r, 409, 'seat_limit_reached');
					} else if (kind === 'remove') {
						if (r.status === 204) taken++;
						else assertError(r, 404, 'not_found');
					} else if (kind === 'bulk') {
						assert.equal(r.status, 200, r.text);
						for (const it of r.json.items) assert.ok(['removed', 'not_found'].includes(it.result), JSON.stringify(it));
						taken += r.json.removed;
					} else if (r.status === 404) {
						// from holds no seat (any more), or to is no member: never the case here, all are members
						assertError(r, 404, 'not_found', 'from');
					} else if (r.status === 409) {
						assertError(r, 409, 'already_assigned', 'to');
					} else if (r.status !== 200) {
						assertError(r, 422, 'invalid', 'to'); // from = to
					}
				}
				tc.diagnostic(`round ${round}: ${held.length} held before, ${JSON.stringify(tally)}`);
				try {
					current = await invariant(held.length + given - taken);
				} catch (err) {
					err.message = `round ${round} (seed ${seed}, ${JSON.stringify(tally)}): ${err.message}`;
					throw err;
				}
			}
		});

		test('step 11.3: members removed while seats are given, moved and taken back: the seats go with them, the pool stays true', async () => {
			const rnd = prng(seed + 1);
			const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
			const held = await invariant();
			const leaving = new Set([...held.slice(0, 3), ...crowd.filter((m) => !held.includes(m.id)).slice(0, 3).map((m) => m.id)]);
			const staying = crowd.filter((m) => !leaving.has(m.id));
			const ops = [];
			for (const u of leaving) ops.push(c.req('DELETE', `/api/v1/orgs/${A}/members/${u}`, { token: op }).then((r) => ({ kind: 'leave', r })));
			for (let i = 0; i < 48; i++) {
				const x = rnd();
				const someone = pick(crowd).id;
				if (x < 0.45) ops.push(assign(C, someone).then((r) => ({ kind: 'assign', r })));
				else if (x < 0.75) ops.push(move(C, pick(held), pick(crowd).id).then((r) => ({ kind: 'move', r })));
				else ops.push(unassign(C, pick(held)).then((r) => ({ kind: 'remove', r })));
			}
			const done = await Promise.all(ops);
			for (const { kind, r } of done) {
				if (kind === 'leave') assert.equal(r.status, 204, r.text);
				else assert.ok([200, 201, 204, 404, 409, 422].includes(r.status), `${kind}: ${r.status} ${r.text}`);
			}
			byId = new Set(staying.map((m) => m.id));
			const ids = await invariant();
			for (const u of leaving) assert.ok(!ids.includes(u), `${u} left and holds no seat`);
		});
		test('step 11.4: the operator lowers and raises the seats while seats are given and taken back: never more used than seats', async (tc) => {
			const rnd = prng(seed + 2);
			const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
			const people = [...byId];
			const D = (await pool({ product: 'Resized', seats: 10 })).id;
			for (const u of people.slice(0, 5)) assert.equal((await assign(D, u)).status, 201);
			const ops = [];
			for (let i = 0; i < 64; i++) {
				const x = rnd();
				if (x < 0.15) ops.push(patch(D, { seats: 2 + Math.floor(rnd() * 12) }).then((r) => ({ kind: 'patch', r })));
				else if (x < 0.7) ops.push(assign(D, pick(people)).then((r) => ({ kind: 'assign', r })));
				else ops.push(unassign(D, pick(people)).then((r) => ({ kind: 'remove', r })));
			}
			const tally = {};
			for (const { kind, r } of await Promise.all(ops)) {
				const key = `${kind} ${r.status}${r.json?.error ? ` ${r.json.error.code}` : ''}`;
				tally[key] = (tally[key] || 0) + 1;
				if (kind === 'patch') {
					if (r.status !== 200) assertError(r, 409, 'seats_in_use', 'seats');
					else assert.ok(r.json.used <= r.json.seats, r.text);
				} else if (kind === 'assign') {
					if (r.status !== 201) {
						assert.equal(r.status, 409, r.text);
						assert.ok(['seat_limit_reached', 'already_assigned'].includes(r.json.error.code), r.text);
					}
				} else if (r.status !== 204) assertError(r, 404, 'not_found');
			}
			tc.diagnostic(JSON.stringify(tally));
			await invariant(undefined, D);
		});
	});

	test('12. every pool of the database: used is its number of seats rows, and used + reserved <= seats; nobody waits beside a free seat', () => {
		sqlInvariants();
		const n = Number(sql('SELECT COUNT(*) FROM license_pools')[0][0]);
		assert.ok(n >= 20, `the scenario made pools (${n})`);
	});
});
