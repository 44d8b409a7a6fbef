#ifndef ROSTER_API_API_H
#define ROSTER_API_API_H

#include <stddef.h>

#include "http/http.h"
#include "store/accounts.h"

/* The route table: every endpoint, its handler, and what the dispatcher
 * must do before calling it. */
extern const struct route api_routes[];
extern const size_t api_nroutes;

/* JSON renderings shared by several handlers. */
json_t *api_user_json(const struct user *u);

err_code api_login(struct request *r, struct err *e);
err_code api_logout(struct request *r, struct err *e);
err_code api_password_forgot(struct request *r, struct err *e);
err_code api_password_reset(struct request *r, struct err *e);
err_code api_me_get(struct request *r, struct err *e);
err_code api_me_patch(struct request *r, struct err *e);
err_code api_me_password(struct request *r, struct err *e);
err_code api_healthz(struct request *r, struct err *e);
err_code api_readyz(struct request *r, struct err *e);
err_code api_metrics(struct request *r, struct err *e);

#endif
