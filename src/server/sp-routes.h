/* sp-routes.h: the API's route table, in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server registers these routes, `synpunkt-server --list-routes` prints
 * them and a test checks each is documented in data/openapi.yaml.
 */

#pragma once

#include "sp-request.h"

G_BEGIN_DECLS

typedef enum
{
  SP_ROUTE_AUTH   = 0,       /* needs a session */
  SP_ROUTE_PUBLIC = 1 << 0,  /* no session needed */
} SpRouteFlags;

typedef struct
{
  const char   *method;
  const char   *path;        /* "/api/v1/cases/{id}" */
  SpRouteFunc   func;
  SpRouteFlags  flags;
} SpRoute;

const SpRoute *sp_routes_get_all (guint       *n_routes);
/* The route for @method on @path, with its {id} in @param. NULL if none;
 * then @path_known says whether another method would have matched. */
const SpRoute *sp_routes_match   (const char  *method,
                                  const char  *path,
                                  char       **param,
                                  gboolean    *path_known);
/* The distinct first three segments of every route ("/api/v1/cases"). */
GPtrArray     *sp_routes_dup_prefixes (void);

G_END_DECLS
