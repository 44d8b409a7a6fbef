// The Roles screens in headless Chromium: the built-in roles with their
// permissions in words, read-only; an organization's own role created,
// given to a member from the user's detail, refused deletion while a member
// has it and deleted once nobody has; and the name's field error. Data that
// a scenario is not about comes through the API. Every test also fails on
// any console error, uncaught error, failed request or HTTP error it did not
// declare, and on a serious or critical axe violation of the screen it ends on.
import assert from 'node:assert/strict';
import { api, email } from '../api/lib/harness.mjs';
import { useConsole, consoleTest, screenshots, apiSession, signInByApi } from './lib/browser.mjs';

useConsole();

const PASSWORD = 'a password of the roles tests';
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let operatorSession;
let orgSeq = 0;

// A new enterprise whose administrator, Ada Admin, has set PASSWORD.
// Answers {org, admin}: admin is an API session with email and id.
async function newOrg(site) {
	operatorSession ||= await apiSession(site.base, site.operator.email, site.operator.password);
	const adminEmail = email('admin');
	const org = await operatorSession.ok('POST', '/api/v1/orgs', {
		name: `Roles test ${process.pid}-${++orgSeq}`,
		type: 'enterprise',
		admin: { email: adminEmail, first_name: 'Ada', last_name: 'Admin', language: 'en' },
	});
	const mail = await site.smtp.take((m) => m.to === adminEmail.toLowerCase());
	const token = new URL(site.consoleLink(mail, 'set-password')).searchParams.get('token');
	const r = await api(site.base).reset(token, PASSWORD);
	assert.equal(r.status, 204, r.text);
	const admin = await apiSession(site.base, adminEmail, PASSWORD);
	return { org, admin: Object.assign(admin, { email: adminEmail, id: org.admin.id }) };
}

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

// The roles table as [name, kind, [permission in words…]] (or 'None').
async function roleRows(page) {
	const table = page.getByRole('region', { name: 'Roles' });
	await table.locator('tbody tr').first().waitFor();
	return table.locator('tbody tr').evaluateAll((rows) =>
		rows.map((tr) => {
			const [name, kind, perms] = tr.querySelectorAll('td');
			const items = [...perms.querySelectorAll('li')].map((li) => li.textContent.trim());
			return [name.querySelector('a').textContent.trim(), kind.textContent.trim(), items.length ? items : perms.textContent.trim()];
		}),
	);
}

const roleNames = async (page) => (await roleRows(page)).map((r) => r[0]);

// The error shown for the field labelled `label`, which the field names in
// aria-describedby; the field must be marked invalid.
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

const pathOf = (page) => new URL(page.url()).pathname;

const MODERATOR_IN_WORDS = [
	'See the members',
	'See the devices',
	'Manage the devices',
	'See the service cases',
	'Handle the service cases',
	'See the dashboard',
];

consoleTest('the built-in roles are listed with their permissions in words, and a built-in role cannot be changed', async ({ page, site }) => {
	const { org, admin } = await newOrg(site);
	await signInByApi(page, admin.email, PASSWORD);
	await page.goto(`/orgs/${org.id}/roles`);
	await page.getByRole('heading', { name: 'Roles', level: 1 }).waitFor();
	const rows = await roleRows(page);
	assert.deepEqual(
		rows.map((r) => r.slice(0, 2)),
		[
			['Administrator', 'Built in'],
			['Department administrator', 'Built in'],
			['Content creator', 'Built in'],
			['Moderator', 'Built in'],
			['Member', 'Built in'],
		],
	);
	assert.equal(rows[0][2].length, 18, 'the administrator has every permission');
	assert.ok(rows[0][2].includes('Read the audit log'));
	assert.deepEqual(rows[3][2], MODERATOR_IN_WORDS);
	assert.equal(rows[4][2], 'None');
	assert.equal(await page.getByText(/members:read/).count(), 0, 'words, not the API names');
	await screenshots(page, 'roles-list');

	await page.getByRole('link', { name: 'Moderator', exact: true }).click();
	await page.getByRole('heading', { name: 'Role Moderator', level: 1 }).waitFor();
	assert.equal(pathOf(page), `/orgs/${org.id}/roles/moderator`);
	await page.getByText('A built-in role cannot be changed or deleted.').waitFor();
	const boxes = page.getByRole('group', { name: 'Permissions' }).getByRole('checkbox');
	assert.equal(await boxes.count(), 18);
	const state = await boxes.evaluateAll((xs) => xs.map((x) => [x.labels[0].firstChild.textContent.trim(), x.checked, x.disabled]));
	assert.deepEqual(
		state.filter(([, checked]) => checked).map(([words]) => words),
		MODERATOR_IN_WORDS,
		'its permissions are the ones ticked',
	);
	assert.ok(state.every(([, , disabled]) => disabled), 'no box can be changed');
	assert.ok(await page.getByLabel(/^Description/).isDisabled(), 'nor the description');
	assert.equal(await page.getByRole('button', { name: 'Save' }).count(), 0, 'nothing to save');
	assert.equal(await page.getByRole('button', { name: 'Delete the role' }).count(), 0, 'nothing to delete');
});

consoleTest(
	'a role of the organization: created with a few permissions, listed, given to a member from the detail page, refused deletion while he has it, deleted after',
	{ timeout: 30000 },
	async ({ page, site }) => {
		const { org, admin } = await newOrg(site);
		const linus = await admin.ok('POST', `/api/v1/orgs/${org.id}/members`, {
			email: email('linus'),
			first_name: 'Linus',
			last_name: 'Torvalds',
			role: 'member',
		});
		await signInByApi(page, admin.email, PASSWORD);
		await page.goto(`/orgs/${org.id}/roles`);
		await page.getByRole('link', { name: 'Create role' }).click();
		await page.getByRole('heading', { name: 'Create a role', level: 1 }).waitFor();
		await page.getByLabel('Name', { exact: true }).fill('support');
		await page.getByLabel(/^Description/).fill('Answers service cases.');
		for (const p of ['See the members', 'See the service cases', 'Handle the service cases']) await page.getByLabel(p).check();
		await screenshots(page, 'role-editor');
		await page.getByRole('button', { name: 'Create', exact: true }).click();

		await page.getByRole('heading', { name: 'Role support', level: 1 }).waitFor();
		assert.equal(pathOf(page), `/orgs/${org.id}/roles/support`);
		await page.getByText('The role is saved.').waitFor();
		const created = (await admin.ok('GET', `/api/v1/orgs/${org.id}/roles`)).items.find((r) => r.name === 'support');
		assert.deepEqual(created && [created.description, created.permissions, created.builtin], [
			'Answers service cases.',
			['members:read', 'cases:read', 'cases:write'],
			false,
		]);

		await page.getByRole('link', { name: 'Back' }).click();
		await page.getByRole('heading', { name: 'Roles', level: 1 }).waitFor();
		const rows = await roleRows(page);
		assert.deepEqual(rows.at(-1), ['support', 'This organization’s', ['See the members', 'See the service cases', 'Handle the service cases']]);
		await page.getByRole('region', { name: 'Roles' }).getByText('Answers service cases.').waitFor();

		// Given to Linus from his detail page; his row says it.
		await page.goto(`/orgs/${org.id}/users/${linus.id}`);
		await page.getByRole('heading', { name: 'Linus Torvalds', level: 1 }).waitFor();
		const select = page.getByLabel('Role', { exact: true });
		await until(async () => assert.ok((await select.locator('option').allInnerTexts()).includes('support'), 'the role select offers it'));
		await select.selectOption({ label: 'support' });
		await page.getByRole('button', { name: 'Save' }).click();
		await page.getByText('The role is changed.').waitFor();
		await page.getByRole('link', { name: 'Back' }).click();
		const row = page.getByRole('row').filter({ hasText: 'Linus Torvalds' });
		await row.waitFor();
		assert.equal((await row.getByRole('cell').nth(3).innerText()).trim(), 'support');

		// Deleting it while Linus has it is refused in words.
		page.expectHttp(409, `/api/v1/orgs/${org.id}/roles/support`, { method: 'DELETE' });
		await page.goto(`/orgs/${org.id}/roles/support`);
		await page.getByRole('button', { name: 'Delete the role' }).click();
		const dialog = page.getByRole('dialog', { name: 'Delete the role' });
		await dialog.getByText('The role support disappears from this organization. It can only be deleted when no member has it.').waitFor();
		await dialog.getByRole('button', { name: 'Delete the role' }).click();
		const alert = page.getByRole('alert');
		await alert.waitFor();
		assert.equal((await alert.innerText()).trim(), 'Members still have this role: give them another role first.');
		await dialog.waitFor({ state: 'detached' });
		assert.equal(pathOf(page), `/orgs/${org.id}/roles/support`, 'the role stays on screen');
		assert.ok((await admin.ok('GET', `/api/v1/orgs/${org.id}/roles`)).items.some((r) => r.name === 'support'), 'and in the API');

		// Once Linus has another role, it goes, after the question.
		await admin.ok('PATCH', `/api/v1/orgs/${org.id}/members/${linus.id}`, { role: 'member' });
		const deletes = [];
		page.on('request', (r) => r.method() === 'DELETE' && deletes.push(r.url()));
		await page.getByRole('button', { name: 'Delete the role' }).click();
		await dialog.waitFor();
		assert.equal(deletes.length, 0, 'nothing is deleted before the confirmation');
		await dialog.getByRole('button', { name: 'Delete the role' }).click();
		await page.getByRole('heading', { name: 'Roles', level: 1 }).waitFor();
		assert.equal(pathOf(page), `/orgs/${org.id}/roles`);
		await until(async () => assert.deepEqual(await roleNames(page), ['Administrator', 'Department administrator', 'Content creator', 'Moderator', 'Member']));
		assert.ok(!(await admin.ok('GET', `/api/v1/orgs/${org.id}/roles`)).items.some((r) => r.name === 'support'), 'the API agrees');
	},
);

consoleTest('a role name that is not valid, or taken, is refused next to the name field, and nothing is created', async ({ page, site }) => {
	const { org, admin } = await newOrg(site);
	await signInByApi(page, admin.email, PASSWORD);
	page.expectHttp(422, `/api/v1/orgs/${org.id}/roles`, { method: 'POST' });
	page.expectHttp(409, `/api/v1/orgs/${org.id}/roles`, { method: 'POST' });
	await page.goto(`/orgs/${org.id}/roles/new`);
	await page.getByRole('heading', { name: 'Create a role', level: 1 }).waitFor();
	const name = page.getByLabel('Name', { exact: true });
	await name.fill('Bad Name!');
	await page.getByLabel('See the members').check();
	await page.getByRole('button', { name: 'Create', exact: true }).click();
	assert.equal(await fieldError(page, 'Name'), 'Use only lower-case letters, digits, “_” and “-”, at most 64.');
	assert.equal(pathOf(page), `/orgs/${org.id}/roles/new`);
	assert.ok(await page.getByLabel('See the members').isChecked(), 'the form keeps what was chosen');

	await name.fill('moderator');
	await page.getByRole('button', { name: 'Create', exact: true }).click();
	await until(async () => assert.equal(await fieldError(page, 'Name'), 'A role with this name exists already.'));
	assert.equal((await admin.ok('GET', `/api/v1/orgs/${org.id}/roles`)).items.length, 5, 'nothing was created');
});
