// What operators of the service use: health and metrics endpoints, option
// errors, the route table, rosterctl, backups, and a graceful SIGTERM.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
	ENGINE,
	makeDb,
	migrate,
	createUser,
	startRosterd,
	runRosterd,
	rosterctl,
	startSmtp,
	api,
	assertError,
	email,
	linkToken,
	metricValue,
	rawConnect,
	tempDir,
	delay,
	poll,
	PUBLIC_URL,
	TOKEN_RE,
} from './lib/harness.mjs';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const PW = 'operations password';

function listUsers(stdout) {
	return stdout
		.split('\n')
		.filter(Boolean)
		.map((line) => {
			const f = line.split('\t');
			return { fields: f, id: f[0], email: f[1], state: f[2], kind: f[3], created_at: f[4] };
		});
}

describe('health, readiness and metrics', { timeout: 30000 }, () => {
	let srv;
	let c;
	before(async () => {
		const db = makeDb('ops_http');
		await migrate(db);
		srv = await startRosterd({ db });
		c = api(srv.base);
	});
	after(async () => srv && (await srv.stop()));

	test('GET /healthz → 200 {"status":"ok"} with X-Request-Id', async () => {
		const res = await c.get('/healthz');
		assert.equal(res.status, 200);
		assert.deepEqual(res.json, { status: 'ok' });
		assert.ok(res.headers['x-request-id']);
	});

	test('GET /readyz → 200 {"status":"ready"}', async () => {
		const res = await c.get('/readyz');
		assert.equal(res.status, 200, res.text);
		assert.deepEqual(res.json, { status: 'ready' });
	});

	test('GET /metrics → Prometheus text with the request counter, duration histogram, outbox depth and open connections', async () => {
		const res = await c.get('/metrics');
		assert.equal(res.status, 200);
		assert.match(String(res.headers['content-type']), /^text\/plain/);
		const t = res.text;
		assert.match(t, /^roster_http_requests_total\{[^}]*route="[^"]*"[^}]*\} \d/m, 'requests counter with a route label');
		assert.match(t, /^roster_http_requests_total\{[^}]*status="\d{3}"[^}]*\} \d/m, 'requests counter with a status label');
		assert.match(t, /^roster_http_request_duration_seconds_bucket\{[^}]*le="\+Inf"[^}]*\} \d/m, 'histogram buckets');
		assert.match(t, /^roster_http_request_duration_seconds_sum(\{[^}]*\})? /m, 'histogram sum');
		assert.match(t, /^roster_http_request_duration_seconds_count(\{[^}]*\})? /m, 'histogram count');
		assert.equal(metricValue(t, 'roster_outbox_depth'), 0, 'outbox depth is 0 on a fresh database');
		assert.ok(metricValue(t, 'roster_http_open_connections') >= 1, 'open connections counts at least this one');
	});

	test('the request counter counts: five GET /healthz raise the healthz/200 series by at least 5; a 404 shows under status 404', async () => {
		const healthz = (t) => {
			let sum = 0;
			for (const m of t.matchAll(/^roster_http_requests_total\{([^}]*)\} (\S+)/gm)) {
				if (/route="[^"]*healthz[^"]*"/.test(m[1]) && /status="200"/.test(m[1])) sum += Number(m[2]);
			}
			return sum;
		};
		const before = healthz((await c.get('/metrics')).text);
		for (let i = 0; i < 5; i++) assert.equal((await c.get('/healthz')).status, 200);
		await c.get('/api/v1/does-not-exist');
		const t = (await c.get('/metrics')).text;
		assert.ok(healthz(t) >= before + 5, `healthz 200 series went from ${before} to ${healthz(t)}`);
		assert.ok(metricValue(t, 'roster_http_requests_total', { status: '404' }) >= 1, 'a 404 series');
	});

	test('roster_http_open_connections follows idle keep-alive connections', async () => {
		const base = metricValue((await c.get('/metrics')).text, 'roster_http_open_connections');
		const conns = [];
		for (let i = 0; i < 3; i++) {
			const conn = await rawConnect(srv.port);
			await conn.write('GET /healthz HTTP/1.1\r\nHost: roster.test\r\n\r\n');
			await conn.waitResponses(1);
			conns.push(conn);
		}
		const during = metricValue((await c.get('/metrics')).text, 'roster_http_open_connections');
		assert.ok(during >= base + 3, `open connections ${base} → ${during} with three idle sockets`);
		for (const conn of conns) conn.end();
		await poll(async () => metricValue((await c.get('/metrics')).text, 'roster_http_open_connections') <= base, {
			what: 'open connections to fall back',
		});
	});
});

describe('rosterd command line', { timeout: 30000 }, () => {
	test('--routes prints the route table ("METHOD /path" per line) and exits 0', async () => {
		const r = await runRosterd(['--routes']);
		assert.equal(r.code, 0, r.stderr);
		const lines = new Set(r.stdout.split('\n').map((l) => l.trim()).filter(Boolean));
		for (const want of [
			'POST /api/v1/auth/login',
			'POST /api/v1/auth/logout',
			'POST /api/v1/auth/password/forgot',
			'POST /api/v1/auth/password/reset',
			'GET /api/v1/me',
			'PATCH /api/v1/me',
			'POST /api/v1/me/password',
			'GET /healthz',
			'GET /readyz',
			'GET /metrics',
		]) {
			assert.ok(lines.has(want), `route table has "${want}":\n${r.stdout}`);
		}
		for (const l of lines) assert.match(l, /^[A-Z]+ \/\S*$/, `route line format: ${l}`);
	});

	for (const [label, args, env, name] of [
		['--threads abc', ['--threads', 'abc'], {}, /threads/i],
		['--header-timeout -1', ['--header-timeout', '-1'], {}, /header.timeout/i],
		['--listen nonsense', ['--listen', 'nonsense'], {}, /listen/i],
		['--log loud', ['--log', 'loud'], {}, /log/i],
		['ROSTER_IDLE_TIMEOUT=soon', [], { ROSTER_IDLE_TIMEOUT: 'soon' }, /idle.timeout/i],
		['an unknown option', ['--no-such-option'], {}, /no-such-option/],
	]) {
		test(`a bad value (${label}) → exit 2 with a message naming it`, async () => {
			const db = join(tempDir(), 'unused.db');
			const r = await runRosterd(['--db', db, '--listen', '127.0.0.1:0', ...args], { env });
			assert.equal(r.code, 2, `exit code (stderr: ${r.stderr})`);
			assert.match(r.stderr, name);
		});
	}
});

describe('rosterctl with a running rosterd', { timeout: 60000 }, () => {
	const alice = email('ops-alice');
	const bob = email('ops-bob');
	const carol = email('ops-carol');
	let db;
	let sink;
	let srv;
	let c;

	before(async () => {
		db = makeDb('ops_ctl');
		sink = await startSmtp();
		await migrate(db);
		await createUser(db, alice, PW);
		await createUser(db, bob, PW);
		srv = await startRosterd({ db, smtpPort: sink.port });
		c = api(srv.base);
	});

	after(async () => {
		if (srv) await srv.stop();
		if (sink) await sink.close();
	});

	test('usage errors → exit 2 with usage text on stderr', async () => {
		for (const args of [[], ['bogus'], ['operator'], ['operator', 'create'], ['user'], ['user', 'disable'], ['backup']]) {
			const r = await rosterctl(args, { db });
			assert.equal(r.code, 2, `rosterctl ${args.join(' ')} → ${r.code} (${r.stderr})`);
			assert.match(r.stderr, /usage/i, `usage text for rosterctl ${args.join(' ')}`);
		}
	});

	test('migrate on an up-to-date database → exit 0 (idempotent)', async () => {
		const r = await rosterctl(['migrate'], { db });
		assert.equal(r.code, 0, r.stderr);
	});

	test('user list → one tab-separated line per user: id, email, state, operator|user, created_at', async () => {
		const r = await rosterctl(['user', 'list'], { db });
		assert.equal(r.code, 0, r.stderr);
		const users = listUsers(r.stdout);
		for (const u of users) {
			assert.equal(u.fields.length, 5, `five fields: ${JSON.stringify(u.fields)}`);
			assert.match(u.id, /^usr_/);
			assert.ok(['active', 'disabled'].includes(u.state));
			assert.ok(['operator', 'user'].includes(u.kind));
			assert.match(u.created_at, RFC3339);
		}
		const a = users.find((u) => u.email === alice);
		const b = users.find((u) => u.email === bob);
		assert.ok(a && b, `both users listed:\n${r.stdout}`);
		assert.equal(a.state, 'active');
		assert.equal(a.kind, 'operator');
		const login = await c.login(alice, PW);
		assert.equal(login.json.user.id, a.id, 'the listed id is the API id');
	});

	test('operator create with an email that exists → exit 1 with a message', async () => {
		const r = await rosterctl(['operator', 'create', alice, '--password-stdin'], { db, input: 'another password x\n' });
		assert.equal(r.code, 1, r.stderr);
		assert.ok(r.stderr.trim().length > 0, 'a message on stderr');
		assert.equal((await c.login(alice, PW)).status, 200, 'the existing password still works');
	});

	test('user disable → the user\'s existing session dies at once (401), login fails, user list says disabled', async () => {
		const login = await c.login(bob, PW);
		assert.equal(login.status, 200, login.text);
		const token = login.json.token;
		assert.equal((await c.me(token)).status, 200);
		const r = await rosterctl(['user', 'disable', bob], { db });
		assert.equal(r.code, 0, r.stderr);
		assertError(await c.me(token), 401, 'unauthenticated');
		const again = await c.login(bob, PW);
		assert.equal(again.status, 401, again.text);
		assert.equal(again.json?.token, undefined);
		const list = listUsers((await rosterctl(['user', 'list'], { db })).stdout);
		assert.equal(list.find((u) => u.email === bob)?.state, 'disabled');
	});

	test('user disable of an unknown email → exit 1', async () => {
		const r = await rosterctl(['user', 'disable', email('nobody')], { db });
		assert.equal(r.code, 1, r.stderr);
	});

	test('operator create without --password-stdin → a "set your password" mail arrives through the running rosterd; its token works at /auth/password/reset', async () => {
		// rosterctl renders the mail; its links use --public-url, like rosterd's.
		const r = await rosterctl(['--public-url', PUBLIC_URL, 'operator', 'create', carol], { db });
		assert.equal(r.code, 0, r.stderr);
		const mail = await sink.take((m) => m.to === carol, 10000);
		assert.equal(mail.subject, 'Set your roster password');
		assert.equal(mail.from.address, 'roster@localhost', 'the default From');
		assert.ok(mail.text.includes(`${PUBLIC_URL}/set-password?token=`), mail.text);
		const token = linkToken(mail, 'set-password');
		assert.match(token, TOKEN_RE);
		assertError(await c.login(carol, 'set by carol herself'), 401, 'invalid_credentials');
		const res = await c.reset(token, 'set by carol herself');
		assert.equal(res.status, 204, res.text);
		const login = await c.login(carol, 'set by carol herself');
		assert.equal(login.status, 200, login.text);
		assert.equal(login.json.user.is_operator, true);
		assertError(await c.reset(token, 'set by carol again'), 400, 'invalid_token', 'token');
	});

	test('backup FILE: sqlite → a file a new rosterd starts on and signs in with; postgres → non-zero exit mentioning pg_dump', async () => {
		const file = join(tempDir('roster-backup-'), 'backup.db');
		const r = await rosterctl(['backup', file], { db });
		if (ENGINE === 'postgres') {
			assert.notEqual(r.code, 0, 'backup of a postgres database is not done by rosterctl');
			assert.match(r.stderr, /pg_dump/);
			return;
		}
		assert.equal(r.code, 0, r.stderr);
		assert.ok(existsSync(file) && statSync(file).size > 0, 'backup file written');
		const copy = await startRosterd({ db: file });
		try {
			const res = await api(copy.base).login(alice, PW);
			assert.equal(res.status, 200, res.text);
			assert.equal(res.json.user.email, alice);
			const carolLogin = await api(copy.base).login(carol, 'set by carol herself');
			assert.equal(carolLogin.status, 200, 'the backup holds the latest password');
		} finally {
			assert.equal(await copy.stop(), 0);
		}
	});
});

describe('--bootstrap-operator', { timeout: 30000 }, () => {
	test('on an empty database: creates the operator, prints how to sign in on stdout, and the printed password works; a second start creates nothing', async () => {
		const db = makeDb('ops_bootstrap');
		const boot = email('boot');
		const srv = await startRosterd({ db, args: ['--bootstrap-operator', boot] });
		let password;
		try {
			await poll(() => srv.stdout().includes(boot), { what: 'the sign-in instructions on stdout' });
			const m = /"password"\s*:\s*"([^"]+)"/.exec(srv.stdout()) || /password:\s*(\S+)/i.exec(srv.stdout());
			assert.ok(m, `a password on stdout:\n${srv.stdout()}`);
			password = m[1];
			// the sign-in line names the address the server really listens on, not the default
			assert.ok(srv.stdout().includes(`http://127.0.0.1:${srv.port}/api/v1/auth/login`), srv.stdout());
			assert.ok(srv.port !== 8080);
			const res = await api(srv.base).login(boot, password);
			assert.equal(res.status, 200, res.text);
			assert.equal(res.json.user.is_operator, true);
		} finally {
			assert.equal(await srv.stop(), 0);
		}
		const again = await startRosterd({ db, args: ['--bootstrap-operator', email('second')] });
		try {
			assert.ok(!again.stdout().includes(password), 'no new password printed');
			assert.equal((await api(again.base).login(boot, password)).status, 200, 'the first operator is untouched');
		} finally {
			assert.equal(await again.stop(), 0);
		}
		const list = listUsers((await rosterctl(['user', 'list'], { db })).stdout);
		assert.deepEqual(list.map((u) => u.email), [boot], 'only the first operator exists');
	});
});

describe('graceful shutdown', { timeout: 30000 }, () => {
	test('SIGTERM while a request is in flight: the request is answered, an idle keep-alive connection does not hold the exit, exit code 0', async () => {
		const db = makeDb('ops_sigterm');
		await migrate(db);
		const srv = await startRosterd({ db });
		const idle = await rawConnect(srv.port);
		await idle.write('GET /healthz HTTP/1.1\r\nHost: roster.test\r\n\r\n');
		await idle.waitResponses(1);

		const body = '{"email":"in-flight@example.com"}';
		const conn = await rawConnect(srv.port);
		await conn.write(
			`POST /api/v1/auth/password/forgot HTTP/1.1\r\nHost: roster.test\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
		);
		await delay(300); // the server has the headers and waits for the body
		const t0 = Date.now();
		srv.signal('SIGTERM');
		await delay(300);
		await conn.write(body.slice(10));
		const rs = await conn.waitResponses(1, 5000);
		assert.equal(rs[0]?.status, 202, `in-flight request answered (got ${JSON.stringify(conn.data)})`);
		const code = await Promise.race([srv.exited.then((x) => x.code ?? x.signal), delay(10000).then(() => 'still running after 10 s')]);
		idle.end();
		const final = code === 'still running after 10 s' ? await srv.stop() : code;
		assert.equal(code, 0, `exit code after SIGTERM (final: ${final}); took ${Date.now() - t0} ms`);
		assert.ok(srv.logLines().some((l) => l.event === 'request' && Number(l.status) === 202), 'the in-flight request was logged');
	});

	test('SIGINT → exit code 0', async () => {
		const db = makeDb('ops_sigint');
		const srv = await startRosterd({ db });
		assert.equal((await api(srv.base).get('/healthz')).status, 200);
		srv.signal('SIGINT');
		const { code, signal } = await srv.exited;
		assert.equal(code ?? signal, 0);
	});

	test('SIGTERM on an idle server → exit code 0, and the port is closed afterwards', async () => {
		const db = makeDb('ops_sigterm2');
		await migrate(db);
		const srv = await startRosterd({ db });
		assert.equal((await api(srv.base).get('/healthz')).status, 200);
		assert.equal(await srv.stop(), 0);
		await assert.rejects(rawConnect(srv.port), /ECONNREFUSED/);
	});
});
