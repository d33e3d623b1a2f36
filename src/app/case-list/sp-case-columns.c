/* sp-case-columns.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A fixed width per column, measured from what it can show in the
 * language and font in use, so that the columns do not change width as
 * rows scroll by (GTK 4.8 would size them from the rows it has seen); the
 * subject takes what is left. A column whose text may be long (a unit's
 * name) is capped: its cells are cut, with the whole text in a tooltip.
 */

#include <glib/gi18n.h>

#include "sp-case-columns.h"

const SpCaseColumnInfo sp_case_columns[SP_CASE_N_COLUMNS] = {
  { "diary_column", SP_CASE_SORT_DIARY_NUMBER, TRUE, TRUE, 0, 220 },
  { "received_column", SP_CASE_SORT_RECEIVED_ON, TRUE, FALSE, 3, 140 },
  { "kind_column", SP_CASE_SORT_KIND, TRUE, FALSE, 6, 160 },
  { "category_column", SP_CASE_SORT_CATEGORY, TRUE, FALSE, 5, 180 },
  { "place_column", SP_CASE_SORT_UNIT, TRUE, FALSE, 4, 200 },
  { "subject_column", SP_CASE_SORT_SUBJECT, TRUE, TRUE, 0, -1 },
  { "status_column", SP_CASE_SORT_STATUS, TRUE, FALSE, 2, 200 },
  { "deadline_column", SP_CASE_SORT_DUE_ON, TRUE, TRUE, 1, 220 },
  { "secrecy_column", SP_CASE_SORT_DIARY_NUMBER, FALSE, FALSE, 1, 240 },
};

/* A cell's padding and the label's own margins (style.css), with room to
 * spare. */
#define CELL_MARGIN 16
/* The header's padding, the sort arrow and its spacing. */
#define TITLE_MARGIN 36

static int
text_width (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(PangoLayout) layout = NULL;
  int width = 0;

  if (text == NULL)
    return 0;
  layout = gtk_widget_create_pango_layout (widget, text);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static int
enum_width (GtkWidget        *widget,
            const SpEnumInfo *info)
{
  int width = 0;

  for (guint i = 0; i < info->n_values; i++)
    width = MAX (width, text_width (widget, sp_enum_get_label (info, (int) i)));
  return width;
}

static int
names_width (GtkWidget  *widget,
             GListModel *records)
{
  int width = 0;

  for (guint i = 0; records != NULL && i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(SpEntity) record = g_list_model_get_item (records, i);

      width = MAX (width, text_width (widget, sp_reference_display_name (record)));
    }
  return width;
}

static int
deadline_width (GtkWidget *widget)
{
  /* The longest a deadline's text gets: three digits of days. */
  g_autofree char *overdue = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %d day",
                                                           "Overdue by %d days", 888), 888);
  g_autofree char *left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %d day",
                                                        "In %d days", 88), 88);
  const char * const texts[] = {
    overdue, left, _("Due today"), _("Feedback given"), _("No longer running"), _("None"),
  };
  int width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    width = MAX (width, text_width (widget, texts[i]));
  return width;
}

int
sp_case_columns_content_width (GtkWidget    *widget,
                               SpCaseColumn  column,
                               SpReference  *reference,
                               const char   *title)
{
  int width = 0;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), -1);
  g_return_val_if_fail (column < SP_CASE_N_COLUMNS, -1);

  switch (column)
    {
    case SP_CASE_COL_DIARY:
      /* Never cut: the sequence number is what tells cases apart (four
       * digits a year; a fifth would show in the tooltip). */
      width = MAX (text_width (widget, "HVSDN 2026/0000"), text_width (widget, _("Not registered")));
      break;
    case SP_CASE_COL_RECEIVED:
      width = text_width (widget, "2026-12-28");
      break;
    case SP_CASE_COL_KIND:
      width = enum_width (widget, &sp_case_kind_info);
      break;
    case SP_CASE_COL_CATEGORY:
      width = reference ? names_width (widget, sp_reference_get_categories (reference)) : 100;
      break;
    case SP_CASE_COL_PLACE:
      width = reference ? MAX (names_width (widget, sp_reference_get_units (reference)),
                               names_width (widget, sp_reference_get_providers (reference)))
                        : 140;
      break;
    case SP_CASE_COL_STATUS:
      width = enum_width (widget, &sp_status_info);
      break;
    case SP_CASE_COL_DEADLINE:
      width = deadline_width (widget);
      break;
    case SP_CASE_COL_SECRECY:
      width = sp_case_columns[column].max_width;
      break;
    case SP_CASE_COL_SUBJECT:
    case SP_CASE_N_COLUMNS:
    default:
      return -1;
    }

  width = MAX (width + CELL_MARGIN, text_width (widget, title) + TITLE_MARGIN);
  return MIN (width, sp_case_columns[column].max_width);
}

guint
sp_case_columns_fit (const int *widths,
                     guint      candidates,
                     int        available)
{
  /* The subject's share: a fifth, and room for some words at least. */
  int used = CLAMP (available / 5, 100, 300);
  guint shown = 0;

  g_return_val_if_fail (widths != NULL, candidates);

  /* Not laid out yet: all, until the width is known. */
  if (available <= 0)
    return candidates;

  for (int priority = 0; priority <= 6; priority++)
    for (guint i = 0; i < SP_CASE_N_COLUMNS; i++)
      {
        int width = i == SP_CASE_COL_SUBJECT ? 0 : MAX (widths[i], 0);

        if (!(candidates & (1u << i)) || sp_case_columns[i].priority != priority)
          continue;
        if (priority > 0 && used + width > available)
          continue;
        shown |= 1u << i;
        used += width;
      }

  return shown;
}
