import{b as ie,e as te}from"./chunk-XE7QFICB.js";import{f as pe}from"./chunk-MYTJS6DR.js";import{B as he,C as me,E as A,G as n,H as K,I as Q,J as S,L as G,M as j,N as y,O as I,P as R,Q as M,R as X,S as W,T as Y,U as ee,V as F,Y as N,c as f,f as O,h as re,i as x,j as L,k as oe,o as _,p as de,u as i,v as J,w as Z,x as l,y as ue,z as $e}from"./chunk-A7NAGZSC.js";de({en:{"lic.title":"Licenses","lic.none":"This organization has no licenses yet.","lic.grant":"Grant licenses","lic.grantTitle":"Grant licenses","lic.product":"Product","lic.plan":"Plan","lic.seats":"Seats","lic.unit":"Counted per","lic.unit.user":"Person","lic.unit.device":"Device","lic.state":"State","lic.state.trial":"Trial","lic.state.active":"Active","lic.state.expired":"Expired","lic.state.cancelled":"Cancelled","lic.ends":"Ends on","lic.endsHint":"Leave empty for a year from today.","lic.auto":"Give a free seat automatically to new members","lic.term":(e,t)=>`Until ${e} (${t===1?"1 day":`${l(t)} days`} left)`,"lic.termOver":e=>`Ended on ${e}`,"lic.usage":(e,t,c)=>`${l(e)} of ${l(t)} used, ${l(c)} free`,"lic.list":"License pools","lic.open":e=>`Open ${e}`,"lic.holders":"Holders","lic.search":"Search holders by name or email","lic.noHolders":"Nobody holds a seat of this pool.","lic.person":"Person","lic.email":"Email","lic.since":"Since","lic.assign":"Assign a seat","lic.assignSearch":"Find a member by name or email","lic.assignTo":e=>`Assign to ${e}`,"lic.assigned":e=>`${e} now holds a seat.`,"lic.select":e=>`Select ${e}`,"lic.selectPage":"Select every holder shown","lic.removeSelected":e=>`Take back ${l(e)} seat${e===1?"":"s"}`,"lic.removeTitle":e=>`Take back ${l(e)} seat${e===1?"":"s"}?`,"lic.removeBody":"They can no longer use the product with this license; each is told by email. Their accounts stay.","lic.results":(e,t)=>`${l(e)} taken back, ${l(t)} not.`,"lic.result.removed":"Taken back","lic.move":"Move","lic.moveTitle":e=>`Move ${e}\u2019s seat`,"lic.moveBody":"The seat goes to the member you choose, who must not hold one of this pool. Both are told by email.","lic.moveTo":e=>`Move to ${e}`,"lic.moved":(e,t)=>`The seat of ${e} is now ${t}\u2019s.`,"lic.change":"Change the pool","lic.changed":"The pool is changed.","lic.back":"All licenses","lic.waiting":"Waiting list","lic.waitingNone":"Nobody is waiting for a seat.","lic.waitingHelp":"People who joined when no seat was free. Each gets the next seat that frees up, in this order.","lic.joined":"Waiting since","lic.takeOff":e=>`Take ${e} off the list`,"lic.takenOff":e=>`${e} no longer waits.`,"lic.waitingCount":e=>`${l(e)} waiting`,"lic.reduce":"If fewer seats than are in use: take seats back from the newest holders (they are told and wait for the next seat)","lic.reduced":e=>`The pool is changed; ${l(e)} ${e===1?"person":"people"} lost a seat and wait for the next.`,"lic.device":"Device code","lic.deviceName":"Name","lic.searchDevices":"Search holders by device code, name or email","lic.noDevices":"No device holds a seat of this pool.","lic.assignDevice":"Find a device by code, name or email","lic.assignDeviceTo":e=>`Assign to ${e}`,"lic.removeDevicesBody":"These devices lose this license the next time they check; a certificate they hold already stays valid until it expires. The devices stay.","lic.moveDeviceBody":"The seat goes to the device you choose, which must not hold one of this pool.","lic.moveDeviceTo":e=>`Move to ${e}`,"lic.waitingDevicesHelp":"Devices that signed in when no seat was free. Each gets the next seat that frees up, in this order.","lic.waitingDevicesNone":"No device is waiting for a seat.","error.seat_limit_reached":"Every seat of this pool is in use: take one back first, or ask for more.","error.already_assigned":"This person holds a seat of this pool already.","error.license_inactive":"This pool has ended or was cancelled: it gives and moves no seat.","error.seats_in_use":"More seats are in use than that: take seats back first."},fr:{"lic.title":"Licences","lic.none":"Cette organisation n\u2019a pas encore de licences.","lic.grant":"Attribuer des licences","lic.grantTitle":"Attribuer des licences","lic.product":"Produit","lic.plan":"Offre","lic.seats":"Si\xE8ges","lic.unit":"Compt\xE9 par","lic.unit.user":"Personne","lic.unit.device":"Appareil","lic.state":"\xC9tat","lic.state.trial":"Essai","lic.state.active":"Active","lic.state.expired":"Expir\xE9e","lic.state.cancelled":"Annul\xE9e","lic.ends":"Fin le","lic.endsHint":"Laisser vide pour un an \xE0 partir d\u2019aujourd\u2019hui.","lic.auto":"Donner automatiquement un si\xE8ge libre aux nouveaux membres","lic.term":(e,t)=>`Jusqu\u2019au ${e} (${t<=1?`${t} jour`:`${l(t)} jours`} restants)`,"lic.termOver":e=>`Termin\xE9e le ${e}`,"lic.usage":(e,t,c)=>`${l(e)} sur ${l(t)} utilis\xE9s, ${l(c)} libres`,"lic.list":"Lots de licences","lic.open":e=>`Ouvrir ${e}`,"lic.holders":"Titulaires","lic.search":"Rechercher un titulaire par nom ou e-mail","lic.noHolders":"Personne n\u2019a de si\xE8ge de ce lot.","lic.person":"Personne","lic.email":"E-mail","lic.since":"Depuis","lic.assign":"Attribuer un si\xE8ge","lic.assignSearch":"Trouver un membre par nom ou e-mail","lic.assignTo":e=>`Attribuer \xE0 ${e}`,"lic.assigned":e=>`${e} a maintenant un si\xE8ge.`,"lic.select":e=>`S\xE9lectionner ${e}`,"lic.selectPage":"S\xE9lectionner tous les titulaires affich\xE9s","lic.removeSelected":e=>`Reprendre ${l(e)} si\xE8ge${e>1?"s":""}`,"lic.removeTitle":e=>`Reprendre ${l(e)} si\xE8ge${e>1?"s":""} ?`,"lic.removeBody":"Ils ne peuvent plus utiliser le produit avec cette licence ; chacun est pr\xE9venu par e-mail. Leurs comptes restent.","lic.results":(e,t)=>`${l(e)} repris, ${l(t)} non.`,"lic.result.removed":"Repris","lic.move":"D\xE9placer","lic.moveTitle":e=>`D\xE9placer le si\xE8ge de ${e}`,"lic.moveBody":"Le si\xE8ge va au membre choisi, qui ne doit pas en avoir un de ce lot. Les deux sont pr\xE9venus par e-mail.","lic.moveTo":e=>`D\xE9placer vers ${e}`,"lic.moved":(e,t)=>`Le si\xE8ge de ${e} est maintenant \xE0 ${t}.`,"lic.change":"Modifier le lot","lic.changed":"Le lot est modifi\xE9.","lic.back":"Toutes les licences","lic.waiting":"Liste d\u2019attente","lic.waitingNone":"Personne n\u2019attend de si\xE8ge.","lic.waitingHelp":"Les personnes arriv\xE9es quand aucun si\xE8ge n\u2019\xE9tait libre. Chacune re\xE7oit le prochain si\xE8ge lib\xE9r\xE9, dans cet ordre.","lic.joined":"En attente depuis","lic.takeOff":e=>`Retirer ${e} de la liste`,"lic.takenOff":e=>`${e} n\u2019attend plus.`,"lic.waitingCount":e=>`${l(e)} en attente`,"lic.reduce":"S\u2019il y a moins de si\xE8ges que d\u2019utilis\xE9s : reprendre les si\xE8ges des titulaires les plus r\xE9cents (ils sont pr\xE9venus et attendent le prochain si\xE8ge)","lic.reduced":e=>`Le lot est modifi\xE9 ; ${l(e)} personne${e>1?"s ont":" a"} perdu un si\xE8ge et attend${e>1?"ent":""} le prochain.`,"lic.device":"Code d\u2019appareil","lic.deviceName":"Nom","lic.searchDevices":"Rechercher un titulaire par code d\u2019appareil, nom ou e-mail","lic.noDevices":"Aucun appareil n\u2019a de si\xE8ge de ce lot.","lic.assignDevice":"Trouver un appareil par code, nom ou e-mail","lic.assignDeviceTo":e=>`Attribuer \xE0 ${e}`,"lic.removeDevicesBody":"Ces appareils perdent cette licence \xE0 leur prochaine v\xE9rification ; un certificat qu\u2019ils d\xE9tiennent d\xE9j\xE0 reste valable jusqu\u2019\xE0 son expiration. Les appareils restent.","lic.moveDeviceBody":"Le si\xE8ge va \xE0 l\u2019appareil choisi, qui ne doit pas en avoir un de ce lot.","lic.moveDeviceTo":e=>`D\xE9placer vers ${e}`,"lic.waitingDevicesHelp":"Les appareils connect\xE9s quand aucun si\xE8ge n\u2019\xE9tait libre. Chacun re\xE7oit le prochain si\xE8ge lib\xE9r\xE9, dans cet ordre.","lic.waitingDevicesNone":"Aucun appareil n\u2019attend de si\xE8ge.","error.seat_limit_reached":"Tous les si\xE8ges de ce lot sont utilis\xE9s : reprenez-en un, ou demandez-en plus.","error.already_assigned":"Cette personne a d\xE9j\xE0 un si\xE8ge de ce lot.","error.license_inactive":"Ce lot est termin\xE9 ou annul\xE9 : il ne donne ni ne d\xE9place aucun si\xE8ge.","error.seats_in_use":"Plus de si\xE8ges sont utilis\xE9s : reprenez d\u2019abord des si\xE8ges."},de:{"lic.title":"Lizenzen","lic.none":"Diese Organisation hat noch keine Lizenzen.","lic.grant":"Lizenzen vergeben","lic.grantTitle":"Lizenzen vergeben","lic.product":"Produkt","lic.plan":"Tarif","lic.seats":"Pl\xE4tze","lic.unit":"Gez\xE4hlt pro","lic.unit.user":"Person","lic.unit.device":"Ger\xE4t","lic.state":"Status","lic.state.trial":"Test","lic.state.active":"Aktiv","lic.state.expired":"Abgelaufen","lic.state.cancelled":"Gek\xFCndigt","lic.ends":"Endet am","lic.endsHint":"Leer lassen f\xFCr ein Jahr ab heute.","lic.auto":"Neuen Mitgliedern automatisch einen freien Platz geben","lic.term":(e,t)=>`Bis ${e} (noch ${t===1?"1 Tag":`${l(t)} Tage`})`,"lic.termOver":e=>`Beendet am ${e}`,"lic.usage":(e,t,c)=>`${l(e)} von ${l(t)} belegt, ${l(c)} frei`,"lic.list":"Lizenzpakete","lic.open":e=>`${e} \xF6ffnen`,"lic.holders":"Inhaber","lic.search":"Inhaber nach Name oder E-Mail suchen","lic.noHolders":"Niemand hat einen Platz dieses Pakets.","lic.person":"Person","lic.email":"E-Mail","lic.since":"Seit","lic.assign":"Platz zuweisen","lic.assignSearch":"Mitglied nach Name oder E-Mail finden","lic.assignTo":e=>`${e} zuweisen`,"lic.assigned":e=>`${e} hat jetzt einen Platz.`,"lic.select":e=>`${e} ausw\xE4hlen`,"lic.selectPage":"Alle angezeigten Inhaber ausw\xE4hlen","lic.removeSelected":e=>`${l(e)} Platz${e===1?"":"e"} entziehen`,"lic.removeTitle":e=>`${l(e)} Platz${e===1?"":"e"} entziehen?`,"lic.removeBody":"Sie k\xF6nnen das Produkt mit dieser Lizenz nicht mehr nutzen; jeder wird per E-Mail informiert. Ihre Konten bleiben.","lic.results":(e,t)=>`${l(e)} entzogen, ${l(t)} nicht.`,"lic.result.removed":"Entzogen","lic.move":"Verschieben","lic.moveTitle":e=>`Platz von ${e} verschieben`,"lic.moveBody":"Der Platz geht an das gew\xE4hlte Mitglied, das keinen Platz dieses Pakets haben darf. Beide werden per E-Mail informiert.","lic.moveTo":e=>`Zu ${e} verschieben`,"lic.moved":(e,t)=>`Der Platz von ${e} geh\xF6rt jetzt ${t}.`,"lic.change":"Paket \xE4ndern","lic.changed":"Das Paket ist ge\xE4ndert.","lic.back":"Alle Lizenzen","lic.waiting":"Warteliste","lic.waitingNone":"Niemand wartet auf einen Platz.","lic.waitingHelp":"Personen, die kamen, als kein Platz frei war. Jede erh\xE4lt in dieser Reihenfolge den n\xE4chsten frei werdenden Platz.","lic.joined":"Wartet seit","lic.takeOff":e=>`${e} von der Liste nehmen`,"lic.takenOff":e=>`${e} wartet nicht mehr.`,"lic.waitingCount":e=>`${l(e)} wartend`,"lic.reduce":"Bei weniger Pl\xE4tzen als belegt: den neuesten Inhabern Pl\xE4tze entziehen (sie werden informiert und warten auf den n\xE4chsten Platz)","lic.reduced":e=>`Das Paket ist ge\xE4ndert; ${l(e)} ${e===1?"Person hat":"Personen haben"} einen Platz verloren und warten auf den n\xE4chsten.`,"lic.device":"Ger\xE4tecode","lic.deviceName":"Name","lic.searchDevices":"Inhaber nach Ger\xE4tecode, Name oder E-Mail suchen","lic.noDevices":"Kein Ger\xE4t hat einen Platz dieses Pakets.","lic.assignDevice":"Ger\xE4t nach Code, Name oder E-Mail finden","lic.assignDeviceTo":e=>`${e} zuweisen`,"lic.removeDevicesBody":"Diese Ger\xE4te verlieren diese Lizenz bei der n\xE4chsten Pr\xFCfung; ein Zertifikat, das sie schon haben, bleibt bis zu seinem Ablauf g\xFCltig. Die Ger\xE4te bleiben.","lic.moveDeviceBody":"Der Platz geht an das gew\xE4hlte Ger\xE4t, das keinen Platz dieses Pakets haben darf.","lic.moveDeviceTo":e=>`Zu ${e} verschieben`,"lic.waitingDevicesHelp":"Ger\xE4te, die sich anmeldeten, als kein Platz frei war. Jedes erh\xE4lt in dieser Reihenfolge den n\xE4chsten frei werdenden Platz.","lic.waitingDevicesNone":"Kein Ger\xE4t wartet auf einen Platz.","error.seat_limit_reached":"Alle Pl\xE4tze dieses Pakets sind belegt: entziehen Sie zuerst einen oder fragen Sie nach mehr.","error.already_assigned":"Diese Person hat bereits einen Platz dieses Pakets.","error.license_inactive":"Dieses Paket ist beendet oder gek\xFCndigt: es vergibt und verschiebt keine Pl\xE4tze.","error.seats_in_use":"Es sind mehr Pl\xE4tze belegt: entziehen Sie zuerst Pl\xE4tze."}});var Le=["trial","active","cancelled"];function ve({pool:e}){return e.days_left>0?i("lic.term",J(e.ends_at),e.days_left):i("lic.termOver",J(e.ends_at))}function be({pool:e}){let t=i("lic.usage",e.used+e.reserved,e.seats,e.free);return n`<div class="usage">
		<progress max=${Math.max(e.seats,1)} value=${e.used+e.reserved} aria-label=${t}></progress>
		<span>${t}</span>
		${e.waiting>0&&n`<span class="muted small">${i("lic.waitingCount",e.waiting)}</span>`}
	</div>`}function Oe({me:e,org:t}){let c=K(()=>x(_(t.id,"/licenses")).then(a=>a.items),[t.id]);return n`
		<${M} title=${i("lic.title")}>
			${e.is_operator&&n`<${A} class="button" href=${`/orgs/${t.id}/licenses/new`}>${i("lic.grant")}<//>`}
		<//>
		<${y} error=${c.error} />
		${c.loading&&!c.data&&n`<${R} />`}
		${c.data&&!c.data.length&&n`<p>${i("lic.none")}</p>`}
		${c.data&&c.data.length>0&&n`<${ee} label=${i("lic.list")}>
			<table>
				<thead>
					<tr>
						<th scope="col">${i("lic.product")}</th>
						<th scope="col">${i("lic.state")}</th>
						<th scope="col">${i("lic.seats")}</th>
						<th scope="col">${i("lic.ends")}</th>
					</tr>
				</thead>
				<tbody>
					${c.data.map(a=>n`<tr key=${a.id}>
							<td>
								<${A} href=${`/orgs/${t.id}/licenses/${a.id}`}>${a.product}<//>
								${a.plan&&n`<div class="muted">${a.plan}</div>`}
								<div class="muted small">${i("lic.unit")}: ${i(`lic.unit.${a.unit}`)}</div>
							</td>
							<td>${i(`lic.state.${a.state}`)}</td>
							<td><${be} pool=${a} /></td>
							<td><${ve} pool=${a} /></td>
						</tr>`)}
				</tbody>
			</table>
		<//>`}`}var fe=e=>e?`${e}T23:59:59Z`:void 0;function Ge({org:e}){let t=Q({product:"",plan:"",seats:"10",unit:"user",state:"active",ends_at:"",auto_assign:!1});async function c(a){a.preventDefault(),await t.submit(async u=>{let $={product:u.product,seats:Number(u.seats),unit:u.unit,state:u.state,auto_assign:u.auto_assign};if(u.plan&&($.plan=u.plan),u.ends_at&&($.ends_at=fe(u.ends_at)),!/^\d+$/.test(u.seats)){t.setErrors({seats:i("error.invalid")});return}let d=await L(_(e.id,"/licenses"),$);$e(`/orgs/${e.id}/licenses/${d.id}`)})}return n`
		<${M} title=${i("lic.grantTitle")} />
		<form class="card form" onSubmit=${c} novalidate>
			<${S} label=${i("lic.product")} required autocomplete="off" ...${t.bind("product")} />
			<${S} label=${i("lic.plan")} optional autocomplete="off" ...${t.bind("plan")} />
			<${S} label=${i("lic.seats")} type="number" min="0" max="1000000" required ...${t.bind("seats")} />
			<${G}
				label=${i("lic.unit")}
				options=${["user","device"].map(a=>({value:a,label:i(`lic.unit.${a}`)}))}
				...${t.bind("unit")}
			/>
			<${G}
				label=${i("lic.state")}
				options=${["active","trial"].map(a=>({value:a,label:i(`lic.state.${a}`)}))}
				...${t.bind("state")}
			/>
			<${S} label=${i("lic.ends")} type="date" hint=${i("lic.endsHint")} ...${t.bind("ends_at")} />
			<${j} label=${i("lic.auto")} name="auto_assign" checked=${t.values.auto_assign} onValue=${a=>t.set("auto_assign",a)} />
			<${y} error=${t.error} />
			<div class="actions">
				<${A} class="button secondary" href=${`/orgs/${e.id}/licenses`}>${i("app.cancel")}<//>
				<button type="submit" disabled=${t.busy}>${i("lic.grant")}</button>
			</div>
		</form>`}function Se({org:e,pool:t,onChanged:c}){let a=Q({seats:String(t.seats),state:t.state==="expired"?"active":t.state,auto_assign:t.auto_assign,ends_at:t.ends_at.slice(0,10),reduce:!1}),[u,$]=f("");async function d(r){r.preventDefault(),$(""),await a.submit(async g=>{let o={seats:Number(g.seats),state:g.state,auto_assign:g.auto_assign,ends_at:g.ends_at===t.ends_at.slice(0,10)?t.ends_at:fe(g.ends_at)};g.reduce&&(o.reduce="newest_first");let v=await oe(_(e.id,`/licenses/${t.id}`),o);c(v),$(v.taken_back.length?i("lic.reduced",v.taken_back.length):i("lic.changed"))})}return n`<form class="card form" onSubmit=${d} aria-labelledby="change-title" novalidate>
		<h2 id="change-title">${i("lic.change")}</h2>
		<${S} label=${i("lic.seats")} type="number" min="0" max="1000000" ...${a.bind("seats")} />
		<${G} label=${i("lic.state")} options=${Le.map(r=>({value:r,label:i(`lic.state.${r}`)}))} ...${a.bind("state")} />
		<${S} label=${i("lic.ends")} type="date" ...${a.bind("ends_at")} />
		<${j} label=${i("lic.auto")} name="auto_assign" checked=${a.values.auto_assign} onValue=${r=>a.set("auto_assign",r)} />
		<${j} label=${i("lic.reduce")} name="reduce" checked=${a.values.reduce} onValue=${r=>a.set("reduce",r)} />
		<${y} error=${a.error} />
		${u&&n`<${I}>${u}<//>`}
		<div class="actions"><button type="submit" disabled=${a.busy}>${i("app.save")}</button></div>
	</form>`}function ge({org:e,label:t,actionLabel:c,onPick:a,busy:u}){let[$,d]=f(""),r=O(()=>$?x(_(e.id,"/members"),{q:$,limit:8}):Promise.resolve({items:[],next_cursor:null}),[e.id,$]),g=W(r,[r]);return n`<div class="picker">
		<${X} label=${t} value=${$} onSearch=${d} />
		<${y} error=${g.error} />
		<ul class="picks">
			${g.items.map(o=>n`<li key=${o.id}>
					<span>${N(o)?n`${N(o)} <span class="muted">${o.email}</span>`:o.email}</span>
					<button type="button" class="secondary" disabled=${u} onClick=${()=>a(o)}>
						${c(N(o)||o.email)}
					</button>
				</li>`)}
		</ul>
	</div>`}function Ce({org:e,pool:t,writable:c,version:a,onChange:u}){let $=_(e.id,`/licenses/${t.id}/waiting`),d=O(h=>x($,{cursor:h,limit:50}),[$,a]),r=W(d,[d]),[g,o]=f(null),[v,k]=f(""),w=t.unit==="device",P=h=>ye(h,w);async function C(h){o(null);try{await re("DELETE",`${$}/${encodeURIComponent(h.holder_id)}`),k(i("lic.takenOff",P(h))),u()}catch(E){o(E)}}return n`<section class="card" aria-labelledby="waiting-title">
		<h2 id="waiting-title">${i("lic.waiting")}</h2>
		<p class="hint">${i(w?"lic.waitingDevicesHelp":"lic.waitingHelp")}</p>
		${v&&n`<${I}>${v}<//>`}
		<${y} error=${g||r.error} />
		${!r.loading&&!r.error&&!r.items.length&&n`<p>${i(w?"lic.waitingDevicesNone":"lic.waitingNone")}</p>`}
		${r.items.length>0&&n`<ol class="waiting">
			${r.items.map(h=>n`<li key=${h.holder_id}>
					<span>${P(h)}${w&&h.email?n` <span class="muted">${h.email}</span>`:""} <span class="muted">${i("lic.joined")} ${Z(h.joined_at)}</span></span>
					${c&&n`<button type="button" class="secondary" onClick=${()=>C(h)}>${i("lic.takeOff",P(h))}</button>`}
				</li>`)}
		</ol>`}
		<${Y} list=${r} />
	</section>`}function xe(e,t){return e==="removed"?i("lic.result.removed"):t?ie({code:e}):ue({code:e})}function ye(e,t){return t?e.device&&e.device.code||e.device_id||e.holder_id:N(e)||e.email}function je({me:e,org:t,params:c}){let a=K(()=>x(_(t.id,`/licenses/${encodeURIComponent(c.lic)}`)),[t.id,c.lic]),u=he("q"),$=O(s=>x(_(t.id,`/licenses/${encodeURIComponent(c.lic)}/seats`),{q:u,cursor:s,limit:50}),[t.id,c.lic,u]),d=W($,[$]),[r,g]=f(new Map),[o,v]=f(null),[k,w]=f(null),[P,C]=f(!1),[h,E]=f(null),[se,ne]=f(""),[ke,ae]=f(0),z=pe(t,"licenses:assign"),p=a.data;if(a.error)return n`<${M} title=${i("lic.title")} /><${y} error=${a.error} />`;if(!p)return n`<${R} />`;let B=_(t.id,`/licenses/${p.id}/seats`),U=()=>{a.reload(),d.reload(),ae(s=>s+1)};async function H(s,m){C(!0),E(null),ne("");try{await s(),ne(m),U()}catch(T){E(T)}finally{C(!1)}}let we=s=>H(()=>L(B,{user_id:s.id}),i("lic.assigned",N(s)||s.email)),Pe=s=>H(()=>L(B,{device_id:s.id}),i("dev.assigned",s.code)),_e=s=>H(async()=>{await L(`${B}/move`,{from:k.user_id,to:s.id}),w(null)},i("lic.moved",k.email,s.email)),ze=s=>H(async()=>{await L(`${B}/move`,{from:k.holder_id,to:s.id}),w(null)},i("dev.moved",D(k),s.code));async function De(){let s=[...r.values()];C(!0);try{let m=await L(`${B}/remove`,{ids:s.map(T=>T.holder_id)});v({people:s,results:m.items}),g(new Map),U()}catch(m){v(null),E(m)}finally{C(!1)}}let le=(s,m)=>g(T=>{let V=new Map(T);return m?V.set(s.holder_id,s):V.delete(s.holder_id),V}),Te=d.items.length>0&&d.items.every(s=>r.has(s.holder_id)),q=p.state!=="expired"&&p.state!=="cancelled",b=p.unit==="device",D=s=>ye(s,b),ce=b?ie:void 0;return n`
		<${M} title=${p.plan?`${p.product} \xB7 ${p.plan}`:p.product}>
			<${A} class="button secondary" href=${`/orgs/${t.id}/licenses`}>${i("lic.back")}<//>
		<//>
		<section class="card" aria-label=${i("lic.seats")}>
			<p><strong>${i(`lic.state.${p.state}`)}</strong> · ${i("lic.unit")}: ${i(`lic.unit.${p.unit}`)} · <${ve} pool=${p} /></p>
			<${be} pool=${p} />
		</section>
		${se&&n`<${I}>${se}<//>`}
		<${y} error=${h} explain=${ce} />
		${z&&q&&b&&n`<section class="card" aria-labelledby="assign-title">
			<h2 id="assign-title">${i("lic.assign")}</h2>
			<${te} org=${t} label=${i("lic.assignDevice")} actionLabel=${s=>i("lic.assignDeviceTo",s)} onPick=${Pe} busy=${P} />
		</section>`}
		${z&&q&&p.unit==="user"&&n`<section class="card" aria-labelledby="assign-title">
			<h2 id="assign-title">${i("lic.assign")}</h2>
			<${ge} org=${t} label=${i("lic.assignSearch")} actionLabel=${s=>i("lic.assignTo",s)} onPick=${we} busy=${P} />
		</section>`}
		<h2>${i("lic.holders")}</h2>
		<div class="filters">
			<${X} label=${i(b?"lic.searchDevices":"lic.search")} value=${u} onSearch=${s=>me({q:s})} />
		</div>
		${z&&r.size>0&&n`<div class="bulk">
			<button type="button" class="danger" onClick=${()=>v({people:[...r.values()]})}>
				${i("lic.removeSelected",r.size)}
			</button>
		</div>`}
		<${y} error=${d.error} />
		<${ee} label=${i("lic.holders")}>
			<table>
				<thead>
					<tr>
						${z&&n`<th scope="col" class="pick">
							<input
								type="checkbox"
								aria-label=${i("lic.selectPage")}
								checked=${Te}
								onChange=${s=>d.items.forEach(m=>le(m,s.currentTarget.checked))}
							/>
						</th>`}
						${b?n`<th scope="col">${i("lic.device")}</th>
									<th scope="col">${i("lic.deviceName")}</th>`:n`<th scope="col">${i("lic.person")}</th>`}
						<th scope="col">${i("lic.email")}</th>
						<th scope="col">${i("lic.since")}</th>
						${z&&q&&n`<th scope="col"><span class="visually-hidden">${i("lic.move")}</span></th>`}
					</tr>
				</thead>
				<tbody>
					${d.items.map(s=>n`<tr key=${s.holder_id}>
							${z&&n`<td class="pick">
								<input
									type="checkbox"
									aria-label=${i("lic.select",D(s))}
									checked=${r.has(s.holder_id)}
									onChange=${m=>le(s,m.currentTarget.checked)}
								/>
							</td>`}
							${b?n`<td><strong class="code">${D(s)}</strong></td>
										<td>${s.device&&s.device.name||"\u2014"}</td>`:n`<td>${D(s)}</td>`}
							<td>${s.email||"\u2014"}</td>
							<td>${Z(s.assigned_at)}</td>
							${z&&q&&n`<td>
								<button type="button" class="secondary" onClick=${()=>w(s)} aria-label=${i("lic.moveTitle",D(s))}>
									${i("lic.move")}
								</button>
							</td>`}
						</tr>`)}
				</tbody>
			</table>
		<//>
		${d.loading&&!d.items.length&&n`<${R} />`}
		${!d.loading&&!d.error&&!d.items.length&&n`<p>${i(b?"lic.noDevices":"lic.noHolders")}</p>`}
		<${Y} list=${d} />
		<${Ce} org=${t} pool=${p} writable=${z} version=${ke} onChange=${U} />
		${e.is_operator&&n`<${Se}
			org=${t}
			pool=${p}
			onChanged=${s=>{a.setData(s),d.reload(),ae(m=>m+1)}}
		/>`}
		${o&&!o.results&&n`<${F}
			title=${i("lic.removeTitle",o.people.length)}
			confirmLabel=${i("lic.removeSelected",o.people.length)}
			busy=${P}
			onConfirm=${De}
			onClose=${()=>v(null)}
		>
			<p>${i(b?"lic.removeDevicesBody":"lic.removeBody")}</p>
			<ul class="names">${o.people.map(s=>n`<li>${b?D(s):s.email}</li>`)}</ul>
		<//>`}
		${o&&o.results&&n`<${F}
			title=${i("lic.results",o.results.filter(s=>s.result==="removed").length,o.results.filter(s=>s.result!=="removed").length)}
			confirmLabel=${i("app.close")}
			danger=${!1}
			onConfirm=${()=>v(null)}
			onClose=${()=>v(null)}
		>
			<ul class="results">
				${o.results.map(s=>{let m=o.people.find(T=>T.holder_id===s.id);return n`<li class=${s.result==="removed"?"ok":"refused"}>
						<strong>${m?b?D(m):m.email:s.id}</strong>: ${xe(s.result,b)}
					</li>`})}
			</ul>
		<//>`}
		${k&&n`<${F}
			title=${i("lic.moveTitle",D(k))}
			onClose=${()=>w(null)}
		>
			<p>${i(b?"lic.moveDeviceBody":"lic.moveBody")}</p>
			<${y} error=${h} explain=${ce} />
			${b?n`<${te}
						org=${t}
						label=${i("lic.assignDevice")}
						actionLabel=${s=>i("lic.moveDeviceTo",s)}
						exclude=${[k.holder_id]}
						onPick=${ze}
						busy=${P}
					/>`:n`<${ge} org=${t} label=${i("lic.assignSearch")} actionLabel=${s=>i("lic.moveTo",s)} onPick=${_e} busy=${P} />`}
		<//>`}`}export{Ge as GrantLicense,je as LicenseDetail,Oe as Licenses};
