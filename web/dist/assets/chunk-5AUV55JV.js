import{a as te}from"./chunk-TOF4WCNF.js";import{b as A}from"./chunk-JIJWOLU3.js";import{c as _,d as Q,e as v}from"./chunk-MYTJS6DR.js";import{B as G,C as Z,E as k,G as n,H as T,I as D,J as f,L as J,M as q,N as m,O as E,P as z,Q as h,R as X,S as Y,T as ee,U as se,V as H,X as re,c as g,f as F,h as K,i as B,j as L,k as U,l as j,m as I,o as $,p as W,s as R,u as e,v as V,z as C}from"./chunk-A7NAGZSC.js";var x=["customer_login","teams"];W({en:{"orgs.title":"Organizations","orgs.mine":"My organizations","orgs.search":"Search by name","orgs.create":"Create organization","orgs.name":"Name","orgs.type":"Type","orgs.type.enterprise":"Enterprise","orgs.type.partner":"Partner","orgs.type.customer":"Customer","orgs.state":"State","orgs.state.active":"Active","orgs.state.closed":"Closed","orgs.role":"My role","orgs.created":"Created","orgs.none":"No organization matches.","orgs.list":"Organizations","orgs.newTitle":"Create an organization","orgs.typeHint.enterprise":"A company that buys licenses for its people.","orgs.typeHint.partner":"A reseller: it has customers, and its staff may work in teams.","orgs.admin":"First administrator","orgs.adminHint":"They receive an email to set a password; an existing account is used as it is.","orgs.adminEmail":"Administrator\u2019s email","orgs.firstName":"First name","orgs.lastName":"Last name","orgs.language":"Language","orgs.modules":"Modules","module.customer_login":"Customer login: corporate customers get their own back office","module.teams":"Teams: staff work in teams that manage customer accounts","orgs.overview":"Overview","orgs.provider":"Provided by","orgs.kind":"Kind","orgs.myPermissions":"What I can do here","orgs.viaProvider":"Through the provider","orgs.operator":"Operator","orgs.independent":"Make independent","orgs.independentBody":(s,r)=>`${s} becomes an enterprise of its own. ${r} and its people lose all access to it at once, and this cannot be undone. Its members, roles and data stay.`,"orgs.independentDone":"This organization is now independent.","orgs.settings":"Settings","orgs.saved":"Saved.","orgs.modulesHint":"Only the service\u2019s operators switch modules on and off.","orgs.moduleOn":s=>`${s} is on.`,"orgs.moduleOff":s=>`${s} is off.`,"orgs.close":"Close the organization","orgs.closeBody":s=>`${s} will be closed: nobody can work in it any more and its people lose their access to it. Its data is kept, and the audit log records the closing.`,"orgs.closed":"This organization is closed."},fr:{"orgs.title":"Organisations","orgs.mine":"Mes organisations","orgs.search":"Rechercher par nom","orgs.create":"Cr\xE9er une organisation","orgs.name":"Nom","orgs.type":"Type","orgs.type.enterprise":"Entreprise","orgs.type.partner":"Partenaire","orgs.type.customer":"Client","orgs.state":"\xC9tat","orgs.state.active":"Active","orgs.state.closed":"Ferm\xE9e","orgs.role":"Mon r\xF4le","orgs.created":"Cr\xE9\xE9e","orgs.none":"Aucune organisation ne correspond.","orgs.list":"Organisations","orgs.newTitle":"Cr\xE9er une organisation","orgs.typeHint.enterprise":"Une entreprise qui ach\xE8te des licences pour ses personnes.","orgs.typeHint.partner":"Un revendeur : il a des clients, et ses \xE9quipes peuvent travailler en \xE9quipes.","orgs.admin":"Premier administrateur","orgs.adminHint":"Il re\xE7oit un e-mail pour choisir un mot de passe ; un compte existant est repris tel quel.","orgs.adminEmail":"E-mail de l\u2019administrateur","orgs.firstName":"Pr\xE9nom","orgs.lastName":"Nom","orgs.language":"Langue","orgs.modules":"Modules","module.customer_login":"Acc\xE8s client : les clients entreprises ont leur propre espace","module.teams":"\xC9quipes : le personnel travaille en \xE9quipes qui g\xE8rent des comptes clients","orgs.overview":"Vue d\u2019ensemble","orgs.provider":"Fourni par","orgs.kind":"Type de client","orgs.myPermissions":"Ce que je peux faire ici","orgs.viaProvider":"Par le fournisseur","orgs.operator":"Op\xE9rateur","orgs.independent":"Rendre ind\xE9pendante","orgs.independentBody":(s,r)=>`${s} devient une entreprise \xE0 part enti\xE8re. ${r} et ses personnes perdent imm\xE9diatement tout acc\xE8s, et c\u2019est d\xE9finitif. Ses membres, r\xF4les et donn\xE9es restent.`,"orgs.independentDone":"Cette organisation est maintenant ind\xE9pendante.","orgs.settings":"Param\xE8tres","orgs.saved":"Enregistr\xE9.","orgs.modulesHint":"Seuls les op\xE9rateurs du service activent et d\xE9sactivent les modules.","orgs.moduleOn":s=>`${s} est activ\xE9.`,"orgs.moduleOff":s=>`${s} est d\xE9sactiv\xE9.`,"orgs.close":"Fermer l\u2019organisation","orgs.closeBody":s=>`${s} sera ferm\xE9e : personne ne pourra plus y travailler et ses personnes perdent leur acc\xE8s. Ses donn\xE9es sont gard\xE9es, et le journal d\u2019audit enregistre la fermeture.`,"orgs.closed":"Cette organisation est ferm\xE9e."},de:{"orgs.title":"Organisationen","orgs.mine":"Meine Organisationen","orgs.search":"Nach Name suchen","orgs.create":"Organisation anlegen","orgs.name":"Name","orgs.type":"Typ","orgs.type.enterprise":"Unternehmen","orgs.type.partner":"Partner","orgs.type.customer":"Kunde","orgs.state":"Status","orgs.state.active":"Aktiv","orgs.state.closed":"Geschlossen","orgs.role":"Meine Rolle","orgs.created":"Angelegt","orgs.none":"Keine Organisation passt.","orgs.list":"Organisationen","orgs.newTitle":"Organisation anlegen","orgs.typeHint.enterprise":"Ein Unternehmen, das Lizenzen f\xFCr seine Leute kauft.","orgs.typeHint.partner":"Ein Wiederverk\xE4ufer: er hat Kunden, seine Leute k\xF6nnen in Teams arbeiten.","orgs.admin":"Erster Administrator","orgs.adminHint":"Er erh\xE4lt eine E-Mail zum Setzen des Passworts; ein bestehendes Konto wird \xFCbernommen, wie es ist.","orgs.adminEmail":"E-Mail des Administrators","orgs.firstName":"Vorname","orgs.lastName":"Nachname","orgs.language":"Sprache","orgs.modules":"Module","module.customer_login":"Kundenzugang: Firmenkunden erhalten ihren eigenen Bereich","module.teams":"Teams: die Leute arbeiten in Teams, die Kundenkonten betreuen","orgs.overview":"\xDCbersicht","orgs.provider":"Betreut von","orgs.kind":"Kundenart","orgs.myPermissions":"Was ich hier tun kann","orgs.viaProvider":"\xDCber den Anbieter","orgs.operator":"Betreiber","orgs.independent":"Unabh\xE4ngig machen","orgs.independentBody":(s,r)=>`${s} wird ein eigenst\xE4ndiges Unternehmen. ${r} und seine Leute verlieren sofort jeden Zugriff, und das l\xE4sst sich nicht r\xFCckg\xE4ngig machen. Mitglieder, Rollen und Daten bleiben.`,"orgs.independentDone":"Diese Organisation ist jetzt unabh\xE4ngig.","orgs.settings":"Einstellungen","orgs.saved":"Gespeichert.","orgs.modulesHint":"Nur die Betreiber des Dienstes schalten Module ein und aus.","orgs.moduleOn":s=>`${s} ist eingeschaltet.`,"orgs.moduleOff":s=>`${s} ist ausgeschaltet.`,"orgs.close":"Organisation schlie\xDFen","orgs.closeBody":s=>`${s} wird geschlossen: niemand kann mehr darin arbeiten, und ihre Leute verlieren den Zugang. Die Daten bleiben erhalten, und das Protokoll verzeichnet die Schlie\xDFung.`,"orgs.closed":"Diese Organisation ist geschlossen."}});function ye({me:s}){let r=G("q"),a=F(o=>B("/api/v1/orgs",{q:r,cursor:o,limit:50}),[r]),t=Y(a,[a]);return n`
		<${h} title=${s.is_operator?e("orgs.title"):e("orgs.mine")}>
			${s.is_operator&&n`<${k} class="button" href="/orgs/new">${e("orgs.create")}<//>`}
		<//>
		<div class="filters">
			<${X} label=${e("orgs.search")} value=${r} onSearch=${o=>Z({q:o})} />
		</div>
		<${m} error=${t.error} />
		<${se} label=${e("orgs.list")}>
			<table>
				<thead>
					<tr>
						<th scope="col">${e("orgs.name")}</th>
						<th scope="col">${e("orgs.type")}</th>
						<th scope="col">${s.is_operator?e("orgs.state"):e("orgs.role")}</th>
						<th scope="col">${e("orgs.created")}</th>
					</tr>
				</thead>
				<tbody>
					${t.items.map(o=>n`<tr key=${o.id}>
							<td><${k} href=${`/orgs/${o.id}`}>${o.name}<//></td>
							<td>${e(`orgs.type.${o.type}`)}</td>
							<td>${s.is_operator?e(`orgs.state.${o.state}`):A(o.role)}</td>
							<td>${V(o.created_at)}</td>
						</tr>`)}
				</tbody>
			</table>
		<//>
		${t.loading&&!t.items.length&&n`<${z} />`}
		${!t.loading&&!t.error&&!t.items.length&&n`<p>${e("orgs.none")}</p>`}
		<${ee} list=${t} />`}function be(){let s=D({name:"",type:"enterprise",email:"",first_name:"",last_name:"",language:R(),modules:[]},["name","type","modules","admin.email","admin.first_name","admin.last_name","admin.language"]);async function r(t){t.preventDefault(),await s.submit(async o=>{let d=await L("/api/v1/orgs",{name:o.name,type:o.type,modules:o.modules,admin:{email:o.email.trim(),first_name:o.first_name,last_name:o.last_name,language:o.language}});C(`/orgs/${d.id}`)})}let a=t=>({...s.bind(t),error:s.errors[`admin.${t}`]});return n`
		<${h} title=${e("orgs.newTitle")} />
		<form class="card form" onSubmit=${r} novalidate>
			<${f} label=${e("orgs.name")} required autocomplete="organization" ...${s.bind("name")} />
			<fieldset>
				<legend>${e("orgs.type")}</legend>
				${["enterprise","partner"].map(t=>n`<div class="check">
						<input
							id=${`type-${t}`}
							type="radio"
							name="type"
							checked=${s.values.type===t}
							onChange=${()=>s.set("type",t)}
							aria-describedby=${`type-${t}-hint`}
						/>
						<label for=${`type-${t}`}>${e(`orgs.type.${t}`)}</label>
						<p id=${`type-${t}-hint`} class="hint">${e(`orgs.typeHint.${t}`)}</p>
					</div>`)}
			</fieldset>
			<fieldset>
				<legend>${e("orgs.admin")}</legend>
				<p class="hint">${e("orgs.adminHint")}</p>
				<${f} label=${e("orgs.adminEmail")} type="email" required autocomplete="off" ...${a("email")} />
				<${f} label=${e("orgs.firstName")} optional autocomplete="off" ...${a("first_name")} />
				<${f} label=${e("orgs.lastName")} optional autocomplete="off" ...${a("last_name")} />
				<${J} label=${e("orgs.language")} options=${re()} ...${a("language")} />
			</fieldset>
			<fieldset>
				<legend>${e("orgs.modules")}</legend>
				${x.map(t=>n`<${q}
						label=${e(`module.${t}`)}
						name=${`module-${t}`}
						checked=${s.values.modules.includes(t)}
						onValue=${o=>s.set("modules",x.filter(d=>d===t?o:s.values.modules.includes(d)))}
					/>`)}
			</fieldset>
			<${m} error=${s.error} />
			<div class="actions">
				<${k} class="button secondary" href="/orgs">${e("app.cancel")}<//>
				<button type="submit" disabled=${s.busy}>${e("app.create")}</button>
			</div>
		</form>`}function ae(s,r,a){if(s.is_operator)return!0;let t=s.organizations.find(d=>d.id===r.id);if(t&&t.role==="administrator")return!0;let o=s.organizations.find(d=>d.id===a.provider_id);return!!o&&o.role==="administrator"}function ve({me:s,org:r}){let a=T(()=>Q(r.id,{fresh:!0}),[r.id]),[t,o]=g(!1),[d,y]=g(!1),[P,M]=g(null),[O,S]=g(!1),i=a.data;async function N(){let c=!s.is_operator&&!s.organizations.some(u=>u.id===r.id);y(!0);try{await L($(r.id,"/independence")),v(),c&&(te(e("customers.independent",i.name)),C(`/orgs/${i.provider.id}/customers`)),await _(),c||(a.reload(),S(!0))}catch(u){M(u)}finally{y(!1),o(!1)}}let w=i?i.role:r.role;return n`
		<${h} title=${r.name} />
		${O&&n`<${E}>${e("orgs.independentDone")}<//>`}
		<${m} error=${a.error||P} />
		${!i&&!a.error&&n`<${z} />`}
		${i&&n`<dl class="card facts">
				<dt>${e("orgs.type")}</dt>
				<dd>${e(`orgs.type.${i.type}`)}${i.kind?` (${e(`customers.kind.${i.kind}`)})`:""}</dd>
				${i.provider&&n`<dt>${e("orgs.provider")}</dt><dd>${i.provider.name}</dd>`}
				<dt>${e("orgs.state")}</dt>
				<dd>${e(`orgs.state.${i.state}`)}</dd>
				<dt>${e("orgs.role")}</dt>
				<dd>${w?A(w):s.is_operator?e("orgs.operator"):e("orgs.viaProvider")}</dd>
				<dt>${e("orgs.modules")}</dt>
				<dd>${i.modules.length?i.modules.map(c=>e(`module.${c}`)).join("; "):e("app.none")}</dd>
			</dl>
			<section class="card" aria-labelledby="perm-title">
				<h2 id="perm-title">${e("orgs.myPermissions")}</h2>
				${i.permissions.length?n`<ul class="perms">
							${i.permissions.map(c=>n`<li>${e(`perm.${c}`)}</li>`)}
						</ul>`:n`<p>${e("app.none")}</p>`}
			</section>
			${i.type==="customer"&&i.provider&&ae(s,r,i)&&n`<section class="card danger-zone" aria-labelledby="indep-title">
				<h2 id="indep-title">${e("orgs.independent")}</h2>
				<p>${e("orgs.independentBody",i.name,i.provider.name)}</p>
				<div class="actions">
					<button type="button" class="danger" onClick=${()=>o(!0)}>${e("orgs.independent")}</button>
				</div>
			</section>`}`}
		${t&&n`<${H}
			title=${e("orgs.independent")}
			confirmLabel=${e("orgs.independent")}
			busy=${d}
			onConfirm=${N}
			onClose=${()=>o(!1)}
		>
			<p>${e("orgs.independentBody",i.name,i.provider.name)}</p>
		<//>`}`}function Oe({me:s,org:r}){let a=T(()=>B($(r.id)),[r.id]);return a.error?n`<${h} title=${e("orgs.settings")} /><${m} error=${a.error} />`:a.data?n`<${de} me=${s} org=${a.data} onChange=${a.setData} />`:n`<${z} />`}function de({me:s,org:r,onChange:a}){let t=D({name:r.name}),[o,d]=g(!1),[y,P]=g(""),[M,O]=g(null),[S,i]=g(!1),[N,w]=g(null),[c,u]=g(!1);async function oe(l){l.preventDefault(),d(!1),await t.submit(async p=>{let b=await U($(r.id),{name:p.name});a({...r,...b}),v(r.id),await _(),d(!0)})}async function ne(l,p){O(null);try{let b=await(p?j:I)($(r.id,`/modules/${l}`));a({...r,modules:b.modules}),v(r.id),P(p?e("orgs.moduleOn",e(`module.${l}`)):e("orgs.moduleOff",e(`module.${l}`)))}catch(b){O(b)}}async function ie(){u(!0);try{await K("DELETE",$(r.id)),v(r.id),await _(),C("/orgs")}catch(l){i(!1),w(l)}finally{u(!1)}}return n`
		<${h} title=${e("orgs.settings")} />
		${r.state==="closed"&&n`<p class="notice">${e("orgs.closed")}</p>`}
		<form class="card form" onSubmit=${oe} novalidate>
			<${f} label=${e("orgs.name")} required autocomplete="organization" ...${t.bind("name")} />
			<${m} error=${t.error} />
			${o&&n`<${E}>${e("orgs.saved")}<//>`}
			<div class="actions"><button type="submit" disabled=${t.busy}>${e("app.save")}</button></div>
		</form>
		<section class="card" aria-labelledby="modules-title">
			<h2 id="modules-title">${e("orgs.modules")}</h2>
			${!s.is_operator&&n`<p class="hint">${e("orgs.modulesHint")}</p>`}
			${x.map(l=>n`<${q}
					label=${e(`module.${l}`)}
					name=${`module-${l}`}
					checked=${r.modules.includes(l)}
					disabled=${!s.is_operator}
					onValue=${p=>ne(l,p)}
				/>`)}
			<${m} error=${M} />
			${y&&n`<${E}>${y}<//>`}
		</section>
		${s.is_operator&&r.state!=="closed"&&n`<section class="card danger-zone" aria-labelledby="close-title">
			<h2 id="close-title">${e("orgs.close")}</h2>
			<p>${e("orgs.closeBody",r.name)}</p>
			<${m} error=${N} />
			<div class="actions"><button type="button" class="danger" onClick=${()=>i(!0)}>${e("orgs.close")}</button></div>
		</section>`}
		${S&&n`<${H} title=${e("orgs.close")} confirmLabel=${e("orgs.close")} busy=${c} onConfirm=${ie} onClose=${()=>i(!1)}>
			<p>${e("orgs.closeBody",r.name)}</p>
		<//>`}`}export{be as CreateOrg,ye as OrgList,ve as OrgOverview,Oe as OrgSettings};
