// Licenses: the organization's pools with what is used and free, and a
// pool's holders: assign a seat to a member (searched), remove one or
// many, move one to a member without a seat. In a pool counted per device
// the holders are devices, and the same actions pick devices. Operators
// grant and change pools here too.
import { useCallback, useState } from 'preact/hooks';
import { get, orgPath, patch, post, request } from '../api.js';
import { addWords, errorText, formatDate, formatDateTime, formatNumber, t } from '../i18n.js';
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
} from '../ui.js';
import { DevicePicker, deviceErrorText } from './device-parts.js';

addWords({
	en: {
		'lic.title': 'Licenses',
		'lic.none': 'This organization has no licenses yet.',
		'lic.grant': 'Grant licenses',
		'lic.grantTitle': 'Grant licenses',
		'lic.product': 'Product',
		'lic.plan': 'Plan',
		'lic.seats': 'Seats',
		'lic.unit': 'Counted per',
		'lic.unit.user': 'Person',
		'lic.unit.device': 'Device',
		'lic.state': 'State',
		'lic.state.trial': 'Trial',
		'lic.state.active': 'Active',
		'lic.state.expired': 'Expired',
		'lic.state.cancelled': 'Cancelled',
		'lic.ends': 'Ends on',
		'lic.endsHint': 'Leave empty for a year from today.',
		'lic.auto': 'Give a free seat automatically to new members',
		'lic.transfers': 'Transfers a month',
		'lic.transfersHint': 'How often a month seats may be taken off their holders (removed, moved, a device deactivated). Empty: no limit.',
		'lic.offline': 'Days a device may stay offline',
		'lic.offlineHint': 'How long the certificate a device receives stays valid without the network (1 to 365).',
		'lic.term': (ends, days) => `Until ${ends} (${days === 1 ? '1 day' : `${formatNumber(days)} days`} left)`,
		'lic.termOver': (ends) => `Ended on ${ends}`,
		'lic.usage': (used, seats, free) => `${formatNumber(used)} of ${formatNumber(seats)} used, ${formatNumber(free)} free`,
		'lic.list': 'License pools',
		'lic.open': (p) => `Open ${p}`,
		'lic.holders': 'Holders',
		'lic.search': 'Search holders by name or email',
		'lic.noHolders': 'Nobody holds a seat of this pool.',
		'lic.person': 'Person',
		'lic.email': 'Email',
		'lic.since': 'Since',
		'lic.assign': 'Assign a seat',
		'lic.assignSearch': 'Find a member by name or email',
		'lic.assignTo': (name) => `Assign to ${name}`,
		'lic.assigned': (name) => `${name} now holds a seat.`,
		'lic.select': (name) => `Select ${name}`,
		'lic.selectPage': 'Select every holder shown',
		'lic.removeSelected': (n) => `Take back ${formatNumber(n)} seat${n === 1 ? '' : 's'}`,
		'lic.removeTitle': (n) => `Take back ${formatNumber(n)} seat${n === 1 ? '' : 's'}?`,
		'lic.removeBody': 'They can no longer use the product with this license; each is told by email. Their accounts stay.',
		'lic.results': (removed, refused) => `${formatNumber(removed)} taken back, ${formatNumber(refused)} not.`,
		'lic.result.removed': 'Taken back',
		'lic.move': 'Move',
		'lic.moveTitle': (name) => `Move ${name}’s seat`,
		'lic.moveBody': 'The seat goes to the member you choose, who must not hold one of this pool. Both are told by email.',
		'lic.moveTo': (name) => `Move to ${name}`,
		'lic.moved': (from, to) => `The seat of ${from} is now ${to}’s.`,
		'lic.change': 'Change the pool',
		'lic.changed': 'The pool is changed.',
		'lic.back': 'All licenses',
		'lic.waiting': 'Waiting list',
		'lic.waitingNone': 'Nobody is waiting for a seat.',
		'lic.waitingHelp': 'People who joined when no seat was free. Each gets the next seat that frees up, in this order.',
		'lic.joined': 'Waiting since',
		'lic.takeOff': (name) => `Take ${name} off the list`,
		'lic.takenOff': (name) => `${name} no longer waits.`,
		'lic.waitingCount': (n) => `${formatNumber(n)} waiting`,
		'lic.reduce': 'If fewer seats than are in use: take seats back from the newest holders (they are told and wait for the next seat)',
		'lic.reduced': (n) => `The pool is changed; ${formatNumber(n)} ${n === 1 ? 'person' : 'people'} lost a seat and wait for the next.`,

		'lic.device': 'Device code',
		'lic.deviceName': 'Name',
		'lic.searchDevices': 'Search holders by device code, name or email',
		'lic.noDevices': 'No device holds a seat of this pool.',
		'lic.assignDevice': 'Find a device by code, name or email',
		'lic.assignDeviceTo': (code) => `Assign to ${code}`,
		'lic.removeDevicesBody': 'These devices lose this license the next time they check; a certificate they hold already stays valid until it expires. The devices stay.',
		'lic.moveDeviceBody': 'The seat goes to the device you choose, which must not hold one of this pool.',
		'lic.moveDeviceTo': (code) => `Move to ${code}`,
		'lic.waitingDevicesHelp': 'Devices that signed in when no seat was free. Each gets the next seat that frees up, in this order.',
		'lic.waitingDevicesNone': 'No device is waiting for a seat.',
		'error.seat_limit_reached': 'Every seat of this pool is in use: take one back first, or ask for more.',
		'error.already_assigned': 'This person holds a seat of this pool already.',
		'error.license_inactive': 'This pool has ended or was cancelled: it gives and moves no seat.',
		'error.seats_in_use': 'More seats are in use than that: take seats back first.',
	},
	fr: {
		'lic.title': 'Licences',
		'lic.none': 'Cette organisation n’a pas encore de licences.',
		'lic.grant': 'Attribuer des licences',
		'lic.grantTitle': 'Attribuer des licences',
		'lic.product': 'Produit',
		'lic.plan': 'Offre',
		'lic.seats': 'Sièges',
		'lic.unit': 'Compté par',
		'lic.unit.user': 'Personne',
		'lic.unit.device': 'Appareil',
		'lic.state': 'État',
		'lic.state.trial': 'Essai',
		'lic.state.active': 'Active',
		'lic.state.expired': 'Expirée',
		'lic.state.cancelled': 'Annulée',
		'lic.ends': 'Fin le',
		'lic.endsHint': 'Laisser vide pour un an à partir d’aujourd’hui.',
		'lic.auto': 'Donner automatiquement un siège libre aux nouveaux membres',
		'lic.transfers': 'Transferts par mois',
		'lic.transfersHint': 'Combien de fois par mois des sièges peuvent être repris à leurs titulaires (retirés, déplacés, un appareil désactivé). Vide : sans limite.',
		'lic.offline': 'Jours hors ligne pour un appareil',
		'lic.offlineHint': 'Combien de temps le certificat reçu par un appareil reste valable sans réseau (1 à 365).',
		'lic.term': (ends, days) => `Jusqu’au ${ends} (${days <= 1 ? `${days} jour` : `${formatNumber(days)} jours`} restants)`,
		'lic.termOver': (ends) => `Terminée le ${ends}`,
		'lic.usage': (used, seats, free) =>
			`${formatNumber(used)} sur ${formatNumber(seats)} utilisés, ${formatNumber(free)} libres`,
		'lic.list': 'Lots de licences',
		'lic.open': (p) => `Ouvrir ${p}`,
		'lic.holders': 'Titulaires',
		'lic.search': 'Rechercher un titulaire par nom ou e-mail',
		'lic.noHolders': 'Personne n’a de siège de ce lot.',
		'lic.person': 'Personne',
		'lic.email': 'E-mail',
		'lic.since': 'Depuis',
		'lic.assign': 'Attribuer un siège',
		'lic.assignSearch': 'Trouver un membre par nom ou e-mail',
		'lic.assignTo': (name) => `Attribuer à ${name}`,
		'lic.assigned': (name) => `${name} a maintenant un siège.`,
		'lic.select': (name) => `Sélectionner ${name}`,
		'lic.selectPage': 'Sélectionner tous les titulaires affichés',
		'lic.removeSelected': (n) => `Reprendre ${formatNumber(n)} siège${n > 1 ? 's' : ''}`,
		'lic.removeTitle': (n) => `Reprendre ${formatNumber(n)} siège${n > 1 ? 's' : ''} ?`,
		'lic.removeBody':
			'Ils ne peuvent plus utiliser le produit avec cette licence ; chacun est prévenu par e-mail. Leurs comptes restent.',
		'lic.results': (removed, refused) => `${formatNumber(removed)} repris, ${formatNumber(refused)} non.`,
		'lic.result.removed': 'Repris',
		'lic.move': 'Déplacer',
		'lic.moveTitle': (name) => `Déplacer le siège de ${name}`,
		'lic.moveBody':
			'Le siège va au membre choisi, qui ne doit pas en avoir un de ce lot. Les deux sont prévenus par e-mail.',
		'lic.moveTo': (name) => `Déplacer vers ${name}`,
		'lic.moved': (from, to) => `Le siège de ${from} est maintenant à ${to}.`,
		'lic.change': 'Modifier le lot',
		'lic.changed': 'Le lot est modifié.',
		'lic.back': 'Toutes les licences',
		'lic.waiting': 'Liste d’attente',
		'lic.waitingNone': 'Personne n’attend de siège.',
		'lic.waitingHelp': 'Les personnes arrivées quand aucun siège n’était libre. Chacune reçoit le prochain siège libéré, dans cet ordre.',
		'lic.joined': 'En attente depuis',
		'lic.takeOff': (name) => `Retirer ${name} de la liste`,
		'lic.takenOff': (name) => `${name} n’attend plus.`,
		'lic.waitingCount': (n) => `${formatNumber(n)} en attente`,
		'lic.reduce': 'S’il y a moins de sièges que d’utilisés : reprendre les sièges des titulaires les plus récents (ils sont prévenus et attendent le prochain siège)',
		'lic.reduced': (n) => `Le lot est modifié ; ${formatNumber(n)} personne${n > 1 ? 's ont' : ' a'} perdu un siège et attend${n > 1 ? 'ent' : ''} le prochain.`,

		'lic.device': 'Code d’appareil',
		'lic.deviceName': 'Nom',
		'lic.searchDevices': 'Rechercher un titulaire par code d’appareil, nom ou e-mail',
		'lic.noDevices': 'Aucun appareil n’a de siège de ce lot.',
		'lic.assignDevice': 'Trouver un appareil par code, nom ou e-mail',
		'lic.assignDeviceTo': (code) => `Attribuer à ${code}`,
		'lic.removeDevicesBody': 'Ces appareils perdent cette licence à leur prochaine vérification ; un certificat qu’ils détiennent déjà reste valable jusqu’à son expiration. Les appareils restent.',
		'lic.moveDeviceBody': 'Le siège va à l’appareil choisi, qui ne doit pas en avoir un de ce lot.',
		'lic.moveDeviceTo': (code) => `Déplacer vers ${code}`,
		'lic.waitingDevicesHelp': 'Les appareils connectés quand aucun siège n’était libre. Chacun reçoit le prochain siège libéré, dans cet ordre.',
		'lic.waitingDevicesNone': 'Aucun appareil n’attend de siège.',
		'error.seat_limit_reached': 'Tous les sièges de ce lot sont utilisés : reprenez-en un, ou demandez-en plus.',
		'error.already_assigned': 'Cette personne a déjà un siège de ce lot.',
		'error.license_inactive': 'Ce lot est terminé ou annulé : il ne donne ni ne déplace aucun siège.',
		'error.seats_in_use': 'Plus de sièges sont utilisés : reprenez d’abord des sièges.',
	},
	de: {
		'lic.title': 'Lizenzen',
		'lic.none': 'Diese Organisation hat noch keine Lizenzen.',
		'lic.grant': 'Lizenzen vergeben',
		'lic.grantTitle': 'Lizenzen vergeben',
		'lic.product': 'Produkt',
		'lic.plan': 'Tarif',
		'lic.seats': 'Plätze',
		'lic.unit': 'Gezählt pro',
		'lic.unit.user': 'Person',
		'lic.unit.device': 'Gerät',
		'lic.state': 'Status',
		'lic.state.trial': 'Test',
		'lic.state.active': 'Aktiv',
		'lic.state.expired': 'Abgelaufen',
		'lic.state.cancelled': 'Gekündigt',
		'lic.ends': 'Endet am',
		'lic.endsHint': 'Leer lassen für ein Jahr ab heute.',
		'lic.auto': 'Neuen Mitgliedern automatisch einen freien Platz geben',
		'lic.transfers': 'Übertragungen im Monat',
		'lic.transfersHint': 'Wie oft im Monat Plätze ihren Inhabern entzogen werden dürfen (entfernt, verschoben, ein Gerät deaktiviert). Leer: ohne Grenze.',
		'lic.offline': 'Offline-Tage eines Geräts',
		'lic.offlineHint': 'Wie lange das Zertifikat, das ein Gerät erhält, ohne Netz gültig bleibt (1 bis 365).',
		'lic.term': (ends, days) => `Bis ${ends} (noch ${days === 1 ? '1 Tag' : `${formatNumber(days)} Tage`})`,
		'lic.termOver': (ends) => `Beendet am ${ends}`,
		'lic.usage': (used, seats, free) =>
			`${formatNumber(used)} von ${formatNumber(seats)} belegt, ${formatNumber(free)} frei`,
		'lic.list': 'Lizenzpakete',
		'lic.open': (p) => `${p} öffnen`,
		'lic.holders': 'Inhaber',
		'lic.search': 'Inhaber nach Name oder E-Mail suchen',
		'lic.noHolders': 'Niemand hat einen Platz dieses Pakets.',
		'lic.person': 'Person',
		'lic.email': 'E-Mail',
		'lic.since': 'Seit',
		'lic.assign': 'Platz zuweisen',
		'lic.assignSearch': 'Mitglied nach Name oder E-Mail finden',
		'lic.assignTo': (name) => `${name} zuweisen`,
		'lic.assigned': (name) => `${name} hat jetzt einen Platz.`,
		'lic.select': (name) => `${name} auswählen`,
		'lic.selectPage': 'Alle angezeigten Inhaber auswählen',
		'lic.removeSelected': (n) => `${formatNumber(n)} Platz${n === 1 ? '' : 'e'} entziehen`,
		'lic.removeTitle': (n) => `${formatNumber(n)} Platz${n === 1 ? '' : 'e'} entziehen?`,
		'lic.removeBody':
			'Sie können das Produkt mit dieser Lizenz nicht mehr nutzen; jeder wird per E-Mail informiert. Ihre Konten bleiben.',
		'lic.results': (removed, refused) => `${formatNumber(removed)} entzogen, ${formatNumber(refused)} nicht.`,
		'lic.result.removed': 'Entzogen',
		'lic.move': 'Verschieben',
		'lic.moveTitle': (name) => `Platz von ${name} verschieben`,
		'lic.moveBody':
			'Der Platz geht an das gewählte Mitglied, das keinen Platz dieses Pakets haben darf. Beide werden per E-Mail informiert.',
		'lic.moveTo': (name) => `Zu ${name} verschieben`,
		'lic.moved': (from, to) => `Der Platz von ${from} gehört jetzt ${to}.`,
		'lic.change': 'Paket ändern',
		'lic.changed': 'Das Paket ist geändert.',
		'lic.back': 'Alle Lizenzen',
		'lic.waiting': 'Warteliste',
		'lic.waitingNone': 'Niemand wartet auf einen Platz.',
		'lic.waitingHelp': 'Personen, die kamen, als kein Platz frei war. Jede erhält in dieser Reihenfolge den nächsten frei werdenden Platz.',
		'lic.joined': 'Wartet seit',
		'lic.takeOff': (name) => `${name} von der Liste nehmen`,
		'lic.takenOff': (name) => `${name} wartet nicht mehr.`,
		'lic.waitingCount': (n) => `${formatNumber(n)} wartend`,
		'lic.reduce': 'Bei weniger Plätzen als belegt: den neuesten Inhabern Plätze entziehen (sie werden informiert und warten auf den nächsten Platz)',
		'lic.reduced': (n) => `Das Paket ist geändert; ${formatNumber(n)} ${n === 1 ? 'Person hat' : 'Personen haben'} einen Platz verloren und warten auf den nächsten.`,

		'lic.device': 'Gerätecode',
		'lic.deviceName': 'Name',
		'lic.searchDevices': 'Inhaber nach Gerätecode, Name oder E-Mail suchen',
		'lic.noDevices': 'Kein Gerät hat einen Platz dieses Pakets.',
		'lic.assignDevice': 'Gerät nach Code, Name oder E-Mail finden',
		'lic.assignDeviceTo': (code) => `${code} zuweisen`,
		'lic.removeDevicesBody': 'Diese Geräte verlieren diese Lizenz bei der nächsten Prüfung; ein Zertifikat, das sie schon haben, bleibt bis zu seinem Ablauf gültig. Die Geräte bleiben.',
		'lic.moveDeviceBody': 'Der Platz geht an das gewählte Gerät, das keinen Platz dieses Pakets haben darf.',
		'lic.moveDeviceTo': (code) => `Zu ${code} verschieben`,
		'lic.waitingDevicesHelp': 'Geräte, die sich anmeldeten, als kein Platz frei war. Jedes erhält in dieser Reihenfolge den nächsten frei werdenden Platz.',
		'lic.waitingDevicesNone': 'Kein Gerät wartet auf einen Platz.',
		'error.seat_limit_reached': 'Alle Plätze dieses Pakets sind belegt: entziehen Sie zuerst einen oder fragen Sie nach mehr.',
		'error.already_assigned': 'Diese Person hat bereits einen Platz dieses Pakets.',
		'error.license_inactive': 'Dieses Paket ist beendet oder gekündigt: es vergibt und verschiebt keine Plätze.',
		'error.seats_in_use': 'Es sind mehr Plätze belegt: entziehen Sie zuerst Plätze.',
	},
});

const STATES = ['trial', 'active', 'cancelled'];

function Term({ pool }) {
	return pool.days_left > 0
		? t('lic.term', formatDate(pool.ends_at), pool.days_left)
		: t('lic.termOver', formatDate(pool.ends_at));
}

// Used and free, in words and as a bar.
function Usage({ pool }) {
	const label = t('lic.usage', pool.used + pool.reserved, pool.seats, pool.free);
	return html`<div class="usage">
		<progress max=${Math.max(pool.seats, 1)} value=${pool.used + pool.reserved} aria-label=${label}></progress>
		<span>${label}</span>
		${pool.waiting > 0 && html`<span class="muted small">${t('lic.waitingCount', pool.waiting)}</span>`}
	</div>`;
}

export function Licenses({ me, org }) {
	const pools = useAsync(() => get(orgPath(org.id, '/licenses')).then((r) => r.items), [org.id]);
	return html`
		<${PageHeader} title=${t('lic.title')}>
			${me.is_operator && html`<${Link} class="button" href=${`/orgs/${org.id}/licenses/new`}>${t('lic.grant')}<//>`}
		<//>
		<${ErrorBox} error=${pools.error} />
		${pools.loading && !pools.data && html`<${Loading} />`}
		${pools.data && !pools.data.length && html`<p>${t('lic.none')}</p>`}
		${pools.data &&
		pools.data.length > 0 &&
		html`<${TableWrap} label=${t('lic.list')}>
			<table>
				<thead>
					<tr>
						<th scope="col">${t('lic.product')}</th>
						<th scope="col">${t('lic.state')}</th>
						<th scope="col">${t('lic.seats')}</th>
						<th scope="col">${t('lic.ends')}</th>
					</tr>
				</thead>
				<tbody>
					${pools.data.map(
						(p) => html`<tr key=${p.id}>
							<td>
								<${Link} href=${`/orgs/${org.id}/licenses/${p.id}`}>${p.product}<//>
								${p.plan && html`<div class="muted">${p.plan}</div>`}
								<div class="muted small">${t('lic.unit')}: ${t(`lic.unit.${p.unit}`)}</div>
							</td>
							<td>${t(`lic.state.${p.state}`)}</td>
							<td><${Usage} pool=${p} /></td>
							<td><${Term} pool=${p} /></td>
						</tr>`,
					)}
				</tbody>
			</table>
		<//>`}`;
}

// YYYY-MM-DD (UTC) as the API's time: the end of that day.
const dayEnd = (d) => (d ? `${d}T23:59:59Z` : undefined);

export function GrantLicense({ org }) {
	const f = useForm({ product: '', plan: '', seats: '10', unit: 'user', state: 'active', ends_at: '', auto_assign: false, offline_days: '7', max_transfers_per_month: '' });
	async function submit(ev) {
		ev.preventDefault();
		await f.submit(async (v) => {
			const body = {
				product: v.product,
				seats: Number(v.seats),
				unit: v.unit,
				state: v.state,
				auto_assign: v.auto_assign,
			};
			if (v.plan) body.plan = v.plan;
			if (v.ends_at) body.ends_at = dayEnd(v.ends_at);
			const bad = {};
			if (!/^\d+$/.test(v.seats)) bad.seats = t('error.invalid');
			if (!/^\d+$/.test(v.offline_days)) bad.offline_days = t('error.invalid');
			if (v.max_transfers_per_month !== '' && !/^\d+$/.test(v.max_transfers_per_month)) bad.max_transfers_per_month = t('error.invalid');
			if (Object.keys(bad).length) {
				f.setErrors(bad);
				return;
			}
			body.offline_days = Number(v.offline_days);
			if (v.max_transfers_per_month !== '') body.max_transfers_per_month = Number(v.max_transfers_per_month);
			const p = await post(orgPath(org.id, '/licenses'), body);
			navigate(`/orgs/${org.id}/licenses/${p.id}`);
		});
	}
	return html`
		<${PageHeader} title=${t('lic.grantTitle')} />
		<form class="card form" onSubmit=${submit} novalidate>
			<${Field} label=${t('lic.product')} required autocomplete="off" ...${f.bind('product')} />
			<${Field} label=${t('lic.plan')} optional autocomplete="off" ...${f.bind('plan')} />
			<${Field} label=${t('lic.seats')} type="number" min="0" max="1000000" required ...${f.bind('seats')} />
			<${Select}
				label=${t('lic.unit')}
				options=${['user', 'device'].map((u) => ({ value: u, label: t(`lic.unit.${u}`) }))}
				...${f.bind('unit')}
			/>
			<${Select}
				label=${t('lic.state')}
				options=${['active', 'trial'].map((s) => ({ value: s, label: t(`lic.state.${s}`) }))}
				...${f.bind('state')}
			/>
			<${Field} label=${t('lic.ends')} type="date" hint=${t('lic.endsHint')} ...${f.bind('ends_at')} />
			<${Checkbox} label=${t('lic.auto')} name="auto_assign" checked=${f.values.auto_assign} onValue=${(v) => f.set('auto_assign', v)} />
			<${Field} label=${t('lic.offline')} type="number" min="1" max="365" hint=${t('lic.offlineHint')} ...${f.bind('offline_days')} />
			<${Field} label=${t('lic.transfers')} type="number" min="0" optional hint=${t('lic.transfersHint')} ...${f.bind('max_transfers_per_month')} />
			<${ErrorBox} error=${f.error} />
			<div class="actions">
				<${Link} class="button secondary" href=${`/orgs/${org.id}/licenses`}>${t('app.cancel')}<//>
				<button type="submit" disabled=${f.busy}>${t('lic.grant')}</button>
			</div>
		</form>`;
}

// Operators change the seats, the state, the automatic assignment and the end.
function ChangePool({ org, pool, onChanged }) {
	const f = useForm({
		seats: String(pool.seats),
		state: pool.state === 'expired' ? 'active' : pool.state,
		auto_assign: pool.auto_assign,
		ends_at: pool.ends_at.slice(0, 10),
		max_transfers_per_month: pool.max_transfers_per_month === null ? '' : String(pool.max_transfers_per_month),
		reduce: false,
	});
	const [done, setDone] = useState('');
	async function submit(ev) {
		ev.preventDefault();
		setDone('');
		await f.submit(async (v) => {
			const body = {
				seats: Number(v.seats),
				state: v.state,
				auto_assign: v.auto_assign,
				ends_at: v.ends_at === pool.ends_at.slice(0, 10) ? pool.ends_at : dayEnd(v.ends_at),
			};
			if (v.reduce) body.reduce = 'newest_first';
			if (v.max_transfers_per_month !== '' && !/^\d+$/.test(v.max_transfers_per_month)) {
				f.setErrors({ max_transfers_per_month: t('error.invalid') });
				return;
			}
			body.max_transfers_per_month = v.max_transfers_per_month === '' ? null : Number(v.max_transfers_per_month);
			const p = await patch(orgPath(org.id, `/licenses/${pool.id}`), body);
			onChanged(p);
			setDone(p.taken_back.length ? t('lic.reduced', p.taken_back.length) : t('lic.changed'));
		});
	}
	return html`<form class="card form" onSubmit=${submit} aria-labelledby="change-title" novalidate>
		<h2 id="change-title">${t('lic.change')}</h2>
		<${Field} label=${t('lic.seats')} type="number" min="0" max="1000000" ...${f.bind('seats')} />
		<${Select} label=${t('lic.state')} options=${STATES.map((s) => ({ value: s, label: t(`lic.state.${s}`) }))} ...${f.bind('state')} />
		<${Field} label=${t('lic.ends')} type="date" ...${f.bind('ends_at')} />
		<${Checkbox} label=${t('lic.auto')} name="auto_assign" checked=${f.values.auto_assign} onValue=${(v) => f.set('auto_assign', v)} />
		<${Field} label=${t('lic.transfers')} type="number" min="0" optional hint=${t('lic.transfersHint')} ...${f.bind('max_transfers_per_month')} />
		<${Checkbox} label=${t('lic.reduce')} name="reduce" checked=${f.values.reduce} onValue=${(v) => f.set('reduce', v)} />
		<${ErrorBox} error=${f.error} />
		${done && html`<${Notice}>${done}<//>`}
		<div class="actions"><button type="submit" disabled=${f.busy}>${t('app.save')}</button></div>
	</form>`;
}

// A member search with one button per person: assign, or move to them.
function MemberPicker({ org, label, actionLabel, onPick, busy }) {
	const [q, setQ] = useState('');
	const fetchPage = useCallback(
		() => (q ? get(orgPath(org.id, '/members'), { q, limit: 8 }) : Promise.resolve({ items: [], next_cursor: null })),
		[org.id, q],
	);
	const found = useList(fetchPage, [fetchPage]);
	return html`<div class="picker">
		<${SearchBox} label=${label} value=${q} onSearch=${setQ} />
		<${ErrorBox} error=${found.error} />
		<ul class="picks">
			${found.items.map(
				(m) => html`<li key=${m.id}>
					<span>${fullName(m) ? html`${fullName(m)} <span class="muted">${m.email}</span>` : m.email}</span>
					<button type="button" class="secondary" disabled=${busy} onClick=${() => onPick(m)}>
						${actionLabel(fullName(m) || m.email)}
					</button>
				</li>`,
			)}
		</ul>
	</div>`;
}

// The pool's waiting list, in the order seats will be given.
function WaitingList({ org, pool, writable, version, onChange }) {
	const path = orgPath(org.id, `/licenses/${pool.id}/waiting`);
	const fetchPage = useCallback((cursor) => get(path, { cursor, limit: 50 }), [path, version]);
	const list = useList(fetchPage, [fetchPage]);
	const [error, setError] = useState(null);
	const [notice, setNotice] = useState('');
	const perDevice = pool.unit === 'device';
	const name = (w) => holderName(w, perDevice);
	async function takeOff(w) {
		setError(null);
		try {
			await request('DELETE', `${path}/${encodeURIComponent(w.holder_id)}`);
			setNotice(t('lic.takenOff', name(w)));
			onChange();
		} catch (err) {
			setError(err);
		}
	}
	return html`<section class="card" aria-labelledby="waiting-title">
		<h2 id="waiting-title">${t('lic.waiting')}</h2>
		<p class="hint">${t(perDevice ? 'lic.waitingDevicesHelp' : 'lic.waitingHelp')}</p>
		${notice && html`<${Notice}>${notice}<//>`}
		<${ErrorBox} error=${error || list.error} />
		${!list.loading && !list.error && !list.items.length && html`<p>${t(perDevice ? 'lic.waitingDevicesNone' : 'lic.waitingNone')}</p>`}
		${list.items.length > 0 &&
		html`<ol class="waiting">
			${list.items.map(
				(w) => html`<li key=${w.holder_id}>
					<span>${name(w)}${perDevice && w.email ? html` <span class="muted">${w.email}</span>` : ''} <span class="muted">${t('lic.joined')} ${formatDateTime(w.joined_at)}</span></span>
					${writable &&
					html`<button type="button" class="secondary" onClick=${() => takeOff(w)}>${t('lic.takeOff', name(w))}</button>`}
				</li>`,
			)}
		</ol>`}
		<${MoreButton} list=${list} />
	</section>`;
}

function resultText(result, perDevice) {
	if (result === 'removed') return t('lic.result.removed');
	return perDevice ? deviceErrorText({ code: result }) : errorText({ code: result });
}

// Who holds a seat (or waits for one), in a few words: the device's code in
// a pool counted per device, the person's name or email otherwise.
function holderName(h, perDevice) {
	if (perDevice) return (h.device && h.device.code) || h.device_id || h.holder_id;
	return fullName(h) || h.email;
}

export function LicenseDetail({ me, org, params }) {
	const pool = useAsync(() => get(orgPath(org.id, `/licenses/${encodeURIComponent(params.lic)}`)), [org.id, params.lic]);
	const q = queryParam('q');
	const fetchPage = useCallback(
		(cursor) => get(orgPath(org.id, `/licenses/${encodeURIComponent(params.lic)}/seats`), { q, cursor, limit: 50 }),
		[org.id, params.lic, q],
	);
	const holders = useList(fetchPage, [fetchPage]);
	const [selected, setSelected] = useState(new Map());
	const [confirm, setConfirm] = useState(null); // {people} | {results}
	const [moving, setMoving] = useState(null);
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState(null);
	const [notice, setNotice] = useState('');
	const [version, setVersion] = useState(0);
	const writable = can(org, 'licenses:assign');
	const p = pool.data;
	if (pool.error) return html`<${PageHeader} title=${t('lic.title')} /><${ErrorBox} error=${pool.error} />`;
	if (!p) return html`<${Loading} />`;
	const seatsPath = orgPath(org.id, `/licenses/${p.id}/seats`);
	const refresh = () => {
		pool.reload();
		holders.reload();
		setVersion((v) => v + 1);
	};
	async function act(fn, message) {
		setBusy(true);
		setError(null);
		setNotice('');
		try {
			await fn();
			setNotice(message);
			refresh();
		} catch (err) {
			setError(err);
		} finally {
			setBusy(false);
		}
	}
	const assign = (m) => act(() => post(seatsPath, { user_id: m.id }), t('lic.assigned', fullName(m) || m.email));
	const assignDevice = (d) => act(() => post(seatsPath, { device_id: d.id }), t('dev.assigned', d.code));
	const move = (to) =>
		act(async () => {
			await post(`${seatsPath}/move`, { from: moving.user_id, to: to.id });
			setMoving(null);
		}, t('lic.moved', moving.email, to.email));
	const moveDevice = (to) =>
		act(async () => {
			await post(`${seatsPath}/move`, { from: moving.holder_id, to: to.id });
			setMoving(null);
		}, t('dev.moved', name(moving), to.code));
	async function removeSelected() {
		const people = [...selected.values()];
		setBusy(true);
		try {
			const r = await post(`${seatsPath}/remove`, { ids: people.map((h) => h.holder_id) });
			setConfirm({ people, results: r.items });
			setSelected(new Map());
			refresh();
		} catch (err) {
			setConfirm(null);
			setError(err);
		} finally {
			setBusy(false);
		}
	}
	const toggle = (h, on) =>
		setSelected((s) => {
			const n = new Map(s);
			if (on) n.set(h.holder_id, h);
			else n.delete(h.holder_id);
			return n;
		});
	const allShown = holders.items.length > 0 && holders.items.every((h) => selected.has(h.holder_id));
	const usable = p.state !== 'expired' && p.state !== 'cancelled';
	const perDevice = p.unit === 'device';
	const name = (h) => holderName(h, perDevice);
	const explain = perDevice ? deviceErrorText : undefined;
	return html`
		<${PageHeader} title=${p.plan ? `${p.product} · ${p.plan}` : p.product}>
			<${Link} class="button secondary" href=${`/orgs/${org.id}/licenses`}>${t('lic.back')}<//>
		<//>
		<section class="card" aria-label=${t('lic.seats')}>
			<p><strong>${t(`lic.state.${p.state}`)}</strong> · ${t('lic.unit')}: ${t(`lic.unit.${p.unit}`)} · <${Term} pool=${p} /></p>
			<${Usage} pool=${p} />
		</section>
		${notice && html`<${Notice}>${notice}<//>`}
		<${ErrorBox} error=${error} explain=${explain} />
		${writable &&
		usable &&
		perDevice &&
		html`<section class="card" aria-labelledby="assign-title">
			<h2 id="assign-title">${t('lic.assign')}</h2>
			<${DevicePicker} org=${org} label=${t('lic.assignDevice')} actionLabel=${(c) => t('lic.assignDeviceTo', c)} onPick=${assignDevice} busy=${busy} />
		</section>`}
		${writable &&
		usable &&
		p.unit === 'user' &&
		html`<section class="card" aria-labelledby="assign-title">
			<h2 id="assign-title">${t('lic.assign')}</h2>
			<${MemberPicker} org=${org} label=${t('lic.assignSearch')} actionLabel=${(n) => t('lic.assignTo', n)} onPick=${assign} busy=${busy} />
		</section>`}
		<h2>${t('lic.holders')}</h2>
		<div class="filters">
			<${SearchBox} label=${t(perDevice ? 'lic.searchDevices' : 'lic.search')} value=${q} onSearch=${(v) => setQuery({ q: v })} />
		</div>
		${writable &&
		selected.size > 0 &&
		html`<div class="bulk">
			<button type="button" class="danger" onClick=${() => setConfirm({ people: [...selected.values()] })}>
				${t('lic.removeSelected', selected.size)}
			</button>
		</div>`}
		<${ErrorBox} error=${holders.error} />
		<${TableWrap} label=${t('lic.holders')}>
			<table>
				<thead>
					<tr>
						${writable &&
						html`<th scope="col" class="pick">
							<input
								type="checkbox"
								aria-label=${t('lic.selectPage')}
								checked=${allShown}
								onChange=${(e) => holders.items.forEach((h) => toggle(h, e.currentTarget.checked))}
							/>
						</th>`}
						${perDevice
							? html`<th scope="col">${t('lic.device')}</th>
									<th scope="col">${t('lic.deviceName')}</th>`
							: html`<th scope="col">${t('lic.person')}</th>`}
						<th scope="col">${t('lic.email')}</th>
						<th scope="col">${t('lic.since')}</th>
						${writable && usable && html`<th scope="col"><span class="visually-hidden">${t('lic.move')}</span></th>`}
					</tr>
				</thead>
				<tbody>
					${holders.items.map(
						(h) => html`<tr key=${h.holder_id}>
							${writable &&
							html`<td class="pick">
								<input
									type="checkbox"
									aria-label=${t('lic.select', name(h))}
									checked=${selected.has(h.holder_id)}
									onChange=${(e) => toggle(h, e.currentTarget.checked)}
								/>
							</td>`}
							${perDevice
								? html`<td><strong class="code">${name(h)}</strong></td>
										<td>${(h.device && h.device.name) || '—'}</td>`
								: html`<td>${name(h)}</td>`}
							<td>${h.email || '—'}</td>
							<td>${formatDateTime(h.assigned_at)}</td>
							${writable &&
							usable &&
							html`<td>
								<button type="button" class="secondary" onClick=${() => setMoving(h)} aria-label=${t('lic.moveTitle', name(h))}>
									${t('lic.move')}
								</button>
							</td>`}
						</tr>`,
					)}
				</tbody>
			</table>
		<//>
		${holders.loading && !holders.items.length && html`<${Loading} />`}
		${!holders.loading && !holders.error && !holders.items.length && html`<p>${t(perDevice ? 'lic.noDevices' : 'lic.noHolders')}</p>`}
		<${MoreButton} list=${holders} />
		<${WaitingList} org=${org} pool=${p} writable=${writable} version=${version} onChange=${refresh} />
		${me.is_operator &&
		html`<${ChangePool}
			org=${org}
			pool=${p}
			onChanged=${(np) => {
				pool.setData(np);
				holders.reload();
				setVersion((v) => v + 1);
			}}
		/>`}
		${confirm &&
		!confirm.results &&
		html`<${Confirm}
			title=${t('lic.removeTitle', confirm.people.length)}
			confirmLabel=${t('lic.removeSelected', confirm.people.length)}
			busy=${busy}
			onConfirm=${removeSelected}
			onClose=${() => setConfirm(null)}
		>
			<p>${t(perDevice ? 'lic.removeDevicesBody' : 'lic.removeBody')}</p>
			<ul class="names">${confirm.people.map((h) => html`<li>${perDevice ? name(h) : h.email}</li>`)}</ul>
		<//>`}
		${confirm &&
		confirm.results &&
		html`<${Confirm}
			title=${t(
				'lic.results',
				confirm.results.filter((x) => x.result === 'removed').length,
				confirm.results.filter((x) => x.result !== 'removed').length,
			)}
			confirmLabel=${t('app.close')}
			danger=${false}
			onConfirm=${() => setConfirm(null)}
			onClose=${() => setConfirm(null)}
		>
			<ul class="results">
				${confirm.results.map((x) => {
					const h = confirm.people.find((y) => y.holder_id === x.id);
					return html`<li class=${x.result === 'removed' ? 'ok' : 'refused'}>
						<strong>${h ? (perDevice ? name(h) : h.email) : x.id}</strong>: ${resultText(x.result, perDevice)}
					</li>`;
				})}
			</ul>
		<//>`}
		${moving &&
		html`<${Confirm}
			title=${t('lic.moveTitle', name(moving))}
			onClose=${() => setMoving(null)}
		>
			<p>${t(perDevice ? 'lic.moveDeviceBody' : 'lic.moveBody')}</p>
			<${ErrorBox} error=${error} explain=${explain} />
			${perDevice
				? html`<${DevicePicker}
						org=${org}
						label=${t('lic.assignDevice')}
						actionLabel=${(c) => t('lic.moveDeviceTo', c)}
						exclude=${[moving.holder_id]}
						onPick=${moveDevice}
						busy=${busy}
					/>`
				: html`<${MemberPicker} org=${org} label=${t('lic.assignSearch')} actionLabel=${(n) => t('lic.moveTo', n)} onPick=${move} busy=${busy} />`}
		<//>`}`;
}

