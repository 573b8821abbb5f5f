/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hearth-context.h"
#include "hearth-session.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_WINDOW (hearth_window_get_type ())
G_DECLARE_FINAL_TYPE (HearthWindow, hearth_window, HEARTH, WINDOW, AdwApplicationWindow)

HearthWindow *hearth_window_new                (GtkApplication *application,
                                                HearthContext  *context);
void          hearth_window_start              (HearthWindow   *self,
                                                HearthActor    *actor);
HearthActor  *hearth_window_get_actor          (HearthWindow   *self);
HearthSession *hearth_window_get_session       (HearthWindow   *self);
const char   *hearth_window_get_mode           (HearthWindow   *self);
const char   *hearth_window_get_visible_module (HearthWindow   *self);
gboolean      hearth_window_show_module        (HearthWindow   *self,
                                                const char     *name);

gboolean      hearth_window_show_entry         (HearthWindow   *self,
                                                gint64          entry_id);
void          hearth_window_set_sample         (HearthWindow   *self,
                                                gboolean        sample);

G_END_DECLS
