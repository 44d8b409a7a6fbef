// Slow bodies and connections per address, over raw sockets on loopback:
// a body that stalls is cut at ROSTER_BODY_TIMEOUT, one below
// ROSTER_BODY_MIN_RATE is cut early, a fast large one is not cut; the
// per-address limit refuses the next connection from a full address (its
// connections mid-body included) while other addresses are served, counts
// trusted proxies out, and five busy addresses cannot fill the server.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeDb, migrate, startRosterd, rawConnect, delay, poll } from './lib/harness.mjs';

const FORGOT = '/api/v1/auth/password/forgot';

function postHead(length, extra = '') {
	return `POST ${FORGOT} HTTP/1.1\r\nHost: roster.test\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n${extra}\r\n`;
}

// A JSON body of exactly n bytes: {"email":"…@example.com","pad":"xxxx…"} (unknown_field once complete).
function jsonBody(n) {
	const head = '{"email":"slow@example.com","pad":"';
	return head + 'x'.repeat(n - head.length - 2) + '"}';
}

async function healthz(port, localAddress) {
	const conn = await rawConnect(port, { localAddress });
	await conn.write('GET /healthz HTTP/1.1\r\nHost: roster.test\r\nConnection: close\r\n\r\n');
	const rs = await conn.waitResponses(1, 5000);
	conn.end();
	return rs[0]?.status;
}

describe('slow request bodies', { timeout: 90000 }, () => {
	const open = [];
	let stall; // --body-timeout 3, no minimum rate
	let rate; // --body-timeout 20, the default minimum rate (1024 B/s after 5 s)

	async function connect(srv, localAddress) {
		const conn = await rawConnect(srv.port, { localAddress });
		open.push(conn);
		return conn;
	}

	before(async () => {
		const db = makeDb('slowbody');
		await migrate(db);
		[stall, rate] = await Promise.all([
			startRosterd({ db, args: ['--body-timeout', '3', '--body-min-rate', '0'] }),
			startRosterd({ db, args: ['--body-timeout', '20'] }),
		]);
	});

	after(async () => {
		for (const conn of open) conn.end();
		if (stall) await stall.stop();
		if (rate) await rate.stop();
	});

	test('a body that stalls after its first bytes is cut at the body deadline (3 s), and logged', async (t) => {
		const conn = await connect(stall);
		const start = Date.now();
		await conn.write(postHead(100) + '{"email":');
		const closed = await conn.waitClosed(8000);
		const elapsed = conn.closedAt - start;
		t.diagnostic(`closed after ${elapsed} ms`);
		assert.ok(closed, 'the server closed the connection');
		assert.ok(elapsed >= 2500 && elapsed <= 6000, `closed after ${elapsed} ms, expected about 3 s`);
		assert.ok(!conn.responses().some((r) => r.status < 400), conn.data);
		await poll(() => stall.logLines().some((l) => l.event === 'body_timeout' && l.received === 9), { what: 'a body_timeout line' });
	});

	test('a body trickling under the deadline but always moving is still cut at it (the deadline is total)', async () => {
		const conn = await connect(stall);
		const start = Date.now();
		await conn.write(postHead(200));
		for (let i = 0; i < 12 && !conn.closed; i++) {
			await Promise.race([delay(500), conn.closedP]);
			if (!conn.closed) await conn.write('xxxx');
		}
		await conn.waitClosed(5000);
		assert.ok(conn.closed);
		const elapsed = conn.closedAt - start;
		assert.ok(elapsed >= 2500 && elapsed <= 6000, `closed after ${elapsed} ms`);
	});

	test('a body below the minimum rate (about 100 B/s) is cut after the grace, long before the 20 s deadline', async (t) => {
		const conn = await connect(rate);
		const start = Date.now();
		await conn.write(postHead(100000));
		let sent = 0;
		while (!conn.closed && Date.now() - start < 15000) {
			await Promise.race([delay(250), conn.closedP]);
			if (!conn.closed && (await conn.write('x'.repeat(25)))) sent += 25;
		}
		const elapsed = conn.closedAt - start;
		t.diagnostic(`closed after ${elapsed} ms, ${sent} bytes sent`);
		assert.ok(conn.closed, 'the server closed the connection');
		assert.ok(elapsed >= 4500 && elapsed <= 8000, `closed after ${elapsed} ms, expected just past 5 s`);
		await poll(() => rate.logLines().some((l) => l.event === 'body_too_slow'), { what: 'a body_too_slow line' });
	});

	test('a small body that is complete within the grace is never too slow (31 bytes over 3 s) → 202', async () => {
		const body = '{"email":"framing@example.com"}';
		const conn = await connect(rate);
		await conn.write(postHead(body.length, 'Connection: close\r\n'));
		for (const p of [body.slice(0, 10), body.slice(10, 20), body.slice(20)]) {
			await delay(1000);
			assert.ok(!conn.closed, 'still open');
			await conn.write(p);
		}
		const rs = await conn.waitResponses(1);
		assert.equal(rs[0]?.status, 202, conn.data);
	});

	test('a fast large body (1 MB at once) is not cut: it gets its answer', async () => {
		const body = jsonBody(1000000);
		const conn = await connect(rate);
		await conn.write(postHead(body.length, 'Connection: close\r\n') + body);
		const rs = await conn.waitResponses(1, 10000);
		assert.equal(rs[0]?.status, 400, conn.data.slice(0, 300));
		assert.equal(JSON.parse(rs[0].body).error.code, 'unknown_field');
	});

	test('a steady body above the minimum rate over 7 s (about 4 KB/s) is not cut', async () => {
		const body = jsonBody(28000);
		const conn = await connect(rate);
		await conn.write(postHead(body.length, 'Connection: close\r\n'));
		for (let off = 0; off < body.length; off += 1000) {
			await delay(250);
			assert.ok(!conn.closed, `cut off after ${off} bytes`);
			await conn.write(body.slice(off, off + 1000));
		}
		const rs = await conn.waitResponses(1, 5000);
		assert.equal(rs[0]?.status, 400, conn.data.slice(0, 300));
		assert.equal(JSON.parse(rs[0].body).error.code, 'unknown_field');
	});

	test('a chunked body that stalls is cut at the deadline too', async () => {
		const conn = await connect(stall);
		const start = Date.now();
		await conn.write(`POST ${FORGOT} HTTP/1.1\r\nHost: roster.test\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{"em`);
		await conn.waitClosed(8000);
		assert.ok(conn.closed);
		const elapsed = conn.closedAt - start;
		assert.ok(elapsed >= 2500 && elapsed <= 6000, `closed after ${elapsed} ms`);
	});

	test('a 413 body being drained is held to the deadline as well', async () => {
		const conn = await connect(stall);
		const start = Date.now();
		await conn.write(postHead(2 * 1024 * 1024) + 'x'.repeat(1000));
		await conn.waitClosed(8000);
		assert.ok(conn.closed);
		assert.ok(conn.closedAt - start <= 6000, `closed after ${conn.closedAt - start} ms`);
	});

	test('the servers still answer', async () => {
		assert.equal(await healthz(stall.port), 200);
		assert.equal(await healthz(rate.port), 200);
	});
});

describe('connections per address', { timeout: 90000 }, () => {
	const open = [];
	let srv; // 5 per address
	let proxied; // 2 per address, 127.0.0.1 a trusted proxy
	let five; // 60 in all, 10 per address

	async function connect(s, localAddress) {
		const conn = await rawConnect(s.port, { localAddress });
		open.push(conn);
		return conn;
	}

	// A connection the server accepted and keeps: it answers /healthz on it (keep-alive).
	async function kept(s, localAddress) {
		const conn = await connect(s, localAddress);
		await conn.write('GET /healthz HTTP/1.1\r\nHost: roster.test\r\n\r\n');
		const rs = await conn.waitResponses(1, 3000);
		assert.equal(rs[0]?.status, 200, `${localAddress}: ${JSON.stringify(conn.data)}`);
		return conn;
	}

	// A connection in the middle of a body.
	async function midBody(s, localAddress) {
		const conn = await connect(s, localAddress);
		await conn.write(postHead(5000) + '{"email":');
		return conn;
	}

	// Refused at accept: closed at once, nothing answered.
	async function assertRefused(s, localAddress, label) {
		const conn = await connect(s, localAddress);
		await conn.write('GET /healthz HTTP/1.1\r\nHost: roster.test\r\n\r\n');
		const closed = await conn.waitClosed(3000);
		assert.ok(closed, `${label}: closed by the server`);
		assert.equal(conn.responses().length, 0, `${label}: no answer (got ${JSON.stringify(conn.data)})`);
	}

	before(async () => {
		const db = makeDb('peraddr');
		await migrate(db);
		[srv, proxied, five] = await Promise.all([
			startRosterd({ db, args: ['--max-connections-per-address', '5', '--body-timeout', '60', '--body-min-rate', '0'] }),
			startRosterd({ db, args: ['--max-connections-per-address', '2', '--trusted-proxies', '127.0.0.1'] }),
			startRosterd({ db, args: ['--max-connections', '60', '--max-connections-per-address', '10', '--body-timeout', '60', '--body-min-rate', '0'] }),
		]);
	});

	after(async () => {
		for (const conn of open) conn.end();
		for (const s of [srv, proxied, five]) if (s) await s.stop();
	});

	test('5 connections from 127.0.0.1 (3 mid-body, 2 idle keep-alive) → the 6th is refused, 127.0.0.2 is served', async () => {
		const held = [];
		for (let i = 0; i < 3; i++) held.push(await midBody(srv, '127.0.0.1'));
		for (let i = 0; i < 2; i++) held.push(await kept(srv, '127.0.0.1'));
		await delay(100);
		assert.ok(held.every((x) => !x.closed), 'the five are open');
		await assertRefused(srv, '127.0.0.1', 'the 6th from 127.0.0.1');
		assert.equal(await healthz(srv.port, '127.0.0.2'), 200);
		await poll(() => srv.logLines().some((l) => l.event === 'connection_refused' && l.client === '127.0.0.1'), { what: 'a connection_refused line' });
		// One of them closes: 127.0.0.1 gets a connection again.
		held[0].end();
		await poll(async () => (await healthz(srv.port, '127.0.0.1').catch(() => 0)) === 200, { timeoutMs: 3000, what: 'a free slot' });
		for (const x of held) x.end();
	});

	test('the limit counts each address: 127.0.0.3 holds 5 while 127.0.0.4 is served', async () => {
		const held = [];
		for (let i = 0; i < 5; i++) held.push(await midBody(srv, '127.0.0.3'));
		await delay(100);
		await assertRefused(srv, '127.0.0.3', 'the 6th from 127.0.0.3');
		assert.equal(await healthz(srv.port, '127.0.0.4'), 200);
		for (const x of held) x.end();
	});

	test('a trusted proxy (127.0.0.1) is not limited per address; others are (127.0.0.2: 2)', async () => {
		const held = [];
		for (let i = 0; i < 4; i++) held.push(await midBody(proxied, '127.0.0.1'));
		held.push(await kept(proxied, '127.0.0.1'));
		for (let i = 0; i < 2; i++) held.push(await midBody(proxied, '127.0.0.2'));
		await delay(100);
		await assertRefused(proxied, '127.0.0.2', 'the 3rd from 127.0.0.2');
		assert.equal(await healthz(proxied.port, '127.0.0.1'), 200);
		for (const x of held) x.end();
	});

	test('five addresses each opening 15 slow connections (60 in all, 10 per address) → 127.0.0.6 still gets /healthz', async (t) => {
		const conns = [];
		for (let a = 1; a <= 5; a++) {
			const batch = [];
			for (let i = 0; i < 15; i++) batch.push(connect(five, `127.0.0.${a}`).then(async (x) => (await x.write(postHead(5000) + '{'), x)));
			conns.push(...(await Promise.all(batch)));
		}
		await delay(500);
		const alive = conns.filter((x) => !x.closed).length;
		t.diagnostic(`${alive} of ${conns.length} slow connections held`);
		assert.equal(alive, 50, 'ten per address held, the rest refused');
		const start = Date.now();
		assert.equal(await healthz(five.port, '127.0.0.6'), 200);
		assert.ok(Date.now() - start < 2000);
		for (const x of conns) x.end();
	});
});
