// My settings: my profile and language, my password, and the organizations
// I belong to with my role in each.
import { useState } from 'preact/hooks';
import { patch, post } from '../api.js';
import { addWords, t } from '../i18n.js';
import { Link } from '../router.js';
import { loadMe, orgHome } from '../session.js';
import { html, useForm, ErrorBox, Field, Notice, PageHeader, Select, TableWrap, languageOptions } from '../ui.js';
import { roleLabel } from './roles.js';

addWords({
	en: {
		'me.title': 'My settings',
		'me.profile': 'Profile',
		'me.email': 'Email',
		'me.firstName': 'First name',
		'me.lastName': 'Last name',
		'me.company': 'Company',
		'me.language': 'Language',
		'me.languageHint': 'The language of this console and of the emails you receive.',
		'me.saved': 'Your profile is saved.',
		'me.password': 'Password',
		'me.current': 'Current password',
		'me.new': 'New password',
		'me.newHint': 'At least 10 characters, and not your email address. Your other sessions end.',
		'me.repeat': 'Repeat the new password',
		'me.mismatch': 'The two passwords are not the same.',
		'me.change': 'Change the password',
		'me.changed': 'Your password is changed.',
		'me.orgs': 'My organizations',
		'me.noOrgs': 'You are not a member of any organization.',
		'me.org': 'Organization',
		'me.role': 'My role',
	},
	fr: {
		'me.title': 'Mes paramètres',
		'me.profile': 'Profil',
		'me.email': 'E-mail',
		'me.firstName': 'Prénom',
		'me.lastName': 'Nom',
		'me.company': 'Entreprise',
		'me.language': 'Langue',
		'me.languageHint': 'La langue de cette console et des e-mails que vous recevez.',
		'me.saved': 'Votre profil est enregistré.',
		'me.password': 'Mot de passe',
		'me.current': 'Mot de passe actuel',
		'me.new': 'Nouveau mot de passe',
		'me.newHint': 'Au moins 10 caractères, et pas votre adresse e-mail. Vos autres sessions prennent fin.',
		'me.repeat': 'Répétez le nouveau mot de passe',
		'me.mismatch': 'Les deux mots de passe ne sont pas identiques.',
		'me.change': 'Changer le mot de passe',
		'me.changed': 'Votre mot de passe est changé.',
		'me.orgs': 'Mes organisations',
		'me.noOrgs': 'Vous n’êtes membre d’aucune organisation.',
		'me.org': 'Organisation',
		'me.role': 'Mon rôle',
	},
	de: {
		'me.title': 'Meine Einstellungen',
		'me.profile': 'Profil',
		'me.email': 'E-Mail',
		'me.firstName': 'Vorname',
		'me.lastName': 'Nachname',
		'me.company': 'Firma',
		'me.language': 'Sprache',
		'me.languageHint': 'Die Sprache dieser Konsole und der E-Mails, die Sie erhalten.',
		'me.saved': 'Ihr Profil ist gespeichert.',
		'me.password': 'Passwort',
		'me.current': 'Aktuelles Passwort',
		'me.new': 'Neues Passwort',
		'me.newHint': 'Mindestens 10 Zeichen, und nicht Ihre E-Mail-Adresse. Ihre anderen Sitzungen enden.',
		'me.repeat': 'Neues Passwort wiederholen',
		'me.mismatch': 'Die beiden Passwörter sind nicht gleich.',
		'me.change': 'Passwort ändern',
		'me.changed': 'Ihr Passwort ist geändert.',
		'me.orgs': 'Meine Organisationen',
		'me.noOrgs': 'Sie sind in keiner Organisation Mitglied.',
		'me.org': 'Organisation',
		'me.role': 'Meine Rolle',
	},
});

function Profile({ me }) {
	const f = useForm({ first_name: me.first_name, last_name: me.last_name, company: me.company, language: me.language });
	const [saved, setSaved] = useState(false);
	async function submit(ev) {
		ev.preventDefault();
		setSaved(false);
		await f.submit(async (v) => {
			await patch('/api/v1/me', v);
			await loadMe();
			setSaved(true);
		});
	}
	return html`<form class="card form" onSubmit=${submit} aria-labelledby="profile-title" novalidate>
		<h2 id="profile-title">${t('me.profile')}</h2>
		<p><strong>${t('me.email')}:</strong> ${me.email}</p>
		<${Field} label=${t('me.firstName')} autocomplete="given-name" ...${f.bind('first_name')} />
		<${Field} label=${t('me.lastName')} autocomplete="family-name" ...${f.bind('last_name')} />
		<${Field} label=${t('me.company')} autocomplete="organization" ...${f.bind('company')} />
		<${Select} label=${t('me.language')} hint=${t('me.languageHint')} options=${languageOptions()} ...${f.bind('language')} />
		<${ErrorBox} error=${f.error} />
		${saved && html`<${Notice}>${t('me.saved')}<//>`}
		<div class="actions"><button type="submit" disabled=${f.busy}>${t('app.save')}</button></div>
	</form>`;
}

function Password({ me }) {
	const f = useForm({ current_password: '', new_password: '', repeat: '' });
	const [done, setDone] = useState(false);
	async function submit(ev) {
		ev.preventDefault();
		setDone(false);
		if (f.values.new_password !== f.values.repeat) {
			f.setErrors({ repeat: t('me.mismatch') });
			return;
		}
		await f.submit(async (v) => {
			await post('/api/v1/me/password', { current_password: v.current_password, new_password: v.new_password });
			f.setValues({ current_password: '', new_password: '', repeat: '' });
			setDone(true);
		});
	}
	return html`<form class="card form" onSubmit=${submit} aria-labelledby="password-title" novalidate>
		<h2 id="password-title">${t('me.password')}</h2>
		<input type="hidden" name="username" autocomplete="username" value=${me.email} />
		<${Field} label=${t('me.current')} type="password" autocomplete="current-password" ...${f.bind('current_password')} />
		<${Field} label=${t('me.new')} type="password" autocomplete="new-password" hint=${t('me.newHint')} ...${f.bind('new_password')} />
		<${Field} label=${t('me.repeat')} type="password" autocomplete="new-password" ...${f.bind('repeat')} />
		<${ErrorBox} error=${f.error} />
		${done && html`<${Notice}>${t('me.changed')}<//>`}
		<div class="actions"><button type="submit" disabled=${f.busy}>${t('me.change')}</button></div>
	</form>`;
}

export function MySettings({ me }) {
	return html`
		<${PageHeader} title=${t('me.title')} />
		<${Profile} me=${me} />
		<${Password} me=${me} />
		<section class="card" aria-labelledby="orgs-title">
			<h2 id="orgs-title">${t('me.orgs')}</h2>
			${me.organizations.length
				? html`<${TableWrap} label=${t('me.orgs')}>
						<table>
							<thead>
								<tr><th scope="col">${t('me.org')}</th><th scope="col">${t('me.role')}</th></tr>
							</thead>
							<tbody>
								${me.organizations.map(
									(o) => html`<tr key=${o.id}>
										<td><${Link} href=${orgHome(o)}>${o.name}<//></td>
										<td>${roleLabel(o.role)}</td>
									</tr>`,
								)}
							</tbody>
						</table>
					<//>`
				: html`<p>${t('me.noOrgs')}</p>`}
		</section>`;
}
