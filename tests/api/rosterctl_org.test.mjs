// rosterctl org create | list | module | admin, against a running rosterd
// that delivers the mail they queue.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	makeDb, migrate, createUser, startRosterd, startSmtp, rosterctl, api, linkToken, email, PUBLIC_URL,
} from './lib/harness.mjs';

const PW = 'the right password';

describe('rosterctl org', { timeout: 60000 }, () => {
	const op = email('op');
	const alice = email('alice');
	let db, sink, srv, c, token, orgId;
	before(async () => {
		db = makeDb('ctl_org');
		await migrate(db);
		await createUser(db, op, PW);
		sink = await startSmtp();
		srv = await startRosterd({ db, smtpPort: sink.port });
		c = api(srv.base);
		token = (await c.login(op, PW)).json.token;
	});
	after(async () => {
		if (srv) await srv.stop();
		if (sink) await sink.close();
	});

	test('step 1: org create → exit 0, the org id on stdout; the new administrator gets a set-password mail', async () => {
		const r = await rosterctl(['--public-url', PUBLIC_URL, 'org', 'create', 'Ctl Corp', 'partner', alice, 'teams'], { db });
		assert.equal(r.code, 0, r.stderr);
		orgId = r.stdout.split('\t')[0];
		assert.match(orgId, /^org_[0-9a-z]{26}$/);
		const mail = await sink.take((m) => m.to === alice, 10000);
		assert.equal(mail.subject, 'You are the administrator of Ctl Corp on roster');
		const t = linkToken(mail, 'set-password');
		assert.equal((await c.reset(t, 'alice new password')).status, 204);
		const me = await c.me((await c.login(alice, 'alice new password')).json.token);
		assert.deepEqual(me.json.organizations.map((o) => [o.id, o.role]), [[orgId, 'administrator']]);
	});

	test('step 2: org list names it; a prefix filters', async () => {
		const all = await rosterctl(['org', 'list'], { db });
		assert.equal(all.code, 0, all.stderr);
		assert.ok(all.stdout.includes(`${orgId}\tCtl Corp\tpartner\tactive`), all.stdout);
		const none = await rosterctl(['org', 'list', 'zzz'], { db });
		assert.equal(none.stdout, '');
	});

	test('step 3: org module on / off → the API shows it; an unknown module → exit 1, nothing changes', async () => {
		assert.equal((await rosterctl(['org', 'module', orgId, 'on', 'customer_login'], { db })).code, 0);
		let org = await c.get(`/api/v1/orgs/${orgId}`, { token });
		assert.deepEqual(org.json.modules.sort(), ['customer_login', 'teams']);
		assert.equal((await rosterctl(['org', 'module', orgId, 'off', 'teams'], { db })).code, 0);
		const bad = await rosterctl(['org', 'module', orgId, 'on', 'nope'], { db });
		assert.equal(bad.code, 1);
		assert.match(bad.stderr, /nope/);
		org = await c.get(`/api/v1/orgs/${orgId}`, { token });
		assert.deepEqual(org.json.modules, ['customer_login']);
	});

	test('step 4: org admin with an existing account → "You are now the administrator" mail, no password change', async () => {
		const r = await rosterctl(['org', 'admin', orgId, op], { db });
		assert.equal(r.code, 0, r.stderr);
		const mail = await sink.take((m) => m.to === op, 10000);
		assert.equal(mail.subject, 'You are now the administrator of Ctl Corp');
		assert.equal((await c.login(op, PW)).status, 200);
		const members = await c.get(`/api/v1/orgs/${orgId}/members?role=administrator`, { token });
		assert.equal(members.json.items.length, 2);
	});

	test('step 5: bad arguments → exit 2 with usage; an unknown org → exit 1', async () => {
		assert.equal((await rosterctl(['org', 'create', 'X'], { db })).code, 2);
		assert.equal((await rosterctl(['org', 'module', orgId, 'maybe', 'teams'], { db })).code, 2);
		const r = await rosterctl(['org', 'admin', 'org_00000000000000000000000000', email('x')], { db });
		assert.equal(r.code, 1);
		const audit = await c.get(`/api/v1/orgs/${orgId}/audit?action=module.enabled`, { token });
		assert.equal(audit.json.items.length, 1);
	});
});
