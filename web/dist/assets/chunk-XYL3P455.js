import{b as P}from"./chunk-CDA2RNTL.js";import{c as f,g as b}from"./chunk-RG6KOCEM.js";import{B as h,D as s,F as p,G as t,I as y,K as u,L as c,N as v,R as _,U as M,c as d,j as g,k as w,o as $,s as a}from"./chunk-W3VLXJZX.js";$({en:{"me.title":"My settings","me.profile":"Profile","me.email":"Email","me.firstName":"First name","me.lastName":"Last name","me.company":"Company","me.language":"Language","me.languageHint":"The language of this console and of the emails you receive.","me.saved":"Your profile is saved.","me.password":"Password","me.current":"Current password","me.new":"New password","me.newHint":"At least 10 characters, and not your email address. Your other sessions end.","me.repeat":"Repeat the new password","me.mismatch":"The two passwords are not the same.","me.change":"Change the password","me.changed":"Your password is changed.","me.orgs":"My organizations","me.noOrgs":"You are not a member of any organization.","me.org":"Organization","me.role":"My role"},fr:{"me.title":"Mes param\xE8tres","me.profile":"Profil","me.email":"E-mail","me.firstName":"Pr\xE9nom","me.lastName":"Nom","me.company":"Entreprise","me.language":"Langue","me.languageHint":"La langue de cette console et des e-mails que vous recevez.","me.saved":"Votre profil est enregistr\xE9.","me.password":"Mot de passe","me.current":"Mot de passe actuel","me.new":"Nouveau mot de passe","me.newHint":"Au moins 10 caract\xE8res, et pas votre adresse e-mail. Vos autres sessions prennent fin.","me.repeat":"R\xE9p\xE9tez le nouveau mot de passe","me.mismatch":"Les deux mots de passe ne sont pas identiques.","me.change":"Changer le mot de passe","me.changed":"Votre mot de passe est chang\xE9.","me.orgs":"Mes organisations","me.noOrgs":"Vous n\u2019\xEAtes membre d\u2019aucune organisation.","me.org":"Organisation","me.role":"Mon r\xF4le"},de:{"me.title":"Meine Einstellungen","me.profile":"Profil","me.email":"E-Mail","me.firstName":"Vorname","me.lastName":"Nachname","me.company":"Firma","me.language":"Sprache","me.languageHint":"Die Sprache dieser Konsole und der E-Mails, die Sie erhalten.","me.saved":"Ihr Profil ist gespeichert.","me.password":"Passwort","me.current":"Aktuelles Passwort","me.new":"Neues Passwort","me.newHint":"Mindestens 10 Zeichen, und nicht Ihre E-Mail-Adresse. Ihre anderen Sitzungen enden.","me.repeat":"Neues Passwort wiederholen","me.mismatch":"Die beiden Passw\xF6rter sind nicht gleich.","me.change":"Passwort \xE4ndern","me.changed":"Ihr Passwort ist ge\xE4ndert.","me.orgs":"Meine Organisationen","me.noOrgs":"Sie sind in keiner Organisation Mitglied.","me.org":"Organisation","me.role":"Meine Rolle"}});function N({me:r}){let e=p({first_name:r.first_name,last_name:r.last_name,company:r.company,language:r.language}),[i,o]=d(!1);async function m(l){l.preventDefault(),o(!1),await e.submit(async n=>{await w("/api/v1/me",n),await f(),o(!0)})}return s`<form class="card form" onSubmit=${m} aria-labelledby="profile-title" novalidate>
		<h2 id="profile-title">${a("me.profile")}</h2>
		<p><strong>${a("me.email")}:</strong> ${r.email}</p>
		<${t} label=${a("me.firstName")} autocomplete="given-name" ...${e.bind("first_name")} />
		<${t} label=${a("me.lastName")} autocomplete="family-name" ...${e.bind("last_name")} />
		<${t} label=${a("me.company")} autocomplete="organization" ...${e.bind("company")} />
		<${y} label=${a("me.language")} hint=${a("me.languageHint")} options=${M()} ...${e.bind("language")} />
		<${u} error=${e.error} />
		${i&&s`<${c}>${a("me.saved")}<//>`}
		<div class="actions"><button type="submit" disabled=${e.busy}>${a("app.save")}</button></div>
	</form>`}function S({me:r}){let e=p({current_password:"",new_password:"",repeat:""}),[i,o]=d(!1);async function m(l){if(l.preventDefault(),o(!1),e.values.new_password!==e.values.repeat){e.setErrors({repeat:a("me.mismatch")});return}await e.submit(async n=>{await g("/api/v1/me/password",{current_password:n.current_password,new_password:n.new_password}),e.setValues({current_password:"",new_password:"",repeat:""}),o(!0)})}return s`<form class="card form" onSubmit=${m} aria-labelledby="password-title" novalidate>
		<h2 id="password-title">${a("me.password")}</h2>
		<input type="hidden" name="username" autocomplete="username" value=${r.email} />
		<${t} label=${a("me.current")} type="password" autocomplete="current-password" ...${e.bind("current_password")} />
		<${t} label=${a("me.new")} type="password" autocomplete="new-password" hint=${a("me.newHint")} ...${e.bind("new_password")} />
		<${t} label=${a("me.repeat")} type="password" autocomplete="new-password" ...${e.bind("repeat")} />
		${e.error&&e.error.code==="wrong_password"?s`<p class="error" role="alert">${a("error.wrong_password")}</p>`:s`<${u} error=${e.error} />`}
		${i&&s`<${c}>${a("me.changed")}<//>`}
		<div class="actions"><button type="submit" disabled=${e.busy}>${a("me.change")}</button></div>
	</form>`}function k({me:r}){return s`
		<${v} title=${a("me.title")} />
		<${N} me=${r} />
		<${S} me=${r} />
		<section class="card" aria-labelledby="orgs-title">
			<h2 id="orgs-title">${a("me.orgs")}</h2>
			${r.organizations.length?s`<${_} label=${a("me.orgs")}>
						<table>
							<thead>
								<tr><th scope="col">${a("me.org")}</th><th scope="col">${a("me.role")}</th></tr>
							</thead>
							<tbody>
								${r.organizations.map(e=>s`<tr key=${e.id}>
										<td><${h} href=${b(e)}>${e.name}<//></td>
										<td>${P(e.role)}</td>
									</tr>`)}
							</tbody>
						</table>
					<//>`:s`<p>${a("me.noOrgs")}</p>`}
		</section>`}export{k as MySettings};
