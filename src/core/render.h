#ifndef ROSTER_CORE_RENDER_H
#define ROSTER_CORE_RENDER_H

#include "base/jsonw.h"
#include "core/licenses.h"
#include "core/members.h"
#include "core/model.h"
#include "core/perms.h"

/* How the API shows each resource, written once: every answer that shows
 * one uses these, and so do the member cards (core/member_card.h). Each
 * writes the fields into an object the caller has opened, so that an
 * answer can add its own after them. */

/* A person as other people see them. */
void render_user_fields(struct jw *w, const struct user *u);
/* A person's own account: the same and whether it is an operator's. */
void render_account_fields(struct jw *w, const struct user *u);
/* An organization. */
void render_org_fields(struct jw *w, const struct org *o);
/* An organization named in another answer (a membership in /me). */
void render_org_ref_fields(struct jw *w, const struct org *o);
/* The value: an array of permission names. */
void render_perms(struct jw *w, permset p);
/* A role, built in or custom. */
void render_role_fields(struct jw *w, const struct role_view *v);
/* A license pool as it reads at now: its state (expired past its term),
 * its counts (free, waiting) and the days left. */
void render_license_fields(struct jw *w, const struct license_pool *p, int64_t now);
/* A seat and its holder. */
void render_seat_fields(struct jw *w, const struct seat_row *s);
/* A place on a waiting list (the seat_row's assigned_at is when it joined). */
void render_waiting_fields(struct jw *w, const struct seat_row *s);
/* An audit event. */
/* A device (DEVICE_STATUSES; a deactivated one reads as unlicensed). */
void render_device_fields(struct jw *w, const struct device *d);
/* An offline license certificate (core/certificates.h). */
void render_certificate_fields(struct jw *w, const char *format, const char *key_id, const char *payload,
                               const char *signature);
void render_audit_fields(struct jw *w, const struct audit_row *row);

#endif
