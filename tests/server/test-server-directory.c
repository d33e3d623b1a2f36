/* test-server-directory.c: signing in with the organisation's directory,
 * against a real slapd started by the test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test makes a CA and server certificates with certtool, a slapd
 * configuration and a small directory (people, groups, one disabled
 * account) in a temporary folder, and starts slapd on 127.0.0.1 with a
 * plain listener (for StartTLS, and for the test's own ldapmodify) and an
 * ldaps one. Skipped when slapd is not installed.
 */

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "sp-test-server.h"

#define SUFFIX "dc=example,dc=org"
#define ROOT_DN "cn=root," SUFFIX
#define ROOT_PW "root secret of the test"
#define SERVICE_DN "cn=synpunkt,ou=service," SUFFIX
#define SERVICE_PW "service secret of the test"
#define UNIT_A "6f1c3a52-1111-4c3e-9a55-0a6e2c7f0a01"
#define SLAPD "/usr/sbin/slapd"

typedef struct
{
  char        *dir;
  char        *ca;
  GSubprocess *process;
  guint        port;       /* ldap:// (StartTLS) */
  guint        tls_port;   /* ldaps:// */
} Slapd;

/* Every slapd and folder of the run, for a failed test's abort too. */
static Slapd *running[4];

static void
on_abort (int signum)
{
  for (guint i = 0; i < G_N_ELEMENTS (running); i++)
    if (running[i] != NULL)
      {
        if (running[i]->process)
          g_subprocess_force_exit (running[i]->process);
        sp_test_remove_tree (running[i]->dir);
      }
  signal (signum, SIG_DFL);
  raise (signum);
}

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static guint
free_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
run_tool (const char * const *argv,
          const char         *input)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    g_error ("%s failed: %s%s", argv[0], out ? out : "", err ? err : "");
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* A certificate for 127.0.0.1 signed by the test CA; @expired: valid in
 * 2020 only. */
static char *
make_certificate (const char *dir,
                  const char *name,
                  gboolean    expired)
{
  g_autofree char *template = NULL;
  g_autofree char *key = g_build_filename (dir, "server.key", NULL);
  g_autofree char *ca_key = g_build_filename (dir, "ca.key", NULL);
  g_autofree char *ca = g_build_filename (dir, "ca.pem", NULL);
  char *cert = g_build_filename (dir, name, NULL);

  template = write_file (dir, "server.tmpl",
                         expired ? "cn = \"127.0.0.1\"\nip_address = \"127.0.0.1\"\ntls_www_server\n"
                                   "activation_date = \"2020-01-01 00:00:00 UTC\"\n"
                                   "expiration_date = \"2021-01-01 00:00:00 UTC\"\n"
                                 : "cn = \"127.0.0.1\"\nip_address = \"127.0.0.1\"\ntls_www_server\n"
                                   "expiration_days = 30\n");
  run_tool ((const char *[]) { "certtool", "--generate-certificate", "--load-privkey", key,
                               "--load-ca-certificate", ca, "--load-ca-privkey", ca_key,
                               "--template", template, "--outfile", cert, NULL }, NULL);
  return cert;
}

static void
make_ca (const char *dir)
{
  g_autofree char *template = write_file (dir, "ca.tmpl",
                                          "cn = \"Synpunkt test CA\"\nca\ncert_signing_key\n"
                                          "expiration_days = 30\n");
  g_autofree char *ca_key = g_build_filename (dir, "ca.key", NULL);
  g_autofree char *ca = g_build_filename (dir, "ca.pem", NULL);
  g_autofree char *key = g_build_filename (dir, "server.key", NULL);

  run_tool ((const char *[]) { "certtool", "--generate-privkey", "--outfile", ca_key, NULL }, NULL);
  run_tool ((const char *[]) { "certtool", "--generate-self-signed", "--load-privkey", ca_key,
                               "--template", template, "--outfile", ca, NULL }, NULL);
  run_tool ((const char *[]) { "certtool", "--generate-privkey", "--outfile", key, NULL }, NULL);
}

#define PERSON(uid, name, extra) \
  "dn: uid=" uid ",ou=people," SUFFIX "\nobjectClass: inetOrgPerson\nuid: " uid "\n" \
  "cn: " name "\nsn: " name "\ndisplayName: " name "\nmail: " uid "@example.org\n" \
  "userPassword: " SP_TEST_PASSWORD "\n" extra "\n"

#define GROUP(cn, members) \
  "dn: cn=" cn ",ou=groups," SUFFIX "\nobjectClass: groupOfNames\ncn: " cn "\n" members "\n"

#define MEMBER(uid) "member: uid=" uid ",ou=people," SUFFIX "\n"

static const char directory_ldif[] =
  "dn: " SUFFIX "\nobjectClass: dcObject\nobjectClass: organization\ndc: example\no: Example\n\n"
  "dn: ou=people," SUFFIX "\nobjectClass: organizationalUnit\nou: people\n\n"
  "dn: ou=groups," SUFFIX "\nobjectClass: organizationalUnit\nou: groups\n\n"
  "dn: ou=service," SUFFIX "\nobjectClass: organizationalUnit\nou: service\n\n"
  "dn: " SERVICE_DN "\nobjectClass: organizationalRole\nobjectClass: simpleSecurityObject\n"
  "cn: synpunkt\nuserPassword: " SERVICE_PW "\n\n"
  PERSON ("anna", "Anna Registrator", "")
  PERSON ("bengt", "Bengt Kvalitet", "")
  PERSON ("cecilia", "Cecilia Avstängd", "employeeType: disabled\n")
  PERSON ("david", "David Utan Grupp", "")
  PERSON ("erik", "Erik Enhetschef", "")
  PERSON ("o(ne)*", "Odd Name", "")
  GROUP ("registrars", MEMBER ("anna") MEMBER ("cecilia") MEMBER ("o(ne)*"))
  GROUP ("quality", MEMBER ("bengt"))
  GROUP ("managers", MEMBER ("erik"))
  GROUP ("unit-a", MEMBER ("anna") MEMBER ("erik"))
  GROUP ("lunch", MEMBER ("david"));

static gboolean
slapd_answers (Slapd *self)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", self->port, NULL, NULL);
  return connection != NULL;
}

static Slapd *
slapd_start (gboolean expired_certificate)
{
  Slapd *self = g_new0 (Slapd, 1);
  g_autofree char *db = NULL;
  g_autofree char *cert = NULL;
  g_autofree char *key = NULL;
  g_autofree char *conf_text = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *ldif = NULL;
  g_autofree char *urls = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  guint slot;

  self->dir = sp_test_dir_new ("slapd");
  for (slot = 0; slot < G_N_ELEMENTS (running) && running[slot] != NULL; slot++)
    ;
  g_assert_cmpuint (slot, <, G_N_ELEMENTS (running));
  running[slot] = self;

  make_ca (self->dir);
  self->ca = g_build_filename (self->dir, "ca.pem", NULL);
  cert = make_certificate (self->dir, "server.pem", expired_certificate);
  key = g_build_filename (self->dir, "server.key", NULL);
  db = g_build_filename (self->dir, "db", NULL);
  g_mkdir (db, 0700);

  conf_text = g_strdup_printf ("include /etc/ldap/schema/core.schema\n"
                               "include /etc/ldap/schema/cosine.schema\n"
                               "include /etc/ldap/schema/inetorgperson.schema\n"
                               "modulepath /usr/lib/ldap\n"
                               "moduleload back_mdb\n"
                               "TLSCACertificateFile %s\n"
                               "TLSCertificateFile %s\n"
                               "TLSCertificateKeyFile %s\n"
                               "database mdb\n"
                               "maxsize 10485760\n"
                               "suffix \"" SUFFIX "\"\n"
                               "rootdn \"" ROOT_DN "\"\n"
                               "rootpw \"" ROOT_PW "\"\n"
                               "directory %s\n"
                               "access to attrs=userPassword by self read by anonymous auth by * none\n"
                               "access to * by users read by * none\n",
                               self->ca, cert, key, db);
  conf = write_file (self->dir, "slapd.conf", conf_text);
  ldif = write_file (self->dir, "directory.ldif", directory_ldif);
  run_tool ((const char *[]) { "/usr/sbin/slapadd", "-q", "-f", conf, "-l", ldif, NULL }, NULL);

  self->port = free_port ();
  self->tls_port = free_port ();
  urls = g_strdup_printf ("ldap://127.0.0.1:%u ldaps://127.0.0.1:%u", self->port, self->tls_port);

  /* -d 0: in the foreground, as our child, killed if we die. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  self->process = g_subprocess_launcher_spawn (launcher, &error, SLAPD, "-f", conf,
                                               "-h", urls, "-d", "0", NULL);
  g_assert_no_error (error);
  /* Nothing on our main loop tells when slapd listens: poll it. */
  {
    gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

    while (!slapd_answers (self) && g_get_monotonic_time () < until)
      {
        if (g_subprocess_get_identifier (self->process) == NULL)
          g_error ("slapd exited at start (see %s)", conf);
        g_usleep (20 * 1000);
      }
    g_assert_true (slapd_answers (self));
  }
  return self;
}

static void
slapd_stop (Slapd *self)
{
  if (self->process)
    {
      g_subprocess_force_exit (self->process);
      g_subprocess_wait (self->process, NULL, NULL);
      g_clear_object (&self->process);
    }
}

static void
slapd_free (Slapd *self)
{
  slapd_stop (self);
  sp_test_remove_dir (self->dir);
  for (guint i = 0; i < G_N_ELEMENTS (running); i++)
    if (running[i] == self)
      running[i] = NULL;
  g_free (self->dir);
  g_free (self->ca);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Slapd, slapd_free)

/* Changes the directory as its administrator would. */
static void
slapd_modify (Slapd      *self,
              const char *ldif)
{
  g_autofree char *uri = g_strdup_printf ("ldap://127.0.0.1:%u", self->port);

  run_tool ((const char *[]) { "ldapmodify", "-x", "-H", uri, "-D", ROOT_DN, "-w", ROOT_PW, NULL },
            ldif);
}

static Slapd *slapd;

/* The server's configuration: StartTLS unless @uri says otherwise. */
static char *
make_config (Slapd      *directory,
             const char *uri,
             gboolean    with_ca)
{
  g_autofree char *default_uri = g_strdup_printf ("ldap://127.0.0.1:%u", directory->port);

  uri = uri ? uri : default_uri;
  return g_strdup_printf ("[server]\nlisten=127.0.0.1:0\n"
                          "[directory]\n"
                          "name=Testkatalogen\n"
                          "uri=%s\n"
                          "starttls=%s\n"
                          "%s%s\n"
                          "bind_dn=" SERVICE_DN "\n"
                          "bind_password=" SERVICE_PW "\n"
                          "user_base=ou=people," SUFFIX "\n"
                          "user_filter=(&(objectClass=inetOrgPerson)(uid=%%s))\n"
                          "disabled_filter=(employeeType=disabled)\n"
                          "group_base=ou=groups," SUFFIX "\n"
                          "group_filter=(&(objectClass=groupOfNames)(member=%%s))\n"
                          "display_name_attribute=displayName\n"
                          "email_attribute=mail\n"
                          "timeout=5\n"
                          "recheck_interval=1\n"
                          "role.registrar=cn=registrars,ou=groups," SUFFIX "\n"
                          "role.quality=cn=quality,ou=groups," SUFFIX "\n"
                          "role.unit_manager=CN=Managers, OU=Groups, " SUFFIX "\n"
                          "unit." UNIT_A "=cn=unit-a,ou=groups," SUFFIX "\n",
                          uri, g_str_has_prefix (uri, "ldaps://") ? "false" : "true",
                          with_ca ? "ca_file=" : "", with_ca ? directory->ca : "");
}

static SpTestServer *
directory_server (void)
{
  g_autofree char *config = make_config (slapd, NULL, TRUE);

  return sp_test_server_new_with_config (config);
}

static SpTestResponse *
sign_in (SpTestServer *server,
         const char   *username_json,
         const char   *password)
{
  return sp_test_jsonf (server, "POST", "/api/v1/session", NULL,
                        "{\"username\":%s,\"password\":\"%s\"}", username_json, password);
}

static gboolean
has_role (SpTestResponse *response,
          const char     *role)
{
  JsonNode *roles = sp_test_get_node (response, "user.roles");
  JsonArray *array;

  g_assert_nonnull (roles);
  array = json_node_get_array (roles);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), role) == 0)
      return TRUE;
  return FALSE;
}

#define SKIP_WITHOUT_SLAPD() \
  G_STMT_START { if (slapd == NULL) { g_test_skip ("slapd is not installed (Debian's slapd package)"); return; } } G_STMT_END

static void
test_sign_in_roles (void)
{
  g_autoptr(SpTestServer) server = NULL;
  g_autoptr(SpTestResponse) anna = NULL;
  g_autoptr(SpTestResponse) bengt = NULL;
  g_autoptr(SpTestResponse) erik = NULL;
  g_autoptr(SpTestResponse) info = NULL;
  g_autoptr(SpTestResponse) users = NULL;
  g_autoptr(SpTestResponse) again = NULL;
  g_autoptr(SpTestResponse) password = NULL;
  g_autofree char *admin = NULL;
  JsonArray *items;
  guint directory_users = 0;

  SKIP_WITHOUT_SLAPD ();
  server = directory_server ();

  info = sp_test_json (server, "GET", "/api/v1/auth-info", NULL, NULL);
  sp_test_assert_status (info, 200);
  g_assert_cmpstr (sp_test_get_string (info, "directory.name"), ==, "Testkatalogen");

  anna = sign_in (server, "\"anna\"", SP_TEST_PASSWORD);
  sp_test_assert_status (anna, 200);
  g_assert_nonnull (sp_test_get_string (anna, "token"));
  g_assert_true (has_role (anna, "registrar"));
  g_assert_false (has_role (anna, "quality"));
  g_assert_cmpstr (sp_test_get_string (anna, "user.unit_id"), ==, UNIT_A);
  g_assert_cmpstr (sp_test_get_string (anna, "user.display_name"), ==, "Anna Registrator");
  g_assert_cmpstr (sp_test_get_string (anna, "user.email"), ==, "anna@example.org");
  g_assert_cmpstr (sp_test_get_string (anna, "source"), ==, "directory");

  bengt = sign_in (server, "\"bengt\"", SP_TEST_PASSWORD);
  sp_test_assert_status (bengt, 200);
  g_assert_true (has_role (bengt, "quality"));
  g_assert_false (has_role (bengt, "registrar"));
  g_assert_null (sp_test_get_string (bengt, "user.unit_id"));

  /* A mapping written with other case and spacing still matches. */
  erik = sign_in (server, "\"erik\"", SP_TEST_PASSWORD);
  sp_test_assert_status (erik, 200);
  g_assert_true (has_role (erik, "unit_manager"));

  /* The same account, typed in capitals, is the same user. */
  again = sign_in (server, "\"ANNA\"", SP_TEST_PASSWORD);
  sp_test_assert_status (again, 200);
  g_assert_cmpstr (sp_test_get_string (again, "user.id"), ==, sp_test_get_string (anna, "user.id"));

  /* The administrator sees who is whose. */
  admin = sp_test_login (server, "admin", SP_TEST_PASSWORD);
  {
    g_autoptr(SpTestResponse) me = sp_test_json (server, "GET", "/api/v1/session", admin, NULL);

    sp_test_assert_status (me, 200);
    g_assert_cmpstr (sp_test_get_string (me, "source"), ==, "local");
  }
  users = sp_test_json (server, "GET", "/api/v1/users", admin, NULL);
  sp_test_assert_status (users, 200);
  items = json_node_get_array (sp_test_get_node (users, "items"));
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *user = json_array_get_object_element (items, i);
      const char *name = json_object_get_string_member (user, "username");
      const char *source = json_object_get_string_member (user, "source");

      g_assert_cmpstr (source, ==, g_str_equal (name, "admin") ? "local" : "directory");
      directory_users += g_str_equal (source, "directory");
    }
  g_assert_cmpuint (directory_users, ==, 3);

  /* A directory user's password is the directory's to change. */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/users/%s", sp_test_get_string (anna, "user.id"));

    password = sp_test_jsonf (server, "PATCH", path, admin,
                              "{\"base_rev\":0,\"fields\":{},\"password\":\"a new long password\"}");
    sp_test_assert_status (password, 422);
    g_assert_cmpstr (sp_test_error_field (password), ==, "password");
  }
}

static void
test_wrong_and_empty_password (void)
{
  g_autoptr(SpTestServer) server = NULL;
  g_autoptr(SpTestResponse) wrong = NULL;
  g_autoptr(SpTestResponse) empty = NULL;
  g_autoptr(SpTestResponse) unknown = NULL;

  SKIP_WITHOUT_SLAPD ();
  server = directory_server ();

  wrong = sign_in (server, "\"anna\"", "not her password at all");
  sp_test_assert_status (wrong, 401);
  g_assert_null (sp_test_get_string (wrong, "token"));

  /* An empty password would be an unauthenticated bind that succeeds. */
  empty = sign_in (server, "\"anna\"", "");
  sp_test_assert_status (empty, 401);
  g_assert_null (sp_test_get_string (empty, "token"));

  unknown = sign_in (server, "\"nobody\"", SP_TEST_PASSWORD);
  sp_test_assert_status (unknown, 401);
}

static void
test_group_change (void)
{
  g_autoptr(SpTestServer) server = NULL;
  g_autoptr(SpTestResponse) before = NULL;
  g_autoptr(SpTestResponse) after = NULL;

  SKIP_WITHOUT_SLAPD ();
  server = directory_server ();

  before = sign_in (server, "\"bengt\"", SP_TEST_PASSWORD);
  sp_test_assert_status (before, 200);
  g_assert_true (has_role (before, "quality"));

  slapd_modify (slapd,
                "dn: cn=registrars,ou=groups," SUFFIX "\nchangetype: modify\n"
                "add: member\nmember: uid=bengt,ou=people," SUFFIX "\n\n"
                "dn: cn=quality,ou=groups," SUFFIX "\nchangetype: modify\n"
                "add: member\nmember: uid=anna,ou=people," SUFFIX "\n-\n"
                "delete: member\nmember: uid=bengt,ou=people," SUFFIX "\n\n");

  after = sign_in (server, "\"bengt\"", SP_TEST_PASSWORD);
  sp_test_assert_status (after, 200);
  g_assert_true (has_role (after, "registrar"));
  g_assert_false (has_role (after, "quality"));
  g_assert_cmpstr (sp_test_get_string (after, "user.id"), ==, sp_test_get_string (before, "user.id"));

  /* As it was, for the other tests. */
  slapd_modify (slapd,
                "dn: cn=registrars,ou=groups," SUFFIX "\nchangetype: modify\n"
                "delete: member\nmember: uid=bengt,ou=people," SUFFIX "\n\n"
                "dn: cn=quality,ou=groups," SUFFIX "\nchangetype: modify\n"
                "add: member\nmember: uid=bengt,ou=people," SUFFIX "\n-\n"
                "delete: member\nmember: uid=anna,ou=people," SUFFIX "\n\n");
}

static void
test_disabled_and_no_group (void)
{
  g_autoptr(SpTestServer) server = NULL;
  g_autoptr(SpTestResponse) cecilia = NULL;
  g_autoptr(SpTestResponse) david = NULL;

  SKIP_WITHOUT_SLAPD ();
  server = directory_server ();

  cecilia = sign_in (server, "\"cecilia\"", SP_TEST_PASSWORD);
  sp_test_assert_status (cecilia, 403);
  g_assert_null (sp_test_get_string (cecilia, "token"));
  g_assert_nonnull (strstr (sp_test_get_string (cecilia, "error.message"), "disabled"));

  david = sign_in (server, "\"david\"", SP_TEST_PASSWORD);
  sp_test_assert_status (david, 403);
  g_assert_null (sp_test_get_string (david, "token"));
  g_assert_nonnull (strstr (sp_test_get_string (david, "error.message"), "none of the groups"));
}

static guint
session_status (SpTestServer *server,
                const char   *token)
{
  g_autoptr(SpTestResponse) response = sp_test_json (server, "GET", "/api/v1/session", token, NULL);

  return response->status;
}

static void
test_disabled_session_ends (void)
{
  g_autoptr(SpTestServer) server = NULL;
  g_autoptr(SpTestResponse) later = NULL;
  g_autofree char *token = NULL;

  SKIP_WITHOUT_SLAPD ();
  server = directory_server ();

  token = sp_test_login (server, "erik", SP_TEST_PASSWORD);
  g_assert_cmpuint (session_status (server, token), ==, 200);

  slapd_modify (slapd, "dn: uid=erik,ou=people," SUFFIX "\nchangetype: modify\n"
                       "add: employeeType\nemployeeType: disabled\n\n");
  /* recheck_interval=1: the session ends within a few seconds. */
  SP_TEST_WAIT (session_status (server, token) == 401, 20);

  later = sign_in (server, "\"erik\"", SP_TEST_PASSWORD);
  sp_test_assert_status (later, 403);

  slapd_modify (slapd, "dn: uid=erik,ou=people," SUFFIX "\nchangetype: modify\n"
                       "delete: employeeType\n\n");
}

static void
test_injection (void)
{
  static const char * const attempts[] = {
    "\"*\"", "\"ann*\"", "\"anna)(uid=*\"", "\"*)(objectClass=*\"", "\"anna\\\\\"",
    "\"anna\\u0000\"", "\"o(ne)\"", "\"o(ne)**\"", "\"o\\\\28ne\\\\29\\\\2a\\\\5c\"",
  };
  g_autoptr(SpTestServer) server = NULL;
  g_autoptr(SpTestResponse) odd = NULL;

  SKIP_WITHOUT_SLAPD ();
  server = directory_server ();

  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
    {
      g_autoptr(SpTestResponse) response = sign_in (server, attempts[i], SP_TEST_PASSWORD);

      /* 401: looked for and not found; 422: a NUL, refused as text. */
      if (response->status != 401 && response->status != 422)
        g_error ("%s: expected 401 or 422, got %u", attempts[i], response->status);
      g_assert_null (sp_test_get_string (response, "token"));
    }

  /* A name made of the metacharacters themselves finds its one entry. */
  odd = sign_in (server, "\"o(ne)*\"", SP_TEST_PASSWORD);
  sp_test_assert_status (odd, 200);
  g_assert_cmpstr (sp_test_get_string (odd, "user.display_name"), ==, "Odd Name");
}

static void
test_ldaps (void)
{
  g_autoptr(SpTestServer) server = NULL;
  g_autoptr(SpTestServer) untrusting = NULL;
  g_autoptr(SpTestResponse) anna = NULL;
  g_autoptr(SpTestResponse) refused = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *config = NULL;
  g_autofree char *config_no_ca = NULL;

  SKIP_WITHOUT_SLAPD ();
  uri = g_strdup_printf ("ldaps://127.0.0.1:%u", slapd->tls_port);
  config = make_config (slapd, uri, TRUE);
  server = sp_test_server_new_with_config (config);
  anna = sign_in (server, "\"anna\"", SP_TEST_PASSWORD);
  sp_test_assert_status (anna, 200);

  /* Without the test CA, the certificate is not trusted. */
  config_no_ca = make_config (slapd, uri, FALSE);
  untrusting = sp_test_server_new_with_config (config_no_ca);
  refused = sign_in (untrusting, "\"anna\"", SP_TEST_PASSWORD);
  sp_test_assert_status (refused, 503);
  g_assert_cmpstr (sp_test_error_code (refused), ==, "directory_unreachable");
}

static void
test_expired_certificate (void)
{
  g_autoptr(Slapd) expired = NULL;
  g_autoptr(SpTestServer) server = NULL;
  g_autoptr(SpTestServer) starttls = NULL;
  g_autoptr(SpTestResponse) refused = NULL;
  g_autoptr(SpTestResponse) refused_starttls = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *config = NULL;
  g_autofree char *config_starttls = NULL;

  SKIP_WITHOUT_SLAPD ();
  expired = slapd_start (TRUE);
  uri = g_strdup_printf ("ldaps://127.0.0.1:%u", expired->tls_port);
  config = make_config (expired, uri, TRUE);
  server = sp_test_server_new_with_config (config);
  refused = sign_in (server, "\"anna\"", SP_TEST_PASSWORD);
  sp_test_assert_status (refused, 503);
  g_assert_cmpstr (sp_test_error_code (refused), ==, "directory_unreachable");
  g_assert_null (sp_test_get_string (refused, "token"));

  config_starttls = make_config (expired, NULL, TRUE);
  starttls = sp_test_server_new_with_config (config_starttls);
  refused_starttls = sign_in (starttls, "\"anna\"", SP_TEST_PASSWORD);
  sp_test_assert_status (refused_starttls, 503);
}

static void
test_plain_ldap_refused (void)
{
  g_autofree char *conf = NULL;
  g_autofree char *dir = sp_test_dir_new ("directory-conf");
  g_autofree char *err = NULL;
  g_autofree char *path = NULL;
  int status;

  SKIP_WITHOUT_SLAPD ();
  conf = make_config (slapd, NULL, TRUE);
  {
    /* starttls=true turned off: passwords would cross the network in clear. */
    g_autofree char *plain = NULL;
    char *at = strstr (conf, "starttls=true");

    g_assert_nonnull (at);
    memcpy (at, "starttls=no  ", 13);
    plain = g_strdup (conf);
    path = write_file (dir, "server.conf", plain);
  }
  status = sp_test_run (NULL, NULL, &err,
                        (const char *[]) { "--config", path, NULL });
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (err, "in the clear"));
  sp_test_remove_dir (dir);
}

/* Last: it stops the directory. */
static void
test_directory_down (void)
{
  g_autoptr(SpTestServer) server = NULL;
  g_autoptr(SpTestResponse) refused = NULL;
  g_autofree char *admin = NULL;

  SKIP_WITHOUT_SLAPD ();
  server = directory_server ();
  slapd_stop (slapd);

  refused = sign_in (server, "\"anna\"", SP_TEST_PASSWORD);
  sp_test_assert_status (refused, 503);
  g_assert_cmpstr (sp_test_error_code (refused), ==, "directory_unreachable");
  g_assert_nonnull (strstr (sp_test_get_string (refused, "error.message"), "cannot be reached"));

  /* The break-glass account is local. */
  admin = sp_test_login (server, "admin", SP_TEST_PASSWORD);
  g_assert_nonnull (admin);
}

int
main (int    argc,
      char **argv)
{
  int result;

  g_test_init (&argc, &argv, NULL);

  if (g_file_test (SLAPD, G_FILE_TEST_IS_EXECUTABLE) &&
      g_find_program_in_path ("certtool") != NULL &&
      g_find_program_in_path ("ldapmodify") != NULL)
    {
      signal (SIGABRT, on_abort);
      signal (SIGTRAP, on_abort);
      slapd = slapd_start (FALSE);
    }

  g_test_add_func ("/server/directory/sign-in-roles", test_sign_in_roles);
  g_test_add_func ("/server/directory/wrong-and-empty-password", test_wrong_and_empty_password);
  g_test_add_func ("/server/directory/group-change", test_group_change);
  g_test_add_func ("/server/directory/disabled-and-no-group", test_disabled_and_no_group);
  g_test_add_func ("/server/directory/disabled-session-ends", test_disabled_session_ends);
  g_test_add_func ("/server/directory/injection", test_injection);
  g_test_add_func ("/server/directory/ldaps", test_ldaps);
  g_test_add_func ("/server/directory/expired-certificate", test_expired_certificate);
  g_test_add_func ("/server/directory/plain-ldap-refused", test_plain_ldap_refused);
  g_test_add_func ("/server/directory/directory-down", test_directory_down);
  result = g_test_run ();

  g_clear_pointer (&slapd, slapd_free);
  return result;
}
