// Organizations in headless Chromium: the operators' list (search, paging),
// creating one through the form and its errors, a non-operator's own list,
// an organization's settings (name, modules, closing) for an operator and
// for an administrator, and the organization switcher of a person in two
// organizations. Data is made through the API; every test fails on any
// console error, uncaught error, failed request or HTTP error it did not
// declare, and on a serious or critical axe violation of its last screen.
import assert from 'node:assert/strict';
import { email } from '../api/lib/harness.mjs';
import { useConsole, consoleTest, screenshots, signInByApi } from './lib/browser.mjs';
import { addMember, descriptionOf, inParallel, operatorSession, orgWithAdmin, rowCount } from './lib/seed.mjs';

useConsole();

const rows = (page) => page.locator('main tbody tr');
const rowNames = async (page) => (await rows(page).locator('td:first-child').allInnerTexts()).map((s) => s.trim());
const orgName = (page) => page.locator('nav.org-nav .org-name');

// The q of every GET /api/v1/orgs the page sends from now on.
function orgQueries(page) {
	const seen = [];
	page.on('request', (r) => {
		const u = new URL(r.url());
		if (r.method() === 'GET' && u.pathname === '/api/v1/orgs') seen.push(u.searchParams.get('q'));
	});
	return seen;
}

async function newOrg(op, name, { type = 'enterprise', modules = [], adminEmail = email('admin') } = {}) {
	return op.ok('POST', '/api/v1/orgs', { name, type, modules, admin: { email: adminEmail } });
}

consoleTest('operators: typing a name prefix narrows the list once the typing stops, and the URL keeps the search', async ({ page, site }) => {
	const op = await operatorSession(site);
	for (const name of ['Quartz One', 'Quartz Two', 'Quasar Labs', 'Zircon Works']) await newOrg(op, name);
	await signInByApi(page, site.operator.email, site.operator.password);
	await page.goto('/orgs');
	await page.getByRole('heading', { name: 'Organizations', level: 1 }).waitFor();
	await rows(page).first().waitFor();
	const names = await rowNames(page);
	for (const n of ['Quartz One', 'Quartz Two', 'Quasar Labs', 'Zircon Works']) assert.ok(names.includes(n), `${n} is listed`);
	await screenshots(page, 'organizations');

	const queries = orgQueries(page);
	await page.getByLabel('Search by name').pressSequentially('quar', { delay: 40 });
	await page.waitForURL((u) => u.searchParams.get('q') === 'quar');
	await rowCount(page, 2);
	assert.deepEqual(await rowNames(page), ['Quartz One', 'Quartz Two'], 'a case-insensitive prefix of the name, sorted by name');
	assert.deepEqual(queries, ['quar'], 'one request, after the typing stopped: not one per key');

	await page.reload();
	await page.getByRole('link', { name: 'Quartz Two' }).waitFor();
	assert.equal(await page.getByLabel('Search by name').inputValue(), 'quar', 'the search box shows the search of the URL');
	assert.deepEqual(await rowNames(page), ['Quartz One', 'Quartz Two']);

	await page.getByLabel('Search by name').fill('quasarx');
	await page.getByText('No organization matches.').waitFor();
	assert.equal(await rows(page).count(), 0);
	await page.getByLabel('Search by name').fill('');
	await page.waitForURL((u) => !u.searchParams.has('q'));
	await page.getByRole('link', { name: 'Zircon Works' }).waitFor();
});

consoleTest('operators: more than 50 organizations come 50 at a time, the rest with "Show more"', { timeout: 40000 }, async ({ page, site }) => {
	const op = await operatorSession(site);
	const names = Array.from({ length: 55 }, (_, i) => `Bulk ${String(i + 1).padStart(2, '0')}`);
	await inParallel(names.length, 8, (i) => newOrg(op, names[i]));
	await signInByApi(page, site.operator.email, site.operator.password);
	await page.goto('/orgs?q=bulk');
	await page.getByRole('link', { name: 'Bulk 50' }).waitFor();
	assert.deepEqual(await rowNames(page), names.slice(0, 50), 'the first page: 50, by name');
	const more = page.getByRole('button', { name: 'Show more' });
	await more.click();
	await page.getByRole('link', { name: 'Bulk 55' }).waitFor();
	assert.deepEqual(await rowNames(page), names, 'the next page is added after the first, nothing twice');
	await more.waitFor({ state: 'detached' });
});

consoleTest('operators create a partner with modules through the form, and its administrator is emailed', async ({ page, site }) => {
	const op = await operatorSession(site);
	const admin = email('new-admin');
	await signInByApi(page, site.operator.email, site.operator.password);
	await page.goto('/orgs');
	await page.getByRole('link', { name: 'Create organization' }).click();
	await page.getByRole('heading', { name: 'Create an organization', level: 1 }).waitFor();
	await page.getByLabel('Name', { exact: true }).fill('Formwork Partners');
	await page.getByLabel('Partner').check();
	await page.getByLabel('Administrator’s email').fill(admin);
	await page.getByLabel('First name').fill('Grace');
	await page.getByLabel('Last name').fill('Hopper');
	await page.getByLabel('Language').selectOption('de');
	await page.getByLabel(/^Customer login/).check();
	await page.getByLabel(/^Teams/).check();
	await screenshots(page, 'create-organization');
	await page.getByRole('button', { name: 'Create', exact: true }).click();

	await page.getByRole('heading', { name: 'Formwork Partners', level: 1 }).waitFor();
	const id = new URL(page.url()).pathname.split('/')[2];
	assert.match(id, /^org_/, 'the overview of the new organization');
	const facts = page.locator('dl.facts');
	await facts.waitFor();
	assert.match(await facts.innerText(), /Partner/);
	assert.match(await facts.innerText(), /Customer login.*Teams/s, 'the overview lists both modules');
	await screenshots(page, 'overview');

	const org = await op.ok('GET', `/api/v1/orgs/${id}`);
	assert.equal(org.name, 'Formwork Partners');
	assert.equal(org.type, 'partner');
	assert.deepEqual([...org.modules].sort(), ['customer_login', 'teams']);
	const members = await op.ok('GET', `/api/v1/orgs/${id}/members`);
	assert.deepEqual(
		members.items.map((m) => [m.email, m.first_name, m.last_name, m.language, m.role]),
		[[admin, 'Grace', 'Hopper', 'de', 'administrator']],
	);
	const mail = await site.smtp.take((m) => m.to === admin);
	assert.match(mail.text, /\/set-password\?token=/, 'the administrator gets the link to set a password');
});

consoleTest('an administrator email that is not valid shows its error next to that field, and nothing is created', async ({ page, site }) => {
	const op = await operatorSession(site);
	page.expectHttp(422, '/api/v1/orgs', { method: 'POST' });
	await signInByApi(page, site.operator.email, site.operator.password);
	await page.goto('/orgs/new');
	await page.getByLabel('Name', { exact: true }).fill('Typo Industries');
	const field = page.getByLabel('Administrator’s email');
	await field.fill('typo.example.com');
	await page.getByRole('button', { name: 'Create', exact: true }).click();
	await page.getByText('This is not a valid email address.').waitFor();
	assert.equal(await field.getAttribute('aria-invalid'), 'true');
	assert.equal(await descriptionOf(field), 'This is not a valid email address.', 'the error is the email field’s description');
	assert.equal(await page.getByLabel('Name', { exact: true }).getAttribute('aria-invalid'), null, 'the name is not blamed');
	assert.equal(await page.getByRole('alert').count(), 0, 'no error apart from the field');
	assert.equal(new URL(page.url()).pathname, '/orgs/new', 'the form stays, with what was typed');
	assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'Typo Industries');
	assert.deepEqual((await op.ok('GET', '/api/v1/orgs?q=Typo')).items, [], 'no organization was created');
});

consoleTest('a non-operator at /orgs sees only their own organizations with their role, and cannot create one', async ({ page, site }) => {
	const op = await operatorSession(site);
	const { org: first, admin: me } = await orgWithAdmin(site, op, { name: 'Own First' });
	const second = await newOrg(op, 'Own Second', { adminEmail: me.email }); // an existing account is reused
	await addMember(op, second.id, { role: 'administrator' });
	await op.ok('PATCH', `/api/v1/orgs/${second.id}/members/${me.id}`, { role: 'moderator' });
	await newOrg(op, 'Own Third, not mine');
	await signInByApi(page, me.email, me.password);
	await page.goto('/orgs');
	await page.getByRole('heading', { name: 'My organizations', level: 1 }).waitFor();
	await page.getByRole('link', { name: 'Own Second' }).waitFor();
	const table = await rows(page).evaluateAll((trs) => trs.map((tr) => [...tr.cells].slice(0, 3).map((c) => c.innerText.trim())));
	assert.deepEqual(table, [
		['Own First', 'Enterprise', 'Administrator'],
		['Own Second', 'Enterprise', 'Moderator'],
	]);
	assert.equal(await page.getByRole('columnheader', { name: 'My role' }).count(), 1);
	assert.equal(await page.getByRole('link', { name: 'Create organization' }).count(), 0);
	assert.equal(await page.getByRole('link', { name: 'All organizations' }).count(), 0);
	await page.getByRole('link', { name: 'Own First' }).click();
	await page.getByRole('heading', { name: 'Own First', level: 1 }).waitFor();
	assert.equal(new URL(page.url()).pathname, `/orgs/${first.id}`);
});

consoleTest('operators rename an organization, switch a module on and off, and close it after a confirmation', { timeout: 30000 }, async ({ page, site }) => {
	const op = await operatorSession(site);
	const org = await newOrg(op, 'Settle Down Ltd');
	const apiOrg = () => op.ok('GET', `/api/v1/orgs/${org.id}`);
	await signInByApi(page, site.operator.email, site.operator.password);
	await page.goto(`/orgs/${org.id}`);
	await page.getByRole('navigation', { name: 'Organization' }).getByRole('link', { name: 'Settings' }).click();
	await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
	assert.equal(await orgName(page).innerText(), 'Settle Down Ltd');
	await screenshots(page, 'settings');

	const name = page.getByLabel('Name', { exact: true });
	assert.equal(await name.inputValue(), 'Settle Down Ltd');
	await name.fill('Settled Up Ltd');
	await page.getByRole('button', { name: 'Save' }).click();
	await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
	await page.waitForFunction(() => document.querySelector('nav.org-nav .org-name')?.textContent === 'Settled Up Ltd');
	assert.equal((await apiOrg()).name, 'Settled Up Ltd');

	const teams = page.getByLabel(/^Teams/);
	assert.equal(await teams.isChecked(), false);
	await teams.check();
	await page.getByRole('status').filter({ hasText: /^Teams.* is on\.$/ }).waitFor();
	assert.deepEqual((await apiOrg()).modules, ['teams']);
	await teams.uncheck();
	await page.getByRole('status').filter({ hasText: /^Teams.* is off\.$/ }).waitFor();
	assert.deepEqual((await apiOrg()).modules, []);
	assert.equal(await teams.isChecked(), false);

	await page.getByRole('heading', { name: 'Close the organization', level: 2 }).waitFor();
	await page.getByRole('button', { name: 'Close the organization' }).click();
	const dialog = page.getByRole('dialog', { name: 'Close the organization' });
	await dialog.waitFor();
	assert.match(
		await dialog.innerText(),
		/Settled Up Ltd will be closed: nobody can work in it any more and its people lose their access to it\. Its data is kept/,
	);
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await dialog.waitFor({ state: 'detached' });
	assert.equal((await apiOrg()).state, 'active', 'Cancel keeps it');

	await page.getByRole('button', { name: 'Close the organization' }).click();
	await dialog.getByRole('button', { name: 'Close the organization' }).click();
	await page.waitForURL((u) => u.pathname === '/orgs');
	assert.equal((await apiOrg()).state, 'closed');
	await page.getByLabel('Search by name').fill('Settled');
	await page.waitForURL((u) => u.searchParams.get('q') === 'Settled');
	await rowCount(page, 1);
	assert.deepEqual(await rows(page).locator('td:nth-child(3)').allInnerTexts(), ['Closed'], 'the list says it is closed');
});

consoleTest('an administrator renames their organization but sees the modules read-only and no way to close it', async ({ page, site }) => {
	const op = await operatorSession(site);
	const { org, admin } = await orgWithAdmin(site, op, { name: 'Admin Only Co', modules: ['teams'] });
	await signInByApi(page, admin.email, admin.password);
	await page.goto(`/orgs/${org.id}/settings`);
	await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
	await page.getByText('Only the service’s operators switch modules on and off.').waitFor();
	const teams = page.getByLabel(/^Teams/);
	const login = page.getByLabel(/^Customer login/);
	assert.equal(await teams.isChecked(), true, 'the modules as they are');
	assert.equal(await login.isChecked(), false);
	assert.equal(await teams.isDisabled(), true, 'read-only');
	assert.equal(await login.isDisabled(), true, 'read-only');
	assert.equal(await page.getByRole('heading', { name: 'Close the organization' }).count(), 0);
	assert.equal(await page.getByRole('button', { name: 'Close the organization' }).count(), 0);

	await page.getByLabel('Name', { exact: true }).fill('Admin Only Company');
	await page.getByRole('button', { name: 'Save' }).click();
	await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
	await page.waitForFunction(() => document.querySelector('nav.org-nav .org-name')?.textContent === 'Admin Only Company');
	assert.equal((await op.ok('GET', `/api/v1/orgs/${org.id}`)).name, 'Admin Only Company');
});

consoleTest('a person in two organizations switches between them with the organization switcher', async ({ page, site }) => {
	const op = await operatorSession(site);
	const { org: north, admin: me } = await orgWithAdmin(site, op, { name: 'Switch North' });
	const south = await newOrg(op, 'Switch South', { adminEmail: me.email });
	const northie = await addMember(op, north.id, { first_name: 'Nora', last_name: 'North' });
	const southie = await addMember(op, south.id, { first_name: 'Sam', last_name: 'South' });
	await signInByApi(page, me.email, me.password);
	await page.goto(`/orgs/${north.id}/users`);
	await page.getByRole('cell', { name: northie.email }).waitFor();
	const switcher = page.getByRole('combobox', { name: 'Organization', exact: true });
	assert.equal(await switcher.inputValue(), north.id);
	assert.deepEqual((await switcher.locator('option').allInnerTexts()).map((s) => s.trim()), ['Switch North', 'Switch South']);
	assert.equal(await orgName(page).innerText(), 'Switch North');

	await switcher.selectOption({ label: 'Switch South' });
	await page.waitForURL((u) => u.pathname === `/orgs/${south.id}/users`);
	await page.getByRole('cell', { name: southie.email }).waitFor();
	assert.equal(await orgName(page).innerText(), 'Switch South');
	assert.equal(await switcher.inputValue(), south.id);
	assert.equal(await page.getByRole('cell', { name: northie.email }).count(), 0, 'only the members of the organization shown');
	const emails = await rows(page).locator('td:nth-child(3)').allInnerTexts();
	assert.deepEqual(emails.sort(), [me.email, southie.email].sort());

	await switcher.selectOption({ label: 'Switch North' });
	await page.getByRole('cell', { name: northie.email }).waitFor();
	assert.equal(await orgName(page).innerText(), 'Switch North');
});
