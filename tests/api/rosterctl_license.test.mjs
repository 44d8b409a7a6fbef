// rosterctl license grant | list, against a running rosterd: what the shell
// grants is what the API shows, and a bad grant changes nothing.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeDb, migrate, createUser, startRosterd, rosterctl, api, email } from './lib/harness.mjs';

const PW = 'the right password';

describe('rosterctl license', { timeout: 60000 }, () => {
	const op = email('op');
	let db, srv, c, token, orgId;
	before(async () => {
		db = makeDb('ctl_license');
		await migrate(db);
		await createUser(db, op, PW);
		srv = await startRosterd({ db });
		c = api(srv.base);
		token = (await c.login(op, PW)).json.token;
		const org = await c.post('/api/v1/orgs', { name: 'Licensed', type: 'enterprise', admin: { email: email('adm') } }, { token });
		assert.equal(org.status, 201, org.text);
		orgId = org.json.id;
	});
	after(async () => srv && (await srv.stop()));

	test('license grant with the defaults → a year of active per-user seats, shown by the API', async () => {
		const r = await rosterctl(['license', 'grant', orgId, 'Viewer', '25'], { db });
		assert.equal(r.code, 0, r.stderr);
		const [id, product, seats] = r.stdout.trim().split('\t');
		assert.match(id, /^lic_[0-9a-z]{26}$/);
		assert.equal(product, 'Viewer');
		assert.equal(seats, '25 seats per user');
		const pool = await c.get(`/api/v1/orgs/${orgId}/licenses/${id}`, { token });
		assert.equal(pool.status, 200, pool.text);
		assert.equal(pool.json.state, 'active');
		assert.equal(pool.json.unit, 'user');
		assert.equal(pool.json.free, 25);
		const days = (Date.parse(pool.json.ends_at) - Date.parse(pool.json.starts_at)) / 86400000;
		assert.equal(days, 365);
	});

	test('license grant with its options → per device, trial, automatic, until the given time', async () => {
		const r = await rosterctl(
			['license', 'grant', orgId, 'Field Kit', '3', '--unit', 'device', '--trial', '--auto-assign', '--ends', '2030-01-31T00:00:00Z'],
			{ db },
		);
		assert.equal(r.code, 0, r.stderr);
		const id = r.stdout.split('\t')[0];
		const pool = (await c.get(`/api/v1/orgs/${orgId}/licenses/${id}`, { token })).json;
		assert.deepEqual([pool.unit, pool.state, pool.auto_assign, pool.ends_at], ['device', 'trial', true, '2030-01-31T00:00:00.000Z']);
	});

	test('bad grants exit 1 or 2 and create nothing', async () => {
		const before = (await c.get(`/api/v1/orgs/${orgId}/licenses`, { token })).json.items.length;
		for (const [args, code, why] of [
			[['license', 'grant', orgId, 'X', '-1'], 1, /between 0 and 1000000/],
			[['license', 'grant', orgId, 'X', '1000001'], 1, /between 0 and 1000000/],
			[['license', 'grant', orgId, 'X', 'ten'], 2, /usage/],
			[['license', 'grant', orgId, 'X', '5', '--unit', 'seat'], 1, /user or device/],
			[['license', 'grant', orgId, 'X', '5', '--ends', 'tomorrow'], 2, /usage/],
			[['license', 'grant', orgId, 'X', '5', '--ends', '2001-01-01T00:00:00Z'], 1, /end after it starts/],
			[['license', 'grant', orgId, '', '5'], 1, /product/],
			[['license', 'grant', 'org_nope', 'X', '5'], 1, /not found/i],
		]) {
			const r = await rosterctl(args, { db });
			assert.equal(r.code, code, `${args.join(' ')}: ${r.stderr}`);
			assert.match(r.stderr, why, args.join(' '));
		}
		assert.equal((await c.get(`/api/v1/orgs/${orgId}/licenses`, { token })).json.items.length, before);
	});

	test('license list → one line per pool: id, product, unit, seats, used, state, end', async () => {
		const r = await rosterctl(['license', 'list', orgId], { db });
		assert.equal(r.code, 0, r.stderr);
		const lines = r.stdout.trim().split('\n').map((l) => l.split('\t'));
		assert.deepEqual(lines.map((l) => [l[1], l[2], l[3], l[4], l[5]]), [
			['Field Kit', 'device', '3', '0', 'trial'],
			['Viewer', 'user', '25', '0', 'active'],
		]);
	});
});
