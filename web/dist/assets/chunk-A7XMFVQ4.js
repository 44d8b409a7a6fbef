import{f as de}from"./chunk-H2GYPOK5.js";import{A as oe,C as E,E as n,F as V,G as F,H as z,J as M,K as A,L as y,M as N,N as B,O as x,P as J,Q as O,R as Q,S as Z,T as H,W as v,c as f,f as D,h as se,i as S,j as C,k as le,n as k,o as ne,s as t,t as W,u as U,v as a,w as ae,x as ce,z as re}from"./chunk-NWDNQ3TV.js";ne({en:{"lic.title":"Licenses","lic.none":"This organization has no licenses yet.","lic.grant":"Grant licenses","lic.grantTitle":"Grant licenses","lic.product":"Product","lic.plan":"Plan","lic.seats":"Seats","lic.unit":"Counted per","lic.unit.user":"Person","lic.unit.device":"Device","lic.state":"State","lic.state.trial":"Trial","lic.state.active":"Active","lic.state.expired":"Expired","lic.state.cancelled":"Cancelled","lic.ends":"Ends on","lic.endsHint":"Leave empty for a year from today.","lic.auto":"Give a free seat automatically to new members","lic.term":(e,i)=>`Until ${e} (${i===1?"1 day":`${a(i)} days`} left)`,"lic.termOver":e=>`Ended on ${e}`,"lic.usage":(e,i,c)=>`${a(e)} of ${a(i)} used, ${a(c)} free`,"lic.list":"License pools","lic.open":e=>`Open ${e}`,"lic.holders":"Holders","lic.search":"Search holders by name or email","lic.noHolders":"Nobody holds a seat of this pool.","lic.person":"Person","lic.email":"Email","lic.since":"Since","lic.assign":"Assign a seat","lic.assignSearch":"Find a member by name or email","lic.assignTo":e=>`Assign to ${e}`,"lic.assigned":e=>`${e} now holds a seat.`,"lic.select":e=>`Select ${e}`,"lic.selectPage":"Select every holder shown","lic.removeSelected":e=>`Take back ${a(e)} seat${e===1?"":"s"}`,"lic.removeTitle":e=>`Take back ${a(e)} seat${e===1?"":"s"}?`,"lic.removeBody":"They can no longer use the product with this license; each is told by email. Their accounts stay.","lic.results":(e,i)=>`${a(e)} taken back, ${a(i)} not.`,"lic.result.removed":"Taken back","lic.move":"Move","lic.moveTitle":e=>`Move ${e}\u2019s seat`,"lic.moveBody":"The seat goes to the member you choose, who must not hold one of this pool. Both are told by email.","lic.moveTo":e=>`Move to ${e}`,"lic.moved":(e,i)=>`The seat of ${e} is now ${i}\u2019s.`,"lic.change":"Change the pool","lic.changed":"The pool is changed.","lic.back":"All licenses","lic.waiting":"Waiting list","lic.waitingNone":"Nobody is waiting for a seat.","lic.waitingHelp":"People who joined when no seat was free. Each gets the next seat that frees up, in this order.","lic.joined":"Waiting since","lic.takeOff":e=>`Take ${e} off the list`,"lic.takenOff":e=>`${e} no longer waits.`,"lic.waitingCount":e=>`${a(e)} waiting`,"lic.reduce":"If fewer seats than are in use: take seats back from the newest holders (they are told and wait for the next seat)","lic.reduced":e=>`The pool is changed; ${a(e)} ${e===1?"person":"people"} lost a seat and wait for the next.`,"error.seat_limit_reached":"Every seat of this pool is in use: take one back first, or ask for more.","error.already_assigned":"This person holds a seat of this pool already.","error.license_inactive":"This pool has ended or was cancelled: it gives and moves no seat.","error.seats_in_use":"More seats are in use than that: take seats back first."},fr:{"lic.title":"Licences","lic.none":"Cette organisation n\u2019a pas encore de licences.","lic.grant":"Attribuer des licences","lic.grantTitle":"Attribuer des licences","lic.product":"Produit","lic.plan":"Offre","lic.seats":"Si\xE8ges","lic.unit":"Compt\xE9 par","lic.unit.user":"Personne","lic.unit.device":"Appareil","lic.state":"\xC9tat","lic.state.trial":"Essai","lic.state.active":"Active","lic.state.expired":"Expir\xE9e","lic.state.cancelled":"Annul\xE9e","lic.ends":"Fin le","lic.endsHint":"Laisser vide pour un an \xE0 partir d\u2019aujourd\u2019hui.","lic.auto":"Donner automatiquement un si\xE8ge libre aux nouveaux membres","lic.term":(e,i)=>`Jusqu\u2019au ${e} (${i<=1?`${i} jour`:`${a(i)} jours`} restants)`,"lic.termOver":e=>`Termin\xE9e le ${e}`,"lic.usage":(e,i,c)=>`${a(e)} sur ${a(i)} utilis\xE9s, ${a(c)} libres`,"lic.list":"Lots de licences","lic.open":e=>`Ouvrir ${e}`,"lic.holders":"Titulaires","lic.search":"Rechercher un titulaire par nom ou e-mail","lic.noHolders":"Personne n\u2019a de si\xE8ge de ce lot.","lic.person":"Personne","lic.email":"E-mail","lic.since":"Depuis","lic.assign":"Attribuer un si\xE8ge","lic.assignSearch":"Trouver un membre par nom ou e-mail","lic.assignTo":e=>`Attribuer \xE0 ${e}`,"lic.assigned":e=>`${e} a maintenant un si\xE8ge.`,"lic.select":e=>`S\xE9lectionner ${e}`,"lic.selectPage":"S\xE9lectionner tous les titulaires affich\xE9s","lic.removeSelected":e=>`Reprendre ${a(e)} si\xE8ge${e>1?"s":""}`,"lic.removeTitle":e=>`Reprendre ${a(e)} si\xE8ge${e>1?"s":""} ?`,"lic.removeBody":"Ils ne peuvent plus utiliser le produit avec cette licence ; chacun est pr\xE9venu par e-mail. Leurs comptes restent.","lic.results":(e,i)=>`${a(e)} repris, ${a(i)} non.`,"lic.result.removed":"Repris","lic.move":"D\xE9placer","lic.moveTitle":e=>`D\xE9placer le si\xE8ge de ${e}`,"lic.moveBody":"Le si\xE8ge va au membre choisi, qui ne doit pas en avoir un de ce lot. Les deux sont pr\xE9venus par e-mail.","lic.moveTo":e=>`D\xE9placer vers ${e}`,"lic.moved":(e,i)=>`Le si\xE8ge de ${e} est maintenant \xE0 ${i}.`,"lic.change":"Modifier le lot","lic.changed":"Le lot est modifi\xE9.","lic.back":"Toutes les licences","lic.waiting":"Liste d\u2019attente","lic.waitingNone":"Personne n\u2019attend de si\xE8ge.","lic.waitingHelp":"Les personnes arriv\xE9es quand aucun si\xE8ge n\u2019\xE9tait libre. Chacune re\xE7oit le prochain si\xE8ge lib\xE9r\xE9, dans cet ordre.","lic.joined":"En attente depuis","lic.takeOff":e=>`Retirer ${e} de la liste`,"lic.takenOff":e=>`${e} n\u2019attend plus.`,"lic.waitingCount":e=>`${a(e)} en attente`,"lic.reduce":"S\u2019il y a moins de si\xE8ges que d\u2019utilis\xE9s : reprendre les si\xE8ges des titulaires les plus r\xE9cents (ils sont pr\xE9venus et attendent le prochain si\xE8ge)","lic.reduced":e=>`Le lot est modifi\xE9 ; ${a(e)} personne${e>1?"s ont":" a"} perdu un si\xE8ge et attend${e>1?"ent":""} le prochain.`,"error.seat_limit_reached":"Tous les si\xE8ges de ce lot sont utilis\xE9s : reprenez-en un, ou demandez-en plus.","error.already_assigned":"Cette personne a d\xE9j\xE0 un si\xE8ge de ce lot.","error.license_inactive":"Ce lot est termin\xE9 ou annul\xE9 : il ne donne ni ne d\xE9place aucun si\xE8ge.","error.seats_in_use":"Plus de si\xE8ges sont utilis\xE9s : reprenez d\u2019abord des si\xE8ges."},de:{"lic.title":"Lizenzen","lic.none":"Diese Organisation hat noch keine Lizenzen.","lic.grant":"Lizenzen vergeben","lic.grantTitle":"Lizenzen vergeben","lic.product":"Produkt","lic.plan":"Tarif","lic.seats":"Pl\xE4tze","lic.unit":"Gez\xE4hlt pro","lic.unit.user":"Person","lic.unit.device":"Ger\xE4t","lic.state":"Status","lic.state.trial":"Test","lic.state.active":"Aktiv","lic.state.expired":"Abgelaufen","lic.state.cancelled":"Gek\xFCndigt","lic.ends":"Endet am","lic.endsHint":"Leer lassen f\xFCr ein Jahr ab heute.","lic.auto":"Neuen Mitgliedern automatisch einen freien Platz geben","lic.term":(e,i)=>`Bis ${e} (noch ${i===1?"1 Tag":`${a(i)} Tage`})`,"lic.termOver":e=>`Beendet am ${e}`,"lic.usage":(e,i,c)=>`${a(e)} von ${a(i)} belegt, ${a(c)} frei`,"lic.list":"Lizenzpakete","lic.open":e=>`${e} \xF6ffnen`,"lic.holders":"Inhaber","lic.search":"Inhaber nach Name oder E-Mail suchen","lic.noHolders":"Niemand hat einen Platz dieses Pakets.","lic.person":"Person","lic.email":"E-Mail","lic.since":"Seit","lic.assign":"Platz zuweisen","lic.assignSearch":"Mitglied nach Name oder E-Mail finden","lic.assignTo":e=>`${e} zuweisen`,"lic.assigned":e=>`${e} hat jetzt einen Platz.`,"lic.select":e=>`${e} ausw\xE4hlen`,"lic.selectPage":"Alle angezeigten Inhaber ausw\xE4hlen","lic.removeSelected":e=>`${a(e)} Platz${e===1?"":"e"} entziehen`,"lic.removeTitle":e=>`${a(e)} Platz${e===1?"":"e"} entziehen?`,"lic.removeBody":"Sie k\xF6nnen das Produkt mit dieser Lizenz nicht mehr nutzen; jeder wird per E-Mail informiert. Ihre Konten bleiben.","lic.results":(e,i)=>`${a(e)} entzogen, ${a(i)} nicht.`,"lic.result.removed":"Entzogen","lic.move":"Verschieben","lic.moveTitle":e=>`Platz von ${e} verschieben`,"lic.moveBody":"Der Platz geht an das gew\xE4hlte Mitglied, das keinen Platz dieses Pakets haben darf. Beide werden per E-Mail informiert.","lic.moveTo":e=>`Zu ${e} verschieben`,"lic.moved":(e,i)=>`Der Platz von ${e} geh\xF6rt jetzt ${i}.`,"lic.change":"Paket \xE4ndern","lic.changed":"Das Paket ist ge\xE4ndert.","lic.back":"Alle Lizenzen","lic.waiting":"Warteliste","lic.waitingNone":"Niemand wartet auf einen Platz.","lic.waitingHelp":"Personen, die kamen, als kein Platz frei war. Jede erh\xE4lt in dieser Reihenfolge den n\xE4chsten frei werdenden Platz.","lic.joined":"Wartet seit","lic.takeOff":e=>`${e} von der Liste nehmen`,"lic.takenOff":e=>`${e} wartet nicht mehr.`,"lic.waitingCount":e=>`${a(e)} wartend`,"lic.reduce":"Bei weniger Pl\xE4tzen als belegt: den neuesten Inhabern Pl\xE4tze entziehen (sie werden informiert und warten auf den n\xE4chsten Platz)","lic.reduced":e=>`Das Paket ist ge\xE4ndert; ${a(e)} ${e===1?"Person hat":"Personen haben"} einen Platz verloren und warten auf den n\xE4chsten.`,"error.seat_limit_reached":"Alle Pl\xE4tze dieses Pakets sind belegt: entziehen Sie zuerst einen oder fragen Sie nach mehr.","error.already_assigned":"Diese Person hat bereits einen Platz dieses Pakets.","error.license_inactive":"Dieses Paket ist beendet oder gek\xFCndigt: es vergibt und verschiebt keine Pl\xE4tze.","error.seats_in_use":"Es sind mehr Pl\xE4tze belegt: entziehen Sie zuerst Pl\xE4tze."}});var ye=["trial","active","cancelled"];function ue({pool:e}){return e.days_left>0?t("lic.term",W(e.ends_at),e.days_left):t("lic.termOver",W(e.ends_at))}function me({pool:e}){let i=t("lic.usage",e.used+e.reserved,e.seats,e.free);return n`<div class="usage">
		<progress max=${Math.max(e.seats,1)} value=${e.used+e.reserved} aria-label=${i}></progress>
		<span>${i}</span>
		${e.waiting>0&&n`<span class="muted small">${t("lic.waitingCount",e.waiting)}</span>`}
	</div>`}function Ee({me:e,org:i}){let c=V(()=>S(k(i.id,"/licenses")).then(l=>l.items),[i.id]);return n`
		<${x} title=${t("lic.title")}>
			${e.is_operator&&n`<${E} class="button" href=${`/orgs/${i.id}/licenses/new`}>${t("lic.grant")}<//>`}
		<//>
		<${y} error=${c.error} />
		${c.loading&&!c.data&&n`<${B} />`}
		${c.data&&!c.data.length&&n`<p>${t("lic.none")}</p>`}
		${c.data&&c.data.length>0&&n`<${Z} label=${t("lic.list")}>
			<table>
				<thead>
					<tr>
						<th scope="col">${t("lic.product")}</th>
						<th scope="col">${t("lic.state")}</th>
						<th scope="col">${t("lic.seats")}</th>
						<th scope="col">${t("lic.ends")}</th>
					</tr>
				</thead>
				<tbody>
					${c.data.map(l=>n`<tr key=${l.id}>
							<td>
								<${E} href=${`/orgs/${i.id}/licenses/${l.id}`}>${l.product}<//>
								${l.plan&&n`<div class="muted">${l.plan}</div>`}
								<div class="muted small">${t("lic.unit")}: ${t(`lic.unit.${l.unit}`)}</div>
							</td>
							<td>${t(`lic.state.${l.state}`)}</td>
							<td><${me} pool=${l} /></td>
							<td><${ue} pool=${l} /></td>
						</tr>`)}
				</tbody>
			</table>
		<//>`}`}var he=e=>e?`${e}T23:59:59Z`:void 0;function xe({org:e}){let i=F({product:"",plan:"",seats:"10",unit:"user",state:"active",ends_at:"",auto_assign:!1});async function c(l){l.preventDefault(),await i.submit(async $=>{let u={product:$.product,seats:Number($.seats),unit:$.unit,state:$.state,auto_assign:$.auto_assign};if($.plan&&(u.plan=$.plan),$.ends_at&&(u.ends_at=he($.ends_at)),!/^\d+$/.test($.seats)){i.setErrors({seats:t("error.invalid")});return}let d=await C(k(e.id,"/licenses"),u);ce(`/orgs/${e.id}/licenses/${d.id}`)})}return n`
		<${x} title=${t("lic.grantTitle")} />
		<form class="card form" onSubmit=${c} novalidate>
			<${z} label=${t("lic.product")} required autocomplete="off" ...${i.bind("product")} />
			<${z} label=${t("lic.plan")} optional autocomplete="off" ...${i.bind("plan")} />
			<${z} label=${t("lic.seats")} type="number" min="0" max="1000000" required ...${i.bind("seats")} />
			<${M}
				label=${t("lic.unit")}
				options=${["user","device"].map(l=>({value:l,label:t(`lic.unit.${l}`)}))}
				...${i.bind("unit")}
			/>
			<${M}
				label=${t("lic.state")}
				options=${["active","trial"].map(l=>({value:l,label:t(`lic.state.${l}`)}))}
				...${i.bind("state")}
			/>
			<${z} label=${t("lic.ends")} type="date" hint=${t("lic.endsHint")} ...${i.bind("ends_at")} />
			<${A} label=${t("lic.auto")} name="auto_assign" checked=${i.values.auto_assign} onValue=${l=>i.set("auto_assign",l)} />
			<${y} error=${i.error} />
			<div class="actions">
				<${E} class="button secondary" href=${`/orgs/${e.id}/licenses`}>${t("app.cancel")}<//>
				<button type="submit" disabled=${i.busy}>${t("lic.grant")}</button>
			</div>
		</form>`}function ke({org:e,pool:i,onChanged:c}){let l=F({seats:String(i.seats),state:i.state==="expired"?"active":i.state,auto_assign:i.auto_assign,ends_at:i.ends_at.slice(0,10),reduce:!1}),[$,u]=f("");async function d(r){r.preventDefault(),u(""),await l.submit(async g=>{let o={seats:Number(g.seats),state:g.state,auto_assign:g.auto_assign,ends_at:g.ends_at===i.ends_at.slice(0,10)?i.ends_at:he(g.ends_at)};g.reduce&&(o.reduce="newest_first");let b=await le(k(e.id,`/licenses/${i.id}`),o);c(b),u(b.taken_back.length?t("lic.reduced",b.taken_back.length):t("lic.changed"))})}return n`<form class="card form" onSubmit=${d} aria-labelledby="change-title" novalidate>
		<h2 id="change-title">${t("lic.change")}</h2>
		<${z} label=${t("lic.seats")} type="number" min="0" max="1000000" ...${l.bind("seats")} />
		<${M} label=${t("lic.state")} options=${ye.map(r=>({value:r,label:t(`lic.state.${r}`)}))} ...${l.bind("state")} />
		<${z} label=${t("lic.ends")} type="date" ...${l.bind("ends_at")} />
		<${A} label=${t("lic.auto")} name="auto_assign" checked=${l.values.auto_assign} onValue=${r=>l.set("auto_assign",r)} />
		<${A} label=${t("lic.reduce")} name="reduce" checked=${l.values.reduce} onValue=${r=>l.set("reduce",r)} />
		<${y} error=${l.error} />
		${$&&n`<${N}>${$}<//>`}
		<div class="actions"><button type="submit" disabled=${l.busy}>${t("app.save")}</button></div>
	</form>`}function $e({org:e,label:i,actionLabel:c,onPick:l,busy:$}){let[u,d]=f(""),r=D(()=>u?S(k(e.id,"/members"),{q:u,limit:8}):Promise.resolve({items:[],next_cursor:null}),[e.id,u]),g=O(r,[r]);return n`<div class="picker">
		<${J} label=${i} value=${u} onSearch=${d} />
		<${y} error=${g.error} />
		<ul class="picks">
			${g.items.map(o=>n`<li key=${o.id}>
					<span>${v(o)?n`${v(o)} <span class="muted">${o.email}</span>`:o.email}</span>
					<button type="button" class="secondary" disabled=${$} onClick=${()=>l(o)}>
						${c(v(o)||o.email)}
					</button>
				</li>`)}
		</ul>
	</div>`}function _e({org:e,pool:i,writable:c,version:l,onChange:$}){let u=k(e.id,`/licenses/${i.id}/waiting`),d=D(m=>S(u,{cursor:m,limit:50}),[u,l]),r=O(d,[d]),[g,o]=f(null),[b,_]=f("");async function L(m){o(null);try{await se("DELETE",`${u}/${encodeURIComponent(m.holder_id)}`),_(t("lic.takenOff",v(m)||m.email)),$()}catch(T){o(T)}}return n`<section class="card" aria-labelledby="waiting-title">
		<h2 id="waiting-title">${t("lic.waiting")}</h2>
		<p class="hint">${t("lic.waitingHelp")}</p>
		${b&&n`<${N}>${b}<//>`}
		<${y} error=${g||r.error} />
		${!r.loading&&!r.error&&!r.items.length&&n`<p>${t("lic.waitingNone")}</p>`}
		${r.items.length>0&&n`<ol class="waiting">
			${r.items.map(m=>n`<li key=${m.holder_id}>
					<span>${v(m)||m.email} <span class="muted">${t("lic.joined")} ${U(m.joined_at)}</span></span>
					${c&&n`<button type="button" class="secondary" onClick=${()=>L(m)}>${t("lic.takeOff",v(m)||m.email)}</button>`}
				</li>`)}
		</ol>`}
		<${Q} list=${r} />
	</section>`}function Pe(e){return e==="removed"?t("lic.result.removed"):ae({code:e})}function De({me:e,org:i,params:c}){let l=V(()=>S(k(i.id,`/licenses/${encodeURIComponent(c.lic)}`)),[i.id,c.lic]),$=re("q"),u=D(s=>S(k(i.id,`/licenses/${encodeURIComponent(c.lic)}/seats`),{q:$,cursor:s,limit:50}),[i.id,c.lic,$]),d=O(u,[u]),[r,g]=f(new Map),[o,b]=f(null),[_,L]=f(null),[m,T]=f(!1),[K,j]=f(null),[X,Y]=f(""),[pe,ee]=f(0),P=de(i,"licenses:assign"),p=l.data;if(l.error)return n`<${x} title=${t("lic.title")} /><${y} error=${l.error} />`;if(!p)return n`<${B} />`;let q=k(i.id,`/licenses/${p.id}/seats`),I=()=>{l.reload(),d.reload(),ee(s=>s+1)};async function te(s,h){T(!0),j(null),Y("");try{await s(),Y(h),I()}catch(w){j(w)}finally{T(!1)}}let ge=s=>te(()=>C(q,{user_id:s.id}),t("lic.assigned",v(s)||s.email)),be=s=>te(async()=>{await C(`${q}/move`,{from:_.user_id,to:s.id}),L(null)},t("lic.moved",_.email,s.email));async function fe(){let s=[...r.values()];T(!0);try{let h=await C(`${q}/remove`,{ids:s.map(w=>w.holder_id)});b({people:s,results:h.items}),g(new Map),I()}catch(h){b(null),j(h)}finally{T(!1)}}let ie=(s,h)=>g(w=>{let G=new Map(w);return h?G.set(s.holder_id,s):G.delete(s.holder_id),G}),ve=d.items.length>0&&d.items.every(s=>r.has(s.holder_id)),R=p.state!=="expired"&&p.state!=="cancelled";return n`
		<${x} title=${p.plan?`${p.product} \xB7 ${p.plan}`:p.product}>
			<${E} class="button secondary" href=${`/orgs/${i.id}/licenses`}>${t("lic.back")}<//>
		<//>
		<section class="card" aria-label=${t("lic.seats")}>
			<p><strong>${t(`lic.state.${p.state}`)}</strong> · ${t("lic.unit")}: ${t(`lic.unit.${p.unit}`)} · <${ue} pool=${p} /></p>
			<${me} pool=${p} />
		</section>
		${X&&n`<${N}>${X}<//>`}
		<${y} error=${K} />
		${P&&R&&p.unit==="user"&&n`<section class="card" aria-labelledby="assign-title">
			<h2 id="assign-title">${t("lic.assign")}</h2>
			<${$e} org=${i} label=${t("lic.assignSearch")} actionLabel=${s=>t("lic.assignTo",s)} onPick=${ge} busy=${m} />
		</section>`}
		<h2>${t("lic.holders")}</h2>
		<div class="filters">
			<${J} label=${t("lic.search")} value=${$} onSearch=${s=>oe({q:s})} />
		</div>
		${P&&r.size>0&&n`<div class="bulk">
			<button type="button" class="danger" onClick=${()=>b({people:[...r.values()]})}>
				${t("lic.removeSelected",r.size)}
			</button>
		</div>`}
		<${y} error=${d.error} />
		<${Z} label=${t("lic.holders")}>
			<table>
				<thead>
					<tr>
						${P&&n`<th scope="col" class="pick">
							<input
								type="checkbox"
								aria-label=${t("lic.selectPage")}
								checked=${ve}
								onChange=${s=>d.items.forEach(h=>ie(h,s.currentTarget.checked))}
							/>
						</th>`}
						<th scope="col">${t("lic.person")}</th>
						<th scope="col">${t("lic.email")}</th>
						<th scope="col">${t("lic.since")}</th>
						${P&&R&&n`<th scope="col"><span class="visually-hidden">${t("lic.move")}</span></th>`}
					</tr>
				</thead>
				<tbody>
					${d.items.map(s=>n`<tr key=${s.holder_id}>
							${P&&n`<td class="pick">
								<input
									type="checkbox"
									aria-label=${t("lic.select",v(s)||s.email)}
									checked=${r.has(s.holder_id)}
									onChange=${h=>ie(s,h.currentTarget.checked)}
								/>
							</td>`}
							<td>${v(s)||s.email}</td>
							<td>${s.email}</td>
							<td>${U(s.assigned_at)}</td>
							${P&&R&&n`<td>
								<button type="button" class="secondary" onClick=${()=>L(s)} aria-label=${t("lic.moveTitle",v(s)||s.email)}>
									${t("lic.move")}
								</button>
							</td>`}
						</tr>`)}
				</tbody>
			</table>
		<//>
		${d.loading&&!d.items.length&&n`<${B} />`}
		${!d.loading&&!d.error&&!d.items.length&&n`<p>${t("lic.noHolders")}</p>`}
		<${Q} list=${d} />
		<${_e} org=${i} pool=${p} writable=${P} version=${pe} onChange=${I} />
		${e.is_operator&&n`<${ke}
			org=${i}
			pool=${p}
			onChanged=${s=>{l.setData(s),d.reload(),ee(h=>h+1)}}
		/>`}
		${o&&!o.results&&n`<${H}
			title=${t("lic.removeTitle",o.people.length)}
			confirmLabel=${t("lic.removeSelected",o.people.length)}
			busy=${m}
			onConfirm=${fe}
			onClose=${()=>b(null)}
		>
			<p>${t("lic.removeBody")}</p>
			<ul class="names">${o.people.map(s=>n`<li>${s.email}</li>`)}</ul>
		<//>`}
		${o&&o.results&&n`<${H}
			title=${t("lic.results",o.results.filter(s=>s.result==="removed").length,o.results.filter(s=>s.result!=="removed").length)}
			confirmLabel=${t("app.close")}
			danger=${!1}
			onConfirm=${()=>b(null)}
			onClose=${()=>b(null)}
		>
			<ul class="results">
				${o.results.map(s=>{let h=o.people.find(w=>w.holder_id===s.id);return n`<li class=${s.result==="removed"?"ok":"refused"}>
						<strong>${h?h.email:s.id}</strong>: ${Pe(s.result)}
					</li>`})}
			</ul>
		<//>`}
		${_&&n`<${H}
			title=${t("lic.moveTitle",v(_)||_.email)}
			onClose=${()=>L(null)}
		>
			<p>${t("lic.moveBody")}</p>
			<${y} error=${K} />
			<${$e} org=${i} label=${t("lic.assignSearch")} actionLabel=${s=>t("lic.moveTo",s)} onPick=${be} busy=${m} />
		<//>`}`}export{xe as GrantLicense,De as LicenseDetail,Ee as Licenses};
