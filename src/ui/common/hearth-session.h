/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "hearth-actor.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_SESSION (hearth_session_get_type ())

G_DECLARE_FINAL_TYPE (HearthSession, hearth_session, HEARTH, SESSION, GObject)

HearthSession *hearth_session_new           (void);
HearthActor   *hearth_session_get_actor     (HearthSession *self);
gint64         hearth_session_get_circle_id (HearthSession *self);
void           hearth_session_set_circle_id (HearthSession *self,
                                             gint64         circle_id);
void           hearth_session_set           (HearthSession *self,
                                             HearthActor   *actor,
                                             gint64         circle_id);

G_END_DECLS
