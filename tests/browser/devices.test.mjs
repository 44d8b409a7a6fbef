// The Devices / Licenses screen in headless Chromium: a device that signs in
// from the app (POST /api/v1/devices/activate) shows up, licensed, after one
// refresh; search and the status filter follow the URL; deactivation asks
// first, then frees the seat and stops the device's token; a pool counted
// per device gives, moves and takes back seats from the Devices screen and
// from the pool's screen, with the bars and the API agreeing; refusals in
// words; who may do what; a user's seats and devices; axe, and the layout
// on a 375-pixel phone.
import assert from 'node:assert/strict';
import { api } from '../api/lib/harness.mjs';
import { useConsole, consoleTest, checkA11y, screenshots, signInByApi, PHONE } from './lib/browser.mjs';
import { operatorSession, orgWithAdmin, addMember, inParallel, rowCount } from './lib/seed.mjs';

const site = useConsole();
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let orgSeq = 0;

// ---- data through the API ----------------------------------------------------

// A new enterprise, its administrator, and the operator's session.
async function newOrg(name = 'Devices') {
	const op = await operatorSession(site);
	const { org, admin } = await orgWithAdmin(site, op, { name: `${name} ${process.pid}-${++orgSeq}` });
	return { op, org, admin };
}

// The app's sign-in from a device: answers {device, token, licensed, license, certificate}.
async function activate(person, deviceCode, extra = {}) {
	const r = await api(site.base).post('/api/v1/devices/activate', {
		email: person.email,
		password: person.password,
		device_code: deviceCode,
		...extra,
	});
	assert.ok(r.status === 201 || r.status === 200, `activating ${deviceCode} answered ${r.status}: ${r.text}`);
	return r.json;
}

const pool = (op, orgId, body) => op.ok('POST', `/api/v1/orgs/${orgId}/licenses`, { seats: 5, unit: 'user', ...body });
const poolOf = (op, orgId, id) => op.ok('GET', `/api/v1/orgs/${orgId}/licenses/${id}`);
const deviceOf = (op, orgId, id) => op.ok('GET', `/api/v1/orgs/${orgId}/devices/${id}`);
async function seatCodes(op, orgId, lic) {
	const seats = (await op.ok('GET', `/api/v1/orgs/${orgId}/licenses/${lic}/seats`)).items;
	return seats.map((s) => s.device && s.device.code).sort();
}

// ---- the screen ----------------------------------------------------------------

const row = (page, code) => page.locator('main tbody tr', { has: page.locator('.code', { hasText: new RegExp(`^${code}$`) }) });
const rowCodes = async (page) => (await page.locator('main tbody tr .code').allInnerTexts()).map((s) => s.trim()).sort();
// The status of a row in words (the symbol before the word left out).
const statusOf = async (page, code) => (await row(page, code).locator('.status').innerText()).replace(/^[^A-Za-zÀ-ÿ]+/, '').trim();
const poolUsage = (page) => page.locator('.pools .usage span').first().innerText();
const usage = (page) => page.locator('section.card .usage span').first().innerText();

// Retries fn (which throws while its condition does not hold) for up to 5 s.
async function until(fn, ms = 5000) {
	const end = Date.now() + ms;
	for (;;) {
		try {
			return await fn();
		} catch (err) {
			if (Date.now() > end) throw err;
			await delay(50);
		}
	}
}

async function openDevices(page, org) {
	await page.goto(`/orgs/${org.id}/devices`);
	await page.getByRole('heading', { name: 'Devices / Licenses', level: 1 }).waitFor();
}

// ---- tests -------------------------------------------------------------------------

consoleTest('a device that signs in from the app appears on Devices / Licenses, licensed, after one refresh', { timeout: 30000 }, async ({ page }) => {
	const { op, org, admin } = await newOrg('First device');
	const bea = await addMember(op, org.id, { first_name: 'Bea', last_name: 'App' });
	const viewer = await pool(op, org.id, { product: 'Viewer' });
	await op.ok('POST', `/api/v1/orgs/${org.id}/licenses/${viewer.id}/seats`, { user_id: bea.id });

	await signInByApi(page, admin.email, admin.password);
	await page.goto(`/orgs/${org.id}`);
	const nav = page.getByRole('navigation', { name: 'Organization' });
	await nav.getByRole('link', { name: 'Devices' }).waitFor();
	assert.deepEqual((await nav.getByRole('link').allInnerTexts()).map((s) => s.trim()).slice(0, 5), [
		'Overview',
		'Users',
		'Roles',
		'Licenses',
		'Devices',
	]);
	await nav.getByRole('link', { name: 'Devices' }).click();
	await page.getByRole('heading', { name: 'Devices / Licenses', level: 1 }).waitFor();
	assert.equal(await nav.getByRole('link', { name: 'Devices' }).getAttribute('aria-current'), 'page');
	await page.getByText('No device has signed in yet.', { exact: false }).waitFor();

	const got = await activate(bea, 'TAB-0001', { name: 'Front desk tablet', platform: 'android' });
	assert.equal(got.licensed, true);
	await page.getByRole('button', { name: 'Refresh' }).click();
	await row(page, 'TAB-0001').waitFor();
	const cells = (await row(page, 'TAB-0001').locator('td').allInnerTexts()).map((s) => s.trim());
	assert.equal(cells[1], 'Front desk tablet');
	assert.equal(cells[2], 'android');
	assert.equal(cells[3], bea.email);
	assert.equal(await statusOf(page, 'TAB-0001'), 'Licensed');
	assert.match(cells[4], /Viewer/, 'the license that covers it is named');
	assert.notEqual(cells[5], 'Never');
	// The person's email leads to their detail.
	assert.equal(await row(page, 'TAB-0001').getByRole('link', { name: bea.email }).getAttribute('href'), `/orgs/${org.id}/users/${bea.id}`);
	const listed = (await op.ok('GET', `/api/v1/orgs/${org.id}/devices`)).items;
	assert.deepEqual(listed.map((d) => [d.code, d.status, d.user && d.user.email]), [['TAB-0001', 'licensed', bea.email]]);
	await screenshots(page, 'devices');
});

consoleTest('search by code, name or email and the status filter follow the URL', { timeout: 30000 }, async ({ page }) => {
	const { op, org, admin } = await newOrg('Search devices');
	const [bea, carl] = await Promise.all([
		addMember(op, org.id, { first_name: 'Bea', last_name: 'Search', tag: 'bea' }),
		addMember(op, org.id, { first_name: 'Carl', last_name: 'Search', tag: 'carl' }),
	]);
	const viewer = await pool(op, org.id, { product: 'Viewer' });
	await op.ok('POST', `/api/v1/orgs/${org.id}/licenses/${viewer.id}/seats`, { user_id: bea.id });
	await activate(bea, 'TAB-100', { name: 'Kitchen', platform: 'ios' });
	await activate(bea, 'PHN-200', { name: 'Bea’s phone', platform: 'android' });
	await activate(carl, 'TAB-300', { name: 'Warehouse', platform: 'windows' });

	await signInByApi(page, admin.email, admin.password);
	await openDevices(page, org);
	await until(async () => assert.deepEqual(await rowCodes(page), ['PHN-200', 'TAB-100', 'TAB-300']));
	assert.equal(await statusOf(page, 'TAB-300'), 'Unlicensed');

	const search = page.getByRole('searchbox', { name: 'Search by device code, name or email' });
	await search.fill('TAB');
	await until(async () => assert.deepEqual(await rowCodes(page), ['TAB-100', 'TAB-300']));
	assert.equal(new URL(page.url()).searchParams.get('q'), 'TAB');
	await search.fill('carl');
	await until(async () => assert.deepEqual(await rowCodes(page), ['TAB-300']));
	await search.fill('Kitch');
	await until(async () => assert.deepEqual(await rowCodes(page), ['TAB-100']));
	await search.fill('nothing-like-this');
	await page.getByText('No device matches.').waitFor();
	await search.fill('');
	await until(async () => assert.deepEqual(await rowCodes(page), ['PHN-200', 'TAB-100', 'TAB-300']));

	const filter = page.getByLabel('License', { exact: true });
	await filter.selectOption({ label: 'Unlicensed' });
	await until(async () => assert.deepEqual(await rowCodes(page), ['TAB-300']));
	assert.equal(new URL(page.url()).searchParams.get('status'), 'unlicensed');
	await filter.selectOption({ label: 'Licensed' });
	await until(async () => assert.deepEqual(await rowCodes(page), ['PHN-200', 'TAB-100']));
	// Both together, and a reload keeps them.
	await search.fill('PHN');
	await until(async () => assert.deepEqual(await rowCodes(page), ['PHN-200']));
	await page.reload();
	await until(async () => assert.deepEqual(await rowCodes(page), ['PHN-200']));
	assert.equal(await page.getByRole('searchbox', { name: 'Search by device code, name or email' }).inputValue(), 'PHN');
	assert.equal(await page.getByLabel('License', { exact: true }).inputValue(), 'licensed');
	await filter.selectOption({ label: 'Waiting' });
	await page.getByText('No device matches.').waitFor();
});

consoleTest('deactivating asks first, then the device leaves the list, its seat is free and its token stops working', { timeout: 30000 }, async ({ page }) => {
	const { op, org, admin } = await newOrg('Deactivate');
	const bea = await addMember(op, org.id, { first_name: 'Bea', last_name: 'Gone' });
	const kiosk = await pool(op, org.id, { product: 'Kiosk', seats: 2, unit: 'device' });
	const { device, token } = await activate(bea, 'KSK-1', { name: 'Lobby kiosk' });
	await activate(bea, 'KSK-2');
	await op.ok('POST', `/api/v1/orgs/${org.id}/devices/${device.id}/seat`, { license_id: kiosk.id });
	assert.equal((await poolOf(op, org.id, kiosk.id)).used, 1);
	const before = await api(site.base).get('/api/v1/device/license', { token });
	assert.equal(before.status, 200, before.text);
	assert.equal(before.json.licensed, true);

	await signInByApi(page, admin.email, admin.password);
	await openDevices(page, org);
	await row(page, 'KSK-1').waitFor();
	assert.equal(await statusOf(page, 'KSK-1'), 'Licensed');
	assert.equal(await poolUsage(page), '1 of 2 used, 1 free');

	// Cancel keeps it.
	await row(page, 'KSK-1').getByRole('button', { name: 'Deactivate KSK-1' }).click();
	const ask = page.getByRole('dialog', { name: 'Deactivate KSK-1?' });
	await ask.waitFor();
	const text = await ask.innerText();
	assert.match(text, /Its token stops working at once/);
	assert.match(text, /Its seat of Kiosk is freed/);
	await checkA11y(page, 'deactivation dialog');
	await ask.getByRole('button', { name: 'Cancel' }).click();
	await ask.waitFor({ state: 'hidden' });
	assert.equal((await deviceOf(op, org.id, device.id)).state, 'active');

	// Escape keeps it too.
	await row(page, 'KSK-1').getByRole('button', { name: 'Deactivate KSK-1' }).click();
	await ask.waitFor();
	await page.keyboard.press('Escape');
	await ask.waitFor({ state: 'hidden' });
	assert.equal((await deviceOf(op, org.id, device.id)).state, 'active');

	await row(page, 'KSK-1').getByRole('button', { name: 'Deactivate KSK-1' }).click();
	await ask.getByRole('button', { name: 'Deactivate KSK-1' }).click();
	await page.getByRole('status').filter({ hasText: 'KSK-1 is deactivated.' }).waitFor();
	await until(async () => assert.deepEqual(await rowCodes(page), ['KSK-2']));
	await until(async () => assert.equal(await poolUsage(page), '0 of 2 used, 2 free'));

	assert.equal((await deviceOf(op, org.id, device.id)).state, 'deactivated');
	assert.equal((await poolOf(op, org.id, kiosk.id)).used, 0);
	const after = await api(site.base).get('/api/v1/device/license', { token });
	assert.equal(after.status, 401, after.text);
	const audit = (await op.ok('GET', `/api/v1/orgs/${org.id}/audit?action=device.deactivated`)).items;
	assert.deepEqual(audit.map((x) => x.target_id), [device.id]);
});

consoleTest('a pool counted per device: assign, refusal when full, move and take back from the Devices screen', { timeout: 30000 }, async ({ page }) => {
	const { op, org, admin } = await newOrg('Device seats');
	const bea = await addMember(op, org.id, { first_name: 'Bea', last_name: 'Seats' });
	const kiosk = await pool(op, org.id, { product: 'Kiosk', seats: 1, unit: 'device' });
	const one = await activate(bea, 'DEV-1');
	const two = await activate(bea, 'DEV-2');

	await signInByApi(page, admin.email, admin.password);
	await openDevices(page, org);
	await row(page, 'DEV-2').waitFor();
	assert.equal(await poolUsage(page), '0 of 1 used, 1 free');
	assert.equal(await statusOf(page, 'DEV-1'), 'Unlicensed');

	// One pool counted per device: the seat is given at once.
	await row(page, 'DEV-1').getByRole('button', { name: 'Assign a seat to DEV-1' }).click();
	await page.getByRole('status').filter({ hasText: 'DEV-1 now holds a seat.' }).waitFor();
	await until(async () => assert.equal(await statusOf(page, 'DEV-1'), 'Licensed'));
	await until(async () => assert.equal(await poolUsage(page), '1 of 1 used, 0 free'));
	assert.deepEqual(await seatCodes(op, org.id, kiosk.id), ['DEV-1']);

	// The pool is full: refused in words, nothing taken.
	page.expectHttp(409, `/api/v1/orgs/${org.id}/devices/${two.device.id}/seat`, { method: 'POST' });
	await row(page, 'DEV-2').getByRole('button', { name: 'Assign a seat to DEV-2' }).click();
	await page
		.getByRole('alert')
		.filter({ hasText: 'Every seat of this pool is in use: take one back from another device first, or ask for more.' })
		.waitFor();
	assert.deepEqual(await seatCodes(op, org.id, kiosk.id), ['DEV-1']);

	// DEV-1's seat moves to DEV-2, picked in a searchable list.
	await row(page, 'DEV-1').getByRole('button', { name: 'Move the seat of DEV-1' }).click();
	const dialog = page.getByRole('dialog', { name: 'Move the seat of DEV-1' });
	await dialog.getByRole('searchbox', { name: 'Find a device by code, name or email' }).fill('DEV-2');
	assert.equal(await dialog.getByRole('button', { name: 'Move to DEV-1' }).count(), 0, 'not to itself');
	await dialog.getByRole('button', { name: 'Move to DEV-2' }).click();
	await page.getByRole('status').filter({ hasText: 'The seat of DEV-1 is now DEV-2’s.' }).waitFor();
	await until(async () => assert.equal(await statusOf(page, 'DEV-2'), 'Licensed'));
	assert.equal(await statusOf(page, 'DEV-1'), 'Unlicensed');
	assert.deepEqual(await seatCodes(op, org.id, kiosk.id), ['DEV-2']);
	assert.equal(await poolUsage(page), '1 of 1 used, 0 free');

	// DEV-2's seat is taken back, after the question.
	await row(page, 'DEV-2').getByRole('button', { name: 'Take back the seat of DEV-2' }).click();
	const ask = page.getByRole('dialog', { name: 'Take back the seat of DEV-2?' });
	assert.match(await ask.innerText(), /loses its license of Kiosk/);
	await ask.getByRole('button', { name: 'Take back the seat' }).click();
	await page.getByRole('status').filter({ hasText: 'The seat of DEV-2 is free again.' }).waitFor();
	await until(async () => assert.equal(await statusOf(page, 'DEV-2'), 'Unlicensed'));
	await until(async () => assert.equal(await poolUsage(page), '0 of 1 used, 1 free'));
	assert.deepEqual(await seatCodes(op, org.id, kiosk.id), []);
	assert.equal((await deviceOf(op, org.id, one.device.id)).status, 'unlicensed');

	// A second pool counted per device: the pool is chosen in a dialog.
	const scanner = await pool(op, org.id, { product: 'Scanner', seats: 3, unit: 'device' });
	await page.getByRole('button', { name: 'Refresh' }).click();
	await page.locator('.pools li', { hasText: 'Scanner' }).waitFor();
	await row(page, 'DEV-1').getByRole('button', { name: 'Assign a seat to DEV-1' }).click();
	const choose = page.getByRole('dialog', { name: 'Assign a seat to DEV-1' });
	await choose.getByLabel('Pool').selectOption({ label: 'Scanner (3 free)' });
	await checkA11y(page, 'the pool choice');
	await choose.getByRole('button', { name: 'Assign a seat' }).click();
	await page.getByRole('status').filter({ hasText: 'DEV-1 now holds a seat.' }).waitFor();
	assert.deepEqual(await seatCodes(op, org.id, scanner.id), ['DEV-1']);
	assert.deepEqual(await seatCodes(op, org.id, kiosk.id), []);
	await until(async () => assert.match(await row(page, 'DEV-1').innerText(), /Scanner/));
});

consoleTest('a pool counted per device: its screen lists devices, assigns, moves and takes back by device, and the bar follows', { timeout: 30000 }, async ({ page }) => {
	const { op, org, admin } = await newOrg('Device pool');
	const [bea, carl] = await Promise.all([
		addMember(op, org.id, { first_name: 'Bea', last_name: 'Pool', tag: 'bea' }),
		addMember(op, org.id, { first_name: 'Carl', last_name: 'Pool', tag: 'carl' }),
	]);
	const kiosk = await pool(op, org.id, { product: 'Kiosk', seats: 2, unit: 'device' });
	await activate(bea, 'K-1', { name: 'Bea’s tablet' });
	await activate(carl, 'K-2', { name: 'Carl’s tablet' });

	await signInByApi(page, admin.email, admin.password);
	await page.goto(`/orgs/${org.id}/licenses/${kiosk.id}`);
	await page.getByRole('heading', { name: 'Holders' }).waitFor();
	await page.getByText('No device holds a seat of this pool.').waitFor();
	assert.equal(await usage(page), '0 of 2 used, 2 free');

	const assign = page.getByRole('region', { name: 'Assign a seat' });
	await assign.getByRole('searchbox', { name: 'Find a device by code, name or email' }).fill('K-1');
	await assign.getByRole('button', { name: 'Assign to K-1' }).click();
	await page.getByRole('status').filter({ hasText: 'K-1 now holds a seat.' }).waitFor();
	await page.locator('tbody tr', { hasText: 'K-1' }).waitFor();
	const cells = (await page.locator('tbody tr', { hasText: 'K-1' }).locator('td').allInnerTexts()).map((s) => s.trim());
	assert.deepEqual(cells.slice(1, 4), ['K-1', 'Bea’s tablet', bea.email]);
	assert.equal(await usage(page), '1 of 2 used, 1 free');
	assert.deepEqual(await seatCodes(op, org.id, kiosk.id), ['K-1']);

	// The same device again: refused in words.
	page.expectHttp(409, `/api/v1/orgs/${org.id}/licenses/${kiosk.id}/seats`, { method: 'POST' });
	await assign.getByRole('button', { name: 'Assign to K-1' }).click();
	await page.getByRole('alert').filter({ hasText: 'This device holds a seat of this pool already.' }).waitFor();

	// K-1's seat moves to K-2.
	await page.getByRole('button', { name: 'Move K-1’s seat' }).click();
	const dialog = page.getByRole('dialog', { name: 'Move K-1’s seat' });
	await dialog.getByRole('searchbox', { name: 'Find a device by code, name or email' }).fill(carl.email.slice(0, 6));
	await dialog.getByRole('button', { name: 'Move to K-2' }).click();
	await page.getByRole('status').filter({ hasText: 'The seat of K-1 is now K-2’s.' }).waitFor();
	await page.locator('tbody tr', { hasText: 'K-2' }).waitFor();
	assert.equal(await page.locator('tbody tr', { hasText: 'K-1' }).count(), 0);
	assert.equal(await usage(page), '1 of 2 used, 1 free');
	assert.deepEqual(await seatCodes(op, org.id, kiosk.id), ['K-2']);

	// K-2's is taken back.
	await page.getByLabel('Select K-2').check();
	await page.getByRole('button', { name: 'Take back 1 seat' }).click();
	const ask = page.getByRole('dialog', { name: 'Take back 1 seat?' });
	assert.match(await ask.innerText(), /These devices lose this license/);
	await ask.getByRole('button', { name: 'Take back 1 seat' }).click();
	const results = page.getByRole('dialog', { name: '1 taken back, 0 not.' });
	await results.waitFor();
	assert.equal((await results.getByRole('listitem').innerText()).trim(), 'K-2: Taken back');
	await results.getByRole('button', { name: 'Close' }).click();
	await page.waitForFunction(() => document.querySelector('section.card .usage span')?.textContent === '0 of 2 used, 2 free');
	assert.deepEqual(await seatCodes(op, org.id, kiosk.id), []);
	await screenshots(page, 'license-devices');
});

consoleTest('more than 50 devices: 50 rows, then "Show more" brings the rest, each once', { timeout: 60000 }, async ({ page }) => {
	const { op, org, admin } = await newOrg('Many devices');
	const bea = await addMember(op, org.id, { first_name: 'Bea', last_name: 'Many' });
	const codes = Array.from({ length: 55 }, (_, i) => `PG-${String(i + 1).padStart(3, '0')}`);
	await inParallel(codes.length, 6, (i) => activate(bea, codes[i]));
	await signInByApi(page, admin.email, admin.password);
	await openDevices(page, org);
	await rowCount(page, 50);
	await page.getByRole('button', { name: 'Show more' }).click();
	await rowCount(page, 55);
	assert.deepEqual(await rowCodes(page), codes);
	assert.equal(await page.getByRole('button', { name: 'Show more' }).count(), 0);
});

consoleTest('a pool with a monthly transfer limit refuses the transfer past it, in words', { timeout: 30000 }, async ({ page }) => {
	const { op, org, admin } = await newOrg('Transfers');
	const bea = await addMember(op, org.id, { first_name: 'Bea', last_name: 'Transfer' });
	const kiosk = await pool(op, org.id, { product: 'Kiosk', seats: 2, unit: 'device' });
	await op.ok('PATCH', `/api/v1/orgs/${org.id}/licenses/${kiosk.id}`, { max_transfers_per_month: 1 });
	const { device } = await activate(bea, 'TR-1');
	await activate(bea, 'TR-2');
	await op.ok('POST', `/api/v1/orgs/${org.id}/devices/${device.id}/seat`, { license_id: kiosk.id });

	await signInByApi(page, admin.email, admin.password);
	await openDevices(page, org);
	await row(page, 'TR-1').waitFor();
	// The first move is within the limit.
	await row(page, 'TR-1').getByRole('button', { name: 'Move the seat of TR-1' }).click();
	const dialog = page.getByRole('dialog', { name: 'Move the seat of TR-1' });
	await dialog.getByRole('button', { name: 'Move to TR-2' }).click();
	await page.getByRole('status').filter({ hasText: 'The seat of TR-1 is now TR-2’s.' }).waitFor();
	// Taking it back would be the second transfer of the month.
	page.expectHttp(409, /\/devices\/dev_[^/]+\/seat\?license_id=/, { method: 'DELETE' });
	await until(async () => assert.equal(await statusOf(page, 'TR-2'), 'Licensed'));
	await row(page, 'TR-2').getByRole('button', { name: 'Take back the seat of TR-2' }).click();
	const ask = page.getByRole('dialog', { name: 'Take back the seat of TR-2?' });
	await ask.getByRole('button', { name: 'Take back the seat' }).click();
	await ask
		.getByRole('alert')
		.filter({ hasText: 'This pool’s seats have been taken back or moved as often as its plan allows this month: try again next month.' })
		.waitFor();
	assert.deepEqual(await seatCodes(op, org.id, kiosk.id), ['TR-2']);
	await ask.getByRole('button', { name: 'Cancel' }).click();
});

consoleTest('a moderator deactivates but gives no seat; a member has no Devices / Licenses', { timeout: 30000 }, async ({ page }) => {
	const { op, org } = await newOrg('Moderated');
	const mod = await addMember(op, org.id, { first_name: 'Mo', last_name: 'Derator', role: 'moderator', tag: 'mod' });
	const meg = await addMember(op, org.id, { first_name: 'Meg', last_name: 'Member', tag: 'meg' });
	await pool(op, org.id, { product: 'Kiosk', seats: 2, unit: 'device' });
	await activate(meg, 'MOD-1');

	await signInByApi(page, mod.email, mod.password);
	await page.goto(`/orgs/${org.id}`);
	const nav = page.getByRole('navigation', { name: 'Organization' });
	await nav.getByRole('link', { name: 'Devices' }).click();
	await row(page, 'MOD-1').waitFor();
	assert.equal(await page.getByRole('button', { name: /Assign a seat|Take back|Move the seat/ }).count(), 0);
	await row(page, 'MOD-1').getByRole('button', { name: 'Deactivate MOD-1' }).click();
	assert.match(await page.getByRole('dialog', { name: 'Deactivate MOD-1?' }).innerText(), /A seat it holds is freed/);
	await page.keyboard.press('Escape');

	await page.context().clearCookies();
	await signInByApi(page, meg.email, meg.password);
	await page.goto(`/orgs/${org.id}`);
	await page.getByRole('heading', { name: 'What I can do here' }).waitFor();
	assert.equal(await page.getByRole('navigation', { name: 'Organization' }).getByRole('link', { name: 'Devices' }).count(), 0);
	page.expectHttp(403, `/api/v1/orgs/${org.id}/devices`, { method: 'GET' });
	await page.goto(`/orgs/${org.id}/devices`);
	await page.getByRole('alert').filter({ hasText: 'You are not allowed to do this.' }).waitFor();
});

consoleTest('a user’s detail shows their seats and their devices', { timeout: 30000 }, async ({ page }) => {
	const { op, org, admin } = await newOrg('Holdings');
	const bea = await addMember(op, org.id, { first_name: 'Bea', last_name: 'Holds' });
	const viewer = await pool(op, org.id, { product: 'Viewer' });
	await op.ok('POST', `/api/v1/orgs/${org.id}/licenses/${viewer.id}/seats`, { user_id: bea.id });
	await activate(bea, 'HLD-1', { name: 'Desk', platform: 'macos' });

	await signInByApi(page, admin.email, admin.password);
	await page.goto(`/orgs/${org.id}/users/${bea.id}`);
	const seats = page.getByRole('region', { name: 'Licenses' }).first();
	await seats.getByRole('link', { name: 'Viewer' }).waitFor();
	assert.match(await seats.innerText(), /by hand/);
	const devices = page.getByRole('region', { name: 'Devices' }).first();
	await devices.getByText('HLD-1').waitFor();
	assert.match(await devices.innerText(), /Desk[\s\S]*macos[\s\S]*Licensed/);
	await devices.getByRole('link', { name: 'Open these devices on the Devices / Licenses screen' }).click();
	await until(async () => assert.deepEqual(await rowCodes(page), ['HLD-1']));
	assert.equal(new URL(page.url()).searchParams.get('user'), bea.id);
	await page.getByRole('button', { name: 'Show every device' }).click();
	assert.equal(new URL(page.url()).searchParams.get('user'), null);
});

consoleTest('on a 375-pixel phone each device is a card whose actions fit the screen, and axe finds nothing serious', { viewport: PHONE, timeout: 30000 }, async ({ page }) => {
	const { op, org, admin } = await newOrg('Phone');
	const bea = await addMember(op, org.id, { first_name: 'Bea', last_name: 'Phone' });
	await pool(op, org.id, { product: 'Kiosk', seats: 2, unit: 'device' });
	await activate(bea, 'PHONE-0001-WITH-A-LONG-CODE', { name: 'A device with a rather long name', platform: 'android' });
	await activate(bea, 'PHONE-2');

	await signInByApi(page, admin.email, admin.password);
	await openDevices(page, org);
	await row(page, 'PHONE-2').waitFor();
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	assert.ok(width <= PHONE.width, `the page is ${width} px wide`);
	for (const name of ['Assign a seat to PHONE-2', 'Deactivate PHONE-2']) {
		const box = await page.getByRole('button', { name }).boundingBox();
		assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width, `${name}: ${JSON.stringify(box)}`);
	}
	// The column names are hidden; each value says which column it is.
	assert.ok(await page.locator('main thead').evaluate((el) => el.getBoundingClientRect().width <= 1));
	const labels = await row(page, 'PHONE-2')
		.locator('td[data-label]')
		.evaluateAll((tds) => tds.map((td) => getComputedStyle(td, '::before').content));
	assert.deepEqual(labels, ['"Device code"', '"Name"', '"Platform"', '"Person"', '"License"', '"Last seen"']);
	await checkA11y(page, 'devices (phone)');
	await row(page, 'PHONE-2').getByRole('button', { name: 'Deactivate PHONE-2' }).click();
	const box = await page.getByRole('dialog', { name: 'Deactivate PHONE-2?' }).boundingBox();
	assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `the dialog: ${JSON.stringify(box)}`);
	await page.keyboard.press('Escape');
	await screenshots(page, 'devices-cards');
});

consoleTest('by keyboard: Tab reaches the search, the filter and the row’s buttons; Enter opens the question, Escape closes it and gives the focus back', { timeout: 30000 }, async ({ page }) => {
	const { op, org, admin } = await newOrg('Keyboard');
	const bea = await addMember(op, org.id, { first_name: 'Bea', last_name: 'Keys' });
	await activate(bea, 'KEY-1');
	await signInByApi(page, admin.email, admin.password);
	await openDevices(page, org);
	await row(page, 'KEY-1').waitFor();
	const focused = () => page.evaluate(() => document.activeElement.getAttribute('aria-label') || document.activeElement.name || document.activeElement.textContent.trim());
	const reached = [];
	for (let i = 0; i < 40 && !reached.includes('Deactivate KEY-1'); i++) {
		await page.keyboard.press('Tab');
		reached.push(await focused());
	}
	const at = (x) => reached.indexOf(x);
	assert.ok(at('q') >= 0 && at('status') > at('q') && at('Deactivate KEY-1') > at('status'), reached.join(' | '));
	const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
	assert.equal(ring, 'solid', 'a visible focus ring');
	await page.keyboard.press('Enter');
	const ask = page.getByRole('dialog', { name: 'Deactivate KEY-1?' });
	await ask.waitFor();
	assert.ok(await ask.evaluate((d) => d.contains(document.activeElement)), 'the focus is in the question');
	await page.keyboard.press('Escape');
	await ask.waitFor({ state: 'hidden' });
	assert.equal(await focused(), 'Deactivate KEY-1');
	assert.equal((await op.ok('GET', `/api/v1/orgs/${org.id}/devices`)).items.length, 1, 'nothing deactivated');
});

consoleTest('in French, the screen and its statuses are French', { timeout: 30000 }, async ({ page }) => {
	const { op, org } = await newOrg('Polyglotte');
	const amelie = await addMember(op, org.id, { first_name: 'Amélie', last_name: 'Admin', role: 'administrator', language: 'fr', tag: 'amelie' });
	await activate(amelie, 'FR-1');
	await signInByApi(page, amelie.email, amelie.password);
	await page.goto(`/orgs/${org.id}/devices`);
	await page.getByRole('heading', { name: 'Appareils / Licences', level: 1 }).waitFor();
	await row(page, 'FR-1').waitFor();
	assert.equal(await statusOf(page, 'FR-1'), 'Sans licence');
	assert.equal(await page.getByRole('navigation', { name: 'Organisation' }).getByRole('link', { name: 'Appareils' }).getAttribute('aria-current'), 'page');
	await page.getByRole('button', { name: 'Désactiver FR-1' }).click();
	assert.match(await page.getByRole('dialog', { name: 'Désactiver FR-1 ?' }).innerText(), /Son jeton cesse de fonctionner/);
	await page.keyboard.press('Escape');
});
