/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hearth-core-types.h"

G_BEGIN_DECLS

#define HEARTH_STORE_ERROR (hearth_store_error_quark ())

/**
 * HearthStoreError:
 * @HEARTH_STORE_ERROR_FAILED: a failure with no better code; a bug, usually
 * @HEARTH_STORE_ERROR_CONSTRAINT: the change breaks a rule of the schema
 * @HEARTH_STORE_ERROR_NOT_FOUND: the row asked for does not exist
 * @HEARTH_STORE_ERROR_BUSY: another connection holds the database for too long
 * @HEARTH_STORE_ERROR_FULL: the disk is full
 * @HEARTH_STORE_ERROR_CORRUPT: the file is damaged or is not a Hearth database
 * @HEARTH_STORE_ERROR_NEWER_SCHEMA: a newer Hearth wrote the file
 * @HEARTH_STORE_ERROR_IO: the file cannot be read, written or created
 */
typedef enum
{
  HEARTH_STORE_ERROR_FAILED,
  HEARTH_STORE_ERROR_CONSTRAINT,
  HEARTH_STORE_ERROR_NOT_FOUND,
  HEARTH_STORE_ERROR_BUSY,
  HEARTH_STORE_ERROR_FULL,
  HEARTH_STORE_ERROR_CORRUPT,
  HEARTH_STORE_ERROR_NEWER_SCHEMA,
  HEARTH_STORE_ERROR_IO,
} HearthStoreError;

GQuark hearth_store_error_quark (void);

/**
 * HearthKeyset:
 * @key: the sort key of the last row of the page before (a time, say), or 0
 *   to start from the first row
 * @id: that row's id, which breaks ties
 *
 * Where the next page of a list starts: lists page by keyset
 * (`WHERE (key, id) < (?, ?)`), never by `OFFSET`, so a row added meanwhile
 * neither shifts nor repeats the rows of the pages that follow.
 */
typedef struct
{
  gint64 key;
  gint64 id;
} HearthKeyset;

#define HEARTH_STORE_FILE_NAME "hearth.db"

#define HEARTH_TYPE_STORE (hearth_store_get_type ())
G_DECLARE_FINAL_TYPE (HearthStore, hearth_store, HEARTH, STORE, GObject)

/**
 * HearthStoreTransactionFunc:
 * @store: the store, inside a transaction
 * @user_data: what was passed to hearth_store_transaction()
 * @error: where to report why the work failed
 *
 * Returns: %TRUE to commit, %FALSE (with @error set) to roll back
 */
typedef gboolean (*HearthStoreTransactionFunc) (HearthStore  *store,
                                                gpointer      user_data,
                                                GError      **error);

/**
 * HearthStoreWorkFunc:
 * @task: the task, whose result the function returns (g_task_return_*)
 * @store: a connection of the worker's own to the file
 * @task_data: the task's data
 * @cancellable: (nullable): the task's cancellable
 *
 * Work done in a worker thread on a connection of its own: see
 * hearth_store_run_in_worker().
 */
typedef void (*HearthStoreWorkFunc) (GTask        *task,
                                     HearthStore  *store,
                                     gpointer      task_data,
                                     GCancellable *cancellable);

char         *hearth_store_dup_default_path          (const char           *data_dir);

HearthStore  *hearth_store_open                      (const char           *path,
                                                      HearthClock          *clock,
                                                      GError              **error);

const char   *hearth_store_get_path                  (HearthStore          *self);
HearthClock  *hearth_store_get_clock                 (HearthStore          *self);
gint64        hearth_store_now                       (HearthStore          *self);
void          hearth_store_run_in_worker             (HearthStore          *self,
                                                      GTask                *task,
                                                      HearthStoreWorkFunc   func);
void          hearth_store_open_in_worker            (const char           *path,
                                                      HearthClock          *clock,
                                                      GTask                *task,
                                                      HearthStoreWorkFunc   func);
void          hearth_store_close                     (HearthStore          *self);
void          hearth_store_set_busy_timeout          (HearthStore          *self,
                                                      int                   timeout_ms);
int           hearth_store_get_schema_version        (HearthStore          *self);
int           hearth_store_get_latest_schema_version (void);

gboolean      hearth_store_set_error_from_errno      (GError              **error,
                                                      int                   saved_errno,
                                                      const char           *path);
gboolean      hearth_store_execute                   (HearthStore          *self,
                                                      const char           *sql,
                                                      GError              **error);
HearthStatement *hearth_store_prepare                (HearthStore          *self,
                                                      const char           *sql,
                                                      GError              **error);

gboolean      hearth_store_begin                     (HearthStore          *self,
                                                      GError              **error);
gboolean      hearth_store_commit                    (HearthStore          *self,
                                                      GError              **error);
void          hearth_store_rollback                  (HearthStore          *self);
gboolean      hearth_store_transaction               (HearthStore          *self,
                                                      HearthStoreTransactionFunc func,
                                                      gpointer              user_data,
                                                      GError              **error);
gboolean      hearth_store_in_transaction            (HearthStore          *self);
void          hearth_store_set_cache_size            (HearthStore          *self,
                                                      guint                 kib);
void          hearth_store_announce_change           (HearthStore          *self,
                                                      const char           *table);

void          hearth_statement_bind_int64            (HearthStatement      *self,
                                                      int                   index,
                                                      gint64                value);
void          hearth_statement_bind_text             (HearthStatement      *self,
                                                      int                   index,
                                                      const char           *value);
void          hearth_statement_bind_null             (HearthStatement      *self,
                                                      int                   index);
gboolean      hearth_statement_next_row              (HearthStatement      *self,
                                                      GError              **error);
/**
 * HearthRowFunc:
 * @row: a statement on a row
 *
 * Returns: (transfer full): an item made from the row's columns
 */
typedef gpointer (*HearthRowFunc) (HearthStatement *row);

GPtrArray    *hearth_statement_collect               (HearthStatement      *self,
                                                      HearthRowFunc         new_from_row,
                                                      GDestroyNotify        free_func,
                                                      GError              **error);
gboolean      hearth_statement_fetch_one             (HearthStatement      *self,
                                                      GError              **error);
gboolean      hearth_statement_fetch_optional        (HearthStatement      *self,
                                                      gboolean             *out_found,
                                                      GError              **error);
gboolean      hearth_statement_run                   (HearthStatement      *self,
                                                      GError              **error);
int           hearth_statement_get_n_columns         (HearthStatement      *self);
const char   *hearth_statement_get_column_name       (HearthStatement      *self,
                                                      int                   column);
gboolean      hearth_statement_get_is_null           (HearthStatement      *self,
                                                      int                   column);
gint64        hearth_statement_get_int64             (HearthStatement      *self,
                                                      int                   column);
const char   *hearth_statement_get_text              (HearthStatement      *self,
                                                      int                   column);
char         *hearth_statement_dup_text              (HearthStatement      *self,
                                                      int                   column);
void          hearth_statement_reset                 (HearthStatement      *self);
void          hearth_statement_release               (HearthStatement      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearthStatement, hearth_statement_release)

G_END_DECLS
