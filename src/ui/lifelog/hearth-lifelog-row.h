/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hearth-lifelog.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_LIFELOG_ROW (hearth_lifelog_row_get_type ())
G_DECLARE_FINAL_TYPE (HearthLifelogRow, hearth_lifelog_row, HEARTH, LIFELOG_ROW, GtkBox)

GtkWidget *hearth_lifelog_row_new       (void);
void       hearth_lifelog_row_set_entry (HearthLifelogRow   *self,
                                         HearthLifelogEntry *entry,
                                         gboolean            first_of_day,
                                         GMenuModel         *menu);

G_END_DECLS
