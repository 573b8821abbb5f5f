/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hearth-auth.h"
#include "hearth-circles.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_ONBOARDING (hearth_onboarding_get_type ())
G_DECLARE_FINAL_TYPE (HearthOnboarding, hearth_onboarding, HEARTH, ONBOARDING, AdwBin)

void hearth_onboarding_start (HearthOnboarding *self,
                              HearthAuth       *auth,
                              HearthCircles    *circles,
                              gboolean          first_profile);

G_END_DECLS
