#ifndef ROSTER_CORE_MODEL_H
#define ROSTER_CORE_MODEL_H

#include <stdbool.h>
#include <stdint.h>

/* ---- named states: the words stored and shown, each an enum ---- */

#define ORG_TYPES(X) X(ORG_ENTERPRISE, "enterprise") X(ORG_PARTNER, "partner") X(ORG_CUSTOMER, "customer")
#define ORG_KINDS(X) X(ORG_CORPORATE, "corporate") X(ORG_INDIVIDUAL, "individual") /* customers only */
#define ORG_STATES(X) X(ORG_ACTIVE, "active") X(ORG_CLOSED, "closed")              /* core/orgs.c: the machine */
#define USER_STATES(X) X(USER_ACTIVE, "active") X(USER_DISABLED, "disabled")
#define OUTBOX_STATES(X)                                                                                               \
	X(OUTBOX_QUEUED, "queued") X(OUTBOX_SENDING, "sending") X(OUTBOX_SENT, "sent") X(OUTBOX_FAILED, "failed")

#define MODEL_ENUM_ITEM_(id, name) id,
typedef enum { ORG_TYPES(MODEL_ENUM_ITEM_) ORG_TYPE__COUNT } org_type;
typedef enum { ORG_KINDS(MODEL_ENUM_ITEM_) ORG_KIND__COUNT } org_kind;
typedef enum { ORG_STATES(MODEL_ENUM_ITEM_) ORG_STATE__COUNT } org_state;
typedef enum { USER_STATES(MODEL_ENUM_ITEM_) USER_STATE__COUNT } user_state;
typedef enum { OUTBOX_STATES(MODEL_ENUM_ITEM_) OUTBOX_STATE__COUNT } outbox_state;

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
