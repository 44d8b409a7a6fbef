import{b as C}from"./chunk-JIJWOLU3.js";import{c as oe}from"./chunk-XE7QFICB.js";import{f as P}from"./chunk-MYTJS6DR.js";import{B as E,C as _,E as k,G as t,H as K,I as V,J as A,L as N,N as R,O as T,P as G,Q as L,R as se,S as re,T as te,U as B,V as M,X as ae,Y as z,c as b,f as I,i as D,j as H,k as Y,m as J,o as w,p as x,s as Q,u as s,v as X,w as q,x as f,y as ee,z as U}from"./chunk-A7NAGZSC.js";x({en:{"users.title":"Users","users.search":"Search by name or email","users.role":"Role","users.allRoles":"All roles","users.sort":"Sort by","users.sort.match":"Best match","users.sort.name":"Name (A\u2013Z)","users.sort.-name":"Name (Z\u2013A)","users.sort.email":"Email (A\u2013Z)","users.sort.-email":"Email (Z\u2013A)","users.sort.created_at":"Oldest accounts first","users.sort.-created_at":"Newest accounts first","users.create":"Create user","users.name":"Name","users.email":"Email","users.joined":"Joined","users.state":"State","users.state.active":"Active","users.state.disabled":"Disabled","users.select":e=>`Select ${e}`,"users.selectPage":"Select everyone shown","users.selected":e=>e===1?"1 selected":`${f(e)} selected`,"users.removeSelected":e=>`Remove ${e} from the organization`,"users.removeTitle":e=>e===1?"Remove 1 person?":`Remove ${e} people?`,"users.removeBody":e=>`They leave ${e} at once and lose everything they could do in it. Their accounts stay, and so do their other organizations.`,"users.removing":(e,r)=>`Removing\u2026 ${f(e)} of ${f(r)}`,"users.results":(e,r)=>`${e} removed, ${r} not removed.`,"users.result.removed":"Removed","users.none":"No one matches.","users.list":"Members","users.createTitle":"Create a user","users.firstName":"First name","users.lastName":"Last name","users.company":"Company","users.language":"Language","users.languageHint":"The language of the emails the person receives.","users.passwordChoice":"Password","users.sendLink":"Send an email with a link to set a password","users.setNow":"Set a password now","users.password":"Password","users.created":e=>`${e} is now a member.`,"users.createdLink":e=>`${e} is now a member and receives an email to set a password.`,"users.detail":"User","users.source":"Added","users.source.direct":"by the organization","users.source.operator":"by the service\u2019s operators","users.source.customer_admin":"by the customer\u2019s administrators","users.changeRole":"Change the role","users.roleChanged":"The role is changed.","users.remove":"Remove from the organization","users.removeOne":(e,r)=>`${e} leaves ${r} at once and loses everything they could do in it. The account stays, and so do its other organizations.`,"users.removed":e=>`${e} was removed.`,"users.noEscalation":"You cannot give a role with permissions that you do not have yourself, nor change the role of someone who has more than you.","users.noEscalationRemove":"You cannot remove someone who has permissions that you do not have.","users.seats":"Licenses","users.noSeats":"No seat of any license.","users.seatProduct":"Product","users.seatSource":"Given","users.seatSource.manual":"by hand","users.seatSource.auto":"automatically","users.seatSource.invitation":"with the invitation","users.seatSince":"Since","users.devices":"Devices","users.noDevices":"No device has signed in with this account.","users.allDevices":"Open these devices on the Devices / Licenses screen","error.forbidden.role":"You cannot give a role with permissions that you do not have yourself, nor change the role of someone who has more than you."},fr:{"users.title":"Utilisateurs","users.search":"Rechercher par nom ou e-mail","users.role":"R\xF4le","users.allRoles":"Tous les r\xF4les","users.sort":"Trier par","users.sort.match":"Meilleure correspondance","users.sort.name":"Nom (A\u2013Z)","users.sort.-name":"Nom (Z\u2013A)","users.sort.email":"E-mail (A\u2013Z)","users.sort.-email":"E-mail (Z\u2013A)","users.sort.created_at":"Comptes les plus anciens d\u2019abord","users.sort.-created_at":"Comptes les plus r\xE9cents d\u2019abord","users.create":"Cr\xE9er un utilisateur","users.name":"Nom","users.email":"E-mail","users.joined":"Arriv\xE9e","users.state":"\xC9tat","users.state.active":"Actif","users.state.disabled":"D\xE9sactiv\xE9","users.select":e=>`S\xE9lectionner ${e}`,"users.selectPage":"S\xE9lectionner toutes les personnes affich\xE9es","users.selected":e=>e<=1?`${f(e)} s\xE9lectionn\xE9`:`${f(e)} s\xE9lectionn\xE9s`,"users.removeSelected":e=>`Retirer ${e} de l\u2019organisation`,"users.removeTitle":e=>e===1?"Retirer 1 personne ?":`Retirer ${e} personnes ?`,"users.removeBody":e=>`Elles quittent ${e} imm\xE9diatement et perdent tout ce qu\u2019elles pouvaient y faire. Leurs comptes restent, ainsi que leurs autres organisations.`,"users.removing":(e,r)=>`Retrait\u2026 ${f(e)} sur ${f(r)}`,"users.results":(e,r)=>`${e} retir\xE9(s), ${r} non retir\xE9(s).`,"users.result.removed":"Retir\xE9","users.none":"Personne ne correspond.","users.list":"Membres","users.createTitle":"Cr\xE9er un utilisateur","users.firstName":"Pr\xE9nom","users.lastName":"Nom","users.company":"Entreprise","users.language":"Langue","users.languageHint":"La langue des e-mails que la personne re\xE7oit.","users.passwordChoice":"Mot de passe","users.sendLink":"Envoyer un e-mail avec un lien pour choisir un mot de passe","users.setNow":"D\xE9finir un mot de passe maintenant","users.password":"Mot de passe","users.created":e=>`${e} est maintenant membre.`,"users.createdLink":e=>`${e} est maintenant membre et re\xE7oit un e-mail pour choisir un mot de passe.`,"users.detail":"Utilisateur","users.source":"Ajout\xE9","users.source.direct":"par l\u2019organisation","users.source.operator":"par les op\xE9rateurs du service","users.source.customer_admin":"par les administrateurs du client","users.changeRole":"Changer le r\xF4le","users.roleChanged":"Le r\xF4le est chang\xE9.","users.remove":"Retirer de l\u2019organisation","users.removeOne":(e,r)=>`${e} quitte ${r} imm\xE9diatement et perd tout ce qu\u2019il ou elle pouvait y faire. Le compte reste, ainsi que ses autres organisations.`,"users.removed":e=>`${e} a \xE9t\xE9 retir\xE9.`,"users.noEscalation":"Vous ne pouvez pas donner un r\xF4le avec des permissions que vous n\u2019avez pas, ni changer le r\xF4le de quelqu\u2019un qui en a plus que vous.","users.noEscalationRemove":"Vous ne pouvez pas retirer quelqu\u2019un qui a des permissions que vous n\u2019avez pas.","users.seats":"Licences","users.noSeats":"Aucun si\xE8ge d\u2019aucune licence.","users.seatProduct":"Produit","users.seatSource":"Attribu\xE9","users.seatSource.manual":"\xE0 la main","users.seatSource.auto":"automatiquement","users.seatSource.invitation":"avec l\u2019invitation","users.seatSince":"Depuis","users.devices":"Appareils","users.noDevices":"Aucun appareil ne s\u2019est connect\xE9 avec ce compte.","users.allDevices":"Ouvrir ces appareils sur l\u2019\xE9cran Appareils / Licences","error.forbidden.role":"Vous ne pouvez pas donner un r\xF4le avec des permissions que vous n\u2019avez pas, ni changer le r\xF4le de quelqu\u2019un qui en a plus que vous."},de:{"users.title":"Benutzer","users.search":"Nach Name oder E-Mail suchen","users.role":"Rolle","users.allRoles":"Alle Rollen","users.sort":"Sortieren nach","users.sort.match":"Beste \xDCbereinstimmung","users.sort.name":"Name (A\u2013Z)","users.sort.-name":"Name (Z\u2013A)","users.sort.email":"E-Mail (A\u2013Z)","users.sort.-email":"E-Mail (Z\u2013A)","users.sort.created_at":"\xC4lteste Konten zuerst","users.sort.-created_at":"Neueste Konten zuerst","users.create":"Benutzer anlegen","users.name":"Name","users.email":"E-Mail","users.joined":"Beigetreten","users.state":"Status","users.state.active":"Aktiv","users.state.disabled":"Deaktiviert","users.select":e=>`${e} ausw\xE4hlen`,"users.selectPage":"Alle Angezeigten ausw\xE4hlen","users.selected":e=>`${f(e)} ausgew\xE4hlt`,"users.removeSelected":e=>`${e} aus der Organisation entfernen`,"users.removeTitle":e=>e===1?"1 Person entfernen?":`${e} Personen entfernen?`,"users.removeBody":e=>`Sie verlassen ${e} sofort und verlieren alles, was sie dort tun konnten. Ihre Konten bleiben, ebenso ihre anderen Organisationen.`,"users.removing":(e,r)=>`Wird entfernt\u2026 ${f(e)} von ${f(r)}`,"users.results":(e,r)=>`${e} entfernt, ${r} nicht entfernt.`,"users.result.removed":"Entfernt","users.none":"Niemand passt.","users.list":"Mitglieder","users.createTitle":"Benutzer anlegen","users.firstName":"Vorname","users.lastName":"Nachname","users.company":"Firma","users.language":"Sprache","users.languageHint":"Die Sprache der E-Mails, die die Person erh\xE4lt.","users.passwordChoice":"Passwort","users.sendLink":"Eine E-Mail mit einem Link zum Setzen des Passworts senden","users.setNow":"Jetzt ein Passwort setzen","users.password":"Passwort","users.created":e=>`${e} ist jetzt Mitglied.`,"users.createdLink":e=>`${e} ist jetzt Mitglied und erh\xE4lt eine E-Mail zum Setzen des Passworts.`,"users.detail":"Benutzer","users.source":"Hinzugef\xFCgt","users.source.direct":"von der Organisation","users.source.operator":"von den Betreibern des Dienstes","users.source.customer_admin":"von den Administratoren des Kunden","users.changeRole":"Rolle \xE4ndern","users.roleChanged":"Die Rolle ist ge\xE4ndert.","users.remove":"Aus der Organisation entfernen","users.removeOne":(e,r)=>`${e} verl\xE4sst ${r} sofort und verliert alles, was er oder sie dort tun konnte. Das Konto bleibt, ebenso seine anderen Organisationen.`,"users.removed":e=>`${e} wurde entfernt.`,"users.noEscalation":"Sie k\xF6nnen keine Rolle mit Berechtigungen vergeben, die Sie selbst nicht haben, und nicht die Rolle von jemandem \xE4ndern, der mehr darf als Sie.","users.noEscalationRemove":"Sie k\xF6nnen niemanden entfernen, der Berechtigungen hat, die Sie nicht haben.","users.seats":"Lizenzen","users.noSeats":"Kein Platz einer Lizenz.","users.seatProduct":"Produkt","users.seatSource":"Vergeben","users.seatSource.manual":"von Hand","users.seatSource.auto":"automatisch","users.seatSource.invitation":"mit der Einladung","users.seatSince":"Seit","users.devices":"Ger\xE4te","users.noDevices":"Mit diesem Konto hat sich noch kein Ger\xE4t angemeldet.","users.allDevices":"Diese Ger\xE4te auf der Seite Ger\xE4te / Lizenzen \xF6ffnen","error.forbidden.role":"Sie k\xF6nnen keine Rolle mit Berechtigungen vergeben, die Sie selbst nicht haben, und nicht die Rolle von jemandem \xE4ndern, der mehr darf als Sie."}});var ie=["name","-name","email","-email","created_at","-created_at"],ne=100;function F(e){return K(()=>D(w(e,"/roles")).then(r=>r.items),[e])}function le(e){return e==="removed"?s("users.result.removed"):e==="forbidden"?s("users.noEscalationRemove"):ee({code:e})}function ue({org:e,people:r,onDone:u,onClose:d}){let[n]=b(r),[o,c]=b(null),[$,y]=b(null),[g,p]=b(null);async function l(){let i=n.map(v=>v.id),m=[];c({done:0,all:i.length});try{for(let v=0;v<i.length;v+=ne){let O=await H(w(e.id,"/members/remove"),{ids:i.slice(v,v+ne)});m.push(...O.items),c({done:m.length,all:i.length})}}catch(v){p(v)}y(m),u(m.filter(v=>v.result==="removed").map(v=>v.id))}let h=Object.fromEntries(n.map(i=>[i.id,i]));if($){let i=$.filter(m=>m.result==="removed").length;return t`<${M}
			title=${s("users.results",i,$.length-i)}
			confirmLabel=${s("app.close")}
			danger=${!1}
			onConfirm=${d}
			onClose=${d}
		>
			<${R} error=${g} />
			<ul class="results" aria-label=${s("users.results",i,$.length-i)}>
				${$.map(m=>t`<li class=${m.result==="removed"?"ok":"refused"}>
							<strong>${h[m.id]?h[m.id].email:m.id}</strong>: ${le(m.result)}
						</li>`)}
			</ul>
		<//>`}return t`<${M}
		title=${s("users.removeTitle",n.length)}
		confirmLabel=${s("users.removeSelected",n.length)}
		busy=${!!o}
		onConfirm=${l}
		onClose=${d}
	>
		<p>${s("users.removeBody",e.name)}</p>
		<ul class="names">
			${n.slice(0,10).map(i=>t`<li>${z(i)||i.email} (${i.email})</li>`)}
			${n.length>10&&t`<li>…</li>`}
		</ul>
		${o&&t`<p role="status">${s("users.removing",o.done,o.all)}</p>
			<progress max=${o.all} value=${o.done}></progress>`}
	<//>`}function Se({org:e}){let r=E("q"),u=E("role"),d=E("sort"),n=F(e.id),o=P(e,"members:write"),[c,$]=b(new Map),[y,g]=b(!1),[p,l]=b(""),h=I(a=>D(w(e.id,"/members"),{q:r,role:u,sort:d,cursor:a,limit:50}),[e.id,r,u,d]),i=re(h,[h]),m=(a,S)=>$(j=>{let Z=new Map(j);return S?Z.set(a.id,a):Z.delete(a.id),Z}),v=i.items.length>0&&i.items.every(a=>c.has(a.id)),O=[...r?[{value:"",label:s("users.sort.match")}]:[],...ie.map(a=>({value:a==="name"&&!r?"":a,label:s(`users.sort.${a}`)}))],W=[{value:"",label:s("users.allRoles")},...(n.data||[]).map(a=>({value:a.name,label:C(a.name)}))];return u&&!n.data&&W.push({value:u,label:C(u)}),t`
		<${L} title=${s("users.title")}>
			${o&&t`<${k} class="button" href=${`/orgs/${e.id}/users/new`}>${s("users.create")}<//>`}
		<//>
		${p&&t`<${T}>${p}<//>`}
		<div class="filters">
			<${se} label=${s("users.search")} value=${r} onSearch=${a=>_({q:a,sort:a?"":d})} />
			<${N} label=${s("users.role")} name="role" value=${u} options=${W} onValue=${a=>_({role:a})} />
			<${N} label=${s("users.sort")} name="sort" value=${d} options=${O} onValue=${a=>_({sort:a})} />
		</div>
		${o&&c.size>0&&t`<div class="bulk" role="region" aria-label=${s("users.selected",c.size)}>
			<span>${s("users.selected",c.size)}</span>
			<button type="button" class="danger" onClick=${()=>g(!0)}>${s("users.removeSelected",c.size)}</button>
		</div>`}
		<${R} error=${i.error||n.error} />
		<${B} label=${s("users.list")}>
			<table>
				<thead>
					<tr>
						${o&&t`<th scope="col" class="pick">
							<input
								type="checkbox"
								aria-label=${s("users.selectPage")}
								checked=${v}
								onChange=${a=>i.items.forEach(S=>m(S,a.currentTarget.checked))}
							/>
						</th>`}
						<th scope="col">${s("users.name")}</th>
						<th scope="col">${s("users.email")}</th>
						<th scope="col">${s("users.role")}</th>
						<th scope="col">${s("users.joined")}</th>
					</tr>
				</thead>
				<tbody>
					${i.items.map(a=>t`<tr key=${a.id}>
							${o&&t`<td class="pick">
								<input
									type="checkbox"
									aria-label=${s("users.select",z(a)||a.email)}
									checked=${c.has(a.id)}
									onChange=${S=>m(a,S.currentTarget.checked)}
								/>
							</td>`}
							<td><${k} href=${`/orgs/${e.id}/users/${a.id}`}>${z(a)||a.email}<//></td>
							<td>${a.email}</td>
							<td>${C(a.role)}</td>
							<td>${X(a.joined_at)}</td>
						</tr>`)}
				</tbody>
			</table>
		<//>
		${i.loading&&!i.items.length&&t`<${G} />`}
		${!i.loading&&!i.error&&!i.items.length&&t`<p>${s("users.none")}</p>`}
		<${te} list=${i} />
		${y&&t`<${ue}
			org=${e}
			people=${[...c.values()]}
			onDone=${a=>{i.remove(a),$(S=>new Map([...S].filter(([j])=>!a.includes(j))))}}
			onClose=${()=>{g(!1),l("")}}
		/>`}`}function ke({org:e}){let r=F(e.id),[u,d]=b(!1),n=V({email:"",first_name:"",last_name:"",company:"",language:Q(),role:"member",password:""});async function o($){$.preventDefault(),await n.submit(async y=>{let g={...y,email:y.email.trim()};u||delete g.password;let p=await H(w(e.id,"/members"),g),l=u?"created":"createdLink";U(`/orgs/${e.id}/users/${p.id}?done=${l}`)})}let c=(r.data||[{name:"member"}]).map($=>({value:$.name,label:C($.name)}));return t`
		<${L} title=${s("users.createTitle")} />
		<form class="card form" onSubmit=${o} novalidate>
			<${A} label=${s("users.email")} type="email" autocomplete="off" required ...${n.bind("email")} />
			<${A} label=${s("users.firstName")} optional ...${n.bind("first_name")} />
			<${A} label=${s("users.lastName")} optional ...${n.bind("last_name")} />
			<${A} label=${s("users.company")} optional ...${n.bind("company")} />
			<${N} label=${s("users.language")} hint=${s("users.languageHint")} options=${ae()} ...${n.bind("language")} />
			<${N} label=${s("users.role")} options=${c} ...${n.bind("role")} />
			<fieldset>
				<legend>${s("users.passwordChoice")}</legend>
				<div class="check">
					<input id="pw-link" type="radio" name="pw" checked=${!u} onChange=${()=>d(!1)} />
					<label for="pw-link">${s("users.sendLink")}</label>
				</div>
				<div class="check">
					<input id="pw-now" type="radio" name="pw" checked=${u} onChange=${()=>d(!0)} />
					<label for="pw-now">${s("users.setNow")}</label>
				</div>
				${u&&t`<${A} label=${s("users.password")} type="password" autocomplete="new-password" ...${n.bind("password")} />`}
			</fieldset>
			<${R} error=${n.error} />
			<div class="actions">
				<${k} class="button secondary" href=${`/orgs/${e.id}/users`}>${s("app.cancel")}<//>
				<button type="submit" disabled=${n.busy}>${s("app.create")}</button>
			</div>
		</form>`}function de({org:e,member:r}){let u=Array.isArray(r.seats)?r.seats:null,d=Array.isArray(r.devices)?r.devices:null,n=P(e,"licenses:read");return t`
		${u&&t`<section class="card" aria-labelledby="seats-title">
			<h2 id="seats-title">${s("users.seats")}</h2>
			${u.length?t`<${B} label=${s("users.seats")}>
						<table class="stack">
							<thead>
								<tr>
									<th scope="col">${s("users.seatProduct")}</th>
									<th scope="col">${s("users.seatSource")}</th>
									<th scope="col">${s("users.seatSince")}</th>
								</tr>
							</thead>
							<tbody>
								${u.map(o=>t`<tr key=${o.license_id}>
										<td data-label=${s("users.seatProduct")}>
											${n?t`<${k} href=${`/orgs/${e.id}/licenses/${o.license_id}`}>${o.product}<//>`:o.product}
										</td>
										<td data-label=${s("users.seatSource")}>${ce(o.source)?s(`users.seatSource.${o.source}`):o.source}</td>
										<td data-label=${s("users.seatSince")}>${q(o.assigned_at)}</td>
									</tr>`)}
							</tbody>
						</table>
					<//>`:t`<p>${s("users.noSeats")}</p>`}
		</section>`}
		${d&&t`<section class="card" aria-labelledby="devices-title">
			<h2 id="devices-title">${s("users.devices")}</h2>
			${d.length?t`<${B} label=${s("users.devices")}>
							<table class="stack">
								<thead>
									<tr>
										<th scope="col">${s("dev.code")}</th>
										<th scope="col">${s("dev.name")}</th>
										<th scope="col">${s("dev.platform")}</th>
										<th scope="col">${s("dev.status")}</th>
										<th scope="col">${s("dev.lastSeen")}</th>
									</tr>
								</thead>
								<tbody>
									${d.map(o=>t`<tr key=${o.id}>
											<td data-label=${s("dev.code")}><strong class="code">${o.code}</strong></td>
											<td data-label=${s("dev.name")}>${o.name||"\u2014"}</td>
											<td data-label=${s("dev.platform")}>${o.platform||"\u2014"}</td>
											<td data-label=${s("dev.status")}><${oe} status=${o.status} /></td>
											<td data-label=${s("dev.lastSeen")}>${o.last_seen_at?q(o.last_seen_at):s("dev.never")}</td>
										</tr>`)}
								</tbody>
							</table>
						<//>
						${P(e,"devices:read")&&t`<p><${k} href=${`/orgs/${e.id}/devices?user=${encodeURIComponent(r.id)}`}>${s("users.allDevices")}<//></p>`}`:t`<p>${s("users.noDevices")}</p>`}
		</section>`}`}var ce=e=>["manual","auto","invitation"].includes(e);function me({org:e,member:r,roles:u,onChanged:d}){let n=V({role:r.role}),[o,c]=b(!1);async function $(p){p.preventDefault(),c(!1),await n.submit(async l=>{try{let h=await Y(w(e.id,`/members/${r.id}`),{role:l.role});d(h),c(!0)}catch(h){throw h.code==="forbidden"&&(h.field=null),h}})}let y=(u||[{name:r.role}]).map(p=>({value:p.name,label:C(p.name)})),g=n.error&&n.error.code==="forbidden";return t`<form class="card form" onSubmit=${$} aria-labelledby="role-title">
		<h2 id="role-title">${s("users.changeRole")}</h2>
		<${N} label=${s("users.role")} options=${y} ...${n.bind("role")} />
		${g?t`<p class="error" role="alert">${s("users.noEscalation")}</p>`:t`<${R} error=${n.error} />`}
		${o&&t`<${T}>${s("users.roleChanged")}<//>`}
		<div class="actions"><button type="submit" disabled=${n.busy||n.values.role===r.role}>${s("app.save")}</button></div>
	</form>`}function Re({org:e,params:r}){let u=K(()=>D(w(e.id,`/members/${encodeURIComponent(r.user)}`)),[e.id,r.user]),d=F(e.id),[n,o]=b(!1),[c,$]=b(null),[y,g]=b(!1),p=E("done");if(u.error)return t`<${L} title=${s("users.detail")} /><${R} error=${u.error} />`;let l=u.data;if(!l)return t`<${G} />`;let h=P(e,"members:write");async function i(){g(!0);try{await J(w(e.id,`/members/${l.id}`)),U(`/orgs/${e.id}/users`)}catch(m){o(!1),$(m)}finally{g(!1)}}return t`
		<${L} title=${z(l)||l.email}>
			<${k} class="button secondary" href=${`/orgs/${e.id}/users`}>${s("app.back")}<//>
		<//>
		${p&&t`<${T}>${s(`users.${p==="created"?"created":"createdLink"}`,l.email)}<//>`}
		<dl class="card facts">
			<dt>${s("users.email")}</dt><dd>${l.email}</dd>
			<dt>${s("users.company")}</dt><dd>${l.company||"\u2014"}</dd>
			<dt>${s("users.language")}</dt><dd>${s(`lang.${l.language}`)}</dd>
			<dt>${s("users.role")}</dt><dd>${C(l.role)}</dd>
			<dt>${s("users.state")}</dt><dd>${s(`users.state.${l.state}`)}</dd>
			<dt>${s("users.joined")}</dt><dd>${q(l.joined_at)}</dd>
			<dt>${s("users.source")}</dt><dd>${s(`users.source.${l.source}`)}</dd>
		</dl>
		<${de} org=${e} member=${l} />
		${h&&t`<${me} org=${e} member=${l} roles=${d.data} onChanged=${m=>u.setData({...l,...m})} />`}
		${h&&t`<section class="card danger-zone" aria-labelledby="remove-title">
			<h2 id="remove-title">${s("users.remove")}</h2>
			<p>${s("users.removeOne",z(l)||l.email,e.name)}</p>
			${c&&(c.code==="forbidden"?t`<p class="error" role="alert">${s("users.noEscalationRemove")}</p>`:t`<${R} error=${c} />`)}
			<div class="actions"><button type="button" class="danger" onClick=${()=>o(!0)}>${s("users.remove")}</button></div>
		</section>`}
		${n&&t`<${M}
			title=${s("users.remove")}
			confirmLabel=${s("users.remove")}
			busy=${y}
			onConfirm=${i}
			onClose=${()=>o(!1)}
		>
			<p>${s("users.removeOne",z(l)||l.email,e.name)}</p>
		<//>`}`}export{ke as CreateUser,Re as UserDetail,Se as Users,F as useRoles};
