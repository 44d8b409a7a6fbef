// The console's budgets, measured for bench/console.sh, which prints the table.
//
//   node bench/console.mjs size DIST
//     The files the first screen loads: DIST/index.html's scripts, stylesheets
//     and module preloads under /assets/, and what those import statically
//     (chunks, @import); their gzipped sizes (the .gz rosterd sends).
//
//   node bench/console.mjs browse
//     Headless Chromium against a running rosterd. Environment: BENCH_BASE
//     (http://127.0.0.1:PORT), ROSTER_ORG, ROSTER_EMAIL, ROSTER_PASSWORD (an
//     administrator of ROSTER_ORG), BENCH_CHROMIUM (/usr/bin/chromium),
//     BENCH_NAVIGATIONS (10), BENCH_API_CALLS (20), BENCH_TIMEOUT_MS (15000),
//     BENCH_PIDFILE (where the browser's process id is written, so that the
//     caller can stop it whatever happens here).
//     Measures the sign-in form at /sign-in (no session), the Users screen at
//     /orgs/ORG/users (signed in through the API, the session cookie given to
//     the browser) and GET members?limit=50 alone from here.
//
// Both print "KEY<TAB>value" lines on standard output; NOTE lines say what
// went wrong or looked odd.
import { readFileSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const out = (k, v) => process.stdout.write(`${k}\t${v}\n`);
const note = (s) => out('NOTE', String(s).replace(/\s+/g, ' ').trim());
const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	const n = s.length;
	return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');

// ---- size -----------------------------------------------------------------------

// The /assets/ paths a tag list refers to: <script src>, <link href> with rel
// stylesheet, modulepreload or preload.
function htmlRefs(html) {
	const refs = [];
	for (const m of html.matchAll(/<script\b[^>]*>/gi)) {
		const src = m[0].match(/\bsrc\s*=\s*["']?([^"'\s>]+)/i);
		if (src) refs.push(src[1]);
	}
	for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
		const rel = (m[0].match(/\brel\s*=\s*["']?([^"'>]+)/i) || [])[1] || '';
		const href = m[0].match(/\bhref\s*=\s*["']?([^"'\s>]+)/i);
		if (href && /\b(stylesheet|modulepreload|preload)\b/i.test(rel)) refs.push(href[1]);
	}
	return refs;
}

// Static and dynamic imports of a (minified) module; @import of a stylesheet.
function fileRefs(path, text) {
	const stat = [];
	const lazy = [];
	if (path.endsWith('.css')) {
		for (const m of text.matchAll(/@import\s+(?:url\(\s*)?["']?([^"')\s;]+)/g)) stat.push(m[1]);
		return { stat, lazy };
	}
	// import x from"…", import{…}from"…", import"…", export{…}from"…", export*from"…"
	for (const m of text.matchAll(/(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{},\s]*?from\s*)?["']([^"']+)["']/g)) stat.push(m[1]);
	for (const m of text.matchAll(/(?:^|[^\w$.])import\s*\(\s*["']([^"']+)["']\s*\)/g)) lazy.push(m[1]);
	return { stat, lazy };
}

function sizeMain(dist) {
	const index = join(dist, 'index.html');
	if (!existsSync(index)) {
		note(`no ${index}`);
		out('TOTAL', 'n/a');
		return;
	}
	const asAsset = (ref, from) => {
		const p = new URL(ref, `http://console${from}`);
		return p.origin === 'http://console' && p.pathname.startsWith('/assets/') ? p.pathname : null;
	};
	const seen = new Map(); // /assets/x -> gz bytes
	const lazySeen = new Set();
	const queue = [];
	for (const r of htmlRefs(readFileSync(index, 'utf8'))) {
		const a = asAsset(r, '/');
		if (a) queue.push(a);
		else note(`index.html refers to ${r}, not under /assets/: not counted`);
	}
	const lazyQueue = [];
	while (queue.length) {
		const a = queue.shift();
		if (seen.has(a)) continue;
		const file = join(dist, a);
		if (!existsSync(file)) {
			note(`${a} is referred to but not in ${dist}`);
			seen.set(a, 0);
			continue;
		}
		let gz = file + '.gz';
		if (!existsSync(gz)) {
			note(`${a} has no .gz: its plain size is counted`);
			gz = file;
		}
		seen.set(a, statSync(gz).size);
		out('FILE', `${a} ${statSync(gz).size} ${statSync(file).size}`);
		const refs = fileRefs(a, readFileSync(file, 'utf8'));
		for (const r of refs.stat) {
			const b = asAsset(r, a);
			if (b) queue.push(b);
		}
		for (const r of refs.lazy) {
			const b = asAsset(r, a);
			if (b) lazyQueue.push(b);
		}
	}
	// Loaded later (dynamic imports), and what those load in turn: not in the total.
	let lazy = 0;
	while (lazyQueue.length) {
		const a = lazyQueue.shift();
		if (seen.has(a) || lazySeen.has(a)) continue;
		lazySeen.add(a);
		const file = join(dist, a);
		if (!existsSync(file)) continue;
		lazy += statSync(existsSync(file + '.gz') ? file + '.gz' : file).size;
		const refs = fileRefs(a, readFileSync(file, 'utf8'));
		for (const r of [...refs.stat, ...refs.lazy]) {
			const b = asAsset(r, a);
			if (b) lazyQueue.push(b);
		}
	}
	out('TOTAL', [...seen.values()].reduce((s, n) => s + n, 0));
	out('COUNT', seen.size);
	out('LAZY', lazy);
	const js = [...seen.keys()].find((a) => a.endsWith('.js'));
	out('JS', js || '');
}

// ---- browse ---------------------------------------------------------------------

// Installed in every new document: records performance.now() (milliseconds
// since the navigation started) the first time the awaited thing is in the
// page and laid out, checked after every DOM change and every frame.
function watch({ kind, want }) {
	const shown = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
	const ready = {
		rows() {
			const rows = document.querySelectorAll('table tbody tr');
			if (rows.length < want) return false;
			for (let i = 0; i < want; i++) if (!shown(rows[i]) || !rows[i].textContent.trim()) return false;
			return true;
		},
		signin() {
			const labelled = (text) => [...document.querySelectorAll('label')].some((l) => l.textContent.trim() === text && shown(l) && shown(l.control));
			const button = [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Sign in' && shown(b));
			return labelled('Email') && labelled('Password') && button;
		},
	}[kind];
	let done = false;
	const check = () => {
		if (done || !ready()) return;
		done = true;
		const at = performance.now();
		window.__benchSeen = { at, epoch: performance.timeOrigin + at };
	};
	new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
	const frame = () => {
		check();
		if (!done) requestAnimationFrame(frame);
	};
	requestAnimationFrame(frame);
}

// One navigation in a new page of ctx: {ms, requests: [...], ok} or, after
// the timeout, {ok: false, what: a description of the page as it was}.
async function navigate(ctx, base, path, timeout) {
	const origin = new URL(base).origin;
	const page = await ctx.newPage();
	const api = [];
	page.on('request', (r) => {
		const u = new URL(r.url());
		if (u.origin === origin && u.pathname.startsWith('/api/')) api.push({ t: Date.now(), r, what: `${r.method()} ${u.pathname}${u.search}` });
	});
	const t0 = performance.now();
	try {
		await page.goto(base + path, { waitUntil: 'commit', timeout });
		const left = Math.max(1, timeout - (performance.now() - t0));
		const seen = await (await page.waitForFunction(() => window.__benchSeen, null, { timeout: left, polling: 20 })).jsonValue();
		// Requests seen here after the moment the page showed the rows were
		// issued after it (or at most within the event's delivery time).
		const before = api.filter((x) => x.t <= seen.epoch + 1);
		return { ok: true, ms: seen.at, requests: before.map((x) => x.what) };
	} catch (err) {
		let what = `${err.name}: ${String(err.message).split('\n')[0]}`;
		try {
			const d = await page.evaluate(() => ({
				path: location.pathname,
				title: document.title,
				tables: document.querySelectorAll('table').length,
				rows: document.querySelectorAll('table tbody tr').length,
				text: (document.body ? document.body.innerText : '').replace(/\s+/g, ' ').slice(0, 160),
			}));
			const calls = [];
			for (const x of api) {
				const res = await x.r.response().catch(() => null);
				calls.push(`${x.what} ${res ? res.status() : 'no answer'}`);
			}
			what = `at ${d.path} after ${timeout} ms: ${d.tables} table(s), ${d.rows} body row(s), text "${d.text}"; API: ${calls.join(', ') || 'none'}`;
		} catch {
			/* the page is gone: keep the error */
		}
		return { ok: false, what };
	} finally {
		await page.close().catch(() => {});
	}
}

// n timed navigations after one untimed (the cache warm); stops at the first timeout.
async function navigations(ctx, base, path, n, timeout) {
	const first = await navigate(ctx, base, path, timeout);
	if (!first.ok) return { ok: false, what: first.what };
	const runs = [];
	for (let i = 0; i < n; i++) {
		const r = await navigate(ctx, base, path, timeout);
		if (!r.ok) return { ok: false, what: `navigation ${i + 1} of ${n}: ${r.what}` };
		runs.push(r);
	}
	const counts = runs.map((r) => r.requests.length);
	const most = runs[counts.indexOf(Math.max(...counts))];
	return {
		ok: true,
		ms: median(runs.map((r) => r.ms)),
		min: Math.min(...runs.map((r) => r.ms)),
		max: Math.max(...runs.map((r) => r.ms)),
		reqMax: Math.max(...counts),
		reqMin: Math.min(...counts),
		reqList: most.requests.join(', '),
	};
}

async function browseMain() {
	const env = process.env;
	const base = (env.BENCH_BASE || '').replace(/\/$/, '');
	const org = env.ROSTER_ORG;
	const navs = Number(env.BENCH_NAVIGATIONS || 10);
	const calls = Number(env.BENCH_API_CALLS || 20);
	const timeout = Number(env.BENCH_TIMEOUT_MS || 15000);
	if (!base || !org || !env.ROSTER_EMAIL || !env.ROSTER_PASSWORD) throw new Error('set BENCH_BASE, ROSTER_ORG, ROSTER_EMAIL and ROSTER_PASSWORD');

	// Signed in through the API: the session cookie, for the browser and for the calls from here.
	const login = await fetch(`${base}/api/v1/auth/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ email: env.ROSTER_EMAIL, password: env.ROSTER_PASSWORD }),
	});
	await login.arrayBuffer();
	const cookie = login.headers.getSetCookie().map((c) => c.match(/^roster_session=([^;]*)/)).find(Boolean);
	if (login.status !== 200 || !cookie) throw new Error(`sign-in through the API: ${login.status}, ${cookie ? 'a' : 'no'} roster_session cookie`);
	const session = cookie[1];
	const headers = { Cookie: `roster_session=${session}`, Accept: 'application/json' };

	const me = await (await fetch(`${base}/api/v1/me`, { headers })).json();
	const role = (me.organizations || []).find((o) => o.id === org)?.role;
	if (role !== 'administrator') note(`${env.ROSTER_EMAIL} is ${role ? `a ${role}` : 'no member'} of ${org}, not its administrator`);

	// The API call alone: GET members?limit=50, a few untimed first.
	const listUrl = `${base}/api/v1/orgs/${org}/members?limit=50`;
	let want = 0;
	const times = [];
	for (let i = 0; i < calls + 3; i++) {
		const t = performance.now();
		const res = await fetch(listUrl, { headers });
		const body = await res.arrayBuffer();
		const ms = performance.now() - t;
		if (res.status !== 200) throw new Error(`GET members?limit=50: ${res.status} ${Buffer.from(body).toString().slice(0, 200)}`);
		if (i === 0) want = JSON.parse(Buffer.from(body).toString()).items.length;
		if (i >= 3) times.push(ms);
	}
	out('API_MS', f2(median(times)));
	out('API_N', times.length);
	out('ROWS', want);
	if (want < 50) note(`the organization's first page has ${want} members, not 50: the screen is awaited with ${want} rows`);

	const { chromium } = await import('playwright-core');
	const server = await chromium.launchServer({
		executablePath: env.BENCH_CHROMIUM || '/usr/bin/chromium',
		headless: true,
		args: ['--no-sandbox'],
	});
	if (env.BENCH_PIDFILE) writeFileSync(env.BENCH_PIDFILE, `${server.process().pid}\n`);
	try {
		const browser = await chromium.connect(server.wsEndpoint());
		out('BROWSER', `Chromium ${browser.version()}`);

		// What exists from the first slice: the sign-in form, without a session.
		const anon = await browser.newContext({ locale: 'en-US' });
		await anon.addInitScript(watch, { kind: 'signin', want: 0 });
		const s = await navigations(anon, base, '/sign-in', navs, timeout);
		await anon.close();
		if (s.ok) {
			out('SIGNIN_MS', f1(s.ms));
			out('SIGNIN_REQ', s.reqMax);
		} else {
			out('SIGNIN_MS', 'n/a');
			note(`sign-in form not seen: ${s.what}`);
		}

		// The Users screen, signed in.
		const ctx = await browser.newContext({ locale: 'en-US' });
		await ctx.addCookies([{ name: 'roster_session', value: session, url: base, httpOnly: true, sameSite: 'Lax' }]);
		await ctx.addInitScript(watch, { kind: 'rows', want });
		const u = await navigations(ctx, base, `/orgs/${org}/users`, navs, timeout);
		await ctx.close();
		if (u.ok) {
			out('LIST', 'ok');
			out('LIST_MS', f1(u.ms));
			out('LIST_MIN', f1(u.min));
			out('LIST_MAX', f1(u.max));
			out('LIST_N', navs);
			out('LIST_REQ', u.reqMax);
			if (u.reqMin !== u.reqMax) note(`API requests before the list differed between navigations: ${u.reqMin} to ${u.reqMax}`);
			out('LIST_REQS', u.reqList);
		} else {
			out('LIST', 'no list');
			note(`Users screen: ${u.what}`);
		}
		await browser.close();
	} finally {
		await server.close();
	}
}

const mode = process.argv[2];
const watchdog = setTimeout(() => {
	note('console.mjs: overall time limit reached');
	process.exit(3);
}, Number(process.env.BENCH_LIMIT_MS || 600000));
watchdog.unref();
try {
	if (mode === 'size') sizeMain(process.argv[3] || 'web/dist');
	else if (mode === 'browse') await browseMain();
	else throw new Error('usage: node bench/console.mjs size DIST | browse');
} catch (err) {
	note(`console.mjs: ${err.message}`);
	out('ERROR', '1');
	process.exitCode = 1;
}
