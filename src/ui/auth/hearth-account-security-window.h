/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hearth-auth.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_ACCOUNT_SECURITY_WINDOW (hearth_account_security_window_get_type ())
G_DECLARE_FINAL_TYPE (HearthAccountSecurityWindow, hearth_account_security_window,
                      HEARTH, ACCOUNT_SECURITY_WINDOW, AdwPreferencesWindow)

HearthAccountSecurityWindow *hearth_account_security_window_new (GtkWindow   *parent,
                                                                 HearthAuth  *auth,
                                                                 HearthActor *actor);

G_END_DECLS
