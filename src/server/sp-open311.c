/* sp-open311.c: Open311 GeoReport v2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include <math.h>
#include <string.h>

#include "sp-admin.h"
#include "sp-intake.h"
#include "sp-open311.h"
#include "sp-open311-doc.h"
#include "sp-server-store.h"

#define MAX_LISTED 1000

typedef struct
{
  SpServer             *server;
  const SpIntakeConfig *config;
  SoupServerMessage    *msg;
  SpOpen311Format       format;
} Call;

static void
fail (Call       *call,
      guint       status,
      const char *description)
{
  sp_open311_reply_error (call->msg, call->format, status, description);
}

/* "services.json" → "services", JSON. FALSE for a format not offered. */
static gboolean
split_format (const char       *name,
              char            **resource,
              SpOpen311Format  *format)
{
  const char *dot = strrchr (name, '.');

  *format = SP_OPEN311_XML;
  if (dot == NULL)
    {
      *resource = g_strdup (name);
      return TRUE;
    }
  *resource = g_strndup (name, dot - name);
  if (g_str_equal (dot, ".json"))
    *format = SP_OPEN311_JSON;
  else if (!g_str_equal (dot, ".xml"))
    return FALSE;
  return TRUE;
}

static void
set_string_or_null (JsonObject *object,
                    const char *member,
                    const char *value)
{
  if (value != NULL && *value != '\0')
    json_object_set_string_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

static void
discovery (Call *call)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *root = json_object_new ();
  JsonObject *endpoint = json_object_new ();
  JsonArray *endpoints = json_array_new ();
  JsonArray *formats = json_array_new ();
  GUri *uri = soup_server_message_get_uri (call->msg);
  g_autofree char *url = g_strdup_printf ("%s://%s:%d%s", g_uri_get_scheme (uri), g_uri_get_host (uri),
                                          g_uri_get_port (uri), call->config->open311_base);

  json_object_set_string_member (root, "changeset", "2026-12-02T00:00:00Z");
  set_string_or_null (root, "contact", call->config->contact);
  json_object_set_string_member (root, "key_service",
                                 "Ask the administration for an api_key: synpunkt-server open311-key add");
  json_object_set_string_member (endpoint, "specification", "http://wiki.open311.org/GeoReport_v2");
  json_object_set_string_member (endpoint, "url", url);
  json_object_set_string_member (endpoint, "changeset", "2026-12-02T00:00:00Z");
  json_object_set_string_member (endpoint, "type", "production");
  json_array_add_string_element (formats, "text/xml");
  json_array_add_string_element (formats, "application/json");
  json_object_set_array_member (endpoint, "formats", formats);
  json_array_add_object_element (endpoints, endpoint);
  json_object_set_array_member (root, "endpoints", endpoints);
  json_node_take_object (node, root);
  sp_open311_reply (call->msg, call->format, SOUP_STATUS_OK, "discovery", node);
}

static JsonObject *
encode_service (const SpIntakeService *service)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "service_code", service->code);
  json_object_set_string_member (object, "service_name", service->name);
  set_string_or_null (object, "description", service->description);
  json_object_set_boolean_member (object, "metadata", service->attributes && service->attributes->len > 0);
  json_object_set_string_member (object, "type", "realtime");
  set_string_or_null (object, "keywords", service->keywords);
  set_string_or_null (object, "group", service->group);
  return object;
}

static void
services (Call *call)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < call->config->services->len; i++)
    json_array_add_object_element (array, encode_service (g_ptr_array_index (call->config->services, i)));
  json_node_take_array (node, array);
  sp_open311_reply (call->msg, call->format, SOUP_STATUS_OK, "services", node);
}

/* The service's own attributes as GeoReport v2 defines them. */
static JsonArray *
encode_attributes (const SpIntakeService *service)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; service->attributes && i < service->attributes->len; i++)
    {
      const SpIntakeAttribute *attribute = service->attributes->pdata[i];
      JsonObject *object = json_object_new ();

      json_object_set_boolean_member (object, "variable", TRUE);
      json_object_set_string_member (object, "code", attribute->code);
      json_object_set_string_member (object, "datatype", attribute->datatype);
      json_object_set_boolean_member (object, "required", attribute->required);
      set_string_or_null (object, "datatype_description", attribute->datatype_description);
      json_object_set_int_member (object, "order", attribute->order);
      json_object_set_string_member (object, "description", attribute->description);
      if (attribute->keys != NULL)
        {
          JsonArray *values = json_array_new ();

          for (guint k = 0; attribute->keys[k]; k++)
            {
              JsonObject *value = json_object_new ();

              json_object_set_string_member (value, "key", attribute->keys[k]);
              json_object_set_string_member (value, "name", attribute->names[k]);
              json_array_add_object_element (values, value);
            }
          json_object_set_array_member (object, "values", values);
        }
      json_array_add_object_element (array, object);
    }
  return array;
}

/* The attribute[CODE] answers of a request, checked against the
 * service's definitions and written as lines for the case's description
 * ("Hur mycket skräp ligger där?: Mycket"); NULL with @message on a
 * missing, unknown or malformed one. */
static char *
read_attributes (const SpIntakeService *service,
                 GHashTable            *form,
                 char                 **message)
{
  GString *out = g_string_new (NULL);
  GHashTableIter iter;
  const char *key, *value;

  g_hash_table_iter_init (&iter, form);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    {
      gboolean known = FALSE;

      if (!g_str_has_prefix (key, "attribute["))
        continue;
      for (guint i = 0; service->attributes && i < service->attributes->len && !known; i++)
        {
          const SpIntakeAttribute *attribute = service->attributes->pdata[i];
          g_autofree char *name = g_strdup_printf ("attribute[%s]", attribute->code);

          known = g_str_equal (name, key);
        }
      if (!known)
        {
          *message = g_strdup_printf ("%.100s is not an attribute of service %s", key, service->code);
          goto refused;
        }
    }

  for (guint i = 0; service->attributes && i < service->attributes->len; i++)
    {
      const SpIntakeAttribute *attribute = service->attributes->pdata[i];
      g_autofree char *name = g_strdup_printf ("attribute[%s]", attribute->code);
      const char *answer = g_hash_table_lookup (form, name);
      const char *shown = answer;

      if (answer == NULL || *answer == '\0')
        {
          if (attribute->required)
            {
              *message = g_strdup_printf ("%s is required for service %s", name, service->code);
              goto refused;
            }
          continue;
        }
      if (g_str_equal (attribute->datatype, "number"))
        {
          char *end = NULL;
          double number = g_ascii_strtod (answer, &end);

          if (end == answer || *end != '\0' || !isfinite (number))
            {
              *message = g_strdup_printf ("%s must be a number", name);
              goto refused;
            }
        }
      else if (attribute->keys != NULL)
        {
          shown = NULL;
          for (guint k = 0; attribute->keys[k] && shown == NULL; k++)
            if (g_str_equal (attribute->keys[k], answer))
              shown = attribute->names[k];
          if (shown == NULL)
            {
              *message = g_strdup_printf ("%s must be one of the service definition's keys", name);
              goto refused;
            }
        }
      else if (g_utf8_strlen (answer, -1) > (g_str_equal (attribute->datatype, "text") ? 2000 : 200))
        {
          *message = g_strdup_printf ("%s is too long", name);
          goto refused;
        }
      g_string_append_printf (out, "%s%s: %s", out->len ? "\n" : "", attribute->description, shown);
    }
  return g_string_free (out, FALSE);

refused:
  g_string_free (out, TRUE);
  return NULL;
}

static void
service_definition (Call       *call,
                    const char *code)
{
  const SpIntakeService *service = sp_intake_config_find_service (call->config, code);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object;

  if (service == NULL)
    {
      fail (call, SOUP_STATUS_NOT_FOUND, "No service has this service_code");
      return;
    }
  object = json_object_new ();
  json_object_set_string_member (object, "service_code", service->code);
  json_object_set_array_member (object, "attributes", encode_attributes (service));
  json_node_take_object (node, object);
  sp_open311_reply (call->msg, call->format, SOUP_STATUS_OK, "service_definition", node);
}

/* The case's status as Open311 knows it. */
static const char *
open_or_closed (SpCase *kase)
{
  return sp_intake_status_is_closed (kase->status) || kase->status == SP_STATUS_FEEDBACK_GIVEN
         ? "closed" : "open";
}

/* A report as anyone may see it: what, where and how far; never the
 * sender nor the description, which may name people. */
static JsonObject *
encode_request (Call        *call,
                SpPublicRef *ref,
                SpCase      *kase)
{
  const SpIntakeService *service = sp_intake_config_find_service (call->config, ref->service_code);
  JsonObject *object = json_object_new ();
  g_autofree char *requested = sp_open311_datetime (ref->created_at);
  g_autofree char *updated = sp_open311_datetime (SP_ENTITY (kase)->updated_at);
  double lat, lon;

  json_object_set_string_member (object, "service_request_id", ref->code);
  json_object_set_string_member (object, "status", open_or_closed (kase));
  json_object_set_string_member (object, "status_notes", sp_intake_public_status (kase->status));
  set_string_or_null (object, "service_name", service ? service->name : NULL);
  set_string_or_null (object, "service_code", ref->service_code);
  json_object_set_null_member (object, "description");
  {
    g_autofree char *stored = sp_store_dup_setting (sp_server_get_store (call->server), "organisation.name");
    const char *org = sp_server_get_config (call->server)->org_name;

    set_string_or_null (object, "agency_responsible", org ? org : stored);
  }
  json_object_set_null_member (object, "service_notice");
  set_string_or_null (object, "requested_datetime", requested);
  set_string_or_null (object, "updated_datetime", updated ? updated : requested);
  if (kase->due_on != SP_DATE_NONE)
    {
      g_autofree char *day = sp_date_to_string (kase->due_on);
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (SP_DATE_ORGANISATION_ZONE);
      g_autoptr(GDateTime) due = NULL;
      int y = sp_date_get_year (kase->due_on), m = sp_date_get_month (kase->due_on), d = sp_date_get_day (kase->due_on);

      due = zone ? g_date_time_new (zone, y, m, d, 23, 59, 59) : NULL;
      if (due != NULL)
        {
          g_autofree char *text = g_date_time_format (due, "%Y-%m-%dT%H:%M:%S%:z");

          json_object_set_string_member (object, "expected_datetime", text);
        }
      else
        set_string_or_null (object, "expected_datetime", day);
    }
  else
    json_object_set_null_member (object, "expected_datetime");
  json_object_set_null_member (object, "address");
  json_object_set_null_member (object, "address_id");
  json_object_set_null_member (object, "zipcode");
  if (sp_server_store_find_public_position (sp_server_get_store (call->server), ref->code, &lat, &lon))
    {
      json_object_set_double_member (object, "lat", lat);
      json_object_set_double_member (object, "long", lon);
    }
  json_object_set_null_member (object, "media_url");
  return object;
}

/* Cases that concern a person's own file or a named employee are never
 * shown in a list, even without their content. */
static gboolean
may_list (SpCase *kase)
{
  return kase != NULL && !SP_ENTITY (kase)->deleted && !kase->named_employee &&
         !kase->individual_record;
}

static void
reply_requests (Call      *call,
                GPtrArray *objects)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < objects->len; i++)
    json_array_add_object_element (array, json_object_ref (g_ptr_array_index (objects, i)));
  json_node_take_array (node, array);
  sp_open311_reply (call->msg, call->format, SOUP_STATUS_OK, "service_requests", node);
}

static void
request_one (Call       *call,
             const char *id)
{
  SpStore *store = sp_server_get_store (call->server);
  g_autoptr(SpPublicRef) ref = NULL;
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  if (sp_intake_code_is_valid (id))
    ref = sp_server_store_find_public_ref (store, id);
  if (ref != NULL && ref->service_code != NULL)
    kase = sp_store_get_case (store, ref->case_id, NULL);
  if (kase == NULL || SP_ENTITY (kase)->deleted)
    {
      fail (call, SOUP_STATUS_NOT_FOUND, "No service request has this service_request_id");
      return;
    }
  g_ptr_array_add (objects, encode_request (call, ref, kase));
  reply_requests (call, objects);
}

static gboolean
parse_datetime (GHashTable  *query,
                const char  *name,
                gint64      *value)
{
  const char *text = query ? g_hash_table_lookup (query, name) : NULL;
  g_autoptr(GDateTime) dt = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL) || (dt = g_date_time_new_from_iso8601 (text, NULL)) == NULL)
    return FALSE;
  *value = g_date_time_to_unix (dt) * G_USEC_PER_SEC;
  return TRUE;
}

static void
request_list (Call       *call,
              GHashTable *query)
{
  SpStore *store = sp_server_get_store (call->server);
  const char *ids = query ? g_hash_table_lookup (query, "service_request_id") : NULL;
  const char *service_code = query ? g_hash_table_lookup (query, "service_code") : NULL;
  const char *status = query ? g_hash_table_lookup (query, "status") : NULL;
  g_autoptr(GPtrArray) refs = NULL;
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  gint64 start = G_MININT64, end = G_MAXINT64;

  if ((ids && !g_utf8_validate (ids, -1, NULL)) || (service_code && !g_utf8_validate (service_code, -1, NULL)))
    {
      fail (call, SOUP_STATUS_BAD_REQUEST, "The parameters are not UTF-8");
      return;
    }

  /* Asking for reports by their ids is as open as asking for each. */
  if (ids != NULL && *ids != '\0')
    {
      g_auto(GStrv) parts = g_strsplit (ids, ",", 101);

      if (g_strv_length (parts) > 100)
        {
          fail (call, SOUP_STATUS_BAD_REQUEST, "At most 100 service_request_id at once");
          return;
        }
      for (guint i = 0; parts[i]; i++)
        {
          g_autoptr(SpPublicRef) ref = NULL;
          g_autoptr(SpCase) kase = NULL;

          g_strstrip (parts[i]);
          if (sp_intake_code_is_valid (parts[i]))
            ref = sp_server_store_find_public_ref (store, parts[i]);
          if (ref != NULL && ref->service_code != NULL)
            kase = sp_store_get_case (store, ref->case_id, NULL);
          if (kase != NULL && !SP_ENTITY (kase)->deleted)
            g_ptr_array_add (objects, encode_request (call, ref, kase));
        }
      reply_requests (call, objects);
      return;
    }

  if (!call->config->public_listing)
    {
      fail (call, SOUP_STATUS_FORBIDDEN,
            "Listing service requests is not offered here: ask for one by its service_request_id");
      return;
    }
  if (status != NULL && *status != '\0' && !g_str_equal (status, "open") && !g_str_equal (status, "closed"))
    {
      fail (call, SOUP_STATUS_BAD_REQUEST, "status must be open or closed");
      return;
    }
  if (!parse_datetime (query, "start_date", &start) || !parse_datetime (query, "end_date", &end))
    {
      fail (call, SOUP_STATUS_BAD_REQUEST, "start_date and end_date must be ISO 8601 with a time zone");
      return;
    }
  if (service_code != NULL && *service_code != '\0' &&
      sp_intake_config_find_service (call->config, service_code) == NULL)
    {
      fail (call, SOUP_STATUS_BAD_REQUEST, "No service has this service_code");
      return;
    }

  refs = sp_server_store_list_public_refs (store, service_code && *service_code ? service_code : NULL,
                                           MAX_LISTED, NULL);
  for (guint i = 0; refs && i < refs->len; i++)
    {
      SpPublicRef *ref = g_ptr_array_index (refs, i);
      g_autoptr(SpCase) kase = NULL;

      if (ref->created_at < start || ref->created_at > end)
        continue;
      kase = sp_store_get_case (store, ref->case_id, NULL);
      if (!may_list (kase) ||
          (status && *status && !g_str_equal (status, open_or_closed (kase))))
        continue;
      g_ptr_array_add (objects, encode_request (call, ref, kase));
    }
  reply_requests (call, objects);
}

static const char *
param (GHashTable *form,
       const char *name)
{
  const char *value = g_hash_table_lookup (form, name);

  return value && *value ? value : NULL;
}

static gboolean
parse_coordinate (const char *text,
                  double      limit,
                  double     *value)
{
  char *end = NULL;

  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value) && fabs (*value) <= limit;
}

/* The report's text for the registrar: what the client sent, where. */
static char *
describe (GHashTable          *form,
          const SpIntakePlace *place,
          const char          *answers)
{
  GString *out = g_string_new (param (form, "description") ? param (form, "description") : "");

  if (answers != NULL && *answers != '\0')
    g_string_append_printf (out, "%s%s", out->len ? "\n\n" : "", answers);

  if (place->address != NULL)
    g_string_append_printf (out, "%sAdress: %s", out->len ? "\n\n" : "", place->address);
  if (place->has_position)
    g_string_append_printf (out, "%sPosition: %.6f, %.6f", out->len ? "\n" : "", place->lat, place->lon);
  if (param (form, "media_url") != NULL)
    g_string_append_printf (out, "\nBild: %s", param (form, "media_url"));
  return g_string_free (out, FALSE);
}

static void
post_request (Call *call)
{
  SpServer *server = call->server;
  SpStore *store = sp_server_get_store (server);
  SoupServerMessage *msg = call->msg;
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  const char *type = soup_message_headers_get_content_type (soup_server_message_get_request_headers (msg), NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GHashTable) form = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *client_id = NULL;
  g_autofree char *code = NULL;
  g_autofree char *answers = NULL;
  g_autofree char *refusal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCase) kase = NULL;
  g_autoptr(JsonNode) node = NULL;
  const SpIntakeService *service;
  SpIntakePlace place = { FALSE, 0, 0, NULL };
  const char *jurisdiction, *lat, *lon, *first, *last;
  GHashTableIter iter;
  const char *key, *value;
  JsonArray *array;
  JsonObject *object;

  if (body->length > (goffset) call->config->max_body)
    {
      fail (call, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "The request is too large");
      return;
    }
  if (type == NULL || g_ascii_strcasecmp (type, "application/x-www-form-urlencoded") != 0)
    {
      fail (call, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, "Send the request as application/x-www-form-urlencoded");
      return;
    }
  if (!sp_intake_allow_post (sp_server_get_intake (server), soup_server_message_get_remote_host (msg)))
    {
      fail (call, 429, "Too many requests from this address: wait a minute");
      return;
    }

  bytes = soup_message_body_flatten (body);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  form = soup_form_decode (text);
  g_hash_table_iter_init (&iter, form);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    if (!g_utf8_validate (key, -1, NULL) || !g_utf8_validate (value, -1, NULL))
      {
        fail (call, SOUP_STATUS_BAD_REQUEST, "The request is not UTF-8");
        return;
      }

  if (param (form, "api_key") == NULL)
    {
      fail (call, SOUP_STATUS_FORBIDDEN, "An api_key is required to create a service request");
      return;
    }
  hash = sp_admin_open311_hash_key (param (form, "api_key"));
  client_id = sp_server_store_find_open311_client (store, hash);
  if (client_id == NULL)
    {
      fail (call, SOUP_STATUS_FORBIDDEN, "Invalid api_key received: cannot create the service request");
      return;
    }

  jurisdiction = param (form, "jurisdiction_id");
  if (jurisdiction != NULL && call->config->jurisdiction_id != NULL &&
      !g_str_equal (jurisdiction, call->config->jurisdiction_id))
    {
      fail (call, SOUP_STATUS_NOT_FOUND, "jurisdiction_id was not found");
      return;
    }
  if (param (form, "service_code") == NULL)
    {
      fail (call, SOUP_STATUS_BAD_REQUEST, "service_code is required");
      return;
    }
  service = sp_intake_config_find_service (call->config, param (form, "service_code"));
  if (service == NULL)
    {
      fail (call, SOUP_STATUS_BAD_REQUEST, "service_code was not found");
      return;
    }
  answers = read_attributes (service, form, &refusal);
  if (answers == NULL)
    {
      fail (call, SOUP_STATUS_BAD_REQUEST, refusal);
      return;
    }

  lat = param (form, "lat");
  lon = param (form, "long");
  place.address = param (form, "address_string");
  if ((lat == NULL) != (lon == NULL))
    {
      fail (call, SOUP_STATUS_BAD_REQUEST, "lat and long come together");
      return;
    }
  if (lat != NULL)
    {
      if (!parse_coordinate (lat, 90, &place.lat) || !parse_coordinate (lon, 180, &place.lon))
        {
          fail (call, SOUP_STATUS_BAD_REQUEST, "lat must be from -90 to 90 and long from -180 to 180");
          return;
        }
      place.has_position = TRUE;
    }
  if (!place.has_position && place.address == NULL && param (form, "address_id") == NULL)
    {
      fail (call, SOUP_STATUS_BAD_REQUEST, "A location is required: lat and long, or address_string");
      return;
    }
  if (place.address != NULL && g_utf8_strlen (place.address, -1) > 500)
    {
      fail (call, SOUP_STATUS_BAD_REQUEST, "address_string is longer than 500 characters");
      return;
    }
  if (param (form, "description") != NULL && g_utf8_strlen (param (form, "description"), -1) > 19000)
    {
      fail (call, SOUP_STATUS_BAD_REQUEST, "description is longer than 19,000 characters");
      return;
    }

  kase = sp_case_new ();
  kase->kind = SP_CASE_KIND_OPINION;
  kase->valence = SP_VALENCE_NEGATIVE;
  kase->channel = SP_CHANNEL_TYCK_TILL_APP;
  kase->area = service->area;
  if (service->category != NULL)
    {
      g_autoptr(GPtrArray) found = sp_store_load_where (store, SP_TYPE_CATEGORY, "code", service->category, NULL);

      if (found != NULL && found->len > 0)
        kase->category = g_strdup (service->category);
    }
  /* g_utf8_substring () reads past a string shorter than the end asked. */
  kase->subject = g_utf8_strlen (service->name, -1) > 200 ? g_utf8_substring (service->name, 0, 200)
                                                          : g_strdup (service->name);
  kase->description = describe (form, &place, answers);
  kase->sender_relation = SP_RELATION_RESIDENT;
  first = param (form, "first_name");
  last = param (form, "last_name");
  kase->sender_email = g_strdup (param (form, "email"));
  kase->sender_phone = g_strdup (param (form, "phone"));
  if (first != NULL || last != NULL)
    kase->sender_name = g_strjoin (" ", first ? first : last, first && last ? last : NULL, NULL);
  kase->sender_anonymous = kase->sender_name == NULL && kase->sender_email == NULL && kase->sender_phone == NULL;
  kase->sender_wants_feedback = kase->sender_email != NULL || kase->sender_phone != NULL;

  if (!sp_intake_submit (store, kase, NULL, 0, client_id, service->code, &place, &code, &error))
    {
      if (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID))
        {
          const char *field = sp_error_get_field (error);
          g_autofree char *message = g_strdup_printf ("%s is not acceptable: %s",
                                                      field ? field : "The request", error->message);

          fail (call, SOUP_STATUS_BAD_REQUEST, message);
        }
      else
        {
          g_warning ("Open311: a report could not be stored: %s", error->message);
          fail (call, SOUP_STATUS_SERVICE_UNAVAILABLE, "The request could not be stored: try again later");
        }
      return;
    }

  g_message ("Open311: report %s received (service %s)", code, service->code);
  node = json_node_new (JSON_NODE_ARRAY);
  array = json_array_new ();
  object = json_object_new ();
  json_object_set_string_member (object, "service_request_id", code);
  json_object_set_string_member (object, "service_notice",
                                 kase->deadline_rule && g_str_has_prefix (kase->deadline_rule, "calendar-days:3")
                                 ? "The district administration answers within 3 days."
                                 : "The district administration has received the report.");
  json_object_set_null_member (object, "account_id");
  json_array_add_object_element (array, object);
  json_node_take_array (node, array);
  sp_open311_reply (msg, call->format, SOUP_STATUS_OK, "service_requests", node);
}

void
sp_open311_too_large (SpServer          *server,
                      SoupServerMessage *msg,
                      const char        *path)
{
  SpOpen311Format format = g_str_has_suffix (path, ".json") ? SP_OPEN311_JSON : SP_OPEN311_XML;

  sp_open311_reply_error (msg, format, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "The request is too large");
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
}

void
sp_open311_handle (SpServer          *server,
                   SoupServerMessage *msg,
                   const char        *sub,
                   GHashTable        *query)
{
  const char *method = soup_server_message_get_method (msg);
  gboolean is_get = g_str_equal (method, "GET") || g_str_equal (method, "HEAD");
  g_auto(GStrv) parts = g_strsplit (*sub == '/' ? sub + 1 : sub, "/", 3);
  guint n = g_strv_length (parts);
  g_autofree char *resource = NULL;
  Call call = { server, sp_server_get_config (server)->intake, msg, SP_OPEN311_XML };
  const char *jurisdiction = query ? g_hash_table_lookup (query, "jurisdiction_id") : NULL;
  gboolean format_ok;

  if (n == 0 || n > 2 || *parts[n - 1] == '\0')
    {
      fail (&call, SOUP_STATUS_NOT_FOUND, "No such resource");
      return;
    }
  format_ok = split_format (parts[n - 1], &resource, &call.format);
  if (!format_ok)
    {
      fail (&call, SOUP_STATUS_BAD_REQUEST, "The format must be xml or json");
      return;
    }
  if (jurisdiction != NULL && *jurisdiction != '\0' && call.config->jurisdiction_id != NULL &&
      (!g_utf8_validate (jurisdiction, -1, NULL) || !g_str_equal (jurisdiction, call.config->jurisdiction_id)))
    {
      fail (&call, SOUP_STATUS_NOT_FOUND, "jurisdiction_id was not found");
      return;
    }

  if (n == 1 && g_str_equal (resource, "discovery") && is_get)
    discovery (&call);
  else if (n == 1 && g_str_equal (resource, "services") && is_get)
    services (&call);
  else if (n == 2 && g_str_equal (parts[0], "services") && is_get)
    service_definition (&call, resource);
  else if (n == 1 && g_str_equal (resource, "requests") && g_str_equal (method, "POST"))
    post_request (&call);
  else if (n == 1 && g_str_equal (resource, "requests") && is_get)
    request_list (&call, query);
  else if (n == 2 && g_str_equal (parts[0], "requests") && is_get)
    request_one (&call, resource);
  else if ((n == 1 && (g_str_equal (resource, "discovery") || g_str_equal (resource, "services") ||
                       g_str_equal (resource, "requests"))) ||
           (n == 2 && (g_str_equal (parts[0], "services") || g_str_equal (parts[0], "requests"))))
    fail (&call, SOUP_STATUS_METHOD_NOT_ALLOWED, "This method is not allowed here");
  else
    fail (&call, SOUP_STATUS_NOT_FOUND, "No such resource");
}
