/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hearth-auth.h"

G_BEGIN_DECLS

HearthPasswordCost _hearth_auth_get_cost (HearthAuth *self);

G_END_DECLS
