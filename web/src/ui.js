// The console's building blocks: form fields that show the API's errors next
// to the field they name, lists that page with the API's cursor, a debounced
// search box, a confirmation dialog, and the small pieces around them.
import { h } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import htm from 'htm';
import { ApiError } from './api.js';
import { errorText, t } from './i18n.js';

export const html = htm.bind(h);

// Runs fn() now and whenever deps change; the last answer wins.
export function useAsync(fn, deps) {
	const [state, setState] = useState({ data: undefined, error: null, loading: true });
	const seq = useRef(0);
	const run = useCallback(() => {
		const mine = ++seq.current;
		setState((s) => ({ ...s, loading: true, error: null }));
		fn().then(
			(data) => mine === seq.current && setState({ data, error: null, loading: false }),
			(error) => mine === seq.current && setState({ data: undefined, error, loading: false }),
		);
	}, deps);
	useEffect(run, [run]);
	return { ...state, reload: run, setData: (data) => setState((s) => ({ ...s, data })) };
}

// A form's values, its per-field errors (from the API's `field`) and the
// error that names no field of the form. explain(err) may word an error
// better for this form than errorText() does.
export function useForm(initial, fields = Object.keys(initial), explain = () => undefined) {
	const [values, setValues] = useState(initial);
	const [errors, setErrors] = useState({});
	const [error, setError] = useState(null);
	const [busy, setBusy] = useState(false);
	const set = (name, value) => setValues((v) => ({ ...v, [name]: value }));
	const bind = (name) => ({
		name,
		value: values[name],
		error: errors[name],
		onValue: (value) => set(name, value),
	});
	async function submit(action) {
		setBusy(true);
		setErrors({});
		setError(null);
		try {
			return await action(values);
		} catch (err) {
			if (!(err instanceof ApiError)) throw err;
			if (err.field && fields.includes(err.field)) setErrors({ [err.field]: explain(err) || errorText(err) });
			else setError(err);
			return undefined;
		} finally {
			setBusy(false);
		}
	}
	return { values, set, setValues, bind, errors, setErrors, error, setError, busy, submit };
}

let fieldSeq = 0;
const useId = (prefix) => useRef(`${prefix}-${++fieldSeq}`).current;

export function Field({ label, name, value, onValue, error, hint, type = 'text', optional, ...rest }) {
	const id = useId(name || 'field');
	const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
	return html`<div class="field">
		<label for=${id}>${label}${optional && html` <span class="muted">${t('app.optional')}</span>`}</label>
		<input
			id=${id}
			name=${name}
			type=${type}
			value=${value ?? ''}
			onInput=${(e) => onValue(e.currentTarget.value)}
			aria-invalid=${error ? 'true' : undefined}
			aria-describedby=${described}
			...${rest}
		/>
		${hint && html`<p id=${`${id}-hint`} class="hint">${hint}</p>`}
		${error && html`<p id=${`${id}-error`} class="field-error">${error}</p>`}
	</div>`;
}

export function TextArea({ label, name, value, onValue, error, optional, ...rest }) {
	const id = useId(name || 'text');
	return html`<div class="field">
		<label for=${id}>${label}${optional && html` <span class="muted">${t('app.optional')}</span>`}</label>
		<textarea
			id=${id}
			name=${name}
			onInput=${(e) => onValue(e.currentTarget.value)}
			aria-invalid=${error ? 'true' : undefined}
			aria-describedby=${error ? `${id}-error` : undefined}
			...${rest}
		>${value ?? ''}</textarea>
		${error && html`<p id=${`${id}-error`} class="field-error">${error}</p>`}
	</div>`;
}

// options: [{value, label}]
export function Select({ label, name, value, onValue, error, options, hint, ...rest }) {
	const id = useId(name || 'select');
	const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
	return html`<div class="field">
		<label for=${id}>${label}</label>
		<select
			id=${id}
			name=${name}
			value=${value}
			onChange=${(e) => onValue(e.currentTarget.value)}
			aria-invalid=${error ? 'true' : undefined}
			aria-describedby=${described}
			...${rest}
		>
			${options.map((o) => html`<option value=${o.value} selected=${o.value === value}>${o.label}</option>`)}
		</select>
		${hint && html`<p id=${`${id}-hint`} class="hint">${hint}</p>`}
		${error && html`<p id=${`${id}-error`} class="field-error">${error}</p>`}
	</div>`;
}

export function Checkbox({ label, name, checked, onValue, hint, ...rest }) {
	const id = useId(name || 'check');
	return html`<div class="check">
		<input
			id=${id}
			name=${name}
			type="checkbox"
			checked=${checked}
			onChange=${(e) => onValue(e.currentTarget.checked)}
			aria-describedby=${hint ? `${id}-hint` : undefined}
			...${rest}
		/>
		<label for=${id}>${label}</label>
		${hint && html`<p id=${`${id}-hint`} class="hint">${hint}</p>`}
	</div>`;
}

// The error of a request, in words, where a screen reader announces it.
// explain(err) may word it better for the screen than errorText() does.
export function ErrorBox({ error, explain }) {
	if (!error) return null;
	return html`<p class="error" role="alert">${(explain && explain(error)) || errorText(error)}</p>`;
}

export function Notice({ children }) {
	return html`<p class="notice" role="status">${children}</p>`;
}

export function Loading() {
	return html`<p class="muted" role="status" aria-live="polite">${t('app.loading')}</p>`;
}

export function PageHeader({ title, children }) {
	return html`<div class="page-header">
		<h1 id="page-title" tabindex="-1">${title}</h1>
		${children && html`<div class="actions">${children}</div>`}
	</div>`;
}

// A search field that calls onSearch a moment after the typing stops.
export function SearchBox({ label, value, onSearch, delay = 250 }) {
	const [text, setText] = useState(value || '');
	const timer = useRef(0);
	useEffect(() => setText(value || ''), [value]);
	useEffect(() => () => clearTimeout(timer.current), []);
	function onValue(v) {
		setText(v);
		clearTimeout(timer.current);
		timer.current = setTimeout(() => onSearch(v.trim()), delay);
	}
	return html`<div class="search">
		<${Field} label=${label} name="q" type="search" value=${text} onValue=${onValue} autocomplete="off" />
	</div>`;
}

// A list that the API pages: fetchPage(cursor) answers {items, next_cursor}.
// Changing deps starts again from the first page.
export function useList(fetchPage, deps) {
	const [state, setState] = useState({ items: [], next: null, loading: true, error: null });
	const seq = useRef(0);
	const load = useCallback(
		(cursor, append) => {
			const mine = ++seq.current;
			setState((s) => ({ ...s, loading: true, error: null, ...(append ? {} : { items: [], next: null }) }));
			fetchPage(cursor).then(
				(page) =>
					mine === seq.current &&
					setState((s) => ({
						items: append ? [...s.items, ...page.items] : page.items,
						next: page.next_cursor,
						loading: false,
						error: null,
					})),
				(error) => mine === seq.current && setState((s) => ({ ...s, loading: false, error })),
			);
		},
		[fetchPage],
	);
	const reload = useCallback(() => load(undefined, false), [load]);
	useEffect(reload, deps);
	return {
		...state,
		reload,
		more: () => state.next && load(state.next, true),
		remove: (ids) => setState((s) => ({ ...s, items: s.items.filter((i) => !ids.includes(i.id)) })),
		update: (item) => setState((s) => ({ ...s, items: s.items.map((i) => (i.id === item.id ? item : i)) })),
	};
}

export function MoreButton({ list }) {
	if (!list.next) return null;
	return html`<button type="button" class="secondary more" onClick=${list.more} disabled=${list.loading}>
		${list.loading ? t('app.loading') : t('app.more')}
	</button>`;
}

// Wide tables scroll sideways on a phone; the region can take focus so
// that a keyboard can scroll it too.
export function TableWrap({ label, children }) {
	return html`<div class="table-wrap" role="region" aria-label=${label} tabindex="0">${children}</div>`;
}

// A modal question before something that cannot be undone: what will
// happen, then a button that says it. Escape or Cancel closes it. Without
// onConfirm it is a dialog whose own content acts (a picker), with Cancel.
export function Confirm({ title, children, confirmLabel, danger = true, busy, onConfirm, onClose }) {
	const ref = useRef(null);
	useEffect(() => {
		const d = ref.current;
		if (d && !d.open) d.showModal();
		return () => d && d.open && d.close();
	}, []);
	return html`<dialog
		ref=${ref}
		class="dialog"
		aria-labelledby="confirm-title"
		onCancel=${(e) => {
			e.preventDefault();
			onClose();
		}}
	>
		<h2 id="confirm-title">${title}</h2>
		<div class="dialog-body">${children}</div>
		<div class="actions">
			<button type="button" class="secondary" onClick=${onClose} disabled=${busy}>${t('app.cancel')}</button>
			${onConfirm &&
			html`<button type="button" class=${danger ? 'danger' : ''} onClick=${onConfirm} disabled=${busy}>${confirmLabel}</button>`}
		</div>
	</dialog>`;
}

// A component that the module load() brings: a loading line until it is
// there, the error when it cannot come. Its words are added as it loads, so
// the screen renders once more with them.
export function lazy(load, name) {
	let Loaded = null;
	return function LazyScreen(props) {
		const [state, setState] = useState({ ready: !!Loaded, error: null });
		useEffect(() => {
			if (Loaded) return undefined;
			let live = true;
			load().then(
				(m) => {
					Loaded = m[name];
					if (live) setState({ ready: true, error: null });
				},
				() => live && setState({ ready: false, error: new ApiError(0, null, 0) }),
			);
			return () => (live = false);
		}, []);
		if (state.error) return html`<${ErrorBox} error=${state.error} />`;
		if (!Loaded) return html`<${Loading} />`;
		return h(Loaded, props);
	};
}

export function languageOptions() {
	return ['en', 'fr', 'de'].map((l) => ({ value: l, label: t(`lang.${l}`) }));
}

export function fullName(u) {
	return [u.first_name, u.last_name].filter(Boolean).join(' ');
}
