/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hearth-actor.h"

G_BEGIN_DECLS

HearthActor *_hearth_actor_new (gint64      user_id,
                                gint64      session_id,
                                const char *username,
                                const char *display_name,
                                const char *csrf_token);

G_END_DECLS
