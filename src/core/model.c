#include "core/model.h"

#include "base/text.h"

#include <string.h>

NAMED_ENUM(ORG_TYPES, org_type, ORG_TYPE__COUNT, org_type_name, org_type_parse)
NAMED_ENUM(ORG_KINDS, org_kind, ORG_KIND__COUNT, org_kind_name, org_kind_parse)
NAMED_ENUM(ORG_STATES, org_state, ORG_STATE__COUNT, org_state_name, org_state_parse)
NAMED_ENUM(USER_STATES, user_state, USER_STATE__COUNT, user_state_name, user_state_parse)
NAMED_ENUM(OUTBOX_STATES, outbox_state, OUTBOX_STATE__COUNT, outbox_state_name, outbox_state_parse)
NAMED_ENUM(LICENSE_STATES, license_state, LICENSE_STATE__COUNT, license_state_name, license_state_parse)
NAMED_ENUM(LICENSE_UNITS, license_unit, LICENSE_UNIT__COUNT, license_unit_name, license_unit_parse)
NAMED_ENUM(SEAT_SOURCES, seat_source, SEAT_SOURCE__COUNT, seat_source_name, seat_source_parse)

/* Whether a stored word is the word of that value. */
static bool is(const char *stored, const char *word)
{
	return stored && !strcmp(stored, word);
}

bool org_has_type(const struct org *o, org_type t)
{
	return is(o->type, org_type_name(t));
}

bool org_has_kind(const struct org *o, org_kind k)
{
	return is(o->kind, org_kind_name(k));
}

bool org_has_state(const struct org *o, org_state st)
{
	return is(o->state, org_state_name(st));
}

bool user_has_state(const struct user *u, user_state st)
{
	return is(u->state, user_state_name(st));
}
