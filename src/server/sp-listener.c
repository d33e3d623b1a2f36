/* sp-listener.c: our own accept loop in front of SoupServer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

/* accept4() */
#define _GNU_SOURCE

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "sp-listener.h"

#define CONN_KEY "sp-listener-conn"
/* How long accepting rests when the process is out of descriptors. */
#define ACCEPT_PAUSE_MS 200
/* Connections taken per wake-up, so a flood cannot starve the rest. */
#define ACCEPT_BATCH 64
/* A refused or cut-off connection is drained this long before closing,
 * so that the answer is not lost to a reset. */
#define LINGER_USEC (2 * G_USEC_PER_SEC)
#define MAX_LINGERING 64

typedef enum
{
  CONN_READING,   /* waiting for a request, or reading one */
  CONN_BUSY,      /* a handler has the request */
  CONN_WRITING,   /* the response is on its way */
  CONN_IDLE,      /* kept alive between requests */
} ConnState;

typedef struct
{
  SpListener     *owner;
  GSocket        *socket;
  GIOStream      *stream;   /* weak: SoupServer owns it */
  GSocketAddress *remote;
  GSocketAddress *local;
  GIOStream      *idle_stream; /* ours between requests (see on_wrote_body) */
  char           *address;
  ConnState       state;
  gint64          deadline; /* monotonic µs; 0 for none */
  gboolean        shut;
  GSource        *idle_watch;
} Conn;

typedef struct
{
  SpListener *owner;
  GSocket    *socket;
  GIOStream  *stream;       /* kept open until the drain ends, if any */
  GSource    *source;
  gint64      deadline;
} Linger;

struct _SpListener
{
  SoupServer           *soup;
  GSocket              *socket;
  GSocket              *keepalive_socket;
  GTlsCertificate      *certificate;
  const SpServerConfig *config;
  GSource              *accept_source;
  guint                 resume_id;
  guint                 tick_id;
  GHashTable           *conns;        /* Conn * set */
  GHashTable           *per_address;  /* address → count */
  GHashTable           *lingering;    /* Linger * set */
  gint64                last_warning;
  gulong                handlers[4];
};

static void start_accepting (SpListener *self);
static void ensure_tick (SpListener *self);

/* The answer for a connection or request we will not serve. */
static char *
format_refusal (guint       status,
                const char *code,
                const char *message)
{
  g_autofree char *body = NULL;

  /* @code and @message are ours: plain ASCII without quotes. */
  body = g_strdup_printf ("{\"error\":{\"code\":\"%s\",\"message\":\"%s\",\"field\":null}}",
                          code, message);
  return g_strdup_printf ("HTTP/1.1 %u %s\r\n"
                          "Content-Type: application/json; charset=utf-8\r\n"
                          "Content-Length: %zu\r\n"
                          "Connection: close\r\n"
                          "\r\n%s",
                          status, soup_status_get_phrase (status), strlen (body), body);
}

/* Lingering close */

static void
linger_free (Linger *linger)
{
  if (linger->source != NULL)
    {
      g_source_destroy (linger->source);
      g_source_unref (linger->source);
    }
  g_socket_close (linger->socket, NULL);
  g_object_unref (linger->socket);
  g_clear_object (&linger->stream);
  g_free (linger);
}

static gboolean
on_linger_readable (GSocket      *socket,
                    GIOCondition  condition,
                    gpointer      user_data)
{
  Linger *linger = user_data;
  g_autoptr(GError) error = NULL;
  char buffer[4096];
  gssize n;

  n = g_socket_receive_with_blocking (socket, buffer, sizeof buffer, FALSE, NULL, &error);
  if (n > 0 || (n < 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK)))
    return G_SOURCE_CONTINUE;

  g_clear_pointer (&linger->source, g_source_unref);
  g_hash_table_remove (linger->owner->lingering, linger);
  return G_SOURCE_REMOVE;
}

/* Half-closes @socket and reads what the client still sends until it
 * closes too (or a short while passes), then closes: closing with unread
 * data would reset the connection and could lose the answer. */
static void
linger_start (SpListener *self,
              GSocket    *socket,
              GIOStream  *stream)
{
  Linger *linger;

  g_socket_shutdown (socket, FALSE, TRUE, NULL);
  if (g_hash_table_size (self->lingering) >= MAX_LINGERING)
    {
      g_socket_close (socket, NULL);
      if (stream != NULL)
        g_io_stream_close (stream, NULL, NULL);
      return;
    }

  linger = g_new0 (Linger, 1);
  linger->owner = self;
  linger->socket = g_object_ref (socket);
  linger->stream = stream ? g_object_ref (stream) : NULL;
  linger->deadline = g_get_monotonic_time () + LINGER_USEC;
  linger->source = g_socket_create_source (socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);
  g_source_set_callback (linger->source, (GSourceFunc) G_CALLBACK (on_linger_readable), linger, NULL);
  g_source_attach (linger->source, NULL);
  g_hash_table_add (self->lingering, linger);
  ensure_tick (self);
}

/* The connection table */

static void on_stream_finalized (gpointer  user_data,
                                 GObject  *where_the_object_was);

static void
drop_source (GSource *source)
{
  g_source_destroy (source);
  g_source_unref (source);
}

static void
conn_forget (Conn *conn)
{
  SpListener *self = conn->owner;
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->per_address, conn->address));

  g_debug ("Connection from %s gone (%s)", conn->address, conn->stream ? "closed" : "finalized");

  if (count > 1)
    g_hash_table_insert (self->per_address, g_strdup (conn->address), GUINT_TO_POINTER (count - 1));
  else
    g_hash_table_remove (self->per_address, conn->address);
  g_hash_table_remove (self->conns, conn);

  g_clear_pointer (&conn->idle_watch, drop_source);
  if (conn->stream != NULL)
    g_object_weak_unref (G_OBJECT (conn->stream), on_stream_finalized, conn);
  /* Dropping it may close the stream: after the weak reference is gone. */
  g_clear_object (&conn->idle_stream);
  g_object_set_data (G_OBJECT (conn->remote), CONN_KEY, NULL);
  g_object_unref (conn->remote);
  g_object_unref (conn->local);
  g_object_unref (conn->socket);
  g_free (conn->address);
  g_free (conn);
}

static void
on_stream_finalized (gpointer  user_data,
                     GObject  *where_the_object_was)
{
  Conn *conn = user_data;

  conn->stream = NULL;
  conn_forget (conn);
}

static Conn *
conn_for_message (SoupServerMessage *msg)
{
  GSocketAddress *remote = soup_server_message_get_remote_address (msg);

  return remote ? g_object_get_data (G_OBJECT (remote), CONN_KEY) : NULL;
}

static gboolean peer_has_left (GSocket *socket);
static void     conn_close    (Conn    *conn);

/* Between requests, the first thing to come may be the client's end:
 * free its place at once rather than at the next tick. */
static gboolean
on_idle_readable (GSocket      *socket,
                  GIOCondition  condition,
                  gpointer      user_data)
{
  Conn *conn = user_data;

  g_clear_pointer (&conn->idle_watch, drop_source);
  if (peer_has_left (socket))
    {
      conn_close (conn);
      conn_forget (conn);
    }
  else if (conn->idle_stream != NULL)
    {
      g_autoptr(GIOStream) stream = g_steal_pointer (&conn->idle_stream);

      /* A new request: back to libsoup, as a new connection. */
      soup_server_accept_iostream (conn->owner->soup, stream, conn->local, conn->remote, NULL);
    }
  /* Else libsoup has the connection and reads the request itself. */
  return G_SOURCE_REMOVE;
}

static void
conn_set_state (Conn      *conn,
                ConnState  state,
                guint      timeout_sec)
{
  conn->state = state;
  conn->deadline = timeout_sec ? g_get_monotonic_time () + timeout_sec * G_USEC_PER_SEC : 0;

  g_clear_pointer (&conn->idle_watch, drop_source);
  if (state == CONN_IDLE && !conn->shut)
    {
      conn->idle_watch = g_socket_create_source (conn->socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);
      g_source_set_callback (conn->idle_watch, (GSourceFunc) G_CALLBACK (on_idle_readable), conn, NULL);
      g_source_attach (conn->idle_watch, NULL);
    }
}

/* libsoup 3.2 never closes a kept-alive connection that the client
 * closes between requests (the next request has no one to finish it), so
 * look: a read of 0 bytes means the client has gone. */
static gboolean
peer_has_left (GSocket *socket)
{
  char c;
  gssize n = recv (g_socket_get_fd (socket), &c, 1, MSG_PEEK | MSG_DONTWAIT);

  return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR);
}

/* Shuts the connection down first so that closing cannot block on a full
 * send buffer (TLS writes its close alert). */
static void
conn_close (Conn *conn)
{
  g_socket_shutdown (conn->socket, TRUE, TRUE, NULL);
  g_io_stream_close (conn->stream, NULL, NULL);
}

/* Forgets the connections that are over but whose end has not been
 * seen yet (the main loop is behind, or libsoup said nothing). */
static void
reap (SpListener *self)
{
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->conns);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      Conn *conn = key;

      if (g_io_stream_is_closed (conn->stream))
        g_ptr_array_add (gone, conn);
      else if (conn->state == CONN_IDLE && peer_has_left (conn->socket))
        {
          conn_close (conn);
          g_ptr_array_add (gone, conn);
        }
    }
  for (guint i = 0; i < gone->len; i++)
    conn_forget (g_ptr_array_index (gone, i));
}

static gboolean
on_tick (gpointer user_data)
{
  SpListener *self = user_data;
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  g_autoptr(GPtrArray) drained = g_ptr_array_new ();
  gint64 now = g_get_monotonic_time ();
  GHashTableIter iter;
  gpointer key;

  reap (self);
  g_hash_table_iter_init (&iter, self->conns);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      Conn *conn = key;

      if (conn->deadline != 0 && now >= conn->deadline && !conn->shut)
        {
          /* libsoup mostly notices the end on its own and cleans up;
           * if it has not after a second, close ourselves. */
          g_debug ("Closing a connection from %s: %s", conn->address,
                   conn->state == CONN_IDLE ? "idle" : "too slow");
          g_socket_shutdown (conn->socket, TRUE, TRUE, NULL);
          conn->shut = TRUE;
          conn->deadline = now + G_USEC_PER_SEC;
        }
      else if (conn->deadline != 0 && now >= conn->deadline)
        {
          conn_close (conn);
          g_ptr_array_add (gone, conn);
        }
    }
  for (guint i = 0; i < gone->len; i++)
    conn_forget (g_ptr_array_index (gone, i));

  g_hash_table_iter_init (&iter, self->lingering);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (now >= ((Linger *) key)->deadline)
      g_ptr_array_add (drained, key);
  for (guint i = 0; i < drained->len; i++)
    g_hash_table_remove (self->lingering, g_ptr_array_index (drained, i));

  if (g_hash_table_size (self->conns) == 0 && g_hash_table_size (self->lingering) == 0)
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
ensure_tick (SpListener *self)
{
  guint shortest = MIN (self->config->read_timeout_sec, self->config->idle_timeout_sec);
  guint interval = CLAMP (shortest * 1000 / 4, 100, 1000);

  if (self->tick_id == 0)
    self->tick_id = g_timeout_add (interval, on_tick, self);
}

/* Requests on a connection */

static void
on_write_progress (SoupServerMessage *msg)
{
  Conn *conn = conn_for_message (msg);

  /* A client that stops taking the response holds the connection no
   * longer than one that idles. */
  if (conn != NULL)
    conn_set_state (conn, CONN_WRITING, conn->owner->config->idle_timeout_sec);
}

/* libsoup 3.2 never lets go of a kept-alive connection that the client
 * closes between requests: each such connection would stay in memory for
 * good. So once a response is out and the connection stays open, take it
 * back and keep it ourselves until the next request comes. */
static void
on_wrote_body (SoupServerMessage *msg)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  Conn *conn = conn_for_message (msg);
  g_autoptr(GIOStream) stolen = NULL;

  /* The cases where libsoup closes the connection itself. */
  if (conn == NULL || conn->shut || conn->idle_stream != NULL ||
      soup_server_message_get_http_version (msg) != SOUP_HTTP_1_1 ||
      soup_message_headers_header_contains (request, "Connection", "close") ||
      soup_message_headers_header_contains (response, "Connection", "close") ||
      soup_message_headers_get_encoding (response) == SOUP_ENCODING_EOF)
    return;

  stolen = soup_server_message_steal_connection (msg);
  if (stolen == NULL)
    return;

  /* What libsoup has read ahead (a pipelined request) is in its wrapper:
   * give that straight back. Else keep only our own stream. */
  if (g_pollable_input_stream_is_readable (G_POLLABLE_INPUT_STREAM (g_io_stream_get_input_stream (stolen))))
    {
      soup_server_accept_iostream (conn->owner->soup, stolen, conn->local, conn->remote, NULL);
      return;
    }
  conn->idle_stream = g_object_ref (conn->stream);
  conn_set_state (conn, CONN_IDLE, conn->owner->config->idle_timeout_sec);
}

/* libsoup has closed the connection (not handed it back to us): free its
 * place now rather than at the next tick, or a busy client would find its
 * own closed connections still counted. */
static void
on_disconnected (SoupServerMessage *msg)
{
  Conn *conn = conn_for_message (msg);

  if (conn != NULL && conn->idle_stream == NULL && g_io_stream_is_closed (conn->stream))
    conn_forget (conn);
}

static void
on_request_started (SoupServer        *soup,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  Conn *conn = conn_for_message (msg);

  if (conn == NULL)
    return;
  conn_set_state (conn, CONN_READING, conn->owner->config->read_timeout_sec);
  g_signal_connect (msg, "wrote-headers", G_CALLBACK (on_write_progress), NULL);
  g_signal_connect (msg, "wrote-body-data", G_CALLBACK (on_write_progress), NULL);
  g_signal_connect (msg, "wrote-body", G_CALLBACK (on_wrote_body), NULL);
  g_signal_connect (msg, "disconnected", G_CALLBACK (on_disconnected), NULL);
}

static void
on_request_read (SoupServer        *soup,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  Conn *conn = conn_for_message (msg);

  /* The handler may take its time (password hashing). */
  if (conn != NULL)
    conn_set_state (conn, CONN_BUSY, 0);
}

static void
on_request_done (SoupServer        *soup,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  Conn *conn = conn_for_message (msg);

  if (conn != NULL)
    conn_set_state (conn, CONN_IDLE, conn->owner->config->idle_timeout_sec);
}

/* Accepting */

static void
refuse_socket (SpListener *self,
               GSocket    *socket,
               const char *address,
               const char *reason)
{
  g_autofree char *answer = NULL;

  g_debug ("Refusing a connection from %s: %s", address, reason);

  /* Over TLS a plain answer would be noise: just close. */
  if (self->certificate != NULL)
    {
      g_socket_close (socket, NULL);
      return;
    }

  answer = format_refusal (SOUP_STATUS_SERVICE_UNAVAILABLE, "busy", reason);
  /* A new socket's send buffer takes this at once: never wait. */
  g_socket_send_with_blocking (socket, answer, strlen (answer), FALSE, NULL, NULL);
  linger_start (self, socket, NULL);
}

static void
take_connection (SpListener *self,
                 GSocket    *socket)
{
  g_autoptr(GSocketAddress) remote = NULL;
  g_autoptr(GSocketAddress) local = NULL;
  g_autoptr(GIOStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  guint per_address;
  Conn *conn;

  remote = g_socket_get_remote_address (socket, NULL);
  local = g_socket_get_local_address (socket, NULL);
  if (!G_IS_INET_SOCKET_ADDRESS (remote) || local == NULL)
    {
      g_socket_close (socket, NULL);
      return;
    }

  address = g_inet_address_to_string (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (remote)));
  per_address = GPOINTER_TO_UINT (g_hash_table_lookup (self->per_address, address));
  /* Under load the ends of earlier connections may not have been seen
   * yet: look before refusing anyone. */
  if (g_hash_table_size (self->conns) >= self->config->max_connections ||
      per_address >= self->config->max_connections_per_address)
    {
      reap (self);
      per_address = GPOINTER_TO_UINT (g_hash_table_lookup (self->per_address, address));
    }
  if (g_hash_table_size (self->conns) >= self->config->max_connections)
    {
      refuse_socket (self, socket, address, "The server has too many connections; try again shortly");
      return;
    }
  if (per_address >= self->config->max_connections_per_address)
    {
      refuse_socket (self, socket, address, "Too many connections from your address; try again shortly");
      return;
    }

  g_socket_set_option (socket, IPPROTO_TCP, TCP_NODELAY, TRUE, NULL);
  stream = G_IO_STREAM (g_socket_connection_factory_create_connection (socket));
  if (self->certificate != NULL)
    {
      GIOStream *tls = g_tls_server_connection_new (stream, self->certificate, &error);

      if (tls == NULL)
        {
          g_warning ("Cannot start TLS on a connection from %s: %s", address, error->message);
          g_io_stream_close (stream, NULL, NULL);
          return;
        }
      /* As libsoup's own listener does: clients often just hang up. */
      g_tls_connection_set_require_close_notify (G_TLS_CONNECTION (tls), FALSE);
      g_object_unref (stream);
      stream = tls;
    }

  conn = g_new0 (Conn, 1);
  conn->owner = self;
  conn->socket = g_object_ref (socket);
  conn->stream = stream;
  conn->remote = g_object_ref (remote);
  conn->local = g_object_ref (local);
  conn->address = g_steal_pointer (&address);
  conn_set_state (conn, CONN_READING, self->config->read_timeout_sec);
  g_object_weak_ref (G_OBJECT (stream), on_stream_finalized, conn);
  /* libsoup gives each message the address object we pass: the way back
   * from a message to its connection. */
  g_object_set_data (G_OBJECT (remote), CONN_KEY, conn);
  g_hash_table_add (self->conns, conn);
  g_hash_table_insert (self->per_address, g_strdup (conn->address), GUINT_TO_POINTER (per_address + 1));
  ensure_tick (self);

  g_debug ("Connection from %s (%u open)", conn->address, g_hash_table_size (self->conns));
  soup_server_accept_iostream (self->soup, stream, local, remote, NULL);
}

static gboolean
on_resume (gpointer user_data)
{
  SpListener *self = user_data;

  self->resume_id = 0;
  start_accepting (self);
  return G_SOURCE_REMOVE;
}

static void
pause_accepting (SpListener *self,
                 int         errsv)
{
  gint64 now = g_get_monotonic_time ();

  /* Once a minute is enough to say so. */
  if (now - self->last_warning > 60 * G_USEC_PER_SEC)
    {
      g_warning ("Cannot accept connections (%s): pausing briefly; raise LimitNOFILE or lower "
                 "max_connections", g_strerror (errsv));
      self->last_warning = now;
    }

  if (self->accept_source != NULL)
    {
      g_source_destroy (self->accept_source);
      g_clear_pointer (&self->accept_source, g_source_unref);
    }
  if (self->resume_id == 0)
    self->resume_id = g_timeout_add (ACCEPT_PAUSE_MS, on_resume, self);
}

static gboolean
on_incoming (GSocket      *listening,
             GIOCondition  condition,
             gpointer      user_data)
{
  SpListener *self = user_data;

  for (guint i = 0; i < ACCEPT_BATCH; i++)
    {
      g_autoptr(GSocket) socket = NULL;
      int fd;

      fd = accept4 (g_socket_get_fd (listening), NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
      if (fd < 0)
        {
          int errsv = errno;

          if (errsv == EAGAIN || errsv == EWOULDBLOCK)
            return G_SOURCE_CONTINUE;
          if (errsv == EMFILE || errsv == ENFILE || errsv == ENOBUFS || errsv == ENOMEM)
            {
              /* The connection waits in the queue; try again soon,
               * rather than spin or give up. */
              pause_accepting (self, errsv);
              return G_SOURCE_REMOVE;
            }
          /* A client gone before we took it (ECONNABORTED) and such:
           * on to the next. */
          continue;
        }

      socket = g_socket_new_from_fd (fd, NULL);
      if (socket == NULL)
        {
          close (fd);
          continue;
        }
      take_connection (self, socket);
    }

  return G_SOURCE_CONTINUE;
}

static void
start_accepting (SpListener *self)
{
  g_assert (self->accept_source == NULL);
  self->accept_source = g_socket_create_source (self->socket, G_IO_IN, NULL);
  g_source_set_callback (self->accept_source, (GSourceFunc) G_CALLBACK (on_incoming), self, NULL);
  g_source_attach (self->accept_source, NULL);
}

/* SoupServer keeps connections alive only while it has a listener of its
 * own: give it one that can never accept (one end of a socket pair whose
 * other end is closed at once). */
static gboolean
add_keepalive_listener (SpListener  *self,
                        GError     **error)
{
  int fds[2];

  if (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   "Cannot make a socket pair: %s", g_strerror (errsv));
      return FALSE;
    }

  self->keepalive_socket = g_socket_new_from_fd (fds[0], error);
  if (self->keepalive_socket == NULL)
    {
      close (fds[0]);
      close (fds[1]);
      return FALSE;
    }
  if (!soup_server_listen_socket (self->soup, self->keepalive_socket, 0, error))
    {
      close (fds[1]);
      return FALSE;
    }
  close (fds[1]);
  return TRUE;
}

SpListener *
sp_listener_new (SoupServer           *soup,
                 GSocket              *socket,
                 GTlsCertificate      *certificate,
                 const SpServerConfig *config,
                 GError              **error)
{
  g_autoptr(SpListener) self = g_new0 (SpListener, 1);

  self->soup = g_object_ref (soup);
  self->socket = g_object_ref (socket);
  self->certificate = certificate ? g_object_ref (certificate) : NULL;
  self->config = config;
  self->conns = g_hash_table_new (NULL, NULL);
  self->per_address = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->lingering = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) linger_free, NULL);

  if (!add_keepalive_listener (self, error))
    return NULL;

  g_socket_set_blocking (socket, FALSE);
  self->handlers[0] = g_signal_connect (soup, "request-started", G_CALLBACK (on_request_started), self);
  self->handlers[1] = g_signal_connect (soup, "request-read", G_CALLBACK (on_request_read), self);
  self->handlers[2] = g_signal_connect (soup, "request-finished", G_CALLBACK (on_request_done), self);
  self->handlers[3] = g_signal_connect (soup, "request-aborted", G_CALLBACK (on_request_done), self);
  start_accepting (self);

  return g_steal_pointer (&self);
}

void
sp_listener_free (SpListener *self)
{
  if (self == NULL)
    return;

  if (self->accept_source != NULL)
    {
      g_source_destroy (self->accept_source);
      g_source_unref (self->accept_source);
    }
  g_clear_handle_id (&self->resume_id, g_source_remove);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  for (guint i = 0; i < G_N_ELEMENTS (self->handlers); i++)
    g_clear_signal_handler (&self->handlers[i], self->soup);

  /* Forget each connection; SoupServer closes them itself. */
  {
    GList *conns = g_hash_table_get_keys (self->conns);

    for (GList *l = conns; l != NULL; l = l->next)
      conn_forget (l->data);
    g_list_free (conns);
  }
  g_hash_table_destroy (self->lingering);
  g_hash_table_destroy (self->per_address);
  g_hash_table_destroy (self->conns);

  g_clear_object (&self->keepalive_socket);
  g_clear_object (&self->certificate);
  g_clear_object (&self->socket);
  g_clear_object (&self->soup);
  g_free (self);
}

char *
sp_listener_dup_uri (SpListener *self)
{
  g_autoptr(GSocketAddress) address = g_socket_get_local_address (self->socket, NULL);
  g_autofree char *host = NULL;
  g_autoptr(GUri) uri = NULL;
  GInetAddress *inet;

  if (!G_IS_INET_SOCKET_ADDRESS (address))
    return NULL;
  inet = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (address));
  host = g_inet_address_to_string (inet);
  uri = g_uri_build (G_URI_FLAGS_NONE, self->certificate ? "https" : "http", NULL, host,
                     g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address)),
                     "/", NULL, NULL);
  return g_uri_to_string (uri);
}

/* Refusing a request by hand */

typedef struct
{
  SpListener *owner;
  GSocket    *socket;
  GIOStream  *stream;
  char       *answer;
  /* A client that takes nothing must not hold the write for ever. */
  GCancellable *cancellable;
  guint       timeout_id;
  gboolean    tls;
} Refusal;

static gboolean
on_refusal_timeout (gpointer user_data)
{
  Refusal *refusal = user_data;

  refusal->timeout_id = 0;
  g_cancellable_cancel (refusal->cancellable);
  return G_SOURCE_REMOVE;
}

static void
on_refusal_written (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Refusal *refusal = user_data;

  g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, NULL);
  g_clear_handle_id (&refusal->timeout_id, g_source_remove);
  /* Half-closing and draining is for plain TCP: TLS ends with its own
   * close, which must not wait on the client either. */
  if (refusal->socket != NULL && !refusal->tls && !g_cancellable_is_cancelled (refusal->cancellable))
    linger_start (refusal->owner, refusal->socket, refusal->stream);
  else
    {
      if (refusal->socket != NULL && g_cancellable_is_cancelled (refusal->cancellable))
        g_socket_shutdown (refusal->socket, TRUE, TRUE, NULL);
      g_io_stream_close_async (refusal->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
    }

  g_clear_object (&refusal->socket);
  g_object_unref (refusal->stream);
  g_object_unref (refusal->cancellable);
  g_free (refusal->answer);
  g_free (refusal);
}

static void
append_header (const char *name,
               const char *value,
               gpointer    user_data)
{
  GString *answer = user_data;

  /* Ours to frame; the rest are the handler's. */
  if (g_ascii_strcasecmp (name, "Content-Length") == 0 || g_ascii_strcasecmp (name, "Connection") == 0 ||
      g_ascii_strcasecmp (name, "Transfer-Encoding") == 0)
    return;
  g_string_append_printf (answer, "%s: %s\r\n", name, value);
}

/* The response set on @msg, as the bytes to write by hand. */
static char *
format_response (SoupServerMessage *msg)
{
  guint status = soup_server_message_get_status (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  GString *answer = g_string_new (NULL);
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  g_string_append_printf (answer, "HTTP/1.1 %u %s\r\n", status, soup_status_get_phrase (status));
  soup_message_headers_foreach (soup_server_message_get_response_headers (msg), append_header, answer);
  g_string_append_printf (answer, "Content-Length: %" G_GSIZE_FORMAT "\r\nConnection: close\r\n\r\n", length);
  if (length > 0)
    g_string_append_len (answer, data, length);
  return g_string_free (answer, FALSE);
}

static void
refuse (SoupServerMessage *msg,
        char              *answer)
{
  Conn *conn = conn_for_message (msg);
  Refusal *refusal;
  GIOStream *stream;

  stream = soup_server_message_steal_connection (msg);
  if (stream == NULL)
    {
      g_free (answer);
      return;
    }

  refusal = g_new0 (Refusal, 1);
  refusal->stream = stream;
  refusal->answer = answer;
  refusal->cancellable = g_cancellable_new ();
  refusal->timeout_id = g_timeout_add (LINGER_USEC / 1000, on_refusal_timeout, refusal);
  if (conn != NULL)
    {
      refusal->owner = conn->owner;
      refusal->socket = g_object_ref (conn->socket);
      refusal->tls = conn->owner->certificate != NULL;
      /* The connection is over: its place is free; the drain that
       * follows has a cap of its own. */
      conn_forget (conn);
    }

  g_output_stream_write_all_async (g_io_stream_get_output_stream (stream), refusal->answer,
                                   strlen (refusal->answer), G_PRIORITY_DEFAULT,
                                   refusal->cancellable, on_refusal_written, refusal);
}

void
sp_listener_refuse_message (SoupServerMessage *msg,
                            guint              status,
                            const char        *code,
                            const char        *message)
{
  g_debug ("Refusing a request: %u %s", status, message);
  refuse (msg, format_refusal (status, code, message));
}

void
sp_listener_refuse_with_response (SoupServerMessage *msg)
{
  g_debug ("Refusing a request: %u", soup_server_message_get_status (msg));
  refuse (msg, format_response (msg));
}
