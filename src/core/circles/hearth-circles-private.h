/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hearth-circle.h"
#include "hearth-circle-event.h"
#include "hearth-circle-member.h"
#include "hearth-core-types.h"

G_BEGIN_DECLS

/* For the auth module, inside its own transactions: a profile's personal circle
 * comes and goes with the profile. */
gboolean            _hearth_circles_create_personal  (HearthStore      *store,
                                                      gint64            user_id,
                                                      GError          **error);
gboolean            _hearth_circles_delete_personal  (HearthStore      *store,
                                                      gint64            user_id,
                                                      GError          **error);

/* Entities from rows of the service's queries (see hearth-circles.c). */
HearthCircle       *_hearth_circle_new_from_row        (HearthStatement *row);
HearthCircleMember *_hearth_circle_member_new_from_row (HearthStatement *row);
HearthCircleEvent  *_hearth_circle_event_new_from_row  (HearthStatement *row);

G_END_DECLS
