/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HEARTH_TYPE_CHART (hearth_chart_get_type ())
G_DECLARE_FINAL_TYPE (HearthChart, hearth_chart, HEARTH, CHART, GtkWidget)

GtkWidget *hearth_chart_new          (const char *title);
void       hearth_chart_set_spending (HearthChart *self,
                                      GArray      *months,
                                      const char  *currency);
void       hearth_chart_set_balances (HearthChart *self,
                                      GArray      *balances,
                                      const char  *currency);

guint      hearth_chart_get_n_months (HearthChart *self);

G_END_DECLS
