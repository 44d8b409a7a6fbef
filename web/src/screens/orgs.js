// Organizations: the operators' list with search and "create organization",
// an organization's overview (and a customer's independence), and its
// settings: name, modules (operators), closing it (operators).
import { useCallback, useState } from 'preact/hooks';
import { del, get, orgPath, patch, post, put, request } from '../api.js';
import { addWords, formatDate, language, t } from '../i18n.js';
import { Link, navigate, queryParam, setQuery } from '../router.js';
import { can, forgetOrg, loadMe, loadOrg } from '../session.js';
import {
	html,
	useAsync,
	useForm,
	useList,
	Checkbox,
	Confirm,
	ErrorBox,
	Field,
	Loading,
	MoreButton,
	Notice,
	PageHeader,
	SearchBox,
	Select,
	TableWrap,
	languageOptions,
} from '../ui.js';
import { noteOnCustomers } from './customers.js';
import { roleLabel } from './roles.js';

const MODULES = ['customer_login', 'teams'];

addWords({
	en: {
		'orgs.title': 'Organizations',
		'orgs.mine': 'My organizations',
		'orgs.search': 'Search by name',
		'orgs.create': 'Create organization',
		'orgs.name': 'Name',
		'orgs.type': 'Type',
		'orgs.type.enterprise': 'Enterprise',
		'orgs.type.partner': 'Partner',
		'orgs.type.customer': 'Customer',
		'orgs.state': 'State',
		'orgs.state.active': 'Active',
		'orgs.state.closed': 'Closed',
		'orgs.role': 'My role',
		'orgs.created': 'Created',
		'orgs.none': 'No organization matches.',
		'orgs.list': 'Organizations',
		'orgs.newTitle': 'Create an organization',
		'orgs.typeHint.enterprise': 'A company that buys licenses for its people.',
		'orgs.typeHint.partner': 'A reseller: it has customers, and its staff may work in teams.',
		'orgs.admin': 'First administrator',
		'orgs.adminHint': 'They receive an email to set a password; an existing account is used as it is.',
		'orgs.adminEmail': 'Administrator’s email',
		'orgs.firstName': 'First name',
		'orgs.lastName': 'Last name',
		'orgs.language': 'Language',
		'orgs.modules': 'Modules',
		'module.customer_login': 'Customer login: corporate customers get their own back office',
		'module.teams': 'Teams: staff work in teams that manage customer accounts',
		'orgs.overview': 'Overview',
		'orgs.provider': 'Provided by',
		'orgs.kind': 'Kind',
		'orgs.myPermissions': 'What I can do here',
		'orgs.viaProvider': 'Through the provider',
		'orgs.operator': 'Operator',
		'orgs.independent': 'Make independent',
		'orgs.independentBody': (name, provider) =>
			`${name} becomes an enterprise of its own. ${provider} and its people lose all access to it at once, and this cannot be undone. Its members, roles and data stay.`,
		'orgs.independentDone': 'This organization is now independent.',
		'orgs.settings': 'Settings',
		'orgs.saved': 'Saved.',
		'orgs.modulesHint': 'Only the service’s operators switch modules on and off.',
		'orgs.moduleOn': (m) => `${m} is on.`,
		'orgs.moduleOff': (m) => `${m} is off.`,
		'orgs.close': 'Close the organization',
		'orgs.closeBody': (name) =>
			`${name} will be closed: nobody can work in it any more and its people lose their access to it. Its data is kept, and the audit log records the closing.`,
		'orgs.closed': 'This organization is closed.',
	},
	fr: {
		'orgs.title': 'Organisations',
		'orgs.mine': 'Mes organisations',
		'orgs.search': 'Rechercher par nom',
		'orgs.create': 'Créer une organisation',
		'orgs.name': 'Nom',
		'orgs.type': 'Type',
		'orgs.type.enterprise': 'Entreprise',
		'orgs.type.partner': 'Partenaire',
		'orgs.type.customer': 'Client',
		'orgs.state': 'État',
		'orgs.state.active': 'Active',
		'orgs.state.closed': 'Fermée',
		'orgs.role': 'Mon rôle',
		'orgs.created': 'Créée',
		'orgs.none': 'Aucune organisation ne correspond.',
		'orgs.list': 'Organisations',
		'orgs.newTitle': 'Créer une organisation',
		'orgs.typeHint.enterprise': 'Une entreprise qui achète des licences pour ses personnes.',
		'orgs.typeHint.partner': 'Un revendeur : il a des clients, et ses équipes peuvent travailler en équipes.',
		'orgs.admin': 'Premier administrateur',
		'orgs.adminHint': 'Il reçoit un e-mail pour choisir un mot de passe ; un compte existant est repris tel quel.',
		'orgs.adminEmail': 'E-mail de l’administrateur',
		'orgs.firstName': 'Prénom',
		'orgs.lastName': 'Nom',
		'orgs.language': 'Langue',
		'orgs.modules': 'Modules',
		'module.customer_login': 'Accès client : les clients entreprises ont leur propre espace',
		'module.teams': 'Équipes : le personnel travaille en équipes qui gèrent des comptes clients',
		'orgs.overview': 'Vue d’ensemble',
		'orgs.provider': 'Fourni par',
		'orgs.kind': 'Type de client',
		'orgs.myPermissions': 'Ce que je peux faire ici',
		'orgs.viaProvider': 'Par le fournisseur',
		'orgs.operator': 'Opérateur',
		'orgs.independent': 'Rendre indépendante',
		'orgs.independentBody': (name, provider) =>
			`${name} devient une entreprise à part entière. ${provider} et ses personnes perdent immédiatement tout accès, et c’est définitif. Ses membres, rôles et données restent.`,
		'orgs.independentDone': 'Cette organisation est maintenant indépendante.',
		'orgs.settings': 'Paramètres',
		'orgs.saved': 'Enregistré.',
		'orgs.modulesHint': 'Seuls les opérateurs du service activent et désactivent les modules.',
		'orgs.moduleOn': (m) => `${m} est activé.`,
		'orgs.moduleOff': (m) => `${m} est désactivé.`,
		'orgs.close': 'Fermer l’organisation',
		'orgs.closeBody': (name) =>
			`${name} sera fermée : personne ne pourra plus y travailler et ses personnes perdent leur accès. Ses données sont gardées, et le journal d’audit enregistre la fermeture.`,
		'orgs.closed': 'Cette organisation est fermée.',
	},
	de: {
		'orgs.title': 'Organisationen',
		'orgs.mine': 'Meine Organisationen',
		'orgs.search': 'Nach Name suchen',
		'orgs.create': 'Organisation anlegen',
		'orgs.name': 'Name',
		'orgs.type': 'Typ',
		'orgs.type.enterprise': 'Unternehmen',
		'orgs.type.partner': 'Partner',
		'orgs.type.customer': 'Kunde',
		'orgs.state': 'Status',
		'orgs.state.active': 'Aktiv',
		'orgs.state.closed': 'Geschlossen',
		'orgs.role': 'Meine Rolle',
		'orgs.created': 'Angelegt',
		'orgs.none': 'Keine Organisation passt.',
		'orgs.list': 'Organisationen',
		'orgs.newTitle': 'Organisation anlegen',
		'orgs.typeHint.enterprise': 'Ein Unternehmen, das Lizenzen für seine Leute kauft.',
		'orgs.typeHint.partner': 'Ein Wiederverkäufer: er hat Kunden, seine Leute können in Teams arbeiten.',
		'orgs.admin': 'Erster Administrator',
		'orgs.adminHint': 'Er erhält eine E-Mail zum Setzen des Passworts; ein bestehendes Konto wird übernommen, wie es ist.',
		'orgs.adminEmail': 'E-Mail des Administrators',
		'orgs.firstName': 'Vorname',
		'orgs.lastName': 'Nachname',
		'orgs.language': 'Sprache',
		'orgs.modules': 'Module',
		'module.customer_login': 'Kundenzugang: Firmenkunden erhalten ihren eigenen Bereich',
		'module.teams': 'Teams: die Leute arbeiten in Teams, die Kundenkonten betreuen',
		'orgs.overview': 'Übersicht',
		'orgs.provider': 'Betreut von',
		'orgs.kind': 'Kundenart',
		'orgs.myPermissions': 'Was ich hier tun kann',
		'orgs.viaProvider': 'Über den Anbieter',
		'orgs.operator': 'Betreiber',
		'orgs.independent': 'Unabhängig machen',
		'orgs.independentBody': (name, provider) =>
			`${name} wird ein eigenständiges Unternehmen. ${provider} und seine Leute verlieren sofort jeden Zugriff, und das lässt sich nicht rückgängig machen. Mitglieder, Rollen und Daten bleiben.`,
		'orgs.independentDone': 'Diese Organisation ist jetzt unabhängig.',
		'orgs.settings': 'Einstellungen',
		'orgs.saved': 'Gespeichert.',
		'orgs.modulesHint': 'Nur die Betreiber des Dienstes schalten Module ein und aus.',
		'orgs.moduleOn': (m) => `${m} ist eingeschaltet.`,
		'orgs.moduleOff': (m) => `${m} ist ausgeschaltet.`,
		'orgs.close': 'Organisation schließen',
		'orgs.closeBody': (name) =>
			`${name} wird geschlossen: niemand kann mehr darin arbeiten, und ihre Leute verlieren den Zugang. Die Daten bleiben erhalten, und das Protokoll verzeichnet die Schließung.`,
		'orgs.closed': 'Diese Organisation ist geschlossen.',
	},
});

export function OrgList({ me }) {
	const q = queryParam('q');
	const fetchPage = useCallback((cursor) => get('/api/v1/orgs', { q, cursor, limit: 50 }), [q]);
	const list = useList(fetchPage, [fetchPage]);
	return html`
		<${PageHeader} title=${me.is_operator ? t('orgs.title') : t('orgs.mine')}>
			${me.is_operator && html`<${Link} class="button" href="/orgs/new">${t('orgs.create')}<//>`}
		<//>
		<div class="filters">
			<${SearchBox} label=${t('orgs.search')} value=${q} onSearch=${(v) => setQuery({ q: v })} />
		</div>
		<${ErrorBox} error=${list.error} />
		<${TableWrap} label=${t('orgs.list')}>
			<table>
				<thead>
					<tr>
						<th scope="col">${t('orgs.name')}</th>
						<th scope="col">${t('orgs.type')}</th>
						<th scope="col">${me.is_operator ? t('orgs.state') : t('orgs.role')}</th>
						<th scope="col">${t('orgs.created')}</th>
					</tr>
				</thead>
				<tbody>
					${list.items.map(
						(o) => html`<tr key=${o.id}>
							<td><${Link} href=${`/orgs/${o.id}`}>${o.name}<//></td>
							<td>${t(`orgs.type.${o.type}`)}</td>
							<td>${me.is_operator ? t(`orgs.state.${o.state}`) : roleLabel(o.role)}</td>
							<td>${formatDate(o.created_at)}</td>
						</tr>`,
					)}
				</tbody>
			</table>
		<//>
		${list.loading && !list.items.length && html`<${Loading} />`}
		${!list.loading && !list.error && !list.items.length && html`<p>${t('orgs.none')}</p>`}
		<${MoreButton} list=${list} />`;
}

export function CreateOrg() {
	const f = useForm(
		{ name: '', type: 'enterprise', email: '', first_name: '', last_name: '', language: language(), modules: [] },
		['name', 'type', 'modules', 'admin.email', 'admin.first_name', 'admin.last_name', 'admin.language'],
	);
	async function submit(ev) {
		ev.preventDefault();
		await f.submit(async (v) => {
			const org = await post('/api/v1/orgs', {
				name: v.name,
				type: v.type,
				modules: v.modules,
				admin: { email: v.email.trim(), first_name: v.first_name, last_name: v.last_name, language: v.language },
			});
			navigate(`/orgs/${org.id}`);
		});
	}
	const admin = (name) => ({ ...f.bind(name), error: f.errors[`admin.${name}`] });
	return html`
		<${PageHeader} title=${t('orgs.newTitle')} />
		<form class="card form" onSubmit=${submit} novalidate>
			<${Field} label=${t('orgs.name')} required autocomplete="organization" ...${f.bind('name')} />
			<fieldset>
				<legend>${t('orgs.type')}</legend>
				${['enterprise', 'partner'].map(
					(k) => html`<div class="check">
						<input
							id=${`type-${k}`}
							type="radio"
							name="type"
							checked=${f.values.type === k}
							onChange=${() => f.set('type', k)}
							aria-describedby=${`type-${k}-hint`}
						/>
						<label for=${`type-${k}`}>${t(`orgs.type.${k}`)}</label>
						<p id=${`type-${k}-hint`} class="hint">${t(`orgs.typeHint.${k}`)}</p>
					</div>`,
				)}
			</fieldset>
			<fieldset>
				<legend>${t('orgs.admin')}</legend>
				<p class="hint">${t('orgs.adminHint')}</p>
				<${Field} label=${t('orgs.adminEmail')} type="email" required autocomplete="off" ...${admin('email')} />
				<${Field} label=${t('orgs.firstName')} optional autocomplete="off" ...${admin('first_name')} />
				<${Field} label=${t('orgs.lastName')} optional autocomplete="off" ...${admin('last_name')} />
				<${Select} label=${t('orgs.language')} options=${languageOptions()} ...${admin('language')} />
			</fieldset>
			<fieldset>
				<legend>${t('orgs.modules')}</legend>
				${MODULES.map(
					(m) => html`<${Checkbox}
						label=${t(`module.${m}`)}
						name=${`module-${m}`}
						checked=${f.values.modules.includes(m)}
						onValue=${(on) => f.set('modules', MODULES.filter((x) => (x === m ? on : f.values.modules.includes(x))))}
					/>`,
				)}
			</fieldset>
			<${ErrorBox} error=${f.error} />
			<div class="actions">
				<${Link} class="button secondary" href="/orgs">${t('app.cancel')}<//>
				<button type="submit" disabled=${f.busy}>${t('app.create')}</button>
			</div>
		</form>`;
}

// Who may detach a customer: its administrators, its provider's
// administrators, operators (the API decides; this only hides the button).
function mayMakeIndependent(me, org, detail) {
	if (me.is_operator) return true;
	const mine = me.organizations.find((o) => o.id === org.id);
	if (mine && mine.role === 'administrator') return true;
	const provider = me.organizations.find((o) => o.id === detail.provider_id);
	return !!provider && provider.role === 'administrator';
}

export function OrgOverview({ me, org }) {
	const detail = useAsync(() => loadOrg(org.id, { fresh: true }), [org.id]);
	const [confirm, setConfirm] = useState(false);
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState(null);
	const [done, setDone] = useState(false);
	const d = detail.data;
	// Its own people and operators keep the organization; the provider's
	// people lose it at once, so they go back to their customers.
	async function independence() {
		const leaving = !me.is_operator && !me.organizations.some((o) => o.id === org.id);
		setBusy(true);
		try {
			await post(orgPath(org.id, '/independence'));
			forgetOrg();
			if (leaving) {
				noteOnCustomers(t('customers.independent', d.name));
				navigate(`/orgs/${d.provider.id}/customers`);
			}
			await loadMe();
			if (!leaving) {
				detail.reload();
				setDone(true);
			}
		} catch (err) {
			setError(err);
		} finally {
			setBusy(false);
			setConfirm(false);
		}
	}
	const role = d ? d.role : org.role;
	return html`
		<${PageHeader} title=${org.name} />
		${done && html`<${Notice}>${t('orgs.independentDone')}<//>`}
		<${ErrorBox} error=${detail.error || error} />
		${!d && !detail.error && html`<${Loading} />`}
		${d &&
		html`<dl class="card facts">
				<dt>${t('orgs.type')}</dt>
				<dd>${t(`orgs.type.${d.type}`)}${d.kind ? ` (${t(`customers.kind.${d.kind}`)})` : ''}</dd>
				${d.provider && html`<dt>${t('orgs.provider')}</dt><dd>${d.provider.name}</dd>`}
				<dt>${t('orgs.state')}</dt>
				<dd>${t(`orgs.state.${d.state}`)}</dd>
				<dt>${t('orgs.role')}</dt>
				<dd>${role ? roleLabel(role) : me.is_operator ? t('orgs.operator') : t('orgs.viaProvider')}</dd>
				<dt>${t('orgs.modules')}</dt>
				<dd>${d.modules.length ? d.modules.map((m) => t(`module.${m}`)).join('; ') : t('app.none')}</dd>
			</dl>
			<section class="card" aria-labelledby="perm-title">
				<h2 id="perm-title">${t('orgs.myPermissions')}</h2>
				${d.permissions.length
					? html`<ul class="perms">
							${d.permissions.map((p) => html`<li>${t(`perm.${p}`)}</li>`)}
						</ul>`
					: html`<p>${t('app.none')}</p>`}
			</section>
			${d.type === 'customer' &&
			d.provider &&
			mayMakeIndependent(me, org, d) &&
			html`<section class="card danger-zone" aria-labelledby="indep-title">
				<h2 id="indep-title">${t('orgs.independent')}</h2>
				<p>${t('orgs.independentBody', d.name, d.provider.name)}</p>
				<div class="actions">
					<button type="button" class="danger" onClick=${() => setConfirm(true)}>${t('orgs.independent')}</button>
				</div>
			</section>`}`}
		${confirm &&
		html`<${Confirm}
			title=${t('orgs.independent')}
			confirmLabel=${t('orgs.independent')}
			busy=${busy}
			onConfirm=${independence}
			onClose=${() => setConfirm(false)}
		>
			<p>${t('orgs.independentBody', d.name, d.provider.name)}</p>
		<//>`}`;
}

export function OrgSettings({ me, org }) {
	const detail = useAsync(() => get(orgPath(org.id)), [org.id]);
	if (detail.error) return html`<${PageHeader} title=${t('orgs.settings')} /><${ErrorBox} error=${detail.error} />`;
	if (!detail.data) return html`<${Loading} />`;
	return html`<${SettingsForm} me=${me} org=${detail.data} onChange=${detail.setData} />`;
}

function SettingsForm({ me, org, onChange }) {
	const f = useForm({ name: org.name });
	const [saved, setSaved] = useState(false);
	const [moduleNote, setModuleNote] = useState('');
	const [moduleError, setModuleError] = useState(null);
	const [confirm, setConfirm] = useState(false);
	const [closeError, setCloseError] = useState(null);
	const [busy, setBusy] = useState(false);
	async function rename(ev) {
		ev.preventDefault();
		setSaved(false);
		await f.submit(async (v) => {
			const o = await patch(orgPath(org.id), { name: v.name });
			onChange({ ...org, ...o });
			forgetOrg(org.id);
			await loadMe();
			setSaved(true);
		});
	}
	async function toggleModule(m, on) {
		setModuleError(null);
		try {
			const o = await (on ? put : del)(orgPath(org.id, `/modules/${m}`));
			onChange({ ...org, modules: o.modules });
			forgetOrg(org.id);
			setModuleNote(on ? t('orgs.moduleOn', t(`module.${m}`)) : t('orgs.moduleOff', t(`module.${m}`)));
		} catch (err) {
			setModuleError(err);
		}
	}
	async function close() {
		setBusy(true);
		try {
			await request('DELETE', orgPath(org.id));
			forgetOrg(org.id);
			await loadMe();
			navigate('/orgs');
		} catch (err) {
			setConfirm(false);
			setCloseError(err);
		} finally {
			setBusy(false);
		}
	}
	return html`
		<${PageHeader} title=${t('orgs.settings')} />
		${org.state === 'closed' && html`<p class="notice">${t('orgs.closed')}</p>`}
		<form class="card form" onSubmit=${rename} novalidate>
			<${Field} label=${t('orgs.name')} required autocomplete="organization" ...${f.bind('name')} />
			<${ErrorBox} error=${f.error} />
			${saved && html`<${Notice}>${t('orgs.saved')}<//>`}
			<div class="actions"><button type="submit" disabled=${f.busy}>${t('app.save')}</button></div>
		</form>
		<section class="card" aria-labelledby="modules-title">
			<h2 id="modules-title">${t('orgs.modules')}</h2>
			${!me.is_operator && html`<p class="hint">${t('orgs.modulesHint')}</p>`}
			${MODULES.map(
				(m) => html`<${Checkbox}
					label=${t(`module.${m}`)}
					name=${`module-${m}`}
					checked=${org.modules.includes(m)}
					disabled=${!me.is_operator}
					onValue=${(on) => toggleModule(m, on)}
				/>`,
			)}
			<${ErrorBox} error=${moduleError} />
			${moduleNote && html`<${Notice}>${moduleNote}<//>`}
		</section>
		${me.is_operator &&
		org.state !== 'closed' &&
		html`<section class="card danger-zone" aria-labelledby="close-title">
			<h2 id="close-title">${t('orgs.close')}</h2>
			<p>${t('orgs.closeBody', org.name)}</p>
			<${ErrorBox} error=${closeError} />
			<div class="actions"><button type="button" class="danger" onClick=${() => setConfirm(true)}>${t('orgs.close')}</button></div>
		</section>`}
		${confirm &&
		html`<${Confirm} title=${t('orgs.close')} confirmLabel=${t('orgs.close')} busy=${busy} onConfirm=${close} onClose=${() => setConfirm(false)}>
			<p>${t('orgs.closeBody', org.name)}</p>
		<//>`}`;
}
