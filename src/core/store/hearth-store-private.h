/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hearth-core-types.h"

G_BEGIN_DECLS

/* One file of schemas/sqlite/, named NNNN-short-name.sql. */
typedef struct
{
  int         version;
  const char *name;
  const char *sql;
} HearthMigration;

typedef void (*HearthMigrationHook) (int version);

GPtrArray   *_hearth_store_list_migrations (void);
void         _hearth_store_set_migration_hook (HearthMigrationHook hook);
HearthStore *_hearth_store_open_at_version (const char   *path,
                                            HearthClock  *clock,
                                            int           target_version,
                                            GError      **error);

G_END_DECLS
