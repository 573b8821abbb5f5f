/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-auth"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearth-security-event.h"

/* One row of a profile's security history, with a sentence for people. */

struct _HearthSecurityEvent
{
  GObject  parent_instance;

  gint64   id;
  char    *type;
  char    *metadata;
  gint64   created_at;
};

G_DEFINE_FINAL_TYPE (HearthSecurityEvent, hearth_security_event, G_TYPE_OBJECT)

static const struct
{
  const char *type;
  const char *summary;
} summaries[] = {
  { "LOGIN_SUCCESS", N_("Signed in") },
  { "LOGIN_FAILED", N_("A sign-in attempt failed") },
  { "LOGOUT", N_("Signed out") },
  { "REFRESH_ROTATED", N_("Signed in again automatically") },
  { "ACCOUNT_LOCKED", N_("Locked after failed attempts") },
  { "ACCOUNT_UNLOCKED", N_("Unlocked") },
  { "PASSWORD_CHANGED", N_("Password changed") },
  { "RECOVERY_KEY_USED", N_("A recovery key was used") },
  { "RECOVERY_KEY_REGENERATED", N_("New recovery keys were made") },
  { "SUDO_MODE_ENABLED", N_("Password confirmed for a protected change") },
  { "SESSION_REVOKED", N_("Signed out elsewhere") },
  { "REFRESH_REUSE_DETECTED", N_("A copied sign-in was refused and its sessions ended") },
  { "RECOVERY_FAILED", N_("A recovery attempt failed") },
  { "PERMISSION_DENIED", N_("An action was refused") },
  { "PASSKEY_ADDED", N_("A security key was added") },
  { "PASSKEY_REMOVED", N_("A security key was removed") },
  { "SECURITY_QUESTIONS_CHANGED", N_("Security questions changed") },
};

static void
hearth_security_event_finalize (GObject *object)
{
  HearthSecurityEvent *self = HEARTH_SECURITY_EVENT (object);

  g_free (self->type);
  g_free (self->metadata);

  G_OBJECT_CLASS (hearth_security_event_parent_class)->finalize (object);
}

static void
hearth_security_event_class_init (HearthSecurityEventClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hearth_security_event_finalize;
}

static void
hearth_security_event_init (HearthSecurityEvent *self)
{
}

HearthSecurityEvent *
hearth_security_event_new (gint64      id,
                           const char *type,
                           const char *metadata,
                           gint64      created_at)
{
  HearthSecurityEvent *self = g_object_new (HEARTH_TYPE_SECURITY_EVENT, NULL);

  self->id = id;
  self->type = g_strdup (type);
  self->metadata = g_strdup (metadata);
  self->created_at = created_at;
  return self;
}

gint64
hearth_security_event_get_id (HearthSecurityEvent *self)
{
  g_return_val_if_fail (HEARTH_IS_SECURITY_EVENT (self), 0);
  return self->id;
}

/**
 * hearth_security_event_get_event_type:
 *
 * Returns: the event's word in the database (`LOGIN_FAILED`, ...)
 */
const char *
hearth_security_event_get_event_type (HearthSecurityEvent *self)
{
  g_return_val_if_fail (HEARTH_IS_SECURITY_EVENT (self), NULL);
  return self->type;
}

const char *
hearth_security_event_get_metadata (HearthSecurityEvent *self)
{
  g_return_val_if_fail (HEARTH_IS_SECURITY_EVENT (self), NULL);
  return self->metadata;
}

gint64
hearth_security_event_get_created_at (HearthSecurityEvent *self)
{
  g_return_val_if_fail (HEARTH_IS_SECURITY_EVENT (self), 0);
  return self->created_at;
}

/**
 * hearth_security_event_get_summary:
 *
 * Returns: what happened, in a few translated words
 */
const char *
hearth_security_event_get_summary (HearthSecurityEvent *self)
{
  g_return_val_if_fail (HEARTH_IS_SECURITY_EVENT (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (summaries); i++)
    if (g_str_equal (summaries[i].type, self->type))
      return _(summaries[i].summary);

  return self->type;
}
