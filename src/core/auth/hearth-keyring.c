/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-auth"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "hearth-auth-error.h"
#include "hearth-keyring.h"

/*
 * "Stay signed in" tokens in the system keyring (the Secret Service; inside
 * Flatpak, libsecret goes through the secret portal). An item's attributes name
 * the application and the profile; the token is only ever the secret. When the
 * keyring is missing or locked, every call fails with
 * %HEARTH_AUTH_ERROR_KEYRING_UNAVAILABLE and nothing is written anywhere else.
 * Calls are synchronous D-Bus round trips: make them from a worker thread when
 * the window must stay responsive.
 */

struct _HearthKeyring
{
  GObject  parent_instance;

  char    *application_id;
};

G_DEFINE_FINAL_TYPE (HearthKeyring, hearth_keyring, G_TYPE_OBJECT)

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.hearthapp.Hearth.Session", SECRET_SCHEMA_DONT_MATCH_NAME,
    {
      { "application", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static void
hearth_keyring_finalize (GObject *object)
{
  HearthKeyring *self = HEARTH_KEYRING (object);

  g_free (self->application_id);

  G_OBJECT_CLASS (hearth_keyring_parent_class)->finalize (object);
}

static void
hearth_keyring_class_init (HearthKeyringClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hearth_keyring_finalize;
}

static void
hearth_keyring_init (HearthKeyring *self)
{
}

/**
 * hearth_keyring_new:
 * @application_id: what the items' "application" attribute says, so that a
 *   development build and an installed Hearth keep their own tokens
 *
 * Returns: (transfer full): a keyring
 */
HearthKeyring *
hearth_keyring_new (const char *application_id)
{
  HearthKeyring *self;

  g_return_val_if_fail (application_id != NULL, NULL);

  self = g_object_new (HEARTH_TYPE_KEYRING, NULL);
  self->application_id = g_strdup (application_id);
  return self;
}

static gboolean
set_unavailable (GError     **error,
                 const GError *cause)
{
  if (cause != NULL)
    g_debug ("Keyring: %s", cause->message);

  g_set_error_literal (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_KEYRING_UNAVAILABLE,
                       _("The keyring is missing or locked, so Hearth cannot keep you signed in "
                         "on this computer."));
  return FALSE;
}

/* The default collection must exist and be unlocked: Hearth never prompts to
 * unlock it, and never writes the token anywhere else. Inside Flatpak there is
 * no Secret Service to ask: libsecret keeps the items in its own encrypted
 * file, with a key from the secret portal, and reports its failures itself. */
static gboolean
ensure_unlocked (GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (SecretService) service = NULL;
  g_autoptr (SecretCollection) collection = NULL;

  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return TRUE;

  service = secret_service_get_sync (SECRET_SERVICE_OPEN_SESSION, NULL, &local_error);
  if (service == NULL)
    return set_unavailable (error, local_error);

  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &local_error);
  if (collection == NULL || secret_collection_get_locked (collection))
    return set_unavailable (error, local_error);

  return TRUE;
}

/**
 * hearth_keyring_store:
 *
 * Keeps @refresh_token for @user_id, replacing any token it had.
 */
gboolean
hearth_keyring_store (HearthKeyring  *self,
                      gint64          user_id,
                      const char     *refresh_token,
                      GError        **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *user = g_strdup_printf ("%" G_GINT64_FORMAT, user_id);

  g_return_val_if_fail (HEARTH_IS_KEYRING (self), FALSE);
  g_return_val_if_fail (refresh_token != NULL, FALSE);

  if (!ensure_unlocked (error))
    return FALSE;

  if (!secret_password_store_sync (get_schema (), SECRET_COLLECTION_DEFAULT,
                                   _("Hearth: stay signed in"), refresh_token, NULL, &local_error,
                                   "application", self->application_id,
                                   "user-id", user,
                                   NULL))
    return set_unavailable (error, local_error);

  return TRUE;
}

/**
 * hearth_keyring_lookup:
 *
 * Returns: (transfer full) (nullable): @user_id's token; %NULL without an
 *   error when there is none
 */
char *
hearth_keyring_lookup (HearthKeyring  *self,
                       gint64          user_id,
                       GError        **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *user = g_strdup_printf ("%" G_GINT64_FORMAT, user_id);
  char *secret;
  char *token;

  g_return_val_if_fail (HEARTH_IS_KEYRING (self), NULL);

  if (!ensure_unlocked (error))
    return NULL;

  secret = secret_password_lookup_sync (get_schema (), NULL, &local_error,
                                        "application", self->application_id,
                                        "user-id", user,
                                        NULL);
  if (local_error != NULL)
    {
      set_unavailable (error, local_error);
      return NULL;
    }

  token = g_strdup (secret);
  if (secret != NULL)
    secret_password_free (secret);
  return token;
}

/**
 * hearth_keyring_find_any:
 * @out_user_id: (out): the profile that stays signed in
 * @out_refresh_token: (out) (transfer full): its token
 *
 * What start-up asks: does some profile stay signed in on this computer?
 *
 * Returns: %TRUE when one does; %FALSE without an error when none does
 */
gboolean
hearth_keyring_find_any (HearthKeyring  *self,
                         gint64         *out_user_id,
                         char          **out_refresh_token,
                         GError        **error)
{
  g_autoptr (GError) local_error = NULL;
  GList *items;
  gboolean found = FALSE;

  g_return_val_if_fail (HEARTH_IS_KEYRING (self), FALSE);
  g_return_val_if_fail (out_user_id != NULL && out_refresh_token != NULL, FALSE);

  if (!ensure_unlocked (error))
    return FALSE;

  items = secret_password_search_sync (get_schema (), SECRET_SEARCH_LOAD_SECRETS, NULL, &local_error,
                                       "application", self->application_id,
                                       NULL);
  if (local_error != NULL)
    return set_unavailable (error, local_error);

  for (GList *l = items; l != NULL && !found; l = l->next)
    {
      g_autoptr (GHashTable) attributes = secret_retrievable_get_attributes (l->data);
      g_autoptr (SecretValue) value = secret_retrievable_retrieve_secret_sync (l->data, NULL, NULL);
      const char *user = g_hash_table_lookup (attributes, "user-id");
      gint64 user_id = user != NULL ? g_ascii_strtoll (user, NULL, 10) : 0;

      if (value == NULL || user_id <= 0)
        continue;

      *out_user_id = user_id;
      *out_refresh_token = g_strdup (secret_value_get_text (value));
      found = *out_refresh_token != NULL;
    }
  g_list_free_full (items, g_object_unref);

  return found;
}

/**
 * hearth_keyring_delete:
 *
 * Forgets @user_id's token; nothing to forget is no failure.
 */
gboolean
hearth_keyring_delete (HearthKeyring  *self,
                       gint64          user_id,
                       GError        **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *user = g_strdup_printf ("%" G_GINT64_FORMAT, user_id);

  g_return_val_if_fail (HEARTH_IS_KEYRING (self), FALSE);

  if (!ensure_unlocked (error))
    return FALSE;

  secret_password_clear_sync (get_schema (), NULL, &local_error,
                              "application", self->application_id,
                              "user-id", user,
                              NULL);
  if (local_error != NULL)
    return set_unavailable (error, local_error);

  return TRUE;
}
