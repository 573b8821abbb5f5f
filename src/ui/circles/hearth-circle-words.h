/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hearth-audit-entry.h"
#include "hearth-circle.h"
#include "hearth-circle-event.h"

G_BEGIN_DECLS

const char *hearth_role_get_label              (HearthRole         role);
const char *hearth_permission_get_resource_label (const char      *resource);
const char *hearth_permission_get_action_label (const char        *resource,
                                                const char        *action);
const char *hearth_circle_get_display_name     (HearthCircle      *circle);
char       *hearth_circle_event_describe       (HearthCircleEvent *event);
char       *hearth_audit_entry_describe        (HearthAuditEntry  *entry);

G_END_DECLS
