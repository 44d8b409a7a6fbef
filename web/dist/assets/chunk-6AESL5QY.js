import{a as ne,b as m,c as de,d as M,e as ie}from"./chunk-XE7QFICB.js";import{f as g}from"./chunk-MYTJS6DR.js";import{B as D,C as E,E as Y,G as s,H as Z,L as U,N as u,O as x,P as ee,Q as te,R as se,S as oe,T as ae,U as le,V as y,c as v,f as J,i as A,j as O,m as q,n as K,o as h,u as t,w as X}from"./chunk-A7NAGZSC.js";function he({pools:l}){return l.length?s`<section class="card" aria-labelledby="dev-pools-title">
		<h2 id="dev-pools-title">${t("dev.pools")}</h2>
		<ul class="pools">
			${l.map(o=>{let r=t("dev.poolUsage",o.used+o.reserved,o.seats,o.free);return s`<li key=${o.id}>
					<strong>${o.plan?`${o.product} \xB7 ${o.plan}`:o.product}</strong>
					<div class="usage">
						<progress max=${Math.max(o.seats,1)} value=${o.used+o.reserved} aria-label=${`${o.product}: ${r}`}></progress>
						<span>${r}</span>
					</div>
				</li>`})}
		</ul>
	</section>`:null}function Be({org:l}){let o=D("q"),r=D("status"),k=D("user"),C=g(l,"licenses:assign"),N=g(l,"devices:write"),I=g(l,"licenses:read"),S=Z(()=>I?A(h(l.id,"/licenses")).then(e=>e.items.filter(a=>a.unit==="device")):Promise.resolve(null),[l.id,I]),Q=J(e=>A(h(l.id,"/devices"),{q:o,status:r,user:k,cursor:e,limit:50}),[l.id,o,r,k]),i=oe(Q,[Q]),[d,p]=v(null),[R,V]=v(""),[b,H]=v(!1),[ce,W]=v(null),[P,T]=v(null),[j,z]=v(""),$=S.data===void 0?[]:S.data,c=$?$.filter(M):null,w=e=>$&&e.license?$.find(a=>a.id===e.license.id):null,re=e=>C&&!w(e)&&(c===null||c.length>0),F=()=>{i.reload(),S.reload()},B=()=>{p(null),T(null)};async function f(e,a){H(!0),W(null),T(null),z("");try{await e(),p(null),z(a),F()}catch(L){d?T(L):W(L)}finally{H(!1)}}let _=(e,a="")=>h(l.id,`/devices/${encodeURIComponent(e.id)}${a}`);function $e(e){if(c&&c.length>1){V(c[0].id),T(null),p({kind:"assign",device:e});return}let a=c&&c.length===1?{license_id:c[0].id}:{};f(()=>O(_(e,"/seat"),a),t("dev.assigned",e.code))}let ve=e=>f(()=>O(_(e,"/seat"),{license_id:R}),t("dev.assigned",e.code)),ue=e=>f(()=>q(K(_(e,"/seat"),{license_id:e.license.id})),t("dev.removed",e.code)),pe=(e,a)=>f(()=>O(h(l.id,`/licenses/${encodeURIComponent(e.license.id)}/seats/move`),{from:e.id,to:a.id}),t("dev.moved",e.code,a.code)),me=e=>f(()=>q(_(e)),t("dev.deactivated",e.code)),be=[{value:"",label:t("dev.allStatuses")},...ne.map(e=>({value:e,label:t(`dev.status.${e}`)}))],fe=!!(o||r||k),G=C||N,n=d&&d.device;return s`
		<${te} title=${t("dev.title")}>
			<button type="button" class="secondary" onClick=${F} disabled=${i.loading}>${t("dev.refresh")}</button>
		<//>
		${$&&s`<${he} pools=${$} />`}
		${j&&s`<${x}>${j}<//>`}
		<${u} error=${ce} explain=${m} />
		<div class="filters" role="search" aria-label=${t("app.search")}>
			<${se} label=${t("dev.search")} value=${o} onSearch=${e=>E({q:e})} />
			<${U} label=${t("dev.status")} name="status" value=${r} options=${be} onValue=${e=>E({status:e})} />
		</div>
		${k&&s`<p class="actions">
			<span>${t("dev.onePerson")}</span>
			<button type="button" class="link" onClick=${()=>E({user:""})}>${t("dev.everyone")}</button>
		</p>`}
		<${u} error=${i.error||S.error} />
		<${le} label=${t("dev.list")}>
			<table class="stack devices">
				<thead>
					<tr>
						<th scope="col">${t("dev.code")}</th>
						<th scope="col">${t("dev.name")}</th>
						<th scope="col">${t("dev.platform")}</th>
						<th scope="col">${t("dev.person")}</th>
						<th scope="col">${t("dev.status")}</th>
						<th scope="col">${t("dev.lastSeen")}</th>
						${G&&s`<th scope="col">${t("dev.actions")}</th>`}
					</tr>
				</thead>
				<tbody>
					${i.items.map(e=>{let a=w(e),L=a&&M(a);return s`<tr key=${e.id}>
							<td data-label=${t("dev.code")}><strong class="code">${e.code}</strong></td>
							<td data-label=${t("dev.name")}>${e.name||"\u2014"}</td>
							<td data-label=${t("dev.platform")}>${e.platform||"\u2014"}</td>
							<td data-label=${t("dev.person")}>
								${e.user?g(l,"members:read")?s`<${Y} href=${`/orgs/${l.id}/users/${e.user.id}`}>${e.user.email}<//>`:e.user.email:"\u2014"}
							</td>
							<td data-label=${t("dev.status")}>
								<${de} status=${e.status} />
								${e.license&&s`<div class="muted small">${e.license.product}</div>`}
							</td>
							<td data-label=${t("dev.lastSeen")}>${e.last_seen_at?X(e.last_seen_at):t("dev.never")}</td>
							${G&&s`<td><div class="row-actions">
								${re(e)&&s`<button type="button" class="secondary" disabled=${b} aria-label=${t("dev.assignTo",e.code)} onClick=${()=>$e(e)}>
									${t("dev.assign")}
								</button>`}
								${C&&a&&s`<button type="button" class="secondary" aria-label=${t("dev.removeOf",e.code)} onClick=${()=>p({kind:"remove",device:e})}>
									${t("dev.remove")}
								</button>`}
								${C&&L&&s`<button type="button" class="secondary" aria-label=${t("dev.moveOf",e.code)} onClick=${()=>p({kind:"move",device:e})}>
									${t("dev.move")}
								</button>`}
								${N&&s`<button type="button" class="danger" aria-label=${t("dev.deactivateOf",e.code)} onClick=${()=>p({kind:"deactivate",device:e})}>
									${t("dev.deactivate")}
								</button>`}
							</div></td>`}
						</tr>`})}
				</tbody>
			</table>
		<//>
		${i.loading&&!i.items.length&&s`<${ee} />`}
		${!i.loading&&!i.error&&!i.items.length&&s`<p>${fe?t("dev.noMatch"):t("dev.none")}</p>`}
		<${ae} list=${i} />
		${d&&d.kind==="assign"&&s`<${y}
			title=${t("dev.assignTo",n.code)}
			confirmLabel=${t("dev.assign")}
			danger=${!1}
			busy=${b}
			onConfirm=${()=>ve(n)}
			onClose=${B}
		>
			<p>${t("dev.assignBody")}</p>
			<${U}
				label=${t("dev.assignPick")}
				name="license_id"
				value=${R}
				options=${c.map(e=>({value:e.id,label:t("dev.poolOption",e.plan?`${e.product} \xB7 ${e.plan}`:e.product,e.free)}))}
				onValue=${V}
			/>
			<${u} error=${P} explain=${m} />
		<//>`}
		${d&&d.kind==="remove"&&s`<${y}
			title=${t("dev.removeTitle",n.code)}
			confirmLabel=${t("dev.remove")}
			busy=${b}
			onConfirm=${()=>ue(n)}
			onClose=${B}
		>
			<p>${t("dev.removeBody",n.license.product)}</p>
			<${u} error=${P} explain=${m} />
		<//>`}
		${d&&d.kind==="move"&&s`<${y} title=${t("dev.moveOf",n.code)} onClose=${B}>
			<p>${t("dev.moveBody")}</p>
			<${u} error=${P} explain=${m} />
			<${ie}
				org=${l}
				label=${t("dev.pickSearch")}
				actionLabel=${e=>t("dev.moveTo",e)}
				exclude=${[n.id]}
				busy=${b}
				onPick=${e=>pe(n,e)}
			/>
		<//>`}
		${d&&d.kind==="deactivate"&&s`<${y}
			title=${t("dev.deactivateTitle",n.code)}
			confirmLabel=${t("dev.deactivateOf",n.code)}
			busy=${b}
			onConfirm=${()=>me(n)}
			onClose=${B}
		>
			<p>${t("dev.deactivateToken")}</p>
			<p>
				${$===null?t("dev.deactivateAnySeat"):w(n)?t("dev.deactivateSeat",n.license.product):t("dev.deactivateNoSeat")}
			</p>
			<p>${t("dev.deactivateBack")}</p>
			<${u} error=${P} explain=${m} />
		<//>`}`}export{Be as Devices};
