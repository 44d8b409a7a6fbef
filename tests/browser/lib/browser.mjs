// Test harness for the console in headless Chromium, on top of the API
// harness (tests/api/lib/harness.mjs): a real rosterd with an SMTP sink and
// a fresh database, one Chromium per test file, and pages that record every
// console error, uncaught page error, failed request and HTTP answer >= 400.
// A test declares the failures it expects; anything else fails it.
//
//   import { useConsole, consoleTest, screenshots } from './lib/browser.mjs';
//   useConsole();                                // rosterd + SMTP + operator + Chromium for this file
//   consoleTest('a wrong password is refused', async ({ page, site }) => {
//   	page.expectHttp(401, '/api/v1/auth/login', { method: 'POST' });
//   	await page.goto('/');
//   	await page.getByLabel('Email').fill(site.operator.email);
//   	await page.getByLabel('Password').fill('wrong');
//   	await page.getByRole('button', { name: 'Sign in' }).click();
//   	await page.getByRole('alert').waitFor();
//   	await screenshots(page, 'sign-in-error');
//   });   // then: nothing unexpected recorded, axe on the last screen, page closed
//
// Environment (besides the API harness's ROSTER_BIN, ROSTERCTL_BIN):
//   ROSTER_CHROMIUM      the browser binary (default /usr/bin/chromium, Debian's chromium)
//   ROSTER_BROWSER_PIDS  a directory: each running browser leaves a file named
//                        after its pid there, removed when it closes, so that
//                        tests/run.sh can kill what a killed test left behind

import { test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import net from 'node:net';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { startSmtp, makeDb, migrate, startRosterd, createUser, api, email } from '../../api/lib/harness.mjs';

export const CHROMIUM = process.env.ROSTER_CHROMIUM || '/usr/bin/chromium';
export const SCREENSHOT_DIR = new URL('../../../build/screenshots/', import.meta.url).pathname;
export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 800 };
export const OPERATOR_PASSWORD = 'the operator password of the browser tests';

// The one failure every page may have without declaring it: GET
// /api/v1/me → 401, how the console learns that nobody is signed in.
export const ALWAYS_ALLOWED = [{ kind: 'http', status: 401, method: 'GET', url: '/api/v1/me', why: 'nobody signed in yet' }];

// ---- browsers, always killed --------------------------------------------

const browserPids = new Set();

process.on('exit', () => {
	for (const pid of browserPids) {
		try {
			process.kill(-pid, 'SIGKILL'); // Playwright starts the browser as a process group leader
		} catch {
			/* already gone */
		}
		forgetPid(pid);
	}
});

function rememberPid(pid) {
	browserPids.add(pid);
	if (process.env.ROSTER_BROWSER_PIDS) {
		mkdirSync(process.env.ROSTER_BROWSER_PIDS, { recursive: true });
		writeFileSync(join(process.env.ROSTER_BROWSER_PIDS, String(pid)), '');
	}
}

function forgetPid(pid) {
	browserPids.delete(pid);
	if (process.env.ROSTER_BROWSER_PIDS) rmSync(join(process.env.ROSTER_BROWSER_PIDS, String(pid)), { force: true });
}

// Starts headless Chromium (Debian's, with --no-sandbox since the tests run
// as root). browser.close() closes it and waits for its processes to end.
export async function launchBrowser({ args = [] } = {}) {
	if (!existsSync(CHROMIUM)) {
		throw new Error(
			`Chromium is not at ${CHROMIUM}: the browser tests need Debian's chromium package ` +
				'(`make test` installs it through scripts/deps.sh test; ROSTER_CHROMIUM names another binary)',
		);
	}
	const server = await chromium.launchServer({
		executablePath: CHROMIUM,
		headless: true,
		args: ['--no-sandbox', '--disable-dev-shm-usage', ...args],
	});
	const pid = server.process().pid;
	rememberPid(pid);
	let browser;
	try {
		browser = await chromium.connect(server.wsEndpoint());
	} catch (err) {
		await server.kill();
		forgetPid(pid);
		throw err;
	}
	const disconnect = browser.close.bind(browser);
	browser.close = async () => {
		await disconnect().catch(() => {});
		let timer;
		const late = new Promise((resolve) => (timer = setTimeout(resolve, 5000, false)));
		const closed = await Promise.race([server.close().then(() => true), late]);
		clearTimeout(timer);
		if (!closed) await server.kill();
		forgetPid(pid);
	};
	return browser;
}

// ---- the server --------------------------------------------------------

// A loopback port that was free a moment ago.
async function freePort() {
	const srv = net.createServer();
	await new Promise((resolve) => srv.listen(0, '127.0.0.1', resolve));
	const { port } = srv.address();
	await new Promise((resolve) => srv.close(resolve));
	return port;
}

// SMTP sink, fresh database (the engine of ROSTER_TEST_ENGINE), and rosterd
// whose --public-url is its own base, so that the links in its emails open
// this console. opts.operator (default true) first creates an operator,
// returned as operator {email, password}; args and env go to rosterd.
// Returns {base, smtp, db, rosterd, operator, consoleLink(mail, page),
// createOperator(email?, password?), stop()}.
export async function startConsole({ operator = true, args = [], env } = {}) {
	const smtp = await startSmtp();
	const db = makeDb('console');
	let rosterd;
	try {
		await migrate(db);
		// The port is picked before rosterd binds it, so another process may
		// take it in between: then rosterd exits before listening, and we retry.
		let lastErr;
		for (let attempt = 0; attempt < 3 && !rosterd; attempt++) {
			const port = await freePort();
			const publicUrl = `http://127.0.0.1:${port}`;
			try {
				rosterd = await startRosterd({ db, smtpPort: smtp.port, publicUrl, env, args: ['--listen', `127.0.0.1:${port}`, ...args] });
			} catch (err) {
				lastErr = err;
				if (!/before listening/.test(err.message)) break;
			}
		}
		if (!rosterd) throw lastErr;
	} catch (err) {
		await smtp.close();
		throw err;
	}
	const base = rosterd.base;

	async function createOperator(address = email('operator'), password = OPERATOR_PASSWORD) {
		await createUser(db, address, password);
		return { email: address, password };
	}

	const site = {
		base,
		publicUrl: base,
		smtp,
		db,
		rosterd,
		operator: operator ? await createOperator() : null,
		createOperator,
		consoleLink: (mail, page) => consoleLink(mail, page, base),
		async stop() {
			await rosterd.stop();
			await smtp.close();
		},
	};
	return site;
}

// The first link to /{page}?token=… in a mail's text part (set-password,
// reset-password, …), as a URL on base (when given) with the same path and query.
export function consoleLink(mail, page = 'set-password', base) {
	const re = new RegExp(`(https?://[^\\s/]+)(/${page}\\?token=[A-Za-z0-9_-]+)`);
	const m = re.exec(mail.text);
	if (!m) throw new Error(`no /${page}?token= link in the mail "${mail.subject}" to ${mail.to}:\n${mail.text}`);
	return base ? new URL(m[2], base).href : m[1] + m[2];
}

// ---- API sessions, to set data up quickly -----------------------------------

// Signs in through the API and returns calls carrying the bearer token
// (a bearer session needs no CSRF header). get/post/patch/put/delete answer
// {status, headers, json, text}, checked against docs/openapi.yaml as in the
// API tests; ok(method, path, body) answers the JSON and throws unless 2xx.
export async function apiSession(base, address, password) {
	const c = api(base);
	const res = await c.login(address, password);
	if (res.status !== 200) throw new Error(`login of ${address} answered ${res.status}: ${res.text}`);
	const token = res.json.token;
	const req = (method, path, o = {}) => c.req(method, path, { ...o, token });
	return {
		token,
		user: res.json.user,
		req,
		get: (path, o) => req('GET', path, o),
		post: (path, body, o = {}) => req('POST', path, { ...o, body }),
		patch: (path, body, o = {}) => req('PATCH', path, { ...o, body }),
		put: (path, body, o = {}) => req('PUT', path, { ...o, body }),
		delete: (path, o) => req('DELETE', path, o),
		async ok(method, path, body) {
			const r = await req(method, path, { body });
			if (r.status < 200 || r.status > 299) throw new Error(`${method} ${path} answered ${r.status}: ${r.text}`);
			return r.json;
		},
	};
}

// Signs a page's browser context in without the form: the login goes
// through the context's own request client, whose cookie jar the page shares.
export async function signInByApi(page, address, password) {
	const res = await page.context().request.post('/api/v1/auth/login', { data: { email: address, password } });
	if (res.status() !== 200) throw new Error(`login of ${address} answered ${res.status()}: ${await res.text()}`);
	return res.json();
}

// ---- pages that record what went wrong ----------------------------------------

const LOAD_HTTP = /^Failed to load resource: the server responded with a status of (\d{3})/;
const LOAD_NET = /^Failed to load resource: (net::\S+)/;

// A page in a new browser context (its own cookies) with base as its base
// URL (page.goto('/')), viewport (default DESKTOP) and locale (default en-US,
// which sets navigator.languages and Accept-Language). Locators wait at most
// timeoutMs (default 5 s), so that a missing element fails fast.
//
// The page records console messages of type error, uncaught errors
// (pageerror), failed requests (requestfailed) and answers with status >= 400.
// Declare what a test expects before it happens:
//   page.expectHttp(status, url, {method, optional})   an answer (url: a path,
//                                   compared with the path, and the query when
//                                   it has one; or a RegExp tried on path and query)
//   page.allowHttp(status, url, {method})              the same, optional
//   page.expectConsoleError(text, {optional})          a string (contained) or RegExp
//   page.expectPageError(text, {optional})
//   page.expectRequestFailed(url, {optional})
// Expectations are required unless optional: one that never happened fails
// too. ALWAYS_ALLOWED is allowed on every page. Chromium's own console line
// for a failed load ("Failed to load resource: …") is counted with the answer
// or failure it reports, not twice.
//   await page.assertClean()   throws, listing what was not expected (page.report())
//   await page.done()          assertClean, then closes the page's context
// consoleTest() does both itself.
export async function openPage(browser, base, { viewport = DESKTOP, locale = 'en-US', timeoutMs = 5000 } = {}) {
	const context = await browser.newContext({ baseURL: base, viewport, locale });
	context.setDefaultTimeout(timeoutMs);
	const page = await context.newPage();
	const events = [];
	const expectations = ALWAYS_ALLOWED.map((e) => ({ ...e, optional: true, seen: 0 }));
	const inflight = new Set(); // requests with no answer yet
	let recording = true;

	const record = (ev) => {
		if (recording) events.push(ev);
	};
	page.on('request', (r) => inflight.add(r));
	page.on('requestfinished', (r) => inflight.delete(r));
	page.on('console', (m) => {
		if (m.type() === 'error') record({ kind: 'console', text: m.text(), url: m.location()?.url || '' });
	});
	page.on('pageerror', (err) => record({ kind: 'pageerror', text: err.message, stack: err.stack || err.message }));
	page.on('requestfailed', (r) => {
		inflight.delete(r);
		record({ kind: 'requestfailed', method: r.method(), url: r.url(), text: r.failure()?.errorText || '' });
	});
	page.on('response', (r) => {
		inflight.delete(r.request());
		if (r.status() >= 400) record({ kind: 'http', status: r.status(), method: r.request().method(), url: r.url() });
	});

	const expect = (e) => {
		expectations.push({ ...e, optional: !!e.optional, seen: 0 });
		return page;
	};
	page.expectHttp = (status, url, { method, optional } = {}) => expect({ kind: 'http', status, url, method, optional });
	page.allowHttp = (status, url, { method } = {}) => expect({ kind: 'http', status, url, method, optional: true });
	page.expectConsoleError = (text, { optional } = {}) => expect({ kind: 'console', text, optional });
	page.expectPageError = (text, { optional } = {}) => expect({ kind: 'pageerror', text, optional });
	page.expectRequestFailed = (url, { optional } = {}) => expect({ kind: 'requestfailed', url, optional });

	// Waits until every request has its answer's headers or failed (at most
	// 2 s), then a moment for the console messages that follow an answer.
	async function settle() {
		const deadline = Date.now() + 2000;
		while (inflight.size > 0 && Date.now() < deadline) await delay(20);
		await delay(50);
	}

	// What happened that no expectation covers, and expectations never met.
	function verdict() {
		const evs = foldLoadMessages(events);
		for (const x of expectations) x.seen = 0;
		const unexpected = [];
		for (const ev of evs) {
			// A required expectation not met yet first, so that an allowance
			// never takes what a test declared.
			const x = expectations.find((e) => !e.optional && !e.seen && matches(e, ev)) || expectations.find((e) => matches(e, ev));
			if (x) x.seen++;
			else unexpected.push(ev);
		}
		const unmet = expectations.filter((e) => !e.optional && e.seen === 0);
		return { unexpected, unmet, events: evs };
	}

	// A readable account of the verdict; '' when all is well.
	page.report = () => {
		const { unexpected, unmet } = verdict();
		const lines = [];
		if (unexpected.length) {
			lines.push(`not expected (${unexpected.length}):`);
			for (const ev of unexpected) lines.push(`  - ${describeEvent(ev)}`);
		}
		if (unmet.length) {
			lines.push(`expected but did not happen (${unmet.length}):`);
			for (const e of unmet) lines.push(`  - ${describeExpectation(e)}`);
		}
		return lines.join('\n');
	};

	// Everything recorded so far, expected or not.
	page.events = () => foldLoadMessages(events);

	page.assertClean = async () => {
		await settle();
		const report = page.report();
		if (report) throw new assert.AssertionError({ message: `the page at ${safeUrl(page)}:\n${report}` });
	};

	page.done = async () => {
		try {
			await page.assertClean();
		} finally {
			await page.closeContext();
		}
	};

	// Closes the context without recording what the closing aborts.
	page.closeContext = async () => {
		recording = false;
		await context.close().catch(() => {});
	};

	return page;
}

// Chromium prints "Failed to load resource: …" on the console for every load
// that fails; pair each such line with the answer (or failure) it reports and
// drop it, or keep it as that answer when the page saw none (the browser's
// own requests, like the icon, are not page requests).
function foldLoadMessages(events) {
	const out = [];
	const used = new Set();
	for (const ev of events) {
		if (ev.kind !== 'console') continue;
		const h = LOAD_HTTP.exec(ev.text);
		const n = h ? null : LOAD_NET.exec(ev.text);
		if (!h && !n) continue;
		const twin = events.find(
			(o) => !used.has(o) && o.url === ev.url && (h ? o.kind === 'http' && o.status === Number(h[1]) : o.kind === 'requestfailed'),
		);
		if (twin) used.add(twin);
		ev.folded = twin || (h ? { kind: 'http', status: Number(h[1]), method: 'GET', url: ev.url } : { kind: 'requestfailed', method: 'GET', url: ev.url, text: n[1] });
	}
	for (const ev of events) {
		if (ev.kind === 'console' && ev.folded) {
			if (!events.includes(ev.folded)) out.push(ev.folded);
		} else out.push(ev);
	}
	for (const ev of events) delete ev.folded;
	return out;
}

function matches(e, ev) {
	if (e.kind !== ev.kind) return false;
	if (e.status !== undefined && e.status !== ev.status) return false;
	if (e.method && ev.method && e.method.toUpperCase() !== ev.method) return false;
	if (e.url !== undefined && !urlMatches(e.url, ev.url)) return false;
	if (e.text !== undefined && !(e.text instanceof RegExp ? e.text.test(ev.text) : ev.text.includes(e.text))) return false;
	return true;
}

function urlMatches(want, url) {
	let path = url;
	let query = '';
	try {
		const u = new URL(url);
		path = u.pathname;
		query = u.search;
	} catch {
		/* not absolute: compare as given */
	}
	if (want instanceof RegExp) return want.test(path + query);
	return want.includes('?') ? want === path + query : want === path;
}

function describeEvent(ev) {
	switch (ev.kind) {
		case 'http':
			return `HTTP ${ev.status} for ${ev.method} ${pathOf(ev.url)}`;
		case 'requestfailed':
			return `request failed (${ev.text}): ${ev.method} ${pathOf(ev.url)}`;
		case 'pageerror':
			return `uncaught error: ${ev.stack}`;
		default:
			return `console error: ${ev.text}${ev.url ? ` (at ${pathOf(ev.url)})` : ''}`;
	}
}

function describeExpectation(e) {
	const url = e.url instanceof RegExp ? String(e.url) : e.url;
	switch (e.kind) {
		case 'http':
			return `HTTP ${e.status} for ${e.method || 'any method'} ${url ?? 'any URL'}`;
		case 'requestfailed':
			return `a failed request to ${url ?? 'any URL'}`;
		case 'pageerror':
			return `an uncaught error ${e.text === undefined ? '' : `matching ${e.text}`}`;
		default:
			return `a console error ${e.text === undefined ? '' : `matching ${e.text}`}`;
	}
}

function pathOf(url) {
	try {
		const u = new URL(url);
		return u.pathname + u.search;
	} catch {
		return url;
	}
}

function safeUrl(page) {
	try {
		return pathOf(page.url());
	} catch {
		return '(closed)';
	}
}

// ---- accessibility and screenshots ------------------------------------------

// Runs axe on the page as it is; throws listing every violation of impact
// serious or critical. Answers axe's results.
export async function checkA11y(page, screenName) {
	const results = await new AxeBuilder({ page }).analyze();
	const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	if (bad.length) {
		const lines = [`${screenName}: ${bad.length} serious or critical accessibility violation(s):`];
		for (const v of bad) {
			lines.push(`  - [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`);
			for (const n of v.nodes.slice(0, 5)) {
				lines.push(`      ${n.target.join(' ')}: ${String(n.failureSummary || '').replace(/\s*\n\s*/g, '; ')}`);
			}
			if (v.nodes.length > 5) lines.push(`      … and ${v.nodes.length - 5} more`);
		}
		throw new assert.AssertionError({ message: lines.join('\n') });
	}
	return results;
}

// Saves build/screenshots/<name>-phone.png (375x812) and <name>-desktop.png
// (1280x800), each of the whole page, then restores the viewport. Answers
// the two paths.
export async function screenshots(page, name) {
	const safe = String(name).toLowerCase().replace(/[^a-z0-9_-]+/g, '-');
	mkdirSync(SCREENSHOT_DIR, { recursive: true });
	const original = page.viewportSize();
	const paths = [];
	try {
		for (const [label, size] of [
			['phone', PHONE],
			['desktop', DESKTOP],
		]) {
			await page.setViewportSize(size);
			await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
			const path = join(SCREENSHOT_DIR, `${safe}-${label}.png`);
			await page.screenshot({ path, fullPage: true, animations: 'disabled' });
			paths.push(path);
		}
	} finally {
		if (original) await page.setViewportSize(original);
	}
	return paths;
}

// ---- tests -----------------------------------------------------------------

let fileSite = null;

// Starts the console (startConsole(opts)) and one Chromium for the tests of
// this file (or of the describe() it is called in), stopped after them.
// Answers the site: startConsole's fields once started, browser, and
// test(name, [opts], fn), the same as consoleTest.
export function useConsole(opts = {}) {
	const site = {};
	before(
		async () => {
			Object.assign(site, await startConsole(opts));
			site.browser = await launchBrowser();
		},
		{ timeout: 30000 },
	);
	after(
		async () => {
			if (site.browser) await site.browser.close();
			if (site.stop) await site.stop();
		},
		{ timeout: 30000 },
	);
	site.test = (name, o, fn) => testOn(site, name, o, fn);
	fileSite = site;
	return site;
}

// node:test's test() with a page of the site useConsole() started:
// fn({page, site, t}) runs, then the page must be clean (page.assertClean),
// then axe checks the screen it ends on (checkA11y; opts.a11y: a screen name,
// or false to skip), then the page is closed, whatever happened. When fn
// fails, what the page recorded is printed as the test's diagnostics.
// opts: viewport, locale (openPage), a11y, timeout (default 20 s), skip, only, todo.
export function consoleTest(name, opts, fn) {
	if (!fileSite) throw new Error('consoleTest: call useConsole() first, at the top of the file');
	return testOn(fileSite, name, opts, fn);
}

function testOn(site, name, opts, fn) {
	if (typeof opts === 'function') {
		fn = opts;
		opts = {};
	}
	const { viewport, locale, a11y = true, timeout = 20000, skip, only, todo } = opts;
	return nodeTest(name, { timeout, skip, only, todo }, async (t) => {
		if (!site.browser) throw new Error('the console or its browser did not start (see the before hook)');
		const page = await openPage(site.browser, site.base, { viewport, locale });
		try {
			try {
				await fn({ page, site, t });
			} catch (err) {
				const report = page.report();
				if (report) for (const line of `what the page recorded:\n${report}`.split('\n')) t.diagnostic(line);
				throw err;
			}
			await page.assertClean();
			if (a11y !== false) await checkA11y(page, typeof a11y === 'string' ? a11y : name);
		} finally {
			await page.closeContext();
		}
	});
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
