import{f as ce}from"./chunk-H2GYPOK5.js";import{A as ne,C as L,E as a,F as G,G as I,H as _,J as x,K as R,L as g,M as F,N as E,O as w,P as U,Q as V,R as re,S as J,T as M,W as v,c as b,f as O,i as z,j as S,k as ee,n as f,o as te,s as t,t as j,u as ie,v as c,w as se,x as le,z as ae}from"./chunk-NWDNQ3TV.js";te({en:{"lic.title":"Licenses","lic.none":"This organization has no licenses yet.","lic.grant":"Grant licenses","lic.grantTitle":"Grant licenses","lic.product":"Product","lic.plan":"Plan","lic.seats":"Seats","lic.unit":"Counted per","lic.unit.user":"Person","lic.unit.device":"Device","lic.state":"State","lic.state.trial":"Trial","lic.state.active":"Active","lic.state.expired":"Expired","lic.state.cancelled":"Cancelled","lic.ends":"Ends on","lic.endsHint":"Leave empty for a year from today.","lic.auto":"Give a free seat automatically to new members","lic.term":(e,i)=>`Until ${e} (${i===1?"1 day":`${c(i)} days`} left)`,"lic.termOver":e=>`Ended on ${e}`,"lic.usage":(e,i,n)=>`${c(e)} of ${c(i)} used, ${c(n)} free`,"lic.list":"License pools","lic.open":e=>`Open ${e}`,"lic.holders":"Holders","lic.search":"Search holders by name or email","lic.noHolders":"Nobody holds a seat of this pool.","lic.person":"Person","lic.email":"Email","lic.since":"Since","lic.assign":"Assign a seat","lic.assignSearch":"Find a member by name or email","lic.assignTo":e=>`Assign to ${e}`,"lic.assigned":e=>`${e} now holds a seat.`,"lic.select":e=>`Select ${e}`,"lic.selectPage":"Select every holder shown","lic.removeSelected":e=>`Take back ${c(e)} seat${e===1?"":"s"}`,"lic.removeTitle":e=>`Take back ${c(e)} seat${e===1?"":"s"}?`,"lic.removeBody":"They can no longer use the product with this license; each is told by email. Their accounts stay.","lic.results":(e,i)=>`${c(e)} taken back, ${c(i)} not.`,"lic.result.removed":"Taken back","lic.move":"Move","lic.moveTitle":e=>`Move ${e}\u2019s seat`,"lic.moveBody":"The seat goes to the member you choose, who must not hold one of this pool. Both are told by email.","lic.moveTo":e=>`Move to ${e}`,"lic.moved":(e,i)=>`The seat of ${e} is now ${i}\u2019s.`,"lic.change":"Change the pool","lic.changed":"The pool is changed.","lic.back":"All licenses","error.seat_limit_reached":"Every seat of this pool is in use: take one back first, or ask for more.","error.already_assigned":"This person holds a seat of this pool already.","error.license_inactive":"This pool has ended or was cancelled: it gives and moves no seat.","error.seats_in_use":"More seats are in use than that: take seats back first."},fr:{"lic.title":"Licences","lic.none":"Cette organisation n\u2019a pas encore de licences.","lic.grant":"Attribuer des licences","lic.grantTitle":"Attribuer des licences","lic.product":"Produit","lic.plan":"Offre","lic.seats":"Si\xE8ges","lic.unit":"Compt\xE9 par","lic.unit.user":"Personne","lic.unit.device":"Appareil","lic.state":"\xC9tat","lic.state.trial":"Essai","lic.state.active":"Active","lic.state.expired":"Expir\xE9e","lic.state.cancelled":"Annul\xE9e","lic.ends":"Fin le","lic.endsHint":"Laisser vide pour un an \xE0 partir d\u2019aujourd\u2019hui.","lic.auto":"Donner automatiquement un si\xE8ge libre aux nouveaux membres","lic.term":(e,i)=>`Jusqu\u2019au ${e} (${i<=1?`${i} jour`:`${c(i)} jours`} restants)`,"lic.termOver":e=>`Termin\xE9e le ${e}`,"lic.usage":(e,i,n)=>`${c(e)} sur ${c(i)} utilis\xE9s, ${c(n)} libres`,"lic.list":"Lots de licences","lic.open":e=>`Ouvrir ${e}`,"lic.holders":"Titulaires","lic.search":"Rechercher un titulaire par nom ou e-mail","lic.noHolders":"Personne n\u2019a de si\xE8ge de ce lot.","lic.person":"Personne","lic.email":"E-mail","lic.since":"Depuis","lic.assign":"Attribuer un si\xE8ge","lic.assignSearch":"Trouver un membre par nom ou e-mail","lic.assignTo":e=>`Attribuer \xE0 ${e}`,"lic.assigned":e=>`${e} a maintenant un si\xE8ge.`,"lic.select":e=>`S\xE9lectionner ${e}`,"lic.selectPage":"S\xE9lectionner tous les titulaires affich\xE9s","lic.removeSelected":e=>`Reprendre ${c(e)} si\xE8ge${e>1?"s":""}`,"lic.removeTitle":e=>`Reprendre ${c(e)} si\xE8ge${e>1?"s":""} ?`,"lic.removeBody":"Ils ne peuvent plus utiliser le produit avec cette licence ; chacun est pr\xE9venu par e-mail. Leurs comptes restent.","lic.results":(e,i)=>`${c(e)} repris, ${c(i)} non.`,"lic.result.removed":"Repris","lic.move":"D\xE9placer","lic.moveTitle":e=>`D\xE9placer le si\xE8ge de ${e}`,"lic.moveBody":"Le si\xE8ge va au membre choisi, qui ne doit pas en avoir un de ce lot. Les deux sont pr\xE9venus par e-mail.","lic.moveTo":e=>`D\xE9placer vers ${e}`,"lic.moved":(e,i)=>`Le si\xE8ge de ${e} est maintenant \xE0 ${i}.`,"lic.change":"Modifier le lot","lic.changed":"Le lot est modifi\xE9.","lic.back":"Toutes les licences","error.seat_limit_reached":"Tous les si\xE8ges de ce lot sont utilis\xE9s : reprenez-en un, ou demandez-en plus.","error.already_assigned":"Cette personne a d\xE9j\xE0 un si\xE8ge de ce lot.","error.license_inactive":"Ce lot est termin\xE9 ou annul\xE9 : il ne donne ni ne d\xE9place aucun si\xE8ge.","error.seats_in_use":"Plus de si\xE8ges sont utilis\xE9s : reprenez d\u2019abord des si\xE8ges."},de:{"lic.title":"Lizenzen","lic.none":"Diese Organisation hat noch keine Lizenzen.","lic.grant":"Lizenzen vergeben","lic.grantTitle":"Lizenzen vergeben","lic.product":"Produkt","lic.plan":"Tarif","lic.seats":"Pl\xE4tze","lic.unit":"Gez\xE4hlt pro","lic.unit.user":"Person","lic.unit.device":"Ger\xE4t","lic.state":"Status","lic.state.trial":"Test","lic.state.active":"Aktiv","lic.state.expired":"Abgelaufen","lic.state.cancelled":"Gek\xFCndigt","lic.ends":"Endet am","lic.endsHint":"Leer lassen f\xFCr ein Jahr ab heute.","lic.auto":"Neuen Mitgliedern automatisch einen freien Platz geben","lic.term":(e,i)=>`Bis ${e} (noch ${i===1?"1 Tag":`${c(i)} Tage`})`,"lic.termOver":e=>`Beendet am ${e}`,"lic.usage":(e,i,n)=>`${c(e)} von ${c(i)} belegt, ${c(n)} frei`,"lic.list":"Lizenzpakete","lic.open":e=>`${e} \xF6ffnen`,"lic.holders":"Inhaber","lic.search":"Inhaber nach Name oder E-Mail suchen","lic.noHolders":"Niemand hat einen Platz dieses Pakets.","lic.person":"Person","lic.email":"E-Mail","lic.since":"Seit","lic.assign":"Platz zuweisen","lic.assignSearch":"Mitglied nach Name oder E-Mail finden","lic.assignTo":e=>`${e} zuweisen`,"lic.assigned":e=>`${e} hat jetzt einen Platz.`,"lic.select":e=>`${e} ausw\xE4hlen`,"lic.selectPage":"Alle angezeigten Inhaber ausw\xE4hlen","lic.removeSelected":e=>`${c(e)} Platz${e===1?"":"e"} entziehen`,"lic.removeTitle":e=>`${c(e)} Platz${e===1?"":"e"} entziehen?`,"lic.removeBody":"Sie k\xF6nnen das Produkt mit dieser Lizenz nicht mehr nutzen; jeder wird per E-Mail informiert. Ihre Konten bleiben.","lic.results":(e,i)=>`${c(e)} entzogen, ${c(i)} nicht.`,"lic.result.removed":"Entzogen","lic.move":"Verschieben","lic.moveTitle":e=>`Platz von ${e} verschieben`,"lic.moveBody":"Der Platz geht an das gew\xE4hlte Mitglied, das keinen Platz dieses Pakets haben darf. Beide werden per E-Mail informiert.","lic.moveTo":e=>`Zu ${e} verschieben`,"lic.moved":(e,i)=>`Der Platz von ${e} geh\xF6rt jetzt ${i}.`,"lic.change":"Paket \xE4ndern","lic.changed":"Das Paket ist ge\xE4ndert.","lic.back":"Alle Lizenzen","error.seat_limit_reached":"Alle Pl\xE4tze dieses Pakets sind belegt: entziehen Sie zuerst einen oder fragen Sie nach mehr.","error.already_assigned":"Diese Person hat bereits einen Platz dieses Pakets.","error.license_inactive":"Dieses Paket ist beendet oder gek\xFCndigt: es vergibt und verschiebt keine Pl\xE4tze.","error.seats_in_use":"Es sind mehr Pl\xE4tze belegt: entziehen Sie zuerst Pl\xE4tze."}});var ge=["trial","active","cancelled"];function de({pool:e}){return e.days_left>0?t("lic.term",j(e.ends_at),e.days_left):t("lic.termOver",j(e.ends_at))}function $e({pool:e}){let i=t("lic.usage",e.used+e.reserved,e.seats,e.free);return a`<div class="usage">
		<progress max=${Math.max(e.seats,1)} value=${e.used+e.reserved} aria-label=${i}></progress>
		<span>${i}</span>
	</div>`}function Se({me:e,org:i}){let n=G(()=>z(f(i.id,"/licenses")).then(l=>l.items),[i.id]);return a`
		<${w} title=${t("lic.title")}>
			${e.is_operator&&a`<${L} class="button" href=${`/orgs/${i.id}/licenses/new`}>${t("lic.grant")}<//>`}
		<//>
		<${g} error=${n.error} />
		${n.loading&&!n.data&&a`<${E} />`}
		${n.data&&!n.data.length&&a`<p>${t("lic.none")}</p>`}
		${n.data&&n.data.length>0&&a`<${J} label=${t("lic.list")}>
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
					${n.data.map(l=>a`<tr key=${l.id}>
							<td>
								<${L} href=${`/orgs/${i.id}/licenses/${l.id}`}>${l.product}<//>
								${l.plan&&a`<div class="muted">${l.plan}</div>`}
								<div class="muted small">${t("lic.unit")}: ${t(`lic.unit.${l.unit}`)}</div>
							</td>
							<td>${t(`lic.state.${l.state}`)}</td>
							<td><${$e} pool=${l} /></td>
							<td><${de} pool=${l} /></td>
						</tr>`)}
				</tbody>
			</table>
		<//>`}`}var ue=e=>e?`${e}T23:59:59Z`:void 0;function Le({org:e}){let i=I({product:"",plan:"",seats:"10",unit:"user",state:"active",ends_at:"",auto_assign:!1});async function n(l){l.preventDefault(),await i.submit(async o=>{let u={product:o.product,seats:Number(o.seats),unit:o.unit,state:o.state,auto_assign:o.auto_assign};if(o.plan&&(u.plan=o.plan),o.ends_at&&(u.ends_at=ue(o.ends_at)),!/^\d+$/.test(o.seats)){i.setErrors({seats:t("error.invalid")});return}let d=await S(f(e.id,"/licenses"),u);le(`/orgs/${e.id}/licenses/${d.id}`)})}return a`
		<${w} title=${t("lic.grantTitle")} />
		<form class="card form" onSubmit=${n} novalidate>
			<${_} label=${t("lic.product")} required autocomplete="off" ...${i.bind("product")} />
			<${_} label=${t("lic.plan")} optional autocomplete="off" ...${i.bind("plan")} />
			<${_} label=${t("lic.seats")} type="number" min="0" max="1000000" required ...${i.bind("seats")} />
			<${x}
				label=${t("lic.unit")}
				options=${["user","device"].map(l=>({value:l,label:t(`lic.unit.${l}`)}))}
				...${i.bind("unit")}
			/>
			<${x}
				label=${t("lic.state")}
				options=${["active","trial"].map(l=>({value:l,label:t(`lic.state.${l}`)}))}
				...${i.bind("state")}
			/>
			<${_} label=${t("lic.ends")} type="date" hint=${t("lic.endsHint")} ...${i.bind("ends_at")} />
			<${R} label=${t("lic.auto")} name="auto_assign" checked=${i.values.auto_assign} onValue=${l=>i.set("auto_assign",l)} />
			<${g} error=${i.error} />
			<div class="actions">
				<${L} class="button secondary" href=${`/orgs/${e.id}/licenses`}>${t("app.cancel")}<//>
				<button type="submit" disabled=${i.busy}>${t("lic.grant")}</button>
			</div>
		</form>`}function ve({org:e,pool:i,onChanged:n}){let l=I({seats:String(i.seats),state:i.state==="expired"?"active":i.state,auto_assign:i.auto_assign,ends_at:i.ends_at.slice(0,10)}),[o,u]=b(!1);async function d($){$.preventDefault(),u(!1),await l.submit(async p=>{let r=await ee(f(e.id,`/licenses/${i.id}`),{seats:Number(p.seats),state:p.state,auto_assign:p.auto_assign,ends_at:p.ends_at===i.ends_at.slice(0,10)?i.ends_at:ue(p.ends_at)});n(r),u(!0)})}return a`<form class="card form" onSubmit=${d} aria-labelledby="change-title" novalidate>
		<h2 id="change-title">${t("lic.change")}</h2>
		<${_} label=${t("lic.seats")} type="number" min="0" max="1000000" ...${l.bind("seats")} />
		<${x} label=${t("lic.state")} options=${ge.map($=>({value:$,label:t(`lic.state.${$}`)}))} ...${l.bind("state")} />
		<${_} label=${t("lic.ends")} type="date" ...${l.bind("ends_at")} />
		<${R} label=${t("lic.auto")} name="auto_assign" checked=${l.values.auto_assign} onValue=${$=>l.set("auto_assign",$)} />
		<${g} error=${l.error} />
		${o&&a`<${F}>${t("lic.changed")}<//>`}
		<div class="actions"><button type="submit" disabled=${l.busy}>${t("app.save")}</button></div>
	</form>`}function oe({org:e,label:i,actionLabel:n,onPick:l,busy:o}){let[u,d]=b(""),$=O(()=>u?z(f(e.id,"/members"),{q:u,limit:8}):Promise.resolve({items:[],next_cursor:null}),[e.id,u]),p=V($,[$]);return a`<div class="picker">
		<${U} label=${i} value=${u} onSearch=${d} />
		<${g} error=${p.error} />
		<ul class="picks">
			${p.items.map(r=>a`<li key=${r.id}>
					<span>${v(r)?a`${v(r)} <span class="muted">${r.email}</span>`:r.email}</span>
					<button type="button" class="secondary" disabled=${o} onClick=${()=>l(r)}>
						${n(v(r)||r.email)}
					</button>
				</li>`)}
		</ul>
	</div>`}function fe(e){return e==="removed"?t("lic.result.removed"):se({code:e})}function we({me:e,org:i,params:n}){let l=G(()=>z(f(i.id,`/licenses/${encodeURIComponent(n.lic)}`)),[i.id,n.lic]),o=ae("q"),u=O(s=>z(f(i.id,`/licenses/${encodeURIComponent(n.lic)}/seats`),{q:o,cursor:s,limit:50}),[i.id,n.lic,o]),d=V(u,[u]),[$,p]=b(new Map),[r,k]=b(null),[T,D]=b(null),[A,C]=b(!1),[Q,B]=b(null),[W,Z]=b(""),P=ce(i,"licenses:assign"),m=l.data;if(l.error)return a`<${w} title=${t("lic.title")} /><${g} error=${l.error} />`;if(!m)return a`<${E} />`;let N=f(i.id,`/licenses/${m.id}/seats`),K=()=>{l.reload(),d.reload()};async function X(s,h){C(!0),B(null),Z("");try{await s(),Z(h),K()}catch(y){B(y)}finally{C(!1)}}let me=s=>X(()=>S(N,{user_id:s.id}),t("lic.assigned",v(s)||s.email)),he=s=>X(async()=>{await S(`${N}/move`,{from:T.user_id,to:s.id}),D(null)},t("lic.moved",T.email,s.email));async function pe(){let s=[...$.values()];C(!0);try{let h=await S(`${N}/remove`,{ids:s.map(y=>y.holder_id)});k({people:s,results:h.items}),p(new Map),K()}catch(h){k(null),B(h)}finally{C(!1)}}let Y=(s,h)=>p(y=>{let H=new Map(y);return h?H.set(s.holder_id,s):H.delete(s.holder_id),H}),be=d.items.length>0&&d.items.every(s=>$.has(s.holder_id)),q=m.state!=="expired"&&m.state!=="cancelled";return a`
		<${w} title=${m.plan?`${m.product} \xB7 ${m.plan}`:m.product}>
			<${L} class="button secondary" href=${`/orgs/${i.id}/licenses`}>${t("lic.back")}<//>
		<//>
		<section class="card" aria-label=${t("lic.seats")}>
			<p><strong>${t(`lic.state.${m.state}`)}</strong> · ${t("lic.unit")}: ${t(`lic.unit.${m.unit}`)} · <${de} pool=${m} /></p>
			<${$e} pool=${m} />
		</section>
		${W&&a`<${F}>${W}<//>`}
		<${g} error=${Q} />
		${P&&q&&m.unit==="user"&&a`<section class="card" aria-labelledby="assign-title">
			<h2 id="assign-title">${t("lic.assign")}</h2>
			<${oe} org=${i} label=${t("lic.assignSearch")} actionLabel=${s=>t("lic.assignTo",s)} onPick=${me} busy=${A} />
		</section>`}
		<h2>${t("lic.holders")}</h2>
		<div class="filters">
			<${U} label=${t("lic.search")} value=${o} onSearch=${s=>ne({q:s})} />
		</div>
		${P&&$.size>0&&a`<div class="bulk">
			<button type="button" class="danger" onClick=${()=>k({people:[...$.values()]})}>
				${t("lic.removeSelected",$.size)}
			</button>
		</div>`}
		<${g} error=${d.error} />
		<${J} label=${t("lic.holders")}>
			<table>
				<thead>
					<tr>
						${P&&a`<th scope="col" class="pick">
							<input
								type="checkbox"
								aria-label=${t("lic.selectPage")}
								checked=${be}
								onChange=${s=>d.items.forEach(h=>Y(h,s.currentTarget.checked))}
							/>
						</th>`}
						<th scope="col">${t("lic.person")}</th>
						<th scope="col">${t("lic.email")}</th>
						<th scope="col">${t("lic.since")}</th>
						${P&&q&&a`<th scope="col"><span class="visually-hidden">${t("lic.move")}</span></th>`}
					</tr>
				</thead>
				<tbody>
					${d.items.map(s=>a`<tr key=${s.holder_id}>
							${P&&a`<td class="pick">
								<input
									type="checkbox"
									aria-label=${t("lic.select",v(s)||s.email)}
									checked=${$.has(s.holder_id)}
									onChange=${h=>Y(s,h.currentTarget.checked)}
								/>
							</td>`}
							<td>${v(s)||s.email}</td>
							<td>${s.email}</td>
							<td>${ie(s.assigned_at)}</td>
							${P&&q&&a`<td>
								<button type="button" class="secondary" onClick=${()=>D(s)} aria-label=${t("lic.moveTitle",v(s)||s.email)}>
									${t("lic.move")}
								</button>
							</td>`}
						</tr>`)}
				</tbody>
			</table>
		<//>
		${d.loading&&!d.items.length&&a`<${E} />`}
		${!d.loading&&!d.error&&!d.items.length&&a`<p>${t("lic.noHolders")}</p>`}
		<${re} list=${d} />
		${e.is_operator&&a`<${ve} org=${i} pool=${m} onChanged=${s=>l.setData(s)} />`}
		${r&&!r.results&&a`<${M}
			title=${t("lic.removeTitle",r.people.length)}
			confirmLabel=${t("lic.removeSelected",r.people.length)}
			busy=${A}
			onConfirm=${pe}
			onClose=${()=>k(null)}
		>
			<p>${t("lic.removeBody")}</p>
			<ul class="names">${r.people.map(s=>a`<li>${s.email}</li>`)}</ul>
		<//>`}
		${r&&r.results&&a`<${M}
			title=${t("lic.results",r.results.filter(s=>s.result==="removed").length,r.results.filter(s=>s.result!=="removed").length)}
			confirmLabel=${t("app.close")}
			danger=${!1}
			onConfirm=${()=>k(null)}
			onClose=${()=>k(null)}
		>
			<ul class="results">
				${r.results.map(s=>{let h=r.people.find(y=>y.holder_id===s.id);return a`<li class=${s.result==="removed"?"ok":"refused"}>
						<strong>${h?h.email:s.id}</strong>: ${fe(s.result)}
					</li>`})}
			</ul>
		<//>`}
		${T&&a`<${M}
			title=${t("lic.moveTitle",v(T)||T.email)}
			onClose=${()=>D(null)}
		>
			<p>${t("lic.moveBody")}</p>
			<${g} error=${Q} />
			<${oe} org=${i} label=${t("lic.assignSearch")} actionLabel=${s=>t("lic.moveTo",s)} onPick=${he} busy=${A} />
		<//>`}`}export{Le as GrantLicense,we as LicenseDetail,Se as Licenses};
