// Signing in and out, and the password pages behind the links of roster's
// emails: forgot password, set a password (a new account), reset it.
import { useEffect, useState } from 'preact/hooks';
import { post, request } from '../api.js';
import { addWords, t } from '../i18n.js';
import { navigate, queryParam, safeNext, Link } from '../router.js';
import { loadMe } from '../session.js';
import { html, useForm, Field, ErrorBox, Notice } from '../ui.js';

addWords({
	en: {
		'auth.signIn': 'Sign in',
		'auth.email': 'Email',
		'auth.password': 'Password',
		'auth.forgot': 'Forgot your password?',
		'auth.forgotTitle': 'Forgot your password',
		'auth.forgotHelp': 'Enter the email of your account: we send you a link to choose a new password.',
		'auth.sendLink': 'Send the link',
		'auth.linkSent': (email) =>
			`If ${email} has an account, a link to choose a new password is on its way. It works once and for a limited time.`,
		'auth.backToSignIn': 'Back to sign in',
		'auth.setTitle': 'Choose your password',
		'auth.resetTitle': 'Choose a new password',
		'auth.newPassword': 'New password',
		'auth.passwordHint': 'At least 10 characters, and not your email address.',
		'auth.repeat': 'Repeat the password',
		'auth.mismatch': 'The two passwords are not the same.',
		'auth.setDone': 'Your password is set. Sign in with it.',
		'auth.noToken': 'This page needs the link from your email. Open the link again, or ask for a new one.',
		'auth.signedOut': 'You are signed out.',
		'auth.sessionEnded': 'Your session has ended; sign in again to continue.',
	},
	fr: {
		'auth.signIn': 'Se connecter',
		'auth.email': 'E-mail',
		'auth.password': 'Mot de passe',
		'auth.forgot': 'Mot de passe oublié ?',
		'auth.forgotTitle': 'Mot de passe oublié',
		'auth.forgotHelp': 'Indiquez l’e-mail de votre compte : nous vous envoyons un lien pour choisir un nouveau mot de passe.',
		'auth.sendLink': 'Envoyer le lien',
		'auth.linkSent': (email) =>
			`Si ${email} a un compte, un lien pour choisir un nouveau mot de passe est en route. Il ne sert qu’une fois et pour un temps limité.`,
		'auth.backToSignIn': 'Retour à la connexion',
		'auth.setTitle': 'Choisissez votre mot de passe',
		'auth.resetTitle': 'Choisissez un nouveau mot de passe',
		'auth.newPassword': 'Nouveau mot de passe',
		'auth.passwordHint': 'Au moins 10 caractères, et pas votre adresse e-mail.',
		'auth.repeat': 'Répétez le mot de passe',
		'auth.mismatch': 'Les deux mots de passe ne sont pas identiques.',
		'auth.setDone': 'Votre mot de passe est enregistré. Connectez-vous avec.',
		'auth.noToken': 'Cette page a besoin du lien de votre e-mail. Ouvrez à nouveau le lien, ou demandez-en un nouveau.',
		'auth.signedOut': 'Vous êtes déconnecté.',
		'auth.sessionEnded': 'Votre session a pris fin ; reconnectez-vous pour continuer.',
	},
	de: {
		'auth.signIn': 'Anmelden',
		'auth.email': 'E-Mail',
		'auth.password': 'Passwort',
		'auth.forgot': 'Passwort vergessen?',
		'auth.forgotTitle': 'Passwort vergessen',
		'auth.forgotHelp':
			'Geben Sie die E-Mail-Adresse Ihres Kontos ein: wir senden Ihnen einen Link, mit dem Sie ein neues Passwort wählen.',
		'auth.sendLink': 'Link senden',
		'auth.linkSent': (email) =>
			`Wenn ${email} ein Konto hat, ist ein Link für ein neues Passwort unterwegs. Er gilt einmal und für begrenzte Zeit.`,
		'auth.backToSignIn': 'Zurück zur Anmeldung',
		'auth.setTitle': 'Wählen Sie Ihr Passwort',
		'auth.resetTitle': 'Wählen Sie ein neues Passwort',
		'auth.newPassword': 'Neues Passwort',
		'auth.passwordHint': 'Mindestens 10 Zeichen, und nicht Ihre E-Mail-Adresse.',
		'auth.repeat': 'Passwort wiederholen',
		'auth.mismatch': 'Die beiden Passwörter sind nicht gleich.',
		'auth.setDone': 'Ihr Passwort ist gesetzt. Melden Sie sich damit an.',
		'auth.noToken': 'Diese Seite braucht den Link aus Ihrer E-Mail. Öffnen Sie den Link erneut oder fordern Sie einen neuen an.',
		'auth.signedOut': 'Sie sind abgemeldet.',
		'auth.sessionEnded': 'Ihre Sitzung ist abgelaufen; melden Sie sich erneut an, um fortzufahren.',
	},
});

function AuthCard({ title, children }) {
	return html`<section class="card auth" aria-labelledby="page-title">
		<h1 id="page-title" tabindex="-1">${title}</h1>
		${children}
	</section>`;
}

export function SignIn() {
	const f = useForm({ email: queryParam('email'), password: '' });
	const why = queryParam('why');
	async function submit(ev) {
		ev.preventDefault();
		await f.submit(async (v) => {
			await request('POST', '/api/v1/auth/login', { email: v.email.trim(), password: v.password }, { quiet401: true });
			await loadMe();
			navigate(safeNext(queryParam('next')), { replace: true });
		});
	}
	return html`<${AuthCard} title=${t('auth.signIn')}>
		${why === 'session' && html`<${Notice}>${t('auth.sessionEnded')}<//>`}
		${why === 'signed-out' && html`<${Notice}>${t('auth.signedOut')}<//>`}
		${why === 'password-set' && html`<${Notice}>${t('auth.setDone')}<//>`}
		<form onSubmit=${submit} novalidate>
			<${Field} label=${t('auth.email')} type="email" autocomplete="username" required ...${f.bind('email')} />
			<${Field} label=${t('auth.password')} type="password" autocomplete="current-password" required ...${f.bind('password')} />
			<${ErrorBox} error=${f.error} />
			<button type="submit" disabled=${f.busy}>${t('auth.signIn')}</button>
		</form>
		<p><${Link} href="/forgot-password">${t('auth.forgot')}<//></p>
	<//>`;
}

export function ForgotPassword() {
	const f = useForm({ email: '' });
	const [sent, setSent] = useState('');
	async function submit(ev) {
		ev.preventDefault();
		await f.submit(async (v) => {
			await post('/api/v1/auth/password/forgot', { email: v.email.trim() });
			setSent(v.email.trim());
		});
	}
	return html`<${AuthCard} title=${t('auth.forgotTitle')}>
		${sent
			? html`<${Notice}>${t('auth.linkSent', sent)}<//>`
			: html`<form onSubmit=${submit} novalidate>
					<p>${t('auth.forgotHelp')}</p>
					<${Field} label=${t('auth.email')} type="email" autocomplete="username" required ...${f.bind('email')} />
					<${ErrorBox} error=${f.error} />
					<button type="submit" disabled=${f.busy}>${t('auth.sendLink')}</button>
				</form>`}
		<p><${Link} href="/sign-in">${t('auth.backToSignIn')}<//></p>
	<//>`;
}

// The token comes once in the link's query; it leaves the address bar (and
// the history) at once, and lives only in this component afterwards.
let pendingToken = null;

function takeToken() {
	const token = queryParam('token');
	if (token) {
		pendingToken = token;
		history.replaceState(null, '', location.pathname);
	}
	return pendingToken;
}

export function SetPassword({ mode }) {
	const [token] = useState(takeToken);
	const f = useForm({ password: '', repeat: '' }, ['password', 'repeat', 'token']);
	useEffect(() => () => (pendingToken = null), []);
	async function submit(ev) {
		ev.preventDefault();
		if (f.values.password !== f.values.repeat) {
			f.setErrors({ repeat: t('auth.mismatch') });
			return;
		}
		await f.submit(async (v) => {
			await post('/api/v1/auth/password/reset', { token, password: v.password });
			pendingToken = null;
			navigate('/sign-in?why=password-set', { replace: true });
		});
	}
	const title = mode === 'set' ? t('auth.setTitle') : t('auth.resetTitle');
	if (!token)
		return html`<${AuthCard} title=${title}>
			<p class="error" role="alert">${t('auth.noToken')}</p>
			<p><${Link} href="/forgot-password">${t('auth.forgot')}<//></p>
		<//>`;
	const tokenError = f.errors.token || (f.error && f.error.code === 'invalid_token' && t('error.invalid_token'));
	return html`<${AuthCard} title=${title}>
		<form onSubmit=${submit} novalidate>
			<input type="hidden" name="username" autocomplete="username" value="" />
			<${Field}
				label=${t('auth.newPassword')}
				type="password"
				autocomplete="new-password"
				hint=${t('auth.passwordHint')}
				required
				...${f.bind('password')}
			/>
			<${Field} label=${t('auth.repeat')} type="password" autocomplete="new-password" required ...${f.bind('repeat')} />
			${tokenError
				? html`<p class="error" role="alert">${tokenError} <${Link} href="/forgot-password">${t('auth.forgot')}<//></p>`
				: html`<${ErrorBox} error=${f.error} />`}
			<button type="submit" disabled=${f.busy}>${t('app.save')}</button>
		</form>
	<//>`;
}
