/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hearth-context.h"
#include "hearth-session.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_CIRCLES_PAGE (hearth_circles_page_get_type ())
G_DECLARE_FINAL_TYPE (HearthCirclesPage, hearth_circles_page, HEARTH, CIRCLES_PAGE, AdwBin)

void hearth_circles_page_set_context (HearthCirclesPage *self,
                                      HearthContext     *context,
                                      HearthSession     *session);

G_END_DECLS
