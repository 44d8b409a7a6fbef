import{a as M,b as G,c as I,d as K,f as S,g as x}from"./chunk-RG6KOCEM.js";import{A,B as g,C as Y,D as s,F as P,G as w,K as f,L as y,M as E,T as d,a as W,b as B,c as v,d as $,e as N,g as U,h as k,j as L,o as O,p as _,q as F,s as t,w as c,x as V,y as b}from"./chunk-W3VLXJZX.js";O({en:{"auth.signIn":"Sign in","auth.email":"Email","auth.password":"Password","auth.forgot":"Forgot your password?","auth.forgotTitle":"Forgot your password","auth.forgotHelp":"Enter the email of your account: we send you a link to choose a new password.","auth.sendLink":"Send the link","auth.linkSent":e=>`If ${e} has an account, a link to choose a new password is on its way. It works once and for a limited time.`,"auth.backToSignIn":"Back to sign in","auth.setTitle":"Choose your password","auth.resetTitle":"Choose a new password","auth.newPassword":"New password","auth.passwordHint":"At least 10 characters, and not your email address.","auth.repeat":"Repeat the password","auth.mismatch":"The two passwords are not the same.","auth.setDone":"Your password is set. Sign in with it.","auth.noToken":"This page needs the link from your email. Open the link again, or ask for a new one.","auth.signedOut":"You are signed out.","auth.sessionEnded":"Your session has ended; sign in again to continue."},fr:{"auth.signIn":"Se connecter","auth.email":"E-mail","auth.password":"Mot de passe","auth.forgot":"Mot de passe oubli\xE9 ?","auth.forgotTitle":"Mot de passe oubli\xE9","auth.forgotHelp":"Indiquez l\u2019e-mail de votre compte : nous vous envoyons un lien pour choisir un nouveau mot de passe.","auth.sendLink":"Envoyer le lien","auth.linkSent":e=>`Si ${e} a un compte, un lien pour choisir un nouveau mot de passe est en route. Il ne sert qu\u2019une fois et pour un temps limit\xE9.`,"auth.backToSignIn":"Retour \xE0 la connexion","auth.setTitle":"Choisissez votre mot de passe","auth.resetTitle":"Choisissez un nouveau mot de passe","auth.newPassword":"Nouveau mot de passe","auth.passwordHint":"Au moins 10 caract\xE8res, et pas votre adresse e-mail.","auth.repeat":"R\xE9p\xE9tez le mot de passe","auth.mismatch":"Les deux mots de passe ne sont pas identiques.","auth.setDone":"Votre mot de passe est enregistr\xE9. Connectez-vous avec.","auth.noToken":"Cette page a besoin du lien de votre e-mail. Ouvrez \xE0 nouveau le lien, ou demandez-en un nouveau.","auth.signedOut":"Vous \xEAtes d\xE9connect\xE9.","auth.sessionEnded":"Votre session a pris fin ; reconnectez-vous pour continuer."},de:{"auth.signIn":"Anmelden","auth.email":"E-Mail","auth.password":"Passwort","auth.forgot":"Passwort vergessen?","auth.forgotTitle":"Passwort vergessen","auth.forgotHelp":"Geben Sie die E-Mail-Adresse Ihres Kontos ein: wir senden Ihnen einen Link, mit dem Sie ein neues Passwort w\xE4hlen.","auth.sendLink":"Link senden","auth.linkSent":e=>`Wenn ${e} ein Konto hat, ist ein Link f\xFCr ein neues Passwort unterwegs. Er gilt einmal und f\xFCr begrenzte Zeit.`,"auth.backToSignIn":"Zur\xFCck zur Anmeldung","auth.setTitle":"W\xE4hlen Sie Ihr Passwort","auth.resetTitle":"W\xE4hlen Sie ein neues Passwort","auth.newPassword":"Neues Passwort","auth.passwordHint":"Mindestens 10 Zeichen, und nicht Ihre E-Mail-Adresse.","auth.repeat":"Passwort wiederholen","auth.mismatch":"Die beiden Passw\xF6rter sind nicht gleich.","auth.setDone":"Ihr Passwort ist gesetzt. Melden Sie sich damit an.","auth.noToken":"Diese Seite braucht den Link aus Ihrer E-Mail. \xD6ffnen Sie den Link erneut oder fordern Sie einen neuen an.","auth.signedOut":"Sie sind abgemeldet.","auth.sessionEnded":"Ihre Sitzung ist abgelaufen; melden Sie sich erneut an, um fortzufahren."}});function T({title:e,children:a}){return s`<section class="card auth" aria-labelledby="page-title">
		<h1 id="page-title" tabindex="-1">${e}</h1>
		${a}
	</section>`}function Z(){let e=P({email:b("email"),password:""}),a=b("why");async function n(i){i.preventDefault(),await e.submit(async r=>{await k("POST","/api/v1/auth/login",{email:r.email.trim(),password:r.password},{quiet401:!0}),await I(),c(Y(b("next")),{replace:!0})})}return s`<${T} title=${t("auth.signIn")}>
		${a==="session"&&s`<${y}>${t("auth.sessionEnded")}<//>`}
		${a==="signed-out"&&s`<${y}>${t("auth.signedOut")}<//>`}
		${a==="password-set"&&s`<${y}>${t("auth.setDone")}<//>`}
		<form onSubmit=${n} novalidate>
			<${w} label=${t("auth.email")} type="email" autocomplete="username" required ...${e.bind("email")} />
			<${w} label=${t("auth.password")} type="password" autocomplete="current-password" required ...${e.bind("password")} />
			<${f} error=${e.error} />
			<button type="submit" disabled=${e.busy}>${t("auth.signIn")}</button>
		</form>
		<p><${g} href="/forgot-password">${t("auth.forgot")}<//></p>
	<//>`}function j(){let e=P({email:""}),[a,n]=v("");async function i(r){r.preventDefault(),await e.submit(async o=>{await L("/api/v1/auth/password/forgot",{email:o.email.trim()}),n(o.email.trim())})}return s`<${T} title=${t("auth.forgotTitle")}>
		${a?s`<${y}>${t("auth.linkSent",a)}<//>`:s`<form onSubmit=${i} novalidate>
					<p>${t("auth.forgotHelp")}</p>
					<${w} label=${t("auth.email")} type="email" autocomplete="username" required ...${e.bind("email")} />
					<${f} error=${e.error} />
					<button type="submit" disabled=${e.busy}>${t("auth.sendLink")}</button>
				</form>`}
		<p><${g} href="/sign-in">${t("auth.backToSignIn")}<//></p>
	<//>`}var z=null;function ne(){let e=b("token");return e&&(z=e,history.replaceState(null,"",location.pathname)),z}function q({mode:e}){let[a]=v(ne),n=P({password:"",repeat:""},["password","repeat","token"]);$(()=>()=>z=null,[]);async function i(u){if(u.preventDefault(),n.values.password!==n.values.repeat){n.setErrors({repeat:t("auth.mismatch")});return}await n.submit(async l=>{await L("/api/v1/auth/password/reset",{token:a,password:l.password}),z=null,c("/sign-in?why=password-set",{replace:!0})})}let r=e==="set"?t("auth.setTitle"):t("auth.resetTitle");if(!a)return s`<${T} title=${r}>
			<p class="error" role="alert">${t("auth.noToken")}</p>
			<p><${g} href="/forgot-password">${t("auth.forgot")}<//></p>
		<//>`;let o=n.errors.token||n.error&&n.error.code==="invalid_token"&&t("error.invalid_token");return s`<${T} title=${r}>
		<form onSubmit=${i} novalidate>
			<input type="hidden" name="username" autocomplete="username" value="" />
			<${w}
				label=${t("auth.newPassword")}
				type="password"
				autocomplete="new-password"
				hint=${t("auth.passwordHint")}
				required
				...${n.bind("password")}
			/>
			<${w} label=${t("auth.repeat")} type="password" autocomplete="new-password" required ...${n.bind("repeat")} />
			${o?s`<p class="error" role="alert">${o} <${g} href="/forgot-password">${t("auth.forgot")}<//></p>`:s`<${f} error=${n.error} />`}
			<button type="submit" disabled=${n.busy}>${t("app.save")}</button>
		</form>
	<//>`}var C=()=>import("./chunk-B62L72H7.js"),R=()=>import("./chunk-CF4OOY7I.js"),H=()=>import("./chunk-FQAM3DX6.js"),J=()=>import("./chunk-UPBLDGH2.js"),se=()=>import("./chunk-KU7V7P4J.js"),ae=()=>import("./chunk-XYL3P455.js");O({en:{"nav.main":"Main","nav.org":"Organization","nav.switch":"Organization","nav.allOrgs":"All organizations","nav.overview":"Overview","nav.users":"Users","nav.roles":"Roles","nav.customers":"Customers","nav.audit":"Audit log","nav.settings":"Settings","nav.mySettings":"My settings","nav.signOut":"Sign out","nav.signedInAs":e=>`Signed in as ${e}`,"home.none":"You are not a member of any organization yet. When someone adds you to one, it appears here.","home.title":"Welcome"},fr:{"nav.main":"Principal","nav.org":"Organisation","nav.switch":"Organisation","nav.allOrgs":"Toutes les organisations","nav.overview":"Vue d\u2019ensemble","nav.users":"Utilisateurs","nav.roles":"R\xF4les","nav.customers":"Clients","nav.audit":"Journal d\u2019audit","nav.settings":"Param\xE8tres","nav.mySettings":"Mes param\xE8tres","nav.signOut":"Se d\xE9connecter","nav.signedInAs":e=>`Connect\xE9 en tant que ${e}`,"home.none":"Vous n\u2019\xEAtes encore membre d\u2019aucune organisation. Quand quelqu\u2019un vous y ajoute, elle appara\xEEt ici.","home.title":"Bienvenue"},de:{"nav.main":"Hauptmen\xFC","nav.org":"Organisation","nav.switch":"Organisation","nav.allOrgs":"Alle Organisationen","nav.overview":"\xDCbersicht","nav.users":"Benutzer","nav.roles":"Rollen","nav.customers":"Kunden","nav.audit":"Protokoll","nav.settings":"Einstellungen","nav.mySettings":"Meine Einstellungen","nav.signOut":"Abmelden","nav.signedInAs":e=>`Angemeldet als ${e}`,"home.none":"Sie sind noch in keiner Organisation Mitglied. Sobald Sie jemand hinzuf\xFCgt, erscheint sie hier.","home.title":"Willkommen"}});var Q=[["/sign-in",Z],["/forgot-password",j],["/set-password",()=>s`<${q} mode="set" />`],["/reset-password",()=>s`<${q} mode="reset" />`]],oe=[["/",ie],["/settings",d(ae,"MySettings")],["/orgs",d(C,"OrgList")],["/orgs/new",d(C,"CreateOrg")]],re=[["/orgs/:org",d(C,"OrgOverview")],["/orgs/:org/users",d(R,"Users")],["/orgs/:org/users/new",d(R,"CreateUser")],["/orgs/:org/users/:user",d(R,"UserDetail")],["/orgs/:org/roles",d(H,"Roles")],["/orgs/:org/roles/new",d(H,"RoleEdit")],["/orgs/:org/roles/:role",d(H,"RoleEdit")],["/orgs/:org/customers",d(J,"Customers")],["/orgs/:org/customers/new",d(J,"CreateCustomer")],["/orgs/:org/audit",d(se,"Audit")],["/orgs/:org/settings",d(C,"OrgSettings")]];function D(e,a){for(let[n,i]of e){let r=A(n,a);if(r)return{screen:i,params:r}}return null}function ie({me:e}){return $(()=>{e.organizations.length?c(x(e.organizations[0]),{replace:!0}):e.is_operator&&c("/orgs",{replace:!0})},[]),e.organizations.length||e.is_operator?s`<${E} />`:s`<section class="card"><h1 id="page-title" tabindex="-1">${t("home.title")}</h1><p>${t("home.none")}</p></section>`}function ue({me:e,orgId:a}){let n=e.organizations;if(n.length<2&&!(n.length&&e.is_operator))return null;let i=n.some(o=>o.id===a);function r(o){let u=o.currentTarget.value;if(u==="*")return c("/orgs");let l=n.find(h=>h.id===u);l&&c(x(l))}return s`<div class="switcher">
		<label for="org-switcher">${t("nav.switch")}</label>
		<select id="org-switcher" onChange=${r} value=${i?a:""}>
			${!i&&s`<option value="" selected>—</option>`}
			${n.map(o=>s`<option value=${o.id} selected=${o.id===a}>${o.name}</option>`)}
			${e.is_operator&&s`<option value="*">${t("nav.allOrgs")}</option>`}
		</select>
	</div>`}function le({org:e,path:a}){let n=`/orgs/${e.id}`,i=[[n,t("nav.overview"),!0],[`${n}/users`,t("nav.users"),S(e,"members:read")],[`${n}/roles`,t("nav.roles"),!0],[`${n}/customers`,t("nav.customers"),e.type!=="customer"&&S(e,"customers:read")],[`${n}/audit`,t("nav.audit"),S(e,"audit:read")],[`${n}/settings`,t("nav.settings"),S(e,"org:write")]].filter(u=>u[2]),r=a.split("?")[0],o=u=>u===n?r===n:r===u||r.startsWith(`${u}/`);return s`<nav class="org-nav" aria-label=${t("nav.org")}>
		<p class="org-name">${e.name}</p>
		<ul>
			${i.map(([u,l])=>s`<li><${g} href=${u} aria-current=${o(u)?"page":void 0}>${l}<//></li>`)}
		</ul>
	</nav>`}function X({me:e,orgId:a}){async function n(){try{await k("POST","/api/v1/auth/logout",void 0,{quiet401:!0})}catch{}M(null),c("/sign-in?why=signed-out",{replace:!0})}return s`<a class="skip" href="#main">${t("app.skip")}</a>
		<header class="top">
		<${g} class="brand" href="/">${t("app.name")}<//>
		<${ue} me=${e} orgId=${a} />
		<nav class="user-nav" aria-label=${t("nav.main")}>
			<ul>
				<li class="who">${t("nav.signedInAs",e.email)}</li>
				${e.is_operator&&s`<li><${g} href="/orgs">${t("nav.allOrgs")}<//></li>`}
				<li><${g} href="/settings">${t("nav.mySettings")}<//></li>
				<li><button type="button" class="link" onClick=${n}>${t("nav.signOut")}</button></li>
			</ul>
		</nav>
	</header>`}function de({me:e,found:a,path:n}){let i=a.params.org,[r,o]=v({org:null,error:null});$(()=>{let h=!0;return o(m=>m.org&&m.org.id===i?m:{org:null,error:null}),K(i).then(m=>h&&o({org:m,error:null}),m=>h&&o({org:null,error:m})),()=>h=!1},[i,e]);let u=a.screen,l;return r.error?l=s`<${f} error=${r.error} />`:r.org?l=s`<${u} me=${e} org=${r.org} params=${a.params} />`:l=s`<${E} />`,s`
		<${X} me=${e} orgId=${i} />
		<div class="layout">
			${r.org&&s`<${le} org=${r.org} path=${n} />`}
			<main id="main">${l}</main>
		</div>`}function ee(){let e=G(),a=V(),[n,i]=v(null),r=N(a);F(e?e.language:_(navigator.languages||[navigator.language])),$(()=>{U(()=>{M(null);let p=location.pathname+location.search;Q.some(([te])=>A(te,location.pathname))||c(`/sign-in?why=session&next=${encodeURIComponent(p)}`,{replace:!0})}),I().catch(i)},[]),$(()=>{if(a===r.current)return;let p=document.getElementById("page-title");p&&p.focus({preventScroll:!0})},[a.split("?")[0]]);let o=a.split("?")[0],u=D(Q,o);if($(()=>{if(e===null&&!u){let p=o==="/"?"":`?next=${encodeURIComponent(a)}`;c(`/sign-in${p}`,{replace:!0})}else if(e&&o==="/sign-in"){let p=new URLSearchParams(location.search).get("next");c(p&&p.startsWith("/")&&!p.startsWith("//")?p:"/",{replace:!0})}},[e,o]),n)return s`<main id="main"><${f} error=${n} /></main>`;if(u&&(!e||o!=="/sign-in")){let p=u.screen;return s`<header class="top"><span class="brand">${t("app.name")}</span></header>
			<main id="main" class="narrow"><${p} /></main>`}if(!e)return s`<main id="main"><${E} /></main>`;let l=D(oe,o),h=!l&&D(re,o);if(h)return s`<${de} me=${e} found=${h} path=${a} />`;let m=l&&l.screen;return s`<${X} me=${e} orgId=${null} />
		<main id="main">
			${m?s`<${m} me=${e} />`:s`<p>${t("app.notFound")}</p>`}
		</main>`}B(W(ee),document.getElementById("app"));
