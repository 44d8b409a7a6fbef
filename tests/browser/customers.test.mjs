// Customers in headless Chromium: a provider's administrator creates a
// corporate customer through the form, finds it by a prefix of its name,
// opens it and gives it an administrator; that administrator sees only
// their own organization and nothing of the provider but its name; a
// customer made independent (from its own console or from the provider's)
// is gone for the provider. Data is made through the API; every test fails
// on any console error, uncaught error, failed request or HTTP error it did
// not declare, and on a serious or critical axe violation of its last screen.
import assert from 'node:assert/strict';
import { email } from '../api/lib/harness.mjs';
import { apiSession, useConsole, consoleTest, screenshots, signInByApi } from './lib/browser.mjs';
import { PASSWORD, addMember, operatorSession, orgWithAdmin, rowCount } from './lib/seed.mjs';

useConsole();

const rows = (page) => page.locator('main tbody tr');
const orgNav = (page) => page.getByRole('navigation', { name: 'Organization' });

// A partner with customer_login, its administrator, and (when named) a
// corporate customer with an administrator of its own. Answers
// {provider, padmin, psession, customer, cadmin}.
async function providerWithCustomer(site, name, customerName) {
	const op = await operatorSession(site);
	const { org: provider, admin: padmin } = await orgWithAdmin(site, op, { name, type: 'partner', modules: ['customer_login'] });
	const psession = await apiSession(site.base, padmin.email, padmin.password);
	let customer = null;
	let cadmin = null;
	if (customerName) {
		customer = await psession.ok('POST', `/api/v1/orgs/${provider.id}/customers`, { name: customerName, kind: 'corporate' });
		cadmin = await addMember(psession, customer.id, { role: 'administrator', first_name: 'Cleo', last_name: 'Customer' });
	}
	return { provider, padmin, psession, customer, cadmin };
}

consoleTest('a provider’s administrator creates a corporate customer, finds it by prefix, opens it and adds its administrator', { timeout: 30000 }, async ({ page, site }) => {
	const { provider, padmin, psession } = await providerWithCustomer(site, 'Supplier Partners');
	for (const [name, kind] of [
		['Cobra Households', 'individual'],
		['Zinc Corp', 'corporate'],
	])
		await psession.ok('POST', `/api/v1/orgs/${provider.id}/customers`, { name, kind });
	await signInByApi(page, padmin.email, padmin.password);
	await page.goto('/');
	await orgNav(page).getByRole('link', { name: 'Customers' }).click();
	await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor();
	await page.getByRole('link', { name: 'Open Zinc Corp' }).waitFor();
	await screenshots(page, 'customers');

	await page.getByRole('link', { name: 'Create customer' }).click();
	await page.getByRole('heading', { name: 'Create a customer', level: 1 }).waitFor();
	await page.getByLabel('Name').fill('Cobalt Mining');
	assert.equal(await page.getByLabel('Corporate').isChecked(), true, 'corporate by default');
	await screenshots(page, 'create-customer');
	await page.getByRole('button', { name: 'Create', exact: true }).click();
	await page.getByRole('heading', { name: 'Cobalt Mining', level: 1 }).waitFor();
	const id = new URL(page.url()).pathname.split('/')[2];
	const customer = await psession.ok('GET', `/api/v1/orgs/${id}`);
	assert.deepEqual([customer.type, customer.kind, customer.provider_id], ['customer', 'corporate', provider.id]);

	await page.goto(`/orgs/${provider.id}/customers`);
	await page.getByRole('link', { name: 'Open Zinc Corp' }).waitFor();
	await page.getByLabel('Search by name').fill('co');
	await page.waitForURL((u) => u.searchParams.get('q') === 'co');
	await rowCount(page, 2);
	const table = await rows(page).evaluateAll((trs) => trs.map((tr) => [...tr.cells].slice(0, 2).map((c) => c.innerText.trim())));
	assert.deepEqual(table, [
		['Cobalt Mining', 'Corporate'],
		['Cobra Households', 'Individual'],
	]);
	await page.getByLabel('Search by name').fill('coba');
	await page.waitForURL((u) => u.searchParams.get('q') === 'coba');
	await rowCount(page, 1);
	assert.deepEqual(await rows(page).locator('td:first-child').allInnerTexts(), ['Cobalt Mining']);
	await page.getByRole('link', { name: 'Open Cobalt Mining' }).click();

	await page.getByRole('heading', { name: 'Cobalt Mining', level: 1 }).waitFor();
	const facts = await page.locator('dl.facts').innerText();
	assert.match(facts, /Customer \(Corporate\)/);
	assert.match(facts, /Provided by\s+Supplier Partners/);
	assert.match(facts, /My role\s+Through the provider/);
	assert.equal(await orgNav(page).getByRole('link', { name: 'Customers' }).count(), 0, 'a customer has no customers');

	await orgNav(page).getByRole('link', { name: 'Users' }).click();
	await page.getByRole('link', { name: 'Create user' }).click();
	const cadmin = email('cust-admin');
	await page.getByLabel('Email', { exact: true }).fill(cadmin);
	await page.getByLabel('First name').fill('Cleo');
	await page.getByLabel('Role').selectOption('administrator');
	await page.getByLabel('Set a password now').check();
	await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
	await page.getByRole('button', { name: 'Create', exact: true }).click();
	await page.getByRole('status').filter({ hasText: `${cadmin} is now a member.` }).waitFor();
	const members = await psession.ok('GET', `/api/v1/orgs/${id}/members`);
	assert.deepEqual(
		members.items.map((m) => [m.email, m.role]),
		[[cadmin, 'administrator']],
	);
	const signedIn = await apiSession(site.base, cadmin, PASSWORD);
	assert.deepEqual(
		signedIn.user && (await signedIn.ok('GET', '/api/v1/me')).organizations.map((o) => [o.id, o.role]),
		[[id, 'administrator']],
		'the new administrator signs in with that password, into the customer',
	);
});

consoleTest('a customer’s administrator sees only their organization and the provider’s name, then makes it independent', { timeout: 30000 }, async ({ page, site }) => {
	const { provider, padmin, customer, cadmin } = await providerWithCustomer(site, 'Upstream Services', 'Downstream Shop');
	await signInByApi(page, cadmin.email, cadmin.password);
	await page.goto('/');
	await page.waitForURL((u) => u.pathname === `/orgs/${customer.id}/users`);
	await page.getByRole('cell', { name: cadmin.email }).waitFor();
	assert.equal(await page.getByRole('combobox', { name: 'Organization' }).count(), 0, 'one organization: no switcher');
	assert.equal(await page.locator('nav.org-nav .org-name').innerText(), 'Downstream Shop');

	await page.goto('/orgs');
	await page.getByRole('heading', { name: 'My organizations', level: 1 }).waitFor();
	await page.getByRole('link', { name: 'Downstream Shop' }).waitFor();
	assert.deepEqual(await rows(page).locator('td:first-child').allInnerTexts(), ['Downstream Shop']);

	await page.getByRole('link', { name: 'Downstream Shop' }).click();
	await page.getByRole('heading', { name: 'Downstream Shop', level: 1 }).waitFor();
	const main = page.locator('main');
	await main.locator('dl.facts').waitFor();
	assert.match(await main.locator('dl.facts').innerText(), /Provided by\s+Upstream Services/);
	assert.equal((await page.locator('body').innerText()).split('Upstream Services').length - 1, 2, 'the provider’s name in the facts and in the independence section, nowhere else');
	assert.equal(await page.locator(`a[href*="${provider.id}"]`).count(), 0, 'no way into the provider');
	assert.equal(await orgNav(page).getByRole('link', { name: 'Customers' }).count(), 0);

	page.expectHttp(404, `/api/v1/orgs/${provider.id}`, { method: 'GET' });
	await page.goto(`/orgs/${provider.id}/users`);
	await page.getByRole('alert').filter({ hasText: 'This no longer exists, or you cannot see it.' }).waitFor();
	assert.equal(await page.getByRole('cell', { name: padmin.email }).count(), 0, 'none of the provider’s people');
	assert.equal(await page.locator('nav.org-nav').count(), 0);

	await page.goto(`/orgs/${customer.id}`);
	await page.getByRole('heading', { name: 'Make independent', level: 2 }).waitFor();
	await page.getByRole('button', { name: 'Make independent' }).click();
	const dialog = page.getByRole('dialog', { name: 'Make independent' });
	await dialog.waitFor();
	assert.equal(
		(await dialog.locator('.dialog-body').innerText()).trim(),
		'Downstream Shop becomes an enterprise of its own. Upstream Services and its people lose all access to it at once, and this cannot be undone. Its members, roles and data stay.',
	);
	await dialog.getByRole('button', { name: 'Make independent' }).click();
	await page.getByRole('status').filter({ hasText: 'This organization is now independent.' }).waitFor();
	await dialog.waitFor({ state: 'detached' });
	const facts = await main.locator('dl.facts').innerText();
	assert.match(facts, /Type\s+Enterprise/);
	assert.doesNotMatch(facts, /Provided by|Upstream/);
	assert.equal(await page.getByRole('button', { name: 'Make independent' }).count(), 0);

	// The provider's administrator, in this browser now.
	await page.context().clearCookies();
	await signInByApi(page, padmin.email, padmin.password);
	await page.goto(`/orgs/${provider.id}/customers?q=down`);
	await page.getByText('No customer matches.').waitFor();
	page.expectHttp(404, `/api/v1/orgs/${customer.id}`, { method: 'GET' });
	await page.goto(`/orgs/${customer.id}`);
	await page.getByRole('alert').filter({ hasText: 'This no longer exists, or you cannot see it.' }).waitFor();
});

consoleTest('a provider’s administrator makes a customer independent from the provider’s console and is back at the customers without it', async ({ page, site }) => {
	const { provider, padmin, customer } = await providerWithCustomer(site, 'Letting Go Ltd', 'Fledgling Inc');
	await signInByApi(page, padmin.email, padmin.password);
	await page.goto(`/orgs/${provider.id}/customers`);
	await page.getByRole('link', { name: 'Open Fledgling Inc' }).click();
	await page.getByRole('heading', { name: 'Fledgling Inc', level: 1 }).waitFor();
	await page.getByRole('button', { name: 'Make independent' }).click();
	const dialog = page.getByRole('dialog', { name: 'Make independent' });
	assert.match(await dialog.innerText(), /Letting Go Ltd and its people lose all access to it at once, and this cannot be undone/);
	await dialog.getByRole('button', { name: 'Make independent' }).click();
	await page.waitForURL((u) => u.pathname === `/orgs/${provider.id}/customers`);
	await page.getByRole('status').filter({ hasText: 'Fledgling Inc is now independent: it is no longer your customer.' }).waitFor();
	await page.getByText('No customer matches.').waitFor();
	const op = await operatorSession(site);
	const now = await op.ok('GET', `/api/v1/orgs/${customer.id}`);
	assert.deepEqual([now.type, now.provider_id], ['enterprise', null]);
});
