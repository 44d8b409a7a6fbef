// HTTP/1.1 framing over raw TCP: request smuggling defences, header syntax,
// chunked bodies, keep-alive, and the header timeout.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeDb, migrate, startRosterd, rawConnect, delay } from './lib/harness.mjs';

const FORGOT = '/api/v1/auth/password/forgot';
const BODY = '{"email":"framing@example.com"}';

function assertBadRequestAndClose(conn, responses, label) {
	assert.ok(responses.length >= 1, `${label}: a response (got ${JSON.stringify(conn.data)})`);
	const r = responses[0];
	assert.equal(r.status, 400, `${label}: status (got ${JSON.stringify(conn.data)})`);
	assert.match(String(r.headers.connection || ''), /close/i, `${label}: Connection: close`);
	let json = null;
	try {
		json = JSON.parse(r.body);
	} catch {
		/* checked below */
	}
	assert.equal(json?.error?.code, 'bad_request', `${label}: error body ${r.body}`);
	assert.ok(r.headers['x-request-id'], `${label}: X-Request-Id`);
	assert.equal(responses.length, 1, `${label}: exactly one response`);
}

describe('HTTP framing', { timeout: 90000 }, () => {
	let srv;
	const open = [];

	async function connect() {
		const conn = await rawConnect(srv.port);
		open.push(conn);
		return conn;
	}

	before(async () => {
		const db = makeDb('framing');
		await migrate(db);
		srv = await startRosterd({ db, args: ['--header-timeout', '2'] });
	});

	after(async () => {
		for (const conn of open) conn.end();
		if (srv) await srv.stop();
	});

	test('keep-alive: two sequential GET /healthz on one socket are both answered 200', async () => {
		const conn = await connect();
		await conn.write('GET /healthz HTTP/1.1\r\nHost: roster.test\r\n\r\n');
		let rs = await conn.waitResponses(1);
		assert.equal(rs.length, 1, conn.data);
		assert.equal(rs[0].status, 200);
		assert.deepEqual(JSON.parse(rs[0].body), { status: 'ok' });
		assert.equal(conn.closed, false, 'connection kept open');
		await conn.write('GET /healthz HTTP/1.1\r\nHost: roster.test\r\n\r\n');
		rs = await conn.waitResponses(2);
		assert.equal(rs.length, 2, conn.data);
		assert.equal(rs[1].status, 200);
		assert.notEqual(rs[0].headers['x-request-id'], rs[1].headers['x-request-id']);
	});

	test('a valid chunked POST (body split over several chunks) is answered 202', async () => {
		const conn = await connect();
		const parts = [BODY.slice(0, 5), BODY.slice(5, 20), BODY.slice(20)];
		const chunks = parts.map((p) => `${Buffer.byteLength(p).toString(16)}\r\n${p}\r\n`).join('');
		await conn.write(
			`POST ${FORGOT} HTTP/1.1\r\nHost: roster.test\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunks}0\r\n\r\n`,
		);
		const rs = await conn.waitResponses(1);
		assert.equal(rs[0]?.status, 202, conn.data);
	});

	for (const [label, cls] of [
		['two equal Content-Length headers', ['Content-Length: 2', 'Content-Length: 2']],
		['two different Content-Length headers', ['Content-Length: 2', 'Content-Length: 40']],
	]) {
		test(`${label} → 400 bad_request, Connection: close, and the connection closes`, async () => {
			const conn = await connect();
			await conn.write(`POST ${FORGOT} HTTP/1.1\r\nHost: roster.test\r\nContent-Type: application/json\r\n${cls.join('\r\n')}\r\n\r\n{}`);
			const closed = await conn.waitClosed(5000);
			assertBadRequestAndClose(conn, conn.responses(), label);
			assert.ok(closed, `${label}: the server closed the connection`);
		});
	}

	for (const [label, headers] of [
		['Content-Length then Transfer-Encoding: chunked', ['Content-Length: 49', 'Transfer-Encoding: chunked']],
		['Transfer-Encoding: chunked then Content-Length', ['Transfer-Encoding: chunked', 'Content-Length: 49']],
	]) {
		test(`${label} → 400 + close, and a request smuggled in the body gets no response`, async () => {
			const conn = await connect();
			const smuggled = 'GET /healthz HTTP/1.1\r\nHost: roster.test\r\n\r\n';
			const body = `0\r\n\r\n${smuggled}`;
			assert.equal(body.length, 49);
			await conn.write(`POST ${FORGOT} HTTP/1.1\r\nHost: roster.test\r\nContent-Type: application/json\r\n${headers.join('\r\n')}\r\n\r\n${body}`);
			const closed = await conn.waitClosed(5000);
			const rs = conn.responses();
			assertBadRequestAndClose(conn, rs, label);
			assert.ok(!rs.some((r) => r.status === 200), 'no 200 for the smuggled GET /healthz');
			assert.ok(closed, 'the server closed the connection');
		});
	}

	for (const te of ['gzip', 'chunked, identity', 'gzip, chunked', 'xchunked', 'identity', 'chunked, chunked']) {
		test(`Transfer-Encoding: ${te} → 400 bad_request + close`, async () => {
			const conn = await connect();
			await conn.write(`POST ${FORGOT} HTTP/1.1\r\nHost: roster.test\r\nContent-Type: application/json\r\nTransfer-Encoding: ${te}\r\n\r\n2\r\n{}\r\n0\r\n\r\n`);
			const closed = await conn.waitClosed(5000);
			assertBadRequestAndClose(conn, conn.responses(), `TE ${te}`);
			assert.ok(closed, 'the server closed the connection');
		});
	}

	for (const [label, line] of [
		['a space inside a header name', 'X Bad: 1'],
		['a space between header name and colon', 'X-Bad : 1'],
		['a control character in a header name', 'X-\x01Bad: 1'],
		['a tab inside a header name', 'X\tBad: 1'],
	]) {
		test(`${label} → no 2xx and no second response (400 or the connection closed)`, async () => {
			const conn = await connect();
			// A valid request pipelined after the bad one must not be answered either.
			await conn.write(
				`GET /healthz HTTP/1.1\r\nHost: roster.test\r\n${line}\r\n\r\nGET /healthz HTTP/1.1\r\nHost: roster.test\r\n\r\n`,
			);
			const closed = await conn.waitClosed(5000);
			const rs = conn.responses();
			assert.ok(closed, `the server closed the connection (got ${JSON.stringify(conn.data)})`);
			assert.ok(rs.length <= 1, `at most one response (got ${JSON.stringify(conn.data)})`);
			for (const r of rs) assert.equal(r.status, 400, `no 2xx: ${JSON.stringify(conn.data)}`);
		});
	}

	// Requests so malformed that libmicrohttpd refuses them itself, before
	// roster sees them: its own plain error page, never a 2xx, and the
	// connection is closed. (docs/deployment.md lists these.)
	for (const [label, request, status] of [
		['a header line without a colon', 'GET /healthz HTTP/1.1\r\nHost: roster.test\r\nNoColonHere\r\n\r\n', 400],
		['an HTTP/1.1 request without Host', 'GET /healthz HTTP/1.1\r\n\r\n', 400],
		['headers of 40 KB', `GET /healthz HTTP/1.1\r\nHost: roster.test\r\nX-Big: ${'a'.repeat(40000)}\r\n\r\n`, 431],
		['HTTP/9.9', 'GET /healthz HTTP/9.9\r\nHost: roster.test\r\n\r\n', 505],
	]) {
		test(`${label} → ${status} from the HTTP library, and the connection closes`, async () => {
			const conn = await connect();
			await conn.write(request);
			await conn.waitClosed(5000);
			const got = JSON.stringify(conn.data.slice(0, 400));
			const first = /^HTTP\/1\.[01] (\d{3})/.exec(conn.data);
			assert.ok(first, `a status line (got ${got})`);
			assert.equal(Number(first[1]), status, got);
			assert.ok(!/HTTP\/1\.[01] 2\d\d/.test(conn.data), `no 2xx anywhere (got ${got})`);
		});
	}

	test('slow headers: one header line every 700 ms → the server cuts the connection after --header-timeout 2 s, before the headers are complete', async (t) => {
		const conn = await connect();
		const start = Date.now();
		await conn.write(`GET /healthz HTTP/1.1\r\n`);
		let sent = 0;
		const total = 12; // 12 × 700 ms = 8.4 s if never cut off
		while (sent < total && !conn.closed) {
			await Promise.race([delay(700), conn.closedP]);
			if (conn.closed) break;
			if (!(await conn.write(`X-Trickle-${sent}: ${'y'.repeat(10)}\r\n`))) break;
			sent++;
		}
		if (!conn.closed) await conn.write('\r\n');
		await conn.waitClosed(3000);
		assert.ok(conn.closed, 'connection closed by the server');
		const elapsed = conn.closedAt - start;
		t.diagnostic(`closed after ${elapsed} ms, ${sent} header lines sent`);
		assert.ok(sent < total, `cut off before all ${total} header lines were sent (sent ${sent})`);
		assert.ok(elapsed >= 1500 && elapsed <= 5000, `closed after ${elapsed} ms, expected about 2 s (2–5 s)`);
		for (const r of conn.responses()) assert.ok(r.status >= 400, `no success answer: ${r.status}`);
	});

	test('a slow body is not cut off by the header timeout: headers at once, the body over ~3 s → 202', async () => {
		const conn = await connect();
		await conn.write(`POST ${FORGOT} HTTP/1.1\r\nHost: roster.test\r\nContent-Type: application/json\r\nContent-Length: ${BODY.length}\r\nConnection: close\r\n\r\n`);
		const pieces = [BODY.slice(0, 8), BODY.slice(8, 16), BODY.slice(16, 24), BODY.slice(24)];
		for (const p of pieces) {
			await delay(750);
			assert.ok(!conn.closed, `connection still open while the body trickles (got ${JSON.stringify(conn.data)})`);
			await conn.write(p);
		}
		const rs = await conn.waitResponses(1);
		assert.equal(rs[0]?.status, 202, conn.data);
	});

	test('after all of that the server still answers', async () => {
		const conn = await connect();
		await conn.write('GET /healthz HTTP/1.1\r\nHost: roster.test\r\nConnection: close\r\n\r\n');
		const rs = await conn.waitResponses(1);
		assert.equal(rs[0]?.status, 200, conn.data);
	});
});
