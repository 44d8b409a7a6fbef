import{b as ie,e as te}from"./chunk-XE7QFICB.js";import{f as pe}from"./chunk-MYTJS6DR.js";import{B as me,C as he,E as B,G as n,H as K,I as Q,J as _,L as q,M as j,N as y,O as I,P as R,Q as M,R as X,S as W,T as Y,U as ee,V,Y as N,c as b,f as O,h as ce,i as C,j as L,k as oe,o as z,p as de,u as i,v as U,w as Z,x as l,y as ue,z as $e}from"./chunk-A7NAGZSC.js";de({en:{"lic.title":"Licenses","lic.none":"This organization has no licenses yet.","lic.grant":"Grant licenses","lic.grantTitle":"Grant licenses","lic.product":"Product","lic.plan":"Plan","lic.seats":"Seats","lic.unit":"Counted per","lic.unit.user":"Person","lic.unit.device":"Device","lic.state":"State","lic.state.trial":"Trial","lic.state.active":"Active","lic.state.expired":"Expired","lic.state.cancelled":"Cancelled","lic.ends":"Ends on","lic.endsHint":"Leave empty for a year from today.","lic.auto":"Give a free seat automatically to new members","lic.transfers":"Transfers a month","lic.transfersHint":"How often a month seats may be taken off their holders (removed, moved, a device deactivated). Empty: no limit.","lic.offline":"Days a device may stay offline","lic.offlineHint":"How long the certificate a device receives stays valid without the network (1 to 365).","lic.term":(e,t)=>`Until ${e} (${t===1?"1 day":`${l(t)} days`} left)`,"lic.termOver":e=>`Ended on ${e}`,"lic.usage":(e,t,c)=>`${l(e)} of ${l(t)} used, ${l(c)} free`,"lic.list":"License pools","lic.open":e=>`Open ${e}`,"lic.holders":"Holders","lic.search":"Search holders by name or email","lic.noHolders":"Nobody holds a seat of this pool.","lic.person":"Person","lic.email":"Email","lic.since":"Since","lic.assign":"Assign a seat","lic.assignSearch":"Find a member by name or email","lic.assignTo":e=>`Assign to ${e}`,"lic.assigned":e=>`${e} now holds a seat.`,"lic.select":e=>`Select ${e}`,"lic.selectPage":"Select every holder shown","lic.removeSelected":e=>`Take back ${l(e)} seat${e===1?"":"s"}`,"lic.removeTitle":e=>`Take back ${l(e)} seat${e===1?"":"s"}?`,"lic.removeBody":"They can no longer use the product with this license; each is told by email. Their accounts stay.","lic.results":(e,t)=>`${l(e)} taken back, ${l(t)} not.`,"lic.result.removed":"Taken back","lic.move":"Move","lic.moveTitle":e=>`Move ${e}\u2019s seat`,"lic.moveBody":"The seat goes to the member you choose, who must not hold one of this pool. Both are told by email.","lic.moveTo":e=>`Move to ${e}`,"lic.moved":(e,t)=>`The seat of ${e} is now ${t}\u2019s.`,"lic.change":"Change the pool","lic.changed":"The pool is changed.","lic.back":"All licenses","lic.waiting":"Waiting list","lic.waitingNone":"Nobody is waiting for a seat.","lic.waitingHelp":"People who joined when no seat was free. Each gets the next seat that frees up, in this order.","lic.joined":"Waiting since","lic.takeOff":e=>`Take ${e} off the list`,"lic.takenOff":e=>`${e} no longer waits.`,"lic.waitingCount":e=>`${l(e)} waiting`,"lic.reduce":"If fewer seats than are in use: take seats back from the newest holders (they are told and wait for the next seat)","lic.reduced":e=>`The pool is changed; ${l(e)} ${e===1?"person":"people"} lost a seat and wait for the next.`,"lic.device":"Device code","lic.deviceName":"Name","lic.searchDevices":"Search holders by device code, name or email","lic.noDevices":"No device holds a seat of this pool.","lic.assignDevice":"Find a device by code, name or email","lic.assignDeviceTo":e=>`Assign to ${e}`,"lic.removeDevicesBody":"These devices lose this license the next time they check; a certificate they hold already stays valid until it expires. The devices stay.","lic.moveDeviceBody":"The seat goes to the device you choose, which must not hold one of this pool.","lic.moveDeviceTo":e=>`Move to ${e}`,"lic.waitingDevicesHelp":"Devices that signed in when no seat was free. Each gets the next seat that frees up, in this order.","lic.waitingDevicesNone":"No device is waiting for a seat.","error.seat_limit_reached":"Every seat of this pool is in use: take one back first, or ask for more.","error.already_assigned":"This person holds a seat of this pool already.","error.license_inactive":"This pool has ended or was cancelled: it gives and moves no seat.","error.seats_in_use":"More seats are in use than that: take seats back first."},fr:{"lic.title":"Licences","lic.none":"Cette organisation n\u2019a pas encore de licences.","lic.grant":"Attribuer des licences","lic.grantTitle":"Attribuer des licences","lic.product":"Produit","lic.plan":"Offre","lic.seats":"Si\xE8ges","lic.unit":"Compt\xE9 par","lic.unit.user":"Personne","lic.unit.device":"Appareil","lic.state":"\xC9tat","lic.state.trial":"Essai","lic.state.active":"Active","lic.state.expired":"Expir\xE9e","lic.state.cancelled":"Annul\xE9e","lic.ends":"Fin le","lic.endsHint":"Laisser vide pour un an \xE0 partir d\u2019aujourd\u2019hui.","lic.auto":"Donner automatiquement un si\xE8ge libre aux nouveaux membres","lic.transfers":"Transferts par mois","lic.transfersHint":"Combien de fois par mois des si\xE8ges peuvent \xEAtre repris \xE0 leurs titulaires (retir\xE9s, d\xE9plac\xE9s, un appareil d\xE9sactiv\xE9). Vide : sans limite.","lic.offline":"Jours hors ligne pour un appareil","lic.offlineHint":"Combien de temps le certificat re\xE7u par un appareil reste valable sans r\xE9seau (1 \xE0 365).","lic.term":(e,t)=>`Jusqu\u2019au ${e} (${t<=1?`${t} jour`:`${l(t)} jours`} restants)`,"lic.termOver":e=>`Termin\xE9e le ${e}`,"lic.usage":(e,t,c)=>`${l(e)} sur ${l(t)} utilis\xE9s, ${l(c)} libres`,"lic.list":"Lots de licences","lic.open":e=>`Ouvrir ${e}`,"lic.holders":"Titulaires","lic.search":"Rechercher un titulaire par nom ou e-mail","lic.noHolders":"Personne n\u2019a de si\xE8ge de ce lot.","lic.person":"Personne","lic.email":"E-mail","lic.since":"Depuis","lic.assign":"Attribuer un si\xE8ge","lic.assignSearch":"Trouver un membre par nom ou e-mail","lic.assignTo":e=>`Attribuer \xE0 ${e}`,"lic.assigned":e=>`${e} a maintenant un si\xE8ge.`,"lic.select":e=>`S\xE9lectionner ${e}`,"lic.selectPage":"S\xE9lectionner tous les titulaires affich\xE9s","lic.removeSelected":e=>`Reprendre ${l(e)} si\xE8ge${e>1?"s":""}`,"lic.removeTitle":e=>`Reprendre ${l(e)} si\xE8ge${e>1?"s":""} ?`,"lic.removeBody":"Ils ne peuvent plus utiliser le produit avec cette licence ; chacun est pr\xE9venu par e-mail. Leurs comptes restent.","lic.results":(e,t)=>`${l(e)} repris, ${l(t)} non.`,"lic.result.removed":"Repris","lic.move":"D\xE9placer","lic.moveTitle":e=>`D\xE9placer le si\xE8ge de ${e}`,"lic.moveBody":"Le si\xE8ge va au membre choisi, qui ne doit pas en avoir un de ce lot. Les deux sont pr\xE9venus par e-mail.","lic.moveTo":e=>`D\xE9placer vers ${e}`,"lic.moved":(e,t)=>`Le si\xE8ge de ${e} est maintenant \xE0 ${t}.`,"lic.change":"Modifier le lot","lic.changed":"Le lot est modifi\xE9.","lic.back":"Toutes les licences","lic.waiting":"Liste d\u2019attente","lic.waitingNone":"Personne n\u2019attend de si\xE8ge.","lic.waitingHelp":"Les personnes arriv\xE9es quand aucun si\xE8ge n\u2019\xE9tait libre. Chacune re\xE7oit le prochain si\xE8ge lib\xE9r\xE9, dans cet ordre.","lic.joined":"En attente depuis","lic.takeOff":e=>`Retirer ${e} de la liste`,"lic.takenOff":e=>`${e} n\u2019attend plus.`,"lic.waitingCount":e=>`${l(e)} en attente`,"lic.reduce":"S\u2019il y a moins de si\xE8ges que d\u2019utilis\xE9s : reprendre les si\xE8ges des titulaires les plus r\xE9cents (ils sont pr\xE9venus et attendent le prochain si\xE8ge)","lic.reduced":e=>`Le lot est modifi\xE9 ; ${l(e)} personne${e>1?"s ont":" a"} perdu un si\xE8ge et attend${e>1?"ent":""} le prochain.`,"lic.device":"Code d\u2019appareil","lic.deviceName":"Nom","lic.searchDevices":"Rechercher un titulaire par code d\u2019appareil, nom ou e-mail","lic.noDevices":"Aucun appareil n\u2019a de si\xE8ge de ce lot.","lic.assignDevice":"Trouver un appareil par code, nom ou e-mail","lic.assignDeviceTo":e=>`Attribuer \xE0 ${e}`,"lic.removeDevicesBody":"Ces appareils perdent cette licence \xE0 leur prochaine v\xE9rification ; un certificat qu\u2019ils d\xE9tiennent d\xE9j\xE0 reste valable jusqu\u2019\xE0 son expiration. Les appareils restent.","lic.moveDeviceBody":"Le si\xE8ge va \xE0 l\u2019appareil choisi, qui ne doit pas en avoir un de ce lot.","lic.moveDeviceTo":e=>`D\xE9placer vers ${e}`,"lic.waitingDevicesHelp":"Les appareils connect\xE9s quand aucun si\xE8ge n\u2019\xE9tait libre. Chacun re\xE7oit le prochain si\xE8ge lib\xE9r\xE9, dans cet ordre.","lic.waitingDevicesNone":"Aucun appareil n\u2019attend de si\xE8ge.","error.seat_limit_reached":"Tous les si\xE8ges de ce lot sont utilis\xE9s : reprenez-en un, ou demandez-en plus.","error.already_assigned":"Cette personne a d\xE9j\xE0 un si\xE8ge de ce lot.","error.license_inactive":"Ce lot est termin\xE9 ou annul\xE9 : il ne donne ni ne d\xE9place aucun si\xE8ge.","error.seats_in_use":"Plus de si\xE8ges sont utilis\xE9s : reprenez d\u2019abord des si\xE8ges."},de:{"lic.title":"Lizenzen","lic.none":"Diese Organisation hat noch keine Lizenzen.","lic.grant":"Lizenzen vergeben","lic.grantTitle":"Lizenzen vergeben","lic.product":"Produkt","lic.plan":"Tarif","lic.seats":"Pl\xE4tze","lic.unit":"Gez\xE4hlt pro","lic.unit.user":"Person","lic.unit.device":"Ger\xE4t","lic.state":"Status","lic.state.trial":"Test","lic.state.active":"Aktiv","lic.state.expired":"Abgelaufen","lic.state.cancelled":"Gek\xFCndigt","lic.ends":"Endet am","lic.endsHint":"Leer lassen f\xFCr ein Jahr ab heute.","lic.auto":"Neuen Mitgliedern automatisch einen freien Platz geben","lic.transfers":"\xDCbertragungen im Monat","lic.transfersHint":"Wie oft im Monat Pl\xE4tze ihren Inhabern entzogen werden d\xFCrfen (entfernt, verschoben, ein Ger\xE4t deaktiviert). Leer: ohne Grenze.","lic.offline":"Offline-Tage eines Ger\xE4ts","lic.offlineHint":"Wie lange das Zertifikat, das ein Ger\xE4t erh\xE4lt, ohne Netz g\xFCltig bleibt (1 bis 365).","lic.term":(e,t)=>`Bis ${e} (noch ${t===1?"1 Tag":`${l(t)} Tage`})`,"lic.termOver":e=>`Beendet am ${e}`,"lic.usage":(e,t,c)=>`${l(e)} von ${l(t)} belegt, ${l(c)} frei`,"lic.list":"Lizenzpakete","lic.open":e=>`${e} \xF6ffnen`,"lic.holders":"Inhaber","lic.search":"Inhaber nach Name oder E-Mail suchen","lic.noHolders":"Niemand hat einen Platz dieses Pakets.","lic.person":"Person","lic.email":"E-Mail","lic.since":"Seit","lic.assign":"Platz zuweisen","lic.assignSearch":"Mitglied nach Name oder E-Mail finden","lic.assignTo":e=>`${e} zuweisen`,"lic.assigned":e=>`${e} hat jetzt einen Platz.`,"lic.select":e=>`${e} ausw\xE4hlen`,"lic.selectPage":"Alle angezeigten Inhaber ausw\xE4hlen","lic.removeSelected":e=>`${l(e)} Platz${e===1?"":"e"} entziehen`,"lic.removeTitle":e=>`${l(e)} Platz${e===1?"":"e"} entziehen?`,"lic.removeBody":"Sie k\xF6nnen das Produkt mit dieser Lizenz nicht mehr nutzen; jeder wird per E-Mail informiert. Ihre Konten bleiben.","lic.results":(e,t)=>`${l(e)} entzogen, ${l(t)} nicht.`,"lic.result.removed":"Entzogen","lic.move":"Verschieben","lic.moveTitle":e=>`Platz von ${e} verschieben`,"lic.moveBody":"Der Platz geht an das gew\xE4hlte Mitglied, das keinen Platz dieses Pakets haben darf. Beide werden per E-Mail informiert.","lic.moveTo":e=>`Zu ${e} verschieben`,"lic.moved":(e,t)=>`Der Platz von ${e} geh\xF6rt jetzt ${t}.`,"lic.change":"Paket \xE4ndern","lic.changed":"Das Paket ist ge\xE4ndert.","lic.back":"Alle Lizenzen","lic.waiting":"Warteliste","lic.waitingNone":"Niemand wartet auf einen Platz.","lic.waitingHelp":"Personen, die kamen, als kein Platz frei war. Jede erh\xE4lt in dieser Reihenfolge den n\xE4chsten frei werdenden Platz.","lic.joined":"Wartet seit","lic.takeOff":e=>`${e} von der Liste nehmen`,"lic.takenOff":e=>`${e} wartet nicht mehr.`,"lic.waitingCount":e=>`${l(e)} wartend`,"lic.reduce":"Bei weniger Pl\xE4tzen als belegt: den neuesten Inhabern Pl\xE4tze entziehen (sie werden informiert und warten auf den n\xE4chsten Platz)","lic.reduced":e=>`Das Paket ist ge\xE4ndert; ${l(e)} ${e===1?"Person hat":"Personen haben"} einen Platz verloren und warten auf den n\xE4chsten.`,"lic.device":"Ger\xE4tecode","lic.deviceName":"Name","lic.searchDevices":"Inhaber nach Ger\xE4tecode, Name oder E-Mail suchen","lic.noDevices":"Kein Ger\xE4t hat einen Platz dieses Pakets.","lic.assignDevice":"Ger\xE4t nach Code, Name oder E-Mail finden","lic.assignDeviceTo":e=>`${e} zuweisen`,"lic.removeDevicesBody":"Diese Ger\xE4te verlieren diese Lizenz bei der n\xE4chsten Pr\xFCfung; ein Zertifikat, das sie schon haben, bleibt bis zu seinem Ablauf g\xFCltig. Die Ger\xE4te bleiben.","lic.moveDeviceBody":"Der Platz geht an das gew\xE4hlte Ger\xE4t, das keinen Platz dieses Pakets haben darf.","lic.moveDeviceTo":e=>`Zu ${e} verschieben`,"lic.waitingDevicesHelp":"Ger\xE4te, die sich anmeldeten, als kein Platz frei war. Jedes erh\xE4lt in dieser Reihenfolge den n\xE4chsten frei werdenden Platz.","lic.waitingDevicesNone":"Kein Ger\xE4t wartet auf einen Platz.","error.seat_limit_reached":"Alle Pl\xE4tze dieses Pakets sind belegt: entziehen Sie zuerst einen oder fragen Sie nach mehr.","error.already_assigned":"Diese Person hat bereits einen Platz dieses Pakets.","error.license_inactive":"Dieses Paket ist beendet oder gek\xFCndigt: es vergibt und verschiebt keine Pl\xE4tze.","error.seats_in_use":"Es sind mehr Pl\xE4tze belegt: entziehen Sie zuerst Pl\xE4tze."}});var xe=["trial","active","cancelled"];function ge({pool:e}){return e.days_left>0?i("lic.term",U(e.ends_at),e.days_left):i("lic.termOver",U(e.ends_at))}function ve({pool:e}){let t=i("lic.usage",e.used+e.reserved,e.seats,e.free);return n`<div class="usage">
		<progress max=${Math.max(e.seats,1)} value=${e.used+e.reserved} aria-label=${t}></progress>
		<span>${t}</span>
		${e.waiting>0&&n`<span class="muted small">${i("lic.waitingCount",e.waiting)}</span>`}
	</div>`}function Oe({me:e,org:t}){let c=K(()=>C(z(t.id,"/licenses")).then(a=>a.items),[t.id]);return n`
		<${M} title=${i("lic.title")}>
			${e.is_operator&&n`<${B} class="button" href=${`/orgs/${t.id}/licenses/new`}>${i("lic.grant")}<//>`}
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
								<${B} href=${`/orgs/${t.id}/licenses/${a.id}`}>${a.product}<//>
								${a.plan&&n`<div class="muted">${a.plan}</div>`}
								<div class="muted small">${i("lic.unit")}: ${i(`lic.unit.${a.unit}`)}</div>
							</td>
							<td>${i(`lic.state.${a.state}`)}</td>
							<td><${ve} pool=${a} /></td>
							<td><${ge} pool=${a} /></td>
						</tr>`)}
				</tbody>
			</table>
		<//>`}`}var be=e=>e?`${e}T23:59:59Z`:void 0;function qe({org:e}){let t=Q({product:"",plan:"",seats:"10",unit:"user",state:"active",ends_at:"",auto_assign:!1,offline_days:"7",max_transfers_per_month:""});async function c(a){a.preventDefault(),await t.submit(async o=>{let $={product:o.product,seats:Number(o.seats),unit:o.unit,state:o.state,auto_assign:o.auto_assign};o.plan&&($.plan=o.plan),o.ends_at&&($.ends_at=be(o.ends_at));let u={};if(/^\d+$/.test(o.seats)||(u.seats=i("error.invalid")),/^\d+$/.test(o.offline_days)||(u.offline_days=i("error.invalid")),o.max_transfers_per_month!==""&&!/^\d+$/.test(o.max_transfers_per_month)&&(u.max_transfers_per_month=i("error.invalid")),Object.keys(u).length){t.setErrors(u);return}$.offline_days=Number(o.offline_days),o.max_transfers_per_month!==""&&($.max_transfers_per_month=Number(o.max_transfers_per_month));let r=await L(z(e.id,"/licenses"),$);$e(`/orgs/${e.id}/licenses/${r.id}`)})}return n`
		<${M} title=${i("lic.grantTitle")} />
		<form class="card form" onSubmit=${c} novalidate>
			<${_} label=${i("lic.product")} required autocomplete="off" ...${t.bind("product")} />
			<${_} label=${i("lic.plan")} optional autocomplete="off" ...${t.bind("plan")} />
			<${_} label=${i("lic.seats")} type="number" min="0" max="1000000" required ...${t.bind("seats")} />
			<${q}
				label=${i("lic.unit")}
				options=${["user","device"].map(a=>({value:a,label:i(`lic.unit.${a}`)}))}
				...${t.bind("unit")}
			/>
			<${q}
				label=${i("lic.state")}
				options=${["active","trial"].map(a=>({value:a,label:i(`lic.state.${a}`)}))}
				...${t.bind("state")}
			/>
			<${_} label=${i("lic.ends")} type="date" hint=${i("lic.endsHint")} ...${t.bind("ends_at")} />
			<${j} label=${i("lic.auto")} name="auto_assign" checked=${t.values.auto_assign} onValue=${a=>t.set("auto_assign",a)} />
			<${_} label=${i("lic.offline")} type="number" min="1" max="365" hint=${i("lic.offlineHint")} ...${t.bind("offline_days")} />
			<${_} label=${i("lic.transfers")} type="number" min="0" optional hint=${i("lic.transfersHint")} ...${t.bind("max_transfers_per_month")} />
			<${y} error=${t.error} />
			<div class="actions">
				<${B} class="button secondary" href=${`/orgs/${e.id}/licenses`}>${i("app.cancel")}<//>
				<button type="submit" disabled=${t.busy}>${i("lic.grant")}</button>
			</div>
		</form>`}function Le({org:e,pool:t,onChanged:c}){let a=Q({seats:String(t.seats),state:t.state==="expired"?"active":t.state,auto_assign:t.auto_assign,ends_at:t.ends_at.slice(0,10),max_transfers_per_month:t.max_transfers_per_month===null?"":String(t.max_transfers_per_month),reduce:!1}),[o,$]=b("");async function u(r){r.preventDefault(),$(""),await a.submit(async m=>{let d={seats:Number(m.seats),state:m.state,auto_assign:m.auto_assign,ends_at:m.ends_at===t.ends_at.slice(0,10)?t.ends_at:be(m.ends_at)};if(m.reduce&&(d.reduce="newest_first"),m.max_transfers_per_month!==""&&!/^\d+$/.test(m.max_transfers_per_month)){a.setErrors({max_transfers_per_month:i("error.invalid")});return}d.max_transfers_per_month=m.max_transfers_per_month===""?null:Number(m.max_transfers_per_month);let g=await oe(z(e.id,`/licenses/${t.id}`),d);c(g),$(g.taken_back.length?i("lic.reduced",g.taken_back.length):i("lic.changed"))})}return n`<form class="card form" onSubmit=${u} aria-labelledby="change-title" novalidate>
		<h2 id="change-title">${i("lic.change")}</h2>
		<${_} label=${i("lic.seats")} type="number" min="0" max="1000000" ...${a.bind("seats")} />
		<${q} label=${i("lic.state")} options=${xe.map(r=>({value:r,label:i(`lic.state.${r}`)}))} ...${a.bind("state")} />
		<${_} label=${i("lic.ends")} type="date" ...${a.bind("ends_at")} />
		<${j} label=${i("lic.auto")} name="auto_assign" checked=${a.values.auto_assign} onValue=${r=>a.set("auto_assign",r)} />
		<${_} label=${i("lic.transfers")} type="number" min="0" optional hint=${i("lic.transfersHint")} ...${a.bind("max_transfers_per_month")} />
		<${j} label=${i("lic.reduce")} name="reduce" checked=${a.values.reduce} onValue=${r=>a.set("reduce",r)} />
		<${y} error=${a.error} />
		${o&&n`<${I}>${o}<//>`}
		<div class="actions"><button type="submit" disabled=${a.busy}>${i("app.save")}</button></div>
	</form>`}function fe({org:e,label:t,actionLabel:c,onPick:a,busy:o}){let[$,u]=b(""),r=O(()=>$?C(z(e.id,"/members"),{q:$,limit:8}):Promise.resolve({items:[],next_cursor:null}),[e.id,$]),m=W(r,[r]);return n`<div class="picker">
		<${X} label=${t} value=${$} onSearch=${u} />
		<${y} error=${m.error} />
		<ul class="picks">
			${m.items.map(d=>n`<li key=${d.id}>
					<span>${N(d)?n`${N(d)} <span class="muted">${d.email}</span>`:d.email}</span>
					<button type="button" class="secondary" disabled=${o} onClick=${()=>a(d)}>
						${c(N(d)||d.email)}
					</button>
				</li>`)}
		</ul>
	</div>`}function Se({org:e,pool:t,writable:c,version:a,onChange:o}){let $=z(e.id,`/licenses/${t.id}/waiting`),u=O(h=>C($,{cursor:h,limit:50}),[$,a]),r=W(u,[u]),[m,d]=b(null),[g,k]=b(""),w=t.unit==="device",P=h=>_e(h,w);async function S(h){d(null);try{await ce("DELETE",`${$}/${encodeURIComponent(h.holder_id)}`),k(i("lic.takenOff",P(h))),o()}catch(E){d(E)}}return n`<section class="card" aria-labelledby="waiting-title">
		<h2 id="waiting-title">${i("lic.waiting")}</h2>
		<p class="hint">${i(w?"lic.waitingDevicesHelp":"lic.waitingHelp")}</p>
		${g&&n`<${I}>${g}<//>`}
		<${y} error=${m||r.error} />
		${!r.loading&&!r.error&&!r.items.length&&n`<p>${i(w?"lic.waitingDevicesNone":"lic.waitingNone")}</p>`}
		${r.items.length>0&&n`<ol class="waiting">
			${r.items.map(h=>n`<li key=${h.holder_id}>
					<span>${P(h)}${w&&h.email?n` <span class="muted">${h.email}</span>`:""} <span class="muted">${i("lic.joined")} ${Z(h.joined_at)}</span></span>
					${c&&n`<button type="button" class="secondary" onClick=${()=>S(h)}>${i("lic.takeOff",P(h))}</button>`}
				</li>`)}
		</ol>`}
		<${Y} list=${r} />
	</section>`}function Ce(e,t){return e==="removed"?i("lic.result.removed"):t?ie({code:e}):ue({code:e})}function _e(e,t){return t?e.device&&e.device.code||e.device_id||e.holder_id:N(e)||e.email}function je({me:e,org:t,params:c}){let a=K(()=>C(z(t.id,`/licenses/${encodeURIComponent(c.lic)}`)),[t.id,c.lic]),o=me("q"),$=O(s=>C(z(t.id,`/licenses/${encodeURIComponent(c.lic)}/seats`),{q:o,cursor:s,limit:50}),[t.id,c.lic,o]),u=W($,[$]),[r,m]=b(new Map),[d,g]=b(null),[k,w]=b(null),[P,S]=b(!1),[h,E]=b(null),[se,ne]=b(""),[ye,ae]=b(0),T=pe(t,"licenses:assign"),f=a.data;if(a.error)return n`<${M} title=${i("lic.title")} /><${y} error=${a.error} />`;if(!f)return n`<${R} />`;let H=z(t.id,`/licenses/${f.id}/seats`),F=()=>{a.reload(),u.reload(),ae(s=>s+1)};async function A(s,p){S(!0),E(null),ne("");try{await s(),ne(p),F()}catch(x){E(x)}finally{S(!1)}}let ke=s=>A(()=>L(H,{user_id:s.id}),i("lic.assigned",N(s)||s.email)),we=s=>A(()=>L(H,{device_id:s.id}),i("dev.assigned",s.code)),Pe=s=>A(async()=>{await L(`${H}/move`,{from:k.user_id,to:s.id}),w(null)},i("lic.moved",k.email,s.email)),ze=s=>A(async()=>{await L(`${H}/move`,{from:k.holder_id,to:s.id}),w(null)},i("dev.moved",D(k),s.code));async function Te(){let s=[...r.values()];S(!0);try{let p=await L(`${H}/remove`,{ids:s.map(x=>x.holder_id)});g({people:s,results:p.items}),m(new Map),F()}catch(p){g(null),E(p)}finally{S(!1)}}let le=(s,p)=>m(x=>{let J=new Map(x);return p?J.set(s.holder_id,s):J.delete(s.holder_id),J}),De=u.items.length>0&&u.items.every(s=>r.has(s.holder_id)),G=f.state!=="expired"&&f.state!=="cancelled",v=f.unit==="device",D=s=>_e(s,v),re=v?ie:void 0;return n`
		<${M} title=${f.plan?`${f.product} \xB7 ${f.plan}`:f.product}>
			<${B} class="button secondary" href=${`/orgs/${t.id}/licenses`}>${i("lic.back")}<//>
		<//>
		<section class="card" aria-label=${i("lic.seats")}>
			<p><strong>${i(`lic.state.${f.state}`)}</strong> · ${i("lic.unit")}: ${i(`lic.unit.${f.unit}`)} · <${ge} pool=${f} /></p>
			<${ve} pool=${f} />
		</section>
		${se&&n`<${I}>${se}<//>`}
		<${y} error=${h} explain=${re} />
		${T&&G&&v&&n`<section class="card" aria-labelledby="assign-title">
			<h2 id="assign-title">${i("lic.assign")}</h2>
			<${te} org=${t} label=${i("lic.assignDevice")} actionLabel=${s=>i("lic.assignDeviceTo",s)} onPick=${we} busy=${P} />
		</section>`}
		${T&&G&&f.unit==="user"&&n`<section class="card" aria-labelledby="assign-title">
			<h2 id="assign-title">${i("lic.assign")}</h2>
			<${fe} org=${t} label=${i("lic.assignSearch")} actionLabel=${s=>i("lic.assignTo",s)} onPick=${ke} busy=${P} />
		</section>`}
		<h2>${i("lic.holders")}</h2>
		<div class="filters">
			<${X} label=${i(v?"lic.searchDevices":"lic.search")} value=${o} onSearch=${s=>he({q:s})} />
		</div>
		${T&&r.size>0&&n`<div class="bulk">
			<button type="button" class="danger" onClick=${()=>g({people:[...r.values()]})}>
				${i("lic.removeSelected",r.size)}
			</button>
		</div>`}
		<${y} error=${u.error} />
		<${ee} label=${i("lic.holders")}>
			<table>
				<thead>
					<tr>
						${T&&n`<th scope="col" class="pick">
							<input
								type="checkbox"
								aria-label=${i("lic.selectPage")}
								checked=${De}
								onChange=${s=>u.items.forEach(p=>le(p,s.currentTarget.checked))}
							/>
						</th>`}
						${v?n`<th scope="col">${i("lic.device")}</th>
									<th scope="col">${i("lic.deviceName")}</th>`:n`<th scope="col">${i("lic.person")}</th>`}
						<th scope="col">${i("lic.email")}</th>
						<th scope="col">${i("lic.since")}</th>
						${T&&G&&n`<th scope="col"><span class="visually-hidden">${i("lic.move")}</span></th>`}
					</tr>
				</thead>
				<tbody>
					${u.items.map(s=>n`<tr key=${s.holder_id}>
							${T&&n`<td class="pick">
								<input
									type="checkbox"
									aria-label=${i("lic.select",D(s))}
									checked=${r.has(s.holder_id)}
									onChange=${p=>le(s,p.currentTarget.checked)}
								/>
							</td>`}
							${v?n`<td><strong class="code">${D(s)}</strong></td>
										<td>${s.device&&s.device.name||"\u2014"}</td>`:n`<td>${D(s)}</td>`}
							<td>${s.email||"\u2014"}</td>
							<td>${Z(s.assigned_at)}</td>
							${T&&G&&n`<td>
								<button type="button" class="secondary" onClick=${()=>w(s)} aria-label=${i("lic.moveTitle",D(s))}>
									${i("lic.move")}
								</button>
							</td>`}
						</tr>`)}
				</tbody>
			</table>
		<//>
		${u.loading&&!u.items.length&&n`<${R} />`}
		${!u.loading&&!u.error&&!u.items.length&&n`<p>${i(v?"lic.noDevices":"lic.noHolders")}</p>`}
		<${Y} list=${u} />
		<${Se} org=${t} pool=${f} writable=${T} version=${ye} onChange=${F} />
		${e.is_operator&&n`<${Le}
			org=${t}
			pool=${f}
			onChanged=${s=>{a.setData(s),u.reload(),ae(p=>p+1)}}
		/>`}
		${d&&!d.results&&n`<${V}
			title=${i("lic.removeTitle",d.people.length)}
			confirmLabel=${i("lic.removeSelected",d.people.length)}
			busy=${P}
			onConfirm=${Te}
			onClose=${()=>g(null)}
		>
			<p>${i(v?"lic.removeDevicesBody":"lic.removeBody")}</p>
			<ul class="names">${d.people.map(s=>n`<li>${v?D(s):s.email}</li>`)}</ul>
		<//>`}
		${d&&d.results&&n`<${V}
			title=${i("lic.results",d.results.filter(s=>s.result==="removed").length,d.results.filter(s=>s.result!=="removed").length)}
			confirmLabel=${i("app.close")}
			danger=${!1}
			onConfirm=${()=>g(null)}
			onClose=${()=>g(null)}
		>
			<ul class="results">
				${d.results.map(s=>{let p=d.people.find(x=>x.holder_id===s.id);return n`<li class=${s.result==="removed"?"ok":"refused"}>
						<strong>${p?v?D(p):p.email:s.id}</strong>: ${Ce(s.result,v)}
					</li>`})}
			</ul>
		<//>`}
		${k&&n`<${V}
			title=${i("lic.moveTitle",D(k))}
			onClose=${()=>w(null)}
		>
			<p>${i(v?"lic.moveDeviceBody":"lic.moveBody")}</p>
			<${y} error=${h} explain=${re} />
			${v?n`<${te}
						org=${t}
						label=${i("lic.assignDevice")}
						actionLabel=${s=>i("lic.moveDeviceTo",s)}
						exclude=${[k.holder_id]}
						onPick=${ze}
						busy=${P}
					/>`:n`<${fe} org=${t} label=${i("lic.assignSearch")} actionLabel=${s=>i("lic.moveTo",s)} onPick=${Pe} busy=${P} />`}
		<//>`}`}export{qe as GrantLicense,je as LicenseDetail,Oe as Licenses};
