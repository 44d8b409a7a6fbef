#ifndef ROSTER_CORE_PERMS_H
#define ROSTER_CORE_PERMS_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"

/* The permissions (DESIGN.md §2) and the built-in roles: one table that
 * says which role holds which. A set of permissions is a bit mask. */

#define PERMISSIONS(X)                                                                                                 \
	X(MEMBERS_READ, "members:read")                                                                                \
	X(MEMBERS_WRITE, "members:write")                                                                              \
	X(INVITATIONS_WRITE, "invitations:write")                                                                      \
	X(ROLES_WRITE, "roles:write")                                                                                  \
	X(LICENSES_READ, "licenses:read")                                                                              \
	X(LICENSES_ASSIGN, "licenses:assign")                                                                          \
	X(DEVICES_READ, "devices:read")                                                                                \
	X(DEVICES_WRITE, "devices:write")                                                                              \
	X(CASES_READ, "cases:read")                                                                                    \
	X(CASES_WRITE, "cases:write")                                                                                  \
	X(TEMPLATES_READ, "templates:read")                                                                            \
	X(TEMPLATES_WRITE, "templates:write")                                                                          \
	X(CUSTOMERS_READ, "customers:read")                                                                            \
	X(CUSTOMERS_WRITE, "customers:write")                                                                          \
	X(TEAMS_WRITE, "teams:write")                                                                                  \
	X(ORG_WRITE, "org:write")                                                                                      \
	X(AUDIT_READ, "audit:read")                                                                                    \
	X(DASHBOARD_READ, "dashboard:read")

typedef enum {
#define X(id, name) PERM_##id,
	PERMISSIONS(X)
#undef X
	        PERM__COUNT,
	PERM_NONE = PERM__COUNT, /* "any access to the organization" */
} perm;

typedef uint32_t permset;
#define PERMSET(p) ((permset)1 << (p))
#define PERMSET_ALL (PERMSET(PERM__COUNT) - 1)

const char *perm_name(perm p);
/* False when name is not a permission. */
bool perm_parse(const char *name, perm *out);
static inline bool permset_has(permset s, perm p)
{
	return p == PERM_NONE || (s & PERMSET(p));
}

/* "a,b,c" <-> set; parsing fails on an unknown name (*out_bad names it). */
bool permset_parse_list(const char *csv, permset *out, const char **out_bad, struct arena *a);
char *permset_format(struct arena *a, permset s);

#define ROLE_ADMINISTRATOR "administrator"

struct builtin_role {
	const char *name;
	const char *description;
	permset perms;
};
extern const struct builtin_role builtin_roles[];
extern const int builtin_roles_count;
/* NULL when name is not built in. */
const struct builtin_role *role_builtin(const char *name);

#endif
