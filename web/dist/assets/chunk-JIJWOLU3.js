import{f as w}from"./chunk-MYTJS6DR.js";import{B as _,E as $,G as t,H as v,I as M,J as P,K as A,N as m,P as y,Q as p,U as B,V as z,c,i as g,j as T,k,m as I,o as d,p as S,u as r,z as f}from"./chunk-A7NAGZSC.js";var L=["members:read","members:write","invitations:write","roles:write","licenses:read","licenses:assign","devices:read","devices:write","cases:read","cases:write","templates:read","templates:write","customers:read","customers:write","teams:write","org:write","audit:read","dashboard:read"],K=["administrator","department_admin","content_creator","moderator","member"];S({en:{"role.administrator":"Administrator","role.department_admin":"Department administrator","role.content_creator":"Content creator","role.moderator":"Moderator","role.member":"Member","perm.members:read":"See the members","perm.members:write":"Add, change and remove members","perm.invitations:write":"Invite people","perm.roles:write":"Create and change roles","perm.licenses:read":"See the licenses and seats","perm.licenses:assign":"Assign, remove and move seats","perm.devices:read":"See the devices","perm.devices:write":"Manage the devices","perm.cases:read":"See the service cases","perm.cases:write":"Handle the service cases","perm.templates:read":"See the templates","perm.templates:write":"Write the templates","perm.customers:read":"See the customers","perm.customers:write":"Manage the customers and act in them","perm.teams:write":"Manage the teams","perm.org:write":"Change the organization\u2019s settings","perm.audit:read":"Read the audit log","perm.dashboard:read":"See the dashboard","roles.title":"Roles","roles.create":"Create role","roles.name":"Name","roles.description":"Description","roles.permissions":"Permissions","roles.builtin":"Built in","roles.own":"This organization\u2019s","roles.kind":"Kind","roles.list":"Roles","roles.nameHint":"Lower-case letters, digits, \u201C_\u201D and \u201C-\u201D; it cannot be changed later.","roles.nameInvalid":"Use only lower-case letters, digits, \u201C_\u201D and \u201C-\u201D, at most 64.","roles.newTitle":"Create a role","roles.editTitle":e=>`Role ${e}`,"roles.builtinNote":"A built-in role cannot be changed or deleted.","roles.delete":"Delete the role","roles.deleteBody":e=>`The role ${e} disappears from this organization. It can only be deleted when no member has it.`,"roles.saved":"The role is saved.","roles.count":e=>e===1?"1 permission":`${e} permissions`},fr:{"role.administrator":"Administrateur","role.department_admin":"Administrateur de d\xE9partement","role.content_creator":"Cr\xE9ateur de contenu","role.moderator":"Mod\xE9rateur","role.member":"Membre","perm.members:read":"Voir les membres","perm.members:write":"Ajouter, modifier et retirer des membres","perm.invitations:write":"Inviter des personnes","perm.roles:write":"Cr\xE9er et modifier des r\xF4les","perm.licenses:read":"Voir les licences et les si\xE8ges","perm.licenses:assign":"Attribuer, retirer et d\xE9placer des si\xE8ges","perm.devices:read":"Voir les appareils","perm.devices:write":"G\xE9rer les appareils","perm.cases:read":"Voir les dossiers de service","perm.cases:write":"Traiter les dossiers de service","perm.templates:read":"Voir les mod\xE8les","perm.templates:write":"R\xE9diger les mod\xE8les","perm.customers:read":"Voir les clients","perm.customers:write":"G\xE9rer les clients et agir chez eux","perm.teams:write":"G\xE9rer les \xE9quipes","perm.org:write":"Modifier les param\xE8tres de l\u2019organisation","perm.audit:read":"Lire le journal d\u2019audit","perm.dashboard:read":"Voir le tableau de bord","roles.title":"R\xF4les","roles.create":"Cr\xE9er un r\xF4le","roles.name":"Nom","roles.description":"Description","roles.permissions":"Permissions","roles.builtin":"Pr\xE9d\xE9fini","roles.own":"Propre \xE0 l\u2019organisation","roles.kind":"Type","roles.list":"R\xF4les","roles.nameHint":"Lettres minuscules, chiffres, \xAB _ \xBB et \xAB - \xBB ; il ne pourra plus \xEAtre chang\xE9.","roles.nameInvalid":"Uniquement des lettres minuscules, des chiffres, \xAB _ \xBB et \xAB - \xBB, 64 au plus.","roles.newTitle":"Cr\xE9er un r\xF4le","roles.editTitle":e=>`R\xF4le ${e}`,"roles.builtinNote":"Un r\xF4le pr\xE9d\xE9fini ne peut \xEAtre ni modifi\xE9 ni supprim\xE9.","roles.delete":"Supprimer le r\xF4le","roles.deleteBody":e=>`Le r\xF4le ${e} dispara\xEEt de cette organisation. Il ne peut \xEAtre supprim\xE9 que si aucun membre ne l\u2019a.`,"roles.saved":"Le r\xF4le est enregistr\xE9.","roles.count":e=>e<=1?`${e} permission`:`${e} permissions`},de:{"role.administrator":"Administrator","role.department_admin":"Abteilungsadministrator","role.content_creator":"Inhaltsersteller","role.moderator":"Moderator","role.member":"Mitglied","perm.members:read":"Mitglieder sehen","perm.members:write":"Mitglieder hinzuf\xFCgen, \xE4ndern und entfernen","perm.invitations:write":"Personen einladen","perm.roles:write":"Rollen anlegen und \xE4ndern","perm.licenses:read":"Lizenzen und Pl\xE4tze sehen","perm.licenses:assign":"Pl\xE4tze zuweisen, entziehen und verschieben","perm.devices:read":"Ger\xE4te sehen","perm.devices:write":"Ger\xE4te verwalten","perm.cases:read":"Servicef\xE4lle sehen","perm.cases:write":"Servicef\xE4lle bearbeiten","perm.templates:read":"Vorlagen sehen","perm.templates:write":"Vorlagen schreiben","perm.customers:read":"Kunden sehen","perm.customers:write":"Kunden verwalten und in ihnen handeln","perm.teams:write":"Teams verwalten","perm.org:write":"Einstellungen der Organisation \xE4ndern","perm.audit:read":"Das Protokoll lesen","perm.dashboard:read":"Das Dashboard sehen","roles.title":"Rollen","roles.create":"Rolle anlegen","roles.name":"Name","roles.description":"Beschreibung","roles.permissions":"Berechtigungen","roles.builtin":"Vordefiniert","roles.own":"Eigene der Organisation","roles.kind":"Art","roles.list":"Rollen","roles.nameHint":"Kleinbuchstaben, Ziffern, \u201E_\u201C und \u201E-\u201C; sp\xE4ter nicht mehr \xE4nderbar.","roles.nameInvalid":"Nur Kleinbuchstaben, Ziffern, \u201E_\u201C und \u201E-\u201C, h\xF6chstens 64.","roles.newTitle":"Rolle anlegen","roles.editTitle":e=>`Rolle ${e}`,"roles.builtinNote":"Eine vordefinierte Rolle kann weder ge\xE4ndert noch gel\xF6scht werden.","roles.delete":"Rolle l\xF6schen","roles.deleteBody":e=>`Die Rolle ${e} verschwindet aus dieser Organisation. Sie kann nur gel\xF6scht werden, wenn kein Mitglied sie hat.`,"roles.saved":"Die Rolle ist gespeichert.","roles.count":e=>e===1?"1 Berechtigung":`${e} Berechtigungen`}});var N=e=>K.includes(e)?r(`role.${e}`):e;function O({permissions:e}){return e.length?t`<ul class="perms">
		${e.map(s=>t`<li>${r(`perm.${s}`)}</li>`)}
	</ul>`:t`<span class="muted">${r("app.none")}</span>`}function Y({org:e}){let s=v(()=>g(d(e.id,"/roles")).then(i=>i.items),[e.id]),l=w(e,"roles:write");return t`
		<${p} title=${r("roles.title")}>
			${l&&t`<${$} class="button" href=${`/orgs/${e.id}/roles/new`}>${r("roles.create")}<//>`}
		<//>
		<${m} error=${s.error} />
		${s.loading&&!s.data&&t`<${y} />`}
		${s.data&&t`<${B} label=${r("roles.list")}>
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
								<${$} href=${`/orgs/${e.id}/roles/${encodeURIComponent(i.name)}`}>${N(i.name)}<//>
								${i.description&&t`<div class="muted">${i.description}</div>`}
							</td>
							<td>${i.builtin?r("roles.builtin"):r("roles.own")}</td>
							<td><${O} permissions=${i.permissions} /></td>
						</tr>`)}
				</tbody>
			</table>
		<//>`}`}function ee({org:e,params:s}){let l=!s.role,i=v(()=>l?Promise.resolve(null):g(d(e.id,"/roles")),[e.id,s.role]);if(i.error)return t`<${p} title=${r("roles.title")} /><${m} error=${i.error} />`;if(!l&&!i.data)return t`<${y} />`;let o=l?null:i.data.items.find(b=>b.name===s.role);return!l&&!o?t`<${p} title=${r("roles.title")} /><${m} error=${{code:"not_found"}} />`:t`<${F} key=${s.role||"new"} org=${e} role=${o} />`}function F({org:e,role:s}){let l=!s,i=!!(s&&s.builtin)||!w(e,"roles:write"),o=M({name:s?s.name:"",description:s?s.description:"",permissions:s?s.permissions:[]},["name","description","permissions"],n=>n.field==="name"&&n.code==="invalid"?r("roles.nameInvalid"):void 0),[b,R]=c(()=>!l&&_("done")==="created"),[D,h]=c(!1),[V,E]=c(null),[U,C]=c(!1),x=(n,a)=>o.set("permissions",L.filter(u=>u===n?a:o.values.permissions.includes(u)));async function H(n){n.preventDefault(),R(!1),await o.submit(async a=>{if(l){let u=await T(d(e.id,"/roles"),a);f(`/orgs/${e.id}/roles/${encodeURIComponent(u.name)}?done=created`,{replace:!0});return}await k(d(e.id,`/roles/${encodeURIComponent(s.name)}`),{description:a.description,permissions:a.permissions}),R(!0)})}async function q(){C(!0);try{await I(d(e.id,`/roles/${encodeURIComponent(s.name)}`)),f(`/orgs/${e.id}/roles`)}catch(n){h(!1),E(n)}finally{C(!1)}}let G=l?r("roles.newTitle"):r("roles.editTitle",N(s.name));return t`
		<${p} title=${G}>
			<${$} class="button secondary" href=${`/orgs/${e.id}/roles`}>${r("app.back")}<//>
		<//>
		${s&&s.builtin&&t`<p class="notice">${r("roles.builtinNote")}</p>`}
		<form class="card form" onSubmit=${H} novalidate>
			${l?t`<${P} label=${r("roles.name")} hint=${r("roles.nameHint")} required autocomplete="off" ...${o.bind("name")} />`:t`<p><strong>${r("roles.name")}:</strong> ${s.name}</p>`}
			<${A} label=${r("roles.description")} optional disabled=${i} rows="2" ...${o.bind("description")} />
			<fieldset aria-describedby=${o.errors.permissions?"perm-error":void 0}>
				<legend>${r("roles.permissions")}</legend>
				<div class="perm-grid">
					${L.map(n=>t`<div class="check">
							<input
								id=${`perm-${n}`}
								type="checkbox"
								checked=${o.values.permissions.includes(n)}
								disabled=${i}
								onChange=${a=>x(n,a.currentTarget.checked)}
							/>
							<label for=${`perm-${n}`}>${r(`perm.${n}`)} <code>${n}</code></label>
						</div>`)}
				</div>
				${o.errors.permissions&&t`<p id="perm-error" class="field-error">${o.errors.permissions}</p>`}
			</fieldset>
			<${m} error=${o.error} />
			${b&&t`<p class="notice" role="status">${r("roles.saved")}</p>`}
			${!i&&t`<div class="actions">
				<button type="submit" disabled=${o.busy}>${l?r("app.create"):r("app.save")}</button>
			</div>`}
		</form>
		${!l&&!i&&t`<section class="card danger-zone" aria-labelledby="delete-title">
			<h2 id="delete-title">${r("roles.delete")}</h2>
			<p>${r("roles.deleteBody",s.name)}</p>
			<${m} error=${V} />
			<div class="actions"><button type="button" class="danger" onClick=${()=>h(!0)}>${r("roles.delete")}</button></div>
		</section>`}
		${D&&t`<${z} title=${r("roles.delete")} confirmLabel=${r("roles.delete")} busy=${U} onConfirm=${q} onClose=${()=>h(!1)}>
			<p>${r("roles.deleteBody",s.name)}</p>
		<//>`}`}export{L as a,N as b,Y as c,ee as d};
