#include "core/model.h"

#include "base/text.h"

#include <string.h>

#define MODEL_NAME_(id, name) name,
static const char *const org_types[] = {ORG_TYPES(MODEL_NAME_)};
static const char *const org_kinds[] = {ORG_KINDS(MODEL_NAME_)};
static const char *const org_states[] = {ORG_STATES(MODEL_NAME_)};
static const char *const user_states[] = {USER_STATES(MODEL_NAME_)};
static const char *const outbox_states[] = {OUTBOX_STATES(MODEL_NAME_)};

static const char *name_of(const char *const *names, int n, int v)
{
	return v >= 0 && v < n ? names[v] : "";
}

static bool is(const char *stored, const char *const *names, int n, int v)
{
	return stored && !strcmp(stored, name_of(names, n, v));
}

const char *org_type_name(org_type v)
{
	return name_of(org_types, ORG_TYPE__COUNT, (int)v);
}

bool org_type_parse(const char *s, org_type *out)
{
	int i = names_find(org_types, ORG_TYPE__COUNT, s);
	if (i >= 0)
		*out = (org_type)i;
	return i >= 0;
}

const char *org_kind_name(org_kind v)
{
	return name_of(org_kinds, ORG_KIND__COUNT, (int)v);
}

bool org_kind_parse(const char *s, org_kind *out)
{
	int i = names_find(org_kinds, ORG_KIND__COUNT, s);
	if (i >= 0)
		*out = (org_kind)i;
	return i >= 0;
}

const char *org_state_name(org_state v)
{
	return name_of(org_states, ORG_STATE__COUNT, (int)v);
}

const char *user_state_name(user_state v)
{
	return name_of(user_states, USER_STATE__COUNT, (int)v);
}

const char *outbox_state_name(outbox_state v)
{
	return name_of(outbox_states, OUTBOX_STATE__COUNT, (int)v);
}

bool org_has_type(const struct org *o, org_type t)
{
	return is(o->type, org_types, ORG_TYPE__COUNT, (int)t);
}

bool org_has_kind(const struct org *o, org_kind k)
{
	return is(o->kind, org_kinds, ORG_KIND__COUNT, (int)k);
}

bool org_has_state(const struct org *o, org_state st)
{
	return is(o->state, org_states, ORG_STATE__COUNT, (int)st);
}

bool user_has_state(const struct user *u, user_state st)
{
	return is(u->state, user_states, USER_STATE__COUNT, (int)st);
}
