/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hearth-core-types.h"
#include "hearth-lifelog.h"

G_BEGIN_DECLS

gpointer _hearth_lifelog_entry_new_from_row (HearthStatement *row);

G_END_DECLS
