var Le,C,$t,yr,ee,pt,_t,vt,Ve,Pe,$e,bt,Ze,je,Ke,wr,ze={},Oe=[],kr=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,Ne=Array.isArray;function Q(e,t){for(var r in t)e[r]=t[r];return e}function Ge(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function ie(e,t,r){var s,o,a,i={};for(a in t)a=="key"?s=t[a]:a=="ref"?o=t[a]:i[a]=t[a];if(arguments.length>2&&(i.children=arguments.length>3?Le.call(arguments,2):r),typeof e=="function"&&e.defaultProps!=null)for(a in e.defaultProps)i[a]===void 0&&(i[a]=e.defaultProps[a]);return Ee(e,i,s,o,null)}function Ee(e,t,r,s,o){var a={type:e,props:t,key:r,ref:s,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:o??++$t,__i:-1,__u:0};return o==null&&C.vnode!=null&&C.vnode(a),a}function Re(e){return e.children}function Ae(e,t){this.props=e,this.context=t}function ae(e,t){if(t==null)return e.__?ae(e.__,e.__i+1):null;for(var r;t<e.__k.length;t++)if((r=e.__k[t])!=null&&r.__e!=null)return r.__e;return typeof e.type=="function"?ae(e):null}function Sr(e){if(e.__P&&e.__d){var t=e.__v,r=t.__e,s=[],o=[],a=Q({},t);a.__v=t.__v+1,C.vnode&&C.vnode(a),Ye(e.__P,a,t,e.__n,e.__P.namespaceURI,32&t.__u?[r]:null,s,r??ae(t),!!(32&t.__u),o),a.__v=t.__v,a.__.__k[a.__i]=a,Ct(s,a,o),t.__e=t.__=null,a.__e!=r&&yt(a)}}function yt(e){if((e=e.__)!=null&&e.__c!=null)return e.__e=e.__c.base=null,e.__k.some(function(t){if(t!=null&&t.__e!=null)return e.__e=e.__c.base=t.__e}),yt(e)}function gt(e){(!e.__d&&(e.__d=!0)&&ee.push(e)&&!Me.__r++||pt!=C.debounceRendering)&&((pt=C.debounceRendering)||_t)(Me)}function Me(){try{for(var e,t=1;ee.length;)ee.length>t&&ee.sort(vt),e=ee.shift(),t=ee.length,Sr(e)}finally{ee.length=Me.__r=0}}function wt(e,t,r,s,o,a,i,d,p,c,g){var h,u,m,$,x,P,v=s&&s.__k||Oe,f=t.length;for(p=Cr(r,t,v,p,f),h=0;h<f;h++)(m=r.__k[h])!=null&&(u=m.__i!=-1&&v[m.__i]||ze,m.__i=h,P=Ye(e,m,u,o,a,i,d,p,c,g),$=m.__e,m.ref&&u.ref!=m.ref&&(u.ref&&Qe(u.ref,null,m),g.push(m.ref,m.__c||$,m)),x==null&&$!=null&&(x=$),4&m.__u?(p=kt(m,p,e),u.__e&&(u.__e=null)):typeof m.type=="function"&&P!==void 0?p=P:$&&(p=$.nextSibling),m.__u&=-7);return r.__e=x,p}function Cr(e,t,r,s,o){var a,i,d,p,c,g=r.length,h=g,u=0;for(e.__k=new Array(o),a=0;a<o;a++)(i=t[a])!=null&&typeof i!="boolean"&&typeof i!="function"?(typeof i=="string"||typeof i=="number"||typeof i=="bigint"||i.constructor==String?i=e.__k[a]=Ee(null,i,null,null,null):Ne(i)?i=e.__k[a]=Ee(Re,{children:i},null,null,null):i.constructor===void 0&&i.__b>0?i=e.__k[a]=Ee(i.type,i.props,i.key,i.ref?i.ref:null,i.__v):e.__k[a]=i,p=a+u,i.__=e,i.__b=e.__b+1,d=null,(c=i.__i=Tr(i,r,p,h))!=-1&&(h--,(d=r[c])&&(d.__u|=2)),d==null||d.__v==null?(c==-1&&(o>g?u--:o<g&&u++),typeof i.type!="function"&&(i.__u|=4)):c!=p&&(c==p-1?u--:c==p+1?u++:(c>p?u--:u++,i.__u|=4))):e.__k[a]=null;if(h)for(a=0;a<g;a++)(d=r[a])!=null&&(2&d.__u)==0&&(d.__e==s&&(s=ae(d)),xt(d,d));return s}function kt(e,t,r){var s,o;if(typeof e.type=="function"){for(s=e.__k,o=0;s&&o<s.length;o++)s[o]&&(s[o].__=e,t=kt(s[o],t,r));return t}e.__e!=t&&(t&&e.type&&!t.parentNode&&(t=ae(e)),t=r.insertBefore(e.__e,t||null));do t=t&&t.nextSibling;while(t!=null&&t.nodeType==8);return t}function Tr(e,t,r,s){var o,a,i,d=e.key,p=e.type,c=t[r],g=c!=null&&(2&c.__u)==0;if(c===null&&d==null||g&&d==c.key&&p==c.type)return r;if(s>(g?1:0)){for(o=r-1,a=r+1;o>=0||a<t.length;)if((c=t[i=o>=0?o--:a++])!=null&&(2&c.__u)==0&&d==c.key&&p==c.type)return i}return-1}function ht(e,t,r){t[0]=="-"?e.setProperty(t,r??""):e[t]=r==null?"":typeof r!="number"||kr.test(t)?r:r+"px"}function xe(e,t,r,s,o){var a,i;e:if(t=="style")if(typeof r=="string")e.style.cssText=r;else{if(typeof s=="string"&&(e.style.cssText=s=""),s)for(t in s)r&&t in r||ht(e.style,t,"");if(r)for(t in r)s&&r[t]==s[t]||ht(e.style,t,r[t])}else if(t[0]=="o"&&t[1]=="n")a=t!=(t=t.replace(bt,"$1")),i=t.toLowerCase(),t=i in e||t=="onFocusOut"||t=="onFocusIn"?i.slice(2):t.slice(2),e.l||(e.l={}),e.l[t+a]=r,r?s?r[$e]=s[$e]:(r[$e]=Ze,e.addEventListener(t,a?Ke:je,a)):e.removeEventListener(t,a?Ke:je,a);else{if(o=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{e[t]=r??"";break e}catch{}typeof r=="function"||(r==null||r===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&r==1?"":r))}}function ft(e){return function(t){if(this.l){var r=this.l[t.type+e];if(t[Pe]==null)t[Pe]=Ze++;else if(t[Pe]<r[$e])return;return r(C.event?C.event(t):t)}}}function Ye(e,t,r,s,o,a,i,d,p,c){var g,h,u,m,$,x,P,v,f,b,H,N,fe,mt,Te,We,G=t.type;if(t.constructor!==void 0)return null;128&r.__u&&(p=!!(32&r.__u),a=[d=t.__e=r.__e]),(g=C.__b)&&g(t);e:if(typeof G=="function"){h=i.length;try{if(f=t.props,b=G.prototype&&G.prototype.render,H=(g=G.contextType)&&s[g.__c],N=g?H?H.props.value:g.__:s,r.__c?v=(u=t.__c=r.__c).__=u.__E:(b?t.__c=u=new G(f,N):(t.__c=u=new Ae(f,N),u.constructor=G,u.render=Pr),H&&H.sub(u),u.state||(u.state={}),u.__n=s,m=u.__d=!0,u.__h=[],u._sb=[]),b&&u.__s==null&&(u.__s=u.state),b&&G.getDerivedStateFromProps!=null&&(u.__s==u.state&&(u.__s=Q({},u.__s)),Q(u.__s,G.getDerivedStateFromProps(f,u.__s))),$=u.props,x=u.state,u.__v=t,m)b&&G.getDerivedStateFromProps==null&&u.componentWillMount!=null&&u.componentWillMount(),b&&u.componentDidMount!=null&&u.__h.push(u.componentDidMount);else{if(b&&G.getDerivedStateFromProps==null&&f!==$&&u.componentWillReceiveProps!=null&&u.componentWillReceiveProps(f,N),t.__v==r.__v||!u.__e&&u.shouldComponentUpdate!=null&&u.shouldComponentUpdate(f,u.__s,N)===!1){t.__v!=r.__v&&(u.props=f,u.state=u.__s,u.__d=!1),t.__e=r.__e,t.__k=r.__k,t.__k.some(function(de){de&&(de.__=t)}),Oe.push.apply(u.__h,u._sb),u._sb=[],u.__h.length&&i.push(u),d=ae(r);break e}u.componentWillUpdate!=null&&u.componentWillUpdate(f,u.__s,N),b&&u.componentDidUpdate!=null&&u.__h.push(function(){u.componentDidUpdate($,x,P)})}if(u.context=N,u.props=f,u.__P=e,u.__e=!1,fe=C.__r,mt=0,b)u.state=u.__s,u.__d=!1,fe&&fe(t),g=u.render(u.props,u.state,u.context),Oe.push.apply(u.__h,u._sb),u._sb=[];else do u.__d=!1,fe&&fe(t),g=u.render(u.props,u.state,u.context),u.state=u.__s;while(u.__d&&++mt<25);u.state=u.__s,u.getChildContext!=null&&(s=Q(Q({},s),u.getChildContext())),b&&!m&&u.getSnapshotBeforeUpdate!=null&&(P=u.getSnapshotBeforeUpdate($,x)),Te=g!=null&&g.type===Re&&g.key==null?Tt(g.props.children):g,d=wt(e,Ne(Te)?Te:[Te],t,r,s,o,a,i,d,p,c),u.base=t.__e,t.__u&=-161,u.__h.length&&i.push(u),v&&(u.__E=u.__=null)}catch(de){if(i.length=h,t.__v=null,p||a!=null){if(de.then){for(t.__u|=p?160:128;d&&d.nodeType==8&&d.nextSibling;)d=d.nextSibling;a!=null&&(a[a.indexOf(d)]=null),t.__e=d}else if(a!=null)for(We=a.length;We--;)Ge(a[We])}else t.__e=r.__e;t.__k==null&&(t.__k=r.__k||[]),de.then||St(t),C.__e(de,t,r)}}else a==null&&t.__v==r.__v?(t.__k=r.__k,t.__e=r.__e):d=t.__e=xr(r.__e,t,r,s,o,a,i,p,c);return(g=C.diffed)&&g(t),128&t.__u?void 0:d}function St(e){e&&(e.__c&&(e.__c.__e=!0),e.__k&&e.__k.some(St))}function Ct(e,t,r){for(var s=0;s<r.length;s++)Qe(r[s],r[++s],r[++s]);C.__c&&C.__c(t,e),e.some(function(o){try{e=o.__h,o.__h=[],e.some(function(a){a.call(o)})}catch(a){C.__e(a,o.__v)}})}function Tt(e){return typeof e!="object"||e==null||e.__b>0?e:Ne(e)?e.map(Tt):e.constructor!==void 0?null:Q({},e)}function xr(e,t,r,s,o,a,i,d,p){var c,g,h,u,m,$,x,P=r.props||ze,v=t.props,f=t.type;if(f=="svg"?o="http://www.w3.org/2000/svg":f=="math"?o="http://www.w3.org/1998/Math/MathML":o||(o="http://www.w3.org/1999/xhtml"),a!=null){for(c=0;c<a.length;c++)if((m=a[c])&&"setAttribute"in m==!!f&&(f?m.localName==f:m.nodeType==3)){e=m,a[c]=null;break}}if(e==null){if(f==null)return document.createTextNode(v);e=document.createElementNS(o,f,v.is&&v),d&&(C.__m&&C.__m(t,a),d=!1),a=null}if(f==null)P===v||d&&e.data==v||(e.data=v);else{if(a=f=="textarea"&&v.defaultValue!=null?null:a&&Le.call(e.childNodes),!d&&a!=null)for(P={},c=0;c<e.attributes.length;c++)P[(m=e.attributes[c]).name]=m.value;for(c in P)m=P[c],c=="dangerouslySetInnerHTML"?h=m:c=="children"||c in v||c=="value"&&"defaultValue"in v||c=="checked"&&"defaultChecked"in v||xe(e,c,null,m,o);for(c in v)m=v[c],c=="children"?u=m:c=="dangerouslySetInnerHTML"?g=m:c=="value"?$=m:c=="checked"?x=m:d&&typeof m!="function"||P[c]===m||xe(e,c,m,P[c],o);if(g)d||h&&(g.__html==h.__html||g.__html==e.innerHTML)||(e.innerHTML=g.__html),t.__k=[];else if(h&&(e.innerHTML=""),wt(t.type=="template"?e.content:e,Ne(u)?u:[u],t,r,s,f=="foreignObject"?"http://www.w3.org/1999/xhtml":o,a,i,a?a[0]:r.__k&&ae(r,0),d,p),a!=null)for(c=a.length;c--;)Ge(a[c]);d&&f!="textarea"||(c="value",f=="progress"&&$==null?e.removeAttribute("value"):$!=null&&($!==e[c]||f=="progress"&&!$||f=="option"&&$!=P[c])&&xe(e,c,$,P[c],o),c="checked",x!=null&&x!=e[c]&&xe(e,c,x,P[c],o))}return e}function Qe(e,t,r){try{if(typeof e=="function"){var s=typeof e.__u=="function";s&&e.__u(),s&&t==null||(e.__u=e(t))}else e.current=t}catch(o){C.__e(o,r)}}function xt(e,t,r){var s,o;if(C.unmount&&C.unmount(e),(s=e.ref)&&(s.current&&s.current!=e.__e||Qe(s,null,t)),(s=e.__c)!=null){if(s.componentWillUnmount)try{s.componentWillUnmount()}catch(a){C.__e(a,t)}s.base=s.__P=s.__n=null}if(s=e.__k)for(o=0;o<s.length;o++)s[o]&&xt(s[o],t,r||typeof e.type!="function");r||Ge(e.__e),e.__c=e.__=e.__e=void 0}function Pr(e,t,r){return this.constructor(e,r)}function Pt(e,t,r){var s,o,a,i;t==document&&(t=document.documentElement),C.__&&C.__(e,t),o=(s=typeof r=="function")?null:r&&r.__k||t.__k,a=[],i=[],Ye(t,e=(!s&&r||t).__k=ie(Re,null,[e]),o||ze,ze,t.namespaceURI,!s&&r?[r]:o?null:t.firstChild?Le.call(t.childNodes):null,a,!s&&r?r:o?o.__e:t.firstChild,s,i),Ct(a,e,i),e.props.children=null}Le=Oe.slice,C={__e:function(e,t,r,s){for(var o,a,i;t=t.__;)if((o=t.__c)&&!o.__)try{if((a=o.constructor)&&a.getDerivedStateFromError!=null&&(o.setState(a.getDerivedStateFromError(e)),i=o.__d),o.componentDidCatch!=null&&(o.componentDidCatch(e,s||{}),i=o.__d),i)return o.__E=o}catch(d){e=d}throw e}},$t=0,yr=function(e){return e!=null&&e.constructor===void 0},Ae.prototype.setState=function(e,t){var r;r=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=Q({},this.state),typeof e=="function"&&(e=e(Q({},r),this.props)),e&&Q(r,e),e!=null&&this.__v&&(t&&this._sb.push(t),gt(this))},Ae.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),gt(this))},Ae.prototype.render=Re,ee=[],_t=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,vt=function(e,t){return e.__v.__b-t.__v.__b},Me.__r=0,Ve=Math.random().toString(8),Pe="__d"+Ve,$e="__a"+Ve,bt=/(PointerCapture)$|Capture$/i,Ze=0,je=ft(!1),Ke=ft(!0),wr=0;var _e,A,Je,Et,ve=0,Dt=[],z=C,At=z.__b,zt=z.__r,Ot=z.diffed,Mt=z.__c,Lt=z.unmount,Nt=z.__;function et(e,t){z.__h&&z.__h(A,e,ve||t),ve=0;var r=A.__H||(A.__H={__:[],__h:[]});return e>=r.__.length&&r.__.push({}),r.__[e]}function _(e){return ve=1,Er(Bt,e)}function Er(e,t,r){var s=et(_e++,2);if(s.t=e,!s.__c&&(s.__=[r?r(t):Bt(void 0,t),function(d){var p=s.__N?s.__N[0]:s.__[0],c=s.t(p,d);p!==c&&(s.__N=[c,s.__[1]],s.__c.setState({}))}],s.__c=A,!A.__f)){var o=function(d,p,c){if(!s.__c.__H)return!0;var g=!1,h=s.__c.props!==d;if(s.__c.__H.__.some(function(m){if(m.__N){g=!0;var $=m.__[0];m.__=m.__N,m.__N=void 0,$!==m.__[0]&&(h=!0)}}),a){var u=a.call(this,d,p,c);return g?u||h:u}return!g||h};A.__f=!0;var a=A.shouldComponentUpdate,i=A.componentWillUpdate;A.componentWillUpdate=function(d,p,c){if(this.__e){var g=a;a=void 0,o(d,p,c),a=g}i&&i.call(this,d,p,c)},A.shouldComponentUpdate=o}return s.__N||s.__}function M(e,t){var r=et(_e++,3);!z.__s&&qt(r.__H,t)&&(r.__=e,r.u=t,A.__H.__h.push(r))}function te(e){return ve=5,Ht(function(){return{current:e}},[])}function Ht(e,t){var r=et(_e++,7);return qt(r.__H,t)&&(r.__=e(),r.__H=t,r.__h=e),r.__}function K(e,t){return ve=8,Ht(function(){return e},t)}function Ar(){for(var e;e=Dt.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(De),t.__h.some(Xe),t.__h=[]}catch(r){t.__h=[],z.__e(r,e.__v)}}}z.__b=function(e){A=null,At&&At(e)},z.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),Nt&&Nt(e,t)},z.__r=function(e){zt&&zt(e),_e=0;var t=(A=e.__c).__H;t&&(Je===A?(t.__h=[],A.__h=[],t.__.some(function(r){r.__N&&(r.__=r.__N),r.u=r.__N=void 0})):(t.__h.some(De),t.__h.some(Xe),t.__h=[],_e=0)),Je=A},z.diffed=function(e){Ot&&Ot(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(Dt.push(t)!==1&&Et===z.requestAnimationFrame||((Et=z.requestAnimationFrame)||zr)(Ar)),t.__H.__.some(function(r){r.u&&(r.__H=r.u,r.u=void 0)})),Je=A=null},z.__c=function(e,t){t.some(function(r){try{r.__h.some(De),r.__h=r.__h.filter(function(s){return!s.__||Xe(s)})}catch(s){t.some(function(o){o.__h&&(o.__h=[])}),t=[],z.__e(s,r.__v)}}),Mt&&Mt(e,t)},z.unmount=function(e){Lt&&Lt(e);var t,r=e.__c;r&&r.__H&&(r.__H.__.some(function(s){try{De(s)}catch(o){t=o}}),r.__H=void 0,t&&z.__e(t,r.__v))};var Rt=typeof requestAnimationFrame=="function";function zr(e){var t,r=function(){clearTimeout(s),Rt&&cancelAnimationFrame(t),setTimeout(e)},s=setTimeout(r,35);Rt&&(t=requestAnimationFrame(r))}function De(e){var t=A,r=e.__c;typeof r=="function"&&(e.__c=void 0,r()),A=t}function Xe(e){var t=A;e.__c=e.__(),A=t}function qt(e,t){return!e||e.length!==t.length||t.some(function(r,s){return r!==e[s]})}function Bt(e,t){return typeof t=="function"?t(e):t}var ce=class extends Error{constructor(t,r,s){let o=r&&r.error||{};super(o.message||`HTTP ${t}`),this.status=t,this.code=o.code||(t===0?"network":"internal"),this.field=o.field||null,this.retryAfter=s}},It=()=>{};function Ft(e){It=e}async function V(e,t,r,{quiet401:s=!1}={}){let o={Accept:"application/json"};e!=="GET"&&(o["X-Roster-CSRF"]="1"),r!==void 0&&(o["Content-Type"]="application/json");let a;try{a=await fetch(t,{method:e,headers:o,credentials:"same-origin",body:r===void 0?void 0:JSON.stringify(r)})}catch{throw new ce(0,null,0)}let i=await a.text(),d=null;try{d=i?JSON.parse(i):null}catch{d=null}if(a.ok)return d;let p=new ce(a.status,d,Number(a.headers.get("Retry-After"))||0);throw a.status===401&&!s&&It(),p}var q=(e,t)=>V("GET",Or(e,t)),I=(e,t)=>V("POST",e,t),re=(e,t)=>V("PATCH",e,t),Ut=e=>V("PUT",e),me=e=>V("DELETE",e);function Or(e,t){if(!t)return e;let r=new URLSearchParams;for(let[o,a]of Object.entries(t))a!=null&&a!==""&&r.set(o,a);let s=r.toString();return s?`${e}?${s}`:e}var S=(e,t="")=>`/api/v1/orgs/${encodeURIComponent(e)}${t}`;var rt=["en","fr","de"],be={en:{},fr:{},de:{}},se="en";function R(e){for(let t of rt)Object.assign(be[t],e[t]||{})}function Wt(e){for(let t of e||[]){let r=String(t||"").toLowerCase().split("-")[0];if(rt.includes(r))return r}return"en"}function Vt(e){se=rt.includes(e)?e:"en",document.documentElement.lang=se}var He=()=>se;function n(e,...t){let r=be[se][e]??be.en[e];return r===void 0?e:typeof r=="function"?r(...t):r}function pe(e){return e?new Intl.DateTimeFormat(se,{dateStyle:"medium"}).format(new Date(e)):""}function qe(e){return e?new Intl.DateTimeFormat(se,{dateStyle:"medium",timeStyle:"short"}).format(new Date(e)):""}function tt(e){let t=new Intl.RelativeTimeFormat(se,{numeric:"always"});return e<120?t.format(e,"second"):t.format(Math.ceil(e/60),"minute")}function ye(e){if(!e)return"";let t=`error.${e.code}`,r=be[se][t]??be.en[t];return r!==void 0?typeof r=="function"?r(e):r:e.message||n("error.internal")}R({en:{"app.name":"roster","app.loading":"Loading\u2026","app.skip":"Skip to content","app.notFound":"There is nothing here.","app.back":"Back","app.more":"Show more","app.search":"Search","app.save":"Save","app.saved":"Saved.","app.cancel":"Cancel","app.create":"Create","app.delete":"Delete","app.remove":"Remove","app.close":"Close","app.yes":"Yes","app.no":"No","app.none":"None","app.all":"All","app.optional":"(optional)","app.empty":"Nothing to show.","app.results":e=>e===1?"1 result":`${e} results`,"lang.en":"English","lang.fr":"Fran\xE7ais","lang.de":"Deutsch","error.bad_request":"The request was not understood.","error.invalid_credentials":"The email or the password is not right.","error.unauthenticated":"Your session has ended; sign in again.","error.forbidden":"You are not allowed to do this.","error.not_found":"This no longer exists, or you cannot see it.","error.conflict":"Someone changed this meanwhile; reload and try again.","error.user_exists":"A user with this email exists already.","error.already_member":"This person is a member of the organization already.","error.last_administrator":"The organization must keep at least one administrator: give another member the administrator role first.","error.role_in_use":"Members still have this role: give them another role first.","error.role_exists":"A role with this name exists already.","error.invalid":"This value is not valid.","error.invalid_email":"This is not a valid email address.","error.invalid_language":"Choose English, French or German.","error.too_long":"This is too long.","error.password_too_short":"The password needs at least 10 characters.","error.password_too_long":"The password is too long.","error.password_is_email":"The password must not be your email address.","error.wrong_password":"The current password is not right.","error.invalid_token":"This link is invalid, has expired or was used already. Ask for a new one.","error.unknown_role":"There is no such role in this organization.","error.unknown_permission":"There is no such permission.","error.org_closed":"This organization is closed.","error.module_disabled":"This feature is not switched on for the organization.","error.customer_login_unavailable":"This customer cannot have logins.","error.too_many_items":"Too many at once.","error.too_many_requests":e=>e.retryAfter?`Too many attempts; try again ${tt(e.retryAfter)}.`:"Too many attempts; try again later.","error.unavailable":"The server is busy; try again in a moment.","error.retry":"The server is busy; try again in a moment.","error.internal":"Something went wrong; try again.","error.network":"The server cannot be reached; check your connection and try again."},fr:{"app.loading":"Chargement\u2026","app.skip":"Aller au contenu","app.notFound":"Il n'y a rien ici.","app.back":"Retour","app.more":"Afficher plus","app.search":"Rechercher","app.save":"Enregistrer","app.saved":"Enregistr\xE9.","app.cancel":"Annuler","app.create":"Cr\xE9er","app.delete":"Supprimer","app.remove":"Retirer","app.close":"Fermer","app.yes":"Oui","app.no":"Non","app.none":"Aucun","app.all":"Tous","app.optional":"(facultatif)","app.empty":"Rien \xE0 afficher.","app.results":e=>e<=1?`${e} r\xE9sultat`:`${e} r\xE9sultats`,"error.bad_request":"La requ\xEAte n'a pas \xE9t\xE9 comprise.","error.invalid_credentials":"L'e-mail ou le mot de passe n'est pas correct.","error.unauthenticated":"Votre session a pris fin ; reconnectez-vous.","error.forbidden":"Vous n'avez pas le droit de faire ceci.","error.not_found":"Ceci n'existe plus, ou vous ne pouvez pas le voir.","error.conflict":"Quelqu'un l'a modifi\xE9 entre-temps ; rechargez et r\xE9essayez.","error.user_exists":"Un utilisateur avec cet e-mail existe d\xE9j\xE0.","error.already_member":"Cette personne est d\xE9j\xE0 membre de l'organisation.","error.last_administrator":"L'organisation doit garder au moins un administrateur : donnez d'abord le r\xF4le administrateur \xE0 un autre membre.","error.role_in_use":"Des membres ont encore ce r\xF4le : donnez-leur d'abord un autre r\xF4le.","error.role_exists":"Un r\xF4le de ce nom existe d\xE9j\xE0.","error.invalid":"Cette valeur n'est pas valide.","error.invalid_email":"Ce n'est pas une adresse e-mail valide.","error.invalid_language":"Choisissez l'anglais, le fran\xE7ais ou l'allemand.","error.too_long":"Ceci est trop long.","error.password_too_short":"Le mot de passe doit compter au moins 10 caract\xE8res.","error.password_too_long":"Le mot de passe est trop long.","error.password_is_email":"Le mot de passe ne doit pas \xEAtre votre adresse e-mail.","error.wrong_password":"Le mot de passe actuel n'est pas correct.","error.invalid_token":"Ce lien est invalide, a expir\xE9 ou a d\xE9j\xE0 servi. Demandez-en un nouveau.","error.unknown_role":"Ce r\xF4le n'existe pas dans cette organisation.","error.unknown_permission":"Cette permission n'existe pas.","error.org_closed":"Cette organisation est ferm\xE9e.","error.module_disabled":"Cette fonction n'est pas activ\xE9e pour l'organisation.","error.customer_login_unavailable":"Ce client ne peut pas avoir d'acc\xE8s.","error.too_many_items":"Trop \xE0 la fois.","error.too_many_requests":e=>e.retryAfter?`Trop de tentatives ; r\xE9essayez ${tt(e.retryAfter)}.`:"Trop de tentatives ; r\xE9essayez plus tard.","error.unavailable":"Le serveur est occup\xE9 ; r\xE9essayez dans un instant.","error.retry":"Le serveur est occup\xE9 ; r\xE9essayez dans un instant.","error.internal":"Une erreur est survenue ; r\xE9essayez.","error.network":"Le serveur est injoignable ; v\xE9rifiez votre connexion et r\xE9essayez."},de:{"app.loading":"Wird geladen\u2026","app.skip":"Zum Inhalt springen","app.notFound":"Hier gibt es nichts.","app.back":"Zur\xFCck","app.more":"Mehr anzeigen","app.search":"Suchen","app.save":"Speichern","app.saved":"Gespeichert.","app.cancel":"Abbrechen","app.create":"Anlegen","app.delete":"L\xF6schen","app.remove":"Entfernen","app.close":"Schlie\xDFen","app.yes":"Ja","app.no":"Nein","app.none":"Keine","app.all":"Alle","app.optional":"(optional)","app.empty":"Nichts anzuzeigen.","app.results":e=>e===1?"1 Ergebnis":`${e} Ergebnisse`,"error.bad_request":"Die Anfrage wurde nicht verstanden.","error.invalid_credentials":"E-Mail-Adresse oder Passwort ist nicht richtig.","error.unauthenticated":"Ihre Sitzung ist abgelaufen; bitte melden Sie sich erneut an.","error.forbidden":"Das d\xFCrfen Sie nicht.","error.not_found":"Das gibt es nicht mehr, oder Sie k\xF6nnen es nicht sehen.","error.conflict":"Jemand hat das inzwischen ge\xE4ndert; bitte neu laden und erneut versuchen.","error.user_exists":"Es gibt bereits einen Benutzer mit dieser E-Mail-Adresse.","error.already_member":"Diese Person ist bereits Mitglied der Organisation.","error.last_administrator":"Die Organisation braucht mindestens einen Administrator: geben Sie zuerst einem anderen Mitglied die Administratorrolle.","error.role_in_use":"Mitglieder haben diese Rolle noch: geben Sie ihnen zuerst eine andere Rolle.","error.role_exists":"Eine Rolle mit diesem Namen gibt es bereits.","error.invalid":"Dieser Wert ist nicht g\xFCltig.","error.invalid_email":"Das ist keine g\xFCltige E-Mail-Adresse.","error.invalid_language":"W\xE4hlen Sie Englisch, Franz\xF6sisch oder Deutsch.","error.too_long":"Das ist zu lang.","error.password_too_short":"Das Passwort braucht mindestens 10 Zeichen.","error.password_too_long":"Das Passwort ist zu lang.","error.password_is_email":"Das Passwort darf nicht Ihre E-Mail-Adresse sein.","error.wrong_password":"Das aktuelle Passwort ist nicht richtig.","error.invalid_token":"Dieser Link ist ung\xFCltig, abgelaufen oder wurde schon benutzt. Fordern Sie einen neuen an.","error.unknown_role":"Diese Rolle gibt es in dieser Organisation nicht.","error.unknown_permission":"Diese Berechtigung gibt es nicht.","error.org_closed":"Diese Organisation ist geschlossen.","error.module_disabled":"Diese Funktion ist f\xFCr die Organisation nicht eingeschaltet.","error.customer_login_unavailable":"Dieser Kunde kann keine Zug\xE4nge haben.","error.too_many_items":"Zu viele auf einmal.","error.too_many_requests":e=>e.retryAfter?`Zu viele Versuche; versuchen Sie es ${tt(e.retryAfter)} erneut.`:"Zu viele Versuche; versuchen Sie es sp\xE4ter erneut.","error.unavailable":"Der Server ist ausgelastet; versuchen Sie es gleich noch einmal.","error.retry":"Der Server ist ausgelastet; versuchen Sie es gleich noch einmal.","error.internal":"Etwas ist schiefgegangen; bitte erneut versuchen.","error.network":"Der Server ist nicht erreichbar; pr\xFCfen Sie Ihre Verbindung und versuchen Sie es erneut."}});var st=new Set;function jt(){for(let e of st)e(location.pathname+location.search)}window.addEventListener("popstate",jt);function T(e,{replace:t=!1}={}){e!==location.pathname+location.search&&(t?history.replaceState(null,"",e):history.pushState(null,"",e),window.scrollTo(0,0),jt())}function Kt(){let[e,t]=_(location.pathname+location.search);return M(()=>(st.add(t),()=>st.delete(t)),[]),e}function O(e){return new URLSearchParams(location.search).get(e)||""}function F(e){let t=new URLSearchParams(location.search);for(let[s,o]of Object.entries(e))o==null||o===""?t.delete(s):t.set(s,o);let r=t.toString();T(location.pathname+(r?`?${r}`:""),{replace:!0})}function nt(e,t){let r=e.split("/"),s=t.split("?")[0].split("/");if(r.length!==s.length)return null;let o={};for(let a=0;a<r.length;a++)if(r[a].startsWith(":")){if(!s[a])return null;o[r[a].slice(1)]=decodeURIComponent(s[a])}else if(r[a]!==s[a])return null;return o}function k({href:e,children:t,...r}){function s(o){o.defaultPrevented||o.button!==0||o.metaKey||o.ctrlKey||o.shiftKey||o.altKey||(o.preventDefault(),T(e))}return ie("a",{href:e,onClick:s,...r},t)}function Zt(e){return typeof e=="string"&&e.startsWith("/")&&!e.startsWith("//")&&!e.startsWith("/\\")?e:"/"}var le,ot=new Set;function ke(e){le=e;for(let t of ot)t(le)}function Gt(){let[e,t]=_(le);return M(()=>(ot.add(t),t(le),()=>ot.delete(t)),[]),e}async function Y(){try{ke(await V("GET","/api/v1/me",void 0,{quiet401:!0}))}catch(e){if(e.status===401)ke(null);else throw e}return le}var we=new Map;function Mr(e){return le&&le.organizations.find(t=>t.id===e)}async function Be(e,{fresh:t=!1}={}){let r=Mr(e);if(r&&!t)return r;if(!t&&we.has(e))return we.get(e);let s=await q(S(e));return we.set(e,s),s}function Se(e){e?we.delete(e):we.clear()}var U=(e,t)=>!!e&&(e.permissions||[]).includes(t);function Ce(e){return U(e,"members:read")?`/orgs/${e.id}/users`:`/orgs/${e.id}`}var Qt=function(e,t,r,s){var o;t[0]=0;for(var a=1;a<t.length;a++){var i=t[a++],d=t[a]?(t[0]|=i?1:2,r[t[a++]]):t[++a];i===3?s[0]=d:i===4?s[1]=Object.assign(s[1]||{},d):i===5?(s[1]=s[1]||{})[t[++a]]=d:i===6?s[1][t[++a]]+=d+"":i?(o=e.apply(d,Qt(e,d,r,["",null])),s.push(o),d[0]?t[0]|=2:(t[a-2]=0,t[a]=o)):s.push(d)}return s},Yt=new Map;function Jt(e){var t=Yt.get(this);return t||(t=new Map,Yt.set(this,t)),(t=Qt(this,t.get(e)||(t.set(e,t=(function(r){for(var s,o,a=1,i="",d="",p=[0],c=function(u){a===1&&(u||(i=i.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?p.push(0,u,i):a===3&&(u||i)?(p.push(3,u,i),a=2):a===2&&i==="..."&&u?p.push(4,u,0):a===2&&i&&!u?p.push(5,0,!0,i):a>=5&&((i||!u&&a===5)&&(p.push(a,0,i,o),a=6),u&&(p.push(a,u,0,o),a=6)),i=""},g=0;g<r.length;g++){g&&(a===1&&c(),c(g));for(var h=0;h<r[g].length;h++)s=r[g][h],a===1?s==="<"?(c(),p=[p],a=3):i+=s:a===4?i==="--"&&s===">"?(a=1,i=""):i=s+i[0]:d?s===d?d="":i+=s:s==='"'||s==="'"?d=s:s===">"?(c(),a=1):a&&(s==="="?(a=5,o=i,i=""):s==="/"&&(a<5||r[g][h+1]===">")?(c(),a===3&&(p=p[0]),a=p,(p=p[0]).push(2,0,a),a=0):s===" "||s==="	"||s===`
`||s==="\r"?(c(),a=2):i+=s),a===3&&i==="!--"&&(a=4,p=p[0])}return c(),p})(e)),t),arguments,[])).length>1?t:t[0]}var l=Jt.bind(ie);function J(e,t){let[r,s]=_({data:void 0,error:null,loading:!0}),o=te(0),a=K(()=>{let i=++o.current;s(d=>({...d,loading:!0,error:null})),e().then(d=>i===o.current&&s({data:d,error:null,loading:!1}),d=>i===o.current&&s({data:void 0,error:d,loading:!1}))},t);return M(a,[a]),{...r,reload:a,setData:i=>s(d=>({...d,data:i}))}}function D(e,t=Object.keys(e)){let[r,s]=_(e),[o,a]=_({}),[i,d]=_(null),[p,c]=_(!1),g=(m,$)=>s(x=>({...x,[m]:$})),h=m=>({name:m,value:r[m],error:o[m],onValue:$=>g(m,$)});async function u(m){c(!0),a({}),d(null);try{return await m(r)}catch($){if(!($ instanceof ce))throw $;$.field&&t.includes($.field)?a({[$.field]:ye($)}):d($);return}finally{c(!1)}}return{values:r,set:g,setValues:s,bind:h,errors:o,setErrors:a,error:i,setError:d,busy:p,submit:u}}var Lr=0,Ie=e=>te(`${e}-${++Lr}`).current;function w({label:e,name:t,value:r,onValue:s,error:o,hint:a,type:i="text",optional:d,...p}){let c=Ie(t||"field"),g=[a&&`${c}-hint`,o&&`${c}-error`].filter(Boolean).join(" ")||void 0;return l`<div class="field">
		<label for=${c}>${e}${d&&l` <span class="muted">${n("app.optional")}</span>`}</label>
		<input
			id=${c}
			name=${t}
			type=${i}
			value=${r??""}
			onInput=${h=>s(h.currentTarget.value)}
			aria-invalid=${o?"true":void 0}
			aria-describedby=${g}
			...${p}
		/>
		${a&&l`<p id=${`${c}-hint`} class="hint">${a}</p>`}
		${o&&l`<p id=${`${c}-error`} class="field-error">${o}</p>`}
	</div>`}function Xt({label:e,name:t,value:r,onValue:s,error:o,optional:a,...i}){let d=Ie(t||"text");return l`<div class="field">
		<label for=${d}>${e}${a&&l` <span class="muted">${n("app.optional")}</span>`}</label>
		<textarea
			id=${d}
			name=${t}
			onInput=${p=>s(p.currentTarget.value)}
			aria-invalid=${o?"true":void 0}
			aria-describedby=${o?`${d}-error`:void 0}
			...${i}
		>${r??""}</textarea>
		${o&&l`<p id=${`${d}-error`} class="field-error">${o}</p>`}
	</div>`}function j({label:e,name:t,value:r,onValue:s,error:o,options:a,hint:i,...d}){let p=Ie(t||"select"),c=[i&&`${p}-hint`,o&&`${p}-error`].filter(Boolean).join(" ")||void 0;return l`<div class="field">
		<label for=${p}>${e}</label>
		<select
			id=${p}
			name=${t}
			value=${r}
			onChange=${g=>s(g.currentTarget.value)}
			aria-invalid=${o?"true":void 0}
			aria-describedby=${c}
			...${d}
		>
			${a.map(g=>l`<option value=${g.value} selected=${g.value===r}>${g.label}</option>`)}
		</select>
		${i&&l`<p id=${`${p}-hint`} class="hint">${i}</p>`}
		${o&&l`<p id=${`${p}-error`} class="field-error">${o}</p>`}
	</div>`}function at({label:e,name:t,checked:r,onValue:s,hint:o,...a}){let i=Ie(t||"check");return l`<div class="check">
		<input
			id=${i}
			name=${t}
			type="checkbox"
			checked=${r}
			onChange=${d=>s(d.currentTarget.checked)}
			aria-describedby=${o?`${i}-hint`:void 0}
			...${a}
		/>
		<label for=${i}>${e}</label>
		${o&&l`<p id=${`${i}-hint`} class="hint">${o}</p>`}
	</div>`}function y({error:e}){return e?l`<p class="error" role="alert">${ye(e)}</p>`:null}function B({children:e}){return l`<p class="notice" role="status">${e}</p>`}function L(){return l`<p class="muted" role="status" aria-live="polite">${n("app.loading")}</p>`}function E({title:e,children:t}){return l`<div class="page-header">
		<h1 id="page-title" tabindex="-1">${e}</h1>
		${t&&l`<div class="actions">${t}</div>`}
	</div>`}function ge({label:e,value:t,onSearch:r,delay:s=250}){let[o,a]=_(t||""),i=te(0);M(()=>a(t||""),[t]),M(()=>()=>clearTimeout(i.current),[]);function d(p){a(p),clearTimeout(i.current),i.current=setTimeout(()=>r(p.trim()),s)}return l`<div class="search" role="search">
		<${w} label=${e} name="q" type="search" value=${o} onValue=${d} autocomplete="off" />
	</div>`}function ne(e,t){let[r,s]=_({items:[],next:null,loading:!0,error:null}),o=te(0),a=K((d,p)=>{let c=++o.current;s(g=>({...g,loading:!0,error:null,...p?{}:{items:[],next:null}})),e(d).then(g=>c===o.current&&s(h=>({items:p?[...h.items,...g.items]:g.items,next:g.next_cursor,loading:!1,error:null})),g=>c===o.current&&s(h=>({...h,loading:!1,error:g})))},[e]),i=K(()=>a(void 0,!1),[a]);return M(i,t),{...r,reload:i,more:()=>r.next&&a(r.next,!0),remove:d=>s(p=>({...p,items:p.items.filter(c=>!d.includes(c.id))})),update:d=>s(p=>({...p,items:p.items.map(c=>c.id===d.id?d:c)}))}}function oe({list:e}){return e.next?l`<button type="button" class="secondary more" onClick=${e.more} disabled=${e.loading}>
		${e.loading?n("app.loading"):n("app.more")}
	</button>`:null}function Z({label:e,children:t}){return l`<div class="table-wrap" role="region" aria-label=${e} tabindex="0">${t}</div>`}function X({title:e,children:t,confirmLabel:r,danger:s=!0,busy:o,onConfirm:a,onClose:i}){let d=te(null);return M(()=>{let p=d.current;return p&&!p.open&&p.showModal(),()=>p&&p.open&&p.close()},[]),l`<dialog
		ref=${d}
		class="dialog"
		aria-labelledby="confirm-title"
		onCancel=${p=>{p.preventDefault(),i()}}
	>
		<h2 id="confirm-title">${e}</h2>
		<div class="dialog-body">${t}</div>
		<div class="actions">
			<button type="button" class="secondary" onClick=${i} disabled=${o}>${n("app.cancel")}</button>
			<button type="button" class=${s?"danger":""} onClick=${a} disabled=${o}>${r}</button>
		</div>
	</dialog>`}function he(){return["en","fr","de"].map(e=>({value:e,label:n(`lang.${e}`)}))}function ue(e){return[e.first_name,e.last_name].filter(Boolean).join(" ")}R({en:{"auth.signIn":"Sign in","auth.email":"Email","auth.password":"Password","auth.forgot":"Forgot your password?","auth.forgotTitle":"Forgot your password","auth.forgotHelp":"Enter the email of your account: we send you a link to choose a new password.","auth.sendLink":"Send the link","auth.linkSent":e=>`If ${e} has an account, a link to choose a new password is on its way. It works once and for a limited time.`,"auth.backToSignIn":"Back to sign in","auth.setTitle":"Choose your password","auth.resetTitle":"Choose a new password","auth.newPassword":"New password","auth.passwordHint":"At least 10 characters, and not your email address.","auth.repeat":"Repeat the password","auth.mismatch":"The two passwords are not the same.","auth.setDone":"Your password is set. Sign in with it.","auth.noToken":"This page needs the link from your email. Open the link again, or ask for a new one.","auth.signedOut":"You are signed out.","auth.sessionEnded":"Your session has ended; sign in again to continue."},fr:{"auth.signIn":"Se connecter","auth.email":"E-mail","auth.password":"Mot de passe","auth.forgot":"Mot de passe oubli\xE9 ?","auth.forgotTitle":"Mot de passe oubli\xE9","auth.forgotHelp":"Indiquez l\u2019e-mail de votre compte : nous vous envoyons un lien pour choisir un nouveau mot de passe.","auth.sendLink":"Envoyer le lien","auth.linkSent":e=>`Si ${e} a un compte, un lien pour choisir un nouveau mot de passe est en route. Il ne sert qu\u2019une fois et pour un temps limit\xE9.`,"auth.backToSignIn":"Retour \xE0 la connexion","auth.setTitle":"Choisissez votre mot de passe","auth.resetTitle":"Choisissez un nouveau mot de passe","auth.newPassword":"Nouveau mot de passe","auth.passwordHint":"Au moins 10 caract\xE8res, et pas votre adresse e-mail.","auth.repeat":"R\xE9p\xE9tez le mot de passe","auth.mismatch":"Les deux mots de passe ne sont pas identiques.","auth.setDone":"Votre mot de passe est enregistr\xE9. Connectez-vous avec.","auth.noToken":"Cette page a besoin du lien de votre e-mail. Ouvrez \xE0 nouveau le lien, ou demandez-en un nouveau.","auth.signedOut":"Vous \xEAtes d\xE9connect\xE9.","auth.sessionEnded":"Votre session a pris fin ; reconnectez-vous pour continuer."},de:{"auth.signIn":"Anmelden","auth.email":"E-Mail","auth.password":"Passwort","auth.forgot":"Passwort vergessen?","auth.forgotTitle":"Passwort vergessen","auth.forgotHelp":"Geben Sie die E-Mail-Adresse Ihres Kontos ein: wir senden Ihnen einen Link, mit dem Sie ein neues Passwort w\xE4hlen.","auth.sendLink":"Link senden","auth.linkSent":e=>`Wenn ${e} ein Konto hat, ist ein Link f\xFCr ein neues Passwort unterwegs. Er gilt einmal und f\xFCr begrenzte Zeit.`,"auth.backToSignIn":"Zur\xFCck zur Anmeldung","auth.setTitle":"W\xE4hlen Sie Ihr Passwort","auth.resetTitle":"W\xE4hlen Sie ein neues Passwort","auth.newPassword":"Neues Passwort","auth.passwordHint":"Mindestens 10 Zeichen, und nicht Ihre E-Mail-Adresse.","auth.repeat":"Passwort wiederholen","auth.mismatch":"Die beiden Passw\xF6rter sind nicht gleich.","auth.setDone":"Ihr Passwort ist gesetzt. Melden Sie sich damit an.","auth.noToken":"Diese Seite braucht den Link aus Ihrer E-Mail. \xD6ffnen Sie den Link erneut oder fordern Sie einen neuen an.","auth.signedOut":"Sie sind abgemeldet.","auth.sessionEnded":"Ihre Sitzung ist abgelaufen; melden Sie sich erneut an, um fortzufahren."}});function Fe({title:e,children:t}){return l`<section class="card auth" aria-labelledby="page-title">
		<h1 id="page-title" tabindex="-1">${e}</h1>
		${t}
	</section>`}function er(){let e=D({email:O("email"),password:""}),t=O("why");async function r(s){s.preventDefault(),await e.submit(async o=>{await V("POST","/api/v1/auth/login",{email:o.email.trim(),password:o.password},{quiet401:!0}),await Y(),T(Zt(O("next")),{replace:!0})})}return l`<${Fe} title=${n("auth.signIn")}>
		${t==="session"&&l`<${B}>${n("auth.sessionEnded")}<//>`}
		${t==="signed-out"&&l`<${B}>${n("auth.signedOut")}<//>`}
		${t==="password-set"&&l`<${B}>${n("auth.setDone")}<//>`}
		<form onSubmit=${r} novalidate>
			<${w} label=${n("auth.email")} type="email" autocomplete="username" required ...${e.bind("email")} />
			<${w} label=${n("auth.password")} type="password" autocomplete="current-password" required ...${e.bind("password")} />
			<${y} error=${e.error} />
			<button type="submit" disabled=${e.busy}>${n("auth.signIn")}</button>
		</form>
		<p><${k} href="/forgot-password">${n("auth.forgot")}<//></p>
	<//>`}function tr(){let e=D({email:""}),[t,r]=_("");async function s(o){o.preventDefault(),await e.submit(async a=>{await I("/api/v1/auth/password/forgot",{email:a.email.trim()}),r(a.email.trim())})}return l`<${Fe} title=${n("auth.forgotTitle")}>
		${t?l`<${B}>${n("auth.linkSent",t)}<//>`:l`<form onSubmit=${s} novalidate>
					<p>${n("auth.forgotHelp")}</p>
					<${w} label=${n("auth.email")} type="email" autocomplete="username" required ...${e.bind("email")} />
					<${y} error=${e.error} />
					<button type="submit" disabled=${e.busy}>${n("auth.sendLink")}</button>
				</form>`}
		<p><${k} href="/sign-in">${n("auth.backToSignIn")}<//></p>
	<//>`}var Ue=null;function Nr(){let e=O("token");return e&&(Ue=e,history.replaceState(null,"",location.pathname)),Ue}function it({mode:e}){let[t]=_(Nr),r=D({password:"",repeat:""},["password","repeat","token"]);M(()=>()=>Ue=null,[]);async function s(i){if(i.preventDefault(),r.values.password!==r.values.repeat){r.setErrors({repeat:n("auth.mismatch")});return}await r.submit(async d=>{await I("/api/v1/auth/password/reset",{token:t,password:d.password}),Ue=null,T("/sign-in?why=password-set",{replace:!0})})}let o=e==="set"?n("auth.setTitle"):n("auth.resetTitle");if(!t)return l`<${Fe} title=${o}>
			<p class="error" role="alert">${n("auth.noToken")}</p>
			<p><${k} href="/forgot-password">${n("auth.forgot")}<//></p>
		<//>`;let a=r.errors.token||r.error&&r.error.code==="invalid_token"&&n("error.invalid_token");return l`<${Fe} title=${o}>
		<form onSubmit=${s} novalidate>
			<input type="hidden" name="username" autocomplete="username" value="" />
			<${w}
				label=${n("auth.newPassword")}
				type="password"
				autocomplete="new-password"
				hint=${n("auth.passwordHint")}
				required
				...${r.bind("password")}
			/>
			<${w} label=${n("auth.repeat")} type="password" autocomplete="new-password" required ...${r.bind("repeat")} />
			${a?l`<p class="error" role="alert">${a} <${k} href="/forgot-password">${n("auth.forgot")}<//></p>`:l`<${y} error=${r.error} />`}
			<button type="submit" disabled=${r.busy}>${n("app.save")}</button>
		</form>
	<//>`}var rr=["members:read","members:write","invitations:write","roles:write","licenses:read","licenses:assign","devices:read","devices:write","cases:read","cases:write","templates:read","templates:write","customers:read","customers:write","teams:write","org:write","audit:read","dashboard:read"],Rr=["administrator","department_admin","content_creator","moderator","member"];R({en:{"role.administrator":"Administrator","role.department_admin":"Department administrator","role.content_creator":"Content creator","role.moderator":"Moderator","role.member":"Member","perm.members:read":"See the members","perm.members:write":"Add, change and remove members","perm.invitations:write":"Invite people","perm.roles:write":"Create and change roles","perm.licenses:read":"See the licenses and seats","perm.licenses:assign":"Assign, remove and move seats","perm.devices:read":"See the devices","perm.devices:write":"Manage the devices","perm.cases:read":"See the service cases","perm.cases:write":"Handle the service cases","perm.templates:read":"See the templates","perm.templates:write":"Write the templates","perm.customers:read":"See the customers","perm.customers:write":"Manage the customers and act in them","perm.teams:write":"Manage the teams","perm.org:write":"Change the organization\u2019s settings","perm.audit:read":"Read the audit log","perm.dashboard:read":"See the dashboard","roles.title":"Roles","roles.create":"Create role","roles.name":"Name","roles.description":"Description","roles.permissions":"Permissions","roles.builtin":"Built in","roles.own":"This organization\u2019s","roles.kind":"Kind","roles.list":"Roles","roles.nameHint":"Lower-case letters, digits, \u201C_\u201D and \u201C-\u201D; it cannot be changed later.","roles.newTitle":"Create a role","roles.editTitle":e=>`Role ${e}`,"roles.builtinNote":"A built-in role cannot be changed or deleted.","roles.delete":"Delete the role","roles.deleteBody":e=>`The role ${e} disappears from this organization. It can only be deleted when no member has it.`,"roles.saved":"The role is saved.","roles.count":e=>e===1?"1 permission":`${e} permissions`},fr:{"role.administrator":"Administrateur","role.department_admin":"Administrateur de d\xE9partement","role.content_creator":"Cr\xE9ateur de contenu","role.moderator":"Mod\xE9rateur","role.member":"Membre","perm.members:read":"Voir les membres","perm.members:write":"Ajouter, modifier et retirer des membres","perm.invitations:write":"Inviter des personnes","perm.roles:write":"Cr\xE9er et modifier des r\xF4les","perm.licenses:read":"Voir les licences et les si\xE8ges","perm.licenses:assign":"Attribuer, retirer et d\xE9placer des si\xE8ges","perm.devices:read":"Voir les appareils","perm.devices:write":"G\xE9rer les appareils","perm.cases:read":"Voir les dossiers de service","perm.cases:write":"Traiter les dossiers de service","perm.templates:read":"Voir les mod\xE8les","perm.templates:write":"R\xE9diger les mod\xE8les","perm.customers:read":"Voir les clients","perm.customers:write":"G\xE9rer les clients et agir chez eux","perm.teams:write":"G\xE9rer les \xE9quipes","perm.org:write":"Modifier les param\xE8tres de l\u2019organisation","perm.audit:read":"Lire le journal d\u2019audit","perm.dashboard:read":"Voir le tableau de bord","roles.title":"R\xF4les","roles.create":"Cr\xE9er un r\xF4le","roles.name":"Nom","roles.description":"Description","roles.permissions":"Permissions","roles.builtin":"Pr\xE9d\xE9fini","roles.own":"Propre \xE0 l\u2019organisation","roles.kind":"Type","roles.list":"R\xF4les","roles.nameHint":"Lettres minuscules, chiffres, \xAB _ \xBB et \xAB - \xBB ; il ne pourra plus \xEAtre chang\xE9.","roles.newTitle":"Cr\xE9er un r\xF4le","roles.editTitle":e=>`R\xF4le ${e}`,"roles.builtinNote":"Un r\xF4le pr\xE9d\xE9fini ne peut \xEAtre ni modifi\xE9 ni supprim\xE9.","roles.delete":"Supprimer le r\xF4le","roles.deleteBody":e=>`Le r\xF4le ${e} dispara\xEEt de cette organisation. Il ne peut \xEAtre supprim\xE9 que si aucun membre ne l\u2019a.`,"roles.saved":"Le r\xF4le est enregistr\xE9.","roles.count":e=>e<=1?`${e} permission`:`${e} permissions`},de:{"role.administrator":"Administrator","role.department_admin":"Abteilungsadministrator","role.content_creator":"Inhaltsersteller","role.moderator":"Moderator","role.member":"Mitglied","perm.members:read":"Mitglieder sehen","perm.members:write":"Mitglieder hinzuf\xFCgen, \xE4ndern und entfernen","perm.invitations:write":"Personen einladen","perm.roles:write":"Rollen anlegen und \xE4ndern","perm.licenses:read":"Lizenzen und Pl\xE4tze sehen","perm.licenses:assign":"Pl\xE4tze zuweisen, entziehen und verschieben","perm.devices:read":"Ger\xE4te sehen","perm.devices:write":"Ger\xE4te verwalten","perm.cases:read":"Servicef\xE4lle sehen","perm.cases:write":"Servicef\xE4lle bearbeiten","perm.templates:read":"Vorlagen sehen","perm.templates:write":"Vorlagen schreiben","perm.customers:read":"Kunden sehen","perm.customers:write":"Kunden verwalten und in ihnen handeln","perm.teams:write":"Teams verwalten","perm.org:write":"Einstellungen der Organisation \xE4ndern","perm.audit:read":"Das Protokoll lesen","perm.dashboard:read":"Das Dashboard sehen","roles.title":"Rollen","roles.create":"Rolle anlegen","roles.name":"Name","roles.description":"Beschreibung","roles.permissions":"Berechtigungen","roles.builtin":"Vordefiniert","roles.own":"Eigene der Organisation","roles.kind":"Art","roles.list":"Rollen","roles.nameHint":"Kleinbuchstaben, Ziffern, \u201E_\u201C und \u201E-\u201C; sp\xE4ter nicht mehr \xE4nderbar.","roles.newTitle":"Rolle anlegen","roles.editTitle":e=>`Rolle ${e}`,"roles.builtinNote":"Eine vordefinierte Rolle kann weder ge\xE4ndert noch gel\xF6scht werden.","roles.delete":"Rolle l\xF6schen","roles.deleteBody":e=>`Die Rolle ${e} verschwindet aus dieser Organisation. Sie kann nur gel\xF6scht werden, wenn kein Mitglied sie hat.`,"roles.saved":"Die Rolle ist gespeichert.","roles.count":e=>e===1?"1 Berechtigung":`${e} Berechtigungen`}});var W=e=>Rr.includes(e)?n(`role.${e}`):e;function Dr({permissions:e}){return e.length?l`<ul class="perms">
		${e.map(t=>l`<li>${n(`perm.${t}`)}</li>`)}
	</ul>`:l`<span class="muted">${n("app.none")}</span>`}function sr({org:e}){let t=J(()=>q(S(e.id,"/roles")).then(s=>s.items),[e.id]),r=U(e,"roles:write");return l`
		<${E} title=${n("roles.title")}>
			${r&&l`<${k} class="button" href=${`/orgs/${e.id}/roles/new`}>${n("roles.create")}<//>`}
		<//>
		<${y} error=${t.error} />
		${t.loading&&!t.data&&l`<${L} />`}
		${t.data&&l`<${Z} label=${n("roles.list")}>
			<table>
				<thead>
					<tr>
						<th scope="col">${n("roles.name")}</th>
						<th scope="col">${n("roles.kind")}</th>
						<th scope="col">${n("roles.permissions")}</th>
					</tr>
				</thead>
				<tbody>
					${t.data.map(s=>l`<tr key=${s.name}>
							<td>
								<${k} href=${`/orgs/${e.id}/roles/${encodeURIComponent(s.name)}`}>${W(s.name)}<//>
								${s.description&&l`<div class="muted">${s.description}</div>`}
							</td>
							<td>${s.builtin?n("roles.builtin"):n("roles.own")}</td>
							<td><${Dr} permissions=${s.permissions} /></td>
						</tr>`)}
				</tbody>
			</table>
		<//>`}`}function lt({org:e,params:t}){let r=!t.role,s=J(()=>r?Promise.resolve(null):q(S(e.id,"/roles")),[e.id,t.role]);if(s.error)return l`<${E} title=${n("roles.title")} /><${y} error=${s.error} />`;if(!r&&!s.data)return l`<${L} />`;let o=r?null:s.data.items.find(a=>a.name===t.role);return!r&&!o?l`<${E} title=${n("roles.title")} /><${y} error=${{code:"not_found"}} />`:l`<${Hr} key=${t.role||"new"} org=${e} role=${o} />`}function Hr({org:e,role:t}){let r=!t,s=!!(t&&t.builtin)||!U(e,"roles:write"),o=D({name:t?t.name:"",description:t?t.description:"",permissions:t?t.permissions:[]}),[a,i]=_(!1),[d,p]=_(!1),[c,g]=_(null),[h,u]=_(!1),m=(v,f)=>o.set("permissions",rr.filter(b=>b===v?f:o.values.permissions.includes(b)));async function $(v){v.preventDefault(),i(!1),await o.submit(async f=>{if(r){let b=await I(S(e.id,"/roles"),f);T(`/orgs/${e.id}/roles/${encodeURIComponent(b.name)}`,{replace:!0})}else await re(S(e.id,`/roles/${encodeURIComponent(t.name)}`),{description:f.description,permissions:f.permissions});i(!0)})}async function x(){u(!0);try{await me(S(e.id,`/roles/${encodeURIComponent(t.name)}`)),T(`/orgs/${e.id}/roles`)}catch(v){p(!1),g(v)}finally{u(!1)}}let P=r?n("roles.newTitle"):n("roles.editTitle",W(t.name));return l`
		<${E} title=${P}>
			<${k} class="button secondary" href=${`/orgs/${e.id}/roles`}>${n("app.back")}<//>
		<//>
		${t&&t.builtin&&l`<p class="notice">${n("roles.builtinNote")}</p>`}
		<form class="card form" onSubmit=${$} novalidate>
			${r?l`<${w} label=${n("roles.name")} hint=${n("roles.nameHint")} required autocomplete="off" ...${o.bind("name")} />`:l`<p><strong>${n("roles.name")}:</strong> ${t.name}</p>`}
			<${Xt} label=${n("roles.description")} optional disabled=${s} rows="2" ...${o.bind("description")} />
			<fieldset aria-describedby=${o.errors.permissions?"perm-error":void 0}>
				<legend>${n("roles.permissions")}</legend>
				<div class="perm-grid">
					${rr.map(v=>l`<div class="check">
							<input
								id=${`perm-${v}`}
								type="checkbox"
								checked=${o.values.permissions.includes(v)}
								disabled=${s}
								onChange=${f=>m(v,f.currentTarget.checked)}
							/>
							<label for=${`perm-${v}`}>${n(`perm.${v}`)} <code>${v}</code></label>
						</div>`)}
				</div>
				${o.errors.permissions&&l`<p id="perm-error" class="field-error">${o.errors.permissions}</p>`}
			</fieldset>
			<${y} error=${o.error} />
			${a&&l`<p class="notice" role="status">${n("roles.saved")}</p>`}
			${!s&&l`<div class="actions">
				<button type="submit" disabled=${o.busy}>${r?n("app.create"):n("app.save")}</button>
			</div>`}
		</form>
		${!r&&!s&&l`<section class="card danger-zone" aria-labelledby="delete-title">
			<h2 id="delete-title">${n("roles.delete")}</h2>
			<p>${n("roles.deleteBody",t.name)}</p>
			<${y} error=${c} />
			<div class="actions"><button type="button" class="danger" onClick=${()=>p(!0)}>${n("roles.delete")}</button></div>
		</section>`}
		${d&&l`<${X} title=${n("roles.delete")} confirmLabel=${n("roles.delete")} busy=${h} onConfirm=${x} onClose=${()=>p(!1)}>
			<p>${n("roles.deleteBody",t.name)}</p>
		<//>`}`}var ut=["customer_login","teams"];R({en:{"orgs.title":"Organizations","orgs.mine":"My organizations","orgs.search":"Search by name","orgs.create":"Create organization","orgs.name":"Name","orgs.type":"Type","orgs.type.enterprise":"Enterprise","orgs.type.partner":"Partner","orgs.type.customer":"Customer","orgs.state":"State","orgs.state.active":"Active","orgs.state.closed":"Closed","orgs.role":"My role","orgs.created":"Created","orgs.none":"No organization matches.","orgs.list":"Organizations","orgs.newTitle":"Create an organization","orgs.typeHint.enterprise":"A company that buys licenses for its people.","orgs.typeHint.partner":"A reseller: it has customers, and its staff may work in teams.","orgs.admin":"First administrator","orgs.adminHint":"They receive an email to set a password; an existing account is used as it is.","orgs.adminEmail":"Administrator\u2019s email","orgs.firstName":"First name","orgs.lastName":"Last name","orgs.language":"Language","orgs.modules":"Modules","module.customer_login":"Customer login: corporate customers get their own back office","module.teams":"Teams: staff work in teams that manage customer accounts","orgs.overview":"Overview","orgs.provider":"Provided by","orgs.kind":"Kind","orgs.myPermissions":"What I can do here","orgs.viaProvider":"Through the provider","orgs.operator":"Operator","orgs.independent":"Make independent","orgs.independentBody":(e,t)=>`${e} becomes an enterprise of its own. ${t} and its people lose all access to it at once, and this cannot be undone. Its members, roles and data stay.`,"orgs.independentDone":"This organization is now independent.","orgs.settings":"Settings","orgs.saved":"Saved.","orgs.modulesHint":"Only the service\u2019s operators switch modules on and off.","orgs.moduleOn":e=>`${e} is on.`,"orgs.moduleOff":e=>`${e} is off.`,"orgs.close":"Close the organization","orgs.closeBody":e=>`${e} is closed: nobody can work in it any more and its people lose their access to it. Its data is kept, and the audit log records the closing.`,"orgs.closed":"This organization is closed."},fr:{"orgs.title":"Organisations","orgs.mine":"Mes organisations","orgs.search":"Rechercher par nom","orgs.create":"Cr\xE9er une organisation","orgs.name":"Nom","orgs.type":"Type","orgs.type.enterprise":"Entreprise","orgs.type.partner":"Partenaire","orgs.type.customer":"Client","orgs.state":"\xC9tat","orgs.state.active":"Active","orgs.state.closed":"Ferm\xE9e","orgs.role":"Mon r\xF4le","orgs.created":"Cr\xE9\xE9e","orgs.none":"Aucune organisation ne correspond.","orgs.list":"Organisations","orgs.newTitle":"Cr\xE9er une organisation","orgs.typeHint.enterprise":"Une entreprise qui ach\xE8te des licences pour ses personnes.","orgs.typeHint.partner":"Un revendeur : il a des clients, et ses \xE9quipes peuvent travailler en \xE9quipes.","orgs.admin":"Premier administrateur","orgs.adminHint":"Il re\xE7oit un e-mail pour choisir un mot de passe ; un compte existant est repris tel quel.","orgs.adminEmail":"E-mail de l\u2019administrateur","orgs.firstName":"Pr\xE9nom","orgs.lastName":"Nom","orgs.language":"Langue","orgs.modules":"Modules","module.customer_login":"Acc\xE8s client : les clients entreprises ont leur propre espace","module.teams":"\xC9quipes : le personnel travaille en \xE9quipes qui g\xE8rent des comptes clients","orgs.overview":"Vue d\u2019ensemble","orgs.provider":"Fourni par","orgs.kind":"Type de client","orgs.myPermissions":"Ce que je peux faire ici","orgs.viaProvider":"Par le fournisseur","orgs.operator":"Op\xE9rateur","orgs.independent":"Rendre ind\xE9pendante","orgs.independentBody":(e,t)=>`${e} devient une entreprise \xE0 part enti\xE8re. ${t} et ses personnes perdent imm\xE9diatement tout acc\xE8s, et c\u2019est d\xE9finitif. Ses membres, r\xF4les et donn\xE9es restent.`,"orgs.independentDone":"Cette organisation est maintenant ind\xE9pendante.","orgs.settings":"Param\xE8tres","orgs.saved":"Enregistr\xE9.","orgs.modulesHint":"Seuls les op\xE9rateurs du service activent et d\xE9sactivent les modules.","orgs.moduleOn":e=>`${e} est activ\xE9.`,"orgs.moduleOff":e=>`${e} est d\xE9sactiv\xE9.`,"orgs.close":"Fermer l\u2019organisation","orgs.closeBody":e=>`${e} est ferm\xE9e : personne ne peut plus y travailler et ses personnes perdent leur acc\xE8s. Ses donn\xE9es sont gard\xE9es, et le journal d\u2019audit enregistre la fermeture.`,"orgs.closed":"Cette organisation est ferm\xE9e."},de:{"orgs.title":"Organisationen","orgs.mine":"Meine Organisationen","orgs.search":"Nach Name suchen","orgs.create":"Organisation anlegen","orgs.name":"Name","orgs.type":"Typ","orgs.type.enterprise":"Unternehmen","orgs.type.partner":"Partner","orgs.type.customer":"Kunde","orgs.state":"Status","orgs.state.active":"Aktiv","orgs.state.closed":"Geschlossen","orgs.role":"Meine Rolle","orgs.created":"Angelegt","orgs.none":"Keine Organisation passt.","orgs.list":"Organisationen","orgs.newTitle":"Organisation anlegen","orgs.typeHint.enterprise":"Ein Unternehmen, das Lizenzen f\xFCr seine Leute kauft.","orgs.typeHint.partner":"Ein Wiederverk\xE4ufer: er hat Kunden, seine Leute k\xF6nnen in Teams arbeiten.","orgs.admin":"Erster Administrator","orgs.adminHint":"Er erh\xE4lt eine E-Mail zum Setzen des Passworts; ein bestehendes Konto wird \xFCbernommen, wie es ist.","orgs.adminEmail":"E-Mail des Administrators","orgs.firstName":"Vorname","orgs.lastName":"Nachname","orgs.language":"Sprache","orgs.modules":"Module","module.customer_login":"Kundenzugang: Firmenkunden erhalten ihren eigenen Bereich","module.teams":"Teams: die Leute arbeiten in Teams, die Kundenkonten betreuen","orgs.overview":"\xDCbersicht","orgs.provider":"Betreut von","orgs.kind":"Kundenart","orgs.myPermissions":"Was ich hier tun kann","orgs.viaProvider":"\xDCber den Anbieter","orgs.operator":"Betreiber","orgs.independent":"Unabh\xE4ngig machen","orgs.independentBody":(e,t)=>`${e} wird ein eigenst\xE4ndiges Unternehmen. ${t} und seine Leute verlieren sofort jeden Zugriff, und das l\xE4sst sich nicht r\xFCckg\xE4ngig machen. Mitglieder, Rollen und Daten bleiben.`,"orgs.independentDone":"Diese Organisation ist jetzt unabh\xE4ngig.","orgs.settings":"Einstellungen","orgs.saved":"Gespeichert.","orgs.modulesHint":"Nur die Betreiber des Dienstes schalten Module ein und aus.","orgs.moduleOn":e=>`${e} ist eingeschaltet.`,"orgs.moduleOff":e=>`${e} ist ausgeschaltet.`,"orgs.close":"Organisation schlie\xDFen","orgs.closeBody":e=>`${e} wird geschlossen: niemand kann mehr darin arbeiten, und ihre Leute verlieren den Zugang. Die Daten bleiben erhalten, und das Protokoll verzeichnet die Schlie\xDFung.`,"orgs.closed":"Diese Organisation ist geschlossen."}});function nr({me:e}){let t=O("q"),r=K(o=>q("/api/v1/orgs",{q:t,cursor:o,limit:50}),[t]),s=ne(r,[r]);return l`
		<${E} title=${e.is_operator?n("orgs.title"):n("orgs.mine")}>
			${e.is_operator&&l`<${k} class="button" href="/orgs/new">${n("orgs.create")}<//>`}
		<//>
		<div class="filters">
			<${ge} label=${n("orgs.search")} value=${t} onSearch=${o=>F({q:o})} />
		</div>
		<${y} error=${s.error} />
		<${Z} label=${n("orgs.list")}>
			<table>
				<thead>
					<tr>
						<th scope="col">${n("orgs.name")}</th>
						<th scope="col">${n("orgs.type")}</th>
						<th scope="col">${e.is_operator?n("orgs.state"):n("orgs.role")}</th>
						<th scope="col">${n("orgs.created")}</th>
					</tr>
				</thead>
				<tbody>
					${s.items.map(o=>l`<tr key=${o.id}>
							<td><${k} href=${`/orgs/${o.id}`}>${o.name}<//></td>
							<td>${n(`orgs.type.${o.type}`)}</td>
							<td>${e.is_operator?n(`orgs.state.${o.state}`):W(o.role)}</td>
							<td>${pe(o.created_at)}</td>
						</tr>`)}
				</tbody>
			</table>
		<//>
		${s.loading&&!s.items.length&&l`<${L} />`}
		${!s.loading&&!s.error&&!s.items.length&&l`<p>${n("orgs.none")}</p>`}
		<${oe} list=${s} />`}function or(){let e=D({name:"",type:"enterprise",email:"",first_name:"",last_name:"",language:He(),modules:[]},["name","type","modules","admin.email","admin.first_name","admin.last_name","admin.language"]);async function t(s){s.preventDefault(),await e.submit(async o=>{let a=await I("/api/v1/orgs",{name:o.name,type:o.type,modules:o.modules,admin:{email:o.email.trim(),first_name:o.first_name,last_name:o.last_name,language:o.language}});T(`/orgs/${a.id}`)})}let r=s=>({...e.bind(s),error:e.errors[`admin.${s}`]});return l`
		<${E} title=${n("orgs.newTitle")} />
		<form class="card form" onSubmit=${t} novalidate>
			<${w} label=${n("orgs.name")} required autocomplete="organization" ...${e.bind("name")} />
			<fieldset>
				<legend>${n("orgs.type")}</legend>
				${["enterprise","partner"].map(s=>l`<div class="check">
						<input
							id=${`type-${s}`}
							type="radio"
							name="type"
							checked=${e.values.type===s}
							onChange=${()=>e.set("type",s)}
							aria-describedby=${`type-${s}-hint`}
						/>
						<label for=${`type-${s}`}>${n(`orgs.type.${s}`)}</label>
						<p id=${`type-${s}-hint`} class="hint">${n(`orgs.typeHint.${s}`)}</p>
					</div>`)}
			</fieldset>
			<fieldset>
				<legend>${n("orgs.admin")}</legend>
				<p class="hint">${n("orgs.adminHint")}</p>
				<${w} label=${n("orgs.adminEmail")} type="email" required autocomplete="off" ...${r("email")} />
				<${w} label=${n("orgs.firstName")} optional autocomplete="off" ...${r("first_name")} />
				<${w} label=${n("orgs.lastName")} optional autocomplete="off" ...${r("last_name")} />
				<${j} label=${n("orgs.language")} options=${he()} ...${r("language")} />
			</fieldset>
			<fieldset>
				<legend>${n("orgs.modules")}</legend>
				${ut.map(s=>l`<${at}
						label=${n(`module.${s}`)}
						name=${`module-${s}`}
						checked=${e.values.modules.includes(s)}
						onValue=${o=>e.set("modules",ut.filter(a=>a===s?o:e.values.modules.includes(a)))}
					/>`)}
			</fieldset>
			<${y} error=${e.error} />
			<div class="actions">
				<${k} class="button secondary" href="/orgs">${n("app.cancel")}<//>
				<button type="submit" disabled=${e.busy}>${n("app.create")}</button>
			</div>
		</form>`}function qr(e,t,r){if(e.is_operator)return!0;let s=e.organizations.find(a=>a.id===t.id);if(s&&s.role==="administrator")return!0;let o=e.organizations.find(a=>a.id===r.provider_id);return!!o&&o.role==="administrator"}function ar({me:e,org:t}){let r=J(()=>Be(t.id,{fresh:!0}),[t.id]),[s,o]=_(!1),[a,i]=_(!1),[d,p]=_(null),[c,g]=_(!1),h=r.data;async function u(){i(!0);try{await I(S(t.id,"/independence")),Se(),await Y(),r.reload(),g(!0)}catch($){p($)}finally{i(!1),o(!1)}}let m=h?h.role:t.role;return l`
		<${E} title=${t.name} />
		${c&&l`<${B}>${n("orgs.independentDone")}<//>`}
		<${y} error=${r.error||d} />
		${!h&&!r.error&&l`<${L} />`}
		${h&&l`<dl class="card facts">
				<dt>${n("orgs.type")}</dt>
				<dd>${n(`orgs.type.${h.type}`)}${h.kind?` (${n(`customers.kind.${h.kind}`)})`:""}</dd>
				${h.provider&&l`<dt>${n("orgs.provider")}</dt><dd>${h.provider.name}</dd>`}
				<dt>${n("orgs.state")}</dt>
				<dd>${n(`orgs.state.${h.state}`)}</dd>
				<dt>${n("orgs.role")}</dt>
				<dd>${m?W(m):e.is_operator?n("orgs.operator"):n("orgs.viaProvider")}</dd>
				<dt>${n("orgs.modules")}</dt>
				<dd>${h.modules.length?h.modules.map($=>n(`module.${$}`)).join("; "):n("app.none")}</dd>
			</dl>
			<section class="card" aria-labelledby="perm-title">
				<h2 id="perm-title">${n("orgs.myPermissions")}</h2>
				${h.permissions.length?l`<ul class="perms">
							${h.permissions.map($=>l`<li>${n(`perm.${$}`)}</li>`)}
						</ul>`:l`<p>${n("app.none")}</p>`}
			</section>
			${h.type==="customer"&&h.provider&&qr(e,t,h)&&l`<section class="card danger-zone" aria-labelledby="indep-title">
				<h2 id="indep-title">${n("orgs.independent")}</h2>
				<p>${n("orgs.independentBody",h.name,h.provider.name)}</p>
				<div class="actions">
					<button type="button" class="danger" onClick=${()=>o(!0)}>${n("orgs.independent")}</button>
				</div>
			</section>`}`}
		${s&&l`<${X}
			title=${n("orgs.independent")}
			confirmLabel=${n("orgs.independent")}
			busy=${a}
			onConfirm=${u}
			onClose=${()=>o(!1)}
		>
			<p>${n("orgs.independentBody",h.name,h.provider.name)}</p>
		<//>`}`}function ir({me:e,org:t}){let r=J(()=>q(S(t.id)),[t.id]);return r.error?l`<${E} title=${n("orgs.settings")} /><${y} error=${r.error} />`:r.data?l`<${Br} me=${e} org=${r.data} onChange=${r.setData} />`:l`<${L} />`}function Br({me:e,org:t,onChange:r}){let s=D({name:t.name}),[o,a]=_(!1),[i,d]=_(""),[p,c]=_(null),[g,h]=_(!1),[u,m]=_(null),[$,x]=_(!1);async function P(b){b.preventDefault(),a(!1),await s.submit(async H=>{let N=await re(S(t.id),{name:H.name});r({...t,...N}),Se(t.id),await Y(),a(!0)})}async function v(b,H){c(null);try{let N=await(H?Ut:me)(S(t.id,`/modules/${b}`));r({...t,modules:N.modules}),Se(t.id),d(H?n("orgs.moduleOn",n(`module.${b}`)):n("orgs.moduleOff",n(`module.${b}`)))}catch(N){c(N)}}async function f(){x(!0);try{await V("DELETE",S(t.id)),Se(t.id),await Y(),T("/orgs")}catch(b){h(!1),m(b)}finally{x(!1)}}return l`
		<${E} title=${n("orgs.settings")} />
		${t.state==="closed"&&l`<p class="notice">${n("orgs.closed")}</p>`}
		<form class="card form" onSubmit=${P} novalidate>
			<${w} label=${n("orgs.name")} required autocomplete="organization" ...${s.bind("name")} />
			<${y} error=${s.error} />
			${o&&l`<${B}>${n("orgs.saved")}<//>`}
			<div class="actions"><button type="submit" disabled=${s.busy}>${n("app.save")}</button></div>
		</form>
		<section class="card" aria-labelledby="modules-title">
			<h2 id="modules-title">${n("orgs.modules")}</h2>
			${!e.is_operator&&l`<p class="hint">${n("orgs.modulesHint")}</p>`}
			${ut.map(b=>l`<${at}
					label=${n(`module.${b}`)}
					name=${`module-${b}`}
					checked=${t.modules.includes(b)}
					disabled=${!e.is_operator}
					onValue=${H=>v(b,H)}
				/>`)}
			<${y} error=${p} />
			${i&&l`<${B}>${i}<//>`}
		</section>
		${e.is_operator&&t.state!=="closed"&&l`<section class="card danger-zone" aria-labelledby="close-title">
			<h2 id="close-title">${n("orgs.close")}</h2>
			<p>${n("orgs.closeBody",t.name)}</p>
			<${y} error=${u} />
			<div class="actions"><button type="button" class="danger" onClick=${()=>h(!0)}>${n("orgs.close")}</button></div>
		</section>`}
		${g&&l`<${X} title=${n("orgs.close")} confirmLabel=${n("orgs.close")} busy=${$} onConfirm=${f} onClose=${()=>h(!1)}>
			<p>${n("orgs.closeBody",t.name)}</p>
		<//>`}`}R({en:{"users.title":"Users","users.search":"Search by name or email","users.role":"Role","users.allRoles":"All roles","users.sort":"Sort by","users.sort.match":"Best match","users.sort.name":"Name (A\u2013Z)","users.sort.-name":"Name (Z\u2013A)","users.sort.email":"Email (A\u2013Z)","users.sort.-email":"Email (Z\u2013A)","users.sort.created_at":"Oldest accounts first","users.sort.-created_at":"Newest accounts first","users.create":"Create user","users.name":"Name","users.email":"Email","users.joined":"Joined","users.state":"State","users.state.active":"Active","users.state.disabled":"Disabled","users.select":e=>`Select ${e}`,"users.selectPage":"Select everyone shown","users.selected":e=>e===1?"1 selected":`${e} selected`,"users.removeSelected":e=>`Remove ${e} from the organization`,"users.removeTitle":e=>e===1?"Remove 1 person?":`Remove ${e} people?`,"users.removeBody":e=>`They leave ${e} at once and lose everything they could do in it. Their accounts stay, and so do their other organizations.`,"users.removing":(e,t)=>`Removing\u2026 ${e} of ${t}`,"users.results":(e,t)=>`${e} removed, ${t} not removed.`,"users.result.removed":"Removed","users.none":"No one matches.","users.list":"Members","users.createTitle":"Create a user","users.firstName":"First name","users.lastName":"Last name","users.company":"Company","users.language":"Language","users.languageHint":"The language of the emails the person receives.","users.passwordChoice":"Password","users.sendLink":"Send an email with a link to set a password","users.setNow":"Set a password now","users.password":"Password","users.created":e=>`${e} is now a member.`,"users.createdLink":e=>`${e} is now a member and receives an email to set a password.`,"users.detail":"User","users.source":"Added","users.source.direct":"by the organization","users.source.operator":"by the service\u2019s operators","users.source.customer_admin":"by the customer\u2019s administrators","users.changeRole":"Change the role","users.roleChanged":"The role is changed.","users.remove":"Remove from the organization","users.removeOne":(e,t)=>`${e} leaves ${t} at once and loses everything they could do in it. The account stays, and so do its other organizations.`,"users.removed":e=>`${e} was removed.`,"users.noEscalation":"You cannot give a role with permissions that you do not have yourself, nor change the role of someone who has more than you.","users.noEscalationRemove":"You cannot remove someone who has permissions that you do not have."},fr:{"users.title":"Utilisateurs","users.search":"Rechercher par nom ou e-mail","users.role":"R\xF4le","users.allRoles":"Tous les r\xF4les","users.sort":"Trier par","users.sort.match":"Meilleure correspondance","users.sort.name":"Nom (A\u2013Z)","users.sort.-name":"Nom (Z\u2013A)","users.sort.email":"E-mail (A\u2013Z)","users.sort.-email":"E-mail (Z\u2013A)","users.sort.created_at":"Comptes les plus anciens d\u2019abord","users.sort.-created_at":"Comptes les plus r\xE9cents d\u2019abord","users.create":"Cr\xE9er un utilisateur","users.name":"Nom","users.email":"E-mail","users.joined":"Arriv\xE9e","users.state":"\xC9tat","users.state.active":"Actif","users.state.disabled":"D\xE9sactiv\xE9","users.select":e=>`S\xE9lectionner ${e}`,"users.selectPage":"S\xE9lectionner toutes les personnes affich\xE9es","users.selected":e=>e<=1?`${e} s\xE9lectionn\xE9`:`${e} s\xE9lectionn\xE9s`,"users.removeSelected":e=>`Retirer ${e} de l\u2019organisation`,"users.removeTitle":e=>e===1?"Retirer 1 personne ?":`Retirer ${e} personnes ?`,"users.removeBody":e=>`Elles quittent ${e} imm\xE9diatement et perdent tout ce qu\u2019elles pouvaient y faire. Leurs comptes restent, ainsi que leurs autres organisations.`,"users.removing":(e,t)=>`Retrait\u2026 ${e} sur ${t}`,"users.results":(e,t)=>`${e} retir\xE9(s), ${t} non retir\xE9(s).`,"users.result.removed":"Retir\xE9","users.none":"Personne ne correspond.","users.list":"Membres","users.createTitle":"Cr\xE9er un utilisateur","users.firstName":"Pr\xE9nom","users.lastName":"Nom","users.company":"Entreprise","users.language":"Langue","users.languageHint":"La langue des e-mails que la personne re\xE7oit.","users.passwordChoice":"Mot de passe","users.sendLink":"Envoyer un e-mail avec un lien pour choisir un mot de passe","users.setNow":"D\xE9finir un mot de passe maintenant","users.password":"Mot de passe","users.created":e=>`${e} est maintenant membre.`,"users.createdLink":e=>`${e} est maintenant membre et re\xE7oit un e-mail pour choisir un mot de passe.`,"users.detail":"Utilisateur","users.source":"Ajout\xE9","users.source.direct":"par l\u2019organisation","users.source.operator":"par les op\xE9rateurs du service","users.source.customer_admin":"par les administrateurs du client","users.changeRole":"Changer le r\xF4le","users.roleChanged":"Le r\xF4le est chang\xE9.","users.remove":"Retirer de l\u2019organisation","users.removeOne":(e,t)=>`${e} quitte ${t} imm\xE9diatement et perd tout ce qu\u2019il ou elle pouvait y faire. Le compte reste, ainsi que ses autres organisations.`,"users.removed":e=>`${e} a \xE9t\xE9 retir\xE9.`,"users.noEscalation":"Vous ne pouvez pas donner un r\xF4le avec des permissions que vous n\u2019avez pas, ni changer le r\xF4le de quelqu\u2019un qui en a plus que vous.","users.noEscalationRemove":"Vous ne pouvez pas retirer quelqu\u2019un qui a des permissions que vous n\u2019avez pas."},de:{"users.title":"Benutzer","users.search":"Nach Name oder E-Mail suchen","users.role":"Rolle","users.allRoles":"Alle Rollen","users.sort":"Sortieren nach","users.sort.match":"Beste \xDCbereinstimmung","users.sort.name":"Name (A\u2013Z)","users.sort.-name":"Name (Z\u2013A)","users.sort.email":"E-Mail (A\u2013Z)","users.sort.-email":"E-Mail (Z\u2013A)","users.sort.created_at":"\xC4lteste Konten zuerst","users.sort.-created_at":"Neueste Konten zuerst","users.create":"Benutzer anlegen","users.name":"Name","users.email":"E-Mail","users.joined":"Beigetreten","users.state":"Status","users.state.active":"Aktiv","users.state.disabled":"Deaktiviert","users.select":e=>`${e} ausw\xE4hlen`,"users.selectPage":"Alle Angezeigten ausw\xE4hlen","users.selected":e=>`${e} ausgew\xE4hlt`,"users.removeSelected":e=>`${e} aus der Organisation entfernen`,"users.removeTitle":e=>e===1?"1 Person entfernen?":`${e} Personen entfernen?`,"users.removeBody":e=>`Sie verlassen ${e} sofort und verlieren alles, was sie dort tun konnten. Ihre Konten bleiben, ebenso ihre anderen Organisationen.`,"users.removing":(e,t)=>`Wird entfernt\u2026 ${e} von ${t}`,"users.results":(e,t)=>`${e} entfernt, ${t} nicht entfernt.`,"users.result.removed":"Entfernt","users.none":"Niemand passt.","users.list":"Mitglieder","users.createTitle":"Benutzer anlegen","users.firstName":"Vorname","users.lastName":"Nachname","users.company":"Firma","users.language":"Sprache","users.languageHint":"Die Sprache der E-Mails, die die Person erh\xE4lt.","users.passwordChoice":"Passwort","users.sendLink":"Eine E-Mail mit einem Link zum Setzen des Passworts senden","users.setNow":"Jetzt ein Passwort setzen","users.password":"Passwort","users.created":e=>`${e} ist jetzt Mitglied.`,"users.createdLink":e=>`${e} ist jetzt Mitglied und erh\xE4lt eine E-Mail zum Setzen des Passworts.`,"users.detail":"Benutzer","users.source":"Hinzugef\xFCgt","users.source.direct":"von der Organisation","users.source.operator":"von den Betreibern des Dienstes","users.source.customer_admin":"von den Administratoren des Kunden","users.changeRole":"Rolle \xE4ndern","users.roleChanged":"Die Rolle ist ge\xE4ndert.","users.remove":"Aus der Organisation entfernen","users.removeOne":(e,t)=>`${e} verl\xE4sst ${t} sofort und verliert alles, was er oder sie dort tun konnte. Das Konto bleibt, ebenso seine anderen Organisationen.`,"users.removed":e=>`${e} wurde entfernt.`,"users.noEscalation":"Sie k\xF6nnen keine Rolle mit Berechtigungen vergeben, die Sie selbst nicht haben, und nicht die Rolle von jemandem \xE4ndern, der mehr darf als Sie.","users.noEscalationRemove":"Sie k\xF6nnen niemanden entfernen, der Berechtigungen hat, die Sie nicht haben."}});var Ir=["name","-name","email","-email","created_at","-created_at"],lr=100;function dt(e){return J(()=>q(S(e,"/roles")).then(t=>t.items),[e])}function Fr(e){return e==="removed"?n("users.result.removed"):e==="forbidden"?n("users.noEscalationRemove"):ye({code:e})}function Ur({org:e,people:t,onDone:r,onClose:s}){let[o,a]=_(null),[i,d]=_(null),[p,c]=_(null);async function g(){let u=t.map($=>$.id),m=[];a({done:0,all:u.length});try{for(let $=0;$<u.length;$+=lr){let x=await I(S(e.id,"/members/remove"),{ids:u.slice($,$+lr)});m.push(...x.items),a({done:m.length,all:u.length})}}catch($){c($)}d(m),r(m.filter($=>$.result==="removed").map($=>$.id))}let h=Object.fromEntries(t.map(u=>[u.id,u]));if(i){let u=i.filter(m=>m.result==="removed").length;return l`<${X}
			title=${n("users.results",u,i.length-u)}
			confirmLabel=${n("app.close")}
			danger=${!1}
			onConfirm=${s}
			onClose=${s}
		>
			<${y} error=${p} />
			<ul class="results" aria-label=${n("users.results",u,i.length-u)}>
				${i.map(m=>l`<li class=${m.result==="removed"?"ok":"refused"}>
							<strong>${h[m.id]?h[m.id].email:m.id}</strong>: ${Fr(m.result)}
						</li>`)}
			</ul>
		<//>`}return l`<${X}
		title=${n("users.removeTitle",t.length)}
		confirmLabel=${n("users.removeSelected",t.length)}
		busy=${!!o}
		onConfirm=${g}
		onClose=${s}
	>
		<p>${n("users.removeBody",e.name)}</p>
		<ul class="names">
			${t.slice(0,10).map(u=>l`<li>${ue(u)||u.email} (${u.email})</li>`)}
			${t.length>10&&l`<li>…</li>`}
		</ul>
		${o&&l`<p role="status">${n("users.removing",o.done,o.all)}</p>
			<progress max=${o.all} value=${o.done}></progress>`}
	<//>`}function ur({org:e}){let t=O("q"),r=O("role"),s=O("sort"),o=dt(e.id),a=U(e,"members:write"),[i,d]=_(new Map),[p,c]=_(!1),[g,h]=_(""),u=K(f=>q(S(e.id,"/members"),{q:t,role:r,sort:s,cursor:f,limit:50}),[e.id,t,r,s]),m=ne(u,[u]),$=(f,b)=>d(H=>{let N=new Map(H);return b?N.set(f.id,f):N.delete(f.id),N}),x=m.items.length>0&&m.items.every(f=>i.has(f.id)),P=[...t?[{value:"",label:n("users.sort.match")}]:[],...Ir.map(f=>({value:f==="name"&&!t?"":f,label:n(`users.sort.${f}`)}))],v=[{value:"",label:n("users.allRoles")},...(o.data||[]).map(f=>({value:f.name,label:W(f.name)}))];return r&&!o.data&&v.push({value:r,label:W(r)}),l`
		<${E} title=${n("users.title")}>
			${a&&l`<${k} class="button" href=${`/orgs/${e.id}/users/new`}>${n("users.create")}<//>`}
		<//>
		${g&&l`<${B}>${g}<//>`}
		<div class="filters">
			<${ge} label=${n("users.search")} value=${t} onSearch=${f=>F({q:f,sort:f?"":s})} />
			<${j} label=${n("users.role")} name="role" value=${r} options=${v} onValue=${f=>F({role:f})} />
			<${j} label=${n("users.sort")} name="sort" value=${s} options=${P} onValue=${f=>F({sort:f})} />
		</div>
		${a&&i.size>0&&l`<div class="bulk" role="region" aria-label=${n("users.selected",i.size)}>
			<span>${n("users.selected",i.size)}</span>
			<button type="button" class="danger" onClick=${()=>c(!0)}>${n("users.removeSelected",i.size)}</button>
		</div>`}
		<${y} error=${m.error||o.error} />
		<${Z} label=${n("users.list")}>
			<table>
				<thead>
					<tr>
						${a&&l`<th scope="col" class="pick">
							<input
								type="checkbox"
								aria-label=${n("users.selectPage")}
								checked=${x}
								onChange=${f=>m.items.forEach(b=>$(b,f.currentTarget.checked))}
							/>
						</th>`}
						<th scope="col">${n("users.name")}</th>
						<th scope="col">${n("users.email")}</th>
						<th scope="col">${n("users.role")}</th>
						<th scope="col">${n("users.joined")}</th>
					</tr>
				</thead>
				<tbody>
					${m.items.map(f=>l`<tr key=${f.id}>
							${a&&l`<td class="pick">
								<input
									type="checkbox"
									aria-label=${n("users.select",ue(f)||f.email)}
									checked=${i.has(f.id)}
									onChange=${b=>$(f,b.currentTarget.checked)}
								/>
							</td>`}
							<td><${k} href=${`/orgs/${e.id}/users/${f.id}`}>${ue(f)||f.email}<//></td>
							<td>${f.email}</td>
							<td>${W(f.role)}</td>
							<td>${pe(f.joined_at)}</td>
						</tr>`)}
				</tbody>
			</table>
		<//>
		${m.loading&&!m.items.length&&l`<${L} />`}
		${!m.loading&&!m.error&&!m.items.length&&l`<p>${n("users.none")}</p>`}
		<${oe} list=${m} />
		${p&&l`<${Ur}
			org=${e}
			people=${[...i.values()]}
			onDone=${f=>{m.remove(f),d(b=>new Map([...b].filter(([H])=>!f.includes(H))))}}
			onClose=${()=>{c(!1),h("")}}
		/>`}`}function dr({org:e}){let t=dt(e.id),[r,s]=_(!1),o=D({email:"",first_name:"",last_name:"",company:"",language:He(),role:"member",password:""});async function a(d){d.preventDefault(),await o.submit(async p=>{let c={...p,email:p.email.trim()};r||delete c.password;let g=await I(S(e.id,"/members"),c),h=r?"created":"createdLink";T(`/orgs/${e.id}/users/${g.id}?done=${h}`)})}let i=(t.data||[{name:"member"}]).map(d=>({value:d.name,label:W(d.name)}));return l`
		<${E} title=${n("users.createTitle")} />
		<form class="card form" onSubmit=${a} novalidate>
			<${w} label=${n("users.email")} type="email" autocomplete="off" required ...${o.bind("email")} />
			<${w} label=${n("users.firstName")} optional ...${o.bind("first_name")} />
			<${w} label=${n("users.lastName")} optional ...${o.bind("last_name")} />
			<${w} label=${n("users.company")} optional ...${o.bind("company")} />
			<${j} label=${n("users.language")} hint=${n("users.languageHint")} options=${he()} ...${o.bind("language")} />
			<${j} label=${n("users.role")} options=${i} ...${o.bind("role")} />
			<fieldset>
				<legend>${n("users.passwordChoice")}</legend>
				<div class="check">
					<input id="pw-link" type="radio" name="pw" checked=${!r} onChange=${()=>s(!1)} />
					<label for="pw-link">${n("users.sendLink")}</label>
				</div>
				<div class="check">
					<input id="pw-now" type="radio" name="pw" checked=${r} onChange=${()=>s(!0)} />
					<label for="pw-now">${n("users.setNow")}</label>
				</div>
				${r&&l`<${w} label=${n("users.password")} type="password" autocomplete="new-password" ...${o.bind("password")} />`}
			</fieldset>
			<${y} error=${o.error} />
			<div class="actions">
				<${k} class="button secondary" href=${`/orgs/${e.id}/users`}>${n("app.cancel")}<//>
				<button type="submit" disabled=${o.busy}>${n("app.create")}</button>
			</div>
		</form>`}function Wr({org:e,member:t,roles:r,onChanged:s}){let o=D({role:t.role}),[a,i]=_(!1);async function d(g){g.preventDefault(),i(!1),await o.submit(async h=>{let u=await re(S(e.id,`/members/${t.id}`),{role:h.role});s(u),i(!0)})}let p=(r||[{name:t.role}]).map(g=>({value:g.name,label:W(g.name)})),c=o.error&&o.error.code==="forbidden";return l`<form class="card form" onSubmit=${d} aria-labelledby="role-title">
		<h2 id="role-title">${n("users.changeRole")}</h2>
		<${j} label=${n("users.role")} options=${p} ...${o.bind("role")} />
		${c?l`<p class="error" role="alert">${n("users.noEscalation")}</p>`:l`<${y} error=${o.error} />`}
		${a&&l`<${B}>${n("users.roleChanged")}<//>`}
		<div class="actions"><button type="submit" disabled=${o.busy||o.values.role===t.role}>${n("app.save")}</button></div>
	</form>`}function cr({org:e,params:t}){let r=J(()=>q(S(e.id,`/members/${encodeURIComponent(t.user)}`)),[e.id,t.user]),s=dt(e.id),[o,a]=_(!1),[i,d]=_(null),[p,c]=_(!1),g=O("done");if(r.error)return l`<${E} title=${n("users.detail")} /><${y} error=${r.error} />`;let h=r.data;if(!h)return l`<${L} />`;let u=U(e,"members:write");async function m(){c(!0);try{await me(S(e.id,`/members/${h.id}`)),T(`/orgs/${e.id}/users`)}catch($){a(!1),d($)}finally{c(!1)}}return l`
		<${E} title=${ue(h)||h.email}>
			<${k} class="button secondary" href=${`/orgs/${e.id}/users`}>${n("app.back")}<//>
		<//>
		${g&&l`<${B}>${n(`users.${g==="created"?"created":"createdLink"}`,h.email)}<//>`}
		<dl class="card facts">
			<dt>${n("users.email")}</dt><dd>${h.email}</dd>
			<dt>${n("users.company")}</dt><dd>${h.company||"\u2014"}</dd>
			<dt>${n("users.language")}</dt><dd>${n(`lang.${h.language}`)}</dd>
			<dt>${n("users.role")}</dt><dd>${W(h.role)}</dd>
			<dt>${n("users.state")}</dt><dd>${n(`users.state.${h.state}`)}</dd>
			<dt>${n("users.joined")}</dt><dd>${qe(h.joined_at)}</dd>
			<dt>${n("users.source")}</dt><dd>${n(`users.source.${h.source}`)}</dd>
		</dl>
		${u&&l`<${Wr} org=${e} member=${h} roles=${s.data} onChanged=${r.setData} />`}
		${u&&l`<section class="card danger-zone" aria-labelledby="remove-title">
			<h2 id="remove-title">${n("users.remove")}</h2>
			<p>${n("users.removeOne",ue(h)||h.email,e.name)}</p>
			${i&&(i.code==="forbidden"?l`<p class="error" role="alert">${n("users.noEscalationRemove")}</p>`:l`<${y} error=${i} />`)}
			<div class="actions"><button type="button" class="danger" onClick=${()=>a(!0)}>${n("users.remove")}</button></div>
		</section>`}
		${o&&l`<${X}
			title=${n("users.remove")}
			confirmLabel=${n("users.remove")}
			busy=${p}
			onConfirm=${m}
			onClose=${()=>a(!1)}
		>
			<p>${n("users.removeOne",ue(h)||h.email,e.name)}</p>
		<//>`}`}R({en:{"customers.title":"Customers","customers.search":"Search by name","customers.create":"Create customer","customers.name":"Name","customers.kind":"Kind","customers.kind.corporate":"Corporate","customers.kind.individual":"Individual","customers.kindHint.corporate":"A company: its people can have logins to their own back office.","customers.kindHint.individual":"A person or a household: no logins of its own.","customers.since":"Customer since","customers.open":e=>`Open ${e}`,"customers.none":"No customer matches.","customers.list":"Customers","customers.newTitle":"Create a customer"},fr:{"customers.title":"Clients","customers.search":"Rechercher par nom","customers.create":"Cr\xE9er un client","customers.name":"Nom","customers.kind":"Type","customers.kind.corporate":"Entreprise","customers.kind.individual":"Particulier","customers.kindHint.corporate":"Une entreprise : ses personnes peuvent avoir un acc\xE8s \xE0 leur propre espace.","customers.kindHint.individual":"Une personne ou un foyer : pas d\u2019acc\xE8s propre.","customers.since":"Client depuis","customers.open":e=>`Ouvrir ${e}`,"customers.none":"Aucun client ne correspond.","customers.list":"Clients","customers.newTitle":"Cr\xE9er un client"},de:{"customers.title":"Kunden","customers.search":"Nach Name suchen","customers.create":"Kunden anlegen","customers.name":"Name","customers.kind":"Art","customers.kind.corporate":"Firmenkunde","customers.kind.individual":"Privatkunde","customers.kindHint.corporate":"Ein Unternehmen: seine Leute k\xF6nnen Zug\xE4nge zu ihrem eigenen Bereich haben.","customers.kindHint.individual":"Eine Person oder ein Haushalt: keine eigenen Zug\xE4nge.","customers.since":"Kunde seit","customers.open":e=>`${e} \xF6ffnen`,"customers.none":"Kein Kunde passt.","customers.list":"Kunden","customers.newTitle":"Kunden anlegen"}});function mr({org:e}){let t=O("q"),r=K(o=>q(S(e.id,"/customers"),{q:t,cursor:o,limit:50}),[e.id,t]),s=ne(r,[r]);return l`
		<${E} title=${n("customers.title")}>
			${U(e,"customers:write")&&l`<${k} class="button" href=${`/orgs/${e.id}/customers/new`}>${n("customers.create")}<//>`}
		<//>
		<div class="filters">
			<${ge} label=${n("customers.search")} value=${t} onSearch=${o=>F({q:o})} />
		</div>
		<${y} error=${s.error} />
		<${Z} label=${n("customers.list")}>
			<table>
				<thead>
					<tr>
						<th scope="col">${n("customers.name")}</th>
						<th scope="col">${n("customers.kind")}</th>
						<th scope="col">${n("customers.since")}</th>
					</tr>
				</thead>
				<tbody>
					${s.items.map(o=>l`<tr key=${o.id}>
							<td><${k} href=${`/orgs/${o.id}`} aria-label=${n("customers.open",o.name)}>${o.name}<//></td>
							<td>${n(`customers.kind.${o.kind}`)}</td>
							<td>${pe(o.created_at)}</td>
						</tr>`)}
				</tbody>
			</table>
		<//>
		${s.loading&&!s.items.length&&l`<${L} />`}
		${!s.loading&&!s.error&&!s.items.length&&l`<p>${n("customers.none")}</p>`}
		<${oe} list=${s} />`}function pr({org:e}){let t=D({name:"",kind:"corporate"});async function r(s){s.preventDefault(),await t.submit(async o=>{let a=await I(S(e.id,"/customers"),o);T(`/orgs/${a.id}`)})}return l`
		<${E} title=${n("customers.newTitle")} />
		<form class="card form" onSubmit=${r} novalidate>
			<${w} label=${n("customers.name")} required autocomplete="off" ...${t.bind("name")} />
			<fieldset>
				<legend>${n("customers.kind")}</legend>
				${["corporate","individual"].map(s=>l`<div class="check">
						<input
							id=${`kind-${s}`}
							type="radio"
							name="kind"
							checked=${t.values.kind===s}
							onChange=${()=>t.set("kind",s)}
							aria-describedby=${`kind-${s}-hint`}
						/>
						<label for=${`kind-${s}`}>${n(`customers.kind.${s}`)}</label>
						<p id=${`kind-${s}-hint`} class="hint">${n(`customers.kindHint.${s}`)}</p>
					</div>`)}
				${t.errors.kind&&l`<p class="field-error">${t.errors.kind}</p>`}
			</fieldset>
			<${y} error=${t.error} />
			<div class="actions">
				<${k} class="button secondary" href=${`/orgs/${e.id}/customers`}>${n("app.cancel")}<//>
				<button type="submit" disabled=${t.busy}>${n("app.create")}</button>
			</div>
		</form>`}var hr=["org.created","org.updated","org.closed","org.independent","org.administrator_designated","module.enabled","module.disabled","customer.created","customer.independent","member.created","member.role_changed","member.removed","role.created","role.updated","role.deleted"];R({en:{"audit.title":"Audit log","audit.action":"Action","audit.allActions":"All actions","audit.actor":"By (user id)","audit.actorHint":"The id of the person who acted, as shown in this list.","audit.since":"From","audit.until":"To","audit.apply":"Filter","audit.clear":"Clear the filters","audit.at":"When","audit.who":"Who","audit.what":"What","audit.target":"On","audit.from":"From address","audit.system":"The system","audit.none":"No entry matches.","audit.list":"Audit entries","audit.order":"Order","audit.newest":"Newest first","audit.oldest":"Oldest first","action.org.created":"Organization created","action.org.updated":"Organization changed","action.org.closed":"Organization closed","action.org.independent":"Became independent","action.org.administrator_designated":"Administrator designated","action.module.enabled":"Module switched on","action.module.disabled":"Module switched off","action.customer.created":"Customer created","action.customer.independent":"Customer became independent","action.member.created":"Member added","action.member.role_changed":"Role changed","action.member.removed":"Member removed","action.role.created":"Role created","action.role.updated":"Role changed","action.role.deleted":"Role deleted"},fr:{"audit.title":"Journal d\u2019audit","audit.action":"Action","audit.allActions":"Toutes les actions","audit.actor":"Par (identifiant)","audit.actorHint":"L\u2019identifiant de la personne qui a agi, tel qu\u2019affich\xE9 dans cette liste.","audit.since":"Du","audit.until":"Au","audit.apply":"Filtrer","audit.clear":"Effacer les filtres","audit.at":"Quand","audit.who":"Qui","audit.what":"Quoi","audit.target":"Sur","audit.from":"Depuis l\u2019adresse","audit.system":"Le syst\xE8me","audit.none":"Aucune entr\xE9e ne correspond.","audit.list":"Entr\xE9es du journal","audit.order":"Ordre","audit.newest":"Les plus r\xE9centes d\u2019abord","audit.oldest":"Les plus anciennes d\u2019abord","action.org.created":"Organisation cr\xE9\xE9e","action.org.updated":"Organisation modifi\xE9e","action.org.closed":"Organisation ferm\xE9e","action.org.independent":"Devenue ind\xE9pendante","action.org.administrator_designated":"Administrateur d\xE9sign\xE9","action.module.enabled":"Module activ\xE9","action.module.disabled":"Module d\xE9sactiv\xE9","action.customer.created":"Client cr\xE9\xE9","action.customer.independent":"Client devenu ind\xE9pendant","action.member.created":"Membre ajout\xE9","action.member.role_changed":"R\xF4le chang\xE9","action.member.removed":"Membre retir\xE9","action.role.created":"R\xF4le cr\xE9\xE9","action.role.updated":"R\xF4le modifi\xE9","action.role.deleted":"R\xF4le supprim\xE9"},de:{"audit.title":"Protokoll","audit.action":"Aktion","audit.allActions":"Alle Aktionen","audit.actor":"Von (Benutzer-ID)","audit.actorHint":"Die ID der handelnden Person, wie in dieser Liste angezeigt.","audit.since":"Von","audit.until":"Bis","audit.apply":"Filtern","audit.clear":"Filter zur\xFCcksetzen","audit.at":"Wann","audit.who":"Wer","audit.what":"Was","audit.target":"Betrifft","audit.from":"Von Adresse","audit.system":"Das System","audit.none":"Kein Eintrag passt.","audit.list":"Protokolleintr\xE4ge","audit.order":"Reihenfolge","audit.newest":"Neueste zuerst","audit.oldest":"\xC4lteste zuerst","action.org.created":"Organisation angelegt","action.org.updated":"Organisation ge\xE4ndert","action.org.closed":"Organisation geschlossen","action.org.independent":"Unabh\xE4ngig geworden","action.org.administrator_designated":"Administrator bestimmt","action.module.enabled":"Modul eingeschaltet","action.module.disabled":"Modul ausgeschaltet","action.customer.created":"Kunde angelegt","action.customer.independent":"Kunde unabh\xE4ngig geworden","action.member.created":"Mitglied hinzugef\xFCgt","action.member.role_changed":"Rolle ge\xE4ndert","action.member.removed":"Mitglied entfernt","action.role.created":"Rolle angelegt","action.role.updated":"Rolle ge\xE4ndert","action.role.deleted":"Rolle gel\xF6scht"}});var gr=e=>hr.includes(e)?n(`action.${e}`):e,Vr=e=>e?`${e}T00:00:00Z`:"";function jr(e){if(!e)return"";let t=new Date(`${e}T00:00:00Z`);return t.setUTCDate(t.getUTCDate()+1),t.toISOString()}function Kr(e){let t=e.details||{};return Object.entries(t).map(([r,s])=>`${r}: ${typeof s=="object"?JSON.stringify(s):s}`).join(", ")}function fr({org:e}){let t=O("action"),r=O("actor"),s=O("since"),o=O("until"),a=O("sort"),[i,d]=_({actor:r,since:s,until:o}),p=K(m=>q(S(e.id,"/audit"),{action:t,actor:r,since:Vr(s),until:jr(o),sort:a,cursor:m,limit:50}),[e.id,t,r,s,o,a]),c=ne(p,[p]);function g(m){m.preventDefault(),F({actor:i.actor.trim(),since:i.since,until:i.until})}function h(){d({actor:"",since:"",until:""}),F({action:"",actor:"",since:"",until:"",sort:""})}let u=m=>c.error&&c.error.field===m&&c.error.message;return l`
		<${E} title=${n("audit.title")} />
		<form class="filters" onSubmit=${g}>
			<${j}
				label=${n("audit.action")}
				name="action"
				value=${t}
				options=${[{value:"",label:n("audit.allActions")},...hr.map(m=>({value:m,label:gr(m)}))]}
				onValue=${m=>F({action:m})}
			/>
			<${w}
				label=${n("audit.actor")}
				name="actor"
				value=${i.actor}
				error=${u("actor")}
				autocomplete="off"
				onValue=${m=>d({...i,actor:m})}
			/>
			<${w} label=${n("audit.since")} name="since" type="date" value=${i.since} onValue=${m=>d({...i,since:m})} />
			<${w} label=${n("audit.until")} name="until" type="date" value=${i.until} onValue=${m=>d({...i,until:m})} />
			<${j}
				label=${n("audit.order")}
				name="sort"
				value=${a}
				options=${[{value:"",label:n("audit.newest")},{value:"at",label:n("audit.oldest")}]}
				onValue=${m=>F({sort:m})}
			/>
			<div class="actions">
				<button type="submit">${n("audit.apply")}</button>
				<button type="button" class="secondary" onClick=${h}>${n("audit.clear")}</button>
			</div>
		</form>
		${!u("actor")&&l`<${y} error=${c.error} />`}
		<${Z} label=${n("audit.list")}>
			<table>
				<thead>
					<tr>
						<th scope="col">${n("audit.at")}</th>
						<th scope="col">${n("audit.what")}</th>
						<th scope="col">${n("audit.who")}</th>
						<th scope="col">${n("audit.target")}</th>
						<th scope="col">${n("audit.from")}</th>
					</tr>
				</thead>
				<tbody>
					${c.items.map(m=>l`<tr key=${m.id}>
							<td><time datetime=${m.at}>${qe(m.at)}</time></td>
							<td>${gr(m.action)}<div class="muted small">${Kr(m)}</div></td>
							<td>
								${m.actor_id?l`<button type="button" class="link" onClick=${()=>{d({...i,actor:m.actor_id}),F({actor:m.actor_id})}}>${m.actor_id}</button>`:n("audit.system")}
							</td>
							<td>
								${m.target_type==="user"?l`<${k} href=${`/orgs/${e.id}/users/${m.target_id}`}>${m.target_id}<//>`:`${m.target_type} ${m.target_id}`}
							</td>
							<td>${m.client_addr}</td>
						</tr>`)}
				</tbody>
			</table>
		<//>
		${c.loading&&!c.items.length&&l`<${L} />`}
		${!c.loading&&!c.error&&!c.items.length&&l`<p>${n("audit.none")}</p>`}
		<${oe} list=${c} />`}R({en:{"me.title":"My settings","me.profile":"Profile","me.email":"Email","me.firstName":"First name","me.lastName":"Last name","me.company":"Company","me.language":"Language","me.languageHint":"The language of this console and of the emails you receive.","me.saved":"Your profile is saved.","me.password":"Password","me.current":"Current password","me.new":"New password","me.newHint":"At least 10 characters, and not your email address. Your other sessions end.","me.repeat":"Repeat the new password","me.mismatch":"The two passwords are not the same.","me.change":"Change the password","me.changed":"Your password is changed.","me.orgs":"My organizations","me.noOrgs":"You are not a member of any organization.","me.org":"Organization","me.role":"My role"},fr:{"me.title":"Mes param\xE8tres","me.profile":"Profil","me.email":"E-mail","me.firstName":"Pr\xE9nom","me.lastName":"Nom","me.company":"Entreprise","me.language":"Langue","me.languageHint":"La langue de cette console et des e-mails que vous recevez.","me.saved":"Votre profil est enregistr\xE9.","me.password":"Mot de passe","me.current":"Mot de passe actuel","me.new":"Nouveau mot de passe","me.newHint":"Au moins 10 caract\xE8res, et pas votre adresse e-mail. Vos autres sessions prennent fin.","me.repeat":"R\xE9p\xE9tez le nouveau mot de passe","me.mismatch":"Les deux mots de passe ne sont pas identiques.","me.change":"Changer le mot de passe","me.changed":"Votre mot de passe est chang\xE9.","me.orgs":"Mes organisations","me.noOrgs":"Vous n\u2019\xEAtes membre d\u2019aucune organisation.","me.org":"Organisation","me.role":"Mon r\xF4le"},de:{"me.title":"Meine Einstellungen","me.profile":"Profil","me.email":"E-Mail","me.firstName":"Vorname","me.lastName":"Nachname","me.company":"Firma","me.language":"Sprache","me.languageHint":"Die Sprache dieser Konsole und der E-Mails, die Sie erhalten.","me.saved":"Ihr Profil ist gespeichert.","me.password":"Passwort","me.current":"Aktuelles Passwort","me.new":"Neues Passwort","me.newHint":"Mindestens 10 Zeichen, und nicht Ihre E-Mail-Adresse. Ihre anderen Sitzungen enden.","me.repeat":"Neues Passwort wiederholen","me.mismatch":"Die beiden Passw\xF6rter sind nicht gleich.","me.change":"Passwort \xE4ndern","me.changed":"Ihr Passwort ist ge\xE4ndert.","me.orgs":"Meine Organisationen","me.noOrgs":"Sie sind in keiner Organisation Mitglied.","me.org":"Organisation","me.role":"Meine Rolle"}});function Zr({me:e}){let t=D({first_name:e.first_name,last_name:e.last_name,company:e.company,language:e.language}),[r,s]=_(!1);async function o(a){a.preventDefault(),s(!1),await t.submit(async i=>{await re("/api/v1/me",i),await Y(),s(!0)})}return l`<form class="card form" onSubmit=${o} aria-labelledby="profile-title" novalidate>
		<h2 id="profile-title">${n("me.profile")}</h2>
		<p><strong>${n("me.email")}:</strong> ${e.email}</p>
		<${w} label=${n("me.firstName")} autocomplete="given-name" ...${t.bind("first_name")} />
		<${w} label=${n("me.lastName")} autocomplete="family-name" ...${t.bind("last_name")} />
		<${w} label=${n("me.company")} autocomplete="organization" ...${t.bind("company")} />
		<${j} label=${n("me.language")} hint=${n("me.languageHint")} options=${he()} ...${t.bind("language")} />
		<${y} error=${t.error} />
		${r&&l`<${B}>${n("me.saved")}<//>`}
		<div class="actions"><button type="submit" disabled=${t.busy}>${n("app.save")}</button></div>
	</form>`}function Gr({me:e}){let t=D({current_password:"",new_password:"",repeat:""}),[r,s]=_(!1);async function o(a){if(a.preventDefault(),s(!1),t.values.new_password!==t.values.repeat){t.setErrors({repeat:n("me.mismatch")});return}await t.submit(async i=>{await I("/api/v1/me/password",{current_password:i.current_password,new_password:i.new_password}),t.setValues({current_password:"",new_password:"",repeat:""}),s(!0)})}return l`<form class="card form" onSubmit=${o} aria-labelledby="password-title" novalidate>
		<h2 id="password-title">${n("me.password")}</h2>
		<input type="hidden" name="username" autocomplete="username" value=${e.email} />
		<${w} label=${n("me.current")} type="password" autocomplete="current-password" ...${t.bind("current_password")} />
		<${w} label=${n("me.new")} type="password" autocomplete="new-password" hint=${n("me.newHint")} ...${t.bind("new_password")} />
		<${w} label=${n("me.repeat")} type="password" autocomplete="new-password" ...${t.bind("repeat")} />
		${t.error&&t.error.code==="wrong_password"?l`<p class="error" role="alert">${n("error.wrong_password")}</p>`:l`<${y} error=${t.error} />`}
		${r&&l`<${B}>${n("me.changed")}<//>`}
		<div class="actions"><button type="submit" disabled=${t.busy}>${n("me.change")}</button></div>
	</form>`}function $r({me:e}){return l`
		<${E} title=${n("me.title")} />
		<${Zr} me=${e} />
		<${Gr} me=${e} />
		<section class="card" aria-labelledby="orgs-title">
			<h2 id="orgs-title">${n("me.orgs")}</h2>
			${e.organizations.length?l`<${Z} label=${n("me.orgs")}>
						<table>
							<thead>
								<tr><th scope="col">${n("me.org")}</th><th scope="col">${n("me.role")}</th></tr>
							</thead>
							<tbody>
								${e.organizations.map(t=>l`<tr key=${t.id}>
										<td><${k} href=${Ce(t)}>${t.name}<//></td>
										<td>${W(t.role)}</td>
									</tr>`)}
							</tbody>
						</table>
					<//>`:l`<p>${n("me.noOrgs")}</p>`}
		</section>`}R({en:{"nav.main":"Main","nav.org":"Organization","nav.switch":"Organization","nav.allOrgs":"All organizations","nav.overview":"Overview","nav.users":"Users","nav.roles":"Roles","nav.customers":"Customers","nav.audit":"Audit log","nav.settings":"Settings","nav.mySettings":"My settings","nav.signOut":"Sign out","nav.signedInAs":e=>`Signed in as ${e}`,"home.none":"You are not a member of any organization yet. When someone adds you to one, it appears here.","home.title":"Welcome"},fr:{"nav.main":"Principal","nav.org":"Organisation","nav.switch":"Organisation","nav.allOrgs":"Toutes les organisations","nav.overview":"Vue d\u2019ensemble","nav.users":"Utilisateurs","nav.roles":"R\xF4les","nav.customers":"Clients","nav.audit":"Journal d\u2019audit","nav.settings":"Param\xE8tres","nav.mySettings":"Mes param\xE8tres","nav.signOut":"Se d\xE9connecter","nav.signedInAs":e=>`Connect\xE9 en tant que ${e}`,"home.none":"Vous n\u2019\xEAtes encore membre d\u2019aucune organisation. Quand quelqu\u2019un vous y ajoute, elle appara\xEEt ici.","home.title":"Bienvenue"},de:{"nav.main":"Hauptmen\xFC","nav.org":"Organisation","nav.switch":"Organisation","nav.allOrgs":"Alle Organisationen","nav.overview":"\xDCbersicht","nav.users":"Benutzer","nav.roles":"Rollen","nav.customers":"Kunden","nav.audit":"Protokoll","nav.settings":"Einstellungen","nav.mySettings":"Meine Einstellungen","nav.signOut":"Abmelden","nav.signedInAs":e=>`Angemeldet als ${e}`,"home.none":"Sie sind noch in keiner Organisation Mitglied. Sobald Sie jemand hinzuf\xFCgt, erscheint sie hier.","home.title":"Willkommen"}});var _r=[["/sign-in",er],["/forgot-password",tr],["/set-password",()=>l`<${it} mode="set" />`],["/reset-password",()=>l`<${it} mode="reset" />`]],Yr=[["/",Jr],["/settings",$r],["/orgs",nr],["/orgs/new",or]],Qr=[["/orgs/:org",ar],["/orgs/:org/users",ur],["/orgs/:org/users/new",dr],["/orgs/:org/users/:user",cr],["/orgs/:org/roles",sr],["/orgs/:org/roles/new",lt],["/orgs/:org/roles/:role",lt],["/orgs/:org/customers",mr],["/orgs/:org/customers/new",pr],["/orgs/:org/audit",fr],["/orgs/:org/settings",ir]];function ct(e,t){for(let[r,s]of e){let o=nt(r,t);if(o)return{screen:s,params:o}}return null}function Jr({me:e}){return M(()=>{e.organizations.length?T(Ce(e.organizations[0]),{replace:!0}):e.is_operator&&T("/orgs",{replace:!0})},[]),e.organizations.length||e.is_operator?l`<${L} />`:l`<section class="card"><h1 id="page-title" tabindex="-1">${n("home.title")}</h1><p>${n("home.none")}</p></section>`}function Xr({me:e,orgId:t}){let r=e.organizations;if(r.length<2&&!(r.length&&e.is_operator))return null;let s=r.some(a=>a.id===t);function o(a){let i=a.currentTarget.value;if(i==="*")return T("/orgs");let d=r.find(p=>p.id===i);d&&T(Ce(d))}return l`<div class="switcher">
		<label for="org-switcher">${n("nav.switch")}</label>
		<select id="org-switcher" onChange=${o} value=${s?t:""}>
			${!s&&l`<option value="" selected>—</option>`}
			${r.map(a=>l`<option value=${a.id} selected=${a.id===t}>${a.name}</option>`)}
			${e.is_operator&&l`<option value="*">${n("nav.allOrgs")}</option>`}
		</select>
	</div>`}function es({org:e,path:t}){let r=`/orgs/${e.id}`,s=[[r,n("nav.overview"),!0],[`${r}/users`,n("nav.users"),U(e,"members:read")],[`${r}/roles`,n("nav.roles"),!0],[`${r}/customers`,n("nav.customers"),e.type!=="customer"&&U(e,"customers:read")],[`${r}/audit`,n("nav.audit"),U(e,"audit:read")],[`${r}/settings`,n("nav.settings"),U(e,"org:write")]].filter(i=>i[2]),o=t.split("?")[0],a=i=>i===r?o===r:o===i||o.startsWith(`${i}/`);return l`<nav class="org-nav" aria-label=${n("nav.org")}>
		<p class="org-name">${e.name}</p>
		<ul>
			${s.map(([i,d])=>l`<li><${k} href=${i} aria-current=${a(i)?"page":void 0}>${d}<//></li>`)}
		</ul>
	</nav>`}function vr({me:e,orgId:t}){async function r(){try{await V("POST","/api/v1/auth/logout",void 0,{quiet401:!0})}catch{}ke(null),T("/sign-in?why=signed-out",{replace:!0})}return l`<a class="skip" href="#main">${n("app.skip")}</a>
		<header class="top">
		<${k} class="brand" href="/">${n("app.name")}<//>
		<${Xr} me=${e} orgId=${t} />
		<nav class="user-nav" aria-label=${n("nav.main")}>
			<ul>
				<li class="who">${n("nav.signedInAs",e.email)}</li>
				${e.is_operator&&l`<li><${k} href="/orgs">${n("nav.allOrgs")}<//></li>`}
				<li><${k} href="/settings">${n("nav.mySettings")}<//></li>
				<li><button type="button" class="link" onClick=${r}>${n("nav.signOut")}</button></li>
			</ul>
		</nav>
	</header>`}function ts({me:e,found:t,path:r}){let s=t.params.org,[o,a]=_({org:null,error:null});M(()=>{let p=!0;return a(c=>c.org&&c.org.id===s?c:{org:null,error:null}),Be(s).then(c=>p&&a({org:c,error:null}),c=>p&&a({org:null,error:c})),()=>p=!1},[s,e]);let i=t.screen,d;return o.error?d=l`<${y} error=${o.error} />`:o.org?d=l`<${i} me=${e} org=${o.org} params=${t.params} />`:d=l`<${L} />`,l`
		<${vr} me=${e} orgId=${s} />
		<div class="layout">
			${o.org&&l`<${es} org=${o.org} path=${r} />`}
			<main id="main">${d}</main>
		</div>`}function br(){let e=Gt(),t=Kt(),[r,s]=_(null),o=te(t);Vt(e?e.language:Wt(navigator.languages||[navigator.language])),M(()=>{Ft(()=>{ke(null);let g=location.pathname+location.search;_r.some(([h])=>nt(h,location.pathname))||T(`/sign-in?why=session&next=${encodeURIComponent(g)}`,{replace:!0})}),Y().catch(s)},[]),M(()=>{if(t===o.current)return;let g=document.getElementById("page-title");g&&g.focus({preventScroll:!0})},[t.split("?")[0]]);let a=t.split("?")[0],i=ct(_r,a);if(M(()=>{if(e===null&&!i){let g=a==="/"?"":`?next=${encodeURIComponent(t)}`;T(`/sign-in${g}`,{replace:!0})}else if(e&&a==="/sign-in"){let g=new URLSearchParams(location.search).get("next");T(g&&g.startsWith("/")&&!g.startsWith("//")?g:"/",{replace:!0})}},[e,a]),r)return l`<main id="main"><${y} error=${r} /></main>`;if(i&&(!e||a!=="/sign-in")){let g=i.screen;return l`<header class="top"><span class="brand">${n("app.name")}</span></header>
			<main id="main" class="narrow"><${g} /></main>`}if(!e)return l`<main id="main"><${L} /></main>`;let d=ct(Yr,a),p=!d&&ct(Qr,a);if(p)return l`<${ts} me=${e} found=${p} path=${t} />`;let c=d&&d.screen;return l`<${vr} me=${e} orgId=${null} />
		<main id="main">
			${c?l`<${c} me=${e} />`:l`<p>${n("app.notFound")}</p>`}
		</main>`}Pt(ie(br),document.getElementById("app"));
