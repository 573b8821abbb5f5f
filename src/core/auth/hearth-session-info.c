/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-auth"

#include "config.h"

#include "hearth-session-info.h"

/* An open session as the Account Security page lists it; no token, only what
 * a person needs to recognise it. */

struct _HearthSessionInfo
{
  GObject   parent_instance;

  gint64    id;
  char     *device_name;
  char     *user_agent;
  gint64    created_at;
  gint64    last_seen_at;
  gint64    expires_at;
  gboolean  current;
};

G_DEFINE_FINAL_TYPE (HearthSessionInfo, hearth_session_info, G_TYPE_OBJECT)

static void
hearth_session_info_finalize (GObject *object)
{
  HearthSessionInfo *self = HEARTH_SESSION_INFO (object);

  g_free (self->device_name);
  g_free (self->user_agent);

  G_OBJECT_CLASS (hearth_session_info_parent_class)->finalize (object);
}

static void
hearth_session_info_class_init (HearthSessionInfoClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hearth_session_info_finalize;
}

static void
hearth_session_info_init (HearthSessionInfo *self)
{
}

HearthSessionInfo *
hearth_session_info_new (gint64      id,
                         const char *device_name,
                         const char *user_agent,
                         gint64      created_at,
                         gint64      last_seen_at,
                         gint64      expires_at,
                         gboolean    current)
{
  HearthSessionInfo *self = g_object_new (HEARTH_TYPE_SESSION_INFO, NULL);

  self->id = id;
  self->device_name = g_strdup (device_name);
  self->user_agent = g_strdup (user_agent);
  self->created_at = created_at;
  self->last_seen_at = last_seen_at;
  self->expires_at = expires_at;
  self->current = current;
  return self;
}

gint64
hearth_session_info_get_id (HearthSessionInfo *self)
{
  g_return_val_if_fail (HEARTH_IS_SESSION_INFO (self), 0);
  return self->id;
}

const char *
hearth_session_info_get_device_name (HearthSessionInfo *self)
{
  g_return_val_if_fail (HEARTH_IS_SESSION_INFO (self), NULL);
  return self->device_name;
}

const char *
hearth_session_info_get_user_agent (HearthSessionInfo *self)
{
  g_return_val_if_fail (HEARTH_IS_SESSION_INFO (self), NULL);
  return self->user_agent;
}

gint64
hearth_session_info_get_created_at (HearthSessionInfo *self)
{
  g_return_val_if_fail (HEARTH_IS_SESSION_INFO (self), 0);
  return self->created_at;
}

gint64
hearth_session_info_get_last_seen_at (HearthSessionInfo *self)
{
  g_return_val_if_fail (HEARTH_IS_SESSION_INFO (self), 0);
  return self->last_seen_at;
}

gint64
hearth_session_info_get_expires_at (HearthSessionInfo *self)
{
  g_return_val_if_fail (HEARTH_IS_SESSION_INFO (self), 0);
  return self->expires_at;
}

gboolean
hearth_session_info_get_current (HearthSessionInfo *self)
{
  g_return_val_if_fail (HEARTH_IS_SESSION_INFO (self), FALSE);
  return self->current;
}
