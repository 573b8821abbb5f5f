/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     hearth_background_set_autostart_async  (gboolean              enabled,
                                                 GtkWindow            *parent,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean hearth_background_set_autostart_finish (GAsyncResult         *result,
                                                 GError              **error);
char    *hearth_background_dup_autostart_path   (void);

G_END_DECLS
