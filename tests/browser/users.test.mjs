// The Users screen in headless Chromium: an organization created in the
// console and its administrator's first sign-in from the emailed link, a
// user created without a password who sets one, the list's search, role
// filter, sort, paging and bulk removal with per-person results, a user's
// detail with the role change and the removal, and the screen by keyboard.
// Data that a scenario is not about comes through the API. Every test also
// fails on any console error, uncaught error, failed request or HTTP error
// it did not declare, and on a serious or critical axe violation of the
// screen it ends on.
import assert from 'node:assert/strict';
import { api, email } from '../api/lib/harness.mjs';
import { useConsole, consoleTest, openPage, screenshots, apiSession, signInByApi } from './lib/browser.mjs';

useConsole();

const PASSWORD = 'a password of the users tests';
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- data through the API ----------------------------------------------------

let operatorSession;
let orgSeq = 0;

async function operator(site) {
	operatorSession ||= await apiSession(site.base, site.operator.email, site.operator.password);
	return operatorSession;
}

// The token of a set-password (or reset) link in a mail.
function mailToken(site, mail, page = 'set-password') {
	return new URL(site.consoleLink(mail, page)).searchParams.get('token');
}

// A new enterprise whose administrator, Ada Admin, has set PASSWORD.
// Answers {org, admin}: admin is an API session with email and id.
async function newOrg(site) {
	const op = await operator(site);
	const adminEmail = email('admin');
	const org = await op.ok('POST', '/api/v1/orgs', {
		name: `Users test ${process.pid}-${++orgSeq}`,
		type: 'enterprise',
		admin: { email: adminEmail, first_name: 'Ada', last_name: 'Admin', language: 'en' },
	});
	const mail = await site.smtp.take((m) => m.to === adminEmail.toLowerCase());
	const r = await api(site.base).reset(mailToken(site, mail), PASSWORD);
	assert.equal(r.status, 204, r.text);
	const admin = await apiSession(site.base, adminEmail, PASSWORD);
	return { org, admin: Object.assign(admin, { email: adminEmail, id: org.admin.id }) };
}

// Members made through the API, `parallel` at a time. people: [{first_name,
// last_name, role?, password?}]; without a password (the quicker: no hash)
// each gets a set-password email. Answers the members.
async function addMembers(admin, orgId, people, parallel = 8) {
	const out = [];
	for (let i = 0; i < people.length; i += parallel) {
		const batch = people.slice(i, i + parallel).map((p) =>
			admin.ok('POST', `/api/v1/orgs/${orgId}/members`, {
				email: email(p.first_name.toLowerCase()),
				role: 'member',
				...p,
			}),
		);
		out.push(...(await Promise.all(batch)));
	}
	return out;
}

// Every member's email, through the API.
async function memberEmails(admin, orgId) {
	const all = [];
	let cursor = '';
	do {
		const page = await admin.ok('GET', `/api/v1/orgs/${orgId}/members?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
		all.push(...page.items.map((m) => m.email));
		cursor = page.next_cursor ? encodeURIComponent(page.next_cursor) : '';
	} while (cursor);
	return all.sort();
}

// ---- reading the screen ------------------------------------------------------

// Tries fn until it stops throwing (at most timeoutMs): for what the screen
// shows a moment after an answer.
async function until(fn, timeoutMs = 5000) {
	const end = Date.now() + timeoutMs;
	for (;;) {
		try {
			return await fn();
		} catch (err) {
			if (Date.now() > end) throw err;
		}
		await delay(50);
	}
}

const membersTable = (page, name = 'Members') => page.getByRole('region', { name });

// The names in the members table, top to bottom.
async function rowNames(page) {
	return (await membersTable(page).locator('tbody tr td:not(.pick) a').allInnerTexts()).map((s) => s.trim());
}

async function rowEmails(page, tableName) {
	return (await membersTable(page, tableName).locator('tbody tr td:nth-child(3)').allInnerTexts()).map((s) => s.trim());
}

// The error shown for the field labelled `label`: the input must be marked
// invalid and the error must be one the input names in aria-describedby.
async function fieldError(page, label) {
	const input = page.getByLabel(label, { exact: true });
	await until(async () => assert.equal(await input.getAttribute('aria-invalid'), 'true', `${label} is marked invalid`));
	const texts = [];
	for (const id of ((await input.getAttribute('aria-describedby')) || '').split(' ').filter(Boolean)) {
		const el = page.locator(`[id="${id}"].field-error`);
		if (await el.count()) texts.push((await el.innerText()).trim());
	}
	return texts.join(' ');
}

// The value next to a term of the user's facts (a <dl>).
async function fact(page, term) {
	return page.locator('dl.facts').evaluate((dl, term) => {
		const dt = [...dl.querySelectorAll('dt')].find((x) => x.textContent.trim() === term);
		return dt ? dt.nextElementSibling.textContent.trim() : null;
	}, term);
}

const pathOf = (page) => new URL(page.url()).pathname;

// Counts the requests the page makes that pred(request) accepts.
function countRequests(page, pred) {
	const seen = [];
	page.on('request', (r) => pred(r) && seen.push(r.url()));
	return seen;
}

async function signIn(page, address, password) {
	await page.getByLabel('Email', { exact: true }).fill(address);
	await page.getByLabel('Password', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
}

// ---- scenarios ---------------------------------------------------------------

consoleTest(
	'the operator creates an organization; its administrator sets a password from the email, signs in on its Users screen, and the link then is spent',
	{ timeout: 30000 },
	async ({ page, site }) => {
		const name = `Brandt Service ${process.pid}`;
		const adminEmail = email('greta');

		// The operator, in their own browser.
		const op = await openPage(site.browser, site.base);
		let orgId;
		try {
			await signInByApi(op, site.operator.email, site.operator.password);
			await op.goto('/orgs');
			await op.getByRole('link', { name: 'Create organization' }).click();
			await op.getByRole('heading', { name: 'Create an organization', level: 1 }).waitFor();
			await op.getByLabel('Name', { exact: true }).fill(name);
			await op.getByLabel('Partner', { exact: true }).check();
			await op.getByLabel('Administrator’s email').fill(adminEmail);
			await op.getByLabel(/^First name/).fill('Greta');
			await op.getByLabel('Language', { exact: true }).selectOption({ label: 'Deutsch' });
			await op.getByLabel(/^Teams:/).check();
			await op.getByRole('button', { name: 'Create', exact: true }).click();
			await op.getByRole('heading', { name, level: 1 }).waitFor();
			const m = /^\/orgs\/(org_[a-z0-9]+)$/.exec(pathOf(op));
			assert.ok(m, `the console shows the new organization: ${op.url()}`);
			orgId = m[1];
			await op.done();
		} finally {
			await op.closeContext();
		}

		// What the API holds is what the form said.
		const ops = await operator(site);
		const org = await ops.ok('GET', `/api/v1/orgs/${orgId}`);
		assert.equal(org.name, name);
		assert.equal(org.type, 'partner');
		assert.deepEqual(org.modules, ['teams']);
		const members = await ops.ok('GET', `/api/v1/orgs/${orgId}/members`);
		assert.deepEqual(
			members.items.map((x) => [x.email, x.first_name, x.language, x.role]),
			[[adminEmail, 'Greta', 'de', 'administrator']],
		);

		// The administrator, from the email.
		const mail = await site.smtp.take((x) => x.to === adminEmail.toLowerCase());
		const link = site.consoleLink(mail, 'set-password');
		const resets = countRequests(page, (r) => r.method() === 'POST' && r.url().endsWith('/api/v1/auth/password/reset'));
		await page.goto(link);
		assert.ok(!page.url().includes('token='), `the token left the address bar at once: ${page.url()}`);
		assert.equal(pathOf(page), '/set-password');
		await page.getByRole('heading', { name: 'Choose your password', level: 1 }).waitFor();
		assert.ok(!page.url().includes('token='), page.url());

		await page.getByLabel('New password', { exact: true }).fill('one long password here');
		await page.getByLabel('Repeat the password', { exact: true }).fill('another long password');
		await page.getByRole('button', { name: 'Save' }).click();
		assert.equal(await fieldError(page, 'Repeat the password'), 'The two passwords are not the same.');
		assert.equal(resets.length, 0, 'two different passwords are not sent');

		page.expectHttp(422, '/api/v1/auth/password/reset', { method: 'POST' });
		await page.getByLabel('New password', { exact: true }).fill('short');
		await page.getByLabel('Repeat the password', { exact: true }).fill('short');
		await page.getByRole('button', { name: 'Save' }).click();
		assert.equal(await fieldError(page, 'New password'), 'The password needs at least 10 characters.');
		assert.equal(resets.length, 1);
		assert.equal(await page.getByLabel('Repeat the password', { exact: true }).getAttribute('aria-invalid'), null, 'only the field the API named');

		await page.getByLabel('New password', { exact: true }).fill(PASSWORD);
		await page.getByLabel('Repeat the password', { exact: true }).fill(PASSWORD);
		await page.getByRole('button', { name: 'Save' }).click();
		await page.getByRole('button', { name: 'Sign in' }).waitFor();
		assert.equal(pathOf(page), '/sign-in');
		assert.equal((await page.getByRole('status').innerText()).trim(), 'Your password is set. Sign in with it.');

		await signIn(page, adminEmail, PASSWORD);
		await page.getByRole('heading', { name: 'Benutzer', level: 1 }).waitFor(); // her language, German
		assert.equal(pathOf(page), `/orgs/${orgId}/users`);
		assert.equal(await page.locator('html').getAttribute('lang'), 'de');
		await until(async () => assert.deepEqual(await rowEmails(page, 'Mitglieder'), [adminEmail]));

		// The link a second time, in another browser.
		const again = await openPage(site.browser, site.base);
		try {
			again.expectHttp(400, '/api/v1/auth/password/reset', { method: 'POST' });
			await again.goto(link);
			await again.getByLabel('New password', { exact: true }).fill('yet another long password');
			await again.getByLabel('Repeat the password', { exact: true }).fill('yet another long password');
			await again.getByRole('button', { name: 'Save' }).click();
			const alert = again.getByRole('alert');
			await alert.waitFor();
			assert.match(await alert.innerText(), /^This link is invalid, has expired or was used already\. Ask for a new one\./);
			assert.equal(pathOf(again), '/set-password', 'it stays on the page');
			await again.done();
		} finally {
			await again.closeContext();
		}
		const still = await api(site.base).login(adminEmail, PASSWORD);
		assert.equal(still.status, 200, 'the spent link changed nothing');
	},
);

consoleTest(
	'the administrator creates a user without a password, who sets one from the email and signs in; the same email again is refused next to the field',
	{ timeout: 30000 },
	async ({ page, site }) => {
		const { org, admin } = await newOrg(site);
		const newEmail = email('grace');
		await signInByApi(page, admin.email, PASSWORD);
		await page.goto(`/orgs/${org.id}/users`);
		await page.getByRole('link', { name: 'Create user' }).click();
		await page.getByRole('heading', { name: 'Create a user', level: 1 }).waitFor();
		assert.ok(await page.getByLabel('Send an email with a link to set a password').isChecked(), 'a link is the default');
		assert.equal(await page.getByLabel('Password', { exact: true }).count(), 0, 'no password field then');
		await page.getByLabel('Email', { exact: true }).fill(newEmail);
		await page.getByLabel(/^First name/).fill('Grace');
		await page.getByLabel(/^Last name/).fill('Hopper');
		await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Moderator' });
		await screenshots(page, 'create-user');
		await page.getByRole('button', { name: 'Create', exact: true }).click();

		await page.getByRole('heading', { name: 'Grace Hopper', level: 1 }).waitFor();
		assert.match(pathOf(page), new RegExp(`^/orgs/${org.id}/users/usr_[a-z0-9]+$`));
		assert.equal(
			(await page.getByRole('status').innerText()).trim(),
			`${newEmail} is now a member and receives an email to set a password.`,
		);
		assert.equal(await fact(page, 'Role'), 'Moderator');
		await screenshots(page, 'user-detail');

		// Grace, in her own browser, from her email.
		const mail = await site.smtp.take((m) => m.to === newEmail.toLowerCase());
		const grace = await openPage(site.browser, site.base);
		try {
			await grace.goto(site.consoleLink(mail, 'set-password'));
			await grace.getByLabel('New password', { exact: true }).fill('grace sets her own password');
			await grace.getByLabel('Repeat the password', { exact: true }).fill('grace sets her own password');
			await grace.getByRole('button', { name: 'Save' }).click();
			await grace.getByText('Your password is set. Sign in with it.').waitFor();
			await signIn(grace, newEmail, 'grace sets her own password');
			await grace.getByRole('button', { name: 'Sign out' }).waitFor();
			assert.equal((await grace.locator('header .who').innerText()).trim(), `Signed in as ${newEmail}`);
			await grace.getByRole('heading', { name: 'Users', level: 1 }).waitFor(); // a moderator reads the members
			assert.equal(pathOf(grace), `/orgs/${org.id}/users`);
			await grace.done();
		} finally {
			await grace.closeContext();
		}

		// The same email again.
		const before = await memberEmails(admin, org.id);
		page.expectHttp(409, `/api/v1/orgs/${org.id}/members`, { method: 'POST' });
		await page.goto(`/orgs/${org.id}/users/new`);
		await page.getByLabel('Email', { exact: true }).fill(newEmail.toUpperCase());
		await page.getByLabel(/^First name/).fill('Another');
		await page.getByRole('button', { name: 'Create', exact: true }).click();
		assert.equal(await fieldError(page, 'Email'), 'A user with this email exists already.');
		assert.equal(pathOf(page), `/orgs/${org.id}/users/new`, 'the form stays');
		assert.equal(await page.getByLabel(/^First name/).inputValue(), 'Another', 'what was typed stays');
		assert.deepEqual(await memberEmails(admin, org.id), before, 'nothing was created');
	},
);

consoleTest(
	'the Users list: search by name prefix, role filter and sort follow the URL; three selected, two removed and the last administrator refused in words',
	{ timeout: 30000 },
	async ({ page, site }) => {
		const { org, admin } = await newOrg(site);
		const people = [
			['Zoe', 'Adams', 'member'],
			['Zora', 'Baker', 'moderator'],
			['Zoltan', 'Clark', 'member'],
			['Yann', 'Dupont', 'moderator'],
			['Xavier', 'Evans', 'content_creator'],
			['Walter', 'Fox', 'member'],
			['Vera', 'Green', 'moderator'],
			['Uma', 'Hill', 'member'],
		].map(([first_name, last_name, role]) => ({ first_name, last_name, role }));
		const made = await addMembers(admin, org.id, people);
		const byName = Object.fromEntries(made.map((m) => [`${m.first_name} ${m.last_name}`, m]));

		await signInByApi(page, admin.email, PASSWORD);
		await page.goto(`/orgs/${org.id}/users`);
		await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
		const everyone = ['Ada Admin', 'Uma Hill', 'Vera Green', 'Walter Fox', 'Xavier Evans', 'Yann Dupont', 'Zoe Adams', 'Zoltan Clark', 'Zora Baker'];
		await until(async () => assert.deepEqual(await rowNames(page), everyone, 'sorted by name'));
		await screenshots(page, 'users-list');

		// Search: one request after the typing stops, and the URL says it.
		const searches = countRequests(page, (r) => r.url().includes(`/orgs/${org.id}/members?`) && new URL(r.url()).searchParams.has('q'));
		await page.getByLabel('Search by name or email').pressSequentially('Zo', { delay: 40 });
		await page.waitForURL((u) => u.searchParams.get('q') === 'Zo');
		await until(async () => assert.deepEqual((await rowNames(page)).sort(), ['Zoe Adams', 'Zoltan Clark', 'Zora Baker']));
		assert.deepEqual(
			searches.map((u) => new URL(u).searchParams.get('q')),
			['Zo'],
			'debounced: no request for "Z" alone',
		);
		await page.reload();
		await until(async () => assert.deepEqual((await rowNames(page)).sort(), ['Zoe Adams', 'Zoltan Clark', 'Zora Baker']));
		assert.equal(await page.getByLabel('Search by name or email').inputValue(), 'Zo', 'a reload keeps the search');

		// Role filter, with the search and without.
		await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Moderator' });
		await page.waitForURL((u) => u.searchParams.get('role') === 'moderator');
		await until(async () => assert.deepEqual(await rowNames(page), ['Zora Baker']));
		await page.getByLabel('Search by name or email').fill('');
		await page.waitForURL((u) => !u.searchParams.has('q'));
		await until(async () => assert.deepEqual(await rowNames(page), ['Vera Green', 'Yann Dupont', 'Zora Baker']));

		// Sort.
		await page.getByLabel('Sort by').selectOption({ label: 'Name (Z–A)' });
		await page.waitForURL((u) => u.searchParams.get('sort') === '-name');
		await until(async () => assert.deepEqual(await rowNames(page), ['Zora Baker', 'Yann Dupont', 'Vera Green']));
		await page.getByLabel('Role', { exact: true }).selectOption({ label: 'All roles' });
		await page.waitForURL((u) => !u.searchParams.has('role') && u.searchParams.get('sort') === '-name');
		await until(async () => assert.deepEqual(await rowNames(page), [...everyone].reverse()));

		// Three selected, the administrator among them: she is the last one.
		for (const who of ['Zoe Adams', 'Walter Fox', 'Ada Admin']) await page.getByLabel(`Select ${who}`).check();
		const bulk = page.getByRole('region', { name: '3 selected' });
		await bulk.getByRole('button', { name: 'Remove 3 from the organization' }).click();
		const dialog = page.getByRole('dialog', { name: 'Remove 3 people?' });
		await dialog.waitFor();
		assert.match(
			await dialog.innerText(),
			new RegExp(`They leave ${org.name} at once and lose everything they could do in it\\. Their accounts stay`),
		);
		for (const who of ['Zoe Adams', 'Walter Fox', 'Ada Admin']) assert.ok(await dialog.getByText(who).count(), `the dialog names ${who}`);
		const answer = page.waitForResponse((r) => r.url().endsWith(`/orgs/${org.id}/members/remove`));
		await dialog.getByRole('button', { name: 'Remove 3 from the organization' }).click();
		const answered = await (await answer).json();
		assert.deepEqual(
			Object.fromEntries(answered.items.map((x) => [x.id, x.result])),
			{ [byName['Zoe Adams'].id]: 'removed', [byName['Walter Fox'].id]: 'removed', [admin.id]: 'last_administrator' },
		);

		const results = page.getByRole('dialog', { name: '2 removed, 1 not removed.' });
		await results.waitFor();
		const lines = (await results.getByRole('listitem').allInnerTexts()).map((s) => s.trim()).sort();
		assert.deepEqual(
			lines,
			[
				`${admin.email}: The organization must keep at least one administrator: give another member the administrator role first.`,
				`${byName['Walter Fox'].email}: Removed`,
				`${byName['Zoe Adams'].email}: Removed`,
			].sort(),
		);
		await results.getByRole('button', { name: 'Close' }).click();
		await results.waitFor({ state: 'detached' });

		const left = everyone.filter((n) => n !== 'Zoe Adams' && n !== 'Walter Fox').reverse();
		await until(async () => assert.deepEqual(await rowNames(page), left));
		assert.equal(await page.getByRole('region', { name: '1 selected' }).count(), 1, 'the refused one stays selected');
		const stayed = await memberEmails(admin, org.id);
		assert.ok(!stayed.includes(byName['Zoe Adams'].email) && !stayed.includes(byName['Walter Fox'].email), 'the API agrees');
		assert.ok(stayed.includes(admin.email));
		assert.equal(stayed.length, 7);
		await page.reload();
		await until(async () => assert.deepEqual(await rowNames(page), left, 'after a reload too'));
	},
);

consoleTest('more than 50 members: 50 rows, then "Show more" brings the rest, each once', { timeout: 30000 }, async ({ page, site }) => {
	const { org, admin } = await newOrg(site);
	const people = Array.from({ length: 55 }, (_, i) => ({ first_name: 'Person', last_name: `N${String(i).padStart(2, '0')}` }));
	await addMembers(admin, org.id, people, 11);
	const all = await memberEmails(admin, org.id);
	assert.equal(all.length, 56);

	await signInByApi(page, admin.email, PASSWORD);
	await page.goto(`/orgs/${org.id}/users`);
	const more = page.getByRole('button', { name: 'Show more' });
	await more.waitFor();
	assert.equal((await rowEmails(page)).length, 50);
	await more.click();
	await until(async () => assert.equal((await rowEmails(page)).length, 56));
	const shown = await rowEmails(page);
	assert.equal(new Set(shown).size, 56, 'no one twice');
	assert.deepEqual([...shown].sort(), all, 'everyone, as the API has them');
	const names = await rowNames(page);
	assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)), 'the second page continues the order');
	assert.equal(await more.count(), 0, 'nothing more to show');
});

consoleTest(
	'a user\'s detail: the role is changed; the last administrator keeps hers, with the reason; removal asks first, Cancel keeps, confirming removes',
	{ timeout: 30000 },
	async ({ page, site }) => {
		const { org, admin } = await newOrg(site);
		const [linus] = await addMembers(admin, org.id, [{ first_name: 'Linus', last_name: 'Torvalds' }]);
		await signInByApi(page, admin.email, PASSWORD);
		await page.goto(`/orgs/${org.id}/users`);
		await page.getByRole('link', { name: 'Linus Torvalds' }).click();
		await page.getByRole('heading', { name: 'Linus Torvalds', level: 1 }).waitFor();
		assert.equal(pathOf(page), `/orgs/${org.id}/users/${linus.id}`);
		assert.equal(await fact(page, 'Role'), 'Member');

		// The role.
		const save = page.getByRole('button', { name: 'Save' });
		assert.ok(await save.isDisabled(), 'nothing to save yet');
		await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Moderator' });
		await save.click();
		await page.getByText('The role is changed.').waitFor();
		assert.equal(await fact(page, 'Role'), 'Moderator');
		assert.equal((await admin.ok('GET', `/api/v1/orgs/${org.id}/members/${linus.id}`)).role, 'moderator');
		await page.reload();
		await until(async () => assert.equal(await fact(page, 'Role'), 'Moderator'));

		// The last administrator.
		page.expectHttp(409, `/api/v1/orgs/${org.id}/members/${admin.id}`, { method: 'PATCH' });
		await page.goto(`/orgs/${org.id}/users/${admin.id}`);
		await page.getByRole('heading', { name: 'Ada Admin', level: 1 }).waitFor();
		await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Member' });
		await page.getByRole('button', { name: 'Save' }).click();
		const alert = page.getByRole('alert');
		await alert.waitFor();
		assert.equal(
			(await alert.innerText()).trim(),
			'The organization must keep at least one administrator: give another member the administrator role first.',
		);
		assert.equal(await fact(page, 'Role'), 'Administrator');
		assert.equal(await page.getByText('The role is changed.').count(), 0);
		assert.equal((await admin.ok('GET', `/api/v1/orgs/${org.id}/members/${admin.id}`)).role, 'administrator');

		// Removal: Cancel keeps him.
		await page.goto(`/orgs/${org.id}/users/${linus.id}`);
		await page.getByRole('heading', { name: 'Linus Torvalds', level: 1 }).waitFor();
		const removals = countRequests(page, (r) => r.method() === 'DELETE');
		await page.getByRole('button', { name: 'Remove from the organization' }).click();
		const dialog = page.getByRole('dialog', { name: 'Remove from the organization' });
		await dialog.waitFor();
		assert.match(await dialog.innerText(), new RegExp(`Linus Torvalds leaves ${org.name} at once and loses everything`));
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		await dialog.waitFor({ state: 'detached' });
		assert.equal(removals.length, 0);
		assert.equal(pathOf(page), `/orgs/${org.id}/users/${linus.id}`);
		assert.ok((await memberEmails(admin, org.id)).includes(linus.email), 'still a member');

		// Confirming removes him and goes back to the list.
		await page.getByRole('button', { name: 'Remove from the organization' }).click();
		await dialog.getByRole('button', { name: 'Remove from the organization' }).click();
		await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
		assert.equal(pathOf(page), `/orgs/${org.id}/users`);
		await until(async () => assert.deepEqual(await rowNames(page), ['Ada Admin']));
		assert.deepEqual(await memberEmails(admin, org.id), [admin.email], 'the API agrees');
	},
);

consoleTest('by keyboard: Tab reaches the search, the filters, the checkboxes and the links with a visible focus ring; Escape closes the confirmation and nothing is removed', async ({ page, site }) => {
	const { org, admin } = await newOrg(site);
	const [bea] = await addMembers(admin, org.id, [{ first_name: 'Bea', last_name: 'Berg' }]);
	await signInByApi(page, admin.email, PASSWORD);
	await page.goto(`/orgs/${org.id}/users`);
	await until(async () => assert.deepEqual(await rowNames(page), ['Ada Admin', 'Bea Berg']));

	// Each Tab stop: what it is and whether its focus ring shows.
	const stops = [];
	for (let i = 0; i < 40; i++) {
		await page.keyboard.press('Tab');
		const stop = await page.evaluate(() => {
			const el = document.activeElement;
			const s = getComputedStyle(el);
			const label = el.labels && el.labels.length ? el.labels[0].textContent.trim() : '';
			return {
				what: `${el.tagName.toLowerCase()}${el.type ? `[${el.type}]` : ''}:${el.getAttribute('aria-label') || label || el.textContent.trim()}`,
				ring: el.matches(':focus-visible') && s.outlineStyle === 'solid' && parseFloat(s.outlineWidth) >= 2,
				outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
			};
		});
		stops.push(stop);
		if (stop.what === 'a:Bea Berg') break;
	}
	const order = stops.map((s) => s.what);
	const want = [
		'input[search]:Search by name or email',
		'select[select-one]:Role',
		'select[select-one]:Sort by',
		'input[checkbox]:Select everyone shown',
		'input[checkbox]:Select Ada Admin',
		'a:Ada Admin',
		'input[checkbox]:Select Bea Berg',
		'a:Bea Berg',
	];
	let at = -1;
	for (const w of want) {
		const i = order.indexOf(w, at + 1);
		assert.ok(i > at, `Tab reaches ${w} after the one before it; stops were:\n${order.join('\n')}`);
		at = i;
	}
	for (const s of stops) assert.ok(s.ring, `a visible focus ring on ${s.what} (outline: ${s.outline})`);

	// Space selects Bea; back to the bulk button; Enter asks; Escape closes.
	await page.keyboard.press('Shift+Tab');
	await page.keyboard.press('Space');
	assert.ok(await page.getByLabel('Select Bea Berg').isChecked(), 'Space checks the focused box');
	const bulkButton = page.getByRole('button', { name: 'Remove 1 from the organization' });
	for (let i = 0; i < 8 && !(await bulkButton.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Shift+Tab');
	assert.ok(await bulkButton.evaluate((b) => b === document.activeElement), 'Shift+Tab reaches the bulk button');
	const removals = countRequests(page, (r) => r.url().endsWith('/members/remove'));
	await page.keyboard.press('Enter');
	const dialog = page.getByRole('dialog', { name: 'Remove 1 person?' });
	await dialog.waitFor();
	assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), 'the focus is in the dialog');
	await page.keyboard.press('Escape');
	await dialog.waitFor({ state: 'detached' });
	assert.equal(removals.length, 0, 'no removal was asked');
	assert.deepEqual(await rowNames(page), ['Ada Admin', 'Bea Berg']);
	assert.ok((await memberEmails(admin, org.id)).includes(bea.email), 'the API agrees');
});

consoleTest(
	'a department administrator is refused in words what needs more than her permissions: removing an administrator among others, giving the administrator role',
	{ timeout: 30000 },
	async ({ page, site }) => {
		const { org, admin } = await newOrg(site);
		const [dora, bob, carl] = await addMembers(admin, org.id, [
			{ first_name: 'Dora', last_name: 'Dept', role: 'department_admin', password: PASSWORD },
			{ first_name: 'Bob', last_name: 'Boss', role: 'administrator' },
			{ first_name: 'Carl', last_name: 'Crew' },
		]);
		await signInByApi(page, dora.email, PASSWORD);
		await page.goto(`/orgs/${org.id}/users`);
		await until(async () => assert.deepEqual(await rowNames(page), ['Ada Admin', 'Bob Boss', 'Carl Crew', 'Dora Dept']));
		await page.getByLabel('Select Bob Boss').check();
		await page.getByLabel('Select Carl Crew').check();
		await page.getByRole('button', { name: 'Remove 2 from the organization' }).click();
		const answer = page.waitForResponse((r) => r.url().endsWith(`/orgs/${org.id}/members/remove`));
		await page.getByRole('dialog').getByRole('button', { name: 'Remove 2 from the organization' }).click();
		assert.deepEqual(
			Object.fromEntries((await (await answer).json()).items.map((x) => [x.id, x.result])),
			{ [bob.id]: 'forbidden', [carl.id]: 'removed' },
		);
		const results = page.getByRole('dialog', { name: '1 removed, 1 not removed.' });
		await results.waitFor();
		assert.deepEqual((await results.getByRole('listitem').allInnerTexts()).map((s) => s.trim()).sort(), [
			`${bob.email}: You cannot remove someone who has permissions that you do not have.`,
			`${carl.email}: Removed`,
		]);
		await results.getByRole('button', { name: 'Close' }).click();
		await until(async () => assert.deepEqual(await rowNames(page), ['Ada Admin', 'Bob Boss', 'Dora Dept']));

		// The administrator role is more than she has.
		const [eve] = await addMembers(admin, org.id, [{ first_name: 'Eve', last_name: 'Eager' }]);
		page.expectHttp(403, `/api/v1/orgs/${org.id}/members/${eve.id}`, { method: 'PATCH' });
		await page.goto(`/orgs/${org.id}/users/${eve.id}`);
		await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Administrator' });
		await page.getByRole('button', { name: 'Save' }).click();
		const alert = page.getByRole('alert');
		await alert.waitFor();
		assert.equal(
			(await alert.innerText()).trim(),
			'You cannot give a role with permissions that you do not have yourself, nor change the role of someone who has more than you.',
		);
		assert.equal(await fact(page, 'Role'), 'Member');
		assert.equal((await admin.ok('GET', `/api/v1/orgs/${org.id}/members/${eve.id}`)).role, 'member');

		// Nor can she create an administrator: the refusal is next to the role.
		page.expectHttp(403, `/api/v1/orgs/${org.id}/members`, { method: 'POST' });
		await page.goto(`/orgs/${org.id}/users/new`);
		await page.getByRole('textbox', { name: 'Email' }).fill('new.admin@example.com');
		await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Administrator' });
		await page.getByRole('button', { name: 'Create' }).click();
		const roleError = page.locator('.field-error');
		await roleError.waitFor();
		assert.equal(
			(await roleError.innerText()).trim(),
			'You cannot give a role with permissions that you do not have yourself, nor change the role of someone who has more than you.',
		);
		assert.equal(await page.getByLabel('Role', { exact: true }).getAttribute('aria-invalid'), 'true');
		const found = await admin.ok('GET', `/api/v1/orgs/${org.id}/members?q=new.admin`);
		assert.equal(found.items.length, 0, 'nobody was created');
	},
);
