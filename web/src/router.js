// Routing over the History API: the path names the screen, the query its
// state (search, filters), so that a link or a reload shows the same thing.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';

const listeners = new Set();

function notify() {
	for (const fn of listeners) fn(location.pathname + location.search);
}
window.addEventListener('popstate', notify);

export function navigate(to, { replace = false } = {}) {
	if (to === location.pathname + location.search) return;
	if (replace) history.replaceState(null, '', to);
	else history.pushState(null, '', to);
	window.scrollTo(0, 0);
	notify();
}

// The current path and query; the component re-renders when they change.
export function useLocation() {
	const [loc, setLoc] = useState(location.pathname + location.search);
	useEffect(() => {
		listeners.add(setLoc);
		return () => listeners.delete(setLoc);
	}, []);
	return loc;
}

export function queryParam(name) {
	return new URLSearchParams(location.search).get(name) || '';
}

// Changes the query of the current screen without adding a history entry.
export function setQuery(params) {
	const q = new URLSearchParams(location.search);
	for (const [k, v] of Object.entries(params)) {
		if (v === undefined || v === null || v === '') q.delete(k);
		else q.set(k, v);
	}
	const s = q.toString();
	navigate(location.pathname + (s ? `?${s}` : ''), { replace: true });
}

// "/orgs/:org/users/:user" against a path: the parameters, or null.
export function match(pattern, path) {
	const p = pattern.split('/');
	const s = path.split('?')[0].split('/');
	if (p.length !== s.length) return null;
	const params = {};
	for (let i = 0; i < p.length; i++) {
		if (p[i].startsWith(':')) {
			if (!s[i]) return null;
			params[p[i].slice(1)] = decodeURIComponent(s[i]);
		} else if (p[i] !== s[i]) return null;
	}
	return params;
}

// An <a> that navigates in place (a modified click still opens a new tab).
export function Link({ href, children, ...rest }) {
	function onClick(ev) {
		if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
		ev.preventDefault();
		navigate(href);
	}
	return h('a', { href, onClick, ...rest }, children);
}

// Only a path of this console may follow sign-in: never another origin.
export function safeNext(next) {
	return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
		? next
		: '/';
}
