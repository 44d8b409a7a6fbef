import{b as R}from"./chunk-X4MQW27I.js";import{f as D}from"./chunk-RHKIT3QX.js";import{B as N,D as a,E as j,F as Z,G as C,I as S,K as w,L as P,M as x,N as z,O as G,P as X,Q as ee,R as se,S as T,U as re,V as k,c as b,f as K,i as A,j as O,k as V,m as F,n as f,o as W,r as I,s,t as J,u as Y,v as Q,w as _,y as E,z as L}from"./chunk-U4B6FJDL.js";W({en:{"users.title":"Users","users.search":"Search by name or email","users.role":"Role","users.allRoles":"All roles","users.sort":"Sort by","users.sort.match":"Best match","users.sort.name":"Name (A\u2013Z)","users.sort.-name":"Name (Z\u2013A)","users.sort.email":"Email (A\u2013Z)","users.sort.-email":"Email (Z\u2013A)","users.sort.created_at":"Oldest accounts first","users.sort.-created_at":"Newest accounts first","users.create":"Create user","users.name":"Name","users.email":"Email","users.joined":"Joined","users.state":"State","users.state.active":"Active","users.state.disabled":"Disabled","users.select":e=>`Select ${e}`,"users.selectPage":"Select everyone shown","users.selected":e=>e===1?"1 selected":`${e} selected`,"users.removeSelected":e=>`Remove ${e} from the organization`,"users.removeTitle":e=>e===1?"Remove 1 person?":`Remove ${e} people?`,"users.removeBody":e=>`They leave ${e} at once and lose everything they could do in it. Their accounts stay, and so do their other organizations.`,"users.removing":(e,r)=>`Removing\u2026 ${e} of ${r}`,"users.results":(e,r)=>`${e} removed, ${r} not removed.`,"users.result.removed":"Removed","users.none":"No one matches.","users.list":"Members","users.createTitle":"Create a user","users.firstName":"First name","users.lastName":"Last name","users.company":"Company","users.language":"Language","users.languageHint":"The language of the emails the person receives.","users.passwordChoice":"Password","users.sendLink":"Send an email with a link to set a password","users.setNow":"Set a password now","users.password":"Password","users.created":e=>`${e} is now a member.`,"users.createdLink":e=>`${e} is now a member and receives an email to set a password.`,"users.detail":"User","users.source":"Added","users.source.direct":"by the organization","users.source.operator":"by the service\u2019s operators","users.source.customer_admin":"by the customer\u2019s administrators","users.changeRole":"Change the role","users.roleChanged":"The role is changed.","users.remove":"Remove from the organization","users.removeOne":(e,r)=>`${e} leaves ${r} at once and loses everything they could do in it. The account stays, and so do its other organizations.`,"users.removed":e=>`${e} was removed.`,"users.noEscalation":"You cannot give a role with permissions that you do not have yourself, nor change the role of someone who has more than you.","users.noEscalationRemove":"You cannot remove someone who has permissions that you do not have."},fr:{"users.title":"Utilisateurs","users.search":"Rechercher par nom ou e-mail","users.role":"R\xF4le","users.allRoles":"Tous les r\xF4les","users.sort":"Trier par","users.sort.match":"Meilleure correspondance","users.sort.name":"Nom (A\u2013Z)","users.sort.-name":"Nom (Z\u2013A)","users.sort.email":"E-mail (A\u2013Z)","users.sort.-email":"E-mail (Z\u2013A)","users.sort.created_at":"Comptes les plus anciens d\u2019abord","users.sort.-created_at":"Comptes les plus r\xE9cents d\u2019abord","users.create":"Cr\xE9er un utilisateur","users.name":"Nom","users.email":"E-mail","users.joined":"Arriv\xE9e","users.state":"\xC9tat","users.state.active":"Actif","users.state.disabled":"D\xE9sactiv\xE9","users.select":e=>`S\xE9lectionner ${e}`,"users.selectPage":"S\xE9lectionner toutes les personnes affich\xE9es","users.selected":e=>e<=1?`${e} s\xE9lectionn\xE9`:`${e} s\xE9lectionn\xE9s`,"users.removeSelected":e=>`Retirer ${e} de l\u2019organisation`,"users.removeTitle":e=>e===1?"Retirer 1 personne ?":`Retirer ${e} personnes ?`,"users.removeBody":e=>`Elles quittent ${e} imm\xE9diatement et perdent tout ce qu\u2019elles pouvaient y faire. Leurs comptes restent, ainsi que leurs autres organisations.`,"users.removing":(e,r)=>`Retrait\u2026 ${e} sur ${r}`,"users.results":(e,r)=>`${e} retir\xE9(s), ${r} non retir\xE9(s).`,"users.result.removed":"Retir\xE9","users.none":"Personne ne correspond.","users.list":"Membres","users.createTitle":"Cr\xE9er un utilisateur","users.firstName":"Pr\xE9nom","users.lastName":"Nom","users.company":"Entreprise","users.language":"Langue","users.languageHint":"La langue des e-mails que la personne re\xE7oit.","users.passwordChoice":"Mot de passe","users.sendLink":"Envoyer un e-mail avec un lien pour choisir un mot de passe","users.setNow":"D\xE9finir un mot de passe maintenant","users.password":"Mot de passe","users.created":e=>`${e} est maintenant membre.`,"users.createdLink":e=>`${e} est maintenant membre et re\xE7oit un e-mail pour choisir un mot de passe.`,"users.detail":"Utilisateur","users.source":"Ajout\xE9","users.source.direct":"par l\u2019organisation","users.source.operator":"par les op\xE9rateurs du service","users.source.customer_admin":"par les administrateurs du client","users.changeRole":"Changer le r\xF4le","users.roleChanged":"Le r\xF4le est chang\xE9.","users.remove":"Retirer de l\u2019organisation","users.removeOne":(e,r)=>`${e} quitte ${r} imm\xE9diatement et perd tout ce qu\u2019il ou elle pouvait y faire. Le compte reste, ainsi que ses autres organisations.`,"users.removed":e=>`${e} a \xE9t\xE9 retir\xE9.`,"users.noEscalation":"Vous ne pouvez pas donner un r\xF4le avec des permissions que vous n\u2019avez pas, ni changer le r\xF4le de quelqu\u2019un qui en a plus que vous.","users.noEscalationRemove":"Vous ne pouvez pas retirer quelqu\u2019un qui a des permissions que vous n\u2019avez pas."},de:{"users.title":"Benutzer","users.search":"Nach Name oder E-Mail suchen","users.role":"Rolle","users.allRoles":"Alle Rollen","users.sort":"Sortieren nach","users.sort.match":"Beste \xDCbereinstimmung","users.sort.name":"Name (A\u2013Z)","users.sort.-name":"Name (Z\u2013A)","users.sort.email":"E-Mail (A\u2013Z)","users.sort.-email":"E-Mail (Z\u2013A)","users.sort.created_at":"\xC4lteste Konten zuerst","users.sort.-created_at":"Neueste Konten zuerst","users.create":"Benutzer anlegen","users.name":"Name","users.email":"E-Mail","users.joined":"Beigetreten","users.state":"Status","users.state.active":"Aktiv","users.state.disabled":"Deaktiviert","users.select":e=>`${e} ausw\xE4hlen`,"users.selectPage":"Alle Angezeigten ausw\xE4hlen","users.selected":e=>`${e} ausgew\xE4hlt`,"users.removeSelected":e=>`${e} aus der Organisation entfernen`,"users.removeTitle":e=>e===1?"1 Person entfernen?":`${e} Personen entfernen?`,"users.removeBody":e=>`Sie verlassen ${e} sofort und verlieren alles, was sie dort tun konnten. Ihre Konten bleiben, ebenso ihre anderen Organisationen.`,"users.removing":(e,r)=>`Wird entfernt\u2026 ${e} von ${r}`,"users.results":(e,r)=>`${e} entfernt, ${r} nicht entfernt.`,"users.result.removed":"Entfernt","users.none":"Niemand passt.","users.list":"Mitglieder","users.createTitle":"Benutzer anlegen","users.firstName":"Vorname","users.lastName":"Nachname","users.company":"Firma","users.language":"Sprache","users.languageHint":"Die Sprache der E-Mails, die die Person erh\xE4lt.","users.passwordChoice":"Passwort","users.sendLink":"Eine E-Mail mit einem Link zum Setzen des Passworts senden","users.setNow":"Jetzt ein Passwort setzen","users.password":"Passwort","users.created":e=>`${e} ist jetzt Mitglied.`,"users.createdLink":e=>`${e} ist jetzt Mitglied und erh\xE4lt eine E-Mail zum Setzen des Passworts.`,"users.detail":"Benutzer","users.source":"Hinzugef\xFCgt","users.source.direct":"von der Organisation","users.source.operator":"von den Betreibern des Dienstes","users.source.customer_admin":"von den Administratoren des Kunden","users.changeRole":"Rolle \xE4ndern","users.roleChanged":"Die Rolle ist ge\xE4ndert.","users.remove":"Aus der Organisation entfernen","users.removeOne":(e,r)=>`${e} verl\xE4sst ${r} sofort und verliert alles, was er oder sie dort tun konnte. Das Konto bleibt, ebenso seine anderen Organisationen.`,"users.removed":e=>`${e} wurde entfernt.`,"users.noEscalation":"Sie k\xF6nnen keine Rolle mit Berechtigungen vergeben, die Sie selbst nicht haben, und nicht die Rolle von jemandem \xE4ndern, der mehr darf als Sie.","users.noEscalationRemove":"Sie k\xF6nnen niemanden entfernen, der Berechtigungen hat, die Sie nicht haben."}});var oe=["name","-name","email","-email","created_at","-created_at"],te=100;function U(e){return j(()=>A(f(e,"/roles")).then(r=>r.items),[e])}function ne(e){return e==="removed"?s("users.result.removed"):e==="forbidden"?s("users.noEscalationRemove"):Q({code:e})}function ie({org:e,people:r,onDone:d,onClose:m}){let[o,$]=b(null),[u,h]=b(null),[g,v]=b(null);async function p(){let l=r.map(c=>c.id),n=[];$({done:0,all:l.length});try{for(let c=0;c<l.length;c+=te){let q=await O(f(e.id,"/members/remove"),{ids:l.slice(c,c+te)});n.push(...q.items),$({done:n.length,all:l.length})}}catch(c){v(c)}h(n),d(n.filter(c=>c.result==="removed").map(c=>c.id))}let i=Object.fromEntries(r.map(l=>[l.id,l]));if(u){let l=u.filter(n=>n.result==="removed").length;return a`<${T}
			title=${s("users.results",l,u.length-l)}
			confirmLabel=${s("app.close")}
			danger=${!1}
			onConfirm=${m}
			onClose=${m}
		>
			<${w} error=${g} />
			<ul class="results" aria-label=${s("users.results",l,u.length-l)}>
				${u.map(n=>a`<li class=${n.result==="removed"?"ok":"refused"}>
							<strong>${i[n.id]?i[n.id].email:n.id}</strong>: ${ne(n.result)}
						</li>`)}
			</ul>
		<//>`}return a`<${T}
		title=${s("users.removeTitle",r.length)}
		confirmLabel=${s("users.removeSelected",r.length)}
		busy=${!!o}
		onConfirm=${p}
		onClose=${m}
	>
		<p>${s("users.removeBody",e.name)}</p>
		<ul class="names">
			${r.slice(0,10).map(l=>a`<li>${k(l)||l.email} (${l.email})</li>`)}
			${r.length>10&&a`<li>…</li>`}
		</ul>
		${o&&a`<p role="status">${s("users.removing",o.done,o.all)}</p>
			<progress max=${o.all} value=${o.done}></progress>`}
	<//>`}function be({org:e}){let r=E("q"),d=E("role"),m=E("sort"),o=U(e.id),$=D(e,"members:write"),[u,h]=b(new Map),[g,v]=b(!1),[p,i]=b(""),l=K(t=>A(f(e.id,"/members"),{q:r,role:d,sort:m,cursor:t,limit:50}),[e.id,r,d,m]),n=X(l,[l]),c=(t,y)=>h(B=>{let M=new Map(B);return y?M.set(t.id,t):M.delete(t.id),M}),q=n.items.length>0&&n.items.every(t=>u.has(t.id)),ae=[...r?[{value:"",label:s("users.sort.match")}]:[],...oe.map(t=>({value:t==="name"&&!r?"":t,label:s(`users.sort.${t}`)}))],H=[{value:"",label:s("users.allRoles")},...(o.data||[]).map(t=>({value:t.name,label:R(t.name)}))];return d&&!o.data&&H.push({value:d,label:R(d)}),a`
		<${z} title=${s("users.title")}>
			${$&&a`<${N} class="button" href=${`/orgs/${e.id}/users/new`}>${s("users.create")}<//>`}
		<//>
		${p&&a`<${P}>${p}<//>`}
		<div class="filters">
			<${G} label=${s("users.search")} value=${r} onSearch=${t=>L({q:t,sort:t?"":m})} />
			<${S} label=${s("users.role")} name="role" value=${d} options=${H} onValue=${t=>L({role:t})} />
			<${S} label=${s("users.sort")} name="sort" value=${m} options=${ae} onValue=${t=>L({sort:t})} />
		</div>
		${$&&u.size>0&&a`<div class="bulk" role="region" aria-label=${s("users.selected",u.size)}>
			<span>${s("users.selected",u.size)}</span>
			<button type="button" class="danger" onClick=${()=>v(!0)}>${s("users.removeSelected",u.size)}</button>
		</div>`}
		<${w} error=${n.error||o.error} />
		<${se} label=${s("users.list")}>
			<table>
				<thead>
					<tr>
						${$&&a`<th scope="col" class="pick">
							<input
								type="checkbox"
								aria-label=${s("users.selectPage")}
								checked=${q}
								onChange=${t=>n.items.forEach(y=>c(y,t.currentTarget.checked))}
							/>
						</th>`}
						<th scope="col">${s("users.name")}</th>
						<th scope="col">${s("users.email")}</th>
						<th scope="col">${s("users.role")}</th>
						<th scope="col">${s("users.joined")}</th>
					</tr>
				</thead>
				<tbody>
					${n.items.map(t=>a`<tr key=${t.id}>
							${$&&a`<td class="pick">
								<input
									type="checkbox"
									aria-label=${s("users.select",k(t)||t.email)}
									checked=${u.has(t.id)}
									onChange=${y=>c(t,y.currentTarget.checked)}
								/>
							</td>`}
							<td><${N} href=${`/orgs/${e.id}/users/${t.id}`}>${k(t)||t.email}<//></td>
							<td>${t.email}</td>
							<td>${R(t.role)}</td>
							<td>${J(t.joined_at)}</td>
						</tr>`)}
				</tbody>
			</table>
		<//>
		${n.loading&&!n.items.length&&a`<${x} />`}
		${!n.loading&&!n.error&&!n.items.length&&a`<p>${s("users.none")}</p>`}
		<${ee} list=${n} />
		${g&&a`<${ie}
			org=${e}
			people=${[...u.values()]}
			onDone=${t=>{n.remove(t),h(y=>new Map([...y].filter(([B])=>!t.includes(B))))}}
			onClose=${()=>{v(!1),i("")}}
		/>`}`}function ge({org:e}){let r=U(e.id),[d,m]=b(!1),o=Z({email:"",first_name:"",last_name:"",company:"",language:I(),role:"member",password:""});async function $(h){h.preventDefault(),await o.submit(async g=>{let v={...g,email:g.email.trim()};d||delete v.password;let p=await O(f(e.id,"/members"),v),i=d?"created":"createdLink";_(`/orgs/${e.id}/users/${p.id}?done=${i}`)})}let u=(r.data||[{name:"member"}]).map(h=>({value:h.name,label:R(h.name)}));return a`
		<${z} title=${s("users.createTitle")} />
		<form class="card form" onSubmit=${$} novalidate>
			<${C} label=${s("users.email")} type="email" autocomplete="off" required ...${o.bind("email")} />
			<${C} label=${s("users.firstName")} optional ...${o.bind("first_name")} />
			<${C} label=${s("users.lastName")} optional ...${o.bind("last_name")} />
			<${C} label=${s("users.company")} optional ...${o.bind("company")} />
			<${S} label=${s("users.language")} hint=${s("users.languageHint")} options=${re()} ...${o.bind("language")} />
			<${S} label=${s("users.role")} options=${u} ...${o.bind("role")} />
			<fieldset>
				<legend>${s("users.passwordChoice")}</legend>
				<div class="check">
					<input id="pw-link" type="radio" name="pw" checked=${!d} onChange=${()=>m(!1)} />
					<label for="pw-link">${s("users.sendLink")}</label>
				</div>
				<div class="check">
					<input id="pw-now" type="radio" name="pw" checked=${d} onChange=${()=>m(!0)} />
					<label for="pw-now">${s("users.setNow")}</label>
				</div>
				${d&&a`<${C} label=${s("users.password")} type="password" autocomplete="new-password" ...${o.bind("password")} />`}
			</fieldset>
			<${w} error=${o.error} />
			<div class="actions">
				<${N} class="button secondary" href=${`/orgs/${e.id}/users`}>${s("app.cancel")}<//>
				<button type="submit" disabled=${o.busy}>${s("app.create")}</button>
			</div>
		</form>`}function le({org:e,member:r,roles:d,onChanged:m}){let o=Z({role:r.role}),[$,u]=b(!1);async function h(p){p.preventDefault(),u(!1),await o.submit(async i=>{let l=await V(f(e.id,`/members/${r.id}`),{role:i.role});m(l),u(!0)})}let g=(d||[{name:r.role}]).map(p=>({value:p.name,label:R(p.name)})),v=o.error&&o.error.code==="forbidden";return a`<form class="card form" onSubmit=${h} aria-labelledby="role-title">
		<h2 id="role-title">${s("users.changeRole")}</h2>
		<${S} label=${s("users.role")} options=${g} ...${o.bind("role")} />
		${v?a`<p class="error" role="alert">${s("users.noEscalation")}</p>`:a`<${w} error=${o.error} />`}
		${$&&a`<${P}>${s("users.roleChanged")}<//>`}
		<div class="actions"><button type="submit" disabled=${o.busy||o.values.role===r.role}>${s("app.save")}</button></div>
	</form>`}function fe({org:e,params:r}){let d=j(()=>A(f(e.id,`/members/${encodeURIComponent(r.user)}`)),[e.id,r.user]),m=U(e.id),[o,$]=b(!1),[u,h]=b(null),[g,v]=b(!1),p=E("done");if(d.error)return a`<${z} title=${s("users.detail")} /><${w} error=${d.error} />`;let i=d.data;if(!i)return a`<${x} />`;let l=D(e,"members:write");async function n(){v(!0);try{await F(f(e.id,`/members/${i.id}`)),_(`/orgs/${e.id}/users`)}catch(c){$(!1),h(c)}finally{v(!1)}}return a`
		<${z} title=${k(i)||i.email}>
			<${N} class="button secondary" href=${`/orgs/${e.id}/users`}>${s("app.back")}<//>
		<//>
		${p&&a`<${P}>${s(`users.${p==="created"?"created":"createdLink"}`,i.email)}<//>`}
		<dl class="card facts">
			<dt>${s("users.email")}</dt><dd>${i.email}</dd>
			<dt>${s("users.company")}</dt><dd>${i.company||"\u2014"}</dd>
			<dt>${s("users.language")}</dt><dd>${s(`lang.${i.language}`)}</dd>
			<dt>${s("users.role")}</dt><dd>${R(i.role)}</dd>
			<dt>${s("users.state")}</dt><dd>${s(`users.state.${i.state}`)}</dd>
			<dt>${s("users.joined")}</dt><dd>${Y(i.joined_at)}</dd>
			<dt>${s("users.source")}</dt><dd>${s(`users.source.${i.source}`)}</dd>
		</dl>
		${l&&a`<${le} org=${e} member=${i} roles=${m.data} onChanged=${d.setData} />`}
		${l&&a`<section class="card danger-zone" aria-labelledby="remove-title">
			<h2 id="remove-title">${s("users.remove")}</h2>
			<p>${s("users.removeOne",k(i)||i.email,e.name)}</p>
			${u&&(u.code==="forbidden"?a`<p class="error" role="alert">${s("users.noEscalationRemove")}</p>`:a`<${w} error=${u} />`)}
			<div class="actions"><button type="button" class="danger" onClick=${()=>$(!0)}>${s("users.remove")}</button></div>
		</section>`}
		${o&&a`<${T}
			title=${s("users.remove")}
			confirmLabel=${s("users.remove")}
			busy=${g}
			onConfirm=${n}
			onClose=${()=>$(!1)}
		>
			<p>${s("users.removeOne",k(i)||i.email,e.name)}</p>
		<//>`}`}export{ge as CreateUser,fe as UserDetail,be as Users,U as useRoles};
