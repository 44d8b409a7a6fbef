// Data rules: names without control characters, NUL characters in JSON
// strings, the email syntax, and emails unique under Unicode case folding.
// Each refusal names the field and changes nothing.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeDb, migrate, createUser, startRosterd, api, assertError, email, rosterctl } from './lib/harness.mjs';

const PW = 'correct horse battery';
const uniq = `${process.pid}${Date.now() % 100000}`;

describe('data rules', { timeout: 120000 }, () => {
	const op = email('operator');
	let db;
	let srv;
	let c;
	let opToken;
	let orgId;
	let adminToken;

	before(async () => {
		db = makeDb('datarules');
		await migrate(db);
		await createUser(db, op, PW);
		srv = await startRosterd({ db });
		c = api(srv.base);
		const res = await c.login(op, PW);
		assert.equal(res.status, 200, res.text);
		opToken = res.json.token;
		const org = await c.post(
			'/api/v1/orgs',
			{ name: `Rules ${uniq}`, type: 'enterprise', admin: { email: `rules-admin-${uniq}@example.com` } },
			{ token: opToken },
		);
		assert.equal(org.status, 201, org.text);
		orgId = org.json.id;
		// an administrator with a password, to work as a member of the org
		const adm = await c.post(
			`/api/v1/orgs/${orgId}/members`,
			{ email: `rules-second-${uniq}@example.com`, role: 'administrator', password: PW },
			{ token: opToken },
		);
		assert.equal(adm.status, 201, adm.text);
		adminToken = (await c.login(`rules-second-${uniq}@example.com`, PW)).json.token;
	});

	after(async () => {
		if (srv) await srv.stop();
	});

	const unclean = [
		['CR LF', 'Acme\r\nBcc: x'],
		['LF', 'two\nlines'],
		['tab', 'a\tb'],
		['NUL', 'a\u0000b'],
		['DEL', 'a\u007fb'],
		['C1 control', 'a\u0085b'],
		['line separator', 'a\u2028b'],
		['right-to-left override', 'evil\u202Egnp.exe'],
		['isolate', 'a\u2066b'],
	];

	for (const [label, value] of unclean) {
		test(`an organization name with a ${label} → 422 invalid, field name, nothing created`, async () => {
			const before = await c.get('/api/v1/orgs?limit=200', { token: opToken });
			const res = await c.post(
				'/api/v1/orgs',
				{ name: value, type: 'enterprise', admin: { email: `nobody-${uniq}-${label.length}@example.com` } },
				{ token: opToken },
			);
			assertError(res, 422, 'invalid', 'name');
			const after = await c.get('/api/v1/orgs?limit=200', { token: opToken });
			assert.equal(after.json.items.length, before.json.items.length);
		});
	}

	for (const field of ['first_name', 'last_name', 'company']) {
		test(`a member's ${field} with a line break or NUL → 422 naming it; no account is made`, async () => {
			for (const value of ['x\ny', 'x\u0000y', 'x\u202Ey']) {
				const mail = `unclean-${field}-${uniq}-${value.charCodeAt(1)}@example.com`;
				const res = await c.post(`/api/v1/orgs/${orgId}/members`, { email: mail, role: 'member', [field]: value }, { token: adminToken });
				assertError(res, 422, 'invalid', field);
				const list = await c.get(`/api/v1/orgs/${orgId}/members?q=${encodeURIComponent(mail)}`, { token: adminToken });
				assert.equal(list.status, 200, list.text);
				assert.equal(list.json.items.length, 0, `no member ${mail}`);
			}
		});
	}

	test('PATCH /me with a control character → 422 naming the field; the profile is unchanged', async () => {
		const me = await c.me(adminToken);
		for (const [field, value] of [['first_name', 'A\rB'], ['last_name', '\u0000'], ['company', 'Co\u2029']]) {
			const res = await c.patch('/api/v1/me', { [field]: value }, { token: adminToken });
			assertError(res, 422, 'invalid', field);
		}
		const again = await c.me(adminToken);
		assert.equal(again.json.first_name, me.json.first_name);
		assert.equal(again.json.updated_at, me.json.updated_at);
	});

	test('a role description with a line break → 422 field description; no role is made', async () => {
		const res = await c.post(`/api/v1/orgs/${orgId}/roles`, { name: 'helpdesk', description: 'a\nb', permissions: [] }, { token: adminToken });
		assertError(res, 422, 'invalid', 'description');
		const roles = await c.get(`/api/v1/orgs/${orgId}/roles`, { token: adminToken });
		assert.ok(!roles.json.items.some((r) => r.name === 'helpdesk'));
	});

	test('\\u0000 in any JSON string → 422 naming the field, not a 400 about the parser', async () => {
		let res = await c.login('a\u0000b@example.com', PW);
		assertError(res, 422, 'invalid', 'email');
		res = await c.forgot(`x\u0000@example.com`);
		assertError(res, 422, 'invalid', 'email');
		res = await c.patch('/api/v1/me', { language: 'e\u0000n' }, { token: adminToken });
		assertError(res, 422, 'invalid', 'language');
		// a NUL in a key: no field has such a name, and the message says what is wrong
		res = await c.req('POST', '/api/v1/auth/login', { raw: '{"email\\u0000x":"a@b.c","password":"p"}', headers: { 'Content-Type': 'application/json' } });
		assertError(res, 400, 'malformed_json');
		assert.match(res.json.error.message, /key .*NUL/);
		// organization settings are stored as JSON text: no NUL anywhere in them
		res = await c.patch(`/api/v1/orgs/${orgId}`, { settings: { deep: ['ok', { k: 'a\u0000b' }] } }, { token: adminToken });
		assertError(res, 422, 'invalid', 'settings');
		res = await c.patch(`/api/v1/orgs/${orgId}`, { settings: { 'a\u0000b': 1 } }, { token: adminToken });
		assertError(res, 400, 'malformed_json');
		const org = await c.get(`/api/v1/orgs/${orgId}`, { token: adminToken });
		assert.deepEqual(org.json.settings, {});
	});

	test('addresses outside the documented syntax → 422 invalid_email', async () => {
		for (const bad of ['a..b@x.example', '.a@x.example', 'a.@x.example', 'a@-x.example', 'a@x..example', 'a@x_y.example', '"a"@x.example', 'a@[127.0.0.1]', 'a\u00a0b@x.example', 'a\u202eb@x.example']) {
			const res = await c.post(`/api/v1/orgs/${orgId}/members`, { email: bad, role: 'member' }, { token: adminToken });
			assertError(res, 422, 'invalid_email', 'email');
		}
	});

	test('emails are one account under Unicode case folding: JÖRG@ and jörg@ collide; sign-in with any case', async () => {
		const upper = `J\u00d6RG-${uniq}@Ex.Example`;
		const lower = `j\u00f6rg-${uniq}@ex.example`;
		let res = await c.post(`/api/v1/orgs/${orgId}/members`, { email: upper, role: 'member', password: PW }, { token: adminToken });
		assert.equal(res.status, 201, res.text);
		assert.equal(res.json.email, upper, 'the address is kept as typed');
		res = await c.post(`/api/v1/orgs/${orgId}/members`, { email: lower, role: 'member' }, { token: adminToken });
		assertError(res, 409, 'user_exists', 'email');
		res = await c.login(lower.toUpperCase(), PW);
		assert.equal(res.status, 200, res.text);
		assert.equal(res.json.user.email, upper);
		// and the search folds the same way
		res = await c.get(`/api/v1/orgs/${orgId}/members?q=${encodeURIComponent('j\u00f6RG')}`, { token: adminToken });
		assert.equal(res.status, 200, res.text);
		assert.deepEqual(res.json.items.map((m) => m.email), [upper]);
	});

	test('rosterctl refuses arguments that are not UTF-8 and creates nothing', async () => {
		const { spawnSync } = await import('node:child_process');
		const bin = process.env.ROSTERCTL_BIN || new URL('../../build/rosterctl', import.meta.url).pathname;
		// argv with a raw 0xF0 byte (a truncated sequence), which node cannot pass itself
		for (const arg of ['"$(printf \'Acme\\360\')"', '"$(printf \'Acme\\300\\257\')"']) {
			const r = spawnSync('sh', ['-c', `exec "$0" --db "$1" org create ${arg} enterprise "$2"`, bin, db, `ctl-${uniq}@example.com`], {
				encoding: 'utf8',
			});
			assert.equal(r.status, 2, r.stderr);
			assert.match(r.stderr, /not valid UTF-8/);
		}
		const list = await rosterctl(['org', 'list'], { db });
		assert.equal(list.code, 0, list.stderr);
		assert.ok(!list.stdout.includes(`ctl-${uniq}`));
		assert.ok(!list.stdout.split('\n').some((l) => l.split('\t')[1]?.startsWith('Acme')));
	});
});
