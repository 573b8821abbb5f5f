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

enum {
  PROP_0,
  PROP_ID,
  PROP_USERNAME,
  PROP_DISPLAY_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
hearth_profile_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HearthProfile *self = HEARTH_PROFILE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_profile_class_init (HearthProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hearth_profile_finalize;
  object_class->get_property = hearth_profile_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
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
