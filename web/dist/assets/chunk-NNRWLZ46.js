import{b as P}from"./chunk-JIJWOLU3.js";import{c as f,g as b}from"./chunk-MYTJS6DR.js";import{E as h,G as t,I as p,J as r,L as y,N as u,O as c,Q as v,U as M,X as _,c as d,j as g,k as w,p as $,u as e}from"./chunk-A7NAGZSC.js";$({en:{"me.title":"My settings","me.profile":"Profile","me.email":"Email","me.firstName":"First name","me.lastName":"Last name","me.company":"Company","me.language":"Language","me.languageHint":"The language of this console and of the emails you receive.","me.saved":"Your profile is saved.","me.password":"Password","me.current":"Current password","me.new":"New password","me.newHint":"At least 10 characters, and not your email address. Your other sessions end.","me.repeat":"Repeat the new password","me.mismatch":"The two passwords are not the same.","me.change":"Change the password","me.changed":"Your password is changed.","me.orgs":"My organizations","me.noOrgs":"You are not a member of any organization.","me.org":"Organization","me.role":"My role"},fr:{"me.title":"Mes param\xE8tres","me.profile":"Profil","me.email":"E-mail","me.firstName":"Pr\xE9nom","me.lastName":"Nom","me.company":"Entreprise","me.language":"Langue","me.languageHint":"La langue de cette console et des e-mails que vous recevez.","me.saved":"Votre profil est enregistr\xE9.","me.password":"Mot de passe","me.current":"Mot de passe actuel","me.new":"Nouveau mot de passe","me.newHint":"Au moins 10 caract\xE8res, et pas votre adresse e-mail. Vos autres sessions prennent fin.","me.repeat":"R\xE9p\xE9tez le nouveau mot de passe","me.mismatch":"Les deux mots de passe ne sont pas identiques.","me.change":"Changer le mot de passe","me.changed":"Votre mot de passe est chang\xE9.","me.orgs":"Mes organisations","me.noOrgs":"Vous n\u2019\xEAtes membre d\u2019aucune organisation.","me.org":"Organisation","me.role":"Mon r\xF4le"},de:{"me.title":"Meine Einstellungen","me.profile":"Profil","me.email":"E-Mail","me.firstName":"Vorname","me.lastName":"Nachname","me.company":"Firma","me.language":"Sprache","me.languageHint":"Die Sprache dieser Konsole und der E-Mails, die Sie erhalten.","me.saved":"Ihr Profil ist gespeichert.","me.password":"Passwort","me.current":"Aktuelles Passwort","me.new":"Neues Passwort","me.newHint":"Mindestens 10 Zeichen, und nicht Ihre E-Mail-Adresse. Ihre anderen Sitzungen enden.","me.repeat":"Neues Passwort wiederholen","me.mismatch":"Die beiden Passw\xF6rter sind nicht gleich.","me.change":"Passwort \xE4ndern","me.changed":"Ihr Passwort ist ge\xE4ndert.","me.orgs":"Meine Organisationen","me.noOrgs":"Sie sind in keiner Organisation Mitglied.","me.org":"Organisation","me.role":"Meine Rolle"}});function N({me:s}){let a=p({first_name:s.first_name,last_name:s.last_name,company:s.company,language:s.language}),[i,n]=d(!1);async function m(l){l.preventDefault(),n(!1),await a.submit(async o=>{await w("/api/v1/me",o),await f(),n(!0)})}return t`<form class="card form" onSubmit=${m} aria-labelledby="profile-title" novalidate>
		<h2 id="profile-title">${e("me.profile")}</h2>
		<p><strong>${e("me.email")}:</strong> ${s.email}</p>
		<${r} label=${e("me.firstName")} autocomplete="given-name" ...${a.bind("first_name")} />
		<${r} label=${e("me.lastName")} autocomplete="family-name" ...${a.bind("last_name")} />
		<${r} label=${e("me.company")} autocomplete="organization" ...${a.bind("company")} />
		<${y} label=${e("me.language")} hint=${e("me.languageHint")} options=${_()} ...${a.bind("language")} />
		<${u} error=${a.error} />
		${i&&t`<${c}>${e("me.saved")}<//>`}
		<div class="actions"><button type="submit" disabled=${a.busy}>${e("app.save")}</button></div>
	</form>`}function S({me:s}){let a=p({current_password:"",new_password:"",repeat:""}),[i,n]=d(!1);async function m(l){if(l.preventDefault(),n(!1),a.values.new_password!==a.values.repeat){a.setErrors({repeat:e("me.mismatch")});return}await a.submit(async o=>{await g("/api/v1/me/password",{current_password:o.current_password,new_password:o.new_password}),a.setValues({current_password:"",new_password:"",repeat:""}),n(!0)})}return t`<form class="card form" onSubmit=${m} aria-labelledby="password-title" novalidate>
		<h2 id="password-title">${e("me.password")}</h2>
		<input type="hidden" name="username" autocomplete="username" value=${s.email} />
		<${r} label=${e("me.current")} type="password" autocomplete="current-password" ...${a.bind("current_password")} />
		<${r} label=${e("me.new")} type="password" autocomplete="new-password" hint=${e("me.newHint")} ...${a.bind("new_password")} />
		<${r} label=${e("me.repeat")} type="password" autocomplete="new-password" ...${a.bind("repeat")} />
		<${u} error=${a.error} />
		${i&&t`<${c}>${e("me.changed")}<//>`}
		<div class="actions"><button type="submit" disabled=${a.busy}>${e("me.change")}</button></div>
	</form>`}function k({me:s}){return t`
		<${v} title=${e("me.title")} />
		<${N} me=${s} />
		<${S} me=${s} />
		<section class="card" aria-labelledby="orgs-title">
			<h2 id="orgs-title">${e("me.orgs")}</h2>
			${s.organizations.length?t`<${M} label=${e("me.orgs")}>
						<table>
							<thead>
								<tr><th scope="col">${e("me.org")}</th><th scope="col">${e("me.role")}</th></tr>
							</thead>
							<tbody>
								${s.organizations.map(a=>t`<tr key=${a.id}>
										<td><${h} href=${b(a)}>${a.name}<//></td>
										<td>${P(a.role)}</td>
									</tr>`)}
							</tbody>
						</table>
					<//>`:t`<p>${e("me.noOrgs")}</p>`}
		</section>`}export{k as MySettings};
