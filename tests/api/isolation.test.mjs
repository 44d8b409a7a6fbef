// The isolation matrix: every route that takes an organization id, called
// by people who must not see that organization — the administrator of
// another organization, a customer's user (who sees only the customer), and
// a member removed a moment ago (with the session they already had) — gets
// 404 not_found and no data, never 403. The routes come from the binary's
// own route table, so a new route is covered the day it is added.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeDb, migrate, createUser, startRosterd, api, email, runRosterd } from './lib/harness.mjs';

const PW = 'the right password';

describe('isolation matrix', { timeout: 120000 }, () => {
	let srv, c, routes;
	const ids = {};
	const tokens = {};
	before(async () => {
		const r = await runRosterd(['--routes']);
		routes = r.stdout.trim().split('\n').map((l) => l.split(' ')).filter(([, p]) => p.includes('{org}'));
		const db = makeDb('isolation');
		await migrate(db);
		const op = email('op');
		await createUser(db, op, PW);
		srv = await startRosterd({ db });
		c = api(srv.base);
		const opt = (await c.login(op, PW)).json.token;
		const mk = async (name, type) => {
			const res = await c.post('/api/v1/orgs', { name, type, admin: { email: email('adm') } }, { token: opt });
			assert.equal(res.status, 201, res.text);
			return res.json.id;
		};
		const member = async (org, role) => {
			const e = email(role);
			const res = await c.post(`/api/v1/orgs/${org}/members`, { email: e, role, password: PW }, { token: opt });
			assert.equal(res.status, 201, res.text);
			return { id: res.json.id, token: (await c.login(e, PW)).json.token };
		};
		ids.target = await mk('Target', 'partner');
		ids.other = await mk('Other', 'enterprise');
		assert.equal((await c.req('PUT', `/api/v1/orgs/${ids.target}/modules/customer_login`, { token: opt })).status, 200);
		const cust = await c.post(`/api/v1/orgs/${ids.target}/customers`, { name: 'Cust', kind: 'corporate' }, { token: opt });
		ids.customer = cust.json.id;
		const victim = await member(ids.target, 'moderator');
		ids.user = victim.id;
		tokens.other_admin = (await member(ids.other, 'administrator')).token;
		tokens.customer_user = (await member(ids.customer, 'administrator')).token;
		const removed = await member(ids.target, 'administrator');
		assert.equal((await c.req('DELETE', `/api/v1/orgs/${ids.target}/members/${removed.id}`, { token: opt })).status, 204);
		tokens.removed_member = removed.token;
	});
	after(async () => srv && (await srv.stop()));

	test('the route table has organization routes to check', () => {
		assert.ok(routes.length >= 15, `${routes.length} routes`);
	});

	for (const who of ['other_admin', 'customer_user', 'removed_member']) {
		test(`${who}: every {org} route of another organization → 404, no data`, async () => {
			const failures = [];
			for (const [method, pattern] of routes) {
				const path = pattern
					.replace('{org}', ids.target)
					.replace('{user}', ids.user)
					.replace('{role}', 'moderator')
					.replace('{module}', 'teams');
				const body = method === 'GET' || method === 'DELETE' ? undefined : {};
				const res = await c.req(method, path, { token: tokens[who], body });
				const leaked = res.text.includes(ids.user) || res.text.includes('Target');
				if (res.status !== 404 || res.json?.error?.code !== 'not_found' || leaked) {
					failures.push(`${method} ${pattern}: ${res.status} ${res.text.slice(0, 120)}`);
				}
			}
			assert.deepEqual(failures, []);
		});
	}

	test('the customer user sees its own organization, its provider by name, and nothing else', async () => {
		const res = await c.get(`/api/v1/orgs/${ids.customer}`, { token: tokens.customer_user });
		assert.equal(res.status, 200);
		assert.equal(res.json.provider_id, ids.target);
		assert.deepEqual(res.json.provider, { id: ids.target, name: 'Target' }, 'the provider, by name only');
		const me = await c.get('/api/v1/me', { token: tokens.customer_user });
		assert.deepEqual(me.json.organizations.map((o) => o.id), [ids.customer]);
	});
});
