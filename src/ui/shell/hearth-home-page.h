/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hearth-context.h"
#include "hearth-session.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_HOME_PAGE (hearth_home_page_get_type ())
G_DECLARE_FINAL_TYPE (HearthHomePage, hearth_home_page, HEARTH, HOME_PAGE, AdwBin)

/* How far ahead Home looks for capsules about to open: thirty days. */
#define HEARTH_HOME_OPENING_SOON (30 * G_TIME_SPAN_DAY)

void hearth_home_page_set_context (HearthHomePage *self,
                                   HearthContext  *context,
                                   HearthSession  *session);
void hearth_home_page_refresh     (HearthHomePage *self);

G_END_DECLS
