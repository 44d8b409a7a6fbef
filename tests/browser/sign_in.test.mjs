// The sign-in screen in headless Chromium: the operator signs in and out, a
// session already there, a wrong password, the screen in French, axe,
// screenshots, and the link of a reset email opening this console. Every
// test also fails on any console error, uncaught error, failed request or
// HTTP error it did not declare, and on a serious or critical axe violation
// of the screen it ends on.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { api } from '../api/lib/harness.mjs';
import { useConsole, consoleTest, checkA11y, screenshots, signInByApi, PHONE, DESKTOP } from './lib/browser.mjs';

useConsole();

async function fillSignIn(page, address, password) {
	await page.getByLabel('Email').fill(address);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
}

consoleTest('the operator signs in and sees who is signed in, then signs out and is back at the sign-in form', async ({ page, site }) => {
	await page.goto('/');
	await fillSignIn(page, site.operator.email, site.operator.password);
	await page.getByRole('button', { name: 'Sign out' }).waitFor();
	assert.equal((await page.locator('header .who').innerText()).trim(), `Signed in as ${site.operator.email}`);
	await page.getByRole('heading', { name: 'Organizations', level: 1 }).waitFor(); // an operator starts at every organization
	const jsVisible = await page.evaluate(() => [document.cookie, JSON.stringify(localStorage), JSON.stringify(sessionStorage)]);
	assert.deepEqual(jsVisible, ['', '{}', '{}'], 'the session is an HttpOnly cookie; no token is left where scripts can read it');
	await screenshots(page, 'signed-in');

	await page.reload();
	await page.getByRole('button', { name: 'Sign out' }).waitFor();

	await page.getByRole('button', { name: 'Sign out' }).click();
	await page.getByRole('button', { name: 'Sign in' }).waitFor();
	assert.equal(await page.getByLabel('Email').inputValue(), '', 'the form is empty again');
	await page.reload();
	await page.getByRole('button', { name: 'Sign in' }).waitFor(); // GET /me answered 401: the session is gone
	assert.equal(await page.getByText('Signed in as').count(), 0);
});

consoleTest('a browser that already holds a session opens on who is signed in', async ({ page, site }) => {
	const other = await site.createOperator();
	await signInByApi(page, other.email, other.password);
	await page.goto('/');
	await page.getByRole('button', { name: 'Sign out' }).waitFor();
	assert.equal((await page.locator('header .who').innerText()).trim(), `Signed in as ${other.email}`);
});

consoleTest('a wrong password shows the error, the form stays usable, and the right one then signs in', async ({ page, site }) => {
	page.expectHttp(401, '/api/v1/auth/login', { method: 'POST' });
	await page.goto('/');
	await fillSignIn(page, site.operator.email, 'not the password at all');
	const alert = page.getByRole('alert');
	await alert.waitFor();
	assert.equal((await alert.innerText()).trim(), 'The email or the password is not right.');
	assert.equal(await page.getByLabel('Email').inputValue(), site.operator.email, 'the email is kept');
	assert.ok(await page.getByRole('button', { name: 'Sign in' }).isEnabled(), 'the button is usable again');
	await checkA11y(page, 'sign-in with its error');
	await screenshots(page, 'sign-in-error');

	await page.getByLabel('Password').fill(site.operator.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.getByRole('button', { name: 'Sign out' }).waitFor();
	assert.equal(await page.getByRole('alert').count(), 0, 'the error is gone');
});

consoleTest('a browser whose locale is fr-FR gets the sign-in screen in French', { locale: 'fr-FR', a11y: 'sign-in (French)' }, async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Se connecter' }).waitFor();
	assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
	assert.equal(await page.getByRole('button', { name: 'Sign in' }).count(), 0, 'no English button');
	await screenshots(page, 'sign-in-fr');
});

consoleTest('axe finds no serious or critical violation on the sign-in screen, on a desktop and on a phone', { a11y: false }, async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Sign in' }).waitFor();
	const desktop = await checkA11y(page, 'sign-in (desktop)');
	assert.ok(desktop.passes.length > 0, 'axe ran its rules');
	await page.setViewportSize(PHONE);
	await checkA11y(page, 'sign-in (phone)');
});

consoleTest('screenshots of the sign-in screen land in build/screenshots, phone and desktop', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Sign in' }).waitFor();
	const [phone, desktop] = await screenshots(page, 'sign-in');
	assert.match(phone, /build\/screenshots\/sign-in-phone\.png$/);
	assert.match(desktop, /build\/screenshots\/sign-in-desktop\.png$/);
	for (const [path, size] of [
		[phone, PHONE],
		[desktop, DESKTOP],
	]) {
		const png = readFileSync(path);
		assert.equal(png.subarray(1, 4).toString(), 'PNG', path);
		assert.equal(png.readUInt32BE(16), size.width, `${path}: width`);
		assert.ok(png.readUInt32BE(20) >= size.height, `${path}: at least the viewport's height`);
	}
	assert.deepEqual(page.viewportSize(), DESKTOP, 'the viewport is restored');
});

consoleTest('the link of a password reset email opens this console', { a11y: 'reset-password link' }, async ({ page, site }) => {
	const res = await api(site.base).forgot(site.operator.email);
	assert.equal(res.status, 202, res.text);
	const mail = await site.smtp.take((m) => m.to === site.operator.email.toLowerCase());
	const link = site.consoleLink(mail, 'reset-password');
	assert.ok(link.startsWith(`${site.base}/reset-password?token=`), link);
	assert.ok(mail.text.includes(link), 'the public URL is the base: the mail has this very link');
	await page.goto(link);
	await page.getByRole('heading', { level: 1 }).first().waitFor();
	assert.equal(new URL(page.url()).pathname, '/reset-password');
});
