/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HEARTH_TYPE_SESSION_INFO (hearth_session_info_get_type ())
G_DECLARE_FINAL_TYPE (HearthSessionInfo, hearth_session_info, HEARTH, SESSION_INFO, GObject)

HearthSessionInfo *hearth_session_info_new             (gint64      id,
                                                        const char *device_name,
                                                        const char *user_agent,
                                                        gint64      created_at,
                                                        gint64      last_seen_at,
                                                        gint64      expires_at,
                                                        gboolean    current);
gint64             hearth_session_info_get_id          (HearthSessionInfo *self);
const char        *hearth_session_info_get_device_name (HearthSessionInfo *self);
const char        *hearth_session_info_get_user_agent  (HearthSessionInfo *self);
gint64             hearth_session_info_get_created_at  (HearthSessionInfo *self);
gint64             hearth_session_info_get_last_seen_at (HearthSessionInfo *self);
gint64             hearth_session_info_get_expires_at  (HearthSessionInfo *self);
gboolean           hearth_session_info_get_current     (HearthSessionInfo *self);

G_END_DECLS
