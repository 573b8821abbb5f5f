/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "hearth-core-types.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_CLOCK (hearth_clock_get_type ())
G_DECLARE_FINAL_TYPE (HearthClock, hearth_clock, HEARTH, CLOCK, GObject)

HearthClock *hearth_clock_new_system (void);
HearthClock *hearth_clock_new_fake   (gint64       start_usec);

gboolean     hearth_clock_is_fake     (HearthClock *self);
gint64       hearth_clock_get_now     (HearthClock *self);
GDateTime   *hearth_clock_dup_now     (HearthClock *self);
void         hearth_clock_set_now     (HearthClock *self,
                                       gint64       now_usec);
void         hearth_clock_advance     (HearthClock *self,
                                       gint64       delta_usec);

G_END_DECLS
