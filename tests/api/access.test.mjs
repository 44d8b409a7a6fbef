// Access rules probed from outside: a provider gives its corporate customer
// any of its roles (DESIGN.md §3.3); the customer_login gate answers before
// roles and permissions, and closes the customer's back office to its own
// people while it is off; changing a custom role needs what it holds;
// operator-only routes; and writes racing the demotion of their caller.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeDb, migrate, createUser, startRosterd, api, assertError, email } from './lib/harness.mjs';

const PW = 'correct horse battery';

describe('access rules', { timeout: 120000 }, () => {
	let srv;
	let c;
	let op; // the operator's token
	let P; // the provider
	let cust; // its corporate customer
	const t = {}; // tokens
	const id = {}; // user ids

	async function login(mail) {
		const res = await c.login(mail, PW);
		assert.equal(res.status, 200, `login ${mail}: ${res.text}`);
		return res.json.token;
	}

	// A member with a password, created by the operator; returns its id and token.
	async function member(org, role, tag = role) {
		const mail = email(tag);
		const res = await c.post(`/api/v1/orgs/${org}/members`, { email: mail, role, password: PW }, { token: op });
		assert.equal(res.status, 201, res.text);
		return { id: res.json.id, token: await login(mail) };
	}

	async function role(org, name, permissions) {
		const res = await c.post(`/api/v1/orgs/${org}/roles`, { name, permissions }, { token: op });
		assert.equal(res.status, 201, res.text);
	}

	const module = (on) => c.req(on ? 'PUT' : 'DELETE', `/api/v1/orgs/${P}/modules/customer_login`, { token: op });
	const newMember = (org, token, body) => c.post(`/api/v1/orgs/${org}/members`, { email: email('new'), password: PW, ...body }, { token });

	before(async () => {
		const db = makeDb('access');
		await migrate(db);
		const opMail = email('operator');
		await createUser(db, opMail, PW);
		srv = await startRosterd({ db });
		c = api(srv.base);
		op = await login(opMail);
		const p = await c.post('/api/v1/orgs', { name: 'Service Co', type: 'enterprise', admin: { email: email('first') } }, { token: op });
		assert.equal(p.status, 201, p.text);
		P = p.json.id;
		const pa = await member(P, 'administrator', 'padmin');
		t.padmin = pa.token;
		id.padmin = pa.id;
		await role(P, 'account_manager', ['customers:write']);
		await role(P, 'account_viewer', ['customers:read']);
		t.manager = (await member(P, 'account_manager')).token;
		t.viewer = (await member(P, 'account_viewer')).token;
	});

	after(async () => {
		if (srv) await srv.stop();
	});

	describe('1. the provider and its corporate customer', () => {
		test('step 1.1: the provider administrator creates a corporate customer', async () => {
			const res = await c.post(`/api/v1/orgs/${P}/customers`, { name: 'Corp', kind: 'corporate' }, { token: t.padmin });
			assert.equal(res.status, 201, res.text);
			cust = res.json.id;
		});

		test('step 1.2: customer_login off → 403 module_disabled before any role or permission check', async () => {
			// with every permission, and a role that does not exist: the module answers
			assertError(await newMember(cust, t.padmin, { role: 'administrator' }), 403, 'module_disabled', 'module');
			assertError(await newMember(cust, t.padmin, { role: 'no_such_role' }), 403, 'module_disabled', 'module');
			// without the route's permission (customers:read only): the module answers, not forbidden
			const v = await newMember(cust, t.viewer, { role: 'member' });
			assertError(v, 403, 'module_disabled', 'module');
			assert.match(v.json.error.message, /customer_login/);
			// operators too
			assertError(await newMember(cust, op, { role: 'member' }), 403, 'module_disabled', 'module');
			// and a stranger still gets 404
			const other = await c.post('/api/v1/orgs', { name: 'Other', type: 'enterprise', admin: { email: email('other') } }, { token: op });
			const stranger = await member(other.json.id, 'administrator', 'stranger');
			assertError(await newMember(cust, stranger.token, { role: 'member' }), 404, 'not_found');
		});

		test('step 1.3: with the module, customers:read alone → 403 forbidden', async () => {
			assert.equal((await module(true)).status, 200);
			assertError(await newMember(cust, t.viewer, { role: 'member' }), 403, 'forbidden');
			const r = await c.get(`/api/v1/orgs/${cust}/members`, { token: t.viewer });
			assert.equal(r.status, 200, r.text);
		});

		test("step 1.4: the provider's administrator gives the customer an administrator → 201", async () => {
			const mail = email('cust-admin');
			const res = await c.post(`/api/v1/orgs/${cust}/members`, { email: mail, role: 'administrator', password: PW }, { token: t.padmin });
			assert.equal(res.status, 201, res.text);
			assert.equal(res.json.role, 'administrator');
			assert.equal(res.json.source, 'direct');
			id.custAdmin = res.json.id;
			t.custAdmin = await login(mail);
		});

		test('step 1.5: customers:write alone (a custom role) gives any of its roles too, and acts there as its administrators', async () => {
			for (const r of ['administrator', 'moderator', 'member']) {
				const res = await newMember(cust, t.manager, { role: r });
				assert.equal(res.status, 201, `${r}: ${res.text}`);
				assert.equal(res.json.role, r);
				if (r === 'moderator') id.custMod = res.json.id;
			}
			const g = await c.get(`/api/v1/orgs/${cust}`, { token: t.manager });
			assert.equal(g.status, 200, g.text);
			for (const p of ['members:write', 'roles:write', 'org:write']) assert.ok(g.json.permissions.includes(p), `${p} in ${g.json.permissions}`);
			const up = await c.patch(`/api/v1/orgs/${cust}/members/${id.custMod}`, { role: 'administrator' }, { token: t.manager });
			assert.equal(up.status, 200, up.text);
			// nothing more in the provider itself
			assertError(await newMember(P, t.manager, { role: 'member' }), 403, 'forbidden');
		});

		test("step 1.6: the customer's administrator creates its own people (source customer_admin)", async () => {
			const res = await newMember(cust, t.custAdmin, { role: 'member' });
			assert.equal(res.status, 201, res.text);
			assert.equal(res.json.source, 'customer_admin');
			id.custMember = res.json.id;
		});

		test("step 1.7: module off → the customer's own people do not reach it (403 module_disabled); the provider's staff and operators do", async () => {
			assert.equal((await module(false)).status, 200);
			assertError(await c.get(`/api/v1/orgs/${cust}`, { token: t.custAdmin }), 403, 'module_disabled', 'module');
			assertError(await c.get(`/api/v1/orgs/${cust}/members`, { token: t.custAdmin }), 403, 'module_disabled', 'module');
			assertError(await c.patch(`/api/v1/orgs/${cust}`, { name: 'Ours' }, { token: t.custAdmin }), 403, 'module_disabled', 'module');
			assertError(await c.post(`/api/v1/orgs/${cust}/independence`, {}, { token: t.custAdmin }), 403, 'module_disabled', 'module');
			const pm = await c.get(`/api/v1/orgs/${cust}/members`, { token: t.padmin });
			assert.equal(pm.status, 200, pm.text);
			const ch = await c.patch(`/api/v1/orgs/${cust}/members/${id.custMember}`, { role: 'moderator' }, { token: t.padmin });
			assert.equal(ch.status, 200, ch.text);
			assert.equal((await c.get(`/api/v1/orgs/${cust}/members`, { token: t.viewer })).status, 200);
			assert.equal((await c.get(`/api/v1/orgs/${cust}`, { token: op })).status, 200);
			// on again: back
			assert.equal((await module(true)).status, 200);
			const g = await c.get(`/api/v1/orgs/${cust}`, { token: t.custAdmin });
			assert.equal(g.status, 200, g.text);
			assert.equal(g.json.role, 'administrator');
		});
	});

	describe('2. changing a custom role', () => {
		let carla;
		test('step 2.1: roles:write does not weaken, rename or delete a role stronger than the caller → 403', async () => {
			await role(P, 'auditor', ['audit:read', 'members:read']);
			await role(P, 'strong', ['org:write']);
			await role(P, 'rolemgr', ['roles:write', 'members:read']);
			await member(P, 'auditor');
			carla = await member(P, 'rolemgr', 'carla');
			const strip = await c.patch(`/api/v1/orgs/${P}/roles/auditor`, { permissions: ['members:read'] }, { token: carla.token });
			assertError(strip, 403, 'forbidden');
			assertError(await c.patch(`/api/v1/orgs/${P}/roles/auditor`, { description: 'mine' }, { token: carla.token }), 403, 'forbidden');
			assertError(await c.req('DELETE', `/api/v1/orgs/${P}/roles/strong`, { token: carla.token }), 403, 'forbidden');
			const roles = await c.get(`/api/v1/orgs/${P}/roles`, { token: t.padmin });
			const byName = Object.fromEntries(roles.json.items.map((r) => [r.name, r]));
			assert.deepEqual([...byName.auditor.permissions].sort(), ['audit:read', 'members:read']);
			assert.equal(byName.auditor.description, '');
			assert.deepEqual(byName.strong.permissions, ['org:write']);
		});

		test('step 2.2: within what they hold it is theirs; the administrator may change any', async () => {
			await role(P, 'reader', ['members:read']);
			const r = await c.patch(`/api/v1/orgs/${P}/roles/reader`, { permissions: [] }, { token: carla.token });
			assert.equal(r.status, 200, r.text);
			assert.equal((await c.req('DELETE', `/api/v1/orgs/${P}/roles/reader`, { token: carla.token })).status, 204);
			const a = await c.patch(`/api/v1/orgs/${P}/roles/auditor`, { permissions: ['members:read'] }, { token: t.padmin });
			assert.equal(a.status, 200, a.text);
			assert.equal((await c.req('DELETE', `/api/v1/orgs/${P}/roles/strong`, { token: t.padmin })).status, 204);
		});
	});

	describe('3. operator-only routes', () => {
		test('step 3.1: closing an organization and its modules answer 403 to its administrator, 404 to a stranger', async () => {
			assertError(await c.req('DELETE', `/api/v1/orgs/${P}`, { token: t.padmin }), 403, 'forbidden');
			assertError(await c.req('DELETE', `/api/v1/orgs/${P}/modules/customer_login`, { token: t.padmin }), 403, 'forbidden');
			assertError(await c.req('DELETE', `/api/v1/orgs/${cust}`, { token: t.padmin }), 403, 'forbidden');
			assertError(await c.req('DELETE', `/api/v1/orgs/${cust}`, { token: t.custAdmin }), 403, 'forbidden');
			const g = await c.get(`/api/v1/orgs/${P}`, { token: t.padmin });
			assert.equal(g.json.state, 'active');
			assert.ok(g.json.modules.includes('customer_login'));
		});
	});

	describe('4. writes racing the demotion of their caller', () => {
		test('step 4.1: none lands after the demotion; every one after it is refused', async () => {
			const dana = await member(P, 'administrator', 'dana');
			const tag = `race${Date.now() % 100000}`;
			const N = 24;
			const writes = [];
			for (let i = 0; i < N; i++) {
				writes.push(c.post(`/api/v1/orgs/${P}/members`, { email: email(`${tag}-${i}`), role: 'member' }, { token: dana.token }));
				if (i === N / 2) writes.push(c.patch(`/api/v1/orgs/${P}/members/${dana.id}`, { role: 'member' }, { token: t.padmin }).then((r) => ({ demotion: r })));
			}
			const results = await Promise.all(writes);
			const demotion = results.find((r) => r.demotion).demotion;
			assert.equal(demotion.status, 200, demotion.text);
			const answers = results.filter((r) => !r.demotion);
			for (const r of answers) assert.ok(r.status === 201 || r.status === 403, `${r.status} ${r.text}`);
			const created = answers.filter((r) => r.status === 201).map((r) => r.json.id);
			// exactly the 201s exist
			const list = await c.get(`/api/v1/orgs/${P}/members?q=${tag}&limit=200`, { token: t.padmin });
			assert.deepEqual(list.json.items.map((x) => x.id).sort(), [...created].sort());
			// and each was written before the demotion (audit times are taken under the organization's lock)
			const audit = await c.get(`/api/v1/orgs/${P}/audit?limit=200`, { token: t.padmin });
			const changed = audit.json.items.find((x) => x.action === 'member.role_changed' && x.target_id === dana.id);
			assert.ok(changed, 'the demotion is in the log');
			const mine = audit.json.items.filter((x) => x.action === 'member.created' && x.actor_id === dana.id);
			assert.equal(mine.length, created.length);
			for (const x of mine) assert.ok(Date.parse(x.at) <= Date.parse(changed.at), `${x.at} after the demotion at ${changed.at}`);
			// once the demotion answered, dana's session does no more
			assertError(await c.post(`/api/v1/orgs/${P}/members`, { email: email(`${tag}-late`), role: 'member' }, { token: dana.token }), 403, 'forbidden');
		});
	});
});
