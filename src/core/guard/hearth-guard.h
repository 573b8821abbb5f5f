/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "hearth-actor.h"
#include "hearth-auth-error.h"
#include "hearth-core-types.h"

G_BEGIN_DECLS

/* Lifetimes and limits of ../shared/design/SECURITY.md. */
#define HEARTH_GUARD_SESSION_LIFETIME       (24 * G_TIME_SPAN_HOUR)
#define HEARTH_GUARD_STAY_SIGNED_IN_LIFETIME (30 * G_TIME_SPAN_DAY)
#define HEARTH_GUARD_SUDO_LIFETIME          (10 * G_TIME_SPAN_MINUTE)
#define HEARTH_GUARD_FREE_FAILURES          4
#define HEARTH_GUARD_FIRST_COOLDOWN         (30 * G_TIME_SPAN_SECOND)
#define HEARTH_GUARD_MAX_COOLDOWN           G_TIME_SPAN_HOUR
#define HEARTH_GUARD_PERMANENT_LOCK_AFTER   100

#define HEARTH_TYPE_GUARD (hearth_guard_get_type ())
G_DECLARE_FINAL_TYPE (HearthGuard, hearth_guard, HEARTH, GUARD, GObject)

HearthGuard *hearth_guard_new                 (HearthStore  *store);
HearthStore *hearth_guard_get_store           (HearthGuard  *self);
gboolean     hearth_guard_check_session       (HearthGuard  *self,
                                               HearthActor  *actor,
                                               GError      **error);
gboolean     hearth_guard_require_sudo        (HearthGuard  *self,
                                               HearthActor  *actor,
                                               GError      **error);
gboolean     hearth_guard_check_action_token  (HearthGuard  *self,
                                               HearthActor  *actor,
                                               const char   *token,
                                               const char   *action,
                                               GError      **error);

G_END_DECLS
