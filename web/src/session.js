// Who is signed in (GET /api/v1/me: the user and their memberships), shared
// by every screen, and the organization a screen is about.
import { useEffect, useState } from 'preact/hooks';
import { get, orgPath, request } from './api.js';

let me; // undefined: not known yet; null: signed out
const listeners = new Set();

export function setMe(value) {
	me = value;
	for (const fn of listeners) fn(me);
}

export const currentMe = () => me;

export function useMe() {
	const [value, setValue] = useState(me);
	useEffect(() => {
		listeners.add(setValue);
		setValue(me);
		return () => listeners.delete(setValue);
	}, []);
	return value;
}

// Asks the server; a 401 here only means nobody is signed in.
export async function loadMe() {
	try {
		setMe(await request('GET', '/api/v1/me', undefined, { quiet401: true }));
	} catch (err) {
		if (err.status === 401) setMe(null);
		else throw err;
	}
	return me;
}

// The organization as this user sees it: {id, name, type, state, role,
// permissions, ...}. A membership already says it all; an operator or a
// provider's staff in a customer ask GET /orgs/{org}, once per organization.
const orgCache = new Map();

export function membership(orgId) {
	return me && me.organizations.find((o) => o.id === orgId);
}

export async function loadOrg(orgId, { fresh = false } = {}) {
	const m = membership(orgId);
	if (m && !fresh) return m;
	if (!fresh && orgCache.has(orgId)) return orgCache.get(orgId);
	const org = await get(orgPath(orgId));
	orgCache.set(orgId, org);
	return org;
}

export function forgetOrg(orgId) {
	if (orgId) orgCache.delete(orgId);
	else orgCache.clear();
}

export const can = (org, permission) => !!org && (org.permissions || []).includes(permission);

// Where an organization opens: its users for those who may see them.
export function orgHome(org) {
	return can(org, 'members:read') ? `/orgs/${org.id}/users` : `/orgs/${org.id}`;
}
