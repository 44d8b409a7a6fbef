// The console's files as rosterd serves them: index.html for every path
// outside the API (no-store, ETag and 304), hashed assets cached for good,
// gzip when the client takes it, the security headers on every console
// answer, 404 for a file that is not there, and the API's JSON untouched.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { makeDb, migrate, startRosterd, api } from './lib/harness.mjs';

function raw(base, path, headers = {}, method = 'GET') {
	const u = new URL(path, base);
	return new Promise((resolve, reject) => {
		const r = http.request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method, headers, agent: false }, (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
		});
		r.on('error', reject);
		r.end();
	});
}

function assertConsoleHeaders(res, what) {
	const csp = res.headers['content-security-policy'] || '';
	assert.match(csp, /frame-ancestors 'none'/, `${what}: CSP forbids framing`);
	assert.match(csp, /script-src 'self'(;|$)/, `${what}: only the console's own scripts`);
	assert.match(csp, /style-src 'self'(;|$)/, `${what}: only its own styles`);
	assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, `${what}: no inline script, no eval`);
	assert.equal(res.headers['referrer-policy'], 'no-referrer', `${what}: tokens in links never leak through Referer`);
	assert.equal(res.headers['x-content-type-options'], 'nosniff', what);
	assert.equal(res.headers.vary, 'Accept-Encoding', what);
}

describe('console files', { timeout: 60000 }, () => {
	let srv;
	let index;
	let js;
	let css;

	before(async () => {
		const db = makeDb('console');
		await migrate(db);
		srv = await startRosterd({ db });
		index = await raw(srv.base, '/');
		js = String(index.body).match(/src="(\/assets\/app-[A-Z0-9]{8}\.js)"/)?.[1];
		css = String(index.body).match(/href="(\/assets\/app-[0-9a-f]{12}\.css)"/)?.[1];
	});

	after(async () => {
		if (srv) await srv.stop();
	});

	test('GET / is the console page: HTML, not cached, with an ETag and the security headers', () => {
		assert.equal(index.status, 200);
		assert.equal(index.headers['content-type'], 'text/html; charset=utf-8');
		assert.equal(index.headers['cache-control'], 'no-store');
		assert.match(index.headers.etag, /^"[0-9a-f]{16}"$/);
		assertConsoleHeaders(index, 'index.html');
		assert.match(String(index.body), /<div id="app"><\/div>/);
		assert.ok(js && css, 'the page names its script and its style sheet');
		assert.doesNotMatch(String(index.body), /<script>(?!<\/script>)/, 'no inline script');
	});

	test('every console route falls back to the page, the links from the emails included', async () => {
		for (const path of ['/set-password?token=abc', '/reset-password?token=x', '/orgs/org_x/members', '/settings', '/sign-in', '/invite/tok']) {
			const res = await raw(srv.base, path);
			assert.equal(res.status, 200, path);
			assert.equal(res.headers.etag, index.headers.etag, path);
			assert.deepEqual(res.body, index.body, path);
		}
		const head = await raw(srv.base, '/users', {}, 'HEAD');
		assert.equal(head.status, 200);
		assert.equal(head.body.length, 0);
	});

	test('If-None-Match with the ETag answers 304 without a body', async () => {
		const res = await raw(srv.base, '/', { 'If-None-Match': index.headers.etag });
		assert.equal(res.status, 304);
		assert.equal(res.body.length, 0);
		const other = await raw(srv.base, '/', { 'If-None-Match': '"0000000000000000"' });
		assert.equal(other.status, 200);
	});

	test('hashed assets: their type, cached for good, gzip when asked for and only then', async () => {
		for (const [path, type] of [
			[js, 'text/javascript; charset=utf-8'],
			[css, 'text/css; charset=utf-8'],
		]) {
			const plain = await raw(srv.base, path);
			assert.equal(plain.status, 200, path);
			assert.equal(plain.headers['content-type'], type, path);
			assert.equal(plain.headers['cache-control'], 'public, max-age=31536000, immutable', path);
			assert.equal(plain.headers['content-encoding'], undefined, `${path}: no gzip unless asked for`);
			assertConsoleHeaders(plain, path);
			const gz = await raw(srv.base, path, { 'Accept-Encoding': 'br, gzip;q=0.8' });
			assert.equal(gz.headers['content-encoding'], 'gzip', path);
			assert.ok(gz.body.length < plain.body.length, `${path}: smaller gzipped`);
			assert.deepEqual(gunzipSync(gz.body), plain.body, `${path}: the same file`);
			const refused = await raw(srv.base, path, { 'Accept-Encoding': 'gzip;q=0, identity' });
			assert.equal(refused.headers['content-encoding'], undefined, `${path}: gzip;q=0 is refused`);
		}
	});

	test('a file that is not there, or a path that is no console page, is 404, never the page; the API keeps its JSON and no-store', async () => {
		for (const path of ['/assets/app-000000000000.js', '/assets/', '/assets/index.html', '/nope', '/settingsx', '/index.html']) {
			const res = await raw(srv.base, path);
			assert.equal(res.status, 404, path);
			assert.match(res.headers['content-type'], /^application\/json/, path);
			assert.equal(JSON.parse(res.body).error.code, 'not_found', path);
		}
		const c = api(srv.base);
		for (const path of ['/api/v1/nothing-here', '/api', '/api/']) {
			const res = await c.get(path, { validate: false });
			assert.equal(res.status, 404, path);
			assert.equal(res.json.error.code, 'not_found', path);
			assert.equal(res.headers['cache-control'], 'no-store', path);
			assert.equal(res.headers['content-security-policy'], undefined, path);
		}
		const me = await c.get('/api/v1/me');
		assert.equal(me.status, 401);
		const post = await raw(srv.base, '/', {}, 'POST');
		assert.equal(post.status, 404, 'only GET and HEAD are the console');
	});

	test('the committed bundle is what web/ builds', () => {
		const out = execFileSync('node', ['scripts/build-web.mjs', '--check'], { encoding: 'utf8' });
		assert.match(out, /up to date/);
	});
});
