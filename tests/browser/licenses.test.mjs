// The Licenses screens in headless Chromium: the operator grants a pool
// through the form; the administrator sees its seats free, assigns two by
// searching for members, moves one, takes one back, and the bar and the
// holders follow, with the API agreeing at each step.
import assert from 'node:assert/strict';
import { useConsole, consoleTest, screenshots, signInByApi, checkA11y } from './lib/browser.mjs';
import { operatorSession, orgWithAdmin, addMember } from './lib/seed.mjs';

const site = useConsole();

const usage = (page) => page.locator('section.card .usage span').first().innerText();

async function pickMember(scope, name, button) {
	await scope.getByRole('searchbox', { name: 'Find a member by name or email' }).fill(name);
	await scope.getByRole('button', { name: `${button} ${name}` }).click();
}

consoleTest('the operator grants a pool in the console; the administrator assigns, moves and takes back seats', { timeout: 45000 }, async ({ page }) => {
	const op = await operatorSession(site);
	const { org, admin } = await orgWithAdmin(site, op, { name: 'Seated Ltd' });
	const [bea, carl, dora] = await Promise.all(
		['Bea', 'Carl', 'Dora'].map((first) => addMember(op, org.id, { first_name: first, last_name: 'Seat' })),
	);

	// The operator: Licenses → Grant licenses, 5 seats of "Viewer".
	await signInByApi(page, site.operator.email, site.operator.password);
	await page.goto(`/orgs/${org.id}/licenses`);
	await page.getByText('This organization has no licenses yet.').waitFor();
	await page.getByRole('link', { name: 'Grant licenses' }).click();
	await page.getByLabel('Product').fill('Viewer');
	await page.getByLabel('Seats').fill('5');
	await screenshots(page, 'grant-licenses');
	await page.getByRole('button', { name: 'Grant licenses' }).click();
	await page.getByRole('heading', { name: 'Viewer', level: 1 }).waitFor();
	const pools = (await op.ok('GET', `/api/v1/orgs/${org.id}/licenses`)).items;
	assert.deepEqual(pools.map((p) => [p.product, p.seats, p.unit, p.state, p.days_left]), [['Viewer', 5, 'user', 'active', 365]]);
	const lic = pools[0].id;

	// The administrator sees 5 free and assigns two.
	await page.context().clearCookies();
	await signInByApi(page, admin.email, admin.password);
	await page.goto(`/orgs/${org.id}/licenses`);
	await page.getByRole('link', { name: 'Viewer' }).click();
	await page.getByRole('heading', { name: 'Holders' }).waitFor();
	assert.equal(await usage(page), '0 of 5 used, 5 free');
	await pickMember(page, 'Bea Seat', 'Assign to');
	await page.getByRole('status').filter({ hasText: 'Bea Seat now holds a seat.' }).waitFor();
	await pickMember(page, 'Carl Seat', 'Assign to');
	await page.getByRole('status').filter({ hasText: 'Carl Seat now holds a seat.' }).waitFor();
	await page.locator('tbody tr', { hasText: 'Carl Seat' }).waitFor();
	assert.equal(await usage(page), '2 of 5 used, 3 free');

	// Bea again: refused in words, nothing taken.
	page.expectHttp(409, `/api/v1/orgs/${org.id}/licenses/${lic}/seats`, { method: 'POST' });
	await pickMember(page, 'Bea Seat', 'Assign to');
	await page.getByRole('alert').filter({ hasText: 'This person holds a seat of this pool already.' }).waitFor();
	assert.equal((await op.ok('GET', `/api/v1/orgs/${org.id}/licenses/${lic}`)).used, 2);
	await screenshots(page, 'license-holders');

	// Carl's seat moves to Dora.
	await page.getByRole('button', { name: 'Move Carl Seat’s seat' }).click();
	const dialog = page.getByRole('dialog', { name: 'Move Carl Seat’s seat' });
	await pickMember(dialog, 'Dora Seat', 'Move to');
	await page.getByRole('status').filter({ hasText: `The seat of ${carl.email} is now ${dora.email}’s.` }).waitFor();
	await page.locator('tbody tr', { hasText: 'Dora Seat' }).waitFor();
	assert.equal(await page.locator('tbody tr', { hasText: 'Carl Seat' }).count(), 0);
	assert.equal(await usage(page), '2 of 5 used, 3 free');

	// Bea's is taken back, after the question.
	await page.getByLabel('Select Bea Seat').check();
	await page.getByRole('button', { name: 'Take back 1 seat' }).click();
	const ask = page.getByRole('dialog', { name: 'Take back 1 seat?' });
	assert.match(await ask.innerText(), /each is told by email/);
	await ask.getByRole('button', { name: 'Take back 1 seat' }).click();
	const results = page.getByRole('dialog', { name: '1 taken back, 0 not.' });
	await results.waitFor();
	assert.equal((await results.getByRole('listitem').innerText()).trim(), `${bea.email}: Taken back`);
	await results.getByRole('button', { name: 'Close' }).click();
	await page.waitForFunction(() => document.querySelector('section.card .usage span')?.textContent === '1 of 5 used, 4 free');

	const seats = (await op.ok('GET', `/api/v1/orgs/${org.id}/licenses/${lic}/seats`)).items;
	assert.deepEqual(seats.map((s) => s.email), [dora.email]);
	// Each change was told by email: three seats given, two taken back.
	const holders = new Set([bea.email, carl.email, dora.email].map((a) => a.toLowerCase()));
	const told = [];
	for (let i = 0; i < 5; i++) {
		const mail = await site.smtp.take((m) => holders.has(m.to), 10000);
		told.push(`${mail.to} ${mail.subject}`);
	}
	assert.deepEqual(told.sort(), [
		`${bea.email.toLowerCase()} You now have a license for Viewer`,
		`${bea.email.toLowerCase()} Your license for Viewer was taken back`,
		`${carl.email.toLowerCase()} You now have a license for Viewer`,
		`${carl.email.toLowerCase()} Your license for Viewer was taken back`,
		`${dora.email.toLowerCase()} You now have a license for Viewer`,
	]);
});

consoleTest('an administrator neither grants nor changes pools, and a member without licenses:read has no Licenses', async ({ page }) => {
	const op = await operatorSession(site);
	const { org, admin } = await orgWithAdmin(site, op, { name: 'Read Only Ltd' });
	const member = await addMember(op, org.id, { first_name: 'Meg', last_name: 'Member' });
	await op.ok('POST', `/api/v1/orgs/${org.id}/licenses`, { product: 'Editor', seats: 3, unit: 'user' });
	await signInByApi(page, admin.email, admin.password);
	await page.goto(`/orgs/${org.id}/licenses`);
	await page.getByRole('link', { name: 'Editor' }).click();
	await page.getByRole('heading', { name: 'Holders' }).waitFor();
	assert.equal(await page.getByRole('link', { name: 'Grant licenses' }).count(), 0);
	assert.equal(await page.getByRole('heading', { name: 'Change the pool' }).count(), 0);
	await page.context().clearCookies();
	await signInByApi(page, member.email, member.password);
	await page.goto(`/orgs/${org.id}`);
	await page.getByRole('heading', { name: 'What I can do here' }).waitFor();
	assert.equal(await page.getByRole('navigation', { name: 'Organization' }).getByRole('link', { name: 'Licenses' }).count(), 0);
});

consoleTest('a seat taken back goes to who waits, and the waiting list follows on the screen', { timeout: 30000 }, async ({ page }) => {
	const op = await operatorSession(site);
	const { org, admin } = await orgWithAdmin(site, op, { name: 'Waiting Ltd' });
	const pool = await op.ok('POST', `/api/v1/orgs/${org.id}/licenses`, { product: 'Scanner', seats: 1, unit: 'user', auto_assign: true });
	// Created one after the other: the first takes the seat, the others wait in order.
	const eve = await addMember(op, org.id, { first_name: 'Eve', last_name: 'First' });
	const finn = await addMember(op, org.id, { first_name: 'Finn', last_name: 'Second' });
	const gus = await addMember(op, org.id, { first_name: 'Gus', last_name: 'Third' });
	await signInByApi(page, admin.email, admin.password);
	await page.goto(`/orgs/${org.id}/licenses/${pool.id}`);
	const waiting = page.getByRole('region', { name: 'Waiting list' });
	await waiting.getByRole('listitem').nth(1).waitFor();
	assert.deepEqual(
		(await waiting.getByRole('listitem').allInnerTexts()).map((s) => s.split(' Waiting since')[0].trim()),
		['Finn Second', 'Gus Third'],
	);
	assert.match(await page.locator('section.card .usage').first().innerText(), /1 of 1 used, 0 free\s+2 waiting/);
	await screenshots(page, 'license-waiting');

	// Eve's seat taken back: Finn holds it at once, Gus still waits.
	await page.getByLabel('Select Eve First').check();
	await page.getByRole('button', { name: 'Take back 1 seat' }).click();
	await page.getByRole('dialog', { name: 'Take back 1 seat?' }).getByRole('button', { name: 'Take back 1 seat' }).click();
	await page.getByRole('dialog', { name: '1 taken back, 0 not.' }).getByRole('button', { name: 'Close' }).click();
	await page.locator('tbody tr', { hasText: 'Finn Second' }).waitFor();
	assert.equal(await page.locator('tbody tr', { hasText: 'Eve First' }).count(), 0);
	await page.waitForFunction(() => document.querySelectorAll('ol.waiting li').length === 1);
	assert.match(await waiting.getByRole('listitem').innerText(), /^Gus Third/);
	const seats = (await op.ok('GET', `/api/v1/orgs/${org.id}/licenses/${pool.id}/seats`)).items;
	assert.deepEqual(seats.map((s) => [s.email, s.source]), [[finn.email, 'auto']]);

	// Gus taken off the list: nobody waits, and Finn's removal leaves the seat free.
	await waiting.getByRole('button', { name: 'Take Gus Third off the list' }).click();
	await waiting.getByText('Nobody is waiting for a seat.').waitFor();
	assert.equal((await op.ok('GET', `/api/v1/orgs/${org.id}/licenses/${pool.id}`)).waiting, 0);
	assert.deepEqual((await op.ok('GET', `/api/v1/orgs/${org.id}/audit?action=seat.waiting_left`)).items.map((x) => x.target_id), [gus.id]);
	assert.ok(!seats.some((s) => s.email === eve.email));
});

consoleTest('the operator sets the offline days and the transfer limit when granting, changes the limit and lifts it', { timeout: 30000 }, async ({ page }) => {
	const op = await operatorSession(site);
	const { org } = await orgWithAdmin(site, op, { name: 'Limited Ltd' });
	await signInByApi(page, site.operator.email, site.operator.password);
	await page.goto(`/orgs/${org.id}/licenses/new`);
	await page.getByLabel('Product').fill('Kiosk');
	await page.getByLabel('Seats').fill('3');
	await page.getByLabel('Counted per').selectOption('device');
	await page.getByLabel('Days a device may stay offline').fill('14');
	await page.getByLabel('Transfers a month').fill('2');
	await page.getByRole('button', { name: 'Grant licenses' }).click();
	await page.getByRole('heading', { name: 'Kiosk', level: 1 }).waitFor();
	const [p] = (await op.ok('GET', `/api/v1/orgs/${org.id}/licenses`)).items;
	assert.deepEqual([p.unit, p.seats, p.offline_days, p.max_transfers_per_month], ['device', 3, 14, 2]);

	const form = page.getByRole('form', { name: 'Change the pool' });
	assert.equal(await form.getByLabel('Transfers a month').inputValue(), '2');
	const save = async () => {
		const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().endsWith(`/licenses/${p.id}`));
		await form.getByRole('button', { name: 'Save' }).click();
		assert.equal((await saved).status(), 200);
		await page.getByRole('status').filter({ hasText: 'The pool is changed.' }).waitFor();
	};
	await form.getByLabel('Transfers a month').fill('5');
	await save();
	assert.equal((await op.ok('GET', `/api/v1/orgs/${org.id}/licenses/${p.id}`)).max_transfers_per_month, 5);
	await form.getByLabel('Transfers a month').fill('');
	await save();
	assert.equal((await op.ok('GET', `/api/v1/orgs/${org.id}/licenses/${p.id}`)).max_transfers_per_month, null);
	await checkA11y(page, 'license-change');
});
