/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hearth-categories.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_CATEGORIES_WINDOW (hearth_categories_window_get_type ())
G_DECLARE_FINAL_TYPE (HearthCategoriesWindow, hearth_categories_window, HEARTH, CATEGORIES_WINDOW,
                      AdwPreferencesWindow)

HearthCategoriesWindow *hearth_categories_window_new (GtkWindow        *parent,
                                                      HearthCategories *categories,
                                                      HearthActor      *actor,
                                                      gint64            circle_id,
                                                      const char       *module);

G_END_DECLS
