import{B as l,C as c,E as M,G as d,J as m,L as $,N as R,P as D,Q as T,S as k,T as C,U as z,c as f,f as y,i as v,o as w,p as A,u as e,w as _,y as O}from"./chunk-A7NAGZSC.js";var L=["org.created","org.updated","org.closed","org.independent","org.administrator_designated","module.enabled","module.disabled","customer.created","customer.independent","member.created","member.role_changed","member.removed","role.created","role.updated","role.deleted"];A({en:{"audit.title":"Audit log","audit.action":"Action","audit.allActions":"All actions","audit.actor":"By (user id)","audit.actorHint":"The id of the person who acted, as shown in this list.","audit.since":"From","audit.until":"To","audit.apply":"Filter","audit.clear":"Clear the filters","audit.at":"When","audit.who":"Who","audit.what":"What","audit.target":"On","audit.from":"From address","audit.system":"The system","audit.none":"No entry matches.","audit.list":"Audit entries","audit.order":"Order","audit.newest":"Newest first","audit.oldest":"Oldest first","action.org.created":"Organization created","action.org.updated":"Organization changed","action.org.closed":"Organization closed","action.org.independent":"Became independent","action.org.administrator_designated":"Administrator designated","action.module.enabled":"Module switched on","action.module.disabled":"Module switched off","action.customer.created":"Customer created","action.customer.independent":"Customer became independent","action.member.created":"Member added","action.member.role_changed":"Role changed","action.member.removed":"Member removed","action.role.created":"Role created","action.role.updated":"Role changed","action.role.deleted":"Role deleted"},fr:{"audit.title":"Journal d\u2019audit","audit.action":"Action","audit.allActions":"Toutes les actions","audit.actor":"Par (identifiant)","audit.actorHint":"L\u2019identifiant de la personne qui a agi, tel qu\u2019affich\xE9 dans cette liste.","audit.since":"Du","audit.until":"Au","audit.apply":"Filtrer","audit.clear":"Effacer les filtres","audit.at":"Quand","audit.who":"Qui","audit.what":"Quoi","audit.target":"Sur","audit.from":"Depuis l\u2019adresse","audit.system":"Le syst\xE8me","audit.none":"Aucune entr\xE9e ne correspond.","audit.list":"Entr\xE9es du journal","audit.order":"Ordre","audit.newest":"Les plus r\xE9centes d\u2019abord","audit.oldest":"Les plus anciennes d\u2019abord","action.org.created":"Organisation cr\xE9\xE9e","action.org.updated":"Organisation modifi\xE9e","action.org.closed":"Organisation ferm\xE9e","action.org.independent":"Devenue ind\xE9pendante","action.org.administrator_designated":"Administrateur d\xE9sign\xE9","action.module.enabled":"Module activ\xE9","action.module.disabled":"Module d\xE9sactiv\xE9","action.customer.created":"Client cr\xE9\xE9","action.customer.independent":"Client devenu ind\xE9pendant","action.member.created":"Membre ajout\xE9","action.member.role_changed":"R\xF4le chang\xE9","action.member.removed":"Membre retir\xE9","action.role.created":"R\xF4le cr\xE9\xE9","action.role.updated":"R\xF4le modifi\xE9","action.role.deleted":"R\xF4le supprim\xE9"},de:{"audit.title":"Protokoll","audit.action":"Aktion","audit.allActions":"Alle Aktionen","audit.actor":"Von (Benutzer-ID)","audit.actorHint":"Die ID der handelnden Person, wie in dieser Liste angezeigt.","audit.since":"Von","audit.until":"Bis","audit.apply":"Filtern","audit.clear":"Filter zur\xFCcksetzen","audit.at":"Wann","audit.who":"Wer","audit.what":"Was","audit.target":"Betrifft","audit.from":"Von Adresse","audit.system":"Das System","audit.none":"Kein Eintrag passt.","audit.list":"Protokolleintr\xE4ge","audit.order":"Reihenfolge","audit.newest":"Neueste zuerst","audit.oldest":"\xC4lteste zuerst","action.org.created":"Organisation angelegt","action.org.updated":"Organisation ge\xE4ndert","action.org.closed":"Organisation geschlossen","action.org.independent":"Unabh\xE4ngig geworden","action.org.administrator_designated":"Administrator bestimmt","action.module.enabled":"Modul eingeschaltet","action.module.disabled":"Modul ausgeschaltet","action.customer.created":"Kunde angelegt","action.customer.independent":"Kunde unabh\xE4ngig geworden","action.member.created":"Mitglied hinzugef\xFCgt","action.member.role_changed":"Rolle ge\xE4ndert","action.member.removed":"Mitglied entfernt","action.role.created":"Rolle angelegt","action.role.updated":"Rolle ge\xE4ndert","action.role.deleted":"Rolle gel\xF6scht"}});var S=a=>L.includes(a)?e(`action.${a}`):a,V=a=>a?`${a}T00:00:00Z`:"";function W(a){if(!a)return"";let n=new Date(`${a}T00:00:00Z`);return n.setUTCDate(n.getUTCDate()+1),n.toISOString()}function B(a){let n=a.details||{};return Object.entries(n).map(([u,r])=>`${u}: ${typeof r=="object"?JSON.stringify(r):r}`).join(", ")}function I({org:a}){let n=l("action"),u=l("actor"),r=l("since"),g=l("until"),p=l("sort"),[o,s]=f({actor:u,since:r,until:g}),b=y(t=>v(w(a.id,"/audit"),{action:n,actor:u,since:V(r),until:W(g),sort:p,cursor:t,limit:50}),[a.id,n,u,r,g,p]),i=k(b,[b]);function F(t){t.preventDefault(),c({actor:o.actor.trim(),since:o.since,until:o.until})}function P(){s({actor:"",since:"",until:""}),c({action:"",actor:"",since:"",until:"",sort:""})}let h=t=>i.error&&i.error.field===t&&O(i.error);return d`
		<${T} title=${e("audit.title")} />
		<form class="filters" onSubmit=${F}>
			<${$}
				label=${e("audit.action")}
				name="action"
				value=${n}
				options=${[{value:"",label:e("audit.allActions")},...L.map(t=>({value:t,label:S(t)}))]}
				onValue=${t=>c({action:t})}
			/>
			<${m}
				label=${e("audit.actor")}
				name="actor"
				value=${o.actor}
				error=${h("actor")}
				autocomplete="off"
				onValue=${t=>s({...o,actor:t})}
			/>
			<${m} label=${e("audit.since")} name="since" type="date" value=${o.since} onValue=${t=>s({...o,since:t})} />
			<${m} label=${e("audit.until")} name="until" type="date" value=${o.until} onValue=${t=>s({...o,until:t})} />
			<${$}
				label=${e("audit.order")}
				name="sort"
				value=${p}
				options=${[{value:"",label:e("audit.newest")},{value:"at",label:e("audit.oldest")}]}
				onValue=${t=>c({sort:t})}
			/>
			<div class="actions">
				<button type="submit">${e("audit.apply")}</button>
				<button type="button" class="secondary" onClick=${P}>${e("audit.clear")}</button>
			</div>
		</form>
		${!h("actor")&&d`<${R} error=${i.error} />`}
		<${z} label=${e("audit.list")}>
			<table>
				<thead>
					<tr>
						<th scope="col">${e("audit.at")}</th>
						<th scope="col">${e("audit.what")}</th>
						<th scope="col">${e("audit.who")}</th>
						<th scope="col">${e("audit.target")}</th>
						<th scope="col">${e("audit.from")}</th>
					</tr>
				</thead>
				<tbody>
					${i.items.map(t=>d`<tr key=${t.id}>
							<td><time datetime=${t.at}>${_(t.at)}</time></td>
							<td>${S(t.action)}<div class="muted small">${B(t)}</div></td>
							<td>
								${t.actor_id?d`<button type="button" class="link" onClick=${()=>{s({...o,actor:t.actor_id}),c({actor:t.actor_id})}}>${t.actor_id}</button>`:e("audit.system")}
							</td>
							<td>
								${t.target_type==="user"?d`<${M} href=${`/orgs/${a.id}/users/${t.target_id}`}>${t.target_id}<//>`:`${t.target_type} ${t.target_id}`}
							</td>
							<td>${t.client_addr}</td>
						</tr>`)}
				</tbody>
			</table>
		<//>
		${i.loading&&!i.items.length&&d`<${D} />`}
		${!i.loading&&!i.error&&!i.items.length&&d`<p>${e("audit.none")}</p>`}
		<${C} list=${i} />`}export{I as Audit};
