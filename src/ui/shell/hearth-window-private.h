/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hearth-window.h"

G_BEGIN_DECLS

gboolean _hearth_window_check_idle (HearthWindow *self);

G_END_DECLS
