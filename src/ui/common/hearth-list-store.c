/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hearth-list-store.h"

/**
 * hearth_list_store_replace_all:
 * @store: what a list widget is bound to
 * @items: (nullable) (element-type GObject): what it is to hold now, or %NULL
 *   for nothing
 *
 * Replaces what @store holds in one `items-changed`, as a list refreshed from
 * the store does: the bound list box makes its rows again, once.
 */
void
hearth_list_store_replace_all (GListStore *store,
                               GPtrArray  *items)
{
  g_return_if_fail (G_IS_LIST_STORE (store));

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items != NULL ? items->pdata : NULL, items != NULL ? items->len : 0);
}
