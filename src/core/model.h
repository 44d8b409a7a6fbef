#ifndef ROSTER_CORE_MODEL_H
#define ROSTER_CORE_MODEL_H

#include <stdbool.h>
#include <stdint.h>

/* ---- named states: the words stored and shown, each an enum ---- */

#define ORG_TYPES(X) X(ORG_ENTERPRISE, "enterprise") X(ORG_PARTNER, "partner") X(ORG_CUSTOMER, "customer")
#define ORG_KINDS(X) X(ORG_CORPORATE, "corporate") X(ORG_INDIVIDUAL, "individual") /* customers only */
#define ORG_STATES(X) X(ORG_ACTIVE, "active") X(ORG_CLOSED, "closed")              /* core/orgs.c: the machine */
#define USER_STATES(X) X(USER_ACTIVE, "active") X(USER_DISABLED, "disabled")
/* A pool's stored state; one past its ends_at reads as LICENSE_EXPIRED (core/licenses.c). */
#define LICENSE_STATES(X)                                                                                              \
	X(LICENSE_TRIAL, "trial")                                                                                      \
	X(LICENSE_ACTIVE, "active") X(LICENSE_EXPIRED, "expired") X(LICENSE_CANCELLED, "cancelled")
#define LICENSE_UNITS(X) X(LICENSE_PER_USER, "user") X(LICENSE_PER_DEVICE, "device")
#define SEAT_SOURCES(X) X(SEAT_MANUAL, "manual") X(SEAT_AUTO, "auto") X(SEAT_INVITATION, "invitation")
#define OUTBOX_STATES(X)                                                                                               \
	X(OUTBOX_QUEUED, "queued") X(OUTBOX_SENDING, "sending") X(OUTBOX_SENT, "sent") X(OUTBOX_FAILED, "failed")

#define MODEL_ENUM_ITEM_(id, name) id,
typedef enum { ORG_TYPES(MODEL_ENUM_ITEM_) ORG_TYPE__COUNT } org_type;
typedef enum { ORG_KINDS(MODEL_ENUM_ITEM_) ORG_KIND__COUNT } org_kind;
typedef enum { ORG_STATES(MODEL_ENUM_ITEM_) ORG_STATE__COUNT } org_state;
typedef enum { USER_STATES(MODEL_ENUM_ITEM_) USER_STATE__COUNT } user_state;
typedef enum { OUTBOX_STATES(MODEL_ENUM_ITEM_) OUTBOX_STATE__COUNT } outbox_state;
typedef enum { LICENSE_STATES(MODEL_ENUM_ITEM_) LICENSE_STATE__COUNT } license_state;
typedef enum { LICENSE_UNITS(MODEL_ENUM_ITEM_) LICENSE_UNIT__COUNT } license_unit;
typedef enum { SEAT_SOURCES(MODEL_ENUM_ITEM_) SEAT_SOURCE__COUNT } seat_source;

/* The stored word of each; parse: false for a word that is none of them. */
const char *org_type_name(org_type v);
bool org_type_parse(const char *s, org_type *out);
const char *org_kind_name(org_kind v);
bool org_kind_parse(const char *s, org_kind *out);
const char *org_state_name(org_state v);
bool org_state_parse(const char *s, org_state *out);
const char *user_state_name(user_state v);
bool user_state_parse(const char *s, user_state *out);
const char *outbox_state_name(outbox_state v);
bool outbox_state_parse(const char *s, outbox_state *out);
const char *license_state_name(license_state v);
bool license_state_parse(const char *s, license_state *out);
const char *license_unit_name(license_unit v);
bool license_unit_parse(const char *s, license_unit *out);
const char *seat_source_name(seat_source v);
bool seat_source_parse(const char *s, seat_source *out);

/* The things roster keeps, as every layer sees them: store fills them from
 * the database, core decides on them, api renders them. Plain data; the
 * strings belong to whoever filled the struct (usually a request's arena). */

struct user {
	const char *id;
	const char *email;
	const char *first_name, *last_name, *company;
	const char *language;
	const char *password_hash; /* NULL until set */
	const char *state;         /* "active" | "disabled" */
	bool is_operator;
	int64_t created_at, updated_at;
};

struct session {
	const char *id;
	const char *user_id;
	int64_t created_at, last_seen_at, expires_at;
};

struct org {
	const char *id, *name, *type, *kind, *provider_id, *state, *settings;
	int64_t created_at, updated_at;
};

/* A custom role as stored: permissions is "a,b,c". */
struct role_row {
	const char *name, *description, *permissions;
	int64_t created_at, updated_at;
};

struct member {
	const char *org_id, *role, *source, *created_by;
	int64_t created_at;
	struct user user;
	/* The member as the API shows it, kept with the membership, and the
	 * version of the renderer that wrote it (core/member_card.h). */
	const char *card;
	int card_version;
};

/* One member of a page: sort_key is the value the page is ordered by, for
 * the next cursor. The strings live until the callback returns. */
struct member_item {
	const char *user_id, *sort_key, *card;
};
typedef void (*member_item_cb)(const struct member_item *it, void *arg);

struct team {
	const char *id, *org_id, *name;
	const char *lead_user_id; /* or NULL */
	int64_t created_at, updated_at;
};

/* A license pool as stored; state is the stored word (see license_effective_state). */
struct license_pool {
	const char *id, *org_id, *product, *plan, *unit, *state;
	int64_t seats, used, reserved;
	int64_t waiting; /* on its waiting list (read, never written) */
	bool auto_assign;
	int64_t starts_at, ends_at;
	int offline_days;
	int max_transfers_per_month; /* -1: unlimited */
	const char *created_by;
	int64_t created_at, updated_at;
};

/* A seat in use, with its holder's email (and device, for per-device pools). */
struct seat_row {
	const char *pool_id, *holder_id, *user_id, *device_id, *email, *first_name, *last_name, *source, *assigned_by;
	int64_t assigned_at;
	const char *device_code, *device_name; /* per-device pools; NULL otherwise */
};

/* An organization as one caller sees it: their role in it, and in its
 * provider's organization (for a customer), what authz decides on. */
struct org_view {
	struct org org;
	const char *role, *provider_role;
	const char *provider_type;
	bool provider_closed;
	bool in_provider_team;
};
/* A device as the lists show it. status is read, never written: licensed
 * (a usable seat of its own or of its user), waiting (on a waiting list),
 * expired (seats only of pools that ended or were cancelled), unlicensed. */
#define DEVICE_STATUSES(X)                                                                                             \
	X(DEVICE_LICENSED, "licensed")                                                                                 \
	X(DEVICE_UNLICENSED, "unlicensed") X(DEVICE_WAITING, "waiting") X(DEVICE_EXPIRED, "expired")
struct device {
	const char *id, *org_id, *code, *code_key, *name, *platform, *state;
	const char *user_id, *email, *first_name, *last_name; /* its user, or NULL */
	const char *status;
	const char *license_id, *license_product; /* the pool that licenses it (or last did), or NULL */
	int64_t activated_at, last_seen_at, deactivated_at, created_at;
};
typedef void (*device_cb)(const struct device *d, void *arg);

/* A seat of a per-user pool, as a member's detail shows it. */
struct member_seat {
	const char *license_id, *product, *source;
	int64_t assigned_at;
};
typedef void (*seat_row_cb)(const struct seat_row *s, void *arg);

struct audit_row {
	const char *id, *org_id, *actor_id, *action, *target_type, *target_id, *request_id, *client_addr, *details;
	int64_t at;
};
typedef void (*audit_row_cb)(const struct audit_row *r, void *arg);

/* Whether a stored word names this state (false for NULL). */
bool org_has_type(const struct org *o, org_type t);
bool org_has_kind(const struct org *o, org_kind k);
bool org_has_state(const struct org *o, org_state st);
bool user_has_state(const struct user *u, user_state st);

#endif
