/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-auth"

#include "config.h"

#include "hearth-profile.h"

/* A profile as the picker shows it: no secrets, nothing that changes while it
 * is shown. */

struct _HearthProfile
{
  GObject  parent_instance;

  gint64   id;
  char    *username;
  char    *display_name;
};

G_DEFINE_FINAL_TYPE (HearthProfile, hearth_profile, G_TYPE_OBJECT)

static void
hearth_profile_finalize (GObject *object)
{
  HearthProfile *self = HEARTH_PROFILE (object);

  g_free (self->username);
  g_free (self->display_name);

  G_OBJECT_CLASS (hearth_profile_parent_class)->finalize (object);
}

static void
hearth_profile_class_init (HearthProfileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hearth_profile_finalize;
}

static void
hearth_profile_init (HearthProfile *self)
{
}

HearthProfile *
hearth_profile_new (gint64      id,
                    const char *username,
                    const char *display_name)
{
  HearthProfile *self = g_object_new (HEARTH_TYPE_PROFILE, NULL);

  self->id = id;
  self->username = g_strdup (username);
  self->display_name = g_strdup (display_name);
  return self;
}

gint64
hearth_profile_get_id (HearthProfile *self)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), 0);

  return self->id;
}

const char *
hearth_profile_get_username (HearthProfile *self)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), NULL);

  return self->username;
}

const char *
hearth_profile_get_display_name (HearthProfile *self)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), NULL);

  return self->display_name;
}
