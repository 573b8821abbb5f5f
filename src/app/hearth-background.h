/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean hearth_background_set_autostart (gboolean   enabled,
                                          GError   **error);
char    *hearth_background_dup_autostart_path (void);

G_END_DECLS
