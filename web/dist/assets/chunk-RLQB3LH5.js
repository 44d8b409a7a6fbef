import{b as C}from"./chunk-XOX6ZMZX.js";import{f as Z}from"./chunk-H2GYPOK5.js";import{A as P,C as q,E as o,F as x,G as U,H as E,J as N,L as R,M as T,N as H,O as A,P as ee,Q as se,R as re,S as te,T as B,V as oe,W as S,c as b,f as F,i as L,j as D,k as W,m as Y,n as w,o as I,r as J,s,t as Q,u as G,v as f,w as X,x as j,z}from"./chunk-NWDNQ3TV.js";I({en:{"users.title":"Users","users.search":"Search by name or email","users.role":"Role","users.allRoles":"All roles","users.sort":"Sort by","users.sort.match":"Best match","users.sort.name":"Name (A\u2013Z)","users.sort.-name":"Name (Z\u2013A)","users.sort.email":"Email (A\u2013Z)","users.sort.-email":"Email (Z\u2013A)","users.sort.created_at":"Oldest accounts first","users.sort.-created_at":"Newest accounts first","users.create":"Create user","users.name":"Name","users.email":"Email","users.joined":"Joined","users.state":"State","users.state.active":"Active","users.state.disabled":"Disabled","users.select":e=>`Select ${e}`,"users.selectPage":"Select everyone shown","users.selected":e=>e===1?"1 selected":`${f(e)} selected`,"users.removeSelected":e=>`Remove ${e} from the organization`,"users.removeTitle":e=>e===1?"Remove 1 person?":`Remove ${e} people?`,"users.removeBody":e=>`They leave ${e} at once and lose everything they could do in it. Their accounts stay, and so do their other organizations.`,"users.removing":(e,t)=>`Removing\u2026 ${f(e)} of ${f(t)}`,"users.results":(e,t)=>`${e} removed, ${t} not removed.`,"users.result.removed":"Removed","users.none":"No one matches.","users.list":"Members","users.createTitle":"Create a user","users.firstName":"First name","users.lastName":"Last name","users.company":"Company","users.language":"Language","users.languageHint":"The language of the emails the person receives.","users.passwordChoice":"Password","users.sendLink":"Send an email with a link to set a password","users.setNow":"Set a password now","users.password":"Password","users.created":e=>`${e} is now a member.`,"users.createdLink":e=>`${e} is now a member and receives an email to set a password.`,"users.detail":"User","users.source":"Added","users.source.direct":"by the organization","users.source.operator":"by the service\u2019s operators","users.source.customer_admin":"by the customer\u2019s administrators","users.changeRole":"Change the role","users.roleChanged":"The role is changed.","users.remove":"Remove from the organization","users.removeOne":(e,t)=>`${e} leaves ${t} at once and loses everything they could do in it. The account stays, and so do its other organizations.`,"users.removed":e=>`${e} was removed.`,"users.noEscalation":"You cannot give a role with permissions that you do not have yourself, nor change the role of someone who has more than you.","users.noEscalationRemove":"You cannot remove someone who has permissions that you do not have.","error.forbidden.role":"You cannot give a role with permissions that you do not have yourself, nor change the role of someone who has more than you."},fr:{"users.title":"Utilisateurs","users.search":"Rechercher par nom ou e-mail","users.role":"R\xF4le","users.allRoles":"Tous les r\xF4les","users.sort":"Trier par","users.sort.match":"Meilleure correspondance","users.sort.name":"Nom (A\u2013Z)","users.sort.-name":"Nom (Z\u2013A)","users.sort.email":"E-mail (A\u2013Z)","users.sort.-email":"E-mail (Z\u2013A)","users.sort.created_at":"Comptes les plus anciens d\u2019abord","users.sort.-created_at":"Comptes les plus r\xE9cents d\u2019abord","users.create":"Cr\xE9er un utilisateur","users.name":"Nom","users.email":"E-mail","users.joined":"Arriv\xE9e","users.state":"\xC9tat","users.state.active":"Actif","users.state.disabled":"D\xE9sactiv\xE9","users.select":e=>`S\xE9lectionner ${e}`,"users.selectPage":"S\xE9lectionner toutes les personnes affich\xE9es","users.selected":e=>e<=1?`${f(e)} s\xE9lectionn\xE9`:`${f(e)} s\xE9lectionn\xE9s`,"users.removeSelected":e=>`Retirer ${e} de l\u2019organisation`,"users.removeTitle":e=>e===1?"Retirer 1 personne ?":`Retirer ${e} personnes ?`,"users.removeBody":e=>`Elles quittent ${e} imm\xE9diatement et perdent tout ce qu\u2019elles pouvaient y faire. Leurs comptes restent, ainsi que leurs autres organisations.`,"users.removing":(e,t)=>`Retrait\u2026 ${f(e)} sur ${f(t)}`,"users.results":(e,t)=>`${e} retir\xE9(s), ${t} non retir\xE9(s).`,"users.result.removed":"Retir\xE9","users.none":"Personne ne correspond.","users.list":"Membres","users.createTitle":"Cr\xE9er un utilisateur","users.firstName":"Pr\xE9nom","users.lastName":"Nom","users.company":"Entreprise","users.language":"Langue","users.languageHint":"La langue des e-mails que la personne re\xE7oit.","users.passwordChoice":"Mot de passe","users.sendLink":"Envoyer un e-mail avec un lien pour choisir un mot de passe","users.setNow":"D\xE9finir un mot de passe maintenant","users.password":"Mot de passe","users.created":e=>`${e} est maintenant membre.`,"users.createdLink":e=>`${e} est maintenant membre et re\xE7oit un e-mail pour choisir un mot de passe.`,"users.detail":"Utilisateur","users.source":"Ajout\xE9","users.source.direct":"par l\u2019organisation","users.source.operator":"par les op\xE9rateurs du service","users.source.customer_admin":"par les administrateurs du client","users.changeRole":"Changer le r\xF4le","users.roleChanged":"Le r\xF4le est chang\xE9.","users.remove":"Retirer de l\u2019organisation","users.removeOne":(e,t)=>`${e} quitte ${t} imm\xE9diatement et perd tout ce qu\u2019il ou elle pouvait y faire. Le compte reste, ainsi que ses autres organisations.`,"users.removed":e=>`${e} a \xE9t\xE9 retir\xE9.`,"users.noEscalation":"Vous ne pouvez pas donner un r\xF4le avec des permissions que vous n\u2019avez pas, ni changer le r\xF4le de quelqu\u2019un qui en a plus que vous.","users.noEscalationRemove":"Vous ne pouvez pas retirer quelqu\u2019un qui a des permissions que vous n\u2019avez pas.","error.forbidden.role":"Vous ne pouvez pas donner un r\xF4le avec des permissions que vous n\u2019avez pas, ni changer le r\xF4le de quelqu\u2019un qui en a plus que vous."},de:{"users.title":"Benutzer","users.search":"Nach Name oder E-Mail suchen","users.role":"Rolle","users.allRoles":"Alle Rollen","users.sort":"Sortieren nach","users.sort.match":"Beste \xDCbereinstimmung","users.sort.name":"Name (A\u2013Z)","users.sort.-name":"Name (Z\u2013A)","users.sort.email":"E-Mail (A\u2013Z)","users.sort.-email":"E-Mail (Z\u2013A)","users.sort.created_at":"\xC4lteste Konten zuerst","users.sort.-created_at":"Neueste Konten zuerst","users.create":"Benutzer anlegen","users.name":"Name","users.email":"E-Mail","users.joined":"Beigetreten","users.state":"Status","users.state.active":"Aktiv","users.state.disabled":"Deaktiviert","users.select":e=>`${e} ausw\xE4hlen`,"users.selectPage":"Alle Angezeigten ausw\xE4hlen","users.selected":e=>`${f(e)} ausgew\xE4hlt`,"users.removeSelected":e=>`${e} aus der Organisation entfernen`,"users.removeTitle":e=>e===1?"1 Person entfernen?":`${e} Personen entfernen?`,"users.removeBody":e=>`Sie verlassen ${e} sofort und verlieren alles, was sie dort tun konnten. Ihre Konten bleiben, ebenso ihre anderen Organisationen.`,"users.removing":(e,t)=>`Wird entfernt\u2026 ${f(e)} von ${f(t)}`,"users.results":(e,t)=>`${e} entfernt, ${t} nicht entfernt.`,"users.result.removed":"Entfernt","users.none":"Niemand passt.","users.list":"Mitglieder","users.createTitle":"Benutzer anlegen","users.firstName":"Vorname","users.lastName":"Nachname","users.company":"Firma","users.language":"Sprache","users.languageHint":"Die Sprache der E-Mails, die die Person erh\xE4lt.","users.passwordChoice":"Passwort","users.sendLink":"Eine E-Mail mit einem Link zum Setzen des Passworts senden","users.setNow":"Jetzt ein Passwort setzen","users.password":"Passwort","users.created":e=>`${e} ist jetzt Mitglied.`,"users.createdLink":e=>`${e} ist jetzt Mitglied und erh\xE4lt eine E-Mail zum Setzen des Passworts.`,"users.detail":"Benutzer","users.source":"Hinzugef\xFCgt","users.source.direct":"von der Organisation","users.source.operator":"von den Betreibern des Dienstes","users.source.customer_admin":"von den Administratoren des Kunden","users.changeRole":"Rolle \xE4ndern","users.roleChanged":"Die Rolle ist ge\xE4ndert.","users.remove":"Aus der Organisation entfernen","users.removeOne":(e,t)=>`${e} verl\xE4sst ${t} sofort und verliert alles, was er oder sie dort tun konnte. Das Konto bleibt, ebenso seine anderen Organisationen.`,"users.removed":e=>`${e} wurde entfernt.`,"users.noEscalation":"Sie k\xF6nnen keine Rolle mit Berechtigungen vergeben, die Sie selbst nicht haben, und nicht die Rolle von jemandem \xE4ndern, der mehr darf als Sie.","users.noEscalationRemove":"Sie k\xF6nnen niemanden entfernen, der Berechtigungen hat, die Sie nicht haben.","error.forbidden.role":"Sie k\xF6nnen keine Rolle mit Berechtigungen vergeben, die Sie selbst nicht haben, und nicht die Rolle von jemandem \xE4ndern, der mehr darf als Sie."}});var ne=["name","-name","email","-email","created_at","-created_at"],ae=100;function V(e){return x(()=>L(w(e,"/roles")).then(t=>t.items),[e])}function ie(e){return e==="removed"?s("users.result.removed"):e==="forbidden"?s("users.noEscalationRemove"):X({code:e})}function le({org:e,people:t,onDone:l,onClose:$}){let[a]=b(t),[u,d]=b(null),[c,y]=b(null),[g,p]=b(null);async function i(){let n=a.map(v=>v.id),m=[];d({done:0,all:n.length});try{for(let v=0;v<n.length;v+=ae){let M=await D(w(e.id,"/members/remove"),{ids:n.slice(v,v+ae)});m.push(...M.items),d({done:m.length,all:n.length})}}catch(v){p(v)}y(m),l(m.filter(v=>v.result==="removed").map(v=>v.id))}let h=Object.fromEntries(a.map(n=>[n.id,n]));if(c){let n=c.filter(m=>m.result==="removed").length;return o`<${B}
			title=${s("users.results",n,c.length-n)}
			confirmLabel=${s("app.close")}
			danger=${!1}
			onConfirm=${$}
			onClose=${$}
		>
			<${R} error=${g} />
			<ul class="results" aria-label=${s("users.results",n,c.length-n)}>
				${c.map(m=>o`<li class=${m.result==="removed"?"ok":"refused"}>
							<strong>${h[m.id]?h[m.id].email:m.id}</strong>: ${ie(m.result)}
						</li>`)}
			</ul>
		<//>`}return o`<${B}
		title=${s("users.removeTitle",a.length)}
		confirmLabel=${s("users.removeSelected",a.length)}
		busy=${!!u}
		onConfirm=${i}
		onClose=${$}
	>
		<p>${s("users.removeBody",e.name)}</p>
		<ul class="names">
			${a.slice(0,10).map(n=>o`<li>${S(n)||n.email} (${n.email})</li>`)}
			${a.length>10&&o`<li>…</li>`}
		</ul>
		${u&&o`<p role="status">${s("users.removing",u.done,u.all)}</p>
			<progress max=${u.all} value=${u.done}></progress>`}
	<//>`}function ge({org:e}){let t=z("q"),l=z("role"),$=z("sort"),a=V(e.id),u=Z(e,"members:write"),[d,c]=b(new Map),[y,g]=b(!1),[p,i]=b(""),h=F(r=>L(w(e.id,"/members"),{q:t,role:l,sort:$,cursor:r,limit:50}),[e.id,t,l,$]),n=se(h,[h]),m=(r,k)=>c(O=>{let _=new Map(O);return k?_.set(r.id,r):_.delete(r.id),_}),v=n.items.length>0&&n.items.every(r=>d.has(r.id)),M=[...t?[{value:"",label:s("users.sort.match")}]:[],...ne.map(r=>({value:r==="name"&&!t?"":r,label:s(`users.sort.${r}`)}))],K=[{value:"",label:s("users.allRoles")},...(a.data||[]).map(r=>({value:r.name,label:C(r.name)}))];return l&&!a.data&&K.push({value:l,label:C(l)}),o`
		<${A} title=${s("users.title")}>
			${u&&o`<${q} class="button" href=${`/orgs/${e.id}/users/new`}>${s("users.create")}<//>`}
		<//>
		${p&&o`<${T}>${p}<//>`}
		<div class="filters">
			<${ee} label=${s("users.search")} value=${t} onSearch=${r=>P({q:r,sort:r?"":$})} />
			<${N} label=${s("users.role")} name="role" value=${l} options=${K} onValue=${r=>P({role:r})} />
			<${N} label=${s("users.sort")} name="sort" value=${$} options=${M} onValue=${r=>P({sort:r})} />
		</div>
		${u&&d.size>0&&o`<div class="bulk" role="region" aria-label=${s("users.selected",d.size)}>
			<span>${s("users.selected",d.size)}</span>
			<button type="button" class="danger" onClick=${()=>g(!0)}>${s("users.removeSelected",d.size)}</button>
		</div>`}
		<${R} error=${n.error||a.error} />
		<${te} label=${s("users.list")}>
			<table>
				<thead>
					<tr>
						${u&&o`<th scope="col" class="pick">
							<input
								type="checkbox"
								aria-label=${s("users.selectPage")}
								checked=${v}
								onChange=${r=>n.items.forEach(k=>m(k,r.currentTarget.checked))}
							/>
						</th>`}
						<th scope="col">${s("users.name")}</th>
						<th scope="col">${s("users.email")}</th>
						<th scope="col">${s("users.role")}</th>
						<th scope="col">${s("users.joined")}</th>
					</tr>
				</thead>
				<tbody>
					${n.items.map(r=>o`<tr key=${r.id}>
							${u&&o`<td class="pick">
								<input
									type="checkbox"
									aria-label=${s("users.select",S(r)||r.email)}
									checked=${d.has(r.id)}
									onChange=${k=>m(r,k.currentTarget.checked)}
								/>
							</td>`}
							<td><${q} href=${`/orgs/${e.id}/users/${r.id}`}>${S(r)||r.email}<//></td>
							<td>${r.email}</td>
							<td>${C(r.role)}</td>
							<td>${Q(r.joined_at)}</td>
						</tr>`)}
				</tbody>
			</table>
		<//>
		${n.loading&&!n.items.length&&o`<${H} />`}
		${!n.loading&&!n.error&&!n.items.length&&o`<p>${s("users.none")}</p>`}
		<${re} list=${n} />
		${y&&o`<${le}
			org=${e}
			people=${[...d.values()]}
			onDone=${r=>{n.remove(r),c(k=>new Map([...k].filter(([O])=>!r.includes(O))))}}
			onClose=${()=>{g(!1),i("")}}
		/>`}`}function fe({org:e}){let t=V(e.id),[l,$]=b(!1),a=U({email:"",first_name:"",last_name:"",company:"",language:J(),role:"member",password:""});async function u(c){c.preventDefault(),await a.submit(async y=>{let g={...y,email:y.email.trim()};l||delete g.password;let p=await D(w(e.id,"/members"),g),i=l?"created":"createdLink";j(`/orgs/${e.id}/users/${p.id}?done=${i}`)})}let d=(t.data||[{name:"member"}]).map(c=>({value:c.name,label:C(c.name)}));return o`
		<${A} title=${s("users.createTitle")} />
		<form class="card form" onSubmit=${u} novalidate>
			<${E} label=${s("users.email")} type="email" autocomplete="off" required ...${a.bind("email")} />
			<${E} label=${s("users.firstName")} optional ...${a.bind("first_name")} />
			<${E} label=${s("users.lastName")} optional ...${a.bind("last_name")} />
			<${E} label=${s("users.company")} optional ...${a.bind("company")} />
			<${N} label=${s("users.language")} hint=${s("users.languageHint")} options=${oe()} ...${a.bind("language")} />
			<${N} label=${s("users.role")} options=${d} ...${a.bind("role")} />
			<fieldset>
				<legend>${s("users.passwordChoice")}</legend>
				<div class="check">
					<input id="pw-link" type="radio" name="pw" checked=${!l} onChange=${()=>$(!1)} />
					<label for="pw-link">${s("users.sendLink")}</label>
				</div>
				<div class="check">
					<input id="pw-now" type="radio" name="pw" checked=${l} onChange=${()=>$(!0)} />
					<label for="pw-now">${s("users.setNow")}</label>
				</div>
				${l&&o`<${E} label=${s("users.password")} type="password" autocomplete="new-password" ...${a.bind("password")} />`}
			</fieldset>
			<${R} error=${a.error} />
			<div class="actions">
				<${q} class="button secondary" href=${`/orgs/${e.id}/users`}>${s("app.cancel")}<//>
				<button type="submit" disabled=${a.busy}>${s("app.create")}</button>
			</div>
		</form>`}function ue({org:e,member:t,roles:l,onChanged:$}){let a=U({role:t.role}),[u,d]=b(!1);async function c(p){p.preventDefault(),d(!1),await a.submit(async i=>{try{let h=await W(w(e.id,`/members/${t.id}`),{role:i.role});$(h),d(!0)}catch(h){throw h.code==="forbidden"&&(h.field=null),h}})}let y=(l||[{name:t.role}]).map(p=>({value:p.name,label:C(p.name)})),g=a.error&&a.error.code==="forbidden";return o`<form class="card form" onSubmit=${c} aria-labelledby="role-title">
		<h2 id="role-title">${s("users.changeRole")}</h2>
		<${N} label=${s("users.role")} options=${y} ...${a.bind("role")} />
		${g?o`<p class="error" role="alert">${s("users.noEscalation")}</p>`:o`<${R} error=${a.error} />`}
		${u&&o`<${T}>${s("users.roleChanged")}<//>`}
		<div class="actions"><button type="submit" disabled=${a.busy||a.values.role===t.role}>${s("app.save")}</button></div>
	</form>`}function ye({org:e,params:t}){let l=x(()=>L(w(e.id,`/members/${encodeURIComponent(t.user)}`)),[e.id,t.user]),$=V(e.id),[a,u]=b(!1),[d,c]=b(null),[y,g]=b(!1),p=z("done");if(l.error)return o`<${A} title=${s("users.detail")} /><${R} error=${l.error} />`;let i=l.data;if(!i)return o`<${H} />`;let h=Z(e,"members:write");async function n(){g(!0);try{await Y(w(e.id,`/members/${i.id}`)),j(`/orgs/${e.id}/users`)}catch(m){u(!1),c(m)}finally{g(!1)}}return o`
		<${A} title=${S(i)||i.email}>
			<${q} class="button secondary" href=${`/orgs/${e.id}/users`}>${s("app.back")}<//>
		<//>
		${p&&o`<${T}>${s(`users.${p==="created"?"created":"createdLink"}`,i.email)}<//>`}
		<dl class="card facts">
			<dt>${s("users.email")}</dt><dd>${i.email}</dd>
			<dt>${s("users.company")}</dt><dd>${i.company||"\u2014"}</dd>
			<dt>${s("users.language")}</dt><dd>${s(`lang.${i.language}`)}</dd>
			<dt>${s("users.role")}</dt><dd>${C(i.role)}</dd>
			<dt>${s("users.state")}</dt><dd>${s(`users.state.${i.state}`)}</dd>
			<dt>${s("users.joined")}</dt><dd>${G(i.joined_at)}</dd>
			<dt>${s("users.source")}</dt><dd>${s(`users.source.${i.source}`)}</dd>
		</dl>
		${h&&o`<${ue} org=${e} member=${i} roles=${$.data} onChanged=${l.setData} />`}
		${h&&o`<section class="card danger-zone" aria-labelledby="remove-title">
			<h2 id="remove-title">${s("users.remove")}</h2>
			<p>${s("users.removeOne",S(i)||i.email,e.name)}</p>
			${d&&(d.code==="forbidden"?o`<p class="error" role="alert">${s("users.noEscalationRemove")}</p>`:o`<${R} error=${d} />`)}
			<div class="actions"><button type="button" class="danger" onClick=${()=>u(!0)}>${s("users.remove")}</button></div>
		</section>`}
		${a&&o`<${B}
			title=${s("users.remove")}
			confirmLabel=${s("users.remove")}
			busy=${y}
			onConfirm=${n}
			onClose=${()=>u(!1)}
		>
			<p>${s("users.removeOne",S(i)||i.email,e.name)}</p>
		<//>`}`}export{fe as CreateUser,ye as UserDetail,ge as Users,V as useRoles};
