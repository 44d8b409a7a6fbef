// The console's words in English, French and German, chosen from the
// user's language once signed in, and from the browser's before.
const words = {
	en: {
		title: 'roster',
		signIn: 'Sign in',
		email: 'Email',
		password: 'Password',
		signedInAs: 'Signed in as',
		signOut: 'Sign out',
		wrong: 'The email or the password is not right.',
		tooMany: (s) => `Too many attempts; try again in ${s} seconds.`,
		failed: 'Something went wrong; try again.',
		loading: 'Loading…',
	},
	fr: {
		title: 'roster',
		signIn: 'Se connecter',
		email: 'E-mail',
		password: 'Mot de passe',
		signedInAs: 'Connecté en tant que',
		signOut: 'Se déconnecter',
		wrong: "L'e-mail ou le mot de passe n'est pas correct.",
		tooMany: (s) => `Trop de tentatives ; réessayez dans ${s} secondes.`,
		failed: 'Une erreur est survenue ; réessayez.',
		loading: 'Chargement…',
	},
	de: {
		title: 'roster',
		signIn: 'Anmelden',
		email: 'E-Mail',
		password: 'Passwort',
		signedInAs: 'Angemeldet als',
		signOut: 'Abmelden',
		wrong: 'E-Mail-Adresse oder Passwort ist nicht richtig.',
		tooMany: (s) => `Zu viele Versuche; versuchen Sie es in ${s} Sekunden erneut.`,
		failed: 'Etwas ist schiefgegangen; bitte erneut versuchen.',
		loading: 'Wird geladen…',
	},
};

export function pickLanguage(preferred) {
	for (const tag of preferred) {
		const base = String(tag || '').toLowerCase().split('-')[0];
		if (words[base]) return base;
	}
	return 'en';
}

export function t(lang) {
	return words[lang] || words.en;
}
