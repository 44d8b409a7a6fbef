// The audit log in headless Chromium: what was done through the API
// (members added, a role changed, a member removed, a module switched on)
// is listed newest first, and the filters narrow it: by action, by actor
// (clicking an actor's id), by a date range, and clearing them brings it
// all back. The test fails on any console error, uncaught error, failed
// request or HTTP error it did not declare, and on a serious or critical
// axe violation of its last screen.
import assert from 'node:assert/strict';
import { apiSession, useConsole, consoleTest, screenshots, signInByApi } from './lib/browser.mjs';
import { addMember, operatorSession, orgWithAdmin, rowCount } from './lib/seed.mjs';

useConsole();

const rows = (page) => page.locator('main tbody tr');
// The action of each row (its first line: the details follow) and who did it.
const entries = (page) =>
	rows(page).evaluateAll((trs) =>
		trs.map((tr) => ({
			at: tr.cells[0].querySelector('time').getAttribute('datetime'),
			what: tr.cells[1].innerText.split('\n')[0].trim(),
			who: tr.cells[2].innerText.trim(),
		})),
	);
const rowWith = (page, text) => rows(page).filter({ hasText: text });
const whats = async (page) => (await entries(page)).map((e) => e.what);

consoleTest('the audit log lists what was done newest first, and its filters narrow it and clear', { timeout: 30000 }, async ({ page, site }) => {
	const op = await operatorSession(site);
	const { org, admin } = await orgWithAdmin(site, op, { name: 'Audited AG' });
	await op.ok('PUT', `/api/v1/orgs/${org.id}/modules/teams`);
	const s = await apiSession(site.base, admin.email, admin.password);
	const bob = await addMember(s, org.id, { first_name: 'Bob' });
	const carol = await addMember(s, org.id, { first_name: 'Carol' });
	await s.ok('PATCH', `/api/v1/orgs/${org.id}/members/${bob.id}`, { role: 'moderator' });
	await s.ok('DELETE', `/api/v1/orgs/${org.id}/members/${carol.id}`);
	const log = (await s.ok('GET', `/api/v1/orgs/${org.id}/audit`)).items;
	const mine = log.filter((e) => e.actor_id === admin.id);
	const operators = log.filter((e) => e.actor_id === op.user.id);
	assert.ok(operators.length >= 2 && mine.length === 4, 'both acted');

	await signInByApi(page, admin.email, admin.password);
	await page.goto(`/orgs/${org.id}`);
	await page.getByRole('navigation', { name: 'Organization' }).getByRole('link', { name: 'Audit log' }).click();
	await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
	await rows(page).first().waitFor();
	const all = await entries(page);
	assert.deepEqual(
		all.slice(0, 5).map((e) => e.what),
		['Member removed', 'Role changed', 'Member added', 'Member added', 'Module switched on'],
		'newest first',
	);
	assert.equal(all.at(-1).what, 'Organization created', 'the oldest last');
	assert.equal(all.length, log.length, 'every entry');
	const times = all.map((e) => e.at);
	assert.deepEqual(times, [...times].sort().reverse(), 'by time, newest first');
	assert.deepEqual(all.slice(0, 4).map((e) => e.who), Array(4).fill(admin.id));
	await screenshots(page, 'audit-log');

	await page.getByLabel('Action').selectOption({ label: 'Member added' });
	await page.waitForURL((u) => u.searchParams.get('action') === 'member.created');
	await rowCount(page, 2);
	assert.deepEqual(await whats(page), ['Member added', 'Member added']);
	const details = await rows(page).locator('td:nth-child(2)').allInnerTexts();
	assert.ok(details[0].includes(carol.email) && details[1].includes(bob.email), 'the details say who was added');

	await page.getByRole('button', { name: 'Clear the filters' }).click();
	await rowWith(page, 'Member removed').waitFor();
	assert.equal(await page.getByLabel('Action').inputValue(), '');
	assert.equal((await entries(page)).length, all.length);

	await rows(page).last().getByRole('button', { name: op.user.id }).click();
	await page.waitForURL((u) => u.searchParams.get('actor') === op.user.id);
	await rowCount(page, operators.length);
	const byOperator = await entries(page);
	assert.equal(byOperator.length, operators.length, 'only the operator’s entries');
	assert.ok(byOperator.every((e) => e.who === op.user.id));
	assert.ok(byOperator.some((e) => e.what === 'Module switched on'));
	assert.equal(await page.getByLabel('By (user id)').inputValue(), op.user.id, 'the actor field shows the filter');

	const year = new Date().getUTCFullYear() + 1;
	await page.getByLabel('From', { exact: true }).fill(`${year}-01-01`);
	await page.getByLabel('To', { exact: true }).fill(`${year}-12-31`);
	await page.getByRole('button', { name: 'Filter', exact: true }).click();
	await page.getByText('No entry matches.').waitFor();
	assert.equal(await rows(page).count(), 0);
	const u = new URL(page.url());
	assert.deepEqual([u.searchParams.get('since'), u.searchParams.get('until')], [`${year}-01-01`, `${year}-12-31`]);

	await page.getByRole('button', { name: 'Clear the filters' }).click();
	await rowWith(page, 'Member removed').waitFor();
	assert.deepEqual(await entries(page), all, 'everything again, as at first');
	assert.equal(new URL(page.url()).search, '');
	for (const label of ['By (user id)', 'To']) assert.equal(await page.getByLabel(label, { exact: true }).inputValue(), '', `${label} is empty`);
});

consoleTest('the order can be reversed: oldest first', async ({ page, site }) => {
	const op = await operatorSession(site);
	const { org, admin } = await orgWithAdmin(site, op, { name: 'Chronicle Ltd' });
	await addMember(op, org.id, { first_name: 'Dora' });
	await signInByApi(page, admin.email, admin.password);
	await page.goto(`/orgs/${org.id}/audit`);
	await rowWith(page, 'Member added').first().waitFor();
	const newest = await whats(page);
	assert.equal(newest[0], 'Member added');
	await page.getByLabel('Order').selectOption({ label: 'Oldest first' });
	await page.waitForURL((u) => u.searchParams.get('sort') === 'at');
	await page.waitForFunction(() => document.querySelector('main tbody tr td:nth-child(2)')?.innerText.startsWith('Organization created'));
	assert.deepEqual(await whats(page), [...newest].reverse());
});

consoleTest('license, seat and device actions read in words and filter like the others', { timeout: 30000 }, async ({ page, site }) => {
	const op = await operatorSession(site);
	const { org, admin } = await orgWithAdmin(site, op, { name: 'Seated AG' });
	await op.ok('POST', `/api/v1/orgs/${org.id}/licenses`, { product: 'Viewer', seats: 1, unit: 'user', auto_assign: true });
	const s = await apiSession(site.base, admin.email, admin.password);
	await addMember(s, org.id, { first_name: 'Dora' });
	await addMember(s, org.id, { first_name: 'Emil' }); // no seat left: waits

	await signInByApi(page, admin.email, admin.password);
	await page.goto(`/orgs/${org.id}/audit`);
	await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
	await rowWith(page, 'Seat assigned').waitFor();
	const seen = await whats(page);
	for (const w of ['Joined a waiting list', 'Seat assigned', 'License pool granted']) assert.ok(seen.includes(w), `${w} in ${seen}`);
	await page.getByLabel('Action').selectOption({ label: 'Joined a waiting list' });
	await page.waitForURL((u) => u.searchParams.get('action') === 'seat.waiting');
	await rowCount(page, 1);
	assert.deepEqual(await whats(page), ['Joined a waiting list']);
});
