/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hearth-context.h"
#include "hearth-core-types.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_APPLICATION (hearth_application_get_type ())
G_DECLARE_FINAL_TYPE (HearthApplication, hearth_application, HEARTH, APPLICATION, AdwApplication)

HearthApplication *hearth_application_new          (void);
HearthStore       *hearth_application_get_store    (HearthApplication *self);
HearthContext     *hearth_application_get_context  (HearthApplication *self);
GSettings         *hearth_application_get_settings (HearthApplication *self);
gboolean           hearth_application_get_in_background (HearthApplication *self);

G_END_DECLS
