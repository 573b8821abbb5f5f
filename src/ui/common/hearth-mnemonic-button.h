/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *hearth_mnemonic_button_new (const char *mnemonic,
                                       const char *name);

G_END_DECLS
