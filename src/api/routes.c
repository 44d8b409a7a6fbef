#include "api/api.h"

#define A R_AUTH
#define O (R_AUTH | R_ORG)

/* clang-format off */
const struct api_route api_routes[] = {
	{"POST",   "/api/v1/auth/login",                      api_login,               R_JSON | R_OFFLOAD, PERM_NONE},
	{"POST",   "/api/v1/auth/logout",                     api_logout,              A, PERM_NONE},
	{"POST",   "/api/v1/auth/password/forgot",            api_password_forgot,     R_JSON, PERM_NONE},
	{"POST",   "/api/v1/auth/password/reset",             api_password_reset,      R_JSON | R_OFFLOAD, PERM_NONE},
	{"GET",    "/api/v1/me",                              api_me_get,              A, PERM_NONE},
	{"PATCH",  "/api/v1/me",                              api_me_patch,            A | R_JSON, PERM_NONE},
	{"POST",   "/api/v1/me/password",                     api_me_password,         A | R_JSON | R_OFFLOAD, PERM_NONE},
	{"GET",    "/api/v1/orgs",                            api_orgs_list,           A, PERM_NONE},
	{"POST",   "/api/v1/orgs",                            api_orgs_create,         A | R_JSON | R_OPERATOR, PERM_NONE},
	{"GET",    "/api/v1/orgs/{org}",                      api_org_get,             O, PERM_NONE},
	{"PATCH",  "/api/v1/orgs/{org}",                      api_org_patch,           O | R_JSON, PERM_ORG_WRITE},
	{"DELETE", "/api/v1/orgs/{org}",                      api_org_delete,          O | R_OPERATOR, PERM_NONE},
	{"PUT",    "/api/v1/orgs/{org}/modules/{module}",     api_org_module_put,      O | R_OPERATOR, PERM_NONE},
	{"DELETE", "/api/v1/orgs/{org}/modules/{module}",     api_org_module_delete,   O | R_OPERATOR, PERM_NONE},
	{"POST",   "/api/v1/orgs/{org}/independence",         api_org_independence,    O, PERM_NONE},
	{"GET",    "/api/v1/orgs/{org}/customers",            api_customers_list,      O, PERM_CUSTOMERS_READ},
	{"POST",   "/api/v1/orgs/{org}/customers",            api_customers_create,    O | R_JSON, PERM_CUSTOMERS_WRITE},
	{"GET",    "/api/v1/orgs/{org}/members",              api_members_list,        O, PERM_MEMBERS_READ},
	{"POST",   "/api/v1/orgs/{org}/members",              api_members_create,      O | R_JSON | R_OFFLOAD | R_CUSTOMER_LOGIN, PERM_MEMBERS_WRITE},
	{"POST",   "/api/v1/orgs/{org}/members/remove",       api_members_remove,      O | R_JSON, PERM_MEMBERS_WRITE},
	{"GET",    "/api/v1/orgs/{org}/members/{user}",       api_member_get,          O, PERM_MEMBERS_READ},
	{"PATCH",  "/api/v1/orgs/{org}/members/{user}",       api_member_patch,        O | R_JSON, PERM_MEMBERS_WRITE},
	{"DELETE", "/api/v1/orgs/{org}/members/{user}",       api_member_delete,       O, PERM_MEMBERS_WRITE},
	{"GET",    "/api/v1/orgs/{org}/roles",                api_roles_list,          O, PERM_NONE},
	{"POST",   "/api/v1/orgs/{org}/roles",                api_roles_create,        O | R_JSON, PERM_ROLES_WRITE},
	{"PATCH",  "/api/v1/orgs/{org}/roles/{role}",         api_role_patch,          O | R_JSON, PERM_ROLES_WRITE},
	{"DELETE", "/api/v1/orgs/{org}/roles/{role}",         api_role_delete,         O, PERM_ROLES_WRITE},
	{"GET",    "/api/v1/orgs/{org}/audit",                api_audit_list,          O, PERM_AUDIT_READ},
	{"GET",    "/api/v1/orgs/{org}/licenses",             api_licenses_list,       O, PERM_LICENSES_READ},
	{"POST",   "/api/v1/orgs/{org}/licenses",             api_licenses_create,     O | R_JSON | R_OPERATOR, PERM_NONE},
	{"GET",    "/api/v1/orgs/{org}/licenses/{lic}",       api_license_get,         O, PERM_LICENSES_READ},
	{"PATCH",  "/api/v1/orgs/{org}/licenses/{lic}",       api_license_patch,       O | R_JSON | R_OPERATOR, PERM_NONE},
	{"GET",    "/api/v1/orgs/{org}/licenses/{lic}/seats", api_seats_list,          O, PERM_LICENSES_READ},
	{"POST",   "/api/v1/orgs/{org}/licenses/{lic}/seats", api_seats_assign,        O | R_JSON, PERM_LICENSES_ASSIGN},
	{"POST",   "/api/v1/orgs/{org}/licenses/{lic}/seats/remove", api_seats_remove, O | R_JSON, PERM_LICENSES_ASSIGN},
	{"POST",   "/api/v1/orgs/{org}/licenses/{lic}/seats/move",   api_seats_move,   O | R_JSON, PERM_LICENSES_ASSIGN},
	{"DELETE", "/api/v1/orgs/{org}/licenses/{lic}/seats/{holder}", api_seat_delete, O, PERM_LICENSES_ASSIGN},
	{"GET",    "/api/v1/orgs/{org}/licenses/{lic}/waiting", api_waiting_list,   O, PERM_LICENSES_READ},
	{"DELETE", "/api/v1/orgs/{org}/licenses/{lic}/waiting/{holder}", api_waiting_delete, O, PERM_LICENSES_ASSIGN},
	{"GET",    "/api/v1/orgs/{org}/devices",              api_devices_list,        O, PERM_DEVICES_READ},
	{"GET",    "/api/v1/orgs/{org}/devices/{dev}",        api_device_get,          O, PERM_DEVICES_READ},
	{"DELETE", "/api/v1/orgs/{org}/devices/{dev}",        api_device_delete,       O, PERM_DEVICES_WRITE},
	{"POST",   "/api/v1/orgs/{org}/devices/{dev}/seat",   api_device_seat_post,    O | R_JSON, PERM_LICENSES_ASSIGN},
	{"DELETE", "/api/v1/orgs/{org}/devices/{dev}/seat",   api_device_seat_delete,  O, PERM_LICENSES_ASSIGN},
	{"POST",   "/api/v1/devices/activate",                api_devices_activate,    R_JSON | R_OFFLOAD, PERM_NONE},
	{"GET",    "/api/v1/device/license",                  api_device_license,      0, PERM_NONE},
	{"GET",    "/api/v1/license-key",                     api_license_key,         0, PERM_NONE},
	{"GET",    "/healthz",                                api_healthz,             0, PERM_NONE},
	{"GET",    "/readyz",                                 api_readyz,              0, PERM_NONE},
	{"GET",    "/metrics",                                api_metrics,             0, PERM_NONE},
};
/* clang-format on */
const size_t api_nroutes = sizeof api_routes / sizeof api_routes[0];

const struct http_route *api_http_routes(size_t *out_n)
{
	static struct http_route table[sizeof api_routes / sizeof api_routes[0]];
	if (!table[0].method)
		for (size_t i = 0; i < api_nroutes; i++) {
			const struct api_route *a = &api_routes[i];
			unsigned flags =
			        (a->flags & R_JSON ? HTTP_JSON_BODY : 0u) | (a->flags & R_OFFLOAD ? HTTP_OFFLOAD : 0u);
			table[i] = (struct http_route){a->method, a->pattern, flags, a};
		}
	*out_n = api_nroutes;
	return table;
}
