/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hearth-store.h"

G_BEGIN_DECLS

/**
 * HearthQuery:
 * @item_type: the type of the items, a #GObject
 * @watch_table: the table whose `changed` signal refreshes the model
 * @watch_also: (nullable): a second such table (a joined one)
 * @columns: the item's columns, read by @new_from_row from column 0 on
 * @from: `FROM … WHERE …`, the filter's parameters numbered ?1 to ?n
 * @count_from: (nullable): the same rows without the joins that only add
 *   columns, for counting; %NULL to count with @from
 * @count: (nullable): a whole `SELECT` of the count, with the same parameters,
 *   for a list whose length the store keeps; %NULL to `count(*)` the rows
 * @key: the sort key, newest (largest) first unless @ascending; never NULL
 *   (an `ifnull ()` that the index also names, where the column may be)
 * @key_is_text: whether the key is TEXT (a date) rather than INTEGER
 * @id: a unique column that breaks ties in the key, largest first unless
 *   @ascending
 * @ascending: smallest key first: what comes soonest, as a list of things
 *   due
 * @new_from_row: makes an item of a row
 *
 * A list query, written once in SQL: sorted and filtered there, through an
 * index on (@key, @id).
 */
typedef struct
{
  GType          item_type;
  const char    *watch_table;
  const char    *watch_also;
  const char    *columns;
  const char    *from;
  const char    *count_from;
  const char    *count;
  const char    *key;
  gboolean       key_is_text;
  const char    *id;
  HearthRowFunc  new_from_row;
  gboolean       ascending;
} HearthQuery;

/**
 * HearthQueryBind:
 * @statement: a statement of the query
 * @user_data: what the model was given
 *
 * Binds the filter's parameters, ?1 to ?n.
 */
typedef void (*HearthQueryBind) (HearthStatement *statement,
                                 gpointer         user_data);

#define HEARTH_QUERY_MODEL_PAGE_SIZE 64

#define HEARTH_TYPE_QUERY_MODEL (hearth_query_model_get_type ())
G_DECLARE_FINAL_TYPE (HearthQueryModel, hearth_query_model, HEARTH, QUERY_MODEL, GObject)

HearthQueryModel *hearth_query_model_new           (HearthStore       *store,
                                                    const HearthQuery *query,
                                                    guint              n_params,
                                                    HearthQueryBind    bind,
                                                    gpointer           bind_data,
                                                    GDestroyNotify     bind_destroy,
                                                    GError           **error);
void              hearth_query_model_refresh       (HearthQueryModel  *self);
guint             hearth_query_model_get_n_cached  (HearthQueryModel  *self);
guint             hearth_query_model_get_n_queries (HearthQueryModel  *self);

G_END_DECLS
