import{a as x,b as K,c as P,d as Z,f as v,g as q}from"./chunk-MYTJS6DR.js";import{A as Y,B as S,D as M,E as m,F as I,G as s,I as E,J as b,N as f,O as y,P as T,W as l,a as U,b as W,c as w,d as $,e as _,g as F,h as k,j as A,p as O,q as G,r as V,u as t,z as c}from"./chunk-A7NAGZSC.js";O({en:{"auth.signIn":"Sign in","auth.email":"Email","auth.password":"Password","auth.forgot":"Forgot your password?","auth.forgotTitle":"Forgot your password","auth.forgotHelp":"Enter the email of your account: we send you a link to choose a new password.","auth.sendLink":"Send the link","auth.linkSent":e=>`If ${e} has an account, a link to choose a new password is on its way. It works once and for a limited time.`,"auth.backToSignIn":"Back to sign in","auth.setTitle":"Choose your password","auth.resetTitle":"Choose a new password","auth.newPassword":"New password","auth.passwordHint":"At least 10 characters, and not your email address.","auth.repeat":"Repeat the password","auth.mismatch":"The two passwords are not the same.","auth.setDone":"Your password is set. Sign in with it.","auth.noToken":"This page needs the link from your email. Open the link again, or ask for a new one.","auth.signedOut":"You are signed out.","auth.sessionEnded":"Your session has ended; sign in again to continue."},fr:{"auth.signIn":"Se connecter","auth.email":"E-mail","auth.password":"Mot de passe","auth.forgot":"Mot de passe oubli\xE9 ?","auth.forgotTitle":"Mot de passe oubli\xE9","auth.forgotHelp":"Indiquez l\u2019e-mail de votre compte : nous vous envoyons un lien pour choisir un nouveau mot de passe.","auth.sendLink":"Envoyer le lien","auth.linkSent":e=>`Si ${e} a un compte, un lien pour choisir un nouveau mot de passe est en route. Il ne sert qu\u2019une fois et pour un temps limit\xE9.`,"auth.backToSignIn":"Retour \xE0 la connexion","auth.setTitle":"Choisissez votre mot de passe","auth.resetTitle":"Choisissez un nouveau mot de passe","auth.newPassword":"Nouveau mot de passe","auth.passwordHint":"Au moins 10 caract\xE8res, et pas votre adresse e-mail.","auth.repeat":"R\xE9p\xE9tez le mot de passe","auth.mismatch":"Les deux mots de passe ne sont pas identiques.","auth.setDone":"Votre mot de passe est enregistr\xE9. Connectez-vous avec.","auth.noToken":"Cette page a besoin du lien de votre e-mail. Ouvrez \xE0 nouveau le lien, ou demandez-en un nouveau.","auth.signedOut":"Vous \xEAtes d\xE9connect\xE9.","auth.sessionEnded":"Votre session a pris fin ; reconnectez-vous pour continuer."},de:{"auth.signIn":"Anmelden","auth.email":"E-Mail","auth.password":"Passwort","auth.forgot":"Passwort vergessen?","auth.forgotTitle":"Passwort vergessen","auth.forgotHelp":"Geben Sie die E-Mail-Adresse Ihres Kontos ein: wir senden Ihnen einen Link, mit dem Sie ein neues Passwort w\xE4hlen.","auth.sendLink":"Link senden","auth.linkSent":e=>`Wenn ${e} ein Konto hat, ist ein Link f\xFCr ein neues Passwort unterwegs. Er gilt einmal und f\xFCr begrenzte Zeit.`,"auth.backToSignIn":"Zur\xFCck zur Anmeldung","auth.setTitle":"W\xE4hlen Sie Ihr Passwort","auth.resetTitle":"W\xE4hlen Sie ein neues Passwort","auth.newPassword":"Neues Passwort","auth.passwordHint":"Mindestens 10 Zeichen, und nicht Ihre E-Mail-Adresse.","auth.repeat":"Passwort wiederholen","auth.mismatch":"Die beiden Passw\xF6rter sind nicht gleich.","auth.setDone":"Ihr Passwort ist gesetzt. Melden Sie sich damit an.","auth.noToken":"Diese Seite braucht den Link aus Ihrer E-Mail. \xD6ffnen Sie den Link erneut oder fordern Sie einen neuen an.","auth.signedOut":"Sie sind abgemeldet.","auth.sessionEnded":"Ihre Sitzung ist abgelaufen; melden Sie sich erneut an, um fortzufahren."}});function z({title:e,children:a}){return s`<section class="card auth" aria-labelledby="page-title">
		<h1 id="page-title" tabindex="-1">${e}</h1>
		${a}
	</section>`}function j(){let e=E({email:S("email"),password:""}),a=S("why");async function n(i){i.preventDefault(),await e.submit(async r=>{await k("POST","/api/v1/auth/login",{email:r.email.trim(),password:r.password},{quiet401:!0}),await P(),c(I(S("next")),{replace:!0})})}return s`<${z} title=${t("auth.signIn")}>
		${a==="session"&&s`<${y}>${t("auth.sessionEnded")}<//>`}
		${a==="signed-out"&&s`<${y}>${t("auth.signedOut")}<//>`}
		${a==="password-set"&&s`<${y}>${t("auth.setDone")}<//>`}
		<form onSubmit=${n} novalidate>
			<${b} label=${t("auth.email")} type="email" autocomplete="username" required ...${e.bind("email")} />
			<${b} label=${t("auth.password")} type="password" autocomplete="current-password" required ...${e.bind("password")} />
			<${f} error=${e.error} />
			<button type="submit" disabled=${e.busy}>${t("auth.signIn")}</button>
		</form>
		<p><${m} href="/forgot-password">${t("auth.forgot")}<//></p>
	<//>`}function J(){let e=E({email:""}),[a,n]=w("");async function i(r){r.preventDefault(),await e.submit(async o=>{await A("/api/v1/auth/password/forgot",{email:o.email.trim()}),n(o.email.trim())})}return s`<${z} title=${t("auth.forgotTitle")}>
		${a?s`<${y}>${t("auth.linkSent",a)}<//>`:s`<form onSubmit=${i} novalidate>
					<p>${t("auth.forgotHelp")}</p>
					<${b} label=${t("auth.email")} type="email" autocomplete="username" required ...${e.bind("email")} />
					<${f} error=${e.error} />
					<button type="submit" disabled=${e.busy}>${t("auth.sendLink")}</button>
				</form>`}
		<p><${m} href="/sign-in">${t("auth.backToSignIn")}<//></p>
	<//>`}var L=null;function se(){let e=S("token");return e&&(L=e,history.replaceState(null,"",location.pathname)),L}function D({mode:e}){let[a]=w(se),n=E({password:"",repeat:""},["password","repeat","token"]);$(()=>()=>L=null,[]);async function i(u){if(u.preventDefault(),n.values.password!==n.values.repeat){n.setErrors({repeat:t("auth.mismatch")});return}await n.submit(async d=>{await A("/api/v1/auth/password/reset",{token:a,password:d.password}),L=null,c("/sign-in?why=password-set",{replace:!0})})}let r=e==="set"?t("auth.setTitle"):t("auth.resetTitle");if(!a)return s`<${z} title=${r}>
			<p class="error" role="alert">${t("auth.noToken")}</p>
			<p><${m} href="/forgot-password">${t("auth.forgot")}<//></p>
		<//>`;let o=n.errors.token||n.error&&n.error.code==="invalid_token"&&t("error.invalid_token");return s`<${z} title=${r}>
		<form onSubmit=${i} novalidate>
			<input type="hidden" name="username" autocomplete="username" value="" />
			<${b}
				label=${t("auth.newPassword")}
				type="password"
				autocomplete="new-password"
				hint=${t("auth.passwordHint")}
				required
				...${n.bind("password")}
			/>
			<${b} label=${t("auth.repeat")} type="password" autocomplete="new-password" required ...${n.bind("repeat")} />
			${o?s`<p class="error" role="alert">${o} <${m} href="/forgot-password">${t("auth.forgot")}<//></p>`:s`<${f} error=${n.error} />`}
			<button type="submit" disabled=${n.busy}>${t("app.save")}</button>
		</form>
	<//>`}var C=()=>import("./chunk-5AUV55JV.js"),R=()=>import("./chunk-JIUV4SYR.js"),H=()=>import("./chunk-KISFD5JY.js"),Q=()=>import("./chunk-VJQCBUSQ.js"),ae=()=>import("./chunk-47LFIMFK.js"),oe=()=>import("./chunk-NNRWLZ46.js"),N=()=>import("./chunk-2E7IGANB.js"),re=()=>import("./chunk-6AESL5QY.js");O({en:{"nav.main":"Main","nav.org":"Organization","nav.switch":"Organization","nav.allOrgs":"All organizations","nav.overview":"Overview","nav.users":"Users","nav.roles":"Roles","nav.licenses":"Licenses","nav.devices":"Devices","nav.customers":"Customers","nav.audit":"Audit log","nav.settings":"Settings","nav.mySettings":"My settings","nav.signOut":"Sign out","nav.signedInAs":e=>`Signed in as ${e}`,"home.none":"You are not a member of any organization yet. When someone adds you to one, it appears here.","home.title":"Welcome"},fr:{"nav.main":"Principal","nav.org":"Organisation","nav.switch":"Organisation","nav.allOrgs":"Toutes les organisations","nav.overview":"Vue d\u2019ensemble","nav.users":"Utilisateurs","nav.roles":"R\xF4les","nav.licenses":"Licences","nav.devices":"Appareils","nav.customers":"Clients","nav.audit":"Journal d\u2019audit","nav.settings":"Param\xE8tres","nav.mySettings":"Mes param\xE8tres","nav.signOut":"Se d\xE9connecter","nav.signedInAs":e=>`Connect\xE9 en tant que ${e}`,"home.none":"Vous n\u2019\xEAtes encore membre d\u2019aucune organisation. Quand quelqu\u2019un vous y ajoute, elle appara\xEEt ici.","home.title":"Bienvenue"},de:{"nav.main":"Hauptmen\xFC","nav.org":"Organisation","nav.switch":"Organisation","nav.allOrgs":"Alle Organisationen","nav.overview":"\xDCbersicht","nav.users":"Benutzer","nav.roles":"Rollen","nav.licenses":"Lizenzen","nav.devices":"Ger\xE4te","nav.customers":"Kunden","nav.audit":"Protokoll","nav.settings":"Einstellungen","nav.mySettings":"Meine Einstellungen","nav.signOut":"Abmelden","nav.signedInAs":e=>`Angemeldet als ${e}`,"home.none":"Sie sind noch in keiner Organisation Mitglied. Sobald Sie jemand hinzuf\xFCgt, erscheint sie hier.","home.title":"Willkommen"}});var X=[["/sign-in",j],["/forgot-password",J],["/set-password",()=>s`<${D} mode="set" />`],["/reset-password",()=>s`<${D} mode="reset" />`]],ie=[["/",le],["/settings",l(oe,"MySettings")],["/orgs",l(C,"OrgList")],["/orgs/new",l(C,"CreateOrg")]],ue=[["/orgs/:org",l(C,"OrgOverview")],["/orgs/:org/users",l(R,"Users")],["/orgs/:org/users/new",l(R,"CreateUser")],["/orgs/:org/users/:user",l(R,"UserDetail")],["/orgs/:org/roles",l(H,"Roles")],["/orgs/:org/roles/new",l(H,"RoleEdit")],["/orgs/:org/roles/:role",l(H,"RoleEdit")],["/orgs/:org/customers",l(Q,"Customers")],["/orgs/:org/customers/new",l(Q,"CreateCustomer")],["/orgs/:org/licenses",l(N,"Licenses")],["/orgs/:org/licenses/new",l(N,"GrantLicense")],["/orgs/:org/licenses/:lic",l(N,"LicenseDetail")],["/orgs/:org/devices",l(re,"Devices")],["/orgs/:org/audit",l(ae,"Audit")],["/orgs/:org/settings",l(C,"OrgSettings")]];function B(e,a){for(let[n,i]of e){let r=M(n,a);if(r)return{screen:i,params:r}}return null}function le({me:e}){return $(()=>{e.organizations.length?c(q(e.organizations[0]),{replace:!0}):e.is_operator&&c("/orgs",{replace:!0})},[]),e.organizations.length||e.is_operator?s`<${T} />`:s`<section class="card"><h1 id="page-title" tabindex="-1">${t("home.title")}</h1><p>${t("home.none")}</p></section>`}function de({me:e,orgId:a}){let n=e.organizations;if(n.length<2&&!(n.length&&e.is_operator))return null;let i=n.some(o=>o.id===a);function r(o){let u=o.currentTarget.value;if(u==="*")return c("/orgs");let d=n.find(h=>h.id===u);d&&c(q(d))}return s`<div class="switcher">
		<label for="org-switcher">${t("nav.switch")}</label>
		<select id="org-switcher" onChange=${r} value=${i?a:""}>
			${!i&&s`<option value="" selected>—</option>`}
			${n.map(o=>s`<option value=${o.id} selected=${o.id===a}>${o.name}</option>`)}
			${e.is_operator&&s`<option value="*">${t("nav.allOrgs")}</option>`}
		</select>
	</div>`}function ce({org:e,path:a}){let n=`/orgs/${e.id}`,i=[[n,t("nav.overview"),!0],[`${n}/users`,t("nav.users"),v(e,"members:read")],[`${n}/roles`,t("nav.roles"),!0],[`${n}/licenses`,t("nav.licenses"),v(e,"licenses:read")],[`${n}/devices`,t("nav.devices"),v(e,"devices:read")],[`${n}/customers`,t("nav.customers"),e.type!=="customer"&&v(e,"customers:read")],[`${n}/audit`,t("nav.audit"),v(e,"audit:read")],[`${n}/settings`,t("nav.settings"),v(e,"org:write")]].filter(u=>u[2]),r=a.split("?")[0],o=u=>u===n?r===n:r===u||r.startsWith(`${u}/`);return s`<nav class="org-nav" aria-label=${t("nav.org")}>
		<p class="org-name">${e.name}</p>
		<ul>
			${i.map(([u,d])=>s`<li><${m} href=${u} aria-current=${o(u)?"page":void 0}>${d}<//></li>`)}
		</ul>
	</nav>`}function ee({me:e,orgId:a}){async function n(){try{await k("POST","/api/v1/auth/logout",void 0,{quiet401:!0})}catch{}x(null),c("/sign-in?why=signed-out",{replace:!0})}return s`<a class="skip" href="#main">${t("app.skip")}</a>
		<header class="top">
		<${m} class="brand" href="/">${t("app.name")}<//>
		<${de} me=${e} orgId=${a} />
		<nav class="user-nav" aria-label=${t("nav.main")}>
			<ul>
				<li class="who">${t("nav.signedInAs",e.email)}</li>
				${e.is_operator&&s`<li><${m} href="/orgs">${t("nav.allOrgs")}<//></li>`}
				<li><${m} href="/settings">${t("nav.mySettings")}<//></li>
				<li><button type="button" class="link" onClick=${n}>${t("nav.signOut")}</button></li>
			</ul>
		</nav>
	</header>`}function pe({me:e,found:a,path:n}){let i=a.params.org,[r,o]=w({org:null,error:null});$(()=>{let h=!0;return o(p=>p.org&&p.org.id===i?p:{org:null,error:null}),Z(i).then(p=>h&&o({org:p,error:null}),p=>h&&o({org:null,error:p})),()=>h=!1},[i,e]);let u=a.screen,d;return r.error?d=s`<${f} error=${r.error} />`:!r.org||r.org.id!==i?d=s`<${T} />`:d=s`<${u} me=${e} org=${r.org} params=${a.params} />`,s`
		<${ee} me=${e} orgId=${i} />
		<div class="layout">
			${r.org&&s`<${ce} org=${r.org} path=${n} />`}
			<main id="main">${d}</main>
		</div>`}function te(){let e=K(),a=Y(),[n,i]=w(null),r=_(a);V(e?e.language:G(navigator.languages||[navigator.language])),$(()=>{F(()=>{x(null);let g=location.pathname+location.search;X.some(([ne])=>M(ne,location.pathname))||c(`/sign-in?why=session&next=${encodeURIComponent(g)}`,{replace:!0})}),P().catch(i)},[]),$(()=>{if(a===r.current)return;let g=document.getElementById("page-title");g&&g.focus({preventScroll:!0})},[a.split("?")[0]]);let o=a.split("?")[0],u=B(X,o);if($(()=>{if(e===null&&!u){let g=o==="/"?"":`?next=${encodeURIComponent(a)}`;c(`/sign-in${g}`,{replace:!0})}else if(e&&o==="/sign-in"){let g=new URLSearchParams(a.slice(o.length)).get("next");c(I(g),{replace:!0})}},[e,o]),n)return s`<main id="main"><${f} error=${n} /></main>`;if(u&&(!e||o!=="/sign-in")){let g=u.screen;return s`<header class="top"><span class="brand">${t("app.name")}</span></header>
			<main id="main" class="narrow"><${g} /></main>`}if(!e)return s`<main id="main"><${T} /></main>`;let d=B(ie,o),h=!d&&B(ue,o);if(h)return s`<${pe} me=${e} found=${h} path=${a} />`;let p=d&&d.screen;return s`<${ee} me=${e} orgId=${null} />
		<main id="main">
			${p?s`<${p} me=${e} />`:s`<p>${t("app.notFound")}</p>`}
		</main>`}W(U(te),document.getElementById("app"));
