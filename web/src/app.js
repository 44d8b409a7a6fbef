// The console's frame: who is signed in, which screen the path names, the
// header with the organization switcher and the navigation of the current
// organization. A lost session goes to sign-in and comes back afterwards.
import { useEffect, useRef, useState } from 'preact/hooks';
import { whenSessionLost, request } from './api.js';
import { addWords, pickLanguage, setLanguage, t } from './i18n.js';
import { Link, match, navigate, safeNext, useLocation } from './router.js';
import { can, loadMe, loadOrg, orgHome, setMe, useMe } from './session.js';
import { html, lazy, ErrorBox, Loading } from './ui.js';
import { SignIn, ForgotPassword, SetPassword } from './screens/auth.js';

// The screens behind sign-in load when first opened: the first screen's
// script stays small however many screens the console has.
const orgs = () => import('./screens/orgs.js');
const users = () => import('./screens/users.js');
const roles = () => import('./screens/roles.js');
const customers = () => import('./screens/customers.js');
const audit = () => import('./screens/audit.js');
const settings = () => import('./screens/settings.js');
const licenses = () => import('./screens/licenses.js');
const devices = () => import('./screens/devices.js');

addWords({
	en: {
		'nav.main': 'Main',
		'nav.org': 'Organization',
		'nav.switch': 'Organization',
		'nav.allOrgs': 'All organizations',
		'nav.overview': 'Overview',
		'nav.users': 'Users',
		'nav.roles': 'Roles',
		'nav.licenses': 'Licenses',
		'nav.devices': 'Devices',
		'nav.customers': 'Customers',
		'nav.audit': 'Audit log',
		'nav.settings': 'Settings',
		'nav.mySettings': 'My settings',
		'nav.signOut': 'Sign out',
		'nav.signedInAs': (email) => `Signed in as ${email}`,
		'home.none': 'You are not a member of any organization yet. When someone adds you to one, it appears here.',
		'home.title': 'Welcome',
	},
	fr: {
		'nav.main': 'Principal',
		'nav.org': 'Organisation',
		'nav.switch': 'Organisation',
		'nav.allOrgs': 'Toutes les organisations',
		'nav.overview': 'Vue d’ensemble',
		'nav.users': 'Utilisateurs',
		'nav.roles': 'Rôles',
		'nav.licenses': 'Licences',
		'nav.devices': 'Appareils',
		'nav.customers': 'Clients',
		'nav.audit': 'Journal d’audit',
		'nav.settings': 'Paramètres',
		'nav.mySettings': 'Mes paramètres',
		'nav.signOut': 'Se déconnecter',
		'nav.signedInAs': (email) => `Connecté en tant que ${email}`,
		'home.none': 'Vous n’êtes encore membre d’aucune organisation. Quand quelqu’un vous y ajoute, elle apparaît ici.',
		'home.title': 'Bienvenue',
	},
	de: {
		'nav.main': 'Hauptmenü',
		'nav.org': 'Organisation',
		'nav.switch': 'Organisation',
		'nav.allOrgs': 'Alle Organisationen',
		'nav.overview': 'Übersicht',
		'nav.users': 'Benutzer',
		'nav.roles': 'Rollen',
		'nav.licenses': 'Lizenzen',
		'nav.devices': 'Geräte',
		'nav.customers': 'Kunden',
		'nav.audit': 'Protokoll',
		'nav.settings': 'Einstellungen',
		'nav.mySettings': 'Meine Einstellungen',
		'nav.signOut': 'Abmelden',
		'nav.signedInAs': (email) => `Angemeldet als ${email}`,
		'home.none': 'Sie sind noch in keiner Organisation Mitglied. Sobald Sie jemand hinzufügt, erscheint sie hier.',
		'home.title': 'Willkommen',
	},
});

const PUBLIC = [
	['/sign-in', SignIn],
	['/forgot-password', ForgotPassword],
	['/set-password', () => html`<${SetPassword} mode="set" />`],
	['/reset-password', () => html`<${SetPassword} mode="reset" />`],
];

const SIGNED_IN = [
	['/', Home],
	['/settings', lazy(settings, 'MySettings')],
	['/orgs', lazy(orgs, 'OrgList')],
	['/orgs/new', lazy(orgs, 'CreateOrg')],
];

// Screens of one organization: the frame loads it (its name, type, the
// caller's permissions) and hands it to the screen.
const IN_ORG = [
	['/orgs/:org', lazy(orgs, 'OrgOverview')],
	['/orgs/:org/users', lazy(users, 'Users')],
	['/orgs/:org/users/new', lazy(users, 'CreateUser')],
	['/orgs/:org/users/:user', lazy(users, 'UserDetail')],
	['/orgs/:org/roles', lazy(roles, 'Roles')],
	['/orgs/:org/roles/new', lazy(roles, 'RoleEdit')],
	['/orgs/:org/roles/:role', lazy(roles, 'RoleEdit')],
	['/orgs/:org/customers', lazy(customers, 'Customers')],
	['/orgs/:org/customers/new', lazy(customers, 'CreateCustomer')],
	['/orgs/:org/licenses', lazy(licenses, 'Licenses')],
	['/orgs/:org/licenses/new', lazy(licenses, 'GrantLicense')],
	['/orgs/:org/licenses/:lic', lazy(licenses, 'LicenseDetail')],
	['/orgs/:org/devices', lazy(devices, 'Devices')],
	['/orgs/:org/audit', lazy(audit, 'Audit')],
	['/orgs/:org/settings', lazy(orgs, 'OrgSettings')],
];

function find(table, path) {
	for (const [pattern, screen] of table) {
		const params = match(pattern, path);
		if (params) return { screen, params };
	}
	return null;
}

function Home({ me }) {
	useEffect(() => {
		if (me.organizations.length) navigate(orgHome(me.organizations[0]), { replace: true });
		else if (me.is_operator) navigate('/orgs', { replace: true });
	}, []);
	if (me.organizations.length || me.is_operator) return html`<${Loading} />`;
	return html`<section class="card"><h1 id="page-title" tabindex="-1">${t('home.title')}</h1><p>${t('home.none')}</p></section>`;
}

function OrgSwitcher({ me, orgId }) {
	const orgs = me.organizations;
	if (orgs.length < 2 && !(orgs.length && me.is_operator)) return null;
	const known = orgs.some((o) => o.id === orgId);
	function onChange(ev) {
		const id = ev.currentTarget.value;
		if (id === '*') return navigate('/orgs');
		const org = orgs.find((o) => o.id === id);
		if (org) navigate(orgHome(org));
	}
	return html`<div class="switcher">
		<label for="org-switcher">${t('nav.switch')}</label>
		<select id="org-switcher" onChange=${onChange} value=${known ? orgId : ''}>
			${!known && html`<option value="" selected>—</option>`}
			${orgs.map((o) => html`<option value=${o.id} selected=${o.id === orgId}>${o.name}</option>`)}
			${me.is_operator && html`<option value="*">${t('nav.allOrgs')}</option>`}
		</select>
	</div>`;
}

function OrgNav({ org, path }) {
	const base = `/orgs/${org.id}`;
	const tabs = [
		[base, t('nav.overview'), true],
		[`${base}/users`, t('nav.users'), can(org, 'members:read')],
		[`${base}/roles`, t('nav.roles'), true],
		[`${base}/licenses`, t('nav.licenses'), can(org, 'licenses:read')],
		[`${base}/devices`, t('nav.devices'), can(org, 'devices:read')],
		[`${base}/customers`, t('nav.customers'), org.type !== 'customer' && can(org, 'customers:read')],
		[`${base}/audit`, t('nav.audit'), can(org, 'audit:read')],
		[`${base}/settings`, t('nav.settings'), can(org, 'org:write')],
	].filter((x) => x[2]);
	const here = path.split('?')[0];
	const current = (href) => (href === base ? here === base : here === href || here.startsWith(`${href}/`));
	return html`<nav class="org-nav" aria-label=${t('nav.org')}>
		<p class="org-name">${org.name}</p>
		<ul>
			${tabs.map(
				([href, label]) =>
					html`<li><${Link} href=${href} aria-current=${current(href) ? 'page' : undefined}>${label}<//></li>`,
			)}
		</ul>
	</nav>`;
}

function Header({ me, orgId }) {
	async function signOut() {
		try {
			await request('POST', '/api/v1/auth/logout', undefined, { quiet401: true });
		} catch {
			/* signed out either way */
		}
		setMe(null);
		navigate('/sign-in?why=signed-out', { replace: true });
	}
	return html`<a class="skip" href="#main">${t('app.skip')}</a>
		<header class="top">
		<${Link} class="brand" href="/">${t('app.name')}<//>
		<${OrgSwitcher} me=${me} orgId=${orgId} />
		<nav class="user-nav" aria-label=${t('nav.main')}>
			<ul>
				<li class="who">${t('nav.signedInAs', me.email)}</li>
				${me.is_operator && html`<li><${Link} href="/orgs">${t('nav.allOrgs')}<//></li>`}
				<li><${Link} href="/settings">${t('nav.mySettings')}<//></li>
				<li><button type="button" class="link" onClick=${signOut}>${t('nav.signOut')}</button></li>
			</ul>
		</nav>
	</header>`;
}

function OrgScope({ me, found, path }) {
	const orgId = found.params.org;
	const [state, setState] = useState({ org: null, error: null });
	useEffect(() => {
		let live = true;
		setState((s) => (s.org && s.org.id === orgId ? s : { org: null, error: null }));
		loadOrg(orgId).then(
			(org) => live && setState({ org, error: null }),
			(error) => live && setState({ org: null, error }),
		);
		return () => (live = false);
	}, [orgId, me]);
	const Screen = found.screen;
	// A screen gets only its own organization: for one render after the path
	// changed, state.org is still the previous one's.
	let body;
	if (state.error) body = html`<${ErrorBox} error=${state.error} />`;
	else if (!state.org || state.org.id !== orgId) body = html`<${Loading} />`;
	else body = html`<${Screen} me=${me} org=${state.org} params=${found.params} />`;
	return html`
		<${Header} me=${me} orgId=${orgId} />
		<div class="layout">
			${state.org && html`<${OrgNav} org=${state.org} path=${path} />`}
			<main id="main">${body}</main>
		</div>`;
}

export function App() {
	const me = useMe();
	const path = useLocation();
	const [bootError, setBootError] = useState(null);
	const firstPath = useRef(path);
	setLanguage(me ? me.language : pickLanguage(navigator.languages || [navigator.language]));

	useEffect(() => {
		whenSessionLost(() => {
			setMe(null);
			const here = location.pathname + location.search;
			if (!PUBLIC.some(([p]) => match(p, location.pathname)))
				navigate(`/sign-in?why=session&next=${encodeURIComponent(here)}`, { replace: true });
		});
		loadMe().catch(setBootError);
	}, []);

	// A new screen: its title takes the focus, for keyboards and readers.
	useEffect(() => {
		if (path === firstPath.current) return;
		const h1 = document.getElementById('page-title');
		if (h1) h1.focus({ preventScroll: true });
	}, [path.split('?')[0]]);

	const pathname = path.split('?')[0];
	const pub = find(PUBLIC, pathname);
	useEffect(() => {
		if (me === null && !pub) {
			const next = pathname === '/' ? '' : `?next=${encodeURIComponent(path)}`;
			navigate(`/sign-in${next}`, { replace: true });
		} else if (me && pathname === '/sign-in') {
			// The query of this render's path: by the time the effect runs, the
			// sign-in form may have gone to next already, and location with it.
			const next = new URLSearchParams(path.slice(pathname.length)).get('next');
			navigate(safeNext(next), { replace: true });
		}
	}, [me, pathname]);

	if (bootError) return html`<main id="main"><${ErrorBox} error=${bootError} /></main>`;
	if (pub && (!me || pathname !== '/sign-in')) {
		const Screen = pub.screen;
		return html`<header class="top"><span class="brand">${t('app.name')}</span></header>
			<main id="main" class="narrow"><${Screen} /></main>`;
	}
	if (!me) return html`<main id="main"><${Loading} /></main>`;
	const top = find(SIGNED_IN, pathname);
	const inOrg = !top && find(IN_ORG, pathname);
	if (inOrg) return html`<${OrgScope} me=${me} found=${inOrg} path=${path} />`;
	const Screen = top && top.screen;
	return html`<${Header} me=${me} orgId=${null} />
		<main id="main">
			${Screen ? html`<${Screen} me=${me} />` : html`<p>${t('app.notFound')}</p>`}
		</main>`;
}
