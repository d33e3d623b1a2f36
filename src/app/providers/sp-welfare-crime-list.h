/* sp-welfare-crime-list.h: the cases that show signs of welfare crime
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sp-context.h"

G_BEGIN_DECLS

#define SP_TYPE_WELFARE_CRIME_LIST (sp_welfare_crime_list_get_type ())

G_DECLARE_FINAL_TYPE (SpWelfareCrimeList, sp_welfare_crime_list, SP, WELFARE_CRIME_LIST, GtkBox)

GtkWidget *sp_welfare_crime_list_new      (SpContext          *context);
/* Reads the list again in the store worker. */
void       sp_welfare_crime_list_reload   (SpWelfareCrimeList *self);
/* The rows shown, -1 before the first read. */
int        sp_welfare_crime_list_get_n_shown (SpWelfareCrimeList *self);
gboolean   sp_welfare_crime_list_get_busy (SpWelfareCrimeList *self);
/* The register's way in to the list: a boxed list of one activatable
 * row, "provider_welfare_row" (a row of its own rather than a button in
 * the register's bar, where the search needs the room). */
GtkWidget *sp_welfare_crime_list_new_entry (void);
/* The mailto: URI that tells the unit manager and the head of department
 * of the sign (NULL when neither has an e-mail address). */
char      *sp_welfare_crime_mailto        (const SpWelfareCrimeSign *sign);

G_END_DECLS
