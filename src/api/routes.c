#include "api/api.h"

const struct route api_routes[] = {
        {"POST", "/api/v1/auth/login", api_login, R_JSON | R_OFFLOAD},
        {"POST", "/api/v1/auth/logout", api_logout, R_AUTH},
        {"POST", "/api/v1/auth/password/forgot", api_password_forgot, R_JSON},
        {"POST", "/api/v1/auth/password/reset", api_password_reset, R_JSON | R_OFFLOAD},
        {"GET", "/api/v1/me", api_me_get, R_AUTH},
        {"PATCH", "/api/v1/me", api_me_patch, R_AUTH | R_JSON},
        {"POST", "/api/v1/me/password", api_me_password, R_AUTH | R_JSON | R_OFFLOAD},
        {"GET", "/healthz", api_healthz, 0},
        {"GET", "/readyz", api_readyz, 0},
        {"GET", "/metrics", api_metrics, 0},
};
const size_t api_nroutes = sizeof api_routes / sizeof api_routes[0];
