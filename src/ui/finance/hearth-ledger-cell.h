/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HEARTH_TYPE_LEDGER_CELL (hearth_ledger_cell_get_type ())
G_DECLARE_FINAL_TYPE (HearthLedgerCell, hearth_ledger_cell, HEARTH, LEDGER_CELL, GtkWidget)

GtkWidget  *hearth_ledger_cell_new      (guint             min_chars,
                                         guint             width_chars,
                                         float             xalign);
void        hearth_ledger_cell_set_text (HearthLedgerCell *self,
                                         const char       *text);
const char *hearth_ledger_cell_get_text (HearthLedgerCell *self);
void        hearth_ledger_cell_set_style (HearthLedgerCell *self,
                                          gboolean          dim,
                                          gboolean          green);

G_END_DECLS
