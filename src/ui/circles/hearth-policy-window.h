/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hearth-auth.h"
#include "hearth-circles.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_POLICY_WINDOW (hearth_policy_window_get_type ())
G_DECLARE_FINAL_TYPE (HearthPolicyWindow, hearth_policy_window, HEARTH, POLICY_WINDOW, AdwWindow)

HearthPolicyWindow *hearth_policy_window_new (GtkWindow     *parent,
                                              HearthAuth    *auth,
                                              HearthCircles *circles,
                                              HearthActor   *actor,
                                              HearthCircle  *circle);

G_END_DECLS
