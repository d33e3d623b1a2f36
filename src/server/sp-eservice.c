/* sp-eservice.c: the residents' e-service form, receipt and status page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "synpunkt-server"

#include <glib/gi18n.h>
#include <string.h>

#include "sp-eservice.h"
#include "sp-page.h"
#include "sp-public.h"
#include "sp-server-store.h"

typedef struct
{
  char *field;
  char *message;
} FieldError;

typedef struct
{
  SpServer             *server;
  SpIntake             *intake;
  const SpIntakeConfig *config;
  SoupServerMessage    *msg;
  SpLang                lang;
  GHashTable           *form;      /* posted name → value, or NULL */
  GPtrArray            *errors;    /* FieldError, in the form's order */
  GHashTable           *values;    /* for the templates */
} Page;

static void
field_error_free (gpointer data)
{
  FieldError *e = data;

  g_free (e->field);
  g_free (e->message);
  g_free (e);
}

static const char *
tr (Page       *page,
    const char *msgid)
{
  return sp_intake_gettext (page->intake, page->lang, msgid);
}

static void
page_init (Page              *page,
           SpServer          *server,
           SoupServerMessage *msg,
           const char        *explicit_lang)
{
  const char *accept = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                     "Accept-Language");

  memset (page, 0, sizeof *page);
  page->server = server;
  page->intake = sp_server_get_intake (server);
  page->config = sp_server_get_config (server)->intake;
  page->msg = msg;
  if (explicit_lang != NULL && !g_str_equal (explicit_lang, "sv") && !g_str_equal (explicit_lang, "en"))
    explicit_lang = NULL;
  page->lang = sp_intake_pick_lang (explicit_lang, accept);
  page->errors = g_ptr_array_new_with_free_func (field_error_free);
  page->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
page_clear (Page *page)
{
  g_clear_pointer (&page->errors, g_ptr_array_unref);
  g_clear_pointer (&page->values, g_hash_table_unref);
  g_clear_pointer (&page->form, g_hash_table_unref);
}

static void
set (Page       *page,
     const char *key,
     const char *value)
{
  g_hash_table_replace (page->values, g_strdup (key), g_strdup (value ? value : ""));
}

static void
take (Page       *page,
      const char *key,
      char       *value)
{
  g_hash_table_replace (page->values, g_strdup (key), value);
}

static const char *
lookup_text (const char *key,
             gpointer    user_data)
{
  Page *page = user_data;

  return sp_eservice_text (page->intake, page->lang, key);
}

/* The values every template may use, then the template. */
static char *
render (Page       *page,
        const char *name)
{
  set (page, "lang", page->lang == SP_LANG_SV ? "sv" : "en");
  set (page, "base", page->config->form_path);
  take (page, "lang_query", g_strdup_printf ("?lang=%s", page->lang == SP_LANG_SV ? "sv" : "en"));
  return sp_page_render (name, page->values, lookup_text, page);
}

static const char *
posted (Page       *page,
        const char *name)
{
  const char *value = page->form ? g_hash_table_lookup (page->form, name) : NULL;

  return value ? value : "";
}

static gboolean
is_blank (const char *text)
{
  for (; *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* Where an error's link leads: a group's first choice. The core names the
 * sender's fields as the case does ("sender_name"). */
static const char *
anchor_for (const char *field)
{
  if (g_strcmp0 (field, "kind") == 0)
    return "kind-opinion";
  if (g_strcmp0 (field, "sender") == 0)
    return "sender-anonymous";
  if (g_strcmp0 (field, "sender_anonymous") == 0)
    return "sender-anonymous";
  if (field != NULL && g_str_has_prefix (field, "sender_"))
    return field + 7;
  return field;
}

static void
add_error (Page       *page,
           const char *field,
           const char *message)
{
  FieldError *e = g_new0 (FieldError, 1);

  e->field = g_strdup (field);
  e->message = g_strdup (message);
  g_ptr_array_add (page->errors, e);
}

static const FieldError *
find_error (Page       *page,
            const char *field)
{
  for (guint i = 0; i < page->errors->len; i++)
    {
      const FieldError *e = g_ptr_array_index (page->errors, i);

      if (g_strcmp0 (e->field, field) == 0)
        return e;
    }
  return NULL;
}

/* The summary at the top: each error a link to its field. */
static char *
error_summary (Page *page)
{
  GString *out;

  if (page->errors->len == 0)
    return g_strdup ("");

  out = g_string_new ("<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" "
                      "aria-labelledby=\"error-summary-title\" id=\"error-summary\">\n"
                      "<h2 id=\"error-summary-title\">");
  sp_html_append (out, tr (page, N_("There is a problem")));
  g_string_append (out, "</h2>\n<ul>\n");
  for (guint i = 0; i < page->errors->len; i++)
    {
      const FieldError *e = g_ptr_array_index (page->errors, i);

      g_string_append (out, "<li>");
      if (e->field != NULL)
        {
          g_string_append (out, "<a href=\"#");
          sp_html_append (out, anchor_for (e->field));
          g_string_append (out, "\">");
          sp_html_append (out, e->message);
          g_string_append (out, "</a>");
        }
      else
        sp_html_append (out, e->message);
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ul>\n</div>");
  return g_string_free (out, FALSE);
}

/* "{{F_err}}", "{{F_aria}}" and "{{F_class}}" of the field @field. */
static void
set_field_state (Page       *page,
                 const char *field,
                 const char *hint_id)
{
  const FieldError *e = find_error (page, field);
  g_autofree char *err_key = g_strconcat (field, "_err", NULL);
  g_autofree char *aria_key = g_strconcat (field, "_aria", NULL);
  g_autofree char *class_key = g_strconcat (field, "_class", NULL);

  if (e == NULL)
    {
      set (page, err_key, "");
      take (page, aria_key, hint_id ? g_strdup_printf (" aria-describedby=\"%s\"", hint_id) : g_strdup (""));
      set (page, class_key, "");
      return;
    }

  {
    GString *err = g_string_new ("<p class=\"field-error\" id=\"");
    g_string_append (err, field);
    g_string_append (err, "-error\"><span class=\"visually-hidden\">");
    sp_html_append (err, tr (page, N_("Error:")));
    g_string_append (err, "</span> ");
    sp_html_append (err, e->message);
    g_string_append (err, "</p>");
    take (page, err_key, g_string_free (err, FALSE));
  }
  take (page, aria_key,
        g_strdup_printf (" aria-invalid=\"true\" aria-describedby=\"%s-error%s%s\"", field,
                         hint_id ? " " : "", hint_id ? hint_id : ""));
  set (page, class_key, " invalid");
}

static void
append_option (GString    *out,
               const char *value,
               const char *label,
               gboolean    selected)
{
  g_string_append (out, "<option value=\"");
  sp_html_append (out, value);
  g_string_append (out, selected ? "\" selected>" : "\">");
  sp_html_append (out, label);
  g_string_append (out, "</option>\n");
}

static char *
enum_options (Page             *page,
              const SpEnumInfo *info,
              const char       *chosen,
              const char       *empty_label)
{
  GString *out = g_string_new (NULL);

  append_option (out, "", tr (page, empty_label), *chosen == '\0');
  for (guint i = 0; i < info->n_values; i++)
    append_option (out, info->values[i].name, tr (page, info->values[i].label),
                   g_str_equal (chosen, info->values[i].name));
  return g_string_free (out, FALSE);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  SpEntity *ea = *(SpEntity * const *) a;
  SpEntity *eb = *(SpEntity * const *) b;
  const char *na = SP_IS_UNIT (ea) ? SP_UNIT (ea)->name : SP_PROVIDER (ea)->name;
  const char *nb = SP_IS_UNIT (eb) ? SP_UNIT (eb)->name : SP_PROVIDER (eb)->name;

  return g_utf8_collate (na ? na : "", nb ? nb : "");
}

/* The organisation's public list: the units the form offers and the
 * private providers. */
static GPtrArray *
offered (Page    *page,
         GType    type)
{
  SpStore *store = sp_server_get_store (page->server);
  g_autoptr(GPtrArray) all = sp_store_load_where (store, type, NULL, NULL, NULL);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; all && i < all->len; i++)
    {
      SpEntity *entity = g_ptr_array_index (all, i);

      if (type == SP_TYPE_UNIT &&
          (SP_UNIT (entity)->kind != SP_UNIT_KIND_UNIT ||
           !sp_intake_config_offers_unit (page->config, entity->id)))
        continue;
      g_ptr_array_add (out, g_object_ref (entity));
    }
  g_ptr_array_sort (out, compare_names);
  return out;
}

static char *
about_options (Page       *page,
               const char *chosen)
{
  g_autoptr(GPtrArray) units = offered (page, SP_TYPE_UNIT);
  g_autoptr(GPtrArray) providers = offered (page, SP_TYPE_PROVIDER);
  GString *out = g_string_new (NULL);

  append_option (out, "", tr (page, N_("I do not know")), *chosen == '\0');
  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *list = pass == 0 ? units : providers;

      if (list->len == 0)
        continue;
      g_string_append (out, "<optgroup label=\"");
      sp_html_append (out, tr (page, pass == 0 ? N_("Our units") : N_("Private providers")));
      g_string_append (out, "\">\n");
      for (guint i = 0; i < list->len; i++)
        {
          SpEntity *entity = g_ptr_array_index (list, i);
          g_autofree char *value = g_strconcat (pass == 0 ? "unit:" : "provider:", entity->id, NULL);

          append_option (out, value, pass == 0 ? SP_UNIT (entity)->name : SP_PROVIDER (entity)->name,
                         g_str_equal (chosen, value));
        }
      g_string_append (out, "</optgroup>\n");
    }
  return g_string_free (out, FALSE);
}

static void
reply_page (Page       *page,
            guint       status,
            const char *title,
            char       *content,
            const char *switch_query)
{
  SpServer *server = page->server;
  const SpServerConfig *config = sp_server_get_config (server);
  g_autofree char *html = NULL;
  const char *other = page->lang == SP_LANG_SV ? "en" : "sv";

  g_autofree char *stored_name = sp_store_dup_setting (sp_server_get_store (server), "organisation.name");
  const char *org = config->org_name ? config->org_name : stored_name;

  set (page, "org", org && *org ? org : tr (page, N_("The district administration")));
  take (page, "title", page->errors->len > 0
                       ? g_strdup_printf ("%s %s", tr (page, N_("Error:")), title)
                       : g_strdup (title));
  set (page, "switch_lang", other);
  set (page, "switch_label", page->lang == SP_LANG_SV ? "In English" : "På svenska");
  take (page, "switch_href", g_strdup_printf ("?%slang=%s", switch_query ? switch_query : "", other));
  take (page, "content", content);

  html = render (page, "page.html");
  sp_public_reply_html (page->msg, status, page->lang == SP_LANG_SV ? "sv" : "en",
                        g_steal_pointer (&html));
}

static void
reply_form (Page  *page,
            guint  status)
{
  static const char * const fields[] = {
    "about_text", "subject", "description", "name", "email", "phone", "address",
  };
  const char *kind = posted (page, "kind");
  const char *sender = posted (page, "sender");
  char *content;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    set (page, fields[i], posted (page, fields[i]));
  take (page, "csrf", sp_intake_new_token (page->intake));
  set (page, "kind_opinion", g_str_equal (kind, "opinion") ? " checked" : "");
  set (page, "kind_complaint", g_str_equal (kind, "complaint") ? " checked" : "");
  set (page, "kind_praise", g_str_equal (kind, "praise") ? " checked" : "");
  set (page, "sender_anonymous", g_str_equal (sender, "anonymous") ? " checked" : "");
  set (page, "sender_contact", g_str_equal (sender, "contact") ? " checked" : "");
  set (page, "feedback_checked", *posted (page, "feedback") ? " checked" : "");
  take (page, "area_options", enum_options (page, &sp_area_info, posted (page, "area"), N_("I do not know")));
  take (page, "relation_options", enum_options (page, &sp_relation_info, posted (page, "relation"), N_("Choose")));
  take (page, "about_options", about_options (page, posted (page, "about")));
  set_field_state (page, "kind", "kind-hint");
  set_field_state (page, "area", NULL);
  set_field_state (page, "about", NULL);
  set_field_state (page, "about_text", "about_text-hint");
  set_field_state (page, "subject", NULL);
  set_field_state (page, "description", "description-hint");
  set_field_state (page, "sender", NULL);
  set_field_state (page, "name", NULL);
  set_field_state (page, "email", NULL);
  set_field_state (page, "phone", NULL);
  set_field_state (page, "address", NULL);
  set_field_state (page, "relation", NULL);
  set_field_state (page, "feedback", NULL);
  set (page, "privacy", page->lang == SP_LANG_SV && page->config->privacy_sv
                        ? page->config->privacy_sv
                        : page->config->privacy_en
                        ? page->config->privacy_en
                        : tr (page, N_("Your message and any personal details you give are kept in the administration's register of feedback and complaints and used only to handle your matter and to improve our services. They are public records unless secrecy applies. You have the right to know what we keep about you and to have errors corrected.")));
  take (page, "error_summary", error_summary (page));

  content = render (page, "form.html");
  reply_page (page, status, tr (page, N_("Feedback and complaints")), content, NULL);
}

static void
reply_message (Page       *page,
               guint       status,
               const char *heading,
               const char *message)
{
  char *content;

  set (page, "heading", heading);
  set (page, "message", message);
  content = render (page, "message.html");
  reply_page (page, status, heading, content, NULL);
}

void
sp_eservice_too_large (SpServer          *server,
                       SoupServerMessage *msg)
{
  Page page;

  page_init (&page, server, msg, NULL);
  reply_message (&page, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
                 tr (&page, N_("Your message is too long")),
                 tr (&page, N_("The form could not be received because it is too large. Shorten your message and send it again.")));
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
  page_clear (&page);
}

/* The checks a resident can put right; the core checks the rest. */
static void
check_form (Page *page)
{
  const char *kind = posted (page, "kind");
  const char *sender = posted (page, "sender");
  const char *about = posted (page, "about");
  const char *email = posted (page, "email");
  const char *area = posted (page, "area");
  const char *relation = posted (page, "relation");
  int value;

  if (!g_str_equal (kind, "opinion") && !g_str_equal (kind, "complaint") && !g_str_equal (kind, "praise"))
    add_error (page, "kind", tr (page, N_("Choose what you want to tell us")));
  if (*area && !sp_enum_from_name (&sp_area_info, area, &value))
    add_error (page, "area", tr (page, N_("Choose an area from the list")));
  if (*about)
    {
      SpStore *store = sp_server_get_store (page->server);
      g_autoptr(SpEntity) entity = NULL;

      if (g_str_has_prefix (about, "unit:"))
        entity = sp_store_load (store, SP_TYPE_UNIT, about + 5, NULL);
      else if (g_str_has_prefix (about, "provider:"))
        entity = sp_store_load (store, SP_TYPE_PROVIDER, about + 9, NULL);
      if (entity == NULL || entity->deleted ||
          (SP_IS_UNIT (entity) && !sp_intake_config_offers_unit (page->config, entity->id)))
        add_error (page, "about", tr (page, N_("Choose a unit or provider from the list")));
    }
  if (g_utf8_strlen (posted (page, "about_text"), -1) > 200)
    add_error (page, "about_text", tr (page, N_("Describe where it happened in at most 200 characters")));
  if (is_blank (posted (page, "subject")))
    add_error (page, "subject", tr (page, N_("Enter a subject")));
  else if (g_utf8_strlen (posted (page, "subject"), -1) > 200)
    add_error (page, "subject", tr (page, N_("Write the subject in at most 200 characters")));
  if (is_blank (posted (page, "description")))
    add_error (page, "description", tr (page, N_("Write your message")));
  else if (g_utf8_strlen (posted (page, "description"), -1) > 20000)
    add_error (page, "description", tr (page, N_("Write your message in at most 20,000 characters")));
  if (*relation && !sp_enum_from_name (&sp_relation_info, relation, &value))
    add_error (page, "relation", tr (page, N_("Choose from the list")));

  if (g_str_equal (sender, "contact"))
    {
      if (g_utf8_strlen (posted (page, "name"), -1) > 200)
        add_error (page, "name", tr (page, N_("Write your name in at most 200 characters")));
      if (g_utf8_strlen (email, -1) > 254)
        add_error (page, "email", tr (page, N_("Write the e-mail address in at most 254 characters")));
      if (g_utf8_strlen (posted (page, "phone"), -1) > 40)
        add_error (page, "phone", tr (page, N_("Write the phone number in at most 40 characters")));
      if (g_utf8_strlen (posted (page, "address"), -1) > 500)
        add_error (page, "address", tr (page, N_("Write the postal address in at most 500 characters")));
      if (is_blank (posted (page, "name")))
        add_error (page, "name", tr (page, N_("Enter your name, or choose to be anonymous")));
      if (find_error (page, "email") == NULL)
        {
          if (*email && (strchr (email, '@') == NULL || strchr (email, ' ') != NULL))
            add_error (page, "email", tr (page, N_("Enter an e-mail address such as name@example.se")));
          else if (*email == '\0' && *posted (page, "phone") == '\0' && *posted (page, "address") == '\0')
            add_error (page, "email", tr (page, N_("Enter an e-mail address, a phone number or a postal address, so that we can answer you")));
        }
    }
  else if (g_str_equal (sender, "anonymous"))
    {
      if (*posted (page, "feedback"))
        add_error (page, "feedback", tr (page, N_("We cannot answer you if you are anonymous: give your contact details or untick the answer")));
    }
  else
    add_error (page, "sender", tr (page, N_("Choose whether you want to give your name")));
}

static char *
dup_field (Page       *page,
           const char *name)
{
  g_autofree char *value = g_strstrip (g_strdup (posted (page, name)));

  return *value ? g_steal_pointer (&value) : NULL;
}

static SpCase *
build_case (Page *page)
{
  g_autoptr(SpCase) kase = sp_case_new ();
  const char *kind = posted (page, "kind");
  const char *about = posted (page, "about");
  g_autofree char *about_text = dup_field (page, "about_text");
  g_autofree char *description = dup_field (page, "description");
  int value;

  kase->kind = g_str_equal (kind, "complaint") ? SP_CASE_KIND_COMPLAINT : SP_CASE_KIND_OPINION;
  kase->valence = g_str_equal (kind, "praise") ? SP_VALENCE_POSITIVE
                : g_str_equal (kind, "complaint") ? SP_VALENCE_NEGATIVE : SP_VALENCE_NEUTRAL;
  kase->channel = SP_CHANNEL_WEB_FORM;
  kase->subject = dup_field (page, "subject");

  /* The words of "where" go first in the description, for the registrar
   * to route the case by. */
  if (about_text != NULL)
    kase->description = g_strdup_printf ("%s: %s\n\n%s",
                                         sp_intake_gettext (page->intake, SP_LANG_SV, N_("Concerns")),
                                         about_text, description);
  else
    kase->description = g_steal_pointer (&description);

  kase->area = SP_AREA_OTHER;
  if (g_str_has_prefix (about, "unit:"))
    {
      g_autoptr(SpUnit) unit = sp_store_load (sp_server_get_store (page->server), SP_TYPE_UNIT, about + 5, NULL);

      kase->concerns = SP_CONCERNS_UNIT;
      kase->unit_id = g_strdup (about + 5);
      if (unit != NULL)
        kase->area = unit->area;
    }
  else if (g_str_has_prefix (about, "provider:"))
    {
      g_autoptr(SpProvider) provider = sp_store_load (sp_server_get_store (page->server), SP_TYPE_PROVIDER, about + 9, NULL);

      kase->concerns = SP_CONCERNS_PROVIDER;
      kase->provider_id = g_strdup (about + 9);
      if (provider != NULL)
        kase->area = provider->area;
    }
  if (*posted (page, "area") && sp_enum_from_name (&sp_area_info, posted (page, "area"), &value))
    kase->area = value;

  kase->sender_anonymous = !g_str_equal (posted (page, "sender"), "contact");
  kase->sender_relation = SP_RELATION_RESIDENT;
  if (*posted (page, "relation") && sp_enum_from_name (&sp_relation_info, posted (page, "relation"), &value))
    kase->sender_relation = value;
  if (!kase->sender_anonymous)
    {
      kase->sender_name = dup_field (page, "name");
      kase->sender_email = dup_field (page, "email");
      kase->sender_phone = dup_field (page, "phone");
      kase->sender_address = dup_field (page, "address");
      kase->sender_wants_feedback = *posted (page, "feedback") != '\0';
    }
  return g_steal_pointer (&kase);
}

/* @format's "%u" replaced by @n: the format comes from the catalogue, so
 * it is not given to printf. */
static char *
with_number (const char *format,
             guint       n)
{
  g_auto(GStrv) parts = g_strsplit (format, "%u", 2);
  g_autofree char *number = g_strdup_printf ("%u", n);

  return parts[1] ? g_strconcat (parts[0], number, parts[1], NULL) : g_strdup (format);
}

static void
reply_receipt (Page       *page,
               SpCase     *kase,
               const char *code)
{
  SpDeadlineRule rule = { SP_DEADLINE_CALENDAR_DAYS, 14 };
  char *content;

  sp_deadline_rule_parse (kase->deadline_rule, &rule, NULL);
  set (page, "code", code);
  if (rule.kind == SP_DEADLINE_WORKING_DAYS)
    take (page, "next_investigate",
          with_number (tr (page, N_("The unit looks into the matter. This is done within %u working days of the day we received your message.")), rule.days));
  else
    take (page, "next_investigate",
          with_number (tr (page, N_("The unit looks into the matter. This is done within %u days of the day we received your message.")), rule.days));
  if (kase->sender_anonymous)
    set (page, "next_feedback", tr (page, N_("As you are anonymous we cannot answer you, but what you wrote is taken into account when we improve our services.")));
  else if (kase->sender_wants_feedback || kase->kind == SP_CASE_KIND_COMPLAINT)
    set (page, "next_feedback", tr (page, N_("You get an answer within the same time. If it takes longer, we tell you why and when you can expect an answer.")));
  else
    set (page, "next_feedback", tr (page, N_("You did not ask for an answer. We contact you only if we need to know more.")));

  content = render (page, "receipt.html");
  reply_page (page, SOUP_STATUS_CREATED, tr (page, N_("Thank you, we have received your message")),
              content, NULL);
}

static gboolean
read_form (Page              *page,
           SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  const char *type = soup_message_headers_get_content_type (headers, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  GHashTableIter iter;
  const char *name, *value;

  if (body->length > (goffset) page->config->max_body)
    {
      sp_eservice_too_large (page->server, msg);
      return FALSE;
    }
  if (type == NULL || g_ascii_strcasecmp (type, "application/x-www-form-urlencoded") != 0)
    {
      reply_message (page, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, tr (page, N_("The form could not be read")),
                     tr (page, N_("Send the form from its page.")));
      return FALSE;
    }

  bytes = soup_message_body_flatten (body);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  page->form = soup_form_decode (text);
  if (g_str_equal (posted (page, "lang"), "en") || g_str_equal (posted (page, "lang"), "sv"))
    page->lang = sp_intake_pick_lang (posted (page, "lang"), NULL);

  /* Characters that are not UTF-8 cannot be shown back: the form comes
   * back empty with the reason. */
  g_hash_table_iter_init (&iter, page->form);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &value))
    if (!g_utf8_validate (name, -1, NULL) || !g_utf8_validate (value, -1, NULL))
      {
        g_clear_pointer (&page->form, g_hash_table_unref);
        add_error (page, NULL, tr (page, N_("The form contained characters that could not be read. Fill it in again.")));
        reply_form (page, SOUP_STATUS_BAD_REQUEST);
        return FALSE;
      }
  return TRUE;
}

static void
handle_post (Page              *page,
             SoupServerMessage *msg,
             const char        *address)
{
  SpStore *store = sp_server_get_store (page->server);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCase) kase = NULL;
  g_autofree char *nonce = NULL;
  g_autofree char *code = NULL;
  gint64 expires = 0;

  if (!read_form (page, msg))
    return;

  if (!sp_intake_allow_post (page->intake, address))
    {
      add_error (page, NULL, tr (page, N_("Too many messages have been sent from your address. Wait a minute and send again.")));
      reply_form (page, 429);
      return;
    }
  if (*posted (page, "website") != '\0')
    {
      g_message ("E-service: a form with its honeypot filled refused");
      add_error (page, NULL, tr (page, N_("The form could not be sent. Fill it in again.")));
      reply_form (page, SOUP_STATUS_UNPROCESSABLE_ENTITY);
      return;
    }
  if (!sp_intake_check_token (page->intake, posted (page, "csrf"), &nonce, &expires, &error))
    {
      add_error (page, NULL, tr (page, N_("The form has expired or did not come from this page. Check your answers and send again.")));
      reply_form (page, SOUP_STATUS_FORBIDDEN);
      return;
    }

  check_form (page);
  if (page->errors->len > 0)
    {
      reply_form (page, SOUP_STATUS_UNPROCESSABLE_ENTITY);
      return;
    }

  kase = build_case (page);
  if (!sp_intake_submit (store, kase, nonce, expires, NULL, NULL, NULL, &code, &error))
    {
      if (g_strcmp0 (sp_error_get_field (error), "csrf") == 0)
        {
          add_error (page, NULL, tr (page, N_("This form has been sent already. To send another message, fill in the form again.")));
          reply_form (page, SOUP_STATUS_CONFLICT);
        }
      else if (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID))
        {
          g_message ("E-service: a report refused: %s", error->message);
          add_error (page, anchor_for (sp_error_get_field (error)), tr (page, N_("Check this answer")));
          reply_form (page, SOUP_STATUS_UNPROCESSABLE_ENTITY);
        }
      else
        {
          g_warning ("E-service: a report could not be stored: %s", error->message);
          reply_message (page, SOUP_STATUS_SERVICE_UNAVAILABLE, tr (page, N_("Your message could not be sent")),
                         tr (page, N_("Something went wrong on our side. Try again in a while.")));
        }
      return;
    }

  g_message ("E-service: report %s received", code);
  reply_receipt (page, kase, code);
}

static const char *
public_status_text (Page       *page,
                    const char *status)
{
  if (g_str_equal (status, "received"))
    return tr (page, N_("Received: your message has arrived and is being sent to the unit it concerns."));
  if (g_str_equal (status, "answered"))
    return tr (page, N_("Answered: the unit has given its answer."));
  if (g_str_equal (status, "closed"))
    return tr (page, N_("Closed: the matter is closed."));
  return tr (page, N_("Being handled: the unit is looking into the matter."));
}

static void
handle_status (Page       *page,
               GHashTable *query,
               const char *address)
{
  const char *code = query ? g_hash_table_lookup (query, "code") : NULL;
  g_autofree char *upper = NULL;
  guint status = SOUP_STATUS_OK;
  char *content;

  set (page, "result", "");
  /* Only a look-up counts: the empty form is free to show. */
  if (code != NULL && *code != '\0' && !sp_intake_allow_lookup (page->intake, address))
    {
      add_error (page, "code", tr (page, N_("Too many look-ups have been made from your address. Wait a minute and try again.")));
      status = 429;
      code = NULL;
    }
  if (code != NULL && *code != '\0')
    {
      g_autoptr(SpPublicRef) ref = NULL;
      g_autoptr(SpCase) kase = NULL;

      g_autofree char *trimmed = g_strstrip (g_strdup (code));

      upper = g_utf8_validate (trimmed, -1, NULL) ? g_ascii_strup (trimmed, -1) : g_strdup ("");
      if (sp_intake_code_is_valid (upper))
        ref = sp_server_store_find_public_ref (sp_server_get_store (page->server), upper);
      if (ref != NULL)
        kase = sp_store_get_case (sp_server_get_store (page->server), ref->case_id, NULL);
      if (kase == NULL)
        {
          add_error (page, "code", tr (page, N_("No report has this code. Check that you wrote it as on your receipt.")));
          status = SOUP_STATUS_NOT_FOUND;
        }
      else
        {
          GString *out = g_string_new ("<div class=\"status-answer\" role=\"status\" id=\"status\"><p><strong>");

          sp_html_append (out, upper);
          g_string_append (out, "</strong></p><p>");
          sp_html_append (out, public_status_text (page, sp_intake_public_status (kase->status)));
          g_string_append (out, "</p></div>");
          take (page, "result", g_string_free (out, FALSE));
        }
    }
  set (page, "code", upper ? upper : "");
  set_field_state (page, "code", "code-hint");
  take (page, "error_summary", error_summary (page));
  content = render (page, "status.html");
  {
    g_autofree char *escaped = upper ? g_uri_escape_string (upper, NULL, FALSE) : NULL;
    g_autofree char *keep = escaped ? g_strdup_printf ("code=%s&", escaped) : NULL;

    reply_page (page, status, tr (page, N_("The status of your report")), content, keep);
  }
}

static void
reply_css (SoupServerMessage *msg)
{
  g_autoptr(GBytes) css = sp_page_load ("eservice.css");
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  sp_public_set_headers (msg);
  soup_message_headers_replace (headers, "Cache-Control", "public, max-age=3600");
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/css; charset=utf-8", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (css, NULL), g_bytes_get_size (css));
}

void
sp_eservice_handle (SpServer          *server,
                    SoupServerMessage *msg,
                    const char        *sub,
                    GHashTable        *query)
{
  const char *method = soup_server_message_get_method (msg);
  const char *lang = query ? g_hash_table_lookup (query, "lang") : NULL;
  gboolean is_get = g_str_equal (method, "GET") || g_str_equal (method, "HEAD");
  Page page;

  page_init (&page, server, msg, lang);

  if (g_str_equal (sub, "") || g_str_equal (sub, "/"))
    {
      if (is_get)
        reply_form (&page, SOUP_STATUS_OK);
      else if (g_str_equal (method, "POST"))
        handle_post (&page, msg, soup_server_message_get_remote_host (msg));
      else
        {
          soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", "GET, HEAD, POST");
          reply_message (&page, SOUP_STATUS_METHOD_NOT_ALLOWED, tr (&page, N_("The page could not be shown")),
                         tr (&page, N_("Use the form on this page.")));
        }
    }
  else if (g_str_equal (sub, "/status") && is_get)
    handle_status (&page, query, soup_server_message_get_remote_host (msg));
  else if (g_str_equal (sub, "/eservice.css") && is_get)
    reply_css (msg);
  else
    reply_message (&page, SOUP_STATUS_NOT_FOUND, tr (&page, N_("The page could not be found")),
                   tr (&page, N_("There is no page at this address.")));

  page_clear (&page);
}
