// The console's words in English, French and German. Each screen adds its
// own with addWords(); t() looks a key up in the current language (English
// when a word is missing there) and fills in its arguments. The language is
// the signed-in user's, or the browser's before sign-in; the App sets it.
export const LANGUAGES = ['en', 'fr', 'de'];
const words = { en: {}, fr: {}, de: {} };
let current = 'en';

export function addWords(dict) {
	for (const lang of LANGUAGES) Object.assign(words[lang], dict[lang] || {});
}

export function pickLanguage(preferred) {
	for (const tag of preferred || []) {
		const base = String(tag || '')
			.toLowerCase()
			.split('-')[0];
		if (LANGUAGES.includes(base)) return base;
	}
	return 'en';
}

export function setLanguage(lang) {
	current = LANGUAGES.includes(lang) ? lang : 'en';
	document.documentElement.lang = current;
}

export const language = () => current;

// Whether the current language (or English) has a word for key.
export const hasWord = (key) => words[current][key] !== undefined || words.en[key] !== undefined;

// A word is a string or a function of its arguments.
export function t(key, ...args) {
	const w = words[current][key] ?? words.en[key];
	if (w === undefined) return key;
	return typeof w === 'function' ? w(...args) : w;
}

export function formatDate(iso) {
	if (!iso) return '';
	return new Intl.DateTimeFormat(current, { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatDateTime(iso) {
	if (!iso) return '';
	return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

// "in 40 seconds", "dans 15 minutes": when to try again.
export function formatIn(seconds) {
	const rt = new Intl.RelativeTimeFormat(current, { numeric: 'always' });
	return seconds < 120 ? rt.format(seconds, 'second') : rt.format(Math.ceil(seconds / 60), 'minute');
}

export function formatNumber(n) {
	return new Intl.NumberFormat(current).format(n);
}

// What an API error means, in the console's language: by its stable code,
// falling back to the server's own (English) message for a code the
// console does not know.
export function errorText(err) {
	if (!err) return '';
	// A word for this code on this field ("error.forbidden.role") first.
	const keys = err.field ? [`error.${err.code}.${err.field}`, `error.${err.code}`] : [`error.${err.code}`];
	const key = keys.find((k) => words[current][k] !== undefined || words.en[k] !== undefined);
	const w = key && (words[current][key] ?? words.en[key]);
	if (w !== undefined) return typeof w === 'function' ? w(err) : w;
	return err.message || t('error.internal');
}

addWords({
	en: {
		'app.name': 'roster',
		'app.loading': 'Loading…',
		'app.skip': 'Skip to content',
		'app.notFound': 'There is nothing here.',
		'app.back': 'Back',
		'app.more': 'Show more',
		'app.search': 'Search',
		'app.save': 'Save',
		'app.saved': 'Saved.',
		'app.cancel': 'Cancel',
		'app.create': 'Create',
		'app.delete': 'Delete',
		'app.remove': 'Remove',
		'app.close': 'Close',
		'app.yes': 'Yes',
		'app.no': 'No',
		'app.none': 'None',
		'app.all': 'All',
		'app.optional': '(optional)',
		'app.empty': 'Nothing to show.',
		'app.results': (n) => (n === 1 ? '1 result' : `${n} results`),
		'lang.en': 'English',
		'lang.fr': 'Français',
		'lang.de': 'Deutsch',
		'error.bad_request': 'The request was not understood.',
		'error.invalid_credentials': 'The email or the password is not right.',
		'error.unauthenticated': 'Your session has ended; sign in again.',
		'error.forbidden': 'You are not allowed to do this.',
		'error.not_found': 'This no longer exists, or you cannot see it.',
		'error.conflict': 'Someone changed this meanwhile; reload and try again.',
		'error.user_exists': 'A user with this email exists already.',
		'error.already_member': 'This person is a member of the organization already.',
		'error.last_administrator':
			'The organization must keep at least one administrator: give another member the administrator role first.',
		'error.role_in_use': 'Members still have this role: give them another role first.',
		'error.role_exists': 'A role with this name exists already.',
		'error.invalid': 'This value is not valid.',
		'error.invalid_email': 'This is not a valid email address.',
		'error.invalid_language': 'Choose English, French or German.',
		'error.too_long': 'This is too long.',
		'error.password_too_short': 'The password needs at least 10 characters.',
		'error.password_too_long': 'The password is too long.',
		'error.password_is_email': 'The password must not be your email address.',
		'error.wrong_password': 'The current password is not right.',
		'error.invalid_token': 'This link is invalid, has expired or was used already. Ask for a new one.',
		'error.unknown_role': 'There is no such role in this organization.',
		'error.unknown_permission': 'There is no such permission.',
		'error.org_closed': 'This organization is closed.',
		'error.module_disabled': 'This feature is not switched on for the organization.',
		'error.customer_login_unavailable': 'This customer cannot have logins.',
		'error.too_many_items': 'Too many at once.',
		'error.transfer_limit':
			'This pool’s seats have been taken back or moved as often as its plan allows this month: try again next month.',
		'error.too_many_requests': (e) =>
			e.retryAfter ? `Too many attempts; try again ${formatIn(e.retryAfter)}.` : 'Too many attempts; try again later.',
		'error.unavailable': 'The server is busy; try again in a moment.',
		'error.retry': 'The server is busy; try again in a moment.',
		'error.internal': 'Something went wrong; try again.',
		'error.network': 'The server cannot be reached; check your connection and try again.',
	},
	fr: {
		'app.loading': 'Chargement…',
		'app.skip': 'Aller au contenu',
		'app.notFound': "Il n'y a rien ici.",
		'app.back': 'Retour',
		'app.more': 'Afficher plus',
		'app.search': 'Rechercher',
		'app.save': 'Enregistrer',
		'app.saved': 'Enregistré.',
		'app.cancel': 'Annuler',
		'app.create': 'Créer',
		'app.delete': 'Supprimer',
		'app.remove': 'Retirer',
		'app.close': 'Fermer',
		'app.yes': 'Oui',
		'app.no': 'Non',
		'app.none': 'Aucun',
		'app.all': 'Tous',
		'app.optional': '(facultatif)',
		'app.empty': 'Rien à afficher.',
		'app.results': (n) => (n <= 1 ? `${n} résultat` : `${n} résultats`),
		'error.bad_request': "La requête n'a pas été comprise.",
		'error.invalid_credentials': "L'e-mail ou le mot de passe n'est pas correct.",
		'error.unauthenticated': 'Votre session a pris fin ; reconnectez-vous.',
		'error.forbidden': "Vous n'avez pas le droit de faire ceci.",
		'error.not_found': "Ceci n'existe plus, ou vous ne pouvez pas le voir.",
		'error.conflict': "Quelqu'un l'a modifié entre-temps ; rechargez et réessayez.",
		'error.user_exists': 'Un utilisateur avec cet e-mail existe déjà.',
		'error.already_member': "Cette personne est déjà membre de l'organisation.",
		'error.last_administrator':
			"L'organisation doit garder au moins un administrateur : donnez d'abord le rôle administrateur à un autre membre.",
		'error.role_in_use': "Des membres ont encore ce rôle : donnez-leur d'abord un autre rôle.",
		'error.role_exists': 'Un rôle de ce nom existe déjà.',
		'error.invalid': "Cette valeur n'est pas valide.",
		'error.invalid_email': "Ce n'est pas une adresse e-mail valide.",
		'error.invalid_language': "Choisissez l'anglais, le français ou l'allemand.",
		'error.too_long': 'Ceci est trop long.',
		'error.password_too_short': 'Le mot de passe doit compter au moins 10 caractères.',
		'error.password_too_long': 'Le mot de passe est trop long.',
		'error.password_is_email': 'Le mot de passe ne doit pas être votre adresse e-mail.',
		'error.wrong_password': "Le mot de passe actuel n'est pas correct.",
		'error.invalid_token': 'Ce lien est invalide, a expiré ou a déjà servi. Demandez-en un nouveau.',
		'error.unknown_role': "Ce rôle n'existe pas dans cette organisation.",
		'error.unknown_permission': "Cette permission n'existe pas.",
		'error.org_closed': 'Cette organisation est fermée.',
		'error.module_disabled': "Cette fonction n'est pas activée pour l'organisation.",
		'error.customer_login_unavailable': "Ce client ne peut pas avoir d'accès.",
		'error.too_many_items': 'Trop à la fois.',
		'error.transfer_limit':
			'Les sièges de ce lot ont été repris ou déplacés autant de fois que son offre le permet ce mois-ci : réessayez le mois prochain.',
		'error.too_many_requests': (e) =>
			e.retryAfter
				? `Trop de tentatives ; réessayez ${formatIn(e.retryAfter)}.`
				: 'Trop de tentatives ; réessayez plus tard.',
		'error.unavailable': 'Le serveur est occupé ; réessayez dans un instant.',
		'error.retry': 'Le serveur est occupé ; réessayez dans un instant.',
		'error.internal': 'Une erreur est survenue ; réessayez.',
		'error.network': 'Le serveur est injoignable ; vérifiez votre connexion et réessayez.',
	},
	de: {
		'app.loading': 'Wird geladen…',
		'app.skip': 'Zum Inhalt springen',
		'app.notFound': 'Hier gibt es nichts.',
		'app.back': 'Zurück',
		'app.more': 'Mehr anzeigen',
		'app.search': 'Suchen',
		'app.save': 'Speichern',
		'app.saved': 'Gespeichert.',
		'app.cancel': 'Abbrechen',
		'app.create': 'Anlegen',
		'app.delete': 'Löschen',
		'app.remove': 'Entfernen',
		'app.close': 'Schließen',
		'app.yes': 'Ja',
		'app.no': 'Nein',
		'app.none': 'Keine',
		'app.all': 'Alle',
		'app.optional': '(optional)',
		'app.empty': 'Nichts anzuzeigen.',
		'app.results': (n) => (n === 1 ? '1 Ergebnis' : `${n} Ergebnisse`),
		'error.bad_request': 'Die Anfrage wurde nicht verstanden.',
		'error.invalid_credentials': 'E-Mail-Adresse oder Passwort ist nicht richtig.',
		'error.unauthenticated': 'Ihre Sitzung ist abgelaufen; bitte melden Sie sich erneut an.',
		'error.forbidden': 'Das dürfen Sie nicht.',
		'error.not_found': 'Das gibt es nicht mehr, oder Sie können es nicht sehen.',
		'error.conflict': 'Jemand hat das inzwischen geändert; bitte neu laden und erneut versuchen.',
		'error.user_exists': 'Es gibt bereits einen Benutzer mit dieser E-Mail-Adresse.',
		'error.already_member': 'Diese Person ist bereits Mitglied der Organisation.',
		'error.last_administrator':
			'Die Organisation braucht mindestens einen Administrator: geben Sie zuerst einem anderen Mitglied die Administratorrolle.',
		'error.role_in_use': 'Mitglieder haben diese Rolle noch: geben Sie ihnen zuerst eine andere Rolle.',
		'error.role_exists': 'Eine Rolle mit diesem Namen gibt es bereits.',
		'error.invalid': 'Dieser Wert ist nicht gültig.',
		'error.invalid_email': 'Das ist keine gültige E-Mail-Adresse.',
		'error.invalid_language': 'Wählen Sie Englisch, Französisch oder Deutsch.',
		'error.too_long': 'Das ist zu lang.',
		'error.password_too_short': 'Das Passwort braucht mindestens 10 Zeichen.',
		'error.password_too_long': 'Das Passwort ist zu lang.',
		'error.password_is_email': 'Das Passwort darf nicht Ihre E-Mail-Adresse sein.',
		'error.wrong_password': 'Das aktuelle Passwort ist nicht richtig.',
		'error.invalid_token': 'Dieser Link ist ungültig, abgelaufen oder wurde schon benutzt. Fordern Sie einen neuen an.',
		'error.unknown_role': 'Diese Rolle gibt es in dieser Organisation nicht.',
		'error.unknown_permission': 'Diese Berechtigung gibt es nicht.',
		'error.org_closed': 'Diese Organisation ist geschlossen.',
		'error.module_disabled': 'Diese Funktion ist für die Organisation nicht eingeschaltet.',
		'error.customer_login_unavailable': 'Dieser Kunde kann keine Zugänge haben.',
		'error.too_many_items': 'Zu viele auf einmal.',
		'error.transfer_limit':
			'Die Plätze dieses Pakets wurden diesen Monat so oft entzogen oder verschoben, wie sein Tarif es erlaubt: versuchen Sie es nächsten Monat erneut.',
		'error.too_many_requests': (e) =>
			e.retryAfter
				? `Zu viele Versuche; versuchen Sie es ${formatIn(e.retryAfter)} erneut.`
				: 'Zu viele Versuche; versuchen Sie es später erneut.',
		'error.unavailable': 'Der Server ist ausgelastet; versuchen Sie es gleich noch einmal.',
		'error.retry': 'Der Server ist ausgelastet; versuchen Sie es gleich noch einmal.',
		'error.internal': 'Etwas ist schiefgegangen; bitte erneut versuchen.',
		'error.network': 'Der Server ist nicht erreichbar; prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
	},
});
