/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * A question or a notice. With the libadwaita of Debian 12 it is an
 * AdwMessageDialog; built against libadwaita 1.5 or later (the Flatpak's
 * runtime) it is an AdwAlertDialog. Callers keep to the functions below and
 * the dialog's "response" signal (the same in both), never to either type.
 */
typedef GtkWidget HearthDialog;

HearthDialog *hearth_dialog_new_question             (GtkWindow             *parent,
                                                      const char            *heading,
                                                      const char            *body,
                                                      const char            *confirm_id,
                                                      const char            *confirm_label,
                                                      AdwResponseAppearance  appearance);
HearthDialog *hearth_dialog_new_notice               (GtkWindow             *parent,
                                                      const char            *heading,
                                                      const char            *body,
                                                      const char            *response_id,
                                                      const char            *response_label);
void          hearth_dialog_set_body                 (HearthDialog          *dialog,
                                                      const char            *body);
void          hearth_dialog_set_extra_child          (HearthDialog          *dialog,
                                                      GtkWidget             *child);
void          hearth_dialog_set_response_enabled     (HearthDialog          *dialog,
                                                      const char            *response,
                                                      gboolean               enabled);
void          hearth_dialog_set_response_appearance  (HearthDialog          *dialog,
                                                      const char            *response,
                                                      AdwResponseAppearance  appearance);
void          hearth_dialog_add_response             (HearthDialog          *dialog,
                                                      const char            *response,
                                                      const char            *label,
                                                      AdwResponseAppearance  appearance);
void          hearth_dialog_set_busy                 (HearthDialog          *dialog,
                                                      gboolean               busy);
void          hearth_dialog_present                  (HearthDialog          *dialog);
void          hearth_dialog_close                    (HearthDialog          *dialog);

G_END_DECLS
