// What writes answer and record: a created organization lists its modules
// as stored, a created customer names its provider, and switching a module
// to the state it is in already changes and records nothing.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeDb, migrate, createUser, startRosterd, api, email } from './lib/harness.mjs';

const PW = 'correct horse battery';
const uniq = `${process.pid}${Date.now() % 100000}`;

describe('answers of writes', { timeout: 60000 }, () => {
	const op = email('operator');
	let srv;
	let c;
	let token;
	before(async () => {
		const db = makeDb('answers');
		await migrate(db);
		await createUser(db, op, PW);
		srv = await startRosterd({ db });
		c = api(srv.base);
		token = (await c.login(op, PW)).json.token;
	});
	after(async () => srv && (await srv.stop()));

	test('POST /orgs with a module named twice answers it once, as stored', async () => {
		const res = await c.post('/api/v1/orgs', { name: `Twice ${uniq}`, type: 'partner', admin: { email: `twice-${uniq}@example.com` }, modules: ['teams', 'customer_login', 'teams'] }, { token });
		assert.equal(res.status, 201, res.text);
		assert.deepEqual(res.json.modules, ['customer_login', 'teams']);
		const got = await c.get(`/api/v1/orgs/${res.json.id}`, { token });
		assert.deepEqual(got.json.modules, res.json.modules);
	});

	test('POST /customers answers the customer with its provider, as GET does', async () => {
		const p = await c.post('/api/v1/orgs', { name: `Provider ${uniq}`, type: 'partner', admin: { email: `prov-${uniq}@example.com` } }, { token });
		const res = await c.post(`/api/v1/orgs/${p.json.id}/customers`, { name: `Customer ${uniq}`, kind: 'corporate' }, { token });
		assert.equal(res.status, 201, res.text);
		assert.deepEqual(res.json.provider, { id: p.json.id, name: `Provider ${uniq}` });
		const got = await c.get(`/api/v1/orgs/${res.json.id}`, { token });
		assert.deepEqual(got.json.provider, res.json.provider);
	});

	test('switching a module on (or off) twice records one audit event each way', async () => {
		const o = await c.post('/api/v1/orgs', { name: `Modules ${uniq}`, type: 'partner', admin: { email: `mods-${uniq}@example.com` } }, { token });
		const org = o.json.id;
		for (let i = 0; i < 2; i++) {
			const res = await c.req('PUT', `/api/v1/orgs/${org}/modules/teams`, { token });
			assert.equal(res.status, 200, res.text);
			assert.deepEqual(res.json.modules, ['teams']);
		}
		for (let i = 0; i < 2; i++) {
			const res = await c.req('DELETE', `/api/v1/orgs/${org}/modules/teams`, { token });
			assert.equal(res.status, 200, res.text);
			assert.deepEqual(res.json.modules, []);
		}
		const audit = await c.get(`/api/v1/orgs/${org}/audit?limit=200`, { token });
		const actions = audit.json.items.map((x) => x.action).filter((a) => a.startsWith('module.'));
		assert.deepEqual(actions.sort(), ['module.disabled', 'module.enabled']);
	});
});
