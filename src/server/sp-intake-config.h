/* sp-intake-config.h: what the organisation offers residents: the
 * e-service form and the Open311 GeoReport v2 endpoints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   [eservice]
 *   enabled=true
 *   path=/e-tjanst                    (where the form is served)
 *   units=UNIT-ID;UNIT-ID             (offered units; default: every unit)
 *   privacy_notice=…                  (the GDPR information, English)
 *   privacy_notice[sv]=…              (and Swedish)
 *   max_body=65536                    (bytes a posted form may have)
 *   max_posts=10                      (posts one address may make …)
 *   post_window=60                    (… in this many seconds, then 429)
 *   max_lookups=30                    (status page look-ups one address may make …)
 *   lookup_window=60                  (… in this many seconds, then 429)
 *   [open311]
 *   enabled=true
 *   base_path=/open311/v2
 *   jurisdiction_id=hvsdn.stockholm.se
 *   public_listing=false              (GET requests lists non-secret cases)
 *   contact=…                         (shown in the discovery document)
 *   [open311-service SERVICE-CODE]    (one group per service)
 *   name=Nedskräpning
 *   description=Skräp på gator och i parker
 *   area=city_environment             (an SpArea name)
 *   category=premises_environment     (a category's code, optional)
 *   group=Stadsmiljö
 *   keywords=skräp;papperskorg
 *   [open311-attribute SERVICE-CODE ATTRIBUTE-CODE]  (see SpIntakeAttribute)
 */

#pragma once

#include <glib.h>

#include "synpunkt-core.h"

G_BEGIN_DECLS

/* An attribute a service asks for beyond the core fields (GeoReport v2
 * service definitions):
 *   [open311-attribute SERVICE-CODE ATTRIBUTE-CODE]
 *   datatype=singlevaluelist          (string, number, text or singlevaluelist)
 *   required=true
 *   description=Hur mycket skräp ligger där?
 *   datatype_description=…
 *   order=1
 *   values=little:Lite;much:Mycket    (key:name;… of a singlevaluelist)
 */
typedef struct
{
  char     *code;
  char     *datatype;
  gboolean  required;
  char     *description;
  char     *datatype_description;
  guint     order;
  char    **keys;          /* of a singlevaluelist, NULL-terminated */
  char    **names;         /* the same length as keys */
} SpIntakeAttribute;

typedef struct
{
  char   *code;
  char   *name;
  char   *description;
  char   *group;
  char   *keywords;
  SpArea  area;
  char   *category;
  GPtrArray *attributes;   /* SpIntakeAttribute, in their order */
} SpIntakeService;

typedef struct
{
  gboolean    form_enabled;
  char       *form_path;
  char      **units;            /* NULL: every unit */
  char       *privacy_en;
  char       *privacy_sv;
  gsize       max_body;
  guint       max_posts;
  guint       post_window_sec;
  guint       max_lookups;
  guint       lookup_window_sec;

  gboolean    open311_enabled;
  char       *open311_base;
  char       *jurisdiction_id;
  char       *contact;
  gboolean    public_listing;
  GPtrArray  *services;         /* SpIntakeService */
} SpIntakeConfig;

void                   sp_intake_attribute_free      (gpointer         attribute);
SpIntakeConfig        *sp_intake_config_new          (void);
void                   sp_intake_config_free         (SpIntakeConfig  *self);
gboolean               sp_intake_config_load         (SpIntakeConfig  *self,
                                                      GKeyFile        *file,
                                                      GError         **error);
const SpIntakeService *sp_intake_config_find_service (const SpIntakeConfig *self,
                                                      const char           *code);
/* Whether @unit_id is one the form offers. */
gboolean               sp_intake_config_offers_unit  (const SpIntakeConfig *self,
                                                      const char           *unit_id);

G_END_DECLS
