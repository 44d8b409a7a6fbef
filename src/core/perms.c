#include "core/perms.h"

#include "base/text.h"

#include <string.h>

NAMED_ENUM(PERMISSIONS, perm, PERM__COUNT, perm_name, perm_parse)

bool permset_parse_list(const char *csv, permset *out, const char **out_bad, struct arena *a)
{
	*out = 0;
	for (const char *p = csv; *p;) {
		size_t len = strcspn(p, ",");
		char *name = arena_strndup(a, p, len);
		perm pm;
		if (len) {
			if (!perm_parse(name, &pm)) {
				if (out_bad)
					*out_bad = name;
				return false;
			}
			*out |= PERMSET(pm);
		}
		p += len;
		if (*p == ',')
			p++;
	}
	return true;
}

char *permset_format(struct arena *a, permset s)
{
	size_t cap = 1;
	for (int i = 0; i < PERM__COUNT; i++)
		cap += strlen(perm_name((perm)i)) + 1;
	char *out = arena_alloc(a, cap), *o = out;
	for (int i = 0; i < PERM__COUNT; i++) {
		if (!(s & PERMSET(i)))
			continue;
		if (o != out)
			*o++ = ',';
		size_t n = strlen(perm_name((perm)i));
		memcpy(o, perm_name((perm)i), n);
		o += n;
	}
	*o = '\0';
	return out;
}

#define P(x) PERMSET(PERM_##x)

/* Which built-in role holds which permission (DESIGN.md §2). */
const struct builtin_role builtin_roles[] = {
        {ROLE_ADMINISTRATOR, "Everything in the organization.", PERMSET_ALL},
        {"department_admin", "Members and resources of the teams they lead.",
         P(MEMBERS_READ) | P(MEMBERS_WRITE) | P(INVITATIONS_WRITE) | P(LICENSES_READ) | P(LICENSES_ASSIGN) |
                 P(DEVICES_READ) | P(DEVICES_WRITE) | P(DASHBOARD_READ)},
        {"content_creator", "Templates and service cases.",
         P(TEMPLATES_READ) | P(TEMPLATES_WRITE) | P(CASES_READ) | P(CASES_WRITE) | P(DASHBOARD_READ)},
        {"moderator", "Devices, service cases and video sessions; reads members.",
         P(MEMBERS_READ) | P(DEVICES_READ) | P(DEVICES_WRITE) | P(CASES_READ) | P(CASES_WRITE) | P(DASHBOARD_READ)},
        {"member", "Their own data and the organization's public facts.", 0},
};
const int builtin_roles_count = sizeof builtin_roles / sizeof builtin_roles[0];

const struct builtin_role *role_builtin(const char *name)
{
	for (int i = 0; i < builtin_roles_count; i++)
		if (!strcmp(builtin_roles[i].name, name))
			return &builtin_roles[i];
	return NULL;
}
