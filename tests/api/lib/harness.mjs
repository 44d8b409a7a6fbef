// Test harness for the HTTP scenarios: a real SMTP sink, fresh databases on
// either engine, rosterd and rosterctl processes, and a small HTTP client.
//
// Environment:
//   ROSTER_BIN          rosterd binary      (default build/rosterd of this checkout)
//   ROSTERCTL_BIN       rosterctl binary    (default build/rosterctl of this checkout)
//   ROSTER_TEST_ENGINE  "sqlite" (default) or "postgres"
//   ROSTER_TEST_PG_URL  base URL of a postgres server, e.g. postgres://postgres@127.0.0.1:55432/postgres

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http from 'node:http';
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { checkResponse } from './openapi.mjs';

export const ROSTER_BIN = process.env.ROSTER_BIN || new URL('../../../build/rosterd', import.meta.url).pathname;
export const ROSTERCTL_BIN = process.env.ROSTERCTL_BIN || new URL('../../../build/rosterctl', import.meta.url).pathname;
export const ENGINE = process.env.ROSTER_TEST_ENGINE || 'sqlite';
export const PUBLIC_URL = 'http://roster.test:8080';

if (ENGINE !== 'sqlite' && ENGINE !== 'postgres') {
	throw new Error(`ROSTER_TEST_ENGINE must be sqlite or postgres, not ${ENGINE}`);
}

// ---- cleanup of everything this process started -------------------------

const children = new Set();
const tempDirs = [];
const pgDatabases = [];

process.on('exit', () => {
	for (const child of children) {
		try {
			child.kill('SIGKILL');
		} catch {
			/* already gone */
		}
	}
	for (const name of pgDatabases) {
		spawnSync('psql', [process.env.ROSTER_TEST_PG_URL, '-q', '-c', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`], {
			stdio: 'ignore',
			timeout: 10000,
		});
	}
	for (const dir of tempDirs) {
		try {
			rmSync(dir, { recursive: true, force: true });
		} catch {
			/* best effort */
		}
	}
});

export function tempDir(prefix = 'roster-test-') {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	tempDirs.push(dir);
	return dir;
}

// ---- polling ------------------------------------------------------------

export const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Calls fn every intervalMs until it returns a truthy value; returns that value.
export async function poll(fn, { timeoutMs = 5000, intervalMs = 50, what = 'condition' } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const v = await fn();
		if (v) return v;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await delay(intervalMs);
	}
}

// ---- SMTP sink ------------------------------------------------------------

// A real SMTP server on 127.0.0.1 that keeps every message it accepted.
// opts.gate(session) may return a promise: the 250 reply to DATA waits for it
// (a message counts as delivered only once it has been acknowledged).
export async function startSmtp(opts = {}) {
	const messages = [];
	const held = []; // messages received but not (yet) acknowledged
	const taken = new Set();
	const waiters = new Set();
	let received = 0;

	const notify = () => {
		for (const w of waiters) w();
	};

	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(stream, session, callback) {
			const chunks = [];
			stream.on('data', (c) => chunks.push(c));
			stream.on('error', (err) => callback(err));
			stream.on('end', async () => {
				const raw = Buffer.concat(chunks);
				let parsed;
				try {
					parsed = await simpleParser(raw);
				} catch (err) {
					callback(err);
					return;
				}
				const to = (parsed.to?.value || []).map((a) => (a.address || '').toLowerCase());
				const msg = {
					seq: received++,
					raw: raw.toString('utf8'),
					envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					envelopeTo: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
					to: to[0] || '',
					toAll: to,
					from: parsed.from ? parsed.from.value[0] : null,
					fromText: parsed.from ? parsed.from.text : '',
					subject: parsed.subject || '',
					text: parsed.text || '',
					html: typeof parsed.html === 'string' ? parsed.html : '',
					messageId: parsed.messageId || '',
					headers: parsed.headers,
					parsed,
				};
				held.push(msg);
				notify();
				let ok = true;
				if (opts.gate) {
					try {
						ok = (await opts.gate(msg)) !== false;
					} catch {
						ok = false;
					}
				}
				held.splice(held.indexOf(msg), 1);
				if (!ok) {
					callback(new Error('refused by the test'));
					return;
				}
				messages.push(msg);
				notify();
				callback();
			});
		},
	});
	server.on('error', () => {
		/* a client killed mid-session is expected in the crash scenarios */
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const port = server.server.address().port;

	// Resolves with the first acknowledged message matching predicate.
	function waitForMail(predicate = () => true, timeoutMs = 5000) {
		return new Promise((resolve, reject) => {
			const check = () => {
				const m = messages.find(predicate);
				if (m) {
					waiters.delete(check);
					clearTimeout(timer);
					resolve(m);
					return true;
				}
				return false;
			};
			const timer = setTimeout(() => {
				waiters.delete(check);
				reject(new Error(`no matching mail within ${timeoutMs} ms (have ${messages.length}: ${messages.map((m) => `${m.to} "${m.subject}"`).join(', ')})`));
			}, timeoutMs);
			if (!check()) waiters.add(check);
		});
	}

	// Like waitForMail, but each message is handed out once.
	async function take(predicate = () => true, timeoutMs = 5000) {
		const m = await waitForMail((x) => !taken.has(x) && predicate(x), timeoutMs);
		taken.add(m);
		return m;
	}

	// Resolves once a message is being received but not yet acknowledged.
	function waitForHeld(timeoutMs = 5000) {
		return poll(() => held.length > 0 && held[0], { timeoutMs, intervalMs: 5, what: 'a held message' });
	}

	function close() {
		return new Promise((resolve) => server.close(() => resolve()));
	}

	return { port, url: `smtp://127.0.0.1:${port}`, messages, held, waitForMail, take, waitForHeld, close };
}

// A loopback port that nothing listens on.
export async function closedPort() {
	const srv = net.createServer();
	await new Promise((resolve) => srv.listen(0, '127.0.0.1', resolve));
	const port = srv.address().port;
	await new Promise((resolve) => srv.close(resolve));
	return port;
}

// ---- mail helpers -------------------------------------------------------

export const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

// The token of the first {PUBLIC_URL}/{page}?token=... link in the text part.
export function linkToken(mail, page = 'reset-password') {
	const re = new RegExp(`${escapeRe(PUBLIC_URL)}/${page}\\?token=([A-Za-z0-9_-]+)`);
	const m = re.exec(mail.text);
	if (!m) throw new Error(`no ${PUBLIC_URL}/${page}?token= link in mail text:\n${mail.text}`);
	return m[1];
}

function escapeRe(s) {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---- databases ------------------------------------------------------------

let dbCounter = 0;

// A fresh, empty database URL for the engine under test.
export function makeDb(name = 'db') {
	const safe = name.toLowerCase().replace(/[^a-z0-9_]/g, '_');
	if (ENGINE === 'sqlite') {
		return join(tempDir(`roster-${safe}-`), `${safe}.db`);
	}
	const base = process.env.ROSTER_TEST_PG_URL;
	if (!base) throw new Error('ROSTER_TEST_PG_URL is required with ROSTER_TEST_ENGINE=postgres');
	const db = `rt_${safe}_${process.pid}_${dbCounter++}_${randomBytes(3).toString('hex')}`;
	const r = spawnSync('psql', [base, '-q', '-v', 'ON_ERROR_STOP=1', '-c', `CREATE DATABASE ${db}`], {
		encoding: 'utf8',
		timeout: 20000,
	});
	if (r.status !== 0) throw new Error(`CREATE DATABASE ${db} failed: ${r.stderr || r.error}`);
	pgDatabases.push(db);
	const u = new URL(base);
	u.pathname = `/${db}`;
	return u.toString();
}

// The rows of one SQL query on a test database (sqlite3, or psql on
// PostgreSQL), each an array of its column values as text.
export function sqlRows(db, query) {
	const r =
		ENGINE === 'sqlite'
			? spawnSync('sqlite3', ['-batch', '-separator', '|', '-cmd', '.timeout 5000', db, query], { encoding: 'utf8', timeout: 20000 })
			: spawnSync('psql', [db, '-X', '-q', '-At', '-F', '|', '-v', 'ON_ERROR_STOP=1', '-c', query], { encoding: 'utf8', timeout: 20000 });
	assert.equal(r.status, 0, `${query}: ${r.stderr || r.error}`);
	return r.stdout
		.split('\n')
		.filter((l) => l.length)
		.map((l) => l.split('|'));
}

// ---- rosterctl ------------------------------------------------------------

// Runs rosterctl; db (when given) is passed as --db. Resolves {code, stdout, stderr}.
export function rosterctl(args, { db, input, env, timeoutMs = 30000 } = {}) {
	const argv = db === undefined ? [...args] : ['--db', db, ...args];
	return new Promise((resolve, reject) => {
		const child = spawn(ROSTERCTL_BIN, argv, {
			env: { ...cleanEnv(), ...(env || {}) },
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		children.add(child);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', (err) => {
			clearTimeout(timer);
			children.delete(child);
			reject(err);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			children.delete(child);
			resolve({ code: code ?? signal, stdout, stderr });
		});
		child.stdin.on('error', () => {});
		if (input !== undefined) child.stdin.end(input);
		else child.stdin.end();
	});
}

// Creates a user with a known password (issue 2 can only create operators).
export async function createUser(db, email, password) {
	const r = await rosterctl(['operator', 'create', email, '--password-stdin'], { db, input: `${password}\n` });
	if (r.code !== 0) {
		throw new Error(`rosterctl operator create ${email} exited ${r.code}: ${r.stderr}`);
	}
	return r;
}

// Applies the migrations of a fresh database.
export async function migrate(db) {
	const r = await rosterctl(['migrate'], { db });
	if (r.code !== 0) throw new Error(`rosterctl migrate exited ${r.code}: ${r.stderr}`);
	return r;
}

// The environment without any ROSTER_* setting of the caller, so that only
// what a test passes explicitly configures the processes.
function cleanEnv() {
	const env = {};
	for (const [k, v] of Object.entries(process.env)) {
		if (!k.startsWith('ROSTER_')) env[k] = v;
	}
	return env;
}

// ---- rosterd ------------------------------------------------------------------

// Starts rosterd on 127.0.0.1:0 and waits for its "listening" log line.
// smtpPort / smtpUrl: where mail goes (neither: .eml files in a temp dir).
// publicUrl: passed as --public-url unless null.
export async function startRosterd({ db, smtpPort, smtpUrl, env, args = [], publicUrl = PUBLIC_URL, timeoutMs = 15000 } = {}) {
	if (!db) throw new Error('startRosterd needs db');
	const mailDir = tempDir('roster-mail-');
	const argv = ['--db', db, '--listen', '127.0.0.1:0', '--mail-dir', mailDir];
	if (publicUrl) argv.push('--public-url', publicUrl);
	if (smtpUrl) argv.push('--smtp-url', smtpUrl);
	else if (smtpPort) argv.push('--smtp-url', `smtp://127.0.0.1:${smtpPort}`);
	argv.push(...args);
	const child = spawn(ROSTER_BIN, argv, {
		env: { ...cleanEnv(), ...(env || {}) },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	children.add(child);
	let stderr = '';
	let stdout = '';
	const lines = [];
	let partial = '';
	const exited = new Promise((resolve) => {
		child.on('exit', (code, signal) => {
			children.delete(child);
			resolve({ code, signal });
		});
	});
	let exitInfo = null;
	exited.then((x) => (exitInfo = x));
	child.stdout.on('data', (d) => (stdout += d));

	const address = await new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`rosterd did not log "listening" within ${timeoutMs} ms; stderr:\n${stderr}`));
		}, timeoutMs);
		child.on('error', (err) => {
			clearTimeout(timer);
			reject(err);
		});
		child.stderr.on('data', (d) => {
			stderr += d;
			partial += d;
			let nl;
			while ((nl = partial.indexOf('\n')) >= 0) {
				const line = partial.slice(0, nl);
				partial = partial.slice(nl + 1);
				let obj = null;
				try {
					obj = JSON.parse(line);
				} catch {
					/* not JSON */
				}
				lines.push(obj ?? line);
				if (obj && obj.event === 'listening' && typeof obj.address === 'string') {
					clearTimeout(timer);
					resolve(obj.address);
				}
			}
		});
		exited.then(({ code, signal }) => {
			clearTimeout(timer);
			reject(new Error(`rosterd exited (${code ?? signal}) before listening; stderr:\n${stderr}`));
		});
	});
	const port = Number(address.slice(address.lastIndexOf(':') + 1));
	const base = `http://127.0.0.1:${port}`;

	async function stop(timeout = 15000) {
		if (!exitInfo) child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
		const { code, signal } = await exited;
		clearTimeout(timer);
		return code ?? signal;
	}

	async function kill9() {
		if (!exitInfo) child.kill('SIGKILL');
		const { code, signal } = await exited;
		return code ?? signal;
	}

	return {
		base,
		port,
		address,
		db,
		mailDir,
		pid: child.pid,
		stop,
		kill9,
		exited,
		signal: (sig) => child.kill(sig),
		logs: () => stderr,
		logLines: () => lines.filter((l) => typeof l === 'object'),
		stdout: () => stdout,
	};
}

// Runs rosterd to completion (for option errors and --routes).
export function runRosterd(args, { env, timeoutMs = 10000 } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(ROSTER_BIN, args, { env: { ...cleanEnv(), ...(env || {}) }, stdio: ['ignore', 'pipe', 'pipe'] });
		children.add(child);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			children.delete(child);
			resolve({ code: code ?? signal, stdout, stderr });
		});
	});
}

// ---- HTTP client --------------------------------------------------------------

// api(base).req(method, path, {token, body, headers, raw, localAddress, validate}) → {status, headers, json, text}
// body: serialised as JSON (Content-Type application/json) unless raw is given;
// raw: a string or Buffer sent as is (set Content-Type yourself in headers);
// localAddress: the client socket's address (e.g. 127.0.0.2, another client).
// Every complete answer is checked against docs/openapi.yaml (lib/openapi.mjs):
// a status the operation does not document, or a body that does not match its
// schema, rejects with an AssertionError saying what differs. validate: false
// skips the check, for requests malformed on purpose.
export function api(base) {
	const u = new URL(base);
	function req(method, path, { token, cookie, body, headers = {}, raw, localAddress, timeoutMs = 15000, validate = true } = {}) {
		const h = { ...headers };
		let payload;
		if (raw !== undefined) {
			payload = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
		} else if (body !== undefined) {
			payload = Buffer.from(JSON.stringify(body));
			if (!hasHeader(h, 'content-type')) h['Content-Type'] = 'application/json';
		}
		if (payload !== undefined && !hasHeader(h, 'content-length') && !hasHeader(h, 'transfer-encoding')) {
			h['Content-Length'] = String(payload.length);
		}
		if (token) h.Authorization = `Bearer ${token}`;
		if (cookie) h.Cookie = `roster_session=${cookie}`;
		return new Promise((resolve, reject) => {
			let settled = false;
			const r = http.request(
				{ host: u.hostname, port: u.port, method, path, headers: h, agent: false, setHost: !hasHeader(h, 'host'), localAddress },
				(res) => {
					const chunks = [];
					res.on('data', (c) => chunks.push(c));
					const finish = () => {
						if (settled) return;
						settled = true;
						clearTimeout(timer);
						const text = Buffer.concat(chunks).toString('utf8');
						let json = null;
						try {
							json = text ? JSON.parse(text) : null;
						} catch {
							json = null;
						}
						const out = { status: res.statusCode, headers: res.headers, json, text };
						// An answer cut off (the server was killed) cannot be checked.
						if (validate && res.complete) {
							try {
								checkResponse({ method, path, ...out });
							} catch (err) {
								reject(err);
								return;
							}
						}
						resolve(out);
					};
					res.on('end', finish);
					res.on('error', finish);
					res.on('aborted', finish);
				},
			);
			const timer = setTimeout(() => {
				r.destroy(new Error(`${method} ${path}: no response within ${timeoutMs} ms`));
			}, timeoutMs);
			r.on('error', (err) => {
				if (settled) return;
				// An early answer (e.g. 413) may arrive while the body is still being written.
				if (r.res) return;
				settled = true;
				clearTimeout(timer);
				reject(err);
			});
			if (payload !== undefined) r.end(payload);
			else r.end();
		});
	}
	return {
		base,
		req,
		get: (path, o) => req('GET', path, o),
		post: (path, body, o = {}) => req('POST', path, { ...o, body }),
		patch: (path, body, o = {}) => req('PATCH', path, { ...o, body }),
		login: (email, password, o = {}) => req('POST', '/api/v1/auth/login', { ...o, body: { email, password } }),
		forgot: (email, o = {}) => req('POST', '/api/v1/auth/password/forgot', { ...o, body: { email } }),
		reset: (token, password, o = {}) => req('POST', '/api/v1/auth/password/reset', { ...o, body: { token, password } }),
		me: (token) => req('GET', '/api/v1/me', { token }),
	};
}

function hasHeader(h, name) {
	return Object.keys(h).some((k) => k.toLowerCase() === name);
}

// The value of roster_session in a response's Set-Cookie headers, with its attributes.
export function sessionCookie(res) {
	const all = res.headers['set-cookie'] || [];
	for (const c of all) {
		const parts = c.split(';').map((s) => s.trim());
		const [nv, ...attrs] = parts;
		const eq = nv.indexOf('=');
		if (nv.slice(0, eq) === 'roster_session') {
			return { value: nv.slice(eq + 1), attrs: attrs.map((a) => a.toLowerCase()), raw: c };
		}
	}
	return null;
}

// ---- assertions shared by the scenarios -----------------------------------------

// Asserts res is an error response with this status, code and (optionally) field.
export function assertError(res, status, code, field) {
	const ctx = `${res.status} ${res.text}`;
	assert.equal(res.status, status, `status (${ctx})`);
	assert.ok(res.json && typeof res.json === 'object', `JSON error body (${ctx})`);
	assert.ok(res.json.error && typeof res.json.error === 'object', `"error" object (${ctx})`);
	assert.equal(res.json.error.code, code, `error code (${ctx})`);
	assert.equal(typeof res.json.error.message, 'string', `error message (${ctx})`);
	assert.ok(res.json.error.message.length > 0, `non-empty error message (${ctx})`);
	if (field === undefined) {
		assert.ok(!('field' in res.json.error), `no field expected (${ctx})`);
	} else {
		assert.equal(res.json.error.field, field, `error field (${ctx})`);
	}
	assert.match(String(res.headers['content-type'] || ''), /^application\/json/, `content type (${ctx})`);
	assert.ok(res.headers['x-request-id'], `X-Request-Id (${ctx})`);
}

// Asserts a Retry-After header with an integer number of seconds > 0.
export function assertRetryAfter(res) {
	const ra = res.headers['retry-after'];
	assert.ok(ra !== undefined, `Retry-After header (${res.status} ${res.text})`);
	assert.match(String(ra), /^[0-9]+$/, 'Retry-After is an integer');
	assert.ok(Number(ra) > 0, `Retry-After > 0 (got ${ra})`);
}

// ---- metrics ------------------------------------------------------------

// Sum of the samples of a metric whose labels include all of want.
export function metricValue(text, name, want = {}) {
	let sum = 0;
	let found = false;
	for (const line of text.split('\n')) {
		if (!line || line.startsWith('#')) continue;
		const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([^}]*)\})?\s+(\S+)/.exec(line);
		if (!m || m[1] !== name) continue;
		const labels = {};
		if (m[3]) {
			for (const lm of m[3].matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[lm[1]] = lm[2];
		}
		if (Object.entries(want).every(([k, v]) => labels[k] === v)) {
			sum += Number(m[4]);
			found = true;
		}
	}
	return found ? sum : undefined;
}

// ---- raw sockets ----------------------------------------------------------------

// Opens a TCP connection and records everything received until the peer closes.
// localAddress binds the client end (127.0.0.2 … are other clients on loopback).
export function rawConnect(port, { localAddress } = {}) {
	return new Promise((resolve, reject) => {
		const sock = net.connect({ host: '127.0.0.1', port, localAddress });
		const state = { sock, data: '', closed: false, closedAt: 0, error: null };
		state.closedP = new Promise((res) => {
			sock.on('close', () => {
				state.closed = true;
				state.closedAt = Date.now();
				res();
			});
		});
		sock.on('data', (d) => (state.data += d.toString('latin1')));
		sock.on('error', (err) => (state.error = err));
		sock.once('connect', () => resolve(state));
		sock.once('error', reject);
		state.write = (s) =>
			new Promise((res) => {
				if (sock.destroyed || !sock.writable) return res(false);
				sock.write(s, (err) => res(!err));
			});
		state.waitClosed = (timeoutMs = 5000) =>
			Promise.race([state.closedP.then(() => true), delay(timeoutMs).then(() => false)]);
		state.responses = () => parseResponses(state.data);
		state.waitResponses = (n, timeoutMs = 5000) =>
			poll(() => parseResponses(state.data).length >= n || state.closed, { timeoutMs, intervalMs: 10, what: `${n} responses` }).then(
				() => parseResponses(state.data),
			);
		state.end = () => sock.destroy();
	});
}

// Splits raw HTTP/1.1 response bytes into responses {status, headers, body}.
export function parseResponses(data) {
	const out = [];
	let rest = data;
	while (rest.length) {
		const he = rest.indexOf('\r\n\r\n');
		if (he < 0) break;
		const head = rest.slice(0, he).split('\r\n');
		const sm = /^HTTP\/1\.[01] (\d{3})/.exec(head[0]);
		if (!sm) break;
		const headers = {};
		for (const l of head.slice(1)) {
			const i = l.indexOf(':');
			if (i > 0) {
				const k = l.slice(0, i).trim().toLowerCase();
				headers[k] = headers[k] === undefined ? l.slice(i + 1).trim() : `${headers[k]}, ${l.slice(i + 1).trim()}`;
			}
		}
		let bodyStart = he + 4;
		let body = '';
		if (headers['transfer-encoding'] && /chunked/i.test(headers['transfer-encoding'])) {
			let p = bodyStart;
			let complete = false;
			for (;;) {
				const le = rest.indexOf('\r\n', p);
				if (le < 0) break;
				const size = parseInt(rest.slice(p, le), 16);
				if (Number.isNaN(size)) break;
				if (size === 0) {
					const te = rest.indexOf('\r\n', le + 2);
					if (te < 0) break;
					p = te + 2;
					complete = true;
					break;
				}
				if (rest.length < le + 2 + size + 2) break;
				body += rest.slice(le + 2, le + 2 + size);
				p = le + 2 + size + 2;
			}
			if (!complete) {
				out.push({ status: Number(sm[1]), headers, body, incomplete: true });
				break;
			}
			rest = rest.slice(p);
		} else {
			const len = Number(headers['content-length'] || 0);
			body = rest.slice(bodyStart, bodyStart + len);
			if (body.length < len) {
				out.push({ status: Number(sm[1]), headers, body, incomplete: true });
				break;
			}
			rest = rest.slice(bodyStart + len);
		}
		out.push({ status: Number(sm[1]), headers, body });
	}
	return out;
}

// Unique, valid-looking test addresses.
let mailCounter = 0;
export function email(tag = 'user') {
	return `${tag}-${process.pid}-${mailCounter++}@example.com`;
}
