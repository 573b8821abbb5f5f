/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-auth"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "hearth-actor-private.h"

/*
 * HearthActor says who is acting: the signed-in profile and the session it
 * signed in with. Every service function takes one first. It is made only by
 * HearthAuth (sign-in, resume); whether it may still act (session not revoked
 * or expired, sudo mode, role) is checked by the services against the
 * database each time, never cached here.
 *
 * The session's anti-forgery token lives only in memory, here; the database
 * keeps its hash.
 */

struct _HearthActor
{
  GObject  parent_instance;

  gint64   user_id;
  gint64   session_id;
  char    *username;
  char    *display_name;
  char    *csrf_token;
};

G_DEFINE_FINAL_TYPE (HearthActor, hearth_actor, G_TYPE_OBJECT)

static void
hearth_actor_finalize (GObject *object)
{
  HearthActor *self = HEARTH_ACTOR (object);

  g_free (self->username);
  g_free (self->display_name);
  if (self->csrf_token != NULL)
    sodium_memzero (self->csrf_token, strlen (self->csrf_token));
  g_free (self->csrf_token);

  G_OBJECT_CLASS (hearth_actor_parent_class)->finalize (object);
}

static void
hearth_actor_class_init (HearthActorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hearth_actor_finalize;
}

static void
hearth_actor_init (HearthActor *self)
{
}

HearthActor *
_hearth_actor_new (gint64      user_id,
                   gint64      session_id,
                   const char *username,
                   const char *display_name,
                   const char *csrf_token)
{
  HearthActor *self = g_object_new (HEARTH_TYPE_ACTOR, NULL);

  self->user_id = user_id;
  self->session_id = session_id;
  self->username = g_strdup (username);
  self->display_name = g_strdup (display_name);
  self->csrf_token = g_strdup (csrf_token);

  return self;
}

gint64
hearth_actor_get_user_id (HearthActor *self)
{
  g_return_val_if_fail (HEARTH_IS_ACTOR (self), 0);

  return self->user_id;
}

gint64
hearth_actor_get_session_id (HearthActor *self)
{
  g_return_val_if_fail (HEARTH_IS_ACTOR (self), 0);

  return self->session_id;
}

const char *
hearth_actor_get_username (HearthActor *self)
{
  g_return_val_if_fail (HEARTH_IS_ACTOR (self), NULL);

  return self->username;
}

const char *
hearth_actor_get_display_name (HearthActor *self)
{
  g_return_val_if_fail (HEARTH_IS_ACTOR (self), NULL);

  return self->display_name;
}

/**
 * hearth_actor_get_csrf_token:
 *
 * Returns: the session's anti-forgery token, which an action that reaches the
 *   application from outside its window must carry
 */
const char *
hearth_actor_get_csrf_token (HearthActor *self)
{
  g_return_val_if_fail (HEARTH_IS_ACTOR (self), NULL);

  return self->csrf_token;
}
