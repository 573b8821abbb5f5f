/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hearth-auth.h"
#include "hearth-circles.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_CIRCLES_PAGE (hearth_circles_page_get_type ())
G_DECLARE_FINAL_TYPE (HearthCirclesPage, hearth_circles_page, HEARTH, CIRCLES_PAGE, AdwBin)

void hearth_circles_page_set_context (HearthCirclesPage *self,
                                      HearthAuth        *auth,
                                      HearthCircles     *circles,
                                      HearthActor       *actor,
                                      gint64             circle_id);

G_END_DECLS
