import{f}from"./chunk-RHKIT3QX.js";import{B as $,D as t,E as v,F as A,G as B,H as I,K as m,M as y,N as p,R as P,S as z,c,i as g,j as T,k,m as S,n as d,o as M,s as r,w}from"./chunk-U4B6FJDL.js";var L=["members:read","members:write","invitations:write","roles:write","licenses:read","licenses:assign","devices:read","devices:write","cases:read","cases:write","templates:read","templates:write","customers:read","customers:write","teams:write","org:write","audit:read","dashboard:read"],O=["administrator","department_admin","content_creator","moderator","member"];M({en:{"role.administrator":"Administrator","role.department_admin":"Department administrator","role.content_creator":"Content creator","role.moderator":"Moderator","role.member":"Member","perm.members:read":"See the members","perm.members:write":"Add, change and remove members","perm.invitations:write":"Invite people","perm.roles:write":"Create and change roles","perm.licenses:read":"See the licenses and seats","perm.licenses:assign":"Assign, remove and move seats","perm.devices:read":"See the devices","perm.devices:write":"Manage the devices","perm.cases:read":"See the service cases","perm.cases:write":"Handle the service cases","perm.templates:read":"See the templates","perm.templates:write":"Write the templates","perm.customers:read":"See the customers","perm.customers:write":"Manage the customers and act in them","perm.teams:write":"Manage the teams","perm.org:write":"Change the organization\u2019s settings","perm.audit:read":"Read the audit log","perm.dashboard:read":"See the dashboard","roles.title":"Roles","roles.create":"Create role","roles.name":"Name","roles.description":"Description","roles.permissions":"Permissions","roles.builtin":"Built in","roles.own":"This organization\u2019s","roles.kind":"Kind","roles.list":"Roles","roles.nameHint":"Lower-case letters, digits, \u201C_\u201D and \u201C-\u201D; it cannot be changed later.","roles.newTitle":"Create a role","roles.editTitle":e=>`Role ${e}`,"roles.builtinNote":"A built-in role cannot be changed or deleted.","roles.delete":"Delete the role","roles.deleteBody":e=>`The role ${e} disappears from this organization. It can only be deleted when no member has it.`,"roles.saved":"The role is saved.","roles.count":e=>e===1?"1 permission":`${e} permissions`},fr:{"role.administrator":"Administrateur","role.department_admin":"Administrateur de d\xE9partement","role.content_creator":"Cr\xE9ateur de contenu","role.moderator":"Mod\xE9rateur","role.member":"Membre","perm.members:read":"Voir les membres","perm.members:write":"Ajouter, modifier et retirer des membres","perm.invitations:write":"Inviter des personnes","perm.roles:write":"Cr\xE9er et modifier des r\xF4les","perm.licenses:read":"Voir les licences et les si\xE8ges","perm.licenses:assign":"Attribuer, retirer et d\xE9placer des si\xE8ges","perm.devices:read":"Voir les appareils","perm.devices:write":"G\xE9rer les appareils","perm.cases:read":"Voir les dossiers de service","perm.cases:write":"Traiter les dossiers de service","perm.templates:read":"Voir les mod\xE8les","perm.templates:write":"R\xE9diger les mod\xE8les","perm.customers:read":"Voir les clients","perm.customers:write":"G\xE9rer les clients et agir chez eux","perm.teams:write":"G\xE9rer les \xE9quipes","perm.org:write":"Modifier les param\xE8tres de l\u2019organisation","perm.audit:read":"Lire le journal d\u2019audit","perm.dashboard:read":"Voir le tableau de bord","roles.title":"R\xF4les","roles.create":"Cr\xE9er un r\xF4le","roles.name":"Nom","roles.description":"Description","roles.permissions":"Permissions","roles.builtin":"Pr\xE9d\xE9fini","roles.own":"Propre \xE0 l\u2019organisation","roles.kind":"Type","roles.list":"R\xF4les","roles.nameHint":"Lettres minuscules, chiffres, \xAB _ \xBB et \xAB - \xBB ; il ne pourra plus \xEAtre chang\xE9.","roles.newTitle":"Cr\xE9er un r\xF4le","roles.editTitle":e=>`R\xF4le ${e}`,"roles.builtinNote":"Un r\xF4le pr\xE9d\xE9fini ne peut \xEAtre ni modifi\xE9 ni supprim\xE9.","roles.delete":"Supprimer le r\xF4le","roles.deleteBody":e=>`Le r\xF4le ${e} dispara\xEEt de cette organisation. Il ne peut \xEAtre supprim\xE9 que si aucun membre ne l\u2019a.`,"roles.saved":"Le r\xF4le est enregistr\xE9.","roles.count":e=>e<=1?`${e} permission`:`${e} permissions`},de:{"role.administrator":"Administrator","role.department_admin":"Abteilungsadministrator","role.content_creator":"Inhaltsersteller","role.moderator":"Moderator","role.member":"Mitglied","perm.members:read":"Mitglieder sehen","perm.members:write":"Mitglieder hinzuf\xFCgen, \xE4ndern und entfernen","perm.invitations:write":"Personen einladen","perm.roles:write":"Rollen anlegen und \xE4ndern","perm.licenses:read":"Lizenzen und Pl\xE4tze sehen","perm.licenses:assign":"Pl\xE4tze zuweisen, entziehen und verschieben","perm.devices:read":"Ger\xE4te sehen","perm.devices:write":"Ger\xE4te verwalten","perm.cases:read":"Servicef\xE4lle sehen","perm.cases:write":"Servicef\xE4lle bearbeiten","perm.templates:read":"Vorlagen sehen","perm.templates:write":"Vorlagen schreiben","perm.customers:read":"Kunden sehen","perm.customers:write":"Kunden verwalten und in ihnen handeln","perm.teams:write":"Teams verwalten","perm.org:write":"Einstellungen der Organisation \xE4ndern","perm.audit:read":"Das Protokoll lesen","perm.dashboard:read":"Das Dashboard sehen","roles.title":"Rollen","roles.create":"Rolle anlegen","roles.name":"Name","roles.description":"Beschreibung","roles.permissions":"Berechtigungen","roles.builtin":"Vordefiniert","roles.own":"Eigene der Organisation","roles.kind":"Art","roles.list":"Rollen","roles.nameHint":"Kleinbuchstaben, Ziffern, \u201E_\u201C und \u201E-\u201C; sp\xE4ter nicht mehr \xE4nderbar.","roles.newTitle":"Rolle anlegen","roles.editTitle":e=>`Rolle ${e}`,"roles.builtinNote":"Eine vordefinierte Rolle kann weder ge\xE4ndert noch gel\xF6scht werden.","roles.delete":"Rolle l\xF6schen","roles.deleteBody":e=>`Die Rolle ${e} verschwindet aus dieser Organisation. Sie kann nur gel\xF6scht werden, wenn kein Mitglied sie hat.`,"roles.saved":"Die Rolle ist gespeichert.","roles.count":e=>e===1?"1 Berechtigung":`${e} Berechtigungen`}});var _=e=>O.includes(e)?r(`role.${e}`):e;function K({permissions:e}){return e.length?t`<ul class="perms">
		${e.map(s=>t`<li>${r(`perm.${s}`)}</li>`)}
	</ul>`:t`<span class="muted">${r("app.none")}</span>`}function X({org:e}){let s=v(()=>g(d(e.id,"/roles")).then(i=>i.items),[e.id]),o=f(e,"roles:write");return t`
		<${p} title=${r("roles.title")}>
			${o&&t`<${$} class="button" href=${`/orgs/${e.id}/roles/new`}>${r("roles.create")}<//>`}
		<//>
		<${m} error=${s.error} />
		${s.loading&&!s.data&&t`<${y} />`}
		${s.data&&t`<${P} label=${r("roles.list")}>
			<table>
				<thead>
					<tr>
						<th scope="col">${r("roles.name")}</th>
						<th scope="col">${r("roles.kind")}</th>
						<th scope="col">${r("roles.permissions")}</th>
					</tr>
				</thead>
				<tbody>
					${s.data.map(i=>t`<tr key=${i.name}>
							<td>
								<${$} href=${`/orgs/${e.id}/roles/${encodeURIComponent(i.name)}`}>${_(i.name)}<//>
								${i.description&&t`<div class="muted">${i.description}</div>`}
							</td>
							<td>${i.builtin?r("roles.builtin"):r("roles.own")}</td>
							<td><${K} permissions=${i.permissions} /></td>
						</tr>`)}
				</tbody>
			</table>
		<//>`}`}function Y({org:e,params:s}){let o=!s.role,i=v(()=>o?Promise.resolve(null):g(d(e.id,"/roles")),[e.id,s.role]);if(i.error)return t`<${p} title=${r("roles.title")} /><${m} error=${i.error} />`;if(!o&&!i.data)return t`<${y} />`;let n=o?null:i.data.items.find(b=>b.name===s.role);return!o&&!n?t`<${p} title=${r("roles.title")} /><${m} error=${{code:"not_found"}} />`:t`<${q} key=${s.role||"new"} org=${e} role=${n} />`}function q({org:e,role:s}){let o=!s,i=!!(s&&s.builtin)||!f(e,"roles:write"),n=A({name:s?s.name:"",description:s?s.description:"",permissions:s?s.permissions:[]}),[b,R]=c(!1),[D,h]=c(!1),[N,V]=c(null),[E,C]=c(!1),x=(l,a)=>n.set("permissions",L.filter(u=>u===l?a:n.values.permissions.includes(u)));async function H(l){l.preventDefault(),R(!1),await n.submit(async a=>{if(o){let u=await T(d(e.id,"/roles"),a);w(`/orgs/${e.id}/roles/${encodeURIComponent(u.name)}`,{replace:!0})}else await k(d(e.id,`/roles/${encodeURIComponent(s.name)}`),{description:a.description,permissions:a.permissions});R(!0)})}async function U(){C(!0);try{await S(d(e.id,`/roles/${encodeURIComponent(s.name)}`)),w(`/orgs/${e.id}/roles`)}catch(l){h(!1),V(l)}finally{C(!1)}}let G=o?r("roles.newTitle"):r("roles.editTitle",_(s.name));return t`
		<${p} title=${G}>
			<${$} class="button secondary" href=${`/orgs/${e.id}/roles`}>${r("app.back")}<//>
		<//>
		${s&&s.builtin&&t`<p class="notice">${r("roles.builtinNote")}</p>`}
		<form class="card form" onSubmit=${H} novalidate>
			${o?t`<${B} label=${r("roles.name")} hint=${r("roles.nameHint")} required autocomplete="off" ...${n.bind("name")} />`:t`<p><strong>${r("roles.name")}:</strong> ${s.name}</p>`}
			<${I} label=${r("roles.description")} optional disabled=${i} rows="2" ...${n.bind("description")} />
			<fieldset aria-describedby=${n.errors.permissions?"perm-error":void 0}>
				<legend>${r("roles.permissions")}</legend>
				<div class="perm-grid">
					${L.map(l=>t`<div class="check">
							<input
								id=${`perm-${l}`}
								type="checkbox"
								checked=${n.values.permissions.includes(l)}
								disabled=${i}
								onChange=${a=>x(l,a.currentTarget.checked)}
							/>
							<label for=${`perm-${l}`}>${r(`perm.${l}`)} <code>${l}</code></label>
						</div>`)}
				</div>
				${n.errors.permissions&&t`<p id="perm-error" class="field-error">${n.errors.permissions}</p>`}
			</fieldset>
			<${m} error=${n.error} />
			${b&&t`<p class="notice" role="status">${r("roles.saved")}</p>`}
			${!i&&t`<div class="actions">
				<button type="submit" disabled=${n.busy}>${o?r("app.create"):r("app.save")}</button>
			</div>`}
		</form>
		${!o&&!i&&t`<section class="card danger-zone" aria-labelledby="delete-title">
			<h2 id="delete-title">${r("roles.delete")}</h2>
			<p>${r("roles.deleteBody",s.name)}</p>
			<${m} error=${N} />
			<div class="actions"><button type="button" class="danger" onClick=${()=>h(!0)}>${r("roles.delete")}</button></div>
		</section>`}
		${D&&t`<${z} title=${r("roles.delete")} confirmLabel=${r("roles.delete")} busy=${E} onConfirm=${U} onClose=${()=>h(!1)}>
			<p>${r("roles.deleteBody",s.name)}</p>
		<//>`}`}export{L as a,_ as b,X as c,Y as d};
