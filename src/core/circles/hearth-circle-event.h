/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "hearth-permissions.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_CIRCLE_EVENT (hearth_circle_event_get_type ())
G_DECLARE_FINAL_TYPE (HearthCircleEvent, hearth_circle_event, HEARTH, CIRCLE_EVENT, GObject)

gint64      hearth_circle_event_get_id           (HearthCircleEvent *self);
const char *hearth_circle_event_get_event_type   (HearthCircleEvent *self);
gint64      hearth_circle_event_get_actor_id     (HearthCircleEvent *self);
const char *hearth_circle_event_get_actor_name   (HearthCircleEvent *self);
gint64      hearth_circle_event_get_subject_id   (HearthCircleEvent *self);
const char *hearth_circle_event_get_subject_name (HearthCircleEvent *self);
HearthRole  hearth_circle_event_get_role         (HearthCircleEvent *self);
HearthRole  hearth_circle_event_get_old_role     (HearthCircleEvent *self);
const char *hearth_circle_event_get_name         (HearthCircleEvent *self);
gint64      hearth_circle_event_get_created_at   (HearthCircleEvent *self);

G_END_DECLS
