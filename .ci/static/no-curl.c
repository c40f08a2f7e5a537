/* Stand-ins for libcurl in the static package. Swift's FoundationNetworking (URLSession) is linked
 * because FlyingFox has a proxy handler that uses it; Dossier never makes an HTTP request, and a
 * static libcurl would bring OpenSSL, Kerberos and more with it. If one of these is ever called,
 * the program stops with a message instead of doing something undefined. Symbols only: the linker
 * does not check C signatures, and nothing calls them. */
#include <stdio.h>
#include <stdlib.h>

static void no_curl(const char *name) {
    fprintf(stderr, "dossier: %s: this build has no HTTP client (libcurl is not linked)\n", name);
    abort();
}

#define STUB(name) void name(void) { no_curl(#name); }
STUB(curl_easy_cleanup) STUB(curl_easy_getinfo) STUB(curl_easy_init) STUB(curl_easy_pause)
STUB(curl_easy_setopt) STUB(curl_easy_strerror) STUB(curl_free) STUB(curl_global_init)
STUB(curl_multi_add_handle) STUB(curl_multi_assign) STUB(curl_multi_cleanup) STUB(curl_multi_info_read)
STUB(curl_multi_init) STUB(curl_multi_remove_handle) STUB(curl_multi_setopt) STUB(curl_multi_socket_action)
STUB(curl_slist_append) STUB(curl_slist_free_all) STUB(curl_url) STUB(curl_url_get) STUB(curl_url_set)
STUB(curl_version) STUB(curl_version_info)
