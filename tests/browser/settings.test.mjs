// My settings and the account's way in, in headless Chromium: the profile
// and the language (the console turns French at once and stays so), the
// password change and its errors, a French user's console, a session that
// ends under a screen (back to sign-in, then to the same path and query),
// the sign-in throttle, and a forgotten password reset through the email's
// link. Data is made through the API; every test fails on any console
// error, uncaught error, failed request or HTTP error it did not declare,
// and on a serious or critical axe violation of its last screen.
import assert from 'node:assert/strict';
import { api } from '../api/lib/harness.mjs';
import { apiSession, useConsole, consoleTest, screenshots, signInByApi } from './lib/browser.mjs';
import { addMember, descriptionOf, operatorSession, orgWithAdmin } from './lib/seed.mjs';

useConsole();

async function fillSignIn(page, address, password) {
	await page.getByLabel('Email').fill(address);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
}

const frenchDate = (iso) => new Intl.DateTimeFormat('fr', { dateStyle: 'medium' }).format(new Date(iso));
const FRENCH_MONTH = /\d{1,2} (janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.) \d{4}/;

consoleTest('my first name and the language French: the whole console is French at once and after a reload, then English again', { timeout: 30000 }, async ({ page, site }) => {
	const op = await operatorSession(site);
	const { org, admin } = await orgWithAdmin(site, op, { name: 'Polyglot SA', first_name: 'Amy' });
	const mine = await apiSession(site.base, admin.email, admin.password);
	await signInByApi(page, admin.email, admin.password);
	await page.goto(`/orgs/${org.id}/users`);
	await page.getByRole('link', { name: 'My settings' }).click();
	await page.getByRole('heading', { name: 'My settings', level: 1 }).waitFor();
	assert.equal(await page.getByLabel('First name').inputValue(), 'Amy');
	assert.equal(await page.getByLabel('Language').inputValue(), 'en');
	await screenshots(page, 'my-settings');

	await page.getByLabel('First name').fill('Amélie');
	await page.getByLabel('Language').selectOption('fr');
	await page.getByRole('button', { name: 'Save' }).click();
	await page.getByRole('status').filter({ hasText: 'Votre profil est enregistré.' }).waitFor();
	const french = async () => {
		await page.getByRole('heading', { name: 'Mes paramètres', level: 1 }).waitFor();
		assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
		for (const name of ['Profil', 'Mot de passe', 'Mes organisations'])
			assert.equal(await page.getByRole('heading', { name, level: 2 }).count(), 1, `heading ${name}`);
		assert.equal(await page.getByRole('link', { name: 'Mes paramètres' }).count(), 1, 'the header');
		assert.equal(await page.getByRole('button', { name: 'Se déconnecter' }).count(), 1);
		assert.equal((await page.locator('header .who').innerText()).trim(), `Connecté en tant que ${admin.email}`);
		assert.equal(await page.getByLabel('Prénom').inputValue(), 'Amélie');
		assert.equal(await page.getByText(/\b(Sign out|My settings|Profile|Password)\b/).count(), 0, 'no English left');
	};
	await french();
	const me = await mine.ok('GET', '/api/v1/me');
	assert.deepEqual([me.first_name, me.language], ['Amélie', 'fr']);

	await page.reload();
	await french();
	await page.getByRole('link', { name: 'Polyglot SA' }).click();
	await page.getByRole('heading', { name: 'Utilisateurs', level: 1 }).waitFor();
	const nav = page.getByRole('navigation', { name: 'Organisation' });
	assert.deepEqual((await nav.getByRole('link').allInnerTexts()).map((s) => s.trim()), [
		'Vue d’ensemble',
		'Utilisateurs',
		'Rôles',
		'Licences',
		'Appareils',
		'Clients',
		'Journal d’audit',
		'Paramètres',
	]);

	await page.getByRole('link', { name: 'Mes paramètres' }).click();
	await page.getByLabel('Langue').selectOption('en');
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await page.getByRole('status').filter({ hasText: 'Your profile is saved.' }).waitFor();
	await page.getByRole('heading', { name: 'My settings', level: 1 }).waitFor();
	assert.equal(await page.locator('html').getAttribute('lang'), 'en');
	assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 1);
	assert.equal((await mine.ok('GET', '/api/v1/me')).language, 'en');
});

consoleTest('changing my password: a wrong current one and a mismatch are shown at their fields; then only the new one signs in', { timeout: 30000 }, async ({ page, site }) => {
	const op = await operatorSession(site);
	const { admin } = await orgWithAdmin(site, op, { name: 'Passwordy GmbH' });
	const NEW = 'the new password of this test';
	const changes = [];
	page.on('request', (r) => r.url().endsWith('/api/v1/me/password') && changes.push(r.method()));
	page.expectHttp(403, '/api/v1/me/password', { method: 'POST' });
	page.expectHttp(401, '/api/v1/auth/login', { method: 'POST' });
	await signInByApi(page, admin.email, admin.password);
	await page.goto('/settings');
	const current = page.getByLabel('Current password');
	const fresh = page.getByLabel('New password', { exact: true });
	const repeat = page.getByLabel('Repeat the new password');
	const change = page.getByRole('button', { name: 'Change the password' });

	await current.fill('not my password at all');
	await fresh.fill(NEW);
	await repeat.fill(NEW);
	await change.click();
	await page.getByText('The current password is not right.').waitFor();
	assert.equal(await current.getAttribute('aria-invalid'), 'true');
	assert.equal(await descriptionOf(current), 'The current password is not right.', 'next to the current password');
	assert.equal(await fresh.getAttribute('aria-invalid'), null);

	await current.fill(admin.password);
	await repeat.fill(`${NEW}!`);
	await change.click();
	await page.getByText('The two passwords are not the same.').waitFor();
	assert.equal(await descriptionOf(repeat), 'The two passwords are not the same.', 'next to the repetition');
	assert.equal(await current.getAttribute('aria-invalid'), null, 'the earlier error is gone');
	assert.deepEqual(changes, ['POST'], 'a mismatch is not sent');

	await repeat.fill(NEW);
	await change.click();
	await page.getByRole('status').filter({ hasText: 'Your password is changed.' }).waitFor();
	assert.deepEqual([await current.inputValue(), await fresh.inputValue(), await repeat.inputValue()], ['', '', ''], 'the fields are emptied');
	assert.equal(await page.getByText('The two passwords are not the same.').count(), 0);

	await page.getByRole('button', { name: 'Sign out' }).click();
	await fillSignIn(page, admin.email, admin.password);
	await page.getByRole('alert').filter({ hasText: 'The email or the password is not right.' }).waitFor();
	await page.getByLabel('Password').fill(NEW);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.getByRole('button', { name: 'Sign out' }).waitFor();
	assert.equal((await page.locator('header .who').innerText()).trim(), `Signed in as ${admin.email}`);
});

consoleTest('a French user signs in and gets the console in French, dates included', async ({ page, site }) => {
	const op = await operatorSession(site);
	const { org, admin } = await orgWithAdmin(site, op, { name: 'Maison Dupont', language: 'fr' });
	const jean = await addMember(op, org.id, { first_name: 'Jean', last_name: 'Valjean', language: 'fr' });
	await page.goto('/');
	await fillSignIn(page, admin.email, admin.password); // the browser speaks English: the form does too
	await page.getByRole('heading', { name: 'Utilisateurs', level: 1 }).waitFor();
	assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
	const nav = page.getByRole('navigation', { name: 'Organisation' });
	assert.equal(await nav.getByRole('link', { name: 'Utilisateurs' }).getAttribute('aria-current'), 'page');
	assert.equal(await page.getByRole('button', { name: 'Se déconnecter' }).count(), 1);
	assert.equal(await page.getByRole('columnheader', { name: 'Arrivée' }).count(), 1);
	const row = page.getByRole('row').filter({ hasText: jean.email });
	const joined = (await row.locator('td').last().innerText()).trim();
	assert.match(joined, FRENCH_MONTH, 'a French month name');
	assert.equal(joined, frenchDate(jean.joined_at));
	assert.match(await row.innerText(), /Membre/, 'the role in French');
	await screenshots(page, 'users-fr');
});

consoleTest('a session that ends under the Users screen brings the sign-in with a notice, and signing in goes back to the same path and query', async ({ page, site }) => {
	const op = await operatorSession(site);
	const { org, admin } = await orgWithAdmin(site, op, { name: 'Fleeting Ltd' });
	const alice = await addMember(op, org.id, { first_name: 'Alice', last_name: 'Liddell' });
	const bob = await addMember(op, org.id, { first_name: 'Bob', last_name: 'Dylan' });
	await signInByApi(page, admin.email, admin.password);
	await page.goto(`/orgs/${org.id}/users?q=ali`);
	await page.getByRole('cell', { name: alice.email }).waitFor();

	const cookie = (await page.context().cookies()).find((c) => c.name === 'roster_session');
	const out = await api(site.base).req('POST', '/api/v1/auth/logout', { cookie: cookie.value, headers: { 'X-Roster-CSRF': '1' } });
	assert.equal(out.status, 204, out.text);

	page.expectHttp(401, /^\/api\/v1\/orgs\/[^/]+\/members\?/, { method: 'GET' });
	await page.getByLabel('Search by name or email').fill('bo');
	await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
	await page.getByRole('status').filter({ hasText: 'Your session has ended; sign in again to continue.' }).waitFor();
	const at = new URL(page.url());
	assert.equal(at.pathname, '/sign-in');
	assert.equal(at.searchParams.get('next'), `/orgs/${org.id}/users?q=bo`, 'where it was, with the search just typed');

	await fillSignIn(page, admin.email, admin.password);
	await page.getByRole('cell', { name: bob.email }).waitFor();
	const back = new URL(page.url());
	assert.equal(back.pathname + back.search, `/orgs/${org.id}/users?q=bo`);
	assert.equal(await page.getByLabel('Search by name or email').inputValue(), 'bo');
	assert.equal(await page.getByRole('cell', { name: alice.email }).count(), 0, 'the search applies');
});

consoleTest('after ten wrong passwords for an account, the sign-in form says when to try again', async ({ page, site }) => {
	const op = await operatorSession(site);
	const { admin } = await orgWithAdmin(site, op, { name: 'Locked Out Co' });
	const c = api(site.base);
	for (let i = 0; i < 10; i++) assert.equal((await c.login(admin.email, `wrong password ${i}`)).status, 401);
	page.expectHttp(429, '/api/v1/auth/login', { method: 'POST' });
	await page.goto('/');
	await fillSignIn(page, admin.email, admin.password); // the right one, too late
	const alert = page.getByRole('alert');
	await alert.waitFor();
	const text = (await alert.innerText()).trim();
	const m = /^Too many attempts; try again in (\d+) minutes\.$/.exec(text);
	assert.ok(m, text);
	assert.ok(Number(m[1]) >= 2 && Number(m[1]) <= 15, `within the 15 minutes of the window: ${text}`);
	assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 0, 'not signed in');
	await screenshots(page, 'sign-in-throttled');
});

consoleTest('a forgotten password: the form, the email’s link, a new password, and signing in with it', async ({ page, site }) => {
	const op = await operatorSession(site);
	const { admin } = await orgWithAdmin(site, op, { name: 'Forgetful Inc' });
	const NEW = 'remembered at last, this time';
	page.expectHttp(401, '/api/v1/auth/login', { method: 'POST' });
	await page.goto('/');
	await page.getByRole('link', { name: 'Forgot your password?' }).click();
	await page.getByRole('heading', { name: 'Forgot your password', level: 1 }).waitFor();
	await page.getByLabel('Email').fill(admin.email);
	await page.getByRole('button', { name: 'Send the link' }).click();
	await page
		.getByRole('status')
		.filter({ hasText: `If ${admin.email} has an account, a link to choose a new password is on its way.` })
		.waitFor();
	await screenshots(page, 'forgot-password');

	const mail = await site.smtp.take((m) => m.to === admin.email);
	await page.goto(site.consoleLink(mail, 'reset-password'));
	await page.getByRole('heading', { name: 'Choose a new password', level: 1 }).waitFor();
	assert.equal(new URL(page.url()).search, '', 'the token left the address bar');
	await page.getByLabel('New password', { exact: true }).fill(NEW);
	await page.getByLabel('Repeat the password').fill(NEW);
	await page.getByRole('button', { name: 'Save' }).click();
	await page.getByRole('status').filter({ hasText: 'Your password is set. Sign in with it.' }).waitFor();

	await fillSignIn(page, admin.email, admin.password);
	await page.getByRole('alert').filter({ hasText: 'The email or the password is not right.' }).waitFor();
	await page.getByLabel('Password').fill(NEW);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.getByRole('button', { name: 'Sign out' }).waitFor();
	assert.equal((await page.locator('header .who').innerText()).trim(), `Signed in as ${admin.email}`);
});
