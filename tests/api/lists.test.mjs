// Paging on every list: next_cursor is null whenever nothing follows (also
// when a page ends exactly at the last item), and GET /orgs pages, filters
// and sorts a non-operator's own organizations as it does an operator's.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeDb, migrate, createUser, startRosterd, api, assertError, email, rosterctl } from './lib/harness.mjs';

const PW = 'correct horse battery';
const uniq = `${process.pid}${Date.now() % 100000}`;

// Walks a list page by page; returns every item and the page sizes.
async function walk(c, path, token, limit) {
	const items = [];
	const sizes = [];
	let cursor = null;
	for (let i = 0; i < 50; i++) {
		const sep = path.includes('?') ? '&' : '?';
		const res = await c.get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
		assert.equal(res.status, 200, `${path}: ${res.text}`);
		assert.ok(Array.isArray(res.json.items));
		assert.ok(res.json.next_cursor === null || typeof res.json.next_cursor === 'string');
		items.push(...res.json.items);
		sizes.push(res.json.items.length);
		if (res.json.next_cursor === null) return { items, sizes };
		assert.equal(res.json.items.length, limit, 'a page with a cursor is full');
		cursor = res.json.next_cursor;
	}
	throw new Error('no end');
}

describe('lists', { timeout: 120000 }, () => {
	const op = email('operator');
	const person = `lists-person-${uniq}@example.com`;
	let db;
	let srv;
	let c;
	let opToken;
	let personToken;
	const orgs = [];

	before(async () => {
		db = makeDb('lists');
		await migrate(db);
		await createUser(db, op, PW);
		srv = await startRosterd({ db });
		c = api(srv.base);
		opToken = (await c.login(op, PW)).json.token;
		// three organizations the person belongs to, one they do not
		for (const name of ['Bravo', 'Alpha', 'Charlie', 'Delta']) {
			const res = await c.post('/api/v1/orgs', { name: `${name} ${uniq}`, type: 'partner', admin: { email: `lists-${name.toLowerCase()}-${uniq}@example.com` } }, { token: opToken });
			assert.equal(res.status, 201, res.text);
			orgs.push(res.json);
		}
		// the person: a member of Bravo, then (an existing account) an administrator of Alpha; not in Charlie or Delta
		let res = await c.post(`/api/v1/orgs/${orgs[0].id}/members`, { email: person, role: 'member', password: PW }, { token: opToken });
		assert.equal(res.status, 201, res.text);
		const ctl = await rosterctl(['org', 'admin', orgs[1].id, person], { db });
		assert.equal(ctl.code, 0, ctl.stderr);
		for (const i of [1, 2]) {
			res = await c.post(`/api/v1/orgs/${orgs[1].id}/members`, { email: `x-${i}-${uniq}@example.com`, role: 'member' }, { token: opToken });
			assert.equal(res.status, 201, res.text);
		}
		personToken = (await c.login(person, PW)).json.token;
	});

	after(async () => {
		if (srv) await srv.stop();
	});

	test('members: a page that ends at the last member has next_cursor null, at every page size', async () => {
		const org = orgs[1].id; // its first administrator, the person, x-1 and x-2: four members
		const all = await c.get(`/api/v1/orgs/${org}/members?limit=200`, { token: opToken });
		assert.equal(all.json.items.length, 4);
		assert.equal(all.json.next_cursor, null);
		const exact = await c.get(`/api/v1/orgs/${org}/members?limit=4`, { token: opToken });
		assert.equal(exact.json.items.length, 4);
		assert.equal(exact.json.next_cursor, null, 'no cursor to an empty page');
		for (const limit of [1, 2, 3, 4, 5]) {
			const { items, sizes } = await walk(c, `/api/v1/orgs/${org}/members`, opToken, limit);
			assert.deepEqual(items.map((m) => m.id), all.json.items.map((m) => m.id), `limit ${limit}`);
			assert.ok(sizes.every((n) => n > 0), `no empty last page at limit ${limit}: ${sizes}`);
		}
		// searches and other orders too
		for (const q of ['?q=x-', '?sort=-email', '?sort=created_at', '?q=lists&sort=email']) {
			const full = await c.get(`/api/v1/orgs/${org}/members${q}&limit=200`, { token: opToken });
			assert.equal(full.status, 200, full.text);
			const n = full.json.items.length;
			assert.ok(n >= 1, `${q} matches`);
			const page = await c.get(`/api/v1/orgs/${org}/members${q}&limit=${n}`, { token: opToken });
			assert.equal(page.json.next_cursor, null, `${q} limit=${n}`);
			const { items } = await walk(c, `/api/v1/orgs/${org}/members${q}`, opToken, 1);
			assert.deepEqual(items.map((m) => m.id), full.json.items.map((m) => m.id), q);
		}
	});

	test('pages of every size around the statement limits (10-12, 50-52, 60) walk each list whole, filtered or not', async () => {
		const org = orgs[2].id;
		for (let i = 0; i < 62; i++) {
			const role = i % 3 === 0 ? 'moderator' : 'member';
			const res = await c.post(`/api/v1/orgs/${org}/members`, { email: `walk-${String(i).padStart(2, '0')}-${uniq}@example.com`, role }, { token: opToken });
			assert.equal(res.status, 201, res.text);
		}
		const lists = [
			`/api/v1/orgs/${org}/members`,
			`/api/v1/orgs/${org}/members?role=moderator`,
			`/api/v1/orgs/${org}/members?q=walk-&sort=email`,
			`/api/v1/orgs/${org}/members?q=walk-&role=member`,
			`/api/v1/orgs/${org}/members?sort=-created_at`,
			`/api/v1/orgs/${org}/audit`,
			`/api/v1/orgs/${org}/audit?action=member.created`,
		];
		for (const path of lists) {
			const sep = path.includes('?') ? '&' : '?';
			const full = await c.get(`${path}${sep}limit=200`, { token: opToken });
			assert.equal(full.status, 200, full.text);
			const ids = full.json.items.map((x) => x.id);
			assert.ok(ids.length >= 20, `${path}: ${ids.length} items`);
			assert.equal(new Set(ids).size, ids.length, `${path}: no item twice`);
			for (const limit of [10, 11, 12, 50, 51, 52, 60]) {
				const { items, sizes } = await walk(c, path, opToken, limit);
				assert.deepEqual(items.map((x) => x.id), ids, `${path} limit=${limit}`);
				assert.ok(sizes.every((n) => n > 0 && n <= limit), `${path} limit=${limit}: ${sizes}`);
			}
		}
		// the filters filter: each member of ?role=moderator is a moderator
		const admins = await c.get(`/api/v1/orgs/${org}/members?role=moderator&limit=12`, { token: opToken });
		assert.equal(admins.json.items.length, 12);
		assert.ok(admins.json.items.every((m) => m.role === 'moderator'), 'only moderators');
		const created = await c.get(`/api/v1/orgs/${org}/audit?action=member.created&limit=52`, { token: opToken });
		assert.equal(created.json.items.length, 52);
		assert.ok(created.json.items.every((a) => a.action === 'member.created'), 'only member.created');
	});

	test('customers and the audit log end without a cursor too', async () => {
		const partner = orgs[3].id;
		for (const name of ['One', 'Two']) {
			const res = await c.post(`/api/v1/orgs/${partner}/customers`, { name: `${name} ${uniq}`, kind: 'corporate' }, { token: opToken });
			assert.equal(res.status, 201, res.text);
		}
		const exact = await c.get(`/api/v1/orgs/${partner}/customers?limit=2`, { token: opToken });
		assert.equal(exact.json.items.length, 2);
		assert.equal(exact.json.next_cursor, null);
		const { sizes } = await walk(c, `/api/v1/orgs/${partner}/customers`, opToken, 1);
		assert.deepEqual(sizes, [1, 1]);
		const audit = await c.get(`/api/v1/orgs/${partner}/audit?limit=200`, { token: opToken });
		const n = audit.json.items.length;
		assert.ok(n >= 3, audit.text);
		const auditExact = await c.get(`/api/v1/orgs/${partner}/audit?limit=${n}`, { token: opToken });
		assert.equal(auditExact.json.next_cursor, null);
		const walked = await walk(c, `/api/v1/orgs/${partner}/audit`, opToken, 2);
		assert.deepEqual(walked.items.map((x) => x.id), audit.json.items.map((x) => x.id));
	});

	test('GET /orgs for a non-operator: their own organizations with their role, in name order, paged and searchable', async () => {
		const all = await c.get('/api/v1/orgs', { token: personToken });
		assert.equal(all.status, 200, all.text);
		assert.deepEqual(all.json.items.map((o) => o.name), [`Alpha ${uniq}`, `Bravo ${uniq}`]);
		assert.equal(all.json.next_cursor, null);
		assert.deepEqual(all.json.items.map((o) => o.role), ['administrator', 'member']);
		const first = await c.get('/api/v1/orgs?limit=1', { token: personToken });
		assert.equal(first.json.items.length, 1);
		assert.equal(first.json.items[0].name, `Alpha ${uniq}`);
		assert.equal(typeof first.json.next_cursor, 'string');
		const second = await c.get(`/api/v1/orgs?limit=1&cursor=${encodeURIComponent(first.json.next_cursor)}`, { token: personToken });
		assert.deepEqual(second.json.items.map((o) => o.name), [`Bravo ${uniq}`]);
		assert.equal(second.json.next_cursor, null);
		const q = await c.get(`/api/v1/orgs?q=${encodeURIComponent('bra')}`, { token: personToken });
		assert.deepEqual(q.json.items.map((o) => o.name), [`Bravo ${uniq}`]);
		const none = await c.get('/api/v1/orgs?q=charlie', { token: personToken });
		assert.deepEqual(none.json.items, [], 'an organization they are not in is not listed, even by name');
		assertError(await c.get('/api/v1/orgs?limit=0', { token: personToken }), 400, 'bad_request', 'limit');
		assertError(await c.get('/api/v1/orgs?cursor=bogus!', { token: personToken }), 400, 'invalid_cursor', 'cursor');
	});

	test('GET /orgs for an operator: every organization, without role, the last page without a cursor', async () => {
		const all = await c.get(`/api/v1/orgs?q=${encodeURIComponent('')}&limit=200`, { token: opToken });
		const mine = all.json.items.filter((o) => o.name.endsWith(uniq));
		assert.ok(mine.length >= 6, all.text);
		assert.ok(all.json.items.every((o) => !('role' in o)));
		const n = all.json.items.length;
		const exact = await c.get(`/api/v1/orgs?limit=${n}`, { token: opToken });
		assert.equal(exact.json.next_cursor, null);
		const { items } = await walk(c, '/api/v1/orgs', opToken, 4);
		assert.deepEqual(items.map((o) => o.id), all.json.items.map((o) => o.id));
	});

	test('a cursor takes the next page of its own list and query only: forged, edited or borrowed ones answer 400 invalid_cursor', async () => {
		const [a, b] = [orgs[1].id, orgs[0].id];
		const page = await c.get(`/api/v1/orgs/${a}/members?limit=1&sort=name`, { token: opToken });
		const cursor = page.json.next_cursor;
		assert.equal(typeof cursor, 'string');
		const next = await c.get(`/api/v1/orgs/${a}/members?limit=1&sort=name&cursor=${encodeURIComponent(cursor)}`, { token: opToken });
		assert.equal(next.status, 200, next.text);
		assert.notEqual(next.json.items[0].id, page.json.items[0].id);
		const refused = [
			[`/api/v1/orgs/${a}/members?limit=1&sort=-name`, 'another direction'],
			[`/api/v1/orgs/${a}/members?limit=1&sort=email`, 'another order'],
			[`/api/v1/orgs/${a}/members?limit=1&sort=name&role=member`, 'another filter'],
			[`/api/v1/orgs/${a}/members?limit=1&sort=name&q=x`, 'another search'],
			[`/api/v1/orgs/${b}/members?limit=1&sort=name`, "another organization's list"],
			[`/api/v1/orgs/${a}/customers?limit=1`, 'another list'],
			[`/api/v1/orgs/${a}/audit?limit=1`, 'another list'],
			['/api/v1/orgs?limit=1', 'another list'],
		];
		for (const [path, why] of refused)
			assertError(await c.get(`${path}&cursor=${encodeURIComponent(cursor)}`, { token: opToken }), 400, 'invalid_cursor', 'cursor');
		// one character changed anywhere, or the unsigned cursors of earlier versions
		for (const i of [0, Math.floor(cursor.length / 2), cursor.length - 1]) {
			const edited = cursor.slice(0, i) + (cursor[i] === 'A' ? 'B' : 'A') + cursor.slice(i + 1);
			assertError(await c.get(`/api/v1/orgs/${a}/members?limit=1&sort=name&cursor=${encodeURIComponent(edited)}`, { token: opToken }), 400, 'invalid_cursor', 'cursor');
		}
		const unsigned = Buffer.from(`c1\x1f${page.json.items[0].email}\x1f${page.json.items[0].id}`).toString('base64url');
		assertError(await c.get(`/api/v1/orgs/${a}/members?limit=1&sort=name&cursor=${unsigned}`, { token: opToken }), 400, 'invalid_cursor', 'cursor');
		// an audit cursor is bound to its filters too
		const audit = await c.get(`/api/v1/orgs/${a}/audit?limit=1&action=member.created`, { token: opToken });
		assert.equal(typeof audit.json.next_cursor, 'string', audit.text);
		const ac = encodeURIComponent(audit.json.next_cursor);
		assert.equal((await c.get(`/api/v1/orgs/${a}/audit?limit=1&action=member.created&cursor=${ac}`, { token: opToken })).status, 200);
		assertError(await c.get(`/api/v1/orgs/${a}/audit?limit=1&cursor=${ac}`, { token: opToken }), 400, 'invalid_cursor', 'cursor');
		assertError(await c.get(`/api/v1/orgs/${a}/audit?limit=1&action=org.created&cursor=${ac}`, { token: opToken }), 400, 'invalid_cursor', 'cursor');
	});

	test('the audit log filters and orders as declared: since and until bound the time, sort=at runs oldest first', async () => {
		const org = orgs[1].id;
		const all = (await c.get(`/api/v1/orgs/${org}/audit?limit=200`, { token: opToken })).json.items;
		assert.ok(all.length >= 3);
		const times = all.map((x) => Date.parse(x.at));
		assert.deepEqual([...times].sort((x, y) => y - x), times, 'newest first by default');
		const oldest = await c.get(`/api/v1/orgs/${org}/audit?limit=200&sort=at`, { token: opToken });
		assert.deepEqual(oldest.json.items.map((x) => x.id), [...all].reverse().map((x) => x.id));
		const { items } = await walk(c, `/api/v1/orgs/${org}/audit?sort=at`, opToken, 1);
		assert.deepEqual(items.map((x) => x.id), oldest.json.items.map((x) => x.id));
		const cut = all[Math.floor(all.length / 2)].at;
		const since = (await c.get(`/api/v1/orgs/${org}/audit?limit=200&since=${encodeURIComponent(cut)}`, { token: opToken })).json.items;
		const until = (await c.get(`/api/v1/orgs/${org}/audit?limit=200&until=${encodeURIComponent(cut)}`, { token: opToken })).json.items;
		assert.ok(since.every((x) => x.at >= cut) && until.every((x) => x.at < cut));
		assert.equal(since.length + until.length, all.length);
		assertError(await c.get(`/api/v1/orgs/${org}/audit?since=yesterday`, { token: opToken }), 400, 'bad_request', 'since');
		assertError(await c.get(`/api/v1/orgs/${org}/audit?sort=action`, { token: opToken }), 400, 'bad_request', 'sort');
	});
});
