// The console: for now the sign-in screen and who is signed in.
import { h, render } from 'preact';
import { useState, useEffect } from 'preact/hooks';
import htm from 'htm';
import { call } from './api.js';
import { pickLanguage, t } from './i18n.js';

const html = htm.bind(h);

function SignIn({ lang, onSignedIn }) {
	const w = t(lang);
	const [email, setEmail] = useState('');
	const [password, setPassword] = useState('');
	const [error, setError] = useState('');
	const [busy, setBusy] = useState(false);
	async function submit(ev) {
		ev.preventDefault();
		setBusy(true);
		setError('');
		const res = await call('POST', '/api/v1/auth/login', { email, password });
		setBusy(false);
		if (res.status === 200) return onSignedIn(res.json.user);
		if (res.status === 429) return setError(w.tooMany(res.retryAfter || 1));
		setError(res.status === 401 ? w.wrong : w.failed);
	}
	return html`
		<form class="card" onSubmit=${submit} aria-describedby=${error ? 'signin-error' : undefined}>
			<h1>${w.signIn}</h1>
			<label for="email">${w.email}</label>
			<input id="email" name="email" type="email" autocomplete="username" required value=${email} onInput=${(e) => setEmail(e.target.value)} />
			<label for="password">${w.password}</label>
			<input id="password" name="password" type="password" autocomplete="current-password" required value=${password} onInput=${(e) => setPassword(e.target.value)} />
			${error && html`<p id="signin-error" class="error" role="alert">${error}</p>`}
			<button type="submit" disabled=${busy}>${w.signIn}</button>
		</form>`;
}

function Home({ lang, user, onSignedOut }) {
	const w = t(lang);
	async function signOut() {
		await call('POST', '/api/v1/auth/logout');
		onSignedOut();
	}
	return html`
		<section class="card">
			<h1>${w.title}</h1>
			<p>${w.signedInAs} <strong>${user.email}</strong></p>
			<button type="button" onClick=${signOut}>${w.signOut}</button>
		</section>`;
}

function App() {
	const [user, setUser] = useState(undefined); // undefined: not known yet; null: signed out
	const lang = pickLanguage(user ? [user.language] : navigator.languages || [navigator.language]);
	useEffect(() => {
		call('GET', '/api/v1/me').then((res) => setUser(res.status === 200 ? res.json : null), () => setUser(null));
	}, []);
	useEffect(() => {
		document.documentElement.lang = lang;
	}, [lang]);
	let body;
	if (user === undefined) body = html`<p>${t(lang).loading}</p>`;
	else if (user === null) body = html`<${SignIn} lang=${lang} onSignedIn=${setUser} />`;
	else body = html`<${Home} lang=${lang} user=${user} onSignedOut=${() => setUser(null)} />`;
	return html`<main>${body}</main>`;
}

render(html`<${App} />`, document.getElementById('app'));
