// kill -9 in the middle of traffic and mail delivery, then a restart on the
// same database: acknowledged writes survive, queued mail goes out exactly once.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	makeDb,
	migrate,
	createUser,
	startRosterd,
	startSmtp,
	closedPort,
	api,
	email,
	linkToken,
	metricValue,
	poll,
} from './lib/harness.mjs';

const PW = 'crash test password';

async function outboxDepth(c) {
	const res = await c.get('/metrics');
	return res.status === 200 ? metricValue(res.text, 'roster_outbox_depth') : undefined;
}

describe('kill -9 under load, then restart', { timeout: 120000 }, () => {
	const users = Array.from({ length: 5 }, (_, i) => email(`crash${i}`));
	const FORGOT_PER_USER = 6;
	let db;
	let sinkA;
	let sinkB;
	let srv;
	let srv2;
	const heldResolvers = [];
	const forgot = []; // {user, status}
	const patches = new Map(); // user → {acked, inFlight}
	const sessions = new Map();

	before(async () => {
		db = makeDb('crash');
		await migrate(db);
		for (const u of users) await createUser(db, u, PW);
		// The first sink acknowledges three messages, then holds every further one
		// unanswered: rosterd gets killed while it waits for that answer.
		let acked = 0;
		sinkA = await startSmtp({
			gate: () => {
				if (acked < 3) {
					acked++;
					return true;
				}
				return new Promise((resolve) => heldResolvers.push(resolve));
			},
		});
		srv = await startRosterd({ db, smtpPort: sinkA.port, args: ['--mail-lease', '5'] });
	});

	after(async () => {
		for (const r of heldResolvers) r(false);
		if (srv) await srv.kill9();
		if (srv2) await srv2.stop();
		if (sinkA) await sinkA.close();
		if (sinkB) await sinkB.close();
	});

	test('step 1: five users sign in', async () => {
		const c = api(srv.base);
		for (const u of users) {
			const res = await c.login(u, PW);
			assert.equal(res.status, 200, res.text);
			sessions.set(u, res.json.token);
			patches.set(u, { acked: 0, inFlight: 0 });
		}
	});

	test('step 2: 30 forgot requests and a stream of PATCH /me writes run concurrently; rosterd is killed with SIGKILL while mail delivery is under way', async (t) => {
		const c = api(srv.base);
		let killed = false;

		// One sequential PATCH loop per user: company = "c-N", N increasing.
		const patchLoops = users.map(async (u) => {
			const p = patches.get(u);
			for (let n = 1; !killed; n++) {
				p.inFlight = n;
				try {
					const res = await c.patch('/api/v1/me', { company: `c-${n}` }, { token: sessions.get(u), timeoutMs: 5000 });
					if (res.status === 200) {
						assert.equal(res.json.company, `c-${n}`);
						p.acked = n;
					} else if (!killed) {
						assert.fail(`PATCH before the kill → ${res.status} ${res.text}`);
					}
				} catch (err) {
					if (!killed) throw err;
					return;
				}
			}
		});

		// Forgot requests in waves of three, round-robin over the users.
		const jobs = [];
		for (let i = 0; i < FORGOT_PER_USER; i++) for (const u of users) jobs.push(u);
		const forgotLoop = (async () => {
			for (let i = 0; i < jobs.length && !killed; i += 3) {
				await Promise.all(
					jobs.slice(i, i + 3).map(async (u) => {
						const rec = { user: u, status: 'sent' };
						forgot.push(rec);
						try {
							const res = await c.forgot(u, { timeoutMs: 5000 });
							rec.status = res.status;
							if (!killed) assert.equal(res.status, 202, res.text);
						} catch (err) {
							rec.status = 'no response';
							if (!killed) throw err;
						}
					}),
				);
			}
		})();

		// Kill once the sink holds an unanswered message and some forgot requests are done.
		await poll(() => sinkA.held.length > 0 && forgot.filter((f) => f.status === 202).length >= 10, {
			timeoutMs: 15000,
			intervalMs: 5,
			what: 'a held message after ≥ 10 answered forgot requests',
		});
		killed = true;
		const code = await srv.kill9();
		srv = null;
		assert.equal(code, 'SIGKILL');
		await Promise.all([...patchLoops, forgotLoop]);
		for (const r of heldResolvers.splice(0)) r(false);

		const count = (s) => forgot.filter((f) => f.status === s).length;
		t.diagnostic(
			`at the kill: forgot 202=${count(202)} unanswered=${count('no response')} of ${forgot.length} sent; ` +
				`PATCH acked=${[...patches.values()].map((p) => p.acked).join(',')}; mails acked=${sinkA.messages.length}, held=${sinkA.held.length}`,
		);
		assert.equal(sinkA.messages.length, 3, 'three messages were acknowledged before the kill');
		assert.ok(forgot.filter((f) => f.status === 202).length >= 10);
		for (const [u, p] of patches) assert.ok(p.acked >= 1, `some PATCH for ${u} was acknowledged`);
	});

	test('step 3: restart on the same database with a working sink → every forgot answered 202 produced exactly one mail, no Message-ID twice', async (t) => {
		sinkB = await startSmtp();
		srv2 = await startRosterd({ db, smtpPort: sinkB.port, args: ['--mail-lease', '5'] });
		const c = api(srv2.base);
		const all = () => [...sinkA.messages, ...sinkB.messages];
		const answered = (u) => forgot.filter((f) => f.user === u && f.status === 202).length;
		const attempted = (u) => forgot.filter((f) => f.user === u && (f.status === 202 || f.status === 'no response' || f.status === 'sent')).length;
		const mailsFor = (u) => all().filter((m) => m.to === u);

		try {
			await poll(async () => users.every((u) => mailsFor(u).length >= answered(u)) && (await outboxDepth(c)) === 0, {
				timeoutMs: 90000,
				intervalMs: 200,
				what: 'all mail',
			});
		} catch (err) {
			const mailLog = srv2.logLines().filter((l) => /mail/.test(l.event || ''));
			throw new Error(
				`${err.message}; mails/answered per user: ${users.map((u) => `${mailsFor(u).length}/${answered(u)}`).join(' ')}; ` +
					`outbox depth ${await outboxDepth(c)}; mailer log: ${JSON.stringify(mailLog.slice(-5))}`,
			);
		}

		const ml = srv2.logLines().filter((l) => /mail|listening/.test(l.event || ''));
		t.diagnostic(`after the restart: ${sinkB.messages.length} more mails, ${all().length} in all; first log lines: ${JSON.stringify(ml.slice(0, 4))}`);
		const ids = all().map((m) => m.messageId);
		assert.equal(new Set(ids).size, ids.length, `duplicate Message-IDs: ${ids.filter((id, i) => ids.indexOf(id) !== i).join(' ')}`);
		const keys = all().map((m) => `${m.to} ${linkToken(m)}`);
		assert.equal(new Set(keys).size, keys.length, 'no recipient+token delivered twice');
		for (const u of users) {
			const n = mailsFor(u).length;
			assert.ok(n >= answered(u), `${u}: ${n} mails for ${answered(u)} answered requests`);
			assert.ok(n <= attempted(u), `${u}: ${n} mails for ${attempted(u)} requests sent (no mail out of nothing)`);
		}
	});

	test('step 4: every PATCH answered 200 before the kill is visible after the restart, and the sessions survived', async () => {
		const c = api(srv2.base);
		for (const u of users) {
			const { acked, inFlight } = patches.get(u);
			const res = await c.me(sessions.get(u));
			assert.equal(res.status, 200, `session of ${u} survives a crash: ${res.text}`);
			const allowed = new Set([`c-${acked}`, `c-${inFlight}`]);
			assert.ok(allowed.has(res.json.company), `${u}: company ${res.json.company}, last acknowledged c-${acked}, in flight c-${inFlight}`);
		}
	});

	test('step 5: the mails carry working tokens: the last token mailed to a user resets the password', async () => {
		const c = api(srv2.base);
		// The newest token voids the older ones; exactly one of a user's tokens works.
		const u = users[0];
		const tokens = [...sinkA.messages, ...sinkB.messages].filter((m) => m.to === u).map((m) => linkToken(m));
		assert.ok(tokens.length >= 1);
		let ok = 0;
		for (const t of tokens) {
			const res = await c.reset(t, `after the crash ${ok}`);
			if (res.status === 204) ok++;
			else assert.equal(res.status, 400, res.text);
		}
		assert.equal(ok, 1, `exactly one of ${tokens.length} tokens works`);
	});
});

describe('mail queued while SMTP is down survives kill -9', { timeout: 90000 }, () => {
	const users = Array.from({ length: 3 }, (_, i) => email(`queued${i}`));
	let db;
	let srv;
	let srv2;
	let sink;

	before(async () => {
		db = makeDb('crash_queue');
		await migrate(db);
		for (const u of users) await createUser(db, u, PW);
	});

	after(async () => {
		if (srv) await srv.kill9();
		if (srv2) await srv2.stop();
		if (sink) await sink.close();
	});

	test('step 1: with --smtp-url at a closed port, three forgot requests → 202 and the mail stays queued', async () => {
		const port = await closedPort();
		srv = await startRosterd({ db, smtpUrl: `smtp://127.0.0.1:${port}`, args: ['--mail-lease', '5'] });
		const c = api(srv.base);
		for (const u of users) {
			const res = await c.forgot(u);
			assert.equal(res.status, 202, res.text);
		}
		// the emails are queued right after each answer
		await poll(async () => (await outboxDepth(c)) === 3, { timeoutMs: 5000, what: 'three queued mails' });
		// Let the mailer try (and fail) at least once: it polls about every 200 ms.
		const failed = () => srv.logLines().some((l) => /mail|smtp|outbox|deliver/i.test(JSON.stringify(l)) && /error|warn|fail/i.test(JSON.stringify(l)));
		await poll(failed, { timeoutMs: 3000, what: 'a logged delivery failure' }).catch(() => {});
		assert.equal(await outboxDepth(c), 3, 'nothing left the outbox');
	});

	test('step 2: kill -9, restart with a working sink → each queued mail arrives exactly once', async () => {
		assert.equal(await srv.kill9(), 'SIGKILL');
		srv = null;
		sink = await startSmtp();
		srv2 = await startRosterd({ db, smtpPort: sink.port, args: ['--mail-lease', '5'] });
		const c = api(srv2.base);
		await poll(async () => users.every((u) => sink.messages.some((m) => m.to === u)) && (await outboxDepth(c)) === 0, {
			timeoutMs: 60000,
			intervalMs: 200,
			what: 'the three queued mails',
		});
		for (const u of users) {
			const mine = sink.messages.filter((m) => m.to === u);
			assert.equal(mine.length, 1, `${u} got ${mine.length} mails`);
			assert.equal(mine[0].subject, 'Reset your roster password');
		}
		const ids = sink.messages.map((m) => m.messageId);
		assert.equal(new Set(ids).size, ids.length, 'unique Message-IDs');
		assert.equal(sink.messages.length, 3);
		const res = await c.reset(linkToken(sink.messages[0]), 'reset after the outage');
		assert.equal(res.status, 204, res.text);
	});
});
