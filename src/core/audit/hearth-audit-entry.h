/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HEARTH_TYPE_AUDIT_ENTRY (hearth_audit_entry_get_type ())
G_DECLARE_FINAL_TYPE (HearthAuditEntry, hearth_audit_entry, HEARTH, AUDIT_ENTRY, GObject)

gint64      hearth_audit_entry_get_id          (HearthAuditEntry *self);
gint64      hearth_audit_entry_get_created_at  (HearthAuditEntry *self);
gint64      hearth_audit_entry_get_actor_id    (HearthAuditEntry *self);
const char *hearth_audit_entry_get_actor_name  (HearthAuditEntry *self);
const char *hearth_audit_entry_get_entity_type (HearthAuditEntry *self);
gint64      hearth_audit_entry_get_entity_id   (HearthAuditEntry *self);
const char *hearth_audit_entry_get_entity_name (HearthAuditEntry *self);
const char *hearth_audit_entry_get_action      (HearthAuditEntry *self);

G_END_DECLS
