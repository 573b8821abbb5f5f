/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-audit"

#include "config.h"

#include "hearth-audit-entry-private.h"
#include "hearth-store.h"

/* One row of the audit log as its readers see it: who did what to what, and
 * when, with the names as they are now (the ids are what the log keeps). */

struct _HearthAuditEntry
{
  GObject  parent_instance;

  gint64   id;
  gint64   created_at;
  gint64   actor_id;
  char    *actor_name;
  char    *entity_type;
  gint64   entity_id;
  char    *entity_name;
  char    *action;
};

G_DEFINE_FINAL_TYPE (HearthAuditEntry, hearth_audit_entry, G_TYPE_OBJECT)

static void
hearth_audit_entry_finalize (GObject *object)
{
  HearthAuditEntry *self = HEARTH_AUDIT_ENTRY (object);

  g_free (self->actor_name);
  g_free (self->entity_type);
  g_free (self->entity_name);
  g_free (self->action);

  G_OBJECT_CLASS (hearth_audit_entry_parent_class)->finalize (object);
}

static void
hearth_audit_entry_class_init (HearthAuditEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hearth_audit_entry_finalize;
}

static void
hearth_audit_entry_init (HearthAuditEntry *self)
{
}

/* @row: a row whose first columns are HEARTH_AUDIT_ENTRY_COLUMNS
 * (hearth-audit-entry-private.h) */
HearthAuditEntry *
_hearth_audit_entry_new_from_row (HearthStatement *row)
{
  HearthAuditEntry *self = g_object_new (HEARTH_TYPE_AUDIT_ENTRY, NULL);

  self->id = hearth_statement_get_int64 (row, HEARTH_AUDIT_ENTRY_COLUMN_ID);
  self->created_at = hearth_statement_get_int64 (row, HEARTH_AUDIT_ENTRY_COLUMN_CREATED_AT);
  self->actor_id = hearth_statement_get_int64 (row, HEARTH_AUDIT_ENTRY_COLUMN_ACTOR_ID);
  self->actor_name = hearth_statement_dup_text (row, HEARTH_AUDIT_ENTRY_COLUMN_ACTOR_NAME);
  self->entity_type = hearth_statement_dup_text (row, HEARTH_AUDIT_ENTRY_COLUMN_ENTITY_TYPE);
  self->entity_id = hearth_statement_get_int64 (row, HEARTH_AUDIT_ENTRY_COLUMN_ENTITY_ID);
  self->entity_name = hearth_statement_dup_text (row, HEARTH_AUDIT_ENTRY_COLUMN_ENTITY_NAME);
  self->action = hearth_statement_dup_text (row, HEARTH_AUDIT_ENTRY_COLUMN_ACTION);
  return self;
}

gint64
hearth_audit_entry_get_id (HearthAuditEntry *self)
{
  g_return_val_if_fail (HEARTH_IS_AUDIT_ENTRY (self), 0);
  return self->id;
}

gint64
hearth_audit_entry_get_created_at (HearthAuditEntry *self)
{
  g_return_val_if_fail (HEARTH_IS_AUDIT_ENTRY (self), 0);
  return self->created_at;
}

gint64
hearth_audit_entry_get_actor_id (HearthAuditEntry *self)
{
  g_return_val_if_fail (HEARTH_IS_AUDIT_ENTRY (self), 0);
  return self->actor_id;
}

/**
 * hearth_audit_entry_get_actor_name:
 *
 * Returns: (nullable): the actor's display name, %NULL when the profile is gone
 */
const char *
hearth_audit_entry_get_actor_name (HearthAuditEntry *self)
{
  g_return_val_if_fail (HEARTH_IS_AUDIT_ENTRY (self), NULL);
  return self->actor_name;
}

const char *
hearth_audit_entry_get_entity_type (HearthAuditEntry *self)
{
  g_return_val_if_fail (HEARTH_IS_AUDIT_ENTRY (self), NULL);
  return self->entity_type;
}

gint64
hearth_audit_entry_get_entity_id (HearthAuditEntry *self)
{
  g_return_val_if_fail (HEARTH_IS_AUDIT_ENTRY (self), 0);
  return self->entity_id;
}

/**
 * hearth_audit_entry_get_entity_name:
 *
 * Returns: (nullable): the name of the profile or circle acted on, %NULL when
 *   it is gone or has no name
 */
const char *
hearth_audit_entry_get_entity_name (HearthAuditEntry *self)
{
  g_return_val_if_fail (HEARTH_IS_AUDIT_ENTRY (self), NULL);
  return self->entity_name;
}

/**
 * hearth_audit_entry_get_action:
 *
 * Returns: what was done, as `module.verb` (`circle.member_added`, `auth.sign_in`)
 */
const char *
hearth_audit_entry_get_action (HearthAuditEntry *self)
{
  g_return_val_if_fail (HEARTH_IS_AUDIT_ENTRY (self), NULL);
  return self->action;
}
