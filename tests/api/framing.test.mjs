// HTTP/1.1 framing over raw TCP: request smuggling defences (folded lines,
// bare LFs, NULs and control characters included), header syntax, chunked
// bodies, keep-alive and pipelining, and the header timeout.
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

	// The library's own limits, as docs/openapi.yaml states them: a request
	// line of 16,383 bytes is its 414; the request line and headers, plus 64
	// bytes for each header field, must fit in the connection's 16,384 bytes
	// (with room for the reply), else 431.
	async function libraryAnswer(request) {
		const conn = await connect();
		await conn.write(request);
		await conn.waitClosed(5000);
		const first = /^HTTP\/1\.[01] (\d{3})/.exec(conn.data);
		return { status: first ? Number(first[1]) : 0, json: /application\/json/.test(conn.data) };
	}
	const requestLine = (n) => `GET /${'a'.repeat(n - 'GET / HTTP/1.1'.length)} HTTP/1.1\r\nHost: roster.test\r\nConnection: close\r\n\r\n`;
	test('a request line of 16,383 bytes → 414 from the library; of 16,382 → not its 414', async () => {
		assert.deepEqual(await libraryAnswer(requestLine(16383)), { status: 414, json: false });
		assert.notEqual((await libraryAnswer(requestLine(16382))).status, 414);
		assert.deepEqual(await libraryAnswer(requestLine(4000)), { status: 414, json: true }, "roster's own 414 past 2 KiB");
	});

	for (const fields of [3, 10, 50]) {
		test(`${fields} header fields: answered at 15,360 bytes counting 64 per field, 431 from the library past 16,384`, async () => {
			const sized = (counted) => {
				const total = counted - 64 * fields;
				const head = `GET /healthz HTTP/1.1\r\nHost: roster.test\r\nConnection: close\r\n${Array.from({ length: fields - 3 }, (_, i) => `X-H${i}: v\r\n`).join('')}`;
				return `${head}X-Pad: ${'a'.repeat(total - head.length - 'X-Pad: \r\n\r\n'.length)}\r\n\r\n`;
			};
			assert.deepEqual(await libraryAnswer(sized(15360)), { status: 200, json: true });
			assert.deepEqual(await libraryAnswer(sized(16450)), { status: 431, json: false });
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

	// obs-fold (RFC 9112 §5.2): libmicrohttpd 0.9.75 glues a continuation line
	// to the header *name* ("Transfer-Encoding:\r\n chunked" arrives as a header
	// "Transfer-Encodingchunked"), so the framing a proxy reads is not the
	// one the library would apply. Every folded framing header is refused
	// before its body, and a request smuggled in the body gets no answer.
	const smuggled = 'GET /healthz HTTP/1.1\r\nHost: roster.test\r\n\r\n';
	for (const name of ['Transfer-Encoding', 'transfer-encoding', 'TRANSFER-ENCODING', 'Content-Length', 'content-Length']) {
		const te = /transfer/i.test(name);
		for (const [sepLabel, sep] of [['space', ' '], ['tab', '\t'], ['spaces and tabs', ' \t ']]) {
			for (const first of [false, true]) {
				const line = te
					? `${name}:${first ? ' chunked' : ''}\r\n${sep}${first ? 'x' : 'chunked'}`
					: `${name}:${first ? ' 5' : ''}\r\n${sep}${first ? '0' : '5'}`;
				const body = te ? `0\r\n\r\n${smuggled}` : `{"a":${smuggled}`;
				test(`folded ${name} (${sepLabel}, ${first ? 'with' : 'without'} a first value) → 400 + close, the smuggled request unanswered`, async () => {
					const conn = await connect();
					await conn.write(`POST ${FORGOT} HTTP/1.1\r\nHost: roster.test\r\nContent-Type: application/json\r\n${line}\r\n\r\n${body}`);
					const closed = await conn.waitClosed(5000);
					const rs = conn.responses();
					assertBadRequestAndClose(conn, rs, JSON.stringify(line));
					assert.ok(!rs.some((r) => r.status === 200), 'no 200 for the smuggled GET /healthz');
					assert.ok(closed, 'the server closed the connection');
				});
			}
		}
	}

	// What libmicrohttpd hands over shows every other folded line, a bare LF
	// and a NUL byte through where its strings lie (docs/deployment.md §4).
	for (const [label, head] of [
		['a folded line (space)', 'Host: roster.test\r\nX-A: a\r\n b\r\n'],
		['a folded line (tab)', 'Host: roster.test\r\nX-A: a\r\n\tb\r\n'],
		['a folded line without a first value', 'Host: roster.test\r\nX-A:\r\n b\r\n'],
		['a line folded twice', 'Host: roster.test\r\nX-A: a\r\n b\r\n c\r\n'],
		['a folded first header', 'X-A: a\r\n b\r\nHost: roster.test\r\n'],
		['a folded last header', 'Host: roster.test\r\nX-A: a\r\n b\r\n'],
		['a bare LF ending a header line', 'Host: roster.test\nX-A: 1\r\n'],
		['a bare LF ending the last header line', 'Host: roster.test\n'],
		['a NUL in a header value', 'X-A: a\0Transfer-Encoding: chunked\r\nHost: roster.test\r\n'],
		['a NUL in the last header value', 'Host: roster.test\r\nX-A: a\0b\r\n'],
		['a bare CR in a header value', 'Host: roster.test\r\nX-A: a\rb\r\n'],
		['a bare CR ending a header value', 'Host: roster.test\r\nX-A: a\r\r\n'],
		['a control character in a header value', 'Host: roster.test\r\nX-A: a\x01b\r\n'],
		['ESC in a header value', 'Host: roster.test\r\nX-A: \x1b[31m\r\n'],
		['DEL in a header value', 'Host: roster.test\r\nX-A: a\x7f\r\n'],
	]) {
		test(`${label} → 400 bad_request + close, and nothing pipelined after it runs`, async () => {
			const conn = await connect();
			await conn.write(`GET /healthz HTTP/1.1\r\n${head}\r\n${smuggled}`);
			const closed = await conn.waitClosed(5000);
			assertBadRequestAndClose(conn, conn.responses(), label);
			assert.ok(closed, 'the server closed the connection');
		});
	}

	test('a folded Host → 400 from the HTTP library (the name it sees is "Hostroster.test": no Host) + close', async () => {
		const conn = await connect();
		await conn.write(`GET /healthz HTTP/1.1\r\nHost:\r\n roster.test\r\n\r\n${smuggled}`);
		const closed = await conn.waitClosed(5000);
		const rs = conn.responses();
		assert.deepEqual(rs.map((r) => r.status), [400], conn.data);
		assert.ok(closed, 'the server closed the connection');
	});

	for (const [label, line] of [
		['a bare LF ending the request line', 'GET /healthz HTTP/1.1\n'],
		['a NUL in the request target', 'GET /healthz\0/x HTTP/1.1\r\n'],
		['a control character in the request target', 'GET /healthz\x01 HTTP/1.1\r\n'],
		['DEL in the request target', 'GET /healthz?a=\x7f HTTP/1.1\r\n'],
		['a bare CR in the request target', 'GET /healthz\r HTTP/1.1\r\n'],
	]) {
		test(`${label} → 400 bad_request + close`, async () => {
			const conn = await connect();
			await conn.write(`${line}Host: roster.test\r\n\r\n`);
			const closed = await conn.waitClosed(5000);
			assertBadRequestAndClose(conn, conn.responses(), label);
			assert.ok(closed, 'the server closed the connection');
		});
	}

	// The layout check must never refuse a valid request.
	test('a tab, obs-text and empty values are fine: 200', async () => {
		const conn = await connect();
		await conn.write('GET /healthz HTTP/1.1\r\nHost: roster.test\r\nX-Tab: a\tb\r\nX-Latin: caf\xe9\r\nX-Empty:\r\nX-Blank: \t \r\nX-Tight:x\r\nConnection: close\r\n\r\n');
		const rs = await conn.waitResponses(1);
		assert.equal(rs[0]?.status, 200, conn.data);
	});

	test('three pipelined requests in one write, then a fourth: all 200, in order', async () => {
		const conn = await connect();
		const get = (id) => `GET /healthz HTTP/1.1\r\nHost: roster.test\r\nX-Probe: ${id}\r\nX-Empty:\r\n\r\n`;
		await conn.write(get(1) + `POST ${FORGOT} HTTP/1.1\r\nHost: roster.test\r\nContent-Type: application/json\r\nContent-Length: ${BODY.length}\r\n\r\n${BODY}` + get(3));
		let rs = await conn.waitResponses(3);
		assert.deepEqual(rs.map((r) => r.status), [200, 202, 200], conn.data);
		await conn.write(get(4));
		rs = await conn.waitResponses(4);
		assert.equal(rs[3]?.status, 200, conn.data);
		assert.equal(conn.closed, false);
	});

	test('a request written a few bytes at a time (split inside names, values and CR LF) → 200', async () => {
		const conn = await connect();
		const req = `GET /healthz HTTP/1.1\r\nHost: roster.test\r\nX-Long-Name: ${'v'.repeat(50)}\r\nX-B: b\r\nConnection: close\r\n\r\n`;
		for (let i = 0; i < req.length; i += 7) {
			await conn.write(req.slice(i, i + 7));
			await delay(5);
		}
		const rs = await conn.waitResponses(1);
		assert.equal(rs[0]?.status, 200, conn.data);
	});

	test('a CR and its LF in separate writes, twice in a row → 200', async () => {
		const conn = await connect();
		for (const piece of ['GET /healthz HTTP/1.1\r', '\nHost: roster.test\r', '\n', 'Connection: close\r\n\r', '\n']) {
			await conn.write(piece);
			await delay(20);
		}
		const rs = await conn.waitResponses(1);
		assert.equal(rs[0]?.status, 200, conn.data);
	});

	test('12 KB of headers (the read buffer grows) after a pipelined request → both 200', async () => {
		const conn = await connect();
		const pads = Array.from({ length: 48 }, (_, i) => `X-Pad-${i}: ${'p'.repeat(240)}\r\n`).join('');
		await conn.write(`GET /healthz HTTP/1.1\r\nHost: roster.test\r\n\r\nGET /healthz HTTP/1.1\r\nHost: roster.test\r\n${pads}Connection: close\r\n\r\n`);
		const rs = await conn.waitResponses(2);
		assert.deepEqual(rs.map((r) => r.status), [200, 200], conn.data.slice(0, 300));
	});

	test('an empty line before the request line is tolerated (RFC 9112 §2.2) → 200', async () => {
		const conn = await connect();
		await conn.write('\r\nGET /healthz HTTP/1.1\r\nHost: roster.test\r\nConnection: close\r\n\r\n');
		const rs = await conn.waitResponses(1);
		assert.equal(rs[0]?.status, 200, conn.data);
	});

	test('keep-alive: a valid request, then a folded one on the same socket → 200, then 400 + close', async () => {
		const conn = await connect();
		await conn.write('GET /healthz HTTP/1.1\r\nHost: roster.test\r\n\r\n');
		await conn.waitResponses(1);
		await conn.write('GET /healthz HTTP/1.1\r\nHost: roster.test\r\nX-A: a\r\n b\r\n\r\n');
		await conn.waitClosed(5000);
		const rs = conn.responses();
		assert.deepEqual(rs.map((r) => r.status), [200, 400], conn.data);
		assert.match(String(rs[1].headers.connection), /close/i);
	});

	// A body where a route takes none: refused after the body is read, and the
	// connection stays usable (its framing was fine).
	test('a chunked body on GET /healthz → 400 body_not_allowed; an empty chunked body → 200; the socket lives on', async () => {
		const conn = await connect();
		await conn.write('GET /healthz HTTP/1.1\r\nHost: roster.test\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n');
		let rs = await conn.waitResponses(1);
		assert.equal(rs[0]?.status, 400, conn.data);
		assert.equal(JSON.parse(rs[0].body).error.code, 'body_not_allowed');
		await conn.write('GET /healthz HTTP/1.1\r\nHost: roster.test\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n');
		rs = await conn.waitResponses(2);
		assert.equal(rs[1]?.status, 200, conn.data);
		await conn.write('GET /healthz HTTP/1.1\r\nHost: roster.test\r\nContent-Length: 0\r\n\r\n');
		rs = await conn.waitResponses(3);
		assert.equal(rs[2]?.status, 200, conn.data);
	});

	test('after all of that the server still answers', async () => {
		const conn = await connect();
		await conn.write('GET /healthz HTTP/1.1\r\nHost: roster.test\r\nConnection: close\r\n\r\n');
		const rs = await conn.waitResponses(1);
		assert.equal(rs[0]?.status, 200, conn.data);
	});
});
