/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HEARTH_TYPE_PROFILE (hearth_profile_get_type ())
G_DECLARE_FINAL_TYPE (HearthProfile, hearth_profile, HEARTH, PROFILE, GObject)

HearthProfile *hearth_profile_new              (gint64      id,
                                                const char *username,
                                                const char *display_name);
gint64         hearth_profile_get_id           (HearthProfile *self);
const char    *hearth_profile_get_username     (HearthProfile *self);
const char    *hearth_profile_get_display_name (HearthProfile *self);

G_END_DECLS
