/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hearth-finance.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_TRANSACTION_DIALOG (hearth_transaction_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HearthTransactionDialog, hearth_transaction_dialog, HEARTH, TRANSACTION_DIALOG, AdwWindow)

HearthTransactionDialog *hearth_transaction_dialog_new    (GtkWindow               *parent,
                                                           HearthFinance           *finance,
                                                           HearthActor             *actor,
                                                           HearthAccount           *account);
HearthTransactionDialog *hearth_transaction_dialog_new_for_edit (GtkWindow               *parent,
                                                                 HearthFinance           *finance,
                                                                 HearthActor             *actor,
                                                                 HearthAccount           *account,
                                                                 HearthTransaction       *transaction);
void                     hearth_transaction_dialog_submit        (HearthTransactionDialog *self);
void                     hearth_transaction_dialog_attach_file   (HearthTransactionDialog *self,
                                                                 GFile                   *file);
guint                    hearth_transaction_dialog_get_attaching (HearthTransactionDialog *self);

G_END_DECLS
