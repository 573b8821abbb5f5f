/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HEARTH_TYPE_ACTOR (hearth_actor_get_type ())
G_DECLARE_FINAL_TYPE (HearthActor, hearth_actor, HEARTH, ACTOR, GObject)

gint64      hearth_actor_get_user_id      (HearthActor *self);
gint64      hearth_actor_get_session_id   (HearthActor *self);
const char *hearth_actor_get_username     (HearthActor *self);
const char *hearth_actor_get_display_name (HearthActor *self);
const char *hearth_actor_get_csrf_token   (HearthActor *self);

G_END_DECLS
