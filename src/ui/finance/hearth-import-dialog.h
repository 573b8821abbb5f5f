/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hearth-finance.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_IMPORT_DIALOG (hearth_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HearthImportDialog, hearth_import_dialog, HEARTH, IMPORT_DIALOG, AdwWindow)

HearthImportDialog *hearth_import_dialog_new         (GtkWindow          *parent,
                                                      HearthFinance      *finance,
                                                      HearthActor        *actor,
                                                      HearthAccount      *account,
                                                      GBytes             *data,
                                                      const char         *file_name);
void                hearth_import_dialog_set_choices (HearthImportDialog *self,
                                                      guint               delimiter,
                                                      guint               encoding,
                                                      guint               date_order,
                                                      guint               decimal);
void                hearth_import_dialog_start       (HearthImportDialog *self);
guint               hearth_import_dialog_get_n_problems (HearthImportDialog *self);

G_END_DECLS
