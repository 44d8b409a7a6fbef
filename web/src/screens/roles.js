// Roles: the built-in ones and the organization's own, each with its
// permissions in plain words; create, edit and delete the organization's own.
import { useState } from 'preact/hooks';
import { del, get, orgPath, patch, post } from '../api.js';
import { addWords, t } from '../i18n.js';
import { Link, navigate, queryParam } from '../router.js';
import { can } from '../session.js';
import { html, useAsync, useForm, Confirm, ErrorBox, Field, Loading, PageHeader, TableWrap, TextArea } from '../ui.js';

// In the order of the API's Permission enumeration.
export const PERMISSIONS = [
	'members:read',
	'members:write',
	'invitations:write',
	'roles:write',
	'licenses:read',
	'licenses:assign',
	'devices:read',
	'devices:write',
	'cases:read',
	'cases:write',
	'templates:read',
	'templates:write',
	'customers:read',
	'customers:write',
	'teams:write',
	'org:write',
	'audit:read',
	'dashboard:read',
];
const BUILTIN = ['administrator', 'department_admin', 'content_creator', 'moderator', 'member'];

addWords({
	en: {
		'role.administrator': 'Administrator',
		'role.department_admin': 'Department administrator',
		'role.content_creator': 'Content creator',
		'role.moderator': 'Moderator',
		'role.member': 'Member',
		'perm.members:read': 'See the members',
		'perm.members:write': 'Add, change and remove members',
		'perm.invitations:write': 'Invite people',
		'perm.roles:write': 'Create and change roles',
		'perm.licenses:read': 'See the licenses and seats',
		'perm.licenses:assign': 'Assign, remove and move seats',
		'perm.devices:read': 'See the devices',
		'perm.devices:write': 'Manage the devices',
		'perm.cases:read': 'See the service cases',
		'perm.cases:write': 'Handle the service cases',
		'perm.templates:read': 'See the templates',
		'perm.templates:write': 'Write the templates',
		'perm.customers:read': 'See the customers',
		'perm.customers:write': 'Manage the customers and act in them',
		'perm.teams:write': 'Manage the teams',
		'perm.org:write': 'Change the organization’s settings',
		'perm.audit:read': 'Read the audit log',
		'perm.dashboard:read': 'See the dashboard',
		'roles.title': 'Roles',
		'roles.create': 'Create role',
		'roles.name': 'Name',
		'roles.description': 'Description',
		'roles.permissions': 'Permissions',
		'roles.builtin': 'Built in',
		'roles.own': 'This organization’s',
		'roles.kind': 'Kind',
		'roles.list': 'Roles',
		'roles.nameHint': 'Lower-case letters, digits, “_” and “-”; it cannot be changed later.',
		'roles.nameInvalid': 'Use only lower-case letters, digits, “_” and “-”, at most 64.',
		'roles.newTitle': 'Create a role',
		'roles.editTitle': (name) => `Role ${name}`,
		'roles.builtinNote': 'A built-in role cannot be changed or deleted.',
		'roles.delete': 'Delete the role',
		'roles.deleteBody': (name) =>
			`The role ${name} disappears from this organization. It can only be deleted when no member has it.`,
		'roles.saved': 'The role is saved.',
		'roles.count': (n) => (n === 1 ? '1 permission' : `${n} permissions`),
	},
	fr: {
		'role.administrator': 'Administrateur',
		'role.department_admin': 'Administrateur de département',
		'role.content_creator': 'Créateur de contenu',
		'role.moderator': 'Modérateur',
		'role.member': 'Membre',
		'perm.members:read': 'Voir les membres',
		'perm.members:write': 'Ajouter, modifier et retirer des membres',
		'perm.invitations:write': 'Inviter des personnes',
		'perm.roles:write': 'Créer et modifier des rôles',
		'perm.licenses:read': 'Voir les licences et les sièges',
		'perm.licenses:assign': 'Attribuer, retirer et déplacer des sièges',
		'perm.devices:read': 'Voir les appareils',
		'perm.devices:write': 'Gérer les appareils',
		'perm.cases:read': 'Voir les dossiers de service',
		'perm.cases:write': 'Traiter les dossiers de service',
		'perm.templates:read': 'Voir les modèles',
		'perm.templates:write': 'Rédiger les modèles',
		'perm.customers:read': 'Voir les clients',
		'perm.customers:write': 'Gérer les clients et agir chez eux',
		'perm.teams:write': 'Gérer les équipes',
		'perm.org:write': 'Modifier les paramètres de l’organisation',
		'perm.audit:read': 'Lire le journal d’audit',
		'perm.dashboard:read': 'Voir le tableau de bord',
		'roles.title': 'Rôles',
		'roles.create': 'Créer un rôle',
		'roles.name': 'Nom',
		'roles.description': 'Description',
		'roles.permissions': 'Permissions',
		'roles.builtin': 'Prédéfini',
		'roles.own': 'Propre à l’organisation',
		'roles.kind': 'Type',
		'roles.list': 'Rôles',
		'roles.nameHint': 'Lettres minuscules, chiffres, « _ » et « - » ; il ne pourra plus être changé.',
		'roles.nameInvalid': 'Uniquement des lettres minuscules, des chiffres, « _ » et « - », 64 au plus.',
		'roles.newTitle': 'Créer un rôle',
		'roles.editTitle': (name) => `Rôle ${name}`,
		'roles.builtinNote': 'Un rôle prédéfini ne peut être ni modifié ni supprimé.',
		'roles.delete': 'Supprimer le rôle',
		'roles.deleteBody': (name) =>
			`Le rôle ${name} disparaît de cette organisation. Il ne peut être supprimé que si aucun membre ne l’a.`,
		'roles.saved': 'Le rôle est enregistré.',
		'roles.count': (n) => (n <= 1 ? `${n} permission` : `${n} permissions`),
	},
	de: {
		'role.administrator': 'Administrator',
		'role.department_admin': 'Abteilungsadministrator',
		'role.content_creator': 'Inhaltsersteller',
		'role.moderator': 'Moderator',
		'role.member': 'Mitglied',
		'perm.members:read': 'Mitglieder sehen',
		'perm.members:write': 'Mitglieder hinzufügen, ändern und entfernen',
		'perm.invitations:write': 'Personen einladen',
		'perm.roles:write': 'Rollen anlegen und ändern',
		'perm.licenses:read': 'Lizenzen und Plätze sehen',
		'perm.licenses:assign': 'Plätze zuweisen, entziehen und verschieben',
		'perm.devices:read': 'Geräte sehen',
		'perm.devices:write': 'Geräte verwalten',
		'perm.cases:read': 'Servicefälle sehen',
		'perm.cases:write': 'Servicefälle bearbeiten',
		'perm.templates:read': 'Vorlagen sehen',
		'perm.templates:write': 'Vorlagen schreiben',
		'perm.customers:read': 'Kunden sehen',
		'perm.customers:write': 'Kunden verwalten und in ihnen handeln',
		'perm.teams:write': 'Teams verwalten',
		'perm.org:write': 'Einstellungen der Organisation ändern',
		'perm.audit:read': 'Das Protokoll lesen',
		'perm.dashboard:read': 'Das Dashboard sehen',
		'roles.title': 'Rollen',
		'roles.create': 'Rolle anlegen',
		'roles.name': 'Name',
		'roles.description': 'Beschreibung',
		'roles.permissions': 'Berechtigungen',
		'roles.builtin': 'Vordefiniert',
		'roles.own': 'Eigene der Organisation',
		'roles.kind': 'Art',
		'roles.list': 'Rollen',
		'roles.nameHint': 'Kleinbuchstaben, Ziffern, „_“ und „-“; später nicht mehr änderbar.',
		'roles.nameInvalid': 'Nur Kleinbuchstaben, Ziffern, „_“ und „-“, höchstens 64.',
		'roles.newTitle': 'Rolle anlegen',
		'roles.editTitle': (name) => `Rolle ${name}`,
		'roles.builtinNote': 'Eine vordefinierte Rolle kann weder geändert noch gelöscht werden.',
		'roles.delete': 'Rolle löschen',
		'roles.deleteBody': (name) =>
			`Die Rolle ${name} verschwindet aus dieser Organisation. Sie kann nur gelöscht werden, wenn kein Mitglied sie hat.`,
		'roles.saved': 'Die Rolle ist gespeichert.',
		'roles.count': (n) => (n === 1 ? '1 Berechtigung' : `${n} Berechtigungen`),
	},
});

export const roleLabel = (name) => (BUILTIN.includes(name) ? t(`role.${name}`) : name);

function PermissionList({ permissions }) {
	if (!permissions.length) return html`<span class="muted">${t('app.none')}</span>`;
	return html`<ul class="perms">
		${permissions.map((p) => html`<li>${t(`perm.${p}`)}</li>`)}
	</ul>`;
}

export function Roles({ org }) {
	const roles = useAsync(() => get(orgPath(org.id, '/roles')).then((r) => r.items), [org.id]);
	const writable = can(org, 'roles:write');
	return html`
		<${PageHeader} title=${t('roles.title')}>
			${writable && html`<${Link} class="button" href=${`/orgs/${org.id}/roles/new`}>${t('roles.create')}<//>`}
		<//>
		<${ErrorBox} error=${roles.error} />
		${roles.loading && !roles.data && html`<${Loading} />`}
		${roles.data &&
		html`<${TableWrap} label=${t('roles.list')}>
			<table>
				<thead>
					<tr>
						<th scope="col">${t('roles.name')}</th>
						<th scope="col">${t('roles.kind')}</th>
						<th scope="col">${t('roles.permissions')}</th>
					</tr>
				</thead>
				<tbody>
					${roles.data.map(
						(r) => html`<tr key=${r.name}>
							<td>
								<${Link} href=${`/orgs/${org.id}/roles/${encodeURIComponent(r.name)}`}>${roleLabel(r.name)}<//>
								${r.description && html`<div class="muted">${r.description}</div>`}
							</td>
							<td>${r.builtin ? t('roles.builtin') : t('roles.own')}</td>
							<td><${PermissionList} permissions=${r.permissions} /></td>
						</tr>`,
					)}
				</tbody>
			</table>
		<//>`}`;
}

export function RoleEdit({ org, params }) {
	const isNew = !params.role;
	const roles = useAsync(() => (isNew ? Promise.resolve(null) : get(orgPath(org.id, '/roles'))), [org.id, params.role]);
	if (roles.error) return html`<${PageHeader} title=${t('roles.title')} /><${ErrorBox} error=${roles.error} />`;
	if (!isNew && !roles.data) return html`<${Loading} />`;
	const role = isNew ? null : roles.data.items.find((r) => r.name === params.role);
	if (!isNew && !role)
		return html`<${PageHeader} title=${t('roles.title')} /><${ErrorBox} error=${{ code: 'not_found' }} />`;
	return html`<${RoleForm} key=${params.role || 'new'} org=${org} role=${role} />`;
}

function RoleForm({ org, role }) {
	const isNew = !role;
	const readOnly = !!(role && role.builtin) || !can(org, 'roles:write');
	const f = useForm(
		{ name: role ? role.name : '', description: role ? role.description : '', permissions: role ? role.permissions : [] },
		['name', 'description', 'permissions'],
		(err) => (err.field === 'name' && err.code === 'invalid' ? t('roles.nameInvalid') : undefined),
	);
	// A new role's form is replaced by its own page once created: the query
	// carries the confirmation there, as for a new user.
	const [saved, setSaved] = useState(() => !isNew && queryParam('done') === 'created');
	const [confirm, setConfirm] = useState(false);
	const [deleteError, setDeleteError] = useState(null);
	const [busy, setBusy] = useState(false);
	const toggle = (p, on) =>
		f.set(
			'permissions',
			PERMISSIONS.filter((x) => (x === p ? on : f.values.permissions.includes(x))),
		);
	async function submit(ev) {
		ev.preventDefault();
		setSaved(false);
		await f.submit(async (v) => {
			if (isNew) {
				const r = await post(orgPath(org.id, '/roles'), v);
				navigate(`/orgs/${org.id}/roles/${encodeURIComponent(r.name)}?done=created`, { replace: true });
				return;
			}
			await patch(orgPath(org.id, `/roles/${encodeURIComponent(role.name)}`), {
				description: v.description,
				permissions: v.permissions,
			});
			setSaved(true);
		});
	}
	async function remove() {
		setBusy(true);
		try {
			await del(orgPath(org.id, `/roles/${encodeURIComponent(role.name)}`));
			navigate(`/orgs/${org.id}/roles`);
		} catch (err) {
			setConfirm(false);
			setDeleteError(err);
		} finally {
			setBusy(false);
		}
	}
	const title = isNew ? t('roles.newTitle') : t('roles.editTitle', roleLabel(role.name));
	return html`
		<${PageHeader} title=${title}>
			<${Link} class="button secondary" href=${`/orgs/${org.id}/roles`}>${t('app.back')}<//>
		<//>
		${role && role.builtin && html`<p class="notice">${t('roles.builtinNote')}</p>`}
		<form class="card form" onSubmit=${submit} novalidate>
			${isNew
				? html`<${Field} label=${t('roles.name')} hint=${t('roles.nameHint')} required autocomplete="off" ...${f.bind('name')} />`
				: html`<p><strong>${t('roles.name')}:</strong> ${role.name}</p>`}
			<${TextArea} label=${t('roles.description')} optional disabled=${readOnly} rows="2" ...${f.bind('description')} />
			<fieldset aria-describedby=${f.errors.permissions ? 'perm-error' : undefined}>
				<legend>${t('roles.permissions')}</legend>
				<div class="perm-grid">
					${PERMISSIONS.map(
						(p) => html`<div class="check">
							<input
								id=${`perm-${p}`}
								type="checkbox"
								checked=${f.values.permissions.includes(p)}
								disabled=${readOnly}
								onChange=${(e) => toggle(p, e.currentTarget.checked)}
							/>
							<label for=${`perm-${p}`}>${t(`perm.${p}`)} <code>${p}</code></label>
						</div>`,
					)}
				</div>
				${f.errors.permissions && html`<p id="perm-error" class="field-error">${f.errors.permissions}</p>`}
			</fieldset>
			<${ErrorBox} error=${f.error} />
			${saved && html`<p class="notice" role="status">${t('roles.saved')}</p>`}
			${!readOnly &&
			html`<div class="actions">
				<button type="submit" disabled=${f.busy}>${isNew ? t('app.create') : t('app.save')}</button>
			</div>`}
		</form>
		${!isNew &&
		!readOnly &&
		html`<section class="card danger-zone" aria-labelledby="delete-title">
			<h2 id="delete-title">${t('roles.delete')}</h2>
			<p>${t('roles.deleteBody', role.name)}</p>
			<${ErrorBox} error=${deleteError} />
			<div class="actions"><button type="button" class="danger" onClick=${() => setConfirm(true)}>${t('roles.delete')}</button></div>
		</section>`}
		${confirm &&
		html`<${Confirm} title=${t('roles.delete')} confirmLabel=${t('roles.delete')} busy=${busy} onConfirm=${remove} onClose=${() => setConfirm(false)}>
			<p>${t('roles.deleteBody', role.name)}</p>
		<//>`}`;
}
