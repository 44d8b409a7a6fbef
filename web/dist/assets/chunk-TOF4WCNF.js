import{f as C}from"./chunk-MYTJS6DR.js";import{B as v,C as y,E as u,G as i,I as w,J as H,N as m,O as K,P as N,Q as d,R as P,S as T,T as q,U as x,c as $,f as p,i as h,j as f,o as a,p as k,u as t,v as b,z as g}from"./chunk-A7NAGZSC.js";k({en:{"customers.title":"Customers","customers.search":"Search by name","customers.create":"Create customer","customers.name":"Name","customers.kind":"Kind","customers.kind.corporate":"Corporate","customers.kind.individual":"Individual","customers.kindHint.corporate":"A company: its people can have logins to their own back office.","customers.kindHint.individual":"A person or a household: no logins of its own.","customers.since":"Customer since","customers.open":e=>`Open ${e}`,"customers.none":"No customer matches.","customers.list":"Customers","customers.newTitle":"Create a customer","customers.independent":e=>`${e} is now independent: it is no longer your customer.`},fr:{"customers.title":"Clients","customers.search":"Rechercher par nom","customers.create":"Cr\xE9er un client","customers.name":"Nom","customers.kind":"Type","customers.kind.corporate":"Entreprise","customers.kind.individual":"Particulier","customers.kindHint.corporate":"Une entreprise : ses personnes peuvent avoir un acc\xE8s \xE0 leur propre espace.","customers.kindHint.individual":"Une personne ou un foyer : pas d\u2019acc\xE8s propre.","customers.since":"Client depuis","customers.open":e=>`Ouvrir ${e}`,"customers.none":"Aucun client ne correspond.","customers.list":"Clients","customers.newTitle":"Cr\xE9er un client","customers.independent":e=>`${e} est maintenant ind\xE9pendant : ce n\u2019est plus votre client.`},de:{"customers.title":"Kunden","customers.search":"Nach Name suchen","customers.create":"Kunden anlegen","customers.name":"Name","customers.kind":"Art","customers.kind.corporate":"Firmenkunde","customers.kind.individual":"Privatkunde","customers.kindHint.corporate":"Ein Unternehmen: seine Leute k\xF6nnen Zug\xE4nge zu ihrem eigenen Bereich haben.","customers.kindHint.individual":"Eine Person oder ein Haushalt: keine eigenen Zug\xE4nge.","customers.since":"Kunde seit","customers.open":e=>`${e} \xF6ffnen`,"customers.none":"Kein Kunde passt.","customers.list":"Kunden","customers.newTitle":"Kunden anlegen","customers.independent":e=>`${e} ist jetzt unabh\xE4ngig und nicht mehr Ihr Kunde.`}});var l="";function O(e){l=e}function U({org:e}){let[r]=$(()=>{let s=l;return l="",s}),c=v("q"),n=p(s=>h(a(e.id,"/customers"),{q:c,cursor:s,limit:50}),[e.id,c]),o=T(n,[n]);return i`
		<${d} title=${t("customers.title")}>
			${C(e,"customers:write")&&i`<${u} class="button" href=${`/orgs/${e.id}/customers/new`}>${t("customers.create")}<//>`}
		<//>
		${r&&i`<${K}>${r}<//>`}
		<div class="filters">
			<${P} label=${t("customers.search")} value=${c} onSearch=${s=>y({q:s})} />
		</div>
		<${m} error=${o.error} />
		<${x} label=${t("customers.list")}>
			<table>
				<thead>
					<tr>
						<th scope="col">${t("customers.name")}</th>
						<th scope="col">${t("customers.kind")}</th>
						<th scope="col">${t("customers.since")}</th>
					</tr>
				</thead>
				<tbody>
					${o.items.map(s=>i`<tr key=${s.id}>
							<td><${u} href=${`/orgs/${s.id}`} aria-label=${t("customers.open",s.name)}>${s.name}<//></td>
							<td>${t(`customers.kind.${s.kind}`)}</td>
							<td>${b(s.created_at)}</td>
						</tr>`)}
				</tbody>
			</table>
		<//>
		${o.loading&&!o.items.length&&i`<${N} />`}
		${!o.loading&&!o.error&&!o.items.length&&i`<p>${t("customers.none")}</p>`}
		<${q} list=${o} />`}function z({org:e}){let r=w({name:"",kind:"corporate"});async function c(n){n.preventDefault(),await r.submit(async o=>{let s=await f(a(e.id,"/customers"),o);g(`/orgs/${s.id}`)})}return i`
		<${d} title=${t("customers.newTitle")} />
		<form class="card form" onSubmit=${c} novalidate>
			<${H} label=${t("customers.name")} required autocomplete="off" ...${r.bind("name")} />
			<fieldset>
				<legend>${t("customers.kind")}</legend>
				${["corporate","individual"].map(n=>i`<div class="check">
						<input
							id=${`kind-${n}`}
							type="radio"
							name="kind"
							checked=${r.values.kind===n}
							onChange=${()=>r.set("kind",n)}
							aria-describedby=${`kind-${n}-hint`}
						/>
						<label for=${`kind-${n}`}>${t(`customers.kind.${n}`)}</label>
						<p id=${`kind-${n}-hint`} class="hint">${t(`customers.kindHint.${n}`)}</p>
					</div>`)}
				${r.errors.kind&&i`<p class="field-error">${r.errors.kind}</p>`}
			</fieldset>
			<${m} error=${r.error} />
			<div class="actions">
				<${u} class="button secondary" href=${`/orgs/${e.id}/customers`}>${t("app.cancel")}<//>
				<button type="submit" disabled=${r.busy}>${t("app.create")}</button>
			</div>
		</form>`}export{O as a,U as b,z as c};
