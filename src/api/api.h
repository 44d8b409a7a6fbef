#ifndef ROSTER_API_API_H
#define ROSTER_API_API_H

#include <stddef.h>

#include "base/json.h"
#include "base/jsonw.h"
#include "core/accounts.h"
#include "core/authz.h"
#include "core/ctx.h"
#include "core/list.h"
#include "core/model.h"
#include "http/http.h"

/* The JSON API: each route's handler parses the request, calls core once
 * with the request's context, and renders the answer. api_dispatch()
 * does what every route declares it needs before its handler runs. */

#define API_SESSION_COOKIE "roster_session"
#define API_CSRF_HEADER "X-Roster-CSRF"

/* One API request on its way to core: the context core is given (its
 * who and access point into this struct once known), and the parsed body. */
struct api_call {
	struct ctx ctx;
	json_t *body; /* R_JSON routes: the JSON object */
	struct auth auth;
	struct org_access access;
};

/* Reads the request's JSON body into the fields given (JF_STRING(...), ...;
 * base/json.h): E_OK, or the error with the field at fault.
 *   if (api_body(c, e, JF_STRING("email", &email, JF_REQUIRED, EMAIL_MAX)))
 *           return e->code; */
#define api_body(c, e, ...)                                                                                            \
	json_spec_parse((c)->ctx.arena, (c)->body, (const struct json_field[]){__VA_ARGS__, JF_END}, e)

/* A handler replies with http_reply_*(), or returns the error code with e
 * filled and the error body is rendered for it. */
typedef err_code (*api_handler)(struct request *r, struct api_call *c, struct err *e);

enum route_flags {
	R_AUTH = 1,            /* a signed-in caller is required */
	R_JSON = 2,            /* a JSON object body is required */
	R_OFFLOAD = 4,         /* runs on the CPU pool (password hashing), not on a connection thread */
	R_ORG = 8,             /* the path's {org}: authz_org() with the route's permission decides */
	R_OPERATOR = 16,       /* operators only (403 for anyone else) */
	R_CUSTOMER_LOGIN = 32, /* in a customer organization, needs the provider's customer_login module */
};

struct api_route {
	const char *method;
	const char *pattern; /* "/api/v1/orgs/{org}/members/{user}" */
	api_handler handler;
	unsigned flags;  /* enum route_flags */
	perm permission; /* for R_ORG routes; PERM_NONE: any access to the organization */
};

/* The route table: every endpoint, its handler, and what the dispatcher
 * must do before calling it. */
extern const struct api_route api_routes[];
extern const size_t api_nroutes;
/* The same routes as the HTTP server matches them, each with its
 * api_route as data (built once, at the first call). */
const struct http_route *api_http_routes(size_t *out_n);
/* The http_handler: authentication, the organization's access, the
 * operator flag and the JSON body, then the route's handler. arg: the
 * struct app. */
err_code api_dispatch(struct request *r, const void *route, void *arg, struct err *e);

/* A person's own account as JSON (core/render.h renders every resource). */
err_code api_reply_account(struct request *r, const struct api_call *c, int status, const struct user *u);

/* A page of a declared list (core/list.h), written as its items come:
 * api_list() reads the query string against the spec (400 naming the
 * parameter at fault), opens {"items": [ and calls fill, which makes the
 * one core call of the list with a callback per item; the callback asks
 * api_item_begin() whether the item belongs to the page (false for the
 * one past it, which only says that more follow), writes it into p->w and
 * gives its position to api_item_end(). Core is asked for p->q.fetch
 * items, one more than the page: the page gets a next_cursor, signed over
 * the list's context, only when that one comes. */
struct api_page {
	struct request *r;
	struct list_query q;
	struct jw w;
	const unsigned char *key; /* the server's cursor key */
	int count;
	bool more; /* the item after the page was seen */
	const char *last_key, *last_id;
};
typedef err_code (*api_list_fill)(const struct ctx *c, struct api_page *p, struct err *e);
err_code api_list(struct request *r, struct api_call *c, const struct list_spec *spec, api_list_fill fill,
                  struct err *e);
bool api_item_begin(struct api_page *p);
void api_item_end(struct api_page *p, const char *key, const char *id);

err_code api_devices_activate(struct request *r, struct api_call *c, struct err *e);
err_code api_device_license(struct request *r, struct api_call *c, struct err *e);
err_code api_license_key(struct request *r, struct api_call *c, struct err *e);
err_code api_devices_list(struct request *r, struct api_call *c, struct err *e);
err_code api_device_get(struct request *r, struct api_call *c, struct err *e);
err_code api_device_delete(struct request *r, struct api_call *c, struct err *e);
err_code api_device_seat_post(struct request *r, struct api_call *c, struct err *e);
err_code api_device_seat_delete(struct request *r, struct api_call *c, struct err *e);
err_code api_login(struct request *r, struct api_call *c, struct err *e);
err_code api_logout(struct request *r, struct api_call *c, struct err *e);
err_code api_password_forgot(struct request *r, struct api_call *c, struct err *e);
err_code api_password_reset(struct request *r, struct api_call *c, struct err *e);
err_code api_me_get(struct request *r, struct api_call *c, struct err *e);
err_code api_me_patch(struct request *r, struct api_call *c, struct err *e);
err_code api_me_password(struct request *r, struct api_call *c, struct err *e);
err_code api_orgs_list(struct request *r, struct api_call *c, struct err *e);
err_code api_orgs_create(struct request *r, struct api_call *c, struct err *e);
err_code api_org_get(struct request *r, struct api_call *c, struct err *e);
err_code api_org_patch(struct request *r, struct api_call *c, struct err *e);
err_code api_org_delete(struct request *r, struct api_call *c, struct err *e);
err_code api_org_module_put(struct request *r, struct api_call *c, struct err *e);
err_code api_org_module_delete(struct request *r, struct api_call *c, struct err *e);
err_code api_org_independence(struct request *r, struct api_call *c, struct err *e);
err_code api_customers_list(struct request *r, struct api_call *c, struct err *e);
err_code api_customers_create(struct request *r, struct api_call *c, struct err *e);
err_code api_members_list(struct request *r, struct api_call *c, struct err *e);
err_code api_members_create(struct request *r, struct api_call *c, struct err *e);
err_code api_members_remove(struct request *r, struct api_call *c, struct err *e);
err_code api_member_get(struct request *r, struct api_call *c, struct err *e);
err_code api_member_patch(struct request *r, struct api_call *c, struct err *e);
err_code api_member_delete(struct request *r, struct api_call *c, struct err *e);
err_code api_roles_list(struct request *r, struct api_call *c, struct err *e);
err_code api_roles_create(struct request *r, struct api_call *c, struct err *e);
err_code api_role_patch(struct request *r, struct api_call *c, struct err *e);
err_code api_role_delete(struct request *r, struct api_call *c, struct err *e);
err_code api_audit_list(struct request *r, struct api_call *c, struct err *e);
err_code api_licenses_create(struct request *r, struct api_call *c, struct err *e);
err_code api_licenses_list(struct request *r, struct api_call *c, struct err *e);
err_code api_license_get(struct request *r, struct api_call *c, struct err *e);
err_code api_license_patch(struct request *r, struct api_call *c, struct err *e);
err_code api_seats_list(struct request *r, struct api_call *c, struct err *e);
err_code api_seats_assign(struct request *r, struct api_call *c, struct err *e);
err_code api_seats_remove(struct request *r, struct api_call *c, struct err *e);
err_code api_seats_move(struct request *r, struct api_call *c, struct err *e);
err_code api_seat_delete(struct request *r, struct api_call *c, struct err *e);
err_code api_waiting_list(struct request *r, struct api_call *c, struct err *e);
err_code api_waiting_delete(struct request *r, struct api_call *c, struct err *e);
err_code api_healthz(struct request *r, struct api_call *c, struct err *e);
err_code api_readyz(struct request *r, struct api_call *c, struct err *e);
err_code api_metrics(struct request *r, struct api_call *c, struct err *e);

#endif
