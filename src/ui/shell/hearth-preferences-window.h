/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HEARTH_TYPE_PREFERENCES_WINDOW (hearth_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (HearthPreferencesWindow, hearth_preferences_window, HEARTH, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

HearthPreferencesWindow *hearth_preferences_window_new (GtkWindow *parent,
                                                        GSettings *settings);

G_END_DECLS
