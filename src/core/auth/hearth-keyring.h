/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HEARTH_TYPE_KEYRING (hearth_keyring_get_type ())
G_DECLARE_FINAL_TYPE (HearthKeyring, hearth_keyring, HEARTH, KEYRING, GObject)

HearthKeyring *hearth_keyring_new        (const char     *application_id);
gboolean       hearth_keyring_store      (HearthKeyring  *self,
                                          gint64          user_id,
                                          const char     *refresh_token,
                                          GError        **error);
char          *hearth_keyring_lookup     (HearthKeyring  *self,
                                          gint64          user_id,
                                          GError        **error);
gboolean       hearth_keyring_find_any   (HearthKeyring  *self,
                                          gint64         *out_user_id,
                                          char          **out_refresh_token,
                                          GError        **error);
gboolean       hearth_keyring_delete     (HearthKeyring  *self,
                                          gint64          user_id,
                                          GError        **error);

G_END_DECLS
