// Data for the browser tests, made through the API (apiSession) so that a
// test spends its time on the screen it is about:
//
//   const op = await operatorSession(site);
//   const { org, admin } = await orgWithAdmin(site, op, { name: 'Acme', type: 'partner', modules: ['customer_login'] });
//   const bob = await addMember(op, org.id, { role: 'moderator' });
//   const page = …; await signInByApi(page, admin.email, admin.password);
//
// People made here have the password PASSWORD unless told otherwise.
import { email } from '../../api/lib/harness.mjs';
import { apiSession, consoleLink } from './browser.mjs';

export const PASSWORD = 'a password for the browser tests';

export const operatorSession = (site) => apiSession(site.base, site.operator.email, site.operator.password);

// An organization (POST /api/v1/orgs by an operator's session op) whose
// first administrator is a new account that then sets its password
// through the link of its email, as a person would. Answers
// {org (the CreatedOrg), admin {id, email, password, first_name, last_name}}.
export async function orgWithAdmin(site, op, { name, type = 'enterprise', modules = [], language = 'en', first_name = 'Ada', last_name = 'Admin', password = PASSWORD } = {}) {
	const address = email('admin');
	const org = await op.ok('POST', '/api/v1/orgs', { name, type, modules, admin: { email: address, first_name, last_name, language } });
	await setPasswordFromMail(site, address, password);
	return { org, admin: { id: org.admin.id, email: address, password, first_name, last_name } };
}

// Takes the set-password mail sent to address and sets password with its token.
export async function setPasswordFromMail(site, address, password = PASSWORD) {
	const mail = await site.smtp.take((m) => m.to === address.toLowerCase());
	const token = new URL(consoleLink(mail, 'set-password')).searchParams.get('token');
	const res = await fetch(new URL('/api/v1/auth/password/reset', site.base), {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ token, password }),
	});
	if (res.status !== 204) throw new Error(`setting the password of ${address} answered ${res.status}: ${await res.text()}`);
}

// A new account as a member of orgId, with a password (POST …/members by
// session s). Answers the Member plus its password.
export async function addMember(s, orgId, { role = 'member', password = PASSWORD, tag = 'member', ...rest } = {}) {
	const m = await s.ok('POST', `/api/v1/orgs/${orgId}/members`, { email: email(tag), role, password, ...rest });
	return { ...m, password };
}

// Runs fn(i) for i in 0..n-1, at most width at a time; answers the results in order.
export async function inParallel(n, width, fn) {
	const out = new Array(n);
	let next = 0;
	async function worker() {
		while (next < n) {
			const i = next++;
			out[i] = await fn(i);
		}
	}
	await Promise.all(Array.from({ length: Math.min(n, width) }, worker));
	return out;
}

// The accessible description of the element of a locator: the texts of
// the ids its aria-describedby names (where a field's error is).
export async function descriptionOf(locator) {
	return locator.evaluate((el) =>
		(el.getAttribute('aria-describedby') || '')
			.split(/\s+/)
			.filter(Boolean)
			.map((id) => document.getElementById(id)?.textContent.trim() || '')
			.join(' '),
	);
}

// Waits until the table of the screen holds n rows. A list that reloads
// (a new search or filter) is empty first: waiting for a row to go away
// would not wait for the new ones.
export const rowCount = (page, n) =>
	page.waitForFunction((k) => document.querySelectorAll('main tbody tr').length === k, n);
