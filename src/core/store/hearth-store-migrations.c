/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-store"

#include "config.h"

#include <stdlib.h>

#include "hearth-schemas-resources.h"
#include "hearth-store.h"
#include "hearth-store-private.h"

/*
 * The migrations are the files of schemas/sqlite/, compiled into the library as a
 * GResource. A file's number is the schema version it leads to; the numbers run
 * from 1 without gaps, which the build's tests check and this code asserts.
 */

#define MIGRATIONS_PATH RESOURCE_BASE_PATH "/schemas/sqlite/"

static void
migration_free (HearthMigration *migration)
{
  g_free ((char *) migration->name);
  g_free ((char *) migration->sql);
  g_free (migration);
}

static int
compare_migrations (gconstpointer a,
                    gconstpointer b)
{
  const HearthMigration *first = *(const HearthMigration **) a;
  const HearthMigration *second = *(const HearthMigration **) b;

  return first->version - second->version;
}

static int
parse_version (const char *file_name)
{
  char *end = NULL;
  long version = strtol (file_name, &end, 10);

  g_assert (end == file_name + 4 && *end == '-' && g_str_has_suffix (file_name, ".sql"));
  g_assert (version > 0 && version < 10000);

  return (int) version;
}

/* Returns: (transfer full): the migrations, in order */
GPtrArray *
_hearth_store_list_migrations (void)
{
  GResource *resource = hearth_schemas_get_resource ();
  g_autoptr (GPtrArray) migrations = g_ptr_array_new_with_free_func ((GDestroyNotify) migration_free);
  g_auto (GStrv) names = NULL;
  g_autoptr (GError) error = NULL;

  names = g_resource_enumerate_children (resource, MIGRATIONS_PATH,
                                         G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (MIGRATIONS_PATH, names[i], NULL);
      g_autoptr (GBytes) bytes = NULL;
      HearthMigration *migration;

      bytes = g_resource_lookup_data (resource, path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      g_assert_no_error (error);

      migration = g_new0 (HearthMigration, 1);
      migration->version = parse_version (names[i]);
      migration->name = g_strdup (names[i]);
      migration->sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_ptr_array_add (migrations, migration);
    }

  g_ptr_array_sort (migrations, compare_migrations);

  for (guint i = 0; i < migrations->len; i++)
    g_assert (((HearthMigration *) g_ptr_array_index (migrations, i))->version == (int) i + 1);

  return g_steal_pointer (&migrations);
}

/**
 * hearth_store_get_latest_schema_version:
 *
 * Returns: the schema version this build of Hearth creates and reads
 */
int
hearth_store_get_latest_schema_version (void)
{
  static gsize latest;

  if (g_once_init_enter (&latest))
    {
      g_autoptr (GPtrArray) migrations = _hearth_store_list_migrations ();

      g_once_init_leave (&latest, migrations->len);
    }

  return (int) latest;
}
