// Devices / Licenses: the organization's active devices (an app installation
// appears when someone signs in from it with a device code), each with its
// person and whether it is licensed; search, a status filter and paging.
// Who may assign seats gives a device a seat of a per-device pool, takes it
// back or moves it to another device; who may write devices deactivates one.
import { useCallback, useState } from 'preact/hooks';
import { del, get, orgPath, post, withQuery } from '../api.js';
import { formatDateTime, t } from '../i18n.js';
import { Link, queryParam, setQuery } from '../router.js';
import { can } from '../session.js';
import { html, useAsync, useList, Confirm, ErrorBox, Loading, MoreButton, Notice, PageHeader, SearchBox, Select, TableWrap } from '../ui.js';
import { DevicePicker, STATUSES, StatusBadge, deviceErrorText, usable } from './device-parts.js';

// The organization's pools counted per device, with their use in words and as a bar.
function DevicePools({ pools }) {
	if (!pools.length) return null;
	return html`<section class="card" aria-labelledby="dev-pools-title">
		<h2 id="dev-pools-title">${t('dev.pools')}</h2>
		<ul class="pools">
			${pools.map((p) => {
				const label = t('dev.poolUsage', p.used + p.reserved, p.seats, p.free);
				return html`<li key=${p.id}>
					<strong>${p.plan ? `${p.product} · ${p.plan}` : p.product}</strong>
					<div class="usage">
						<progress max=${Math.max(p.seats, 1)} value=${p.used + p.reserved} aria-label=${`${p.product}: ${label}`}></progress>
						<span>${label}</span>
					</div>
				</li>`;
			})}
		</ul>
	</section>`;
}

export function Devices({ org }) {
	const q = queryParam('q');
	const status = queryParam('status');
	const user = queryParam('user');
	const assigner = can(org, 'licenses:assign');
	const writer = can(org, 'devices:write');
	const readsPools = can(org, 'licenses:read');
	const pools = useAsync(
		() => (readsPools ? get(orgPath(org.id, '/licenses')).then((r) => r.items.filter((p) => p.unit === 'device')) : Promise.resolve(null)),
		[org.id, readsPools],
	);
	const fetchPage = useCallback(
		(cursor) => get(orgPath(org.id, '/devices'), { q, status, user, cursor, limit: 50 }),
		[org.id, q, status, user],
	);
	const list = useList(fetchPage, [fetchPage]);
	const [dialog, setDialog] = useState(null); // {kind: assign | remove | move | deactivate, device}
	const [poolChoice, setPoolChoice] = useState('');
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState(null);
	const [dialogError, setDialogError] = useState(null);
	const [notice, setNotice] = useState('');

	// null: the pools are not known (no licenses:read); the server then picks
	// the organization's one pool counted per device.
	const devicePools = pools.data === undefined ? [] : pools.data;
	const open = devicePools ? devicePools.filter(usable) : null;
	const seatPool = (d) => (devicePools && d.license ? devicePools.find((p) => p.id === d.license.id) : null);
	const canAssign = (d) => assigner && !seatPool(d) && (open === null || open.length > 0);

	const refresh = () => {
		list.reload();
		pools.reload();
	};
	const close = () => {
		setDialog(null);
		setDialogError(null);
	};
	// Runs an action of the dialog (or of a row): on success the dialog
	// closes, the notice says what happened and the list is fetched again.
	async function act(fn, message) {
		setBusy(true);
		setError(null);
		setDialogError(null);
		setNotice('');
		try {
			await fn();
			setDialog(null);
			setNotice(message);
			refresh();
		} catch (err) {
			if (dialog) setDialogError(err);
			else setError(err);
		} finally {
			setBusy(false);
		}
	}
	const devPath = (d, rest = '') => orgPath(org.id, `/devices/${encodeURIComponent(d.id)}${rest}`);
	function startAssign(d) {
		if (open && open.length > 1) {
			setPoolChoice(open[0].id);
			setDialogError(null);
			setDialog({ kind: 'assign', device: d });
			return;
		}
		const body = open && open.length === 1 ? { license_id: open[0].id } : {};
		act(() => post(devPath(d, '/seat'), body), t('dev.assigned', d.code));
	}
	const assignChosen = (d) => act(() => post(devPath(d, '/seat'), { license_id: poolChoice }), t('dev.assigned', d.code));
	const removeSeat = (d) =>
		act(() => del(withQuery(devPath(d, '/seat'), { license_id: d.license.id })), t('dev.removed', d.code));
	const move = (from, to) =>
		act(
			() => post(orgPath(org.id, `/licenses/${encodeURIComponent(from.license.id)}/seats/move`), { from: from.id, to: to.id }),
			t('dev.moved', from.code, to.code),
		);
	const deactivate = (d) => act(() => del(devPath(d)), t('dev.deactivated', d.code));

	const statusOptions = [{ value: '', label: t('dev.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`dev.status.${s}`) }))];
	const filtered = !!(q || status || user);
	const actions = assigner || writer;
	const d = dialog && dialog.device;
	return html`
		<${PageHeader} title=${t('dev.title')}>
			<button type="button" class="secondary" onClick=${refresh} disabled=${list.loading}>${t('dev.refresh')}</button>
		<//>
		${devicePools && html`<${DevicePools} pools=${devicePools} />`}
		${notice && html`<${Notice}>${notice}<//>`}
		<${ErrorBox} error=${error} explain=${deviceErrorText} />
		<div class="filters" role="search" aria-label=${t('app.search')}>
			<${SearchBox} label=${t('dev.search')} value=${q} onSearch=${(v) => setQuery({ q: v })} />
			<${Select} label=${t('dev.status')} name="status" value=${status} options=${statusOptions} onValue=${(v) => setQuery({ status: v })} />
		</div>
		${user &&
		html`<p class="actions">
			<span>${t('dev.onePerson')}</span>
			<button type="button" class="link" onClick=${() => setQuery({ user: '' })}>${t('dev.everyone')}</button>
		</p>`}
		<${ErrorBox} error=${list.error || pools.error} />
		<${TableWrap} label=${t('dev.list')}>
			<table class="stack devices">
				<thead>
					<tr>
						<th scope="col">${t('dev.code')}</th>
						<th scope="col">${t('dev.name')}</th>
						<th scope="col">${t('dev.platform')}</th>
						<th scope="col">${t('dev.person')}</th>
						<th scope="col">${t('dev.status')}</th>
						<th scope="col">${t('dev.lastSeen')}</th>
						${actions && html`<th scope="col">${t('dev.actions')}</th>`}
					</tr>
				</thead>
				<tbody>
					${list.items.map((x) => {
						const pool = seatPool(x);
						const live = pool && usable(pool);
						return html`<tr key=${x.id}>
							<td data-label=${t('dev.code')}><strong class="code">${x.code}</strong></td>
							<td data-label=${t('dev.name')}>${x.name || '—'}</td>
							<td data-label=${t('dev.platform')}>${x.platform || '—'}</td>
							<td data-label=${t('dev.person')}>
								${!x.user
									? '—'
									: can(org, 'members:read')
										? html`<${Link} href=${`/orgs/${org.id}/users/${x.user.id}`}>${x.user.email}<//>`
										: x.user.email}
							</td>
							<td data-label=${t('dev.status')}>
								<${StatusBadge} status=${x.status} />
								${x.license && html`<div class="muted small">${x.license.product}</div>`}
							</td>
							<td data-label=${t('dev.lastSeen')}>${x.last_seen_at ? formatDateTime(x.last_seen_at) : t('dev.never')}</td>
							${actions &&
							html`<td><div class="row-actions">
								${canAssign(x) &&
								html`<button type="button" class="secondary" disabled=${busy} aria-label=${t('dev.assignTo', x.code)} onClick=${() => startAssign(x)}>
									${t('dev.assign')}
								</button>`}
								${assigner &&
								pool &&
								html`<button type="button" class="secondary" aria-label=${t('dev.removeOf', x.code)} onClick=${() => setDialog({ kind: 'remove', device: x })}>
									${t('dev.remove')}
								</button>`}
								${assigner &&
								live &&
								html`<button type="button" class="secondary" aria-label=${t('dev.moveOf', x.code)} onClick=${() => setDialog({ kind: 'move', device: x })}>
									${t('dev.move')}
								</button>`}
								${writer &&
								html`<button type="button" class="danger" aria-label=${t('dev.deactivateOf', x.code)} onClick=${() => setDialog({ kind: 'deactivate', device: x })}>
									${t('dev.deactivate')}
								</button>`}
							</div></td>`}
						</tr>`;
					})}
				</tbody>
			</table>
		<//>
		${list.loading && !list.items.length && html`<${Loading} />`}
		${!list.loading && !list.error && !list.items.length && html`<p>${filtered ? t('dev.noMatch') : t('dev.none')}</p>`}
		<${MoreButton} list=${list} />
		${dialog &&
		dialog.kind === 'assign' &&
		html`<${Confirm}
			title=${t('dev.assignTo', d.code)}
			confirmLabel=${t('dev.assign')}
			danger=${false}
			busy=${busy}
			onConfirm=${() => assignChosen(d)}
			onClose=${close}
		>
			<p>${t('dev.assignBody')}</p>
			<${Select}
				label=${t('dev.assignPick')}
				name="license_id"
				value=${poolChoice}
				options=${open.map((p) => ({ value: p.id, label: t('dev.poolOption', p.plan ? `${p.product} · ${p.plan}` : p.product, p.free) }))}
				onValue=${setPoolChoice}
			/>
			<${ErrorBox} error=${dialogError} explain=${deviceErrorText} />
		<//>`}
		${dialog &&
		dialog.kind === 'remove' &&
		html`<${Confirm}
			title=${t('dev.removeTitle', d.code)}
			confirmLabel=${t('dev.remove')}
			busy=${busy}
			onConfirm=${() => removeSeat(d)}
			onClose=${close}
		>
			<p>${t('dev.removeBody', d.license.product)}</p>
			<${ErrorBox} error=${dialogError} explain=${deviceErrorText} />
		<//>`}
		${dialog &&
		dialog.kind === 'move' &&
		html`<${Confirm} title=${t('dev.moveOf', d.code)} onClose=${close}>
			<p>${t('dev.moveBody')}</p>
			<${ErrorBox} error=${dialogError} explain=${deviceErrorText} />
			<${DevicePicker}
				org=${org}
				label=${t('dev.pickSearch')}
				actionLabel=${(code) => t('dev.moveTo', code)}
				exclude=${[d.id]}
				busy=${busy}
				onPick=${(to) => move(d, to)}
			/>
		<//>`}
		${dialog &&
		dialog.kind === 'deactivate' &&
		html`<${Confirm}
			title=${t('dev.deactivateTitle', d.code)}
			confirmLabel=${t('dev.deactivateOf', d.code)}
			busy=${busy}
			onConfirm=${() => deactivate(d)}
			onClose=${close}
		>
			<p>${t('dev.deactivateToken')}</p>
			<p>
				${devicePools === null
					? t('dev.deactivateAnySeat')
					: seatPool(d)
						? t('dev.deactivateSeat', d.license.product)
						: t('dev.deactivateNoSeat')}
			</p>
			<p>${t('dev.deactivateBack')}</p>
			<${ErrorBox} error=${dialogError} explain=${deviceErrorText} />
		<//>`}`;
}
