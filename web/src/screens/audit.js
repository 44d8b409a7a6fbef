// The audit log of an organization: who did what, when and from where,
// filtered by action, actor and time, newest first, paged.
import { useCallback, useState } from 'preact/hooks';
import { get, orgPath } from '../api.js';
import { addWords, errorText, formatDateTime, t } from '../i18n.js';
import { Link, queryParam, setQuery } from '../router.js';
import { html, useList, ErrorBox, Field, Loading, MoreButton, PageHeader, Select, TableWrap } from '../ui.js';

const ACTIONS = [
	'org.created',
	'org.updated',
	'org.closed',
	'org.independent',
	'org.administrator_designated',
	'module.enabled',
	'module.disabled',
	'customer.created',
	'customer.independent',
	'member.created',
	'member.role_changed',
	'member.removed',
	'role.created',
	'role.updated',
	'role.deleted',
	'license.granted',
	'license.updated',
	'seat.assigned',
	'seat.removed',
	'seat.moved',
	'seat.waiting',
	'seat.waiting_left',
	'device.activated',
	'device.deactivated',
];

addWords({
	en: {
		'audit.title': 'Audit log',
		'audit.action': 'Action',
		'audit.allActions': 'All actions',
		'audit.actor': 'By (user id)',
		'audit.actorHint': 'The id of the person who acted, as shown in this list.',
		'audit.since': 'From',
		'audit.until': 'To',
		'audit.apply': 'Filter',
		'audit.clear': 'Clear the filters',
		'audit.at': 'When',
		'audit.who': 'Who',
		'audit.what': 'What',
		'audit.target': 'On',
		'audit.from': 'From address',
		'audit.system': 'The system',
		'audit.none': 'No entry matches.',
		'audit.list': 'Audit entries',
		'audit.order': 'Order',
		'audit.newest': 'Newest first',
		'audit.oldest': 'Oldest first',
		'action.org.created': 'Organization created',
		'action.org.updated': 'Organization changed',
		'action.org.closed': 'Organization closed',
		'action.org.independent': 'Became independent',
		'action.org.administrator_designated': 'Administrator designated',
		'action.module.enabled': 'Module switched on',
		'action.module.disabled': 'Module switched off',
		'action.customer.created': 'Customer created',
		'action.customer.independent': 'Customer became independent',
		'action.member.created': 'Member added',
		'action.member.role_changed': 'Role changed',
		'action.member.removed': 'Member removed',
		'action.role.created': 'Role created',
		'action.role.updated': 'Role changed',
		'action.role.deleted': 'Role deleted',
		'action.license.granted': 'License pool granted',
		'action.license.updated': 'License pool changed',
		'action.seat.assigned': 'Seat assigned',
		'action.seat.removed': 'Seat taken back',
		'action.seat.moved': 'Seat moved',
		'action.seat.waiting': 'Joined a waiting list',
		'action.seat.waiting_left': 'Left a waiting list',
		'action.device.activated': 'Device activated',
		'action.device.deactivated': 'Device deactivated',
	},
	fr: {
		'audit.title': 'Journal d’audit',
		'audit.action': 'Action',
		'audit.allActions': 'Toutes les actions',
		'audit.actor': 'Par (identifiant)',
		'audit.actorHint': 'L’identifiant de la personne qui a agi, tel qu’affiché dans cette liste.',
		'audit.since': 'Du',
		'audit.until': 'Au',
		'audit.apply': 'Filtrer',
		'audit.clear': 'Effacer les filtres',
		'audit.at': 'Quand',
		'audit.who': 'Qui',
		'audit.what': 'Quoi',
		'audit.target': 'Sur',
		'audit.from': 'Depuis l’adresse',
		'audit.system': 'Le système',
		'audit.none': 'Aucune entrée ne correspond.',
		'audit.list': 'Entrées du journal',
		'audit.order': 'Ordre',
		'audit.newest': 'Les plus récentes d’abord',
		'audit.oldest': 'Les plus anciennes d’abord',
		'action.org.created': 'Organisation créée',
		'action.org.updated': 'Organisation modifiée',
		'action.org.closed': 'Organisation fermée',
		'action.org.independent': 'Devenue indépendante',
		'action.org.administrator_designated': 'Administrateur désigné',
		'action.module.enabled': 'Module activé',
		'action.module.disabled': 'Module désactivé',
		'action.customer.created': 'Client créé',
		'action.customer.independent': 'Client devenu indépendant',
		'action.member.created': 'Membre ajouté',
		'action.member.role_changed': 'Rôle changé',
		'action.member.removed': 'Membre retiré',
		'action.role.created': 'Rôle créé',
		'action.role.updated': 'Rôle modifié',
		'action.role.deleted': 'Rôle supprimé',
		'action.license.granted': 'Lot de licences accordé',
		'action.license.updated': 'Lot de licences modifié',
		'action.seat.assigned': 'Siège attribué',
		'action.seat.removed': 'Siège repris',
		'action.seat.moved': 'Siège déplacé',
		'action.seat.waiting': 'Inscrit en liste d’attente',
		'action.seat.waiting_left': 'Retiré de la liste d’attente',
		'action.device.activated': 'Appareil activé',
		'action.device.deactivated': 'Appareil désactivé',
	},
	de: {
		'audit.title': 'Protokoll',
		'audit.action': 'Aktion',
		'audit.allActions': 'Alle Aktionen',
		'audit.actor': 'Von (Benutzer-ID)',
		'audit.actorHint': 'Die ID der handelnden Person, wie in dieser Liste angezeigt.',
		'audit.since': 'Von',
		'audit.until': 'Bis',
		'audit.apply': 'Filtern',
		'audit.clear': 'Filter zurücksetzen',
		'audit.at': 'Wann',
		'audit.who': 'Wer',
		'audit.what': 'Was',
		'audit.target': 'Betrifft',
		'audit.from': 'Von Adresse',
		'audit.system': 'Das System',
		'audit.none': 'Kein Eintrag passt.',
		'audit.list': 'Protokolleinträge',
		'audit.order': 'Reihenfolge',
		'audit.newest': 'Neueste zuerst',
		'audit.oldest': 'Älteste zuerst',
		'action.org.created': 'Organisation angelegt',
		'action.org.updated': 'Organisation geändert',
		'action.org.closed': 'Organisation geschlossen',
		'action.org.independent': 'Unabhängig geworden',
		'action.org.administrator_designated': 'Administrator bestimmt',
		'action.module.enabled': 'Modul eingeschaltet',
		'action.module.disabled': 'Modul ausgeschaltet',
		'action.customer.created': 'Kunde angelegt',
		'action.customer.independent': 'Kunde unabhängig geworden',
		'action.member.created': 'Mitglied hinzugefügt',
		'action.member.role_changed': 'Rolle geändert',
		'action.member.removed': 'Mitglied entfernt',
		'action.role.created': 'Rolle angelegt',
		'action.role.updated': 'Rolle geändert',
		'action.role.deleted': 'Rolle gelöscht',
		'action.license.granted': 'Lizenzpaket vergeben',
		'action.license.updated': 'Lizenzpaket geändert',
		'action.seat.assigned': 'Platz zugewiesen',
		'action.seat.removed': 'Platz zurückgenommen',
		'action.seat.moved': 'Platz verschoben',
		'action.seat.waiting': 'Auf die Warteliste gesetzt',
		'action.seat.waiting_left': 'Von der Warteliste genommen',
		'action.device.activated': 'Gerät aktiviert',
		'action.device.deactivated': 'Gerät deaktiviert',
	},
});

const actionLabel = (a) => (ACTIONS.includes(a) ? t(`action.${a}`) : a);

// A day picked in the form (YYYY-MM-DD, UTC) as the API's times: "from"
// is its first instant, "to" takes the whole day.
const dayStart = (d) => (d ? `${d}T00:00:00Z` : '');
function dayAfter(d) {
	if (!d) return '';
	const next = new Date(`${d}T00:00:00Z`);
	next.setUTCDate(next.getUTCDate() + 1);
	return next.toISOString();
}

function details(entry) {
	const d = entry.details || {};
	return Object.entries(d)
		.map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`)
		.join(', ');
}

export function Audit({ org }) {
	const action = queryParam('action');
	const actor = queryParam('actor');
	const since = queryParam('since');
	const until = queryParam('until');
	const sort = queryParam('sort');
	const [form, setForm] = useState({ actor, since, until });
	const fetchPage = useCallback(
		(cursor) =>
			get(orgPath(org.id, '/audit'), {
				action,
				actor,
				since: dayStart(since),
				until: dayAfter(until),
				sort,
				cursor,
				limit: 50,
			}),
		[org.id, action, actor, since, until, sort],
	);
	const list = useList(fetchPage, [fetchPage]);
	function apply(ev) {
		ev.preventDefault();
		setQuery({ actor: form.actor.trim(), since: form.since, until: form.until });
	}
	function clear() {
		setForm({ actor: '', since: '', until: '' });
		setQuery({ action: '', actor: '', since: '', until: '', sort: '' });
	}
	const fieldError = (name) => list.error && list.error.field === name && errorText(list.error);
	return html`
		<${PageHeader} title=${t('audit.title')} />
		<form class="filters" onSubmit=${apply}>
			<${Select}
				label=${t('audit.action')}
				name="action"
				value=${action}
				options=${[{ value: '', label: t('audit.allActions') }, ...ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))]}
				onValue=${(v) => setQuery({ action: v })}
			/>
			<${Field}
				label=${t('audit.actor')}
				name="actor"
				value=${form.actor}
				error=${fieldError('actor')}
				autocomplete="off"
				onValue=${(v) => setForm({ ...form, actor: v })}
			/>
			<${Field} label=${t('audit.since')} name="since" type="date" value=${form.since} onValue=${(v) => setForm({ ...form, since: v })} />
			<${Field} label=${t('audit.until')} name="until" type="date" value=${form.until} onValue=${(v) => setForm({ ...form, until: v })} />
			<${Select}
				label=${t('audit.order')}
				name="sort"
				value=${sort}
				options=${[
					{ value: '', label: t('audit.newest') },
					{ value: 'at', label: t('audit.oldest') },
				]}
				onValue=${(v) => setQuery({ sort: v })}
			/>
			<div class="actions">
				<button type="submit">${t('audit.apply')}</button>
				<button type="button" class="secondary" onClick=${clear}>${t('audit.clear')}</button>
			</div>
		</form>
		${!fieldError('actor') && html`<${ErrorBox} error=${list.error} />`}
		<${TableWrap} label=${t('audit.list')}>
			<table>
				<thead>
					<tr>
						<th scope="col">${t('audit.at')}</th>
						<th scope="col">${t('audit.what')}</th>
						<th scope="col">${t('audit.who')}</th>
						<th scope="col">${t('audit.target')}</th>
						<th scope="col">${t('audit.from')}</th>
					</tr>
				</thead>
				<tbody>
					${list.items.map(
						(e) => html`<tr key=${e.id}>
							<td><time datetime=${e.at}>${formatDateTime(e.at)}</time></td>
							<td>${actionLabel(e.action)}<div class="muted small">${details(e)}</div></td>
							<td>
								${e.actor_id
									? html`<button type="button" class="link" onClick=${() => {
											setForm({ ...form, actor: e.actor_id });
											setQuery({ actor: e.actor_id });
										}}>${e.actor_id}</button>`
									: t('audit.system')}
							</td>
							<td>
								${e.target_type === 'user'
									? html`<${Link} href=${`/orgs/${org.id}/users/${e.target_id}`}>${e.target_id}<//>`
									: `${e.target_type} ${e.target_id}`}
							</td>
							<td>${e.client_addr}</td>
						</tr>`,
					)}
				</tbody>
			</table>
		<//>
		${list.loading && !list.items.length && html`<${Loading} />`}
		${!list.loading && !list.error && !list.items.length && html`<p>${t('audit.none')}</p>`}
		<${MoreButton} list=${list} />`;
}
