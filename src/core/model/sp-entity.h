/* sp-entity.h: the base of every synced record, described by field tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each record type (case, unit, user, …) is a final subclass of SpEntity with
 * its fields public in its instance struct, and a static table of SpField that
 * names each field's JSON member, SQL column, type and rules. JSON encoding,
 * strict decoding, storage and field-level patches are written once, over
 * those tables.
 */

#pragma once

#include <glib-object.h>

#include "sp-date.h"
#include "sp-enums.h"

G_BEGIN_DECLS

typedef enum
{
  SP_FIELD_STRING,     /* char *, NULL when unset */
  SP_FIELD_INT,        /* gint64 */
  SP_FIELD_BOOL,       /* gboolean */
  SP_FIELD_DATE,       /* SpDate, SP_DATE_NONE when unset */
  SP_FIELD_TIMESTAMP,  /* gint64 µs since the epoch, 0 when unset */
  SP_FIELD_ENUM,       /* int, one of enum_info's values */
  SP_FIELD_FLAGS,      /* guint, a set of enum_info's values as bits */
} SpFieldType;

typedef enum
{
  SP_FIELD_REQUIRED = 1 << 0, /* must be given when a record is created */
  SP_FIELD_SERVER   = 1 << 1, /* kept by the store; a client never sets it */
  SP_FIELD_PERSONAL = 1 << 2, /* the sender's personal data */
  SP_FIELD_COMPUTED = 1 << 3, /* computed on load, not a column */
  SP_FIELD_UUID     = 1 << 4, /* a reference: must be a UUID when set */
  SP_FIELD_LONG     = 1 << 5, /* free text of several lines */
  /* Free text, which may name the sender or anyone else: withheld like
   * the sender's personal data from those who may not see it (quality
   * staff), but not erased with the contact details at gallring. */
  SP_FIELD_FREE_TEXT = 1 << 6,
  /* A date something was received: a client cannot give one later than
   * today in the organisation's zone nor before
   * SP_DATE_RECEIVED_FIRST_YEAR (sp-date.h). */
  SP_FIELD_RECEIVED = 1 << 12,
} SpFieldFlags;

typedef struct
{
  const char       *name;      /* SQL column; JSON member unless nested */
  const char       *group;     /* JSON object it is nested in, or NULL */
  const char       *member;    /* its member name inside @group */
  SpFieldType       type;
  SpFieldFlags      flags;
  gsize             offset;
  const SpEnumInfo *enum_info;
  guint             max_length; /* in characters, for strings; 0 = no limit */
} SpField;

typedef struct
{
  const char    *name;   /* "case" */
  const char    *table;  /* "cases" */
  const SpField *fields;
  guint          n_fields;
} SpEntityInfo;

#define SP_TYPE_ENTITY            (sp_entity_get_type ())
#define SP_ENTITY(obj)            (G_TYPE_CHECK_INSTANCE_CAST ((obj), SP_TYPE_ENTITY, SpEntity))
#define SP_IS_ENTITY(obj)         (G_TYPE_CHECK_INSTANCE_TYPE ((obj), SP_TYPE_ENTITY))
#define SP_ENTITY_GET_CLASS(obj)  (G_TYPE_INSTANCE_GET_CLASS ((obj), SP_TYPE_ENTITY, SpEntityClass))

typedef struct _SpEntity      SpEntity;
typedef struct _SpEntityClass SpEntityClass;

struct _SpEntity
{
  GObject   parent_instance;

  char     *id;          /* UUID, made by whoever creates the record */
  gint64    rev;         /* the server's revision of the last change */
  gint64    updated_at;
  char     *updated_by;
  gboolean  deleted;     /* tombstone */
};

struct _SpEntityClass
{
  GObjectClass        parent_class;

  const SpEntityInfo *info;
  /* One read-only property a field, in the order of info->fields, made
   * by sp_entity_class_install_fields(). */
  GParamSpec        **field_pspecs;
};

GType sp_entity_get_type (void) G_GNUC_CONST;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpEntity, g_object_unref)

/* The fields every entity starts its table with. */
#define SP_ENTITY_COMMON_FIELDS \
  { "id", NULL, NULL, SP_FIELD_STRING, SP_FIELD_UUID, G_STRUCT_OFFSET (SpEntity, id), NULL, 36 }, \
  { "rev", NULL, NULL, SP_FIELD_INT, SP_FIELD_SERVER, G_STRUCT_OFFSET (SpEntity, rev), NULL, 0 }, \
  { "updated_at", NULL, NULL, SP_FIELD_TIMESTAMP, SP_FIELD_SERVER, G_STRUCT_OFFSET (SpEntity, updated_at), NULL, 0 }, \
  { "updated_by", NULL, NULL, SP_FIELD_STRING, SP_FIELD_SERVER, G_STRUCT_OFFSET (SpEntity, updated_by), NULL, 200 }, \
  { "deleted", NULL, NULL, SP_FIELD_BOOL, SP_FIELD_SERVER, G_STRUCT_OFFSET (SpEntity, deleted), NULL, 0 }

#define SP_ENTITY_N_COMMON_FIELDS 5

/* Shorthands for field tables: S is the struct, m the member and column. */
#define SP_DEFINE_STRING(S, m, fl, max) \
  { #m, NULL, NULL, SP_FIELD_STRING, (fl), G_STRUCT_OFFSET (S, m), NULL, (max) }
#define SP_DEFINE_REF(S, m, fl) \
  { #m, NULL, NULL, SP_FIELD_STRING, (fl) | SP_FIELD_UUID, G_STRUCT_OFFSET (S, m), NULL, 36 }
#define SP_DEFINE_INT(S, m, fl) \
  { #m, NULL, NULL, SP_FIELD_INT, (fl), G_STRUCT_OFFSET (S, m), NULL, 0 }
#define SP_DEFINE_BOOL(S, m, fl) \
  { #m, NULL, NULL, SP_FIELD_BOOL, (fl), G_STRUCT_OFFSET (S, m), NULL, 0 }
#define SP_DEFINE_DATE(S, m, fl) \
  { #m, NULL, NULL, SP_FIELD_DATE, (fl), G_STRUCT_OFFSET (S, m), NULL, 0 }
#define SP_DEFINE_TIMESTAMP(S, m, fl) \
  { #m, NULL, NULL, SP_FIELD_TIMESTAMP, (fl), G_STRUCT_OFFSET (S, m), NULL, 0 }
#define SP_DEFINE_ENUM(S, m, fl, info) \
  { #m, NULL, NULL, SP_FIELD_ENUM, (fl), G_STRUCT_OFFSET (S, m), &(info), 0 }
#define SP_DEFINE_FLAGS(S, m, fl, info) \
  { #m, NULL, NULL, SP_FIELD_FLAGS, (fl), G_STRUCT_OFFSET (S, m), &(info), 0 }

/* Defines the type, its field table and its constructor: the table is
 * SP_ENTITY_COMMON_FIELDS followed by the fields given. */
#define SP_DEFINE_ENTITY(TN, t_n, entity_name, table_name, ...) \
  static const SpField t_n##_fields[] = { SP_ENTITY_COMMON_FIELDS, __VA_ARGS__ }; \
  const SpEntityInfo t_n##_info = { entity_name, table_name, t_n##_fields, G_N_ELEMENTS (t_n##_fields) }; \
  G_DEFINE_FINAL_TYPE (TN, t_n, SP_TYPE_ENTITY) \
  static void t_n##_class_init (TN##Class *klass) { sp_entity_class_install_fields (klass, &t_n##_info); } \
  static void t_n##_init (TN *self) { } \
  TN *t_n##_new (void) { return g_object_new (t_n##_get_type (), NULL); }

/* Sets the class's field table and installs one read-only GObject property
 * a field, named for its column with '-' for '_' ("received-on"): a string
 * field is a gchararray, an int or timestamp a gint64, a bool a gboolean, a
 * date a guint (SpDate), an enum a gint and a set of flags a guint. The
 * setters below notify the property when a value changes; code that writes
 * a field straight into the struct notifies nothing. */
void                sp_entity_class_install_fields (gpointer            klass,
                                                    const SpEntityInfo *info);
/* The property of @field, a field of @self's table. */
GParamSpec         *sp_entity_find_field_pspec   (SpEntity           *self,
                                                  const SpField      *field);
const SpEntityInfo *sp_entity_class_get_info     (gpointer            klass);
const SpEntityInfo *sp_entity_get_info           (SpEntity           *self);
const SpEntityInfo *sp_entity_info_for_type      (GType               type);
const SpField      *sp_entity_info_lookup        (const SpEntityInfo *info,
                                                  const char         *name);
/* Whether the field may hold personal data (SP_FIELD_PERSONAL or
 * SP_FIELD_FREE_TEXT): what SP_JSON_ENCODE_REDACT_PERSONAL withholds. */
gboolean            sp_field_is_personal         (const SpField      *field);
/* "sender.email" for a nested field, else its name. */
char               *sp_field_dup_path            (const SpField      *field);

gpointer            sp_entity_new                (GType               type);
gpointer            sp_entity_copy               (SpEntity           *self);
void                sp_entity_ensure_id          (SpEntity           *self);
gboolean            sp_is_uuid                   (const char         *text);

const char         *sp_entity_get_string         (SpEntity           *self,
                                                  const SpField      *field);
void                sp_entity_set_string         (SpEntity           *self,
                                                  const SpField      *field,
                                                  const char         *value);
gint64              sp_entity_get_int            (SpEntity           *self,
                                                  const SpField      *field);
void                sp_entity_set_int            (SpEntity           *self,
                                                  const SpField      *field,
                                                  gint64              value);

/* A field's value as text (as in SQL and JSON; NULL when unset), and back. */
char               *sp_entity_field_to_string    (SpEntity           *self,
                                                  const SpField      *field);
gboolean            sp_entity_field_from_string  (SpEntity           *self,
                                                  const SpField      *field,
                                                  const char         *text,
                                                  GError            **error);
gboolean            sp_entity_field_equal        (SpEntity           *a,
                                                  SpEntity           *b,
                                                  const SpField      *field);
void                sp_entity_field_copy         (SpEntity           *dest,
                                                  SpEntity           *src,
                                                  const SpField      *field);
gboolean            sp_entity_field_is_set       (SpEntity           *self,
                                                  const SpField      *field);
/* For g_ptr_array_sort() of records that have a "name" (units, providers):
 * by name as the user reads it. */
int                 sp_entity_compare_names      (gconstpointer       a,
                                                  gconstpointer       b);

G_END_DECLS
