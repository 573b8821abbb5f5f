/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hearth-circles.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_MEMBER_ROW (hearth_member_row_get_type ())
G_DECLARE_FINAL_TYPE (HearthMemberRow, hearth_member_row, HEARTH, MEMBER_ROW, AdwActionRow)

GtkWidget *hearth_member_row_new (HearthCircleMember *member,
                                  gboolean            is_actor,
                                  GMenuModel         *menu);

G_END_DECLS
