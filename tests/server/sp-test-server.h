/* sp-test-server.h: start the real synpunkt-server and talk to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test starts the real binary as a child process on 127.0.0.1 port 0
 * with a fresh database in a temporary directory, and sends it requests
 * with an async SoupSession driven by a main loop.
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "synpunkt-core.h"

#include "../sp-test-dir.h"
#include "../sp-test-wait.h"

G_BEGIN_DECLS

#define SP_TEST_PASSWORD "correct horse battery"

typedef struct
{
  char        *dir;
  char        *db;
  GSubprocess *process;
  char        *base;      /* "http://127.0.0.1:PORT" */
  SoupSession *session;
  /* For HTTPS: the one certificate the server must present. */
  GTlsCertificate *trusted;
} SpTestServer;

typedef struct
{
  guint               status;
  GBytes             *body;
  JsonNode           *json;     /* NULL unless the body is JSON */
  SoupMessageHeaders *headers;
} SpTestResponse;

/* A district: an administration, two departments, units A and B in the
 * first and C in the second, and a user (password SP_TEST_PASSWORD) and a
 * token for each role. */
typedef struct
{
  char *admin_unit, *department, *department2, *unit_a, *unit_b, *unit_c;
  char *admin, *staff_a, *staff_b, *manager_a, *manager_b, *head, *registrar,
       *procurement, *quality, *case_officer;
  /* user ids */
  char *staff_a_id, *manager_a_id;
} SpTestOrg;

/* A registrar "reg" made by the admin, logged in: their token. */
char           *sp_test_registrar_token (SpTestServer       *server);
/* Runs @sql on the database file behind the server's back. */
void            sp_test_exec_sql        (const char         *db,
                                         const char         *sql);

/* The usual fixture: a fresh server with the test district. */
typedef struct
{
  SpTestServer *server;
  SpTestOrg    *org;
} SpTestFixture;

void            sp_test_fixture_setup   (SpTestFixture      *f,
                                         gconstpointer       data);
void            sp_test_fixture_teardown (SpTestFixture     *f,
                                         gconstpointer       data);
/* The same, after checking that whatever the test sent, the server is
 * still up. */
void            sp_test_fixture_teardown_alive (SpTestFixture *f,
                                         gconstpointer       data);

const char     *sp_test_server_binary   (void);
/* Takes "@name N" out of the command line, for g_test_init() not to see;
 * @fallback when it is not there. */
guint           sp_test_take_option     (int                *argc,
                                         char              **argv,
                                         const char         *name,
                                         guint               fallback);
/* Runs the binary with @args (NULL-terminated) and @input on stdin;
 * returns its exit status. */
int             sp_test_run             (const char         *input,
                                         char              **out,
                                         char              **err,
                                         const char * const *args);

/* A fresh database with an admin user "admin". */
SpTestServer   *sp_test_server_new      (const char * const *extra_args);
/* The same, started with a configuration file of @config_text. */
SpTestServer   *sp_test_server_new_with_config (const char *config_text);
void            sp_test_server_start    (SpTestServer       *self,
                                         const char * const *extra_args);
/* SIGTERM and wait: checks the server exits cleanly. */
void            sp_test_server_stop     (SpTestServer       *self);
void            sp_test_server_kill9    (SpTestServer       *self);
void            sp_test_server_free     (SpTestServer       *self);
/* A running server with the core's demo district of @n_cases cases and a
 * registrar "bench" (password SP_TEST_PASSWORD), who sees it all: for the
 * benchmarks. */
SpTestServer   *sp_test_server_new_demo (guint               n_cases);

/* A request as the helpers below send it, for a test that sends it
 * itself (asynchronously, many at once). */
SoupMessage    *sp_test_message_new     (SpTestServer       *self,
                                         const char         *method,
                                         const char         *path,
                                         const char         *token,
                                         const char         *json);
SpTestResponse *sp_test_request         (SpTestServer       *self,
                                         const char         *method,
                                         const char         *path,
                                         const char         *token,
                                         const char         *content_type,
                                         const char         *body,
                                         gssize              length);
/* A body sent chunked (no Content-Length). NULL with @error if the server
 * dropped the connection. */
SpTestResponse *sp_test_request_chunked (SpTestServer       *self,
                                         const char         *method,
                                         const char         *path,
                                         const char         *token,
                                         const char         *body,
                                         gsize               length,
                                         GError            **error);
/* The same with a body of @content_type. */
SpTestResponse *sp_test_request_chunked_as (SpTestServer    *self,
                                            const char      *method,
                                            const char      *path,
                                            const char      *token,
                                            const char      *content_type,
                                            const char      *body,
                                            gsize            length,
                                            GError         **error);
/* A request with a JSON body (application/json) or none (@json NULL). */
SpTestResponse *sp_test_json            (SpTestServer       *self,
                                         const char         *method,
                                         const char         *path,
                                         const char         *token,
                                         const char         *json);
SpTestResponse *sp_test_jsonf           (SpTestServer       *self,
                                         const char         *method,
                                         const char         *path,
                                         const char         *token,
                                         const char         *format,
                                         ...) G_GNUC_PRINTF (5, 6);
/* Sends all at once and waits for every answer. */
GPtrArray      *sp_test_json_many       (SpTestServer       *self,
                                         guint               n,
                                         const char * const *methods,
                                         const char * const *paths,
                                         const char         *token,
                                         const char * const *bodies);
void            sp_test_response_free   (SpTestResponse     *self);

char           *sp_test_login           (SpTestServer       *self,
                                         const char         *username,
                                         const char         *password);

SpTestOrg      *sp_test_org_new         (SpTestServer       *self);
void            sp_test_org_free        (SpTestOrg          *self);

/* Member access on a response's JSON object. */
const char     *sp_test_get_string      (SpTestResponse     *self,
                                         const char         *path);
gint64          sp_test_get_int         (SpTestResponse     *self,
                                         const char         *path);
JsonNode       *sp_test_get_node        (SpTestResponse     *self,
                                         const char         *path);
/* The error code of an error answer, or NULL. */
const char     *sp_test_error_code      (SpTestResponse     *self);
const char     *sp_test_error_field     (SpTestResponse     *self);

/* Creates a case through the API; returns its id. */
char           *sp_test_create_case     (SpTestServer       *self,
                                         const char         *token,
                                         const char         *extra_members);

#define sp_test_assert_status(resp, expected)                                    \
  G_STMT_START {                                                                 \
    SpTestResponse *_r = (resp);                                                 \
    if (_r->status != (guint) (expected))                                        \
      g_error ("%s:%d: expected HTTP %u, got %u: %.*s", __FILE__, __LINE__,      \
               (guint) (expected), _r->status,                                   \
               _r->body ? (int) g_bytes_get_size (_r->body) : 0,                 \
               _r->body ? (const char *) g_bytes_get_data (_r->body, NULL) : ""); \
  } G_STMT_END

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpTestResponse, sp_test_response_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpTestServer, sp_test_server_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpTestOrg, sp_test_org_free)

G_END_DECLS
