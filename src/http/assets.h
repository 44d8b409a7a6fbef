#ifndef ROSTER_HTTP_ASSETS_H
#define ROSTER_HTTP_ASSETS_H

#include <stdbool.h>
#include <stddef.h>

/* A file of the console, served from memory: its bytes and their gzip, the
 * ETag, and whether its name changes with its content (then it may be
 * cached for good). */
struct http_asset {
	const char *path; /* "/index.html", "/assets/app-<hash>.js" */
	const char *content_type;
	const unsigned char *data;
	size_t len;
	const unsigned char *gz;
	size_t gz_len;
	const char *etag;
	bool immutable;
};

/* The console's bundle, embedded at build time (scripts/embed-assets.sh). */
extern const struct http_asset console_assets[];
extern const size_t console_nassets;

#endif
