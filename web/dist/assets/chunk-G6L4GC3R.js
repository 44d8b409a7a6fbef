import{a as ze,b as A,c as Ce,d as ye,e as re}from"./chunk-XE7QFICB.js";import{f as G}from"./chunk-MYTJS6DR.js";import{B as Z,C as K,E as H,G as n,H as ne,I as fe,J as j,L as I,M as me,N as k,O as X,P as Y,Q as R,R as le,S as ee,T as ce,U as oe,V as B,Y as ie,c as f,f as Q,h as ke,i as N,j as L,k as Pe,m as ge,n as we,o as T,p as _e,u as i,v as be,w as ae,x as $,y as Te,z as De}from"./chunk-A7NAGZSC.js";function Ae({pools:e}){return e.length?n`<section class="card" aria-labelledby="dev-pools-title">
		<h2 id="dev-pools-title">${i("dev.pools")}</h2>
		<ul class="pools">
			${e.map(t=>{let o=i("dev.poolUsage",t.used+t.reserved,t.seats,t.free);return n`<li key=${t.id}>
					<strong>${t.plan?`${t.product} \xB7 ${t.plan}`:t.product}</strong>
					<div class="usage">
						<progress max=${Math.max(t.seats,1)} value=${t.used+t.reserved} aria-label=${`${t.product}: ${o}`}></progress>
						<span>${o}</span>
					</div>
				</li>`})}
		</ul>
	</section>`:null}function Me({org:e}){let t=Z("q"),o=Z("status"),l=Z("user"),u=G(e,"licenses:assign"),h=G(e,"devices:write"),v=G(e,"licenses:read"),r=ne(()=>v?N(T(e.id,"/licenses")).then(s=>s.items.filter(b=>b.unit==="device")):Promise.resolve(null),[e.id,v]),y=Q(s=>N(T(e.id,"/devices"),{q:t,status:o,user:l,cursor:s,limit:50}),[e.id,t,o,l]),c=ee(y,[y]),[m,P]=f(null),[D,z]=f(""),[C,g]=f(!1),[M,te]=f(null),[x,U]=f(null),[se,S]=f(""),p=r.data===void 0?[]:r.data,w=p?p.filter(ye):null,O=s=>p&&s.license?p.find(b=>b.id===s.license.id):null,W=s=>u&&!O(s)&&(w===null||w.length>0),de=()=>{c.reload(),r.reload()},V=()=>{P(null),U(null)};async function q(s,b){g(!0),te(null),U(null),S("");try{await s(),P(null),S(b),de()}catch(ve){m?U(ve):te(ve)}finally{g(!1)}}let F=(s,b="")=>T(e.id,`/devices/${encodeURIComponent(s.id)}${b}`);function pe(s){if(w&&w.length>1){z(w[0].id),U(null),P({kind:"assign",device:s});return}let b=w&&w.length===1?{license_id:w[0].id}:{};q(()=>L(F(s,"/seat"),b),i("dev.assigned",s.code))}let $e=s=>q(()=>L(F(s,"/seat"),{license_id:D}),i("dev.assigned",s.code)),he=s=>q(()=>ge(we(F(s,"/seat"),{license_id:s.license.id})),i("dev.removed",s.code)),J=(s,b)=>q(()=>L(T(e.id,`/licenses/${encodeURIComponent(s.license.id)}/seats/move`),{from:s.id,to:b.id}),i("dev.moved",s.code,b.code)),_=s=>q(()=>ge(F(s)),i("dev.deactivated",s.code)),E=[{value:"",label:i("dev.allStatuses")},...ze.map(s=>({value:s,label:i(`dev.status.${s}`)}))],ue=!!(t||o||l),a=u||h,d=m&&m.device;return n`
		<${R} title=${i("dev.title")}>
			<button type="button" class="secondary" onClick=${de} disabled=${c.loading}>${i("dev.refresh")}</button>
		<//>
		${p&&n`<${Ae} pools=${p} />`}
		${se&&n`<${X}>${se}<//>`}
		<${k} error=${M} explain=${A} />
		<div class="filters" role="search" aria-label=${i("app.search")}>
			<${le} label=${i("dev.search")} value=${t} onSearch=${s=>K({q:s})} />
			<${I} label=${i("dev.status")} name="status" value=${o} options=${E} onValue=${s=>K({status:s})} />
		</div>
		${l&&n`<p class="actions">
			<span>${i("dev.onePerson")}</span>
			<button type="button" class="link" onClick=${()=>K({user:""})}>${i("dev.everyone")}</button>
		</p>`}
		<${k} error=${c.error||r.error} />
		<${oe} label=${i("dev.list")}>
			<table class="stack devices">
				<thead>
					<tr>
						<th scope="col">${i("dev.code")}</th>
						<th scope="col">${i("dev.name")}</th>
						<th scope="col">${i("dev.platform")}</th>
						<th scope="col">${i("dev.person")}</th>
						<th scope="col">${i("dev.status")}</th>
						<th scope="col">${i("dev.lastSeen")}</th>
						${a&&n`<th scope="col">${i("dev.actions")}</th>`}
					</tr>
				</thead>
				<tbody>
					${c.items.map(s=>{let b=O(s),ve=b&&ye(b);return n`<tr key=${s.id}>
							<td data-label=${i("dev.code")}><strong class="code">${s.code}</strong></td>
							<td data-label=${i("dev.name")}>${s.name||"\u2014"}</td>
							<td data-label=${i("dev.platform")}>${s.platform||"\u2014"}</td>
							<td data-label=${i("dev.person")}>
								${s.user?G(e,"members:read")?n`<${H} href=${`/orgs/${e.id}/users/${s.user.id}`}>${s.user.email}<//>`:s.user.email:"\u2014"}
							</td>
							<td data-label=${i("dev.status")}>
								<${Ce} status=${s.status} />
								${s.license&&n`<div class="muted small">${s.license.product}</div>`}
							</td>
							<td data-label=${i("dev.lastSeen")}>${s.last_seen_at?ae(s.last_seen_at):i("dev.never")}</td>
							${a&&n`<td><div class="row-actions">
								${W(s)&&n`<button type="button" class="secondary" disabled=${C} aria-label=${i("dev.assignTo",s.code)} onClick=${()=>pe(s)}>
									${i("dev.assign")}
								</button>`}
								${u&&b&&n`<button type="button" class="secondary" aria-label=${i("dev.removeOf",s.code)} onClick=${()=>P({kind:"remove",device:s})}>
									${i("dev.remove")}
								</button>`}
								${u&&ve&&n`<button type="button" class="secondary" aria-label=${i("dev.moveOf",s.code)} onClick=${()=>P({kind:"move",device:s})}>
									${i("dev.move")}
								</button>`}
								${h&&n`<button type="button" class="danger" aria-label=${i("dev.deactivateOf",s.code)} onClick=${()=>P({kind:"deactivate",device:s})}>
									${i("dev.deactivate")}
								</button>`}
							</div></td>`}
						</tr>`})}
				</tbody>
			</table>
		<//>
		${c.loading&&!c.items.length&&n`<${Y} />`}
		${!c.loading&&!c.error&&!c.items.length&&n`<p>${ue?i("dev.noMatch"):i("dev.none")}</p>`}
		<${ce} list=${c} />
		${m&&m.kind==="assign"&&n`<${B}
			title=${i("dev.assignTo",d.code)}
			confirmLabel=${i("dev.assign")}
			danger=${!1}
			busy=${C}
			onConfirm=${()=>$e(d)}
			onClose=${V}
		>
			<p>${i("dev.assignBody")}</p>
			<${I}
				label=${i("dev.assignPick")}
				name="license_id"
				value=${D}
				options=${w.map(s=>({value:s.id,label:i("dev.poolOption",s.plan?`${s.product} \xB7 ${s.plan}`:s.product,s.free)}))}
				onValue=${z}
			/>
			<${k} error=${x} explain=${A} />
		<//>`}
		${m&&m.kind==="remove"&&n`<${B}
			title=${i("dev.removeTitle",d.code)}
			confirmLabel=${i("dev.remove")}
			busy=${C}
			onConfirm=${()=>he(d)}
			onClose=${V}
		>
			<p>${i("dev.removeBody",d.license.product)}</p>
			<${k} error=${x} explain=${A} />
		<//>`}
		${m&&m.kind==="move"&&n`<${B} title=${i("dev.moveOf",d.code)} onClose=${V}>
			<p>${i("dev.moveBody")}</p>
			<${k} error=${x} explain=${A} />
			<${re}
				org=${e}
				label=${i("dev.pickSearch")}
				actionLabel=${s=>i("dev.moveTo",s)}
				exclude=${[d.id]}
				busy=${C}
				onPick=${s=>J(d,s)}
			/>
		<//>`}
		${m&&m.kind==="deactivate"&&n`<${B}
			title=${i("dev.deactivateTitle",d.code)}
			confirmLabel=${i("dev.deactivateOf",d.code)}
			busy=${C}
			onConfirm=${()=>_(d)}
			onClose=${V}
		>
			<p>${i("dev.deactivateToken")}</p>
			<p>
				${p===null?i("dev.deactivateAnySeat"):O(d)?i("dev.deactivateSeat",d.license.product):i("dev.deactivateNoSeat")}
			</p>
			<p>${i("dev.deactivateBack")}</p>
			<${k} error=${x} explain=${A} />
		<//>`}`}_e({en:{"lic.title":"Licenses","lic.none":"This organization has no licenses yet.","lic.grant":"Grant licenses","lic.grantTitle":"Grant licenses","lic.product":"Product","lic.plan":"Plan","lic.seats":"Seats","lic.unit":"Counted per","lic.unit.user":"Person","lic.unit.device":"Device","lic.state":"State","lic.state.trial":"Trial","lic.state.active":"Active","lic.state.expired":"Expired","lic.state.cancelled":"Cancelled","lic.ends":"Ends on","lic.endsHint":"Leave empty for a year from today.","lic.auto":"Give a free seat automatically to new members","lic.term":(e,t)=>`Until ${e} (${t===1?"1 day":`${$(t)} days`} left)`,"lic.termOver":e=>`Ended on ${e}`,"lic.usage":(e,t,o)=>`${$(e)} of ${$(t)} used, ${$(o)} free`,"lic.list":"License pools","lic.open":e=>`Open ${e}`,"lic.holders":"Holders","lic.search":"Search holders by name or email","lic.noHolders":"Nobody holds a seat of this pool.","lic.person":"Person","lic.email":"Email","lic.since":"Since","lic.assign":"Assign a seat","lic.assignSearch":"Find a member by name or email","lic.assignTo":e=>`Assign to ${e}`,"lic.assigned":e=>`${e} now holds a seat.`,"lic.select":e=>`Select ${e}`,"lic.selectPage":"Select every holder shown","lic.removeSelected":e=>`Take back ${$(e)} seat${e===1?"":"s"}`,"lic.removeTitle":e=>`Take back ${$(e)} seat${e===1?"":"s"}?`,"lic.removeBody":"They can no longer use the product with this license; each is told by email. Their accounts stay.","lic.results":(e,t)=>`${$(e)} taken back, ${$(t)} not.`,"lic.result.removed":"Taken back","lic.move":"Move","lic.moveTitle":e=>`Move ${e}\u2019s seat`,"lic.moveBody":"The seat goes to the member you choose, who must not hold one of this pool. Both are told by email.","lic.moveTo":e=>`Move to ${e}`,"lic.moved":(e,t)=>`The seat of ${e} is now ${t}\u2019s.`,"lic.change":"Change the pool","lic.changed":"The pool is changed.","lic.back":"All licenses","lic.waiting":"Waiting list","lic.waitingNone":"Nobody is waiting for a seat.","lic.waitingHelp":"People who joined when no seat was free. Each gets the next seat that frees up, in this order.","lic.joined":"Waiting since","lic.takeOff":e=>`Take ${e} off the list`,"lic.takenOff":e=>`${e} no longer waits.`,"lic.waitingCount":e=>`${$(e)} waiting`,"lic.reduce":"If fewer seats than are in use: take seats back from the newest holders (they are told and wait for the next seat)","lic.reduced":e=>`The pool is changed; ${$(e)} ${e===1?"person":"people"} lost a seat and wait for the next.`,"lic.device":"Device code","lic.deviceName":"Name","lic.searchDevices":"Search holders by device code, name or email","lic.noDevices":"No device holds a seat of this pool.","lic.assignDevice":"Find a device by code, name or email","lic.assignDeviceTo":e=>`Assign to ${e}`,"lic.removeDevicesBody":"These devices lose this license the next time they check; a certificate they hold already stays valid until it expires. The devices stay.","lic.moveDeviceBody":"The seat goes to the device you choose, which must not hold one of this pool.","lic.moveDeviceTo":e=>`Move to ${e}`,"lic.waitingDevicesHelp":"Devices that signed in when no seat was free. Each gets the next seat that frees up, in this order.","lic.waitingDevicesNone":"No device is waiting for a seat.","error.seat_limit_reached":"Every seat of this pool is in use: take one back first, or ask for more.","error.already_assigned":"This person holds a seat of this pool already.","error.license_inactive":"This pool has ended or was cancelled: it gives and moves no seat.","error.seats_in_use":"More seats are in use than that: take seats back first."},fr:{"lic.title":"Licences","lic.none":"Cette organisation n\u2019a pas encore de licences.","lic.grant":"Attribuer des licences","lic.grantTitle":"Attribuer des licences","lic.product":"Produit","lic.plan":"Offre","lic.seats":"Si\xE8ges","lic.unit":"Compt\xE9 par","lic.unit.user":"Personne","lic.unit.device":"Appareil","lic.state":"\xC9tat","lic.state.trial":"Essai","lic.state.active":"Active","lic.state.expired":"Expir\xE9e","lic.state.cancelled":"Annul\xE9e","lic.ends":"Fin le","lic.endsHint":"Laisser vide pour un an \xE0 partir d\u2019aujourd\u2019hui.","lic.auto":"Donner automatiquement un si\xE8ge libre aux nouveaux membres","lic.term":(e,t)=>`Jusqu\u2019au ${e} (${t<=1?`${t} jour`:`${$(t)} jours`} restants)`,"lic.termOver":e=>`Termin\xE9e le ${e}`,"lic.usage":(e,t,o)=>`${$(e)} sur ${$(t)} utilis\xE9s, ${$(o)} libres`,"lic.list":"Lots de licences","lic.open":e=>`Ouvrir ${e}`,"lic.holders":"Titulaires","lic.search":"Rechercher un titulaire par nom ou e-mail","lic.noHolders":"Personne n\u2019a de si\xE8ge de ce lot.","lic.person":"Personne","lic.email":"E-mail","lic.since":"Depuis","lic.assign":"Attribuer un si\xE8ge","lic.assignSearch":"Trouver un membre par nom ou e-mail","lic.assignTo":e=>`Attribuer \xE0 ${e}`,"lic.assigned":e=>`${e} a maintenant un si\xE8ge.`,"lic.select":e=>`S\xE9lectionner ${e}`,"lic.selectPage":"S\xE9lectionner tous les titulaires affich\xE9s","lic.removeSelected":e=>`Reprendre ${$(e)} si\xE8ge${e>1?"s":""}`,"lic.removeTitle":e=>`Reprendre ${$(e)} si\xE8ge${e>1?"s":""} ?`,"lic.removeBody":"Ils ne peuvent plus utiliser le produit avec cette licence ; chacun est pr\xE9venu par e-mail. Leurs comptes restent.","lic.results":(e,t)=>`${$(e)} repris, ${$(t)} non.`,"lic.result.removed":"Repris","lic.move":"D\xE9placer","lic.moveTitle":e=>`D\xE9placer le si\xE8ge de ${e}`,"lic.moveBody":"Le si\xE8ge va au membre choisi, qui ne doit pas en avoir un de ce lot. Les deux sont pr\xE9venus par e-mail.","lic.moveTo":e=>`D\xE9placer vers ${e}`,"lic.moved":(e,t)=>`Le si\xE8ge de ${e} est maintenant \xE0 ${t}.`,"lic.change":"Modifier le lot","lic.changed":"Le lot est modifi\xE9.","lic.back":"Toutes les licences","lic.waiting":"Liste d\u2019attente","lic.waitingNone":"Personne n\u2019attend de si\xE8ge.","lic.waitingHelp":"Les personnes arriv\xE9es quand aucun si\xE8ge n\u2019\xE9tait libre. Chacune re\xE7oit le prochain si\xE8ge lib\xE9r\xE9, dans cet ordre.","lic.joined":"En attente depuis","lic.takeOff":e=>`Retirer ${e} de la liste`,"lic.takenOff":e=>`${e} n\u2019attend plus.`,"lic.waitingCount":e=>`${$(e)} en attente`,"lic.reduce":"S\u2019il y a moins de si\xE8ges que d\u2019utilis\xE9s : reprendre les si\xE8ges des titulaires les plus r\xE9cents (ils sont pr\xE9venus et attendent le prochain si\xE8ge)","lic.reduced":e=>`Le lot est modifi\xE9 ; ${$(e)} personne${e>1?"s ont":" a"} perdu un si\xE8ge et attend${e>1?"ent":""} le prochain.`,"lic.device":"Code d\u2019appareil","lic.deviceName":"Nom","lic.searchDevices":"Rechercher un titulaire par code d\u2019appareil, nom ou e-mail","lic.noDevices":"Aucun appareil n\u2019a de si\xE8ge de ce lot.","lic.assignDevice":"Trouver un appareil par code, nom ou e-mail","lic.assignDeviceTo":e=>`Attribuer \xE0 ${e}`,"lic.removeDevicesBody":"Ces appareils perdent cette licence \xE0 leur prochaine v\xE9rification ; un certificat qu\u2019ils d\xE9tiennent d\xE9j\xE0 reste valable jusqu\u2019\xE0 son expiration. Les appareils restent.","lic.moveDeviceBody":"Le si\xE8ge va \xE0 l\u2019appareil choisi, qui ne doit pas en avoir un de ce lot.","lic.moveDeviceTo":e=>`D\xE9placer vers ${e}`,"lic.waitingDevicesHelp":"Les appareils connect\xE9s quand aucun si\xE8ge n\u2019\xE9tait libre. Chacun re\xE7oit le prochain si\xE8ge lib\xE9r\xE9, dans cet ordre.","lic.waitingDevicesNone":"Aucun appareil n\u2019attend de si\xE8ge.","error.seat_limit_reached":"Tous les si\xE8ges de ce lot sont utilis\xE9s : reprenez-en un, ou demandez-en plus.","error.already_assigned":"Cette personne a d\xE9j\xE0 un si\xE8ge de ce lot.","error.license_inactive":"Ce lot est termin\xE9 ou annul\xE9 : il ne donne ni ne d\xE9place aucun si\xE8ge.","error.seats_in_use":"Plus de si\xE8ges sont utilis\xE9s : reprenez d\u2019abord des si\xE8ges."},de:{"lic.title":"Lizenzen","lic.none":"Diese Organisation hat noch keine Lizenzen.","lic.grant":"Lizenzen vergeben","lic.grantTitle":"Lizenzen vergeben","lic.product":"Produkt","lic.plan":"Tarif","lic.seats":"Pl\xE4tze","lic.unit":"Gez\xE4hlt pro","lic.unit.user":"Person","lic.unit.device":"Ger\xE4t","lic.state":"Status","lic.state.trial":"Test","lic.state.active":"Aktiv","lic.state.expired":"Abgelaufen","lic.state.cancelled":"Gek\xFCndigt","lic.ends":"Endet am","lic.endsHint":"Leer lassen f\xFCr ein Jahr ab heute.","lic.auto":"Neuen Mitgliedern automatisch einen freien Platz geben","lic.term":(e,t)=>`Bis ${e} (noch ${t===1?"1 Tag":`${$(t)} Tage`})`,"lic.termOver":e=>`Beendet am ${e}`,"lic.usage":(e,t,o)=>`${$(e)} von ${$(t)} belegt, ${$(o)} frei`,"lic.list":"Lizenzpakete","lic.open":e=>`${e} \xF6ffnen`,"lic.holders":"Inhaber","lic.search":"Inhaber nach Name oder E-Mail suchen","lic.noHolders":"Niemand hat einen Platz dieses Pakets.","lic.person":"Person","lic.email":"E-Mail","lic.since":"Seit","lic.assign":"Platz zuweisen","lic.assignSearch":"Mitglied nach Name oder E-Mail finden","lic.assignTo":e=>`${e} zuweisen`,"lic.assigned":e=>`${e} hat jetzt einen Platz.`,"lic.select":e=>`${e} ausw\xE4hlen`,"lic.selectPage":"Alle angezeigten Inhaber ausw\xE4hlen","lic.removeSelected":e=>`${$(e)} Platz${e===1?"":"e"} entziehen`,"lic.removeTitle":e=>`${$(e)} Platz${e===1?"":"e"} entziehen?`,"lic.removeBody":"Sie k\xF6nnen das Produkt mit dieser Lizenz nicht mehr nutzen; jeder wird per E-Mail informiert. Ihre Konten bleiben.","lic.results":(e,t)=>`${$(e)} entzogen, ${$(t)} nicht.`,"lic.result.removed":"Entzogen","lic.move":"Verschieben","lic.moveTitle":e=>`Platz von ${e} verschieben`,"lic.moveBody":"Der Platz geht an das gew\xE4hlte Mitglied, das keinen Platz dieses Pakets haben darf. Beide werden per E-Mail informiert.","lic.moveTo":e=>`Zu ${e} verschieben`,"lic.moved":(e,t)=>`Der Platz von ${e} geh\xF6rt jetzt ${t}.`,"lic.change":"Paket \xE4ndern","lic.changed":"Das Paket ist ge\xE4ndert.","lic.back":"Alle Lizenzen","lic.waiting":"Warteliste","lic.waitingNone":"Niemand wartet auf einen Platz.","lic.waitingHelp":"Personen, die kamen, als kein Platz frei war. Jede erh\xE4lt in dieser Reihenfolge den n\xE4chsten frei werdenden Platz.","lic.joined":"Wartet seit","lic.takeOff":e=>`${e} von der Liste nehmen`,"lic.takenOff":e=>`${e} wartet nicht mehr.`,"lic.waitingCount":e=>`${$(e)} wartend`,"lic.reduce":"Bei weniger Pl\xE4tzen als belegt: den neuesten Inhabern Pl\xE4tze entziehen (sie werden informiert und warten auf den n\xE4chsten Platz)","lic.reduced":e=>`Das Paket ist ge\xE4ndert; ${$(e)} ${e===1?"Person hat":"Personen haben"} einen Platz verloren und warten auf den n\xE4chsten.`,"lic.device":"Ger\xE4tecode","lic.deviceName":"Name","lic.searchDevices":"Inhaber nach Ger\xE4tecode, Name oder E-Mail suchen","lic.noDevices":"Kein Ger\xE4t hat einen Platz dieses Pakets.","lic.assignDevice":"Ger\xE4t nach Code, Name oder E-Mail finden","lic.assignDeviceTo":e=>`${e} zuweisen`,"lic.removeDevicesBody":"Diese Ger\xE4te verlieren diese Lizenz bei der n\xE4chsten Pr\xFCfung; ein Zertifikat, das sie schon haben, bleibt bis zu seinem Ablauf g\xFCltig. Die Ger\xE4te bleiben.","lic.moveDeviceBody":"Der Platz geht an das gew\xE4hlte Ger\xE4t, das keinen Platz dieses Pakets haben darf.","lic.moveDeviceTo":e=>`Zu ${e} verschieben`,"lic.waitingDevicesHelp":"Ger\xE4te, die sich anmeldeten, als kein Platz frei war. Jedes erh\xE4lt in dieser Reihenfolge den n\xE4chsten frei werdenden Platz.","lic.waitingDevicesNone":"Kein Ger\xE4t wartet auf einen Platz.","error.seat_limit_reached":"Alle Pl\xE4tze dieses Pakets sind belegt: entziehen Sie zuerst einen oder fragen Sie nach mehr.","error.already_assigned":"Diese Person hat bereits einen Platz dieses Pakets.","error.license_inactive":"Dieses Paket ist beendet oder gek\xFCndigt: es vergibt und verschiebt keine Pl\xE4tze.","error.seats_in_use":"Es sind mehr Pl\xE4tze belegt: entziehen Sie zuerst Pl\xE4tze."}});var xe=["trial","active","cancelled"];function Le({pool:e}){return e.days_left>0?i("lic.term",be(e.ends_at),e.days_left):i("lic.termOver",be(e.ends_at))}function Ee({pool:e}){let t=i("lic.usage",e.used+e.reserved,e.seats,e.free);return n`<div class="usage">
		<progress max=${Math.max(e.seats,1)} value=${e.used+e.reserved} aria-label=${t}></progress>
		<span>${t}</span>
		${e.waiting>0&&n`<span class="muted small">${i("lic.waitingCount",e.waiting)}</span>`}
	</div>`}function ii({me:e,org:t}){let o=ne(()=>N(T(t.id,"/licenses")).then(l=>l.items),[t.id]);return n`
		<${R} title=${i("lic.title")}>
			${e.is_operator&&n`<${H} class="button" href=${`/orgs/${t.id}/licenses/new`}>${i("lic.grant")}<//>`}
		<//>
		<${k} error=${o.error} />
		${o.loading&&!o.data&&n`<${Y} />`}
		${o.data&&!o.data.length&&n`<p>${i("lic.none")}</p>`}
		${o.data&&o.data.length>0&&n`<${oe} label=${i("lic.list")}>
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
					${o.data.map(l=>n`<tr key=${l.id}>
							<td>
								<${H} href=${`/orgs/${t.id}/licenses/${l.id}`}>${l.product}<//>
								${l.plan&&n`<div class="muted">${l.plan}</div>`}
								<div class="muted small">${i("lic.unit")}: ${i(`lic.unit.${l.unit}`)}</div>
							</td>
							<td>${i(`lic.state.${l.state}`)}</td>
							<td><${Ee} pool=${l} /></td>
							<td><${Le} pool=${l} /></td>
						</tr>`)}
				</tbody>
			</table>
		<//>`}`}var Ne=e=>e?`${e}T23:59:59Z`:void 0;function ti({org:e}){let t=fe({product:"",plan:"",seats:"10",unit:"user",state:"active",ends_at:"",auto_assign:!1});async function o(l){l.preventDefault(),await t.submit(async u=>{let h={product:u.product,seats:Number(u.seats),unit:u.unit,state:u.state,auto_assign:u.auto_assign};if(u.plan&&(h.plan=u.plan),u.ends_at&&(h.ends_at=Ne(u.ends_at)),!/^\d+$/.test(u.seats)){t.setErrors({seats:i("error.invalid")});return}let v=await L(T(e.id,"/licenses"),h);De(`/orgs/${e.id}/licenses/${v.id}`)})}return n`
		<${R} title=${i("lic.grantTitle")} />
		<form class="card form" onSubmit=${o} novalidate>
			<${j} label=${i("lic.product")} required autocomplete="off" ...${t.bind("product")} />
			<${j} label=${i("lic.plan")} optional autocomplete="off" ...${t.bind("plan")} />
			<${j} label=${i("lic.seats")} type="number" min="0" max="1000000" required ...${t.bind("seats")} />
			<${I}
				label=${i("lic.unit")}
				options=${["user","device"].map(l=>({value:l,label:i(`lic.unit.${l}`)}))}
				...${t.bind("unit")}
			/>
			<${I}
				label=${i("lic.state")}
				options=${["active","trial"].map(l=>({value:l,label:i(`lic.state.${l}`)}))}
				...${t.bind("state")}
			/>
			<${j} label=${i("lic.ends")} type="date" hint=${i("lic.endsHint")} ...${t.bind("ends_at")} />
			<${me} label=${i("lic.auto")} name="auto_assign" checked=${t.values.auto_assign} onValue=${l=>t.set("auto_assign",l)} />
			<${k} error=${t.error} />
			<div class="actions">
				<${H} class="button secondary" href=${`/orgs/${e.id}/licenses`}>${i("app.cancel")}<//>
				<button type="submit" disabled=${t.busy}>${i("lic.grant")}</button>
			</div>
		</form>`}function Oe({org:e,pool:t,onChanged:o}){let l=fe({seats:String(t.seats),state:t.state==="expired"?"active":t.state,auto_assign:t.auto_assign,ends_at:t.ends_at.slice(0,10),reduce:!1}),[u,h]=f("");async function v(r){r.preventDefault(),h(""),await l.submit(async y=>{let c={seats:Number(y.seats),state:y.state,auto_assign:y.auto_assign,ends_at:y.ends_at===t.ends_at.slice(0,10)?t.ends_at:Ne(y.ends_at)};y.reduce&&(c.reduce="newest_first");let m=await Pe(T(e.id,`/licenses/${t.id}`),c);o(m),h(m.taken_back.length?i("lic.reduced",m.taken_back.length):i("lic.changed"))})}return n`<form class="card form" onSubmit=${v} aria-labelledby="change-title" novalidate>
		<h2 id="change-title">${i("lic.change")}</h2>
		<${j} label=${i("lic.seats")} type="number" min="0" max="1000000" ...${l.bind("seats")} />
		<${I} label=${i("lic.state")} options=${xe.map(r=>({value:r,label:i(`lic.state.${r}`)}))} ...${l.bind("state")} />
		<${j} label=${i("lic.ends")} type="date" ...${l.bind("ends_at")} />
		<${me} label=${i("lic.auto")} name="auto_assign" checked=${l.values.auto_assign} onValue=${r=>l.set("auto_assign",r)} />
		<${me} label=${i("lic.reduce")} name="reduce" checked=${l.values.reduce} onValue=${r=>l.set("reduce",r)} />
		<${k} error=${l.error} />
		${u&&n`<${X}>${u}<//>`}
		<div class="actions"><button type="submit" disabled=${l.busy}>${i("app.save")}</button></div>
	</form>`}function Se({org:e,label:t,actionLabel:o,onPick:l,busy:u}){let[h,v]=f(""),r=Q(()=>h?N(T(e.id,"/members"),{q:h,limit:8}):Promise.resolve({items:[],next_cursor:null}),[e.id,h]),y=ee(r,[r]);return n`<div class="picker">
		<${le} label=${t} value=${h} onSearch=${v} />
		<${k} error=${y.error} />
		<ul class="picks">
			${y.items.map(c=>n`<li key=${c.id}>
					<span>${ie(c)?n`${ie(c)} <span class="muted">${c.email}</span>`:c.email}</span>
					<button type="button" class="secondary" disabled=${u} onClick=${()=>l(c)}>
						${o(ie(c)||c.email)}
					</button>
				</li>`)}
		</ul>
	</div>`}function qe({org:e,pool:t,writable:o,version:l,onChange:u}){let h=T(e.id,`/licenses/${t.id}/waiting`),v=Q(g=>N(h,{cursor:g,limit:50}),[h,l]),r=ee(v,[v]),[y,c]=f(null),[m,P]=f(""),D=t.unit==="device",z=g=>Be(g,D);async function C(g){c(null);try{await ke("DELETE",`${h}/${encodeURIComponent(g.holder_id)}`),P(i("lic.takenOff",z(g))),u()}catch(M){c(M)}}return n`<section class="card" aria-labelledby="waiting-title">
		<h2 id="waiting-title">${i("lic.waiting")}</h2>
		<p class="hint">${i(D?"lic.waitingDevicesHelp":"lic.waitingHelp")}</p>
		${m&&n`<${X}>${m}<//>`}
		<${k} error=${y||r.error} />
		${!r.loading&&!r.error&&!r.items.length&&n`<p>${i(D?"lic.waitingDevicesNone":"lic.waitingNone")}</p>`}
		${r.items.length>0&&n`<ol class="waiting">
			${r.items.map(g=>n`<li key=${g.holder_id}>
					<span>${z(g)}${D&&g.email?n` <span class="muted">${g.email}</span>`:""} <span class="muted">${i("lic.joined")} ${ae(g.joined_at)}</span></span>
					${o&&n`<button type="button" class="secondary" onClick=${()=>C(g)}>${i("lic.takeOff",z(g))}</button>`}
				</li>`)}
		</ol>`}
		<${ce} list=${r} />
	</section>`}function He(e,t){return e==="removed"?i("lic.result.removed"):t?A({code:e}):Te({code:e})}function Be(e,t){return t?e.device&&e.device.code||e.device_id||e.holder_id:ie(e)||e.email}function si({me:e,org:t,params:o}){let l=ne(()=>N(T(t.id,`/licenses/${encodeURIComponent(o.lic)}`)),[t.id,o.lic]),u=Z("q"),h=Q(a=>N(T(t.id,`/licenses/${encodeURIComponent(o.lic)}/seats`),{q:u,cursor:a,limit:50}),[t.id,o.lic,u]),v=ee(h,[h]),[r,y]=f(new Map),[c,m]=f(null),[P,D]=f(null),[z,C]=f(!1),[g,M]=f(null),[te,x]=f(""),[U,se]=f(0),S=G(t,"licenses:assign"),p=l.data;if(l.error)return n`<${R} title=${i("lic.title")} /><${k} error=${l.error} />`;if(!p)return n`<${Y} />`;let w=T(t.id,`/licenses/${p.id}/seats`),O=()=>{l.reload(),v.reload(),se(a=>a+1)};async function W(a,d){C(!0),M(null),x("");try{await a(),x(d),O()}catch(s){M(s)}finally{C(!1)}}let de=a=>W(()=>L(w,{user_id:a.id}),i("lic.assigned",ie(a)||a.email)),V=a=>W(()=>L(w,{device_id:a.id}),i("dev.assigned",a.code)),q=a=>W(async()=>{await L(`${w}/move`,{from:P.user_id,to:a.id}),D(null)},i("lic.moved",P.email,a.email)),F=a=>W(async()=>{await L(`${w}/move`,{from:P.holder_id,to:a.id}),D(null)},i("dev.moved",E(P),a.code));async function pe(){let a=[...r.values()];C(!0);try{let d=await L(`${w}/remove`,{ids:a.map(s=>s.holder_id)});m({people:a,results:d.items}),y(new Map),O()}catch(d){m(null),M(d)}finally{C(!1)}}let $e=(a,d)=>y(s=>{let b=new Map(s);return d?b.set(a.holder_id,a):b.delete(a.holder_id),b}),he=v.items.length>0&&v.items.every(a=>r.has(a.holder_id)),J=p.state!=="expired"&&p.state!=="cancelled",_=p.unit==="device",E=a=>Be(a,_),ue=_?A:void 0;return n`
		<${R} title=${p.plan?`${p.product} \xB7 ${p.plan}`:p.product}>
			<${H} class="button secondary" href=${`/orgs/${t.id}/licenses`}>${i("lic.back")}<//>
		<//>
		<section class="card" aria-label=${i("lic.seats")}>
			<p><strong>${i(`lic.state.${p.state}`)}</strong> · ${i("lic.unit")}: ${i(`lic.unit.${p.unit}`)} · <${Le} pool=${p} /></p>
			<${Ee} pool=${p} />
		</section>
		${te&&n`<${X}>${te}<//>`}
		<${k} error=${g} explain=${ue} />
		${S&&J&&_&&n`<section class="card" aria-labelledby="assign-title">
			<h2 id="assign-title">${i("lic.assign")}</h2>
			<${re} org=${t} label=${i("lic.assignDevice")} actionLabel=${a=>i("lic.assignDeviceTo",a)} onPick=${V} busy=${z} />
		</section>`}
		${S&&J&&p.unit==="user"&&n`<section class="card" aria-labelledby="assign-title">
			<h2 id="assign-title">${i("lic.assign")}</h2>
			<${Se} org=${t} label=${i("lic.assignSearch")} actionLabel=${a=>i("lic.assignTo",a)} onPick=${de} busy=${z} />
		</section>`}
		<h2>${i("lic.holders")}</h2>
		<div class="filters">
			<${le} label=${i(_?"lic.searchDevices":"lic.search")} value=${u} onSearch=${a=>K({q:a})} />
		</div>
		${S&&r.size>0&&n`<div class="bulk">
			<button type="button" class="danger" onClick=${()=>m({people:[...r.values()]})}>
				${i("lic.removeSelected",r.size)}
			</button>
		</div>`}
		<${k} error=${v.error} />
		<${oe} label=${i("lic.holders")}>
			<table>
				<thead>
					<tr>
						${S&&n`<th scope="col" class="pick">
							<input
								type="checkbox"
								aria-label=${i("lic.selectPage")}
								checked=${he}
								onChange=${a=>v.items.forEach(d=>$e(d,a.currentTarget.checked))}
							/>
						</th>`}
						${_?n`<th scope="col">${i("lic.device")}</th>
									<th scope="col">${i("lic.deviceName")}</th>`:n`<th scope="col">${i("lic.person")}</th>`}
						<th scope="col">${i("lic.email")}</th>
						<th scope="col">${i("lic.since")}</th>
						${S&&J&&n`<th scope="col"><span class="visually-hidden">${i("lic.move")}</span></th>`}
					</tr>
				</thead>
				<tbody>
					${v.items.map(a=>n`<tr key=${a.holder_id}>
							${S&&n`<td class="pick">
								<input
									type="checkbox"
									aria-label=${i("lic.select",E(a))}
									checked=${r.has(a.holder_id)}
									onChange=${d=>$e(a,d.currentTarget.checked)}
								/>
							</td>`}
							${_?n`<td><strong class="code">${E(a)}</strong></td>
										<td>${a.device&&a.device.name||"\u2014"}</td>`:n`<td>${E(a)}</td>`}
							<td>${a.email||"\u2014"}</td>
							<td>${ae(a.assigned_at)}</td>
							${S&&J&&n`<td>
								<button type="button" class="secondary" onClick=${()=>D(a)} aria-label=${i("lic.moveTitle",E(a))}>
									${i("lic.move")}
								</button>
							</td>`}
						</tr>`)}
				</tbody>
			</table>
		<//>
		${v.loading&&!v.items.length&&n`<${Y} />`}
		${!v.loading&&!v.error&&!v.items.length&&n`<p>${i(_?"lic.noDevices":"lic.noHolders")}</p>`}
		<${ce} list=${v} />
		<${qe} org=${t} pool=${p} writable=${S} version=${U} onChange=${O} />
		${e.is_operator&&n`<${Oe}
			org=${t}
			pool=${p}
			onChanged=${a=>{l.setData(a),v.reload(),se(d=>d+1)}}
		/>`}
		${c&&!c.results&&n`<${B}
			title=${i("lic.removeTitle",c.people.length)}
			confirmLabel=${i("lic.removeSelected",c.people.length)}
			busy=${z}
			onConfirm=${pe}
			onClose=${()=>m(null)}
		>
			<p>${i(_?"lic.removeDevicesBody":"lic.removeBody")}</p>
			<ul class="names">${c.people.map(a=>n`<li>${_?E(a):a.email}</li>`)}</ul>
		<//>`}
		${c&&c.results&&n`<${B}
			title=${i("lic.results",c.results.filter(a=>a.result==="removed").length,c.results.filter(a=>a.result!=="removed").length)}
			confirmLabel=${i("app.close")}
			danger=${!1}
			onConfirm=${()=>m(null)}
			onClose=${()=>m(null)}
		>
			<ul class="results">
				${c.results.map(a=>{let d=c.people.find(s=>s.holder_id===a.id);return n`<li class=${a.result==="removed"?"ok":"refused"}>
						<strong>${d?_?E(d):d.email:a.id}</strong>: ${He(a.result,_)}
					</li>`})}
			</ul>
		<//>`}
		${P&&n`<${B}
			title=${i("lic.moveTitle",E(P))}
			onClose=${()=>D(null)}
		>
			<p>${i(_?"lic.moveDeviceBody":"lic.moveBody")}</p>
			<${k} error=${g} explain=${ue} />
			${_?n`<${re}
						org=${t}
						label=${i("lic.assignDevice")}
						actionLabel=${a=>i("lic.moveDeviceTo",a)}
						exclude=${[P.holder_id]}
						onPick=${F}
						busy=${z}
					/>`:n`<${Se} org=${t} label=${i("lic.assignSearch")} actionLabel=${a=>i("lic.moveTo",a)} onPick=${q} busy=${z} />`}
		<//>`}`}export{Me as Devices,ti as GrantLicense,si as LicenseDetail,ii as Licenses};
