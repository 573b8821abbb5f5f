/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwMessageDialog *hearth_dialog_new_question (GtkWindow             *parent,
                                              const char            *heading,
                                              const char            *body,
                                              const char            *confirm_id,
                                              const char            *confirm_label,
                                              AdwResponseAppearance  appearance);
AdwMessageDialog *hearth_dialog_new_notice   (GtkWindow             *parent,
                                              const char            *heading,
                                              const char            *body,
                                              const char            *response_id,
                                              const char            *response_label);

G_END_DECLS
