import{f as v}from"./chunk-RG6KOCEM.js";import{B as c,D as o,F as g,G as y,K as u,M as C,N as m,O as w,P as H,Q as K,R as P,f as d,i as l,j as $,n as a,o as p,s,t as h,w as k,y as f,z as b}from"./chunk-W3VLXJZX.js";p({en:{"customers.title":"Customers","customers.search":"Search by name","customers.create":"Create customer","customers.name":"Name","customers.kind":"Kind","customers.kind.corporate":"Corporate","customers.kind.individual":"Individual","customers.kindHint.corporate":"A company: its people can have logins to their own back office.","customers.kindHint.individual":"A person or a household: no logins of its own.","customers.since":"Customer since","customers.open":t=>`Open ${t}`,"customers.none":"No customer matches.","customers.list":"Customers","customers.newTitle":"Create a customer"},fr:{"customers.title":"Clients","customers.search":"Rechercher par nom","customers.create":"Cr\xE9er un client","customers.name":"Nom","customers.kind":"Type","customers.kind.corporate":"Entreprise","customers.kind.individual":"Particulier","customers.kindHint.corporate":"Une entreprise : ses personnes peuvent avoir un acc\xE8s \xE0 leur propre espace.","customers.kindHint.individual":"Une personne ou un foyer : pas d\u2019acc\xE8s propre.","customers.since":"Client depuis","customers.open":t=>`Ouvrir ${t}`,"customers.none":"Aucun client ne correspond.","customers.list":"Clients","customers.newTitle":"Cr\xE9er un client"},de:{"customers.title":"Kunden","customers.search":"Nach Name suchen","customers.create":"Kunden anlegen","customers.name":"Name","customers.kind":"Art","customers.kind.corporate":"Firmenkunde","customers.kind.individual":"Privatkunde","customers.kindHint.corporate":"Ein Unternehmen: seine Leute k\xF6nnen Zug\xE4nge zu ihrem eigenen Bereich haben.","customers.kindHint.individual":"Eine Person oder ein Haushalt: keine eigenen Zug\xE4nge.","customers.since":"Kunde seit","customers.open":t=>`${t} \xF6ffnen`,"customers.none":"Kein Kunde passt.","customers.list":"Kunden","customers.newTitle":"Kunden anlegen"}});function L({org:t}){let r=f("q"),i=d(n=>l(a(t.id,"/customers"),{q:r,cursor:n,limit:50}),[t.id,r]),e=H(i,[i]);return o`
		<${m} title=${s("customers.title")}>
			${v(t,"customers:write")&&o`<${c} class="button" href=${`/orgs/${t.id}/customers/new`}>${s("customers.create")}<//>`}
		<//>
		<div class="filters">
			<${w} label=${s("customers.search")} value=${r} onSearch=${n=>b({q:n})} />
		</div>
		<${u} error=${e.error} />
		<${P} label=${s("customers.list")}>
			<table>
				<thead>
					<tr>
						<th scope="col">${s("customers.name")}</th>
						<th scope="col">${s("customers.kind")}</th>
						<th scope="col">${s("customers.since")}</th>
					</tr>
				</thead>
				<tbody>
					${e.items.map(n=>o`<tr key=${n.id}>
							<td><${c} href=${`/orgs/${n.id}`} aria-label=${s("customers.open",n.name)}>${n.name}<//></td>
							<td>${s(`customers.kind.${n.kind}`)}</td>
							<td>${h(n.created_at)}</td>
						</tr>`)}
				</tbody>
			</table>
		<//>
		${e.loading&&!e.items.length&&o`<${C} />`}
		${!e.loading&&!e.error&&!e.items.length&&o`<p>${s("customers.none")}</p>`}
		<${K} list=${e} />`}function S({org:t}){let r=g({name:"",kind:"corporate"});async function i(e){e.preventDefault(),await r.submit(async n=>{let N=await $(a(t.id,"/customers"),n);k(`/orgs/${N.id}`)})}return o`
		<${m} title=${s("customers.newTitle")} />
		<form class="card form" onSubmit=${i} novalidate>
			<${y} label=${s("customers.name")} required autocomplete="off" ...${r.bind("name")} />
			<fieldset>
				<legend>${s("customers.kind")}</legend>
				${["corporate","individual"].map(e=>o`<div class="check">
						<input
							id=${`kind-${e}`}
							type="radio"
							name="kind"
							checked=${r.values.kind===e}
							onChange=${()=>r.set("kind",e)}
							aria-describedby=${`kind-${e}-hint`}
						/>
						<label for=${`kind-${e}`}>${s(`customers.kind.${e}`)}</label>
						<p id=${`kind-${e}-hint`} class="hint">${s(`customers.kindHint.${e}`)}</p>
					</div>`)}
				${r.errors.kind&&o`<p class="field-error">${r.errors.kind}</p>`}
			</fieldset>
			<${u} error=${r.error} />
			<div class="actions">
				<${c} class="button secondary" href=${`/orgs/${t.id}/customers`}>${s("app.cancel")}<//>
				<button type="submit" disabled=${r.busy}>${s("app.create")}</button>
			</div>
		</form>`}export{S as CreateCustomer,L as Customers};
