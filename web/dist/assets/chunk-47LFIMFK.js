import{B as c,C as s,E as k,G as d,J as m,L as $,N as O,P as L,Q as S,S as D,T as R,U as M,c as h,f as v,i as w,o as y,p as A,u as t,w as _,y as z}from"./chunk-A7NAGZSC.js";var C=["org.created","org.updated","org.closed","org.independent","org.administrator_designated","module.enabled","module.disabled","customer.created","customer.independent","member.created","member.role_changed","member.removed","role.created","role.updated","role.deleted","license.granted","license.updated","seat.assigned","seat.removed","seat.moved","seat.waiting","seat.waiting_left","device.activated","device.deactivated"];A({en:{"audit.title":"Audit log","audit.action":"Action","audit.allActions":"All actions","audit.actor":"By (user id)","audit.actorHint":"The id of the person who acted, as shown in this list.","audit.since":"From","audit.until":"To","audit.apply":"Filter","audit.clear":"Clear the filters","audit.at":"When","audit.who":"Who","audit.what":"What","audit.target":"On","audit.from":"From address","audit.system":"The system","audit.none":"No entry matches.","audit.list":"Audit entries","audit.order":"Order","audit.newest":"Newest first","audit.oldest":"Oldest first","action.org.created":"Organization created","action.org.updated":"Organization changed","action.org.closed":"Organization closed","action.org.independent":"Became independent","action.org.administrator_designated":"Administrator designated","action.module.enabled":"Module switched on","action.module.disabled":"Module switched off","action.customer.created":"Customer created","action.customer.independent":"Customer became independent","action.member.created":"Member added","action.member.role_changed":"Role changed","action.member.removed":"Member removed","action.role.created":"Role created","action.role.updated":"Role changed","action.role.deleted":"Role deleted","action.license.granted":"License pool granted","action.license.updated":"License pool changed","action.seat.assigned":"Seat assigned","action.seat.removed":"Seat taken back","action.seat.moved":"Seat moved","action.seat.waiting":"Joined a waiting list","action.seat.waiting_left":"Left a waiting list","action.device.activated":"Device activated","action.device.deactivated":"Device deactivated"},fr:{"audit.title":"Journal d\u2019audit","audit.action":"Action","audit.allActions":"Toutes les actions","audit.actor":"Par (identifiant)","audit.actorHint":"L\u2019identifiant de la personne qui a agi, tel qu\u2019affich\xE9 dans cette liste.","audit.since":"Du","audit.until":"Au","audit.apply":"Filtrer","audit.clear":"Effacer les filtres","audit.at":"Quand","audit.who":"Qui","audit.what":"Quoi","audit.target":"Sur","audit.from":"Depuis l\u2019adresse","audit.system":"Le syst\xE8me","audit.none":"Aucune entr\xE9e ne correspond.","audit.list":"Entr\xE9es du journal","audit.order":"Ordre","audit.newest":"Les plus r\xE9centes d\u2019abord","audit.oldest":"Les plus anciennes d\u2019abord","action.org.created":"Organisation cr\xE9\xE9e","action.org.updated":"Organisation modifi\xE9e","action.org.closed":"Organisation ferm\xE9e","action.org.independent":"Devenue ind\xE9pendante","action.org.administrator_designated":"Administrateur d\xE9sign\xE9","action.module.enabled":"Module activ\xE9","action.module.disabled":"Module d\xE9sactiv\xE9","action.customer.created":"Client cr\xE9\xE9","action.customer.independent":"Client devenu ind\xE9pendant","action.member.created":"Membre ajout\xE9","action.member.role_changed":"R\xF4le chang\xE9","action.member.removed":"Membre retir\xE9","action.role.created":"R\xF4le cr\xE9\xE9","action.role.updated":"R\xF4le modifi\xE9","action.role.deleted":"R\xF4le supprim\xE9","action.license.granted":"Lot de licences accord\xE9","action.license.updated":"Lot de licences modifi\xE9","action.seat.assigned":"Si\xE8ge attribu\xE9","action.seat.removed":"Si\xE8ge repris","action.seat.moved":"Si\xE8ge d\xE9plac\xE9","action.seat.waiting":"Inscrit en liste d\u2019attente","action.seat.waiting_left":"Retir\xE9 de la liste d\u2019attente","action.device.activated":"Appareil activ\xE9","action.device.deactivated":"Appareil d\xE9sactiv\xE9"},de:{"audit.title":"Protokoll","audit.action":"Aktion","audit.allActions":"Alle Aktionen","audit.actor":"Von (Benutzer-ID)","audit.actorHint":"Die ID der handelnden Person, wie in dieser Liste angezeigt.","audit.since":"Von","audit.until":"Bis","audit.apply":"Filtern","audit.clear":"Filter zur\xFCcksetzen","audit.at":"Wann","audit.who":"Wer","audit.what":"Was","audit.target":"Betrifft","audit.from":"Von Adresse","audit.system":"Das System","audit.none":"Kein Eintrag passt.","audit.list":"Protokolleintr\xE4ge","audit.order":"Reihenfolge","audit.newest":"Neueste zuerst","audit.oldest":"\xC4lteste zuerst","action.org.created":"Organisation angelegt","action.org.updated":"Organisation ge\xE4ndert","action.org.closed":"Organisation geschlossen","action.org.independent":"Unabh\xE4ngig geworden","action.org.administrator_designated":"Administrator bestimmt","action.module.enabled":"Modul eingeschaltet","action.module.disabled":"Modul ausgeschaltet","action.customer.created":"Kunde angelegt","action.customer.independent":"Kunde unabh\xE4ngig geworden","action.member.created":"Mitglied hinzugef\xFCgt","action.member.role_changed":"Rolle ge\xE4ndert","action.member.removed":"Mitglied entfernt","action.role.created":"Rolle angelegt","action.role.updated":"Rolle ge\xE4ndert","action.role.deleted":"Rolle gel\xF6scht","action.license.granted":"Lizenzpaket vergeben","action.license.updated":"Lizenzpaket ge\xE4ndert","action.seat.assigned":"Platz zugewiesen","action.seat.removed":"Platz zur\xFCckgenommen","action.seat.moved":"Platz verschoben","action.seat.waiting":"Auf die Warteliste gesetzt","action.seat.waiting_left":"Von der Warteliste genommen","action.device.activated":"Ger\xE4t aktiviert","action.device.deactivated":"Ger\xE4t deaktiviert"}});var T=a=>C.includes(a)?t(`action.${a}`):a,V=a=>a?`${a}T00:00:00Z`:"";function F(a){if(!a)return"";let o=new Date(`${a}T00:00:00Z`);return o.setUTCDate(o.getUTCDate()+1),o.toISOString()}function B(a){let o=a.details||{};return Object.entries(o).map(([l,r])=>`${l}: ${typeof r=="object"?JSON.stringify(r):r}`).join(", ")}function H({org:a}){let o=c("action"),l=c("actor"),r=c("since"),g=c("until"),p=c("sort"),[n,u]=h({actor:l,since:r,until:g}),b=v(e=>w(y(a.id,"/audit"),{action:o,actor:l,since:V(r),until:F(g),sort:p,cursor:e,limit:50}),[a.id,o,l,r,g,p]),i=D(b,[b]);function P(e){e.preventDefault(),s({actor:n.actor.trim(),since:n.since,until:n.until})}function W(){u({actor:"",since:"",until:""}),s({action:"",actor:"",since:"",until:"",sort:""})}let f=e=>i.error&&i.error.field===e&&z(i.error);return d`
		<${S} title=${t("audit.title")} />
		<form class="filters" onSubmit=${P}>
			<${$}
				label=${t("audit.action")}
				name="action"
				value=${o}
				options=${[{value:"",label:t("audit.allActions")},...C.map(e=>({value:e,label:T(e)}))]}
				onValue=${e=>s({action:e})}
			/>
			<${m}
				label=${t("audit.actor")}
				name="actor"
				value=${n.actor}
				error=${f("actor")}
				autocomplete="off"
				onValue=${e=>u({...n,actor:e})}
			/>
			<${m} label=${t("audit.since")} name="since" type="date" value=${n.since} onValue=${e=>u({...n,since:e})} />
			<${m} label=${t("audit.until")} name="until" type="date" value=${n.until} onValue=${e=>u({...n,until:e})} />
			<${$}
				label=${t("audit.order")}
				name="sort"
				value=${p}
				options=${[{value:"",label:t("audit.newest")},{value:"at",label:t("audit.oldest")}]}
				onValue=${e=>s({sort:e})}
			/>
			<div class="actions">
				<button type="submit">${t("audit.apply")}</button>
				<button type="button" class="secondary" onClick=${W}>${t("audit.clear")}</button>
			</div>
		</form>
		${!f("actor")&&d`<${O} error=${i.error} />`}
		<${M} label=${t("audit.list")}>
			<table>
				<thead>
					<tr>
						<th scope="col">${t("audit.at")}</th>
						<th scope="col">${t("audit.what")}</th>
						<th scope="col">${t("audit.who")}</th>
						<th scope="col">${t("audit.target")}</th>
						<th scope="col">${t("audit.from")}</th>
					</tr>
				</thead>
				<tbody>
					${i.items.map(e=>d`<tr key=${e.id}>
							<td><time datetime=${e.at}>${_(e.at)}</time></td>
							<td>${T(e.action)}<div class="muted small">${B(e)}</div></td>
							<td>
								${e.actor_id?d`<button type="button" class="link" onClick=${()=>{u({...n,actor:e.actor_id}),s({actor:e.actor_id})}}>${e.actor_id}</button>`:t("audit.system")}
							</td>
							<td>
								${e.target_type==="user"?d`<${k} href=${`/orgs/${a.id}/users/${e.target_id}`}>${e.target_id}<//>`:`${e.target_type} ${e.target_id}`}
							</td>
							<td>${e.client_addr}</td>
						</tr>`)}
				</tbody>
			</table>
		<//>
		${i.loading&&!i.items.length&&d`<${L} />`}
		${!i.loading&&!i.error&&!i.items.length&&d`<p>${t("audit.none")}</p>`}
		<${R} list=${i} />`}export{H as Audit};
