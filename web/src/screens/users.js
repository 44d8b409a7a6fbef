// The Users screen of an organization: search, filter by role, sort, page,
// select many and remove them; create a user; a user's detail with the role
// change and the removal.
import { useCallback, useState } from 'preact/hooks';
import { del, get, orgPath, patch, post } from '../api.js';
import { addWords, errorText, formatDate, formatDateTime, formatNumber, language, t } from '../i18n.js';
import { Link, navigate, queryParam, setQuery } from '../router.js';
import { can } from '../session.js';
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
	fullName,
	languageOptions,
} from '../ui.js';
import { roleLabel } from './roles.js';
import { StatusBadge } from './device-parts.js';

addWords({
	en: {
		'users.title': 'Users',
		'users.search': 'Search by name or email',
		'users.role': 'Role',
		'users.allRoles': 'All roles',
		'users.sort': 'Sort by',
		'users.sort.match': 'Best match',
		'users.sort.name': 'Name (A–Z)',
		'users.sort.-name': 'Name (Z–A)',
		'users.sort.email': 'Email (A–Z)',
		'users.sort.-email': 'Email (Z–A)',
		'users.sort.created_at': 'Oldest accounts first',
		'users.sort.-created_at': 'Newest accounts first',
		'users.create': 'Create user',
		'users.name': 'Name',
		'users.email': 'Email',
		'users.joined': 'Joined',
		'users.state': 'State',
		'users.state.active': 'Active',
		'users.state.disabled': 'Disabled',
		'users.select': (name) => `Select ${name}`,
		'users.selectPage': 'Select everyone shown',
		'users.selected': (n) => (n === 1 ? '1 selected' : `${formatNumber(n)} selected`),
		'users.removeSelected': (n) => `Remove ${n} from the organization`,
		'users.removeTitle': (n) => (n === 1 ? 'Remove 1 person?' : `Remove ${n} people?`),
		'users.removeBody': (org) =>
			`They leave ${org} at once and lose everything they could do in it. Their accounts stay, and so do their other organizations.`,
		'users.removing': (done, all) => `Removing… ${formatNumber(done)} of ${formatNumber(all)}`,
		'users.results': (removed, refused) => `${removed} removed, ${refused} not removed.`,
		'users.result.removed': 'Removed',
		'users.none': 'No one matches.',
		'users.list': 'Members',
		'users.createTitle': 'Create a user',
		'users.firstName': 'First name',
		'users.lastName': 'Last name',
		'users.company': 'Company',
		'users.language': 'Language',
		'users.languageHint': 'The language of the emails the person receives.',
		'users.passwordChoice': 'Password',
		'users.sendLink': 'Send an email with a link to set a password',
		'users.setNow': 'Set a password now',
		'users.password': 'Password',
		'users.created': (email) => `${email} is now a member.`,
		'users.createdLink': (email) => `${email} is now a member and receives an email to set a password.`,
		'users.detail': 'User',
		'users.source': 'Added',
		'users.source.direct': 'by the organization',
		'users.source.operator': 'by the service’s operators',
		'users.source.customer_admin': 'by the customer’s administrators',
		'users.changeRole': 'Change the role',
		'users.roleChanged': 'The role is changed.',
		'users.remove': 'Remove from the organization',
		'users.removeOne': (name, org) =>
			`${name} leaves ${org} at once and loses everything they could do in it. The account stays, and so do its other organizations.`,
		'users.removed': (email) => `${email} was removed.`,
		'users.noEscalation':
			'You cannot give a role with permissions that you do not have yourself, nor change the role of someone who has more than you.',
		'users.noEscalationRemove': 'You cannot remove someone who has permissions that you do not have.',
		'users.seats': 'Licenses',
		'users.noSeats': 'No seat of any license.',
		'users.seatProduct': 'Product',
		'users.seatSource': 'Given',
		'users.seatSource.manual': 'by hand',
		'users.seatSource.auto': 'automatically',
		'users.seatSource.invitation': 'with the invitation',
		'users.seatSince': 'Since',
		'users.devices': 'Devices',
		'users.noDevices': 'No device has signed in with this account.',
		'users.allDevices': 'Open these devices on the Devices / Licenses screen',
		'error.forbidden.role':
			'You cannot give a role with permissions that you do not have yourself, nor change the role of someone who has more than you.',
	},
	fr: {
		'users.title': 'Utilisateurs',
		'users.search': 'Rechercher par nom ou e-mail',
		'users.role': 'Rôle',
		'users.allRoles': 'Tous les rôles',
		'users.sort': 'Trier par',
		'users.sort.match': 'Meilleure correspondance',
		'users.sort.name': 'Nom (A–Z)',
		'users.sort.-name': 'Nom (Z–A)',
		'users.sort.email': 'E-mail (A–Z)',
		'users.sort.-email': 'E-mail (Z–A)',
		'users.sort.created_at': 'Comptes les plus anciens d’abord',
		'users.sort.-created_at': 'Comptes les plus récents d’abord',
		'users.create': 'Créer un utilisateur',
		'users.name': 'Nom',
		'users.email': 'E-mail',
		'users.joined': 'Arrivée',
		'users.state': 'État',
		'users.state.active': 'Actif',
		'users.state.disabled': 'Désactivé',
		'users.select': (name) => `Sélectionner ${name}`,
		'users.selectPage': 'Sélectionner toutes les personnes affichées',
		'users.selected': (n) => (n <= 1 ? `${formatNumber(n)} sélectionné` : `${formatNumber(n)} sélectionnés`),
		'users.removeSelected': (n) => `Retirer ${n} de l’organisation`,
		'users.removeTitle': (n) => (n === 1 ? 'Retirer 1 personne ?' : `Retirer ${n} personnes ?`),
		'users.removeBody': (org) =>
			`Elles quittent ${org} immédiatement et perdent tout ce qu’elles pouvaient y faire. Leurs comptes restent, ainsi que leurs autres organisations.`,
		'users.removing': (done, all) => `Retrait… ${formatNumber(done)} sur ${formatNumber(all)}`,
		'users.results': (removed, refused) => `${removed} retiré(s), ${refused} non retiré(s).`,
		'users.result.removed': 'Retiré',
		'users.none': 'Personne ne correspond.',
		'users.list': 'Membres',
		'users.createTitle': 'Créer un utilisateur',
		'users.firstName': 'Prénom',
		'users.lastName': 'Nom',
		'users.company': 'Entreprise',
		'users.language': 'Langue',
		'users.languageHint': 'La langue des e-mails que la personne reçoit.',
		'users.passwordChoice': 'Mot de passe',
		'users.sendLink': 'Envoyer un e-mail avec un lien pour choisir un mot de passe',
		'users.setNow': 'Définir un mot de passe maintenant',
		'users.password': 'Mot de passe',
		'users.created': (email) => `${email} est maintenant membre.`,
		'users.createdLink': (email) => `${email} est maintenant membre et reçoit un e-mail pour choisir un mot de passe.`,
		'users.detail': 'Utilisateur',
		'users.source': 'Ajouté',
		'users.source.direct': 'par l’organisation',
		'users.source.operator': 'par les opérateurs du service',
		'users.source.customer_admin': 'par les administrateurs du client',
		'users.changeRole': 'Changer le rôle',
		'users.roleChanged': 'Le rôle est changé.',
		'users.remove': 'Retirer de l’organisation',
		'users.removeOne': (name, org) =>
			`${name} quitte ${org} immédiatement et perd tout ce qu’il ou elle pouvait y faire. Le compte reste, ainsi que ses autres organisations.`,
		'users.removed': (email) => `${email} a été retiré.`,
		'users.noEscalation':
			'Vous ne pouvez pas donner un rôle avec des permissions que vous n’avez pas, ni changer le rôle de quelqu’un qui en a plus que vous.',
		'users.noEscalationRemove': 'Vous ne pouvez pas retirer quelqu’un qui a des permissions que vous n’avez pas.',
		'users.seats': 'Licences',
		'users.noSeats': 'Aucun siège d’aucune licence.',
		'users.seatProduct': 'Produit',
		'users.seatSource': 'Attribué',
		'users.seatSource.manual': 'à la main',
		'users.seatSource.auto': 'automatiquement',
		'users.seatSource.invitation': 'avec l’invitation',
		'users.seatSince': 'Depuis',
		'users.devices': 'Appareils',
		'users.noDevices': 'Aucun appareil ne s’est connecté avec ce compte.',
		'users.allDevices': 'Ouvrir ces appareils sur l’écran Appareils / Licences',
		'error.forbidden.role':
			'Vous ne pouvez pas donner un rôle avec des permissions que vous n’avez pas, ni changer le rôle de quelqu’un qui en a plus que vous.',
	},
	de: {
		'users.title': 'Benutzer',
		'users.search': 'Nach Name oder E-Mail suchen',
		'users.role': 'Rolle',
		'users.allRoles': 'Alle Rollen',
		'users.sort': 'Sortieren nach',
		'users.sort.match': 'Beste Übereinstimmung',
		'users.sort.name': 'Name (A–Z)',
		'users.sort.-name': 'Name (Z–A)',
		'users.sort.email': 'E-Mail (A–Z)',
		'users.sort.-email': 'E-Mail (Z–A)',
		'users.sort.created_at': 'Älteste Konten zuerst',
		'users.sort.-created_at': 'Neueste Konten zuerst',
		'users.create': 'Benutzer anlegen',
		'users.name': 'Name',
		'users.email': 'E-Mail',
		'users.joined': 'Beigetreten',
		'users.state': 'Status',
		'users.state.active': 'Aktiv',
		'users.state.disabled': 'Deaktiviert',
		'users.select': (name) => `${name} auswählen`,
		'users.selectPage': 'Alle Angezeigten auswählen',
		'users.selected': (n) => `${formatNumber(n)} ausgewählt`,
		'users.removeSelected': (n) => `${n} aus der Organisation entfernen`,
		'users.removeTitle': (n) => (n === 1 ? '1 Person entfernen?' : `${n} Personen entfernen?`),
		'users.removeBody': (org) =>
			`Sie verlassen ${org} sofort und verlieren alles, was sie dort tun konnten. Ihre Konten bleiben, ebenso ihre anderen Organisationen.`,
		'users.removing': (done, all) => `Wird entfernt… ${formatNumber(done)} von ${formatNumber(all)}`,
		'users.results': (removed, refused) => `${removed} entfernt, ${refused} nicht entfernt.`,
		'users.result.removed': 'Entfernt',
		'users.none': 'Niemand passt.',
		'users.list': 'Mitglieder',
		'users.createTitle': 'Benutzer anlegen',
		'users.firstName': 'Vorname',
		'users.lastName': 'Nachname',
		'users.company': 'Firma',
		'users.language': 'Sprache',
		'users.languageHint': 'Die Sprache der E-Mails, die die Person erhält.',
		'users.passwordChoice': 'Passwort',
		'users.sendLink': 'Eine E-Mail mit einem Link zum Setzen des Passworts senden',
		'users.setNow': 'Jetzt ein Passwort setzen',
		'users.password': 'Passwort',
		'users.created': (email) => `${email} ist jetzt Mitglied.`,
		'users.createdLink': (email) => `${email} ist jetzt Mitglied und erhält eine E-Mail zum Setzen des Passworts.`,
		'users.detail': 'Benutzer',
		'users.source': 'Hinzugefügt',
		'users.source.direct': 'von der Organisation',
		'users.source.operator': 'von den Betreibern des Dienstes',
		'users.source.customer_admin': 'von den Administratoren des Kunden',
		'users.changeRole': 'Rolle ändern',
		'users.roleChanged': 'Die Rolle ist geändert.',
		'users.remove': 'Aus der Organisation entfernen',
		'users.removeOne': (name, org) =>
			`${name} verlässt ${org} sofort und verliert alles, was er oder sie dort tun konnte. Das Konto bleibt, ebenso seine anderen Organisationen.`,
		'users.removed': (email) => `${email} wurde entfernt.`,
		'users.noEscalation':
			'Sie können keine Rolle mit Berechtigungen vergeben, die Sie selbst nicht haben, und nicht die Rolle von jemandem ändern, der mehr darf als Sie.',
		'users.noEscalationRemove': 'Sie können niemanden entfernen, der Berechtigungen hat, die Sie nicht haben.',
		'users.seats': 'Lizenzen',
		'users.noSeats': 'Kein Platz einer Lizenz.',
		'users.seatProduct': 'Produkt',
		'users.seatSource': 'Vergeben',
		'users.seatSource.manual': 'von Hand',
		'users.seatSource.auto': 'automatisch',
		'users.seatSource.invitation': 'mit der Einladung',
		'users.seatSince': 'Seit',
		'users.devices': 'Geräte',
		'users.noDevices': 'Mit diesem Konto hat sich noch kein Gerät angemeldet.',
		'users.allDevices': 'Diese Geräte auf der Seite Geräte / Lizenzen öffnen',
		'error.forbidden.role':
			'Sie können keine Rolle mit Berechtigungen vergeben, die Sie selbst nicht haben, und nicht die Rolle von jemandem ändern, der mehr darf als Sie.',
	},
});

const SORTS = ['name', '-name', 'email', '-email', 'created_at', '-created_at'];
const BATCH = 100; // ids per bulk request: progress moves at least every 100

// One request for the whole screen's roles (the filter and the forms).
export function useRoles(orgId) {
	return useAsync(() => get(orgPath(orgId, '/roles')).then((r) => r.items), [orgId]);
}

function resultText(result) {
	if (result === 'removed') return t('users.result.removed');
	if (result === 'forbidden') return t('users.noEscalationRemove');
	return errorText({ code: result });
}

// people is taken once, when the dialog opens: onDone deselects the removed,
// and the results must still name them.
function BulkRemove({ org, people: selection, onDone, onClose }) {
	const [people] = useState(selection);
	const [progress, setProgress] = useState(null); // {done, all}
	const [results, setResults] = useState(null);
	const [error, setError] = useState(null);
	async function run() {
		const ids = people.map((p) => p.id);
		const items = [];
		setProgress({ done: 0, all: ids.length });
		try {
			for (let i = 0; i < ids.length; i += BATCH) {
				const r = await post(orgPath(org.id, '/members/remove'), { ids: ids.slice(i, i + BATCH) });
				items.push(...r.items);
				setProgress({ done: items.length, all: ids.length });
			}
		} catch (err) {
			setError(err);
		}
		setResults(items);
		onDone(items.filter((x) => x.result === 'removed').map((x) => x.id));
	}
	const byId = Object.fromEntries(people.map((p) => [p.id, p]));
	if (results) {
		const removed = results.filter((x) => x.result === 'removed').length;
		return html`<${Confirm}
			title=${t('users.results', removed, results.length - removed)}
			confirmLabel=${t('app.close')}
			danger=${false}
			onConfirm=${onClose}
			onClose=${onClose}
		>
			<${ErrorBox} error=${error} />
			<ul class="results" aria-label=${t('users.results', removed, results.length - removed)}>
				${results.map(
					(x) =>
						html`<li class=${x.result === 'removed' ? 'ok' : 'refused'}>
							<strong>${byId[x.id] ? byId[x.id].email : x.id}</strong>: ${resultText(x.result)}
						</li>`,
				)}
			</ul>
		<//>`;
	}
	return html`<${Confirm}
		title=${t('users.removeTitle', people.length)}
		confirmLabel=${t('users.removeSelected', people.length)}
		busy=${!!progress}
		onConfirm=${run}
		onClose=${onClose}
	>
		<p>${t('users.removeBody', org.name)}</p>
		<ul class="names">
			${people.slice(0, 10).map((p) => html`<li>${fullName(p) || p.email} (${p.email})</li>`)}
			${people.length > 10 && html`<li>…</li>`}
		</ul>
		${progress &&
		html`<p role="status">${t('users.removing', progress.done, progress.all)}</p>
			<progress max=${progress.all} value=${progress.done}></progress>`}
	<//>`;
}

export function Users({ org }) {
	const q = queryParam('q');
	const role = queryParam('role');
	const sort = queryParam('sort');
	const roles = useRoles(org.id);
	const writable = can(org, 'members:write');
	const [selected, setSelected] = useState(new Map());
	const [removing, setRemoving] = useState(false);
	const [notice, setNotice] = useState('');
	const fetchPage = useCallback(
		(cursor) => get(orgPath(org.id, '/members'), { q, role, sort, cursor, limit: 50 }),
		[org.id, q, role, sort],
	);
	const list = useList(fetchPage, [fetchPage]);
	const toggle = (m, on) =>
		setSelected((s) => {
			const n = new Map(s);
			if (on) n.set(m.id, m);
			else n.delete(m.id);
			return n;
		});
	const allShown = list.items.length > 0 && list.items.every((m) => selected.has(m.id));
	const sortOptions = [
		...(q ? [{ value: '', label: t('users.sort.match') }] : []),
		...SORTS.map((s) => ({ value: s === 'name' && !q ? '' : s, label: t(`users.sort.${s}`) })),
	];
	const roleOptions = [
		{ value: '', label: t('users.allRoles') },
		...(roles.data || []).map((r) => ({ value: r.name, label: roleLabel(r.name) })),
	];
	if (role && !roles.data) roleOptions.push({ value: role, label: roleLabel(role) });
	return html`
		<${PageHeader} title=${t('users.title')}>
			${writable && html`<${Link} class="button" href=${`/orgs/${org.id}/users/new`}>${t('users.create')}<//>`}
		<//>
		${notice && html`<${Notice}>${notice}<//>`}
		<div class="filters">
			<${SearchBox} label=${t('users.search')} value=${q} onSearch=${(v) => setQuery({ q: v, sort: v ? '' : sort })} />
			<${Select} label=${t('users.role')} name="role" value=${role} options=${roleOptions} onValue=${(v) => setQuery({ role: v })} />
			<${Select} label=${t('users.sort')} name="sort" value=${sort} options=${sortOptions} onValue=${(v) => setQuery({ sort: v })} />
		</div>
		${writable &&
		selected.size > 0 &&
		html`<div class="bulk" role="region" aria-label=${t('users.selected', selected.size)}>
			<span>${t('users.selected', selected.size)}</span>
			<button type="button" class="danger" onClick=${() => setRemoving(true)}>${t('users.removeSelected', selected.size)}</button>
		</div>`}
		<${ErrorBox} error=${list.error || roles.error} />
		<${TableWrap} label=${t('users.list')}>
			<table>
				<thead>
					<tr>
						${writable &&
						html`<th scope="col" class="pick">
							<input
								type="checkbox"
								aria-label=${t('users.selectPage')}
								checked=${allShown}
								onChange=${(e) => list.items.forEach((m) => toggle(m, e.currentTarget.checked))}
							/>
						</th>`}
						<th scope="col">${t('users.name')}</th>
						<th scope="col">${t('users.email')}</th>
						<th scope="col">${t('users.role')}</th>
						<th scope="col">${t('users.joined')}</th>
					</tr>
				</thead>
				<tbody>
					${list.items.map(
						(m) => html`<tr key=${m.id}>
							${writable &&
							html`<td class="pick">
								<input
									type="checkbox"
									aria-label=${t('users.select', fullName(m) || m.email)}
									checked=${selected.has(m.id)}
									onChange=${(e) => toggle(m, e.currentTarget.checked)}
								/>
							</td>`}
							<td><${Link} href=${`/orgs/${org.id}/users/${m.id}`}>${fullName(m) || m.email}<//></td>
							<td>${m.email}</td>
							<td>${roleLabel(m.role)}</td>
							<td>${formatDate(m.joined_at)}</td>
						</tr>`,
					)}
				</tbody>
			</table>
		<//>
		${list.loading && !list.items.length && html`<${Loading} />`}
		${!list.loading && !list.error && !list.items.length && html`<p>${t('users.none')}</p>`}
		<${MoreButton} list=${list} />
		${removing &&
		html`<${BulkRemove}
			org=${org}
			people=${[...selected.values()]}
			onDone=${(ids) => {
				list.remove(ids);
				setSelected((s) => new Map([...s].filter(([id]) => !ids.includes(id))));
			}}
			onClose=${() => {
				setRemoving(false);
				setNotice('');
			}}
		/>`}`;
}

export function CreateUser({ org }) {
	const roles = useRoles(org.id);
	const [withPassword, setWithPassword] = useState(false);
	const f = useForm(
		{ email: '', first_name: '', last_name: '', company: '', language: language(), role: 'member', password: '' },
	);
	async function submit(ev) {
		ev.preventDefault();
		await f.submit(async (v) => {
			const body = { ...v, email: v.email.trim() };
			if (!withPassword) delete body.password;
			const m = await post(orgPath(org.id, '/members'), body);
			const msg = withPassword ? 'created' : 'createdLink';
			navigate(`/orgs/${org.id}/users/${m.id}?done=${msg}`);
		});
	}
	const roleOptions = (roles.data || [{ name: 'member' }]).map((r) => ({ value: r.name, label: roleLabel(r.name) }));
	return html`
		<${PageHeader} title=${t('users.createTitle')} />
		<form class="card form" onSubmit=${submit} novalidate>
			<${Field} label=${t('users.email')} type="email" autocomplete="off" required ...${f.bind('email')} />
			<${Field} label=${t('users.firstName')} optional ...${f.bind('first_name')} />
			<${Field} label=${t('users.lastName')} optional ...${f.bind('last_name')} />
			<${Field} label=${t('users.company')} optional ...${f.bind('company')} />
			<${Select} label=${t('users.language')} hint=${t('users.languageHint')} options=${languageOptions()} ...${f.bind('language')} />
			<${Select} label=${t('users.role')} options=${roleOptions} ...${f.bind('role')} />
			<fieldset>
				<legend>${t('users.passwordChoice')}</legend>
				<div class="check">
					<input id="pw-link" type="radio" name="pw" checked=${!withPassword} onChange=${() => setWithPassword(false)} />
					<label for="pw-link">${t('users.sendLink')}</label>
				</div>
				<div class="check">
					<input id="pw-now" type="radio" name="pw" checked=${withPassword} onChange=${() => setWithPassword(true)} />
					<label for="pw-now">${t('users.setNow')}</label>
				</div>
				${withPassword &&
				html`<${Field} label=${t('users.password')} type="password" autocomplete="new-password" ...${f.bind('password')} />`}
			</fieldset>
			<${ErrorBox} error=${f.error} />
			<div class="actions">
				<${Link} class="button secondary" href=${`/orgs/${org.id}/users`}>${t('app.cancel')}<//>
				<button type="submit" disabled=${f.busy}>${t('app.create')}</button>
			</div>
		</form>`;
}

// What a member holds: their seats and the devices they signed in from.
// Either list may be absent from the answer: then it is not shown.
function Holdings({ org, member }) {
	const seats = Array.isArray(member.seats) ? member.seats : null;
	const devices = Array.isArray(member.devices) ? member.devices : null;
	const pools = can(org, 'licenses:read');
	return html`
		${seats &&
		html`<section class="card" aria-labelledby="seats-title">
			<h2 id="seats-title">${t('users.seats')}</h2>
			${!seats.length
				? html`<p>${t('users.noSeats')}</p>`
				: html`<${TableWrap} label=${t('users.seats')}>
						<table class="stack">
							<thead>
								<tr>
									<th scope="col">${t('users.seatProduct')}</th>
									<th scope="col">${t('users.seatSource')}</th>
									<th scope="col">${t('users.seatSince')}</th>
								</tr>
							</thead>
							<tbody>
								${seats.map(
									(x) => html`<tr key=${x.license_id}>
										<td data-label=${t('users.seatProduct')}>
											${pools ? html`<${Link} href=${`/orgs/${org.id}/licenses/${x.license_id}`}>${x.product}<//>` : x.product}
										</td>
										<td data-label=${t('users.seatSource')}>${hasSource(x.source) ? t(`users.seatSource.${x.source}`) : x.source}</td>
										<td data-label=${t('users.seatSince')}>${formatDateTime(x.assigned_at)}</td>
									</tr>`,
								)}
							</tbody>
						</table>
					<//>`}
		</section>`}
		${devices &&
		html`<section class="card" aria-labelledby="devices-title">
			<h2 id="devices-title">${t('users.devices')}</h2>
			${!devices.length
				? html`<p>${t('users.noDevices')}</p>`
				: html`<${TableWrap} label=${t('users.devices')}>
							<table class="stack">
								<thead>
									<tr>
										<th scope="col">${t('dev.code')}</th>
										<th scope="col">${t('dev.name')}</th>
										<th scope="col">${t('dev.platform')}</th>
										<th scope="col">${t('dev.status')}</th>
										<th scope="col">${t('dev.lastSeen')}</th>
									</tr>
								</thead>
								<tbody>
									${devices.map(
										(d) => html`<tr key=${d.id}>
											<td data-label=${t('dev.code')}><strong class="code">${d.code}</strong></td>
											<td data-label=${t('dev.name')}>${d.name || '—'}</td>
											<td data-label=${t('dev.platform')}>${d.platform || '—'}</td>
											<td data-label=${t('dev.status')}><${StatusBadge} status=${d.status} /></td>
											<td data-label=${t('dev.lastSeen')}>${d.last_seen_at ? formatDateTime(d.last_seen_at) : t('dev.never')}</td>
										</tr>`,
									)}
								</tbody>
							</table>
						<//>
						${can(org, 'devices:read') &&
						html`<p><${Link} href=${`/orgs/${org.id}/devices?user=${encodeURIComponent(member.id)}`}>${t('users.allDevices')}<//></p>`}`}
		</section>`}`;
}

const hasSource = (s) => ['manual', 'auto', 'invitation'].includes(s);

function RoleChange({ org, member, roles, onChanged }) {
	const f = useForm({ role: member.role });
	const [done, setDone] = useState(false);
	async function submit(ev) {
		ev.preventDefault();
		setDone(false);
		await f.submit(async (v) => {
			try {
				const m = await patch(orgPath(org.id, `/members/${member.id}`), { role: v.role });
				onChanged(m);
				setDone(true);
			} catch (err) {
				// forbidden names the field role when the new role is too much:
				// either way the answer is the explanation below, not a field error.
				if (err.code === 'forbidden') err.field = null;
				throw err;
			}
		});
	}
	const options = (roles || [{ name: member.role }]).map((r) => ({ value: r.name, label: roleLabel(r.name) }));
	const forbidden = f.error && f.error.code === 'forbidden';
	return html`<form class="card form" onSubmit=${submit} aria-labelledby="role-title">
		<h2 id="role-title">${t('users.changeRole')}</h2>
		<${Select} label=${t('users.role')} options=${options} ...${f.bind('role')} />
		${forbidden ? html`<p class="error" role="alert">${t('users.noEscalation')}</p>` : html`<${ErrorBox} error=${f.error} />`}
		${done && html`<${Notice}>${t('users.roleChanged')}<//>`}
		<div class="actions"><button type="submit" disabled=${f.busy || f.values.role === member.role}>${t('app.save')}</button></div>
	</form>`;
}

export function UserDetail({ org, params }) {
	const member = useAsync(() => get(orgPath(org.id, `/members/${encodeURIComponent(params.user)}`)), [org.id, params.user]);
	const roles = useRoles(org.id);
	const [confirm, setConfirm] = useState(false);
	const [removeError, setRemoveError] = useState(null);
	const [busy, setBusy] = useState(false);
	const done = queryParam('done');
	if (member.error) return html`<${PageHeader} title=${t('users.detail')} /><${ErrorBox} error=${member.error} />`;
	const m = member.data;
	if (!m) return html`<${Loading} />`;
	const writable = can(org, 'members:write');
	async function remove() {
		setBusy(true);
		try {
			await del(orgPath(org.id, `/members/${m.id}`));
			navigate(`/orgs/${org.id}/users`);
		} catch (err) {
			setConfirm(false);
			setRemoveError(err);
		} finally {
			setBusy(false);
		}
	}
	return html`
		<${PageHeader} title=${fullName(m) || m.email}>
			<${Link} class="button secondary" href=${`/orgs/${org.id}/users`}>${t('app.back')}<//>
		<//>
		${done && html`<${Notice}>${t(`users.${done === 'created' ? 'created' : 'createdLink'}`, m.email)}<//>`}
		<dl class="card facts">
			<dt>${t('users.email')}</dt><dd>${m.email}</dd>
			<dt>${t('users.company')}</dt><dd>${m.company || '—'}</dd>
			<dt>${t('users.language')}</dt><dd>${t(`lang.${m.language}`)}</dd>
			<dt>${t('users.role')}</dt><dd>${roleLabel(m.role)}</dd>
			<dt>${t('users.state')}</dt><dd>${t(`users.state.${m.state}`)}</dd>
			<dt>${t('users.joined')}</dt><dd>${formatDateTime(m.joined_at)}</dd>
			<dt>${t('users.source')}</dt><dd>${t(`users.source.${m.source}`)}</dd>
		</dl>
		<${Holdings} org=${org} member=${m} />
		${writable && html`<${RoleChange} org=${org} member=${m} roles=${roles.data} onChanged=${(x) => member.setData({ ...m, ...x })} />`}
		${writable &&
		html`<section class="card danger-zone" aria-labelledby="remove-title">
			<h2 id="remove-title">${t('users.remove')}</h2>
			<p>${t('users.removeOne', fullName(m) || m.email, org.name)}</p>
			${removeError &&
			(removeError.code === 'forbidden'
				? html`<p class="error" role="alert">${t('users.noEscalationRemove')}</p>`
				: html`<${ErrorBox} error=${removeError} />`)}
			<div class="actions"><button type="button" class="danger" onClick=${() => setConfirm(true)}>${t('users.remove')}</button></div>
		</section>`}
		${confirm &&
		html`<${Confirm}
			title=${t('users.remove')}
			confirmLabel=${t('users.remove')}
			busy=${busy}
			onConfirm=${remove}
			onClose=${() => setConfirm(false)}
		>
			<p>${t('users.removeOne', fullName(m) || m.email, org.name)}</p>
		<//>`}`;
}
