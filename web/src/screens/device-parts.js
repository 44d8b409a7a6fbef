// What the screens about devices share: the words of devices (their
// statuses, columns, actions and errors), the status in words, and a
// device search with one button per device.
import { useCallback, useState } from 'preact/hooks';
import { get, orgPath } from '../api.js';
import { addWords, errorText, formatNumber, hasWord, t } from '../i18n.js';
import { html, useList, ErrorBox, SearchBox } from '../ui.js';

addWords({
	en: {
		'dev.title': 'Devices / Licenses',
		'dev.search': 'Search by device code, name or email',
		'dev.status': 'License',
		'dev.allStatuses': 'Every license status',
		'dev.status.licensed': 'Licensed',
		'dev.status.unlicensed': 'Unlicensed',
		'dev.status.waiting': 'Waiting',
		'dev.status.expired': 'Expired',
		'dev.code': 'Device code',
		'dev.name': 'Name',
		'dev.platform': 'Platform',
		'dev.person': 'Person',
		'dev.lastSeen': 'Last seen',
		'dev.never': 'Never',
		'dev.actions': 'Actions',
		'dev.list': 'Devices',
		'dev.refresh': 'Refresh',
		'dev.none': 'No device has signed in yet. A device appears here when someone signs in from the app with its device code.',
		'dev.noMatch': 'No device matches.',
		'dev.onePerson': 'Only the devices of one person are shown.',
		'dev.everyone': 'Show every device',
		'dev.pools': 'Licenses counted per device',
		'dev.poolUsage': (used, seats, free) =>
			`${formatNumber(used)} of ${formatNumber(seats)} used, ${formatNumber(free)} free`,
		'dev.poolOption': (product, free) => `${product} (${formatNumber(free)} free)`,
		'dev.assign': 'Assign a seat',
		'dev.assignTo': (code) => `Assign a seat to ${code}`,
		'dev.assignPick': 'Pool',
		'dev.assignBody': 'The device gets a seat of the pool you choose.',
		'dev.assigned': (code) => `${code} now holds a seat.`,
		'dev.remove': 'Take back the seat',
		'dev.removeOf': (code) => `Take back the seat of ${code}`,
		'dev.removeTitle': (code) => `Take back the seat of ${code}?`,
		'dev.removeBody': (product) =>
			`The device loses its license of ${product} the next time it checks; a certificate it holds already stays valid until it expires. The seat is free for another device.`,
		'dev.removed': (code) => `The seat of ${code} is free again.`,
		'dev.move': 'Move the seat',
		'dev.moveOf': (code) => `Move the seat of ${code}`,
		'dev.moveBody': 'The seat goes to the device you choose, which must not hold one of this pool.',
		'dev.pickSearch': 'Find a device by code, name or email',
		'dev.moveTo': (code) => `Move to ${code}`,
		'dev.moved': (from, to) => `The seat of ${from} is now ${to}’s.`,
		'dev.deactivate': 'Deactivate',
		'dev.deactivateOf': (code) => `Deactivate ${code}`,
		'dev.deactivateTitle': (code) => `Deactivate ${code}?`,
		'dev.deactivateToken': 'Its token stops working at once: the app on it is signed out and cannot check its license any more.',
		'dev.deactivateSeat': (product) => `Its seat of ${product} is freed and goes to whoever waits for one.`,
		'dev.deactivateNoSeat': 'It holds no seat of its own; nothing else changes.',
		'dev.deactivateAnySeat': 'A seat it holds is freed and goes to whoever waits for one.',
		'dev.deactivateBack': 'Signing in again from the app with the same device code brings it back.',
		'dev.deactivated': (code) => `${code} is deactivated.`,
		'dev.noPool': 'No pool counted per device is in use: ask for licenses counted per device first.',

		'dev.error.seat_limit_reached': 'Every seat of this pool is in use: take one back from another device first, or ask for more.',
		'dev.error.already_assigned': 'This device holds a seat of this pool already.',
		'dev.error.license_inactive': 'This pool has ended or was cancelled: it gives and moves no seat.',
		'dev.error.invalid.license_id': 'This pool is counted per person: give its seats on the Licenses screen.',
		'dev.error.not_found': 'This device is no longer active, or it is not in this organization: refresh the list.',
	},
	fr: {
		'dev.title': 'Appareils / Licences',
		'dev.search': 'Rechercher par code d’appareil, nom ou e-mail',
		'dev.status': 'Licence',
		'dev.allStatuses': 'Tous les états de licence',
		'dev.status.licensed': 'Sous licence',
		'dev.status.unlicensed': 'Sans licence',
		'dev.status.waiting': 'En attente',
		'dev.status.expired': 'Expirée',
		'dev.code': 'Code d’appareil',
		'dev.name': 'Nom',
		'dev.platform': 'Plateforme',
		'dev.person': 'Personne',
		'dev.lastSeen': 'Vu pour la dernière fois',
		'dev.never': 'Jamais',
		'dev.actions': 'Actions',
		'dev.list': 'Appareils',
		'dev.refresh': 'Actualiser',
		'dev.none':
			'Aucun appareil ne s’est encore connecté. Un appareil apparaît ici quand quelqu’un se connecte depuis l’application avec son code d’appareil.',
		'dev.noMatch': 'Aucun appareil ne correspond.',
		'dev.onePerson': 'Seuls les appareils d’une personne sont affichés.',
		'dev.everyone': 'Afficher tous les appareils',
		'dev.pools': 'Licences comptées par appareil',
		'dev.poolUsage': (used, seats, free) =>
			`${formatNumber(used)} sur ${formatNumber(seats)} utilisés, ${formatNumber(free)} libres`,
		'dev.poolOption': (product, free) => `${product} (${formatNumber(free)} libre${free > 1 ? 's' : ''})`,
		'dev.assign': 'Attribuer un siège',
		'dev.assignTo': (code) => `Attribuer un siège à ${code}`,
		'dev.assignPick': 'Lot',
		'dev.assignBody': 'L’appareil reçoit un siège du lot choisi.',
		'dev.assigned': (code) => `${code} a maintenant un siège.`,
		'dev.remove': 'Reprendre le siège',
		'dev.removeOf': (code) => `Reprendre le siège de ${code}`,
		'dev.removeTitle': (code) => `Reprendre le siège de ${code} ?`,
		'dev.removeBody': (product) =>
			`L’appareil perd sa licence de ${product} à sa prochaine vérification ; un certificat qu’il détient déjà reste valable jusqu’à son expiration. Le siège est libre pour un autre appareil.`,
		'dev.removed': (code) => `Le siège de ${code} est de nouveau libre.`,
		'dev.move': 'Déplacer le siège',
		'dev.moveOf': (code) => `Déplacer le siège de ${code}`,
		'dev.moveBody': 'Le siège va à l’appareil choisi, qui ne doit pas en avoir un de ce lot.',
		'dev.pickSearch': 'Trouver un appareil par code, nom ou e-mail',
		'dev.moveTo': (code) => `Déplacer vers ${code}`,
		'dev.moved': (from, to) => `Le siège de ${from} est maintenant à ${to}.`,
		'dev.deactivate': 'Désactiver',
		'dev.deactivateOf': (code) => `Désactiver ${code}`,
		'dev.deactivateTitle': (code) => `Désactiver ${code} ?`,
		'dev.deactivateToken':
			'Son jeton cesse de fonctionner immédiatement : l’application est déconnectée et ne peut plus vérifier sa licence.',
		'dev.deactivateSeat': (product) => `Son siège de ${product} est libéré et va à qui en attend un.`,
		'dev.deactivateNoSeat': 'Il n’a pas de siège à lui ; rien d’autre ne change.',
		'dev.deactivateAnySeat': 'Un siège qu’il détient est libéré et va à qui en attend un.',
		'dev.deactivateBack': 'Se reconnecter depuis l’application avec le même code d’appareil le fait revenir.',
		'dev.deactivated': (code) => `${code} est désactivé.`,
		'dev.noPool': 'Aucun lot compté par appareil n’est en cours : demandez d’abord des licences comptées par appareil.',

		'dev.error.seat_limit_reached':
			'Tous les sièges de ce lot sont utilisés : reprenez d’abord celui d’un autre appareil, ou demandez-en plus.',
		'dev.error.already_assigned': 'Cet appareil a déjà un siège de ce lot.',
		'dev.error.license_inactive': 'Ce lot est terminé ou annulé : il ne donne ni ne déplace aucun siège.',
		'dev.error.invalid.license_id': 'Ce lot est compté par personne : attribuez ses sièges sur l’écran Licences.',
		'dev.error.not_found': 'Cet appareil n’est plus actif, ou il n’est pas dans cette organisation : actualisez la liste.',
	},
	de: {
		'dev.title': 'Geräte / Lizenzen',
		'dev.search': 'Nach Gerätecode, Name oder E-Mail suchen',
		'dev.status': 'Lizenz',
		'dev.allStatuses': 'Jeder Lizenzstatus',
		'dev.status.licensed': 'Lizenziert',
		'dev.status.unlicensed': 'Nicht lizenziert',
		'dev.status.waiting': 'Wartend',
		'dev.status.expired': 'Abgelaufen',
		'dev.code': 'Gerätecode',
		'dev.name': 'Name',
		'dev.platform': 'Plattform',
		'dev.person': 'Person',
		'dev.lastSeen': 'Zuletzt gesehen',
		'dev.never': 'Nie',
		'dev.actions': 'Aktionen',
		'dev.list': 'Geräte',
		'dev.refresh': 'Aktualisieren',
		'dev.none':
			'Noch hat sich kein Gerät angemeldet. Ein Gerät erscheint hier, sobald sich jemand in der App mit seinem Gerätecode anmeldet.',
		'dev.noMatch': 'Kein Gerät passt.',
		'dev.onePerson': 'Nur die Geräte einer Person werden angezeigt.',
		'dev.everyone': 'Alle Geräte anzeigen',
		'dev.pools': 'Pro Gerät gezählte Lizenzen',
		'dev.poolUsage': (used, seats, free) =>
			`${formatNumber(used)} von ${formatNumber(seats)} belegt, ${formatNumber(free)} frei`,
		'dev.poolOption': (product, free) => `${product} (${formatNumber(free)} frei)`,
		'dev.assign': 'Platz zuweisen',
		'dev.assignTo': (code) => `${code} einen Platz zuweisen`,
		'dev.assignPick': 'Paket',
		'dev.assignBody': 'Das Gerät erhält einen Platz des gewählten Pakets.',
		'dev.assigned': (code) => `${code} hat jetzt einen Platz.`,
		'dev.remove': 'Platz entziehen',
		'dev.removeOf': (code) => `Platz von ${code} entziehen`,
		'dev.removeTitle': (code) => `Platz von ${code} entziehen?`,
		'dev.removeBody': (product) =>
			`Das Gerät verliert seine Lizenz für ${product} bei der nächsten Prüfung; ein Zertifikat, das es schon hat, bleibt bis zu seinem Ablauf gültig. Der Platz ist für ein anderes Gerät frei.`,
		'dev.removed': (code) => `Der Platz von ${code} ist wieder frei.`,
		'dev.move': 'Platz verschieben',
		'dev.moveOf': (code) => `Platz von ${code} verschieben`,
		'dev.moveBody': 'Der Platz geht an das gewählte Gerät, das keinen Platz dieses Pakets haben darf.',
		'dev.pickSearch': 'Gerät nach Code, Name oder E-Mail finden',
		'dev.moveTo': (code) => `Zu ${code} verschieben`,
		'dev.moved': (from, to) => `Der Platz von ${from} gehört jetzt ${to}.`,
		'dev.deactivate': 'Deaktivieren',
		'dev.deactivateOf': (code) => `${code} deaktivieren`,
		'dev.deactivateTitle': (code) => `${code} deaktivieren?`,
		'dev.deactivateToken':
			'Sein Token funktioniert sofort nicht mehr: die App darauf wird abgemeldet und kann ihre Lizenz nicht mehr prüfen.',
		'dev.deactivateSeat': (product) => `Sein Platz für ${product} wird frei und geht an den, der auf einen wartet.`,
		'dev.deactivateNoSeat': 'Es hat keinen eigenen Platz; sonst ändert sich nichts.',
		'dev.deactivateAnySeat': 'Ein Platz, den es hat, wird frei und geht an den, der auf einen wartet.',
		'dev.deactivateBack': 'Eine neue Anmeldung in der App mit demselben Gerätecode bringt es zurück.',
		'dev.deactivated': (code) => `${code} ist deaktiviert.`,
		'dev.noPool': 'Kein pro Gerät gezähltes Paket ist in Gebrauch: fragen Sie zuerst nach pro Gerät gezählten Lizenzen.',

		'dev.error.seat_limit_reached':
			'Alle Plätze dieses Pakets sind belegt: entziehen Sie zuerst einem anderen Gerät seinen Platz oder fragen Sie nach mehr.',
		'dev.error.already_assigned': 'Dieses Gerät hat bereits einen Platz dieses Pakets.',
		'dev.error.license_inactive': 'Dieses Paket ist beendet oder gekündigt: es vergibt und verschiebt keine Plätze.',
		'dev.error.invalid.license_id': 'Dieses Paket wird pro Person gezählt: vergeben Sie seine Plätze auf der Seite Lizenzen.',
		'dev.error.not_found': 'Dieses Gerät ist nicht mehr aktiv oder nicht in dieser Organisation: aktualisieren Sie die Liste.',
	},
});

export const STATUSES = ['licensed', 'unlicensed', 'waiting', 'expired'];
const SYMBOL = { licensed: '✓', unlicensed: '–', waiting: '…', expired: '✕' };

// An error about a device, in words: the device's own wording of a code
// (and of a code on a field) first, then the console's.
export function deviceErrorText(err) {
	if (!err) return '';
	const keys = [err.field && `dev.error.${err.code}.${err.field}`, `dev.error.${err.code}`].filter(Boolean);
	const key = keys.find(hasWord);
	return key ? t(key, err) : errorText(err);
}

// The license status in words, with a symbol and a colour that only repeat them.
export function StatusBadge({ status }) {
	if (!STATUSES.includes(status)) return null;
	return html`<span class=${`status status-${status}`}><span aria-hidden="true">${SYMBOL[status]} </span>${t(`dev.status.${status}`)}</span>`;
}

export const usable = (pool) => pool.state === 'active' || pool.state === 'trial';

// A device search with one button per device: assign to it, or move to it.
// Before anything is typed, the newest devices are offered.
export function DevicePicker({ org, label, actionLabel, onPick, busy, exclude = [] }) {
	const [q, setQ] = useState('');
	const fetchPage = useCallback(() => get(orgPath(org.id, '/devices'), { q, limit: 8 }), [org.id, q]);
	const found = useList(fetchPage, [fetchPage]);
	const shown = found.items.filter((d) => !exclude.includes(d.id));
	return html`<div class="picker">
		<${SearchBox} label=${label} value=${q} onSearch=${setQ} />
		<${ErrorBox} error=${found.error} />
		<ul class="picks">
			${shown.map(
				(d) => html`<li key=${d.id}>
					<span>
						<strong>${d.code}</strong>
						${(d.name || d.user) &&
						html` <span class="muted">${[d.name, d.user && d.user.email].filter(Boolean).join(' · ')}</span>`}
					</span>
					<button type="button" class="secondary" disabled=${busy} onClick=${() => onPick(d)}>${actionLabel(d.code)}</button>
				</li>`,
			)}
		</ul>
		${!found.loading && !found.error && !shown.length && html`<p class="muted">${t('dev.noMatch')}</p>`}
	</div>`;
}
