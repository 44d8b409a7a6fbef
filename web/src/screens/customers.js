// Customers of a provider or partner: the list with search, creating a
// corporate or individual customer, and opening one to manage its people.
import { useCallback, useState } from 'preact/hooks';
import { get, orgPath, post } from '../api.js';
import { addWords, formatDate, t } from '../i18n.js';
import { Link, navigate, queryParam, setQuery } from '../router.js';
import { can } from '../session.js';
import { html, useForm, useList, ErrorBox, Field, Loading, MoreButton, Notice, PageHeader, SearchBox, TableWrap } from '../ui.js';

addWords({
	en: {
		'customers.title': 'Customers',
		'customers.search': 'Search by name',
		'customers.create': 'Create customer',
		'customers.name': 'Name',
		'customers.kind': 'Kind',
		'customers.kind.corporate': 'Corporate',
		'customers.kind.individual': 'Individual',
		'customers.kindHint.corporate': 'A company: its people can have logins to their own back office.',
		'customers.kindHint.individual': 'A person or a household: no logins of its own.',
		'customers.since': 'Customer since',
		'customers.open': (name) => `Open ${name}`,
		'customers.none': 'No customer matches.',
		'customers.list': 'Customers',
		'customers.newTitle': 'Create a customer',
		'customers.independent': (name) => `${name} is now independent: it is no longer your customer.`,
	},
	fr: {
		'customers.title': 'Clients',
		'customers.search': 'Rechercher par nom',
		'customers.create': 'Créer un client',
		'customers.name': 'Nom',
		'customers.kind': 'Type',
		'customers.kind.corporate': 'Entreprise',
		'customers.kind.individual': 'Particulier',
		'customers.kindHint.corporate': 'Une entreprise : ses personnes peuvent avoir un accès à leur propre espace.',
		'customers.kindHint.individual': 'Une personne ou un foyer : pas d’accès propre.',
		'customers.since': 'Client depuis',
		'customers.open': (name) => `Ouvrir ${name}`,
		'customers.none': 'Aucun client ne correspond.',
		'customers.list': 'Clients',
		'customers.newTitle': 'Créer un client',
		'customers.independent': (name) => `${name} est maintenant indépendant : ce n’est plus votre client.`,
	},
	de: {
		'customers.title': 'Kunden',
		'customers.search': 'Nach Name suchen',
		'customers.create': 'Kunden anlegen',
		'customers.name': 'Name',
		'customers.kind': 'Art',
		'customers.kind.corporate': 'Firmenkunde',
		'customers.kind.individual': 'Privatkunde',
		'customers.kindHint.corporate': 'Ein Unternehmen: seine Leute können Zugänge zu ihrem eigenen Bereich haben.',
		'customers.kindHint.individual': 'Eine Person oder ein Haushalt: keine eigenen Zugänge.',
		'customers.since': 'Kunde seit',
		'customers.open': (name) => `${name} öffnen`,
		'customers.none': 'Kein Kunde passt.',
		'customers.list': 'Kunden',
		'customers.newTitle': 'Kunden anlegen',
		'customers.independent': (name) => `${name} ist jetzt unabhängig und nicht mehr Ihr Kunde.`,
	},
});

// A notice for the next Customers screen shown (a customer that left).
let pendingNotice = '';
export function noteOnCustomers(text) {
	pendingNotice = text;
}

export function Customers({ org }) {
	const [notice] = useState(() => {
		const n = pendingNotice;
		pendingNotice = '';
		return n;
	});
	const q = queryParam('q');
	const fetchPage = useCallback((cursor) => get(orgPath(org.id, '/customers'), { q, cursor, limit: 50 }), [org.id, q]);
	const list = useList(fetchPage, [fetchPage]);
	return html`
		<${PageHeader} title=${t('customers.title')}>
			${can(org, 'customers:write') &&
			html`<${Link} class="button" href=${`/orgs/${org.id}/customers/new`}>${t('customers.create')}<//>`}
		<//>
		${notice && html`<${Notice}>${notice}<//>`}
		<div class="filters">
			<${SearchBox} label=${t('customers.search')} value=${q} onSearch=${(v) => setQuery({ q: v })} />
		</div>
		<${ErrorBox} error=${list.error} />
		<${TableWrap} label=${t('customers.list')}>
			<table>
				<thead>
					<tr>
						<th scope="col">${t('customers.name')}</th>
						<th scope="col">${t('customers.kind')}</th>
						<th scope="col">${t('customers.since')}</th>
					</tr>
				</thead>
				<tbody>
					${list.items.map(
						(c) => html`<tr key=${c.id}>
							<td><${Link} href=${`/orgs/${c.id}`} aria-label=${t('customers.open', c.name)}>${c.name}<//></td>
							<td>${t(`customers.kind.${c.kind}`)}</td>
							<td>${formatDate(c.created_at)}</td>
						</tr>`,
					)}
				</tbody>
			</table>
		<//>
		${list.loading && !list.items.length && html`<${Loading} />`}
		${!list.loading && !list.error && !list.items.length && html`<p>${t('customers.none')}</p>`}
		<${MoreButton} list=${list} />`;
}

export function CreateCustomer({ org }) {
	const f = useForm({ name: '', kind: 'corporate' });
	async function submit(ev) {
		ev.preventDefault();
		await f.submit(async (v) => {
			const c = await post(orgPath(org.id, '/customers'), v);
			navigate(`/orgs/${c.id}`);
		});
	}
	return html`
		<${PageHeader} title=${t('customers.newTitle')} />
		<form class="card form" onSubmit=${submit} novalidate>
			<${Field} label=${t('customers.name')} required autocomplete="off" ...${f.bind('name')} />
			<fieldset>
				<legend>${t('customers.kind')}</legend>
				${['corporate', 'individual'].map(
					(k) => html`<div class="check">
						<input
							id=${`kind-${k}`}
							type="radio"
							name="kind"
							checked=${f.values.kind === k}
							onChange=${() => f.set('kind', k)}
							aria-describedby=${`kind-${k}-hint`}
						/>
						<label for=${`kind-${k}`}>${t(`customers.kind.${k}`)}</label>
						<p id=${`kind-${k}-hint`} class="hint">${t(`customers.kindHint.${k}`)}</p>
					</div>`,
				)}
				${f.errors.kind && html`<p class="field-error">${f.errors.kind}</p>`}
			</fieldset>
			<${ErrorBox} error=${f.error} />
			<div class="actions">
				<${Link} class="button secondary" href=${`/orgs/${org.id}/customers`}>${t('app.cancel')}<//>
				<button type="submit" disabled=${f.busy}>${t('app.create')}</button>
			</div>
		</form>`;
}
