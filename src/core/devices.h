#ifndef ROSTER_CORE_DEVICES_H
#define ROSTER_CORE_DEVICES_H

#include <stdbool.h>
#include <stdint.h>

#include "base/crypto.h"
#include "base/err.h"
#include "core/certificates.h"
#include "core/ctx.h"
#include "core/list.h"
#include "core/model.h"

/* Devices (DESIGN.md §2): an app signs in from a device with its code,
 * and the device then holds or uses a license of its organization.
 *
 * A device, in its organization:
 *
 *            DEVICE_ACTIVATE (email, password, code)
 *   (none) ──────────────────────────────────────────▶ active ◀──┐
 *                                                        │        │ DEVICE_ACTIVATE again:
 *              DEVICE_DEACTIVATE (by hand, or its user   │        │ a new token, the user who
 *              removed from the organization)            ▼        │ signed in, seats kept
 *                                                    deactivated ─┘
 *
 * Each activation revokes the device's tokens and issues one new (the
 * token service, purpose device); deactivation revokes it and frees the
 * device's seats in the same transaction (core/licenses.c serves them to
 * who waits). The transitions lock the organization (authz_org_recheck),
 * then pools, as every seat change does. */

#define DEVICE_CODE_MAX 128
#define DEVICE_NAME_MAX 100
#define DEVICE_PLATFORM_MAX 40
/* last_seen_at is written at most this often per device. */
#define DEVICE_SEEN_EVERY_MS (60 * 1000LL)
/* A device token lasts until it is revoked. */
#define DEVICE_TOKEN_TTL_MS (100LL * 365 * 24 * 3600 * 1000)

struct device_activation {
	const char *email, *password, *code, *name, *platform, *org; /* name, platform, org may be NULL */
};

/* What an app is told about its device: at activation, and at each start. */
struct device_status {
	struct device device;
	bool licensed;
	bool has_license; /* license: the pool that licenses it, or last did */
	struct license_pool license;
	bool has_certificate; /* only when licensed */
	struct certificate certificate;
};

/* An organization the signing-in user could mean (E_ORG_REQUIRED). */
struct org_choice {
	const char *id, *name;
};
struct org_choices {
	struct org_choice *v;
	int n;
};

/* Checks the password as sign-in does (E_INVALID_CREDENTIALS,
 * E_TOO_MANY_REQUESTS), then creates the device or finds it again by its
 * code, binds it to the user, gives it its seats (license_device_joined),
 * and issues its token into token. E_ORG_REQUIRED with the user's
 * organizations in *choices when they are several and in->org is NULL. */
err_code device_activate(const struct ctx *c, const struct device_activation *in, char token[TOKEN_LEN + 1],
                         bool *created, struct device_status *out, struct org_choices *choices, struct err *e);

/* The device of a device token, licensed or not, with a certificate when
 * licensed (product: only a pool of that product counts; NULL: any).
 * E_UNAUTHENTICATED for a token that is no active device's. */
err_code device_license(const struct ctx *c, const char *token, const char *product, struct device_status *out,
                        struct err *e);

/* In the organization of c->access. */
extern const struct list_spec device_list_spec;
err_code device_list(const struct ctx *c, const struct list_query *q, device_cb cb, void *arg, struct err *e);
err_code device_get(const struct ctx *c, const char *id, struct device *out, struct err *e);
/* DEVICE_DEACTIVATE by hand: counts a transfer of each pool it held a seat of. */
err_code device_deactivate(const struct ctx *c, const char *id, struct err *e);
/* A seat of a per-device pool for the device, or taken off it; license_id
 * may be NULL when the organization has exactly one per-device pool. */
err_code device_seat_assign(const struct ctx *c, const char *id, const char *license_id, struct err *e);
err_code device_seat_remove(const struct ctx *c, const char *id, const char *license_id, struct err *e);

/* What a member holds in the organization of c->access: seats of
 * per-user pools and active devices. */
typedef void (*holding_seat_cb)(const struct member_seat *s, void *arg);
err_code member_holdings(const struct ctx *c, const char *user_id, holding_seat_cb on_seat, device_cb on_device,
                         void *arg, struct err *e);

#endif
