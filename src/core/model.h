#ifndef ROSTER_CORE_MODEL_H
#define ROSTER_CORE_MODEL_H

#include <stdbool.h>
#include <stdint.h>

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
	/* The member as the API shows it, kept with the membership (core/member_card.h). */
	const char *card;
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

/* Which events of an organization a page of its audit log shows. */
struct audit_query {
	const char *org_id;
	const char *action, *actor_id; /* NULL: any */
	int64_t since, until;          /* [since, until); 0: open */
	int64_t after_at;              /* cursor (newest first); 0: from the newest */
	const char *after_id;
	int limit;
};

#endif
