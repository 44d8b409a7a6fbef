/* The console's files: which one a path asks for, and how it may be sent. */
#include "http/internal.h"

#include <string.h>
#include <strings.h>

static bool starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* The console's own pages, by their first path segment: the page is
 * index.html for each (the console routes them itself); any other path
 * stays the API's 404. The links in roster's emails lead to set-password,
 * reset-password and (later) invite. */
static const char *const console_pages[] = {
        "",         "sign-in", "forgot-password", "set-password", "reset-password", "invite", "orgs",
        "settings", "users",   "roles",           "customers",    "audit",          NULL,
};

static bool console_page(const char *path)
{
	if (*path != '/')
		return false;
	size_t len = strcspn(path + 1, "/");
	for (const char *const *p = console_pages; *p; p++)
		if (strlen(*p) == len && !strncmp(path + 1, *p, len))
			return true;
	return false;
}

const struct http_asset *console_find(const struct http_asset *assets, size_t n, const char *path)
{
	/* A hashed file by its exact name; a name that is none is 404, never the page. */
	const char *want = starts_with(path, "/assets/") ? path : console_page(path) ? "/index.html" : NULL;
	for (size_t i = 0; want && i < n; i++)
		if (!strcmp(assets[i].path, want))
			return &assets[i];
	return NULL;
}

bool console_accepts_gzip(const char *accept_encoding)
{
	/* "gzip" as one of the codings, unless given q=0. */
	for (const char *p = accept_encoding; p && *p;) {
		p += strspn(p, " ,");
		size_t len = strcspn(p, ",");
		size_t name = strcspn(p, " ;,");
		if (name == 4 && !strncasecmp(p, "gzip", 4)) {
			const char *q = memchr(p, ';', len);
			return !(q && strstr(q, "q=0") && !strstr(q, "q=0."));
		}
		p += len;
	}
	return false;
}
