/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hearth-auth.h"

G_BEGIN_DECLS

HearthPasswordCost _hearth_auth_get_cost (HearthAuth *self);
void               _hearth_auth_wipe     (char       *secret);

/* For the circles service, inside its own transaction. */
gboolean           _hearth_auth_unlock_profile (HearthStore  *store,
                                                gint64        user_id,
                                                gint64        by_user_id,
                                                GError      **error);

G_END_DECLS
