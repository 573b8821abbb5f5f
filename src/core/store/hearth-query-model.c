/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-store"

#include "config.h"

#include "hearth-query-model.h"

/*
 * HearthQueryModel: a GListModel over one SQL query, the one generic
 * database-backed list of ARCHITECTURE.md.
 *
 * - It knows its length from `SELECT count(*)`, and holds only the pages of
 *   HEARTH_QUERY_MODEL_PAGE_SIZE rows that were asked for, at most
 *   MAX_CACHED_PAGES of them, the least recently used going first.
 * - A page is fetched by keyset: `WHERE (key, id) < (?, ?)` (`>` for an
 *   ascending list) from the last row
 *   of the page before, never by OFFSET from the start. Where that row is not
 *   known yet (a jump down the scroll bar), the keys alone are read from the
 *   nearest known page, or from the end backwards when that is nearer,
 *   through the (key, id) index; every page boundary passed on the way is kept,
 *   so each part of the list is walked once.
 * - When the store says the watched table changed, it counts again, forgets
 *   its pages and tells its views (`items-changed`), once per main-loop turn
 *   however many rows the commit changed.
 */

#define MAX_CACHED_PAGES 32

typedef struct
{
  gboolean  known;
  char     *text_key;
  gint64    int_key;
  gint64    id;
} Boundary;

struct _HearthQueryModel
{
  GObject          parent_instance;

  HearthStore     *store;
  HearthQuery      query;
  guint            n_params;
  HearthQueryBind  bind;
  gpointer         bind_data;
  GDestroyNotify   bind_destroy;

  char            *count_sql;
  char            *page_first_sql;  /* from the first row */
  char            *page_after_sql;  /* from a boundary, (key, id) < (?, ?) */
  char            *keys_first_sql;
  char            *keys_after_sql;
  char            *keys_backwards_sql;

  guint            n_items;
  GHashTable      *pages;       /* page number → GPtrArray of items */
  GQueue           lru;         /* page numbers, most recent first */
  GArray          *boundaries;  /* Boundary per page: the last row of the page before */
  guint            refresh_id;
  guint            n_queries;
};

static void hearth_query_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HearthQueryModel, hearth_query_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, hearth_query_model_list_model_init))

static void
boundary_clear (gpointer data)
{
  Boundary *boundary = data;

  g_clear_pointer (&boundary->text_key, g_free);
  boundary->known = FALSE;
}

static guint
n_pages (HearthQueryModel *self)
{
  return (self->n_items + HEARTH_QUERY_MODEL_PAGE_SIZE - 1) / HEARTH_QUERY_MODEL_PAGE_SIZE;
}

static void
forget_pages (HearthQueryModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->lru);
  g_array_set_size (self->boundaries, 0);
}

static gboolean
count_rows (HearthQueryModel  *self,
            guint             *out_count,
            GError           **error)
{
  g_autoptr (HearthStatement) statement = hearth_store_prepare (self->store, self->count_sql, error);

  if (statement == NULL)
    return FALSE;
  if (self->bind != NULL)
    self->bind (statement, self->bind_data);
  self->n_queries++;
  if (!hearth_statement_fetch_one (statement, error))
    return FALSE;
  *out_count = (guint) MIN (hearth_statement_get_int64 (statement, 0), G_MAXUINT);
  return TRUE;
}

static void
set_boundary (HearthQueryModel *self,
              guint             page,
              HearthStatement  *row,
              int               key_column)
{
  Boundary *boundary;

  if (page == 0 || page >= self->boundaries->len)
    return;
  boundary = &g_array_index (self->boundaries, Boundary, page);
  if (boundary->known)
    return;
  boundary->known = TRUE;
  if (self->query.key_is_text)
    boundary->text_key = hearth_statement_dup_text (row, key_column);
  else
    boundary->int_key = hearth_statement_get_int64 (row, key_column);
  boundary->id = hearth_statement_get_int64 (row, key_column + 1);
}

/* Binds the keyset after the filter's parameters, from @boundary, or from the
 * start when it is %NULL. The two cases are two statements: an
 * `(? IS NULL OR (key, id) < …)` would keep SQLite from seeking in the index,
 * and every page would be read from the top. */
static HearthStatement *
prepare_keyset (HearthQueryModel  *self,
                const char        *first_sql,
                const char        *after_sql,
                const Boundary    *boundary,
                gint64             limit,
                GError           **error)
{
  HearthStatement *statement;
  int first = (int) self->n_params + 1;

  statement = hearth_store_prepare (self->store, boundary != NULL ? after_sql : first_sql, error);
  if (statement == NULL)
    return NULL;
  if (self->bind != NULL)
    self->bind (statement, self->bind_data);
  if (boundary == NULL)
    {
      hearth_statement_bind_int64 (statement, first, limit);
      return statement;
    }
  if (self->query.key_is_text)
    hearth_statement_bind_text (statement, first, boundary->text_key);
  else
    hearth_statement_bind_int64 (statement, first, boundary->int_key);
  hearth_statement_bind_int64 (statement, first + 1, boundary->id);
  hearth_statement_bind_int64 (statement, first + 2, limit);
  return statement;
}

/* Reads the keys, not the rows, from the nearest known boundary to @page's,
 * and keeps every boundary on the way. */
static gboolean
find_boundary (HearthQueryModel  *self,
               guint              page,
               GError           **error)
{
  g_autoptr (GError) local_error = NULL;
  guint from = page;
  guint last_page = n_pages (self);

  while (from > 0 && !g_array_index (self->boundaries, Boundary, from).known)
    from--;

  if (last_page - page < page - from)
    {
      /* Backwards from the last row: row j from the end is row
       * n_items - 1 - j from the start. */
      g_autoptr (HearthStatement) statement = hearth_store_prepare (self->store, self->keys_backwards_sql, error);
      gint64 rows = (gint64) self->n_items - (gint64) page * HEARTH_QUERY_MODEL_PAGE_SIZE + 1;
      gint64 j = 0;

      if (statement == NULL)
        return FALSE;
      if (self->bind != NULL)
        self->bind (statement, self->bind_data);
      hearth_statement_bind_int64 (statement, (int) self->n_params + 1, rows);
      self->n_queries++;
      while (hearth_statement_next_row (statement, &local_error))
        {
          gint64 index = (gint64) self->n_items - 1 - j++;

          if ((index + 1) % HEARTH_QUERY_MODEL_PAGE_SIZE == 0)
            set_boundary (self, (guint) ((index + 1) / HEARTH_QUERY_MODEL_PAGE_SIZE), statement, 0);
        }
    }
  else
    {
      const Boundary *start = from > 0 ? &g_array_index (self->boundaries, Boundary, from) : NULL;
      g_autoptr (HearthStatement) statement = prepare_keyset (self, self->keys_first_sql, self->keys_after_sql, start,
                                                              (gint64) (page - from) * HEARTH_QUERY_MODEL_PAGE_SIZE,
                                                              error);
      gint64 r = 0;

      if (statement == NULL)
        return FALSE;
      self->n_queries++;
      while (hearth_statement_next_row (statement, &local_error))
        {
          r++;
          if (r % HEARTH_QUERY_MODEL_PAGE_SIZE == 0)
            set_boundary (self, from + (guint) (r / HEARTH_QUERY_MODEL_PAGE_SIZE), statement, 0);
        }
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static GPtrArray *
load_page (HearthQueryModel  *self,
           guint              page,
           GError           **error)
{
  g_autoptr (HearthStatement) statement = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) local_error = NULL;
  const Boundary *start = NULL;
  int key_column;

  if (page > 0)
    {
      if (!g_array_index (self->boundaries, Boundary, page).known && !find_boundary (self, page, error))
        return NULL;
      start = &g_array_index (self->boundaries, Boundary, page);
      if (!start->known)
        {
          g_set_error_literal (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_NOT_FOUND,
                               "The list changed while it was read");
          return NULL;
        }
    }

  statement = prepare_keyset (self, self->page_first_sql, self->page_after_sql, start, HEARTH_QUERY_MODEL_PAGE_SIZE,
                              error);
  if (statement == NULL)
    return NULL;
  self->n_queries++;

  /* The key and id follow the item's columns; the page's last row starts the
   * next page. */
  key_column = hearth_statement_get_n_columns (statement) - 2;
  items = g_ptr_array_new_full (HEARTH_QUERY_MODEL_PAGE_SIZE, g_object_unref);
  while (hearth_statement_next_row (statement, &local_error))
    {
      g_ptr_array_add (items, self->query.new_from_row (statement));
      if (items->len == HEARTH_QUERY_MODEL_PAGE_SIZE)
        set_boundary (self, page + 1, statement, key_column);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&items);
}

static GPtrArray *
get_page (HearthQueryModel *self,
          guint             page)
{
  GPtrArray *items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  g_autoptr (GError) error = NULL;

  if (items != NULL)
    {
      /* Most recently used to the front. */
      GList *link = g_queue_find (&self->lru, GUINT_TO_POINTER (page));

      g_queue_unlink (&self->lru, link);
      g_queue_push_head_link (&self->lru, link);
      return items;
    }

  items = load_page (self, page, &error);
  if (items == NULL)
    {
      g_warning ("Could not read page %u of a list of %s: %s", page, self->query.watch_table, error->message);
      return NULL;
    }

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
  g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));
  while (g_queue_get_length (&self->lru) > MAX_CACHED_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->lru));
  return items;
}

/* GListModel ----------------------------------------------------------------------------- */

static GType
hearth_query_model_get_item_type (GListModel *model)
{
  return HEARTH_QUERY_MODEL (model)->query.item_type;
}

static guint
hearth_query_model_get_n_items (GListModel *model)
{
  return HEARTH_QUERY_MODEL (model)->n_items;
}

static gpointer
hearth_query_model_get_item (GListModel *model,
                             guint       position)
{
  HearthQueryModel *self = HEARTH_QUERY_MODEL (model);
  GPtrArray *items;
  guint offset = position % HEARTH_QUERY_MODEL_PAGE_SIZE;

  if (position >= self->n_items)
    return NULL;

  items = get_page (self, position / HEARTH_QUERY_MODEL_PAGE_SIZE);
  if (items == NULL || offset >= items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (items, offset));
}

static void
hearth_query_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = hearth_query_model_get_item_type;
  iface->get_n_items = hearth_query_model_get_n_items;
  iface->get_item = hearth_query_model_get_item;
}

/* Refreshing ------------------------------------------------------------------------------ */

/**
 * hearth_query_model_refresh:
 *
 * Counts again and forgets every page, then says so with one `items-changed`.
 * The model does it by itself when the store reports a change to the watched
 * table; call it when something the filter depends on changed elsewhere.
 */
void
hearth_query_model_refresh (HearthQueryModel *self)
{
  g_autoptr (GError) error = NULL;
  guint old_n = self->n_items;
  guint new_n = 0;

  g_return_if_fail (HEARTH_IS_QUERY_MODEL (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (!count_rows (self, &new_n, &error))
    g_warning ("Could not count a list of %s: %s", self->query.watch_table, error->message);

  forget_pages (self);
  self->n_items = new_n;
  g_array_set_size (self->boundaries, n_pages (self) + 1);
  if (old_n > 0 || new_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
}

static gboolean
refresh_cb (gpointer user_data)
{
  HearthQueryModel *self = user_data;

  self->refresh_id = 0;
  hearth_query_model_refresh (self);
  return G_SOURCE_REMOVE;
}

/* One refresh for all the rows of a commit, on the next turn of the loop. */
static void
store_changed_cb (HearthQueryModel *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

/* GObject --------------------------------------------------------------------------------- */

static void
hearth_query_model_dispose (GObject *object)
{
  HearthQueryModel *self = HEARTH_QUERY_MODEL (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->bind_destroy != NULL)
    g_clear_pointer (&self->bind_data, self->bind_destroy);

  G_OBJECT_CLASS (hearth_query_model_parent_class)->dispose (object);
}

static void
hearth_query_model_finalize (GObject *object)
{
  HearthQueryModel *self = HEARTH_QUERY_MODEL (object);

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_clear (&self->lru);
  g_clear_pointer (&self->boundaries, g_array_unref);
  g_free (self->count_sql);
  g_free (self->page_first_sql);
  g_free (self->page_after_sql);
  g_free (self->keys_first_sql);
  g_free (self->keys_after_sql);
  g_free (self->keys_backwards_sql);

  G_OBJECT_CLASS (hearth_query_model_parent_class)->finalize (object);
}

static void
hearth_query_model_class_init (HearthQueryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hearth_query_model_dispose;
  object_class->finalize = hearth_query_model_finalize;
}

static void
hearth_query_model_init (HearthQueryModel *self)
{
  self->pages = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->lru);
  self->boundaries = g_array_new (FALSE, TRUE, sizeof (Boundary));
  g_array_set_clear_func (self->boundaries, boundary_clear);
}

/**
 * hearth_query_model_new:
 * @query: the query; its strings must outlive the model (they are static)
 * @n_params: how many parameters its filter has, ?1 to ?n
 * @bind: (nullable): binds them, each time a statement is run
 * @bind_data: (nullable): for @bind, owned by the model
 * @bind_destroy: (nullable): frees @bind_data
 *
 * Returns: (transfer full): the model, counted, no row read yet; %NULL when
 *   the query cannot run
 */
HearthQueryModel *
hearth_query_model_new (HearthStore        *store,
                        const HearthQuery  *query,
                        guint               n_params,
                        HearthQueryBind     bind,
                        gpointer            bind_data,
                        GDestroyNotify      bind_destroy,
                        GError            **error)
{
  g_autoptr (HearthQueryModel) self = NULL;
  g_autofree char *signal = NULL;
  guint keyset = n_params + 1;
  const char *forward;
  const char *backward;
  const char *after;

  g_return_val_if_fail (HEARTH_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL && query->new_from_row != NULL, NULL);
  g_return_val_if_fail (g_type_is_a (query->item_type, G_TYPE_OBJECT), NULL);

  self = g_object_new (HEARTH_TYPE_QUERY_MODEL, NULL);
  self->store = g_object_ref (store);
  self->query = *query;
  self->n_params = n_params;
  self->bind = bind;
  self->bind_data = bind_data;
  self->bind_destroy = bind_destroy;

  if (query->count != NULL)
    self->count_sql = g_strdup (query->count);
  else
    self->count_sql = g_strdup_printf ("SELECT count(*) %s",
                                       query->count_from != NULL ? query->count_from : query->from);
  /* Newest (largest) first by default; an ascending list reads the other way
   * round, and its keyset compares the other way. The keyset also says
   * `key >= ?` (or `<=`) on its own: SQLite seeks an index by a row value of
   * columns, but by an expression key (a coalesce) only through such a term. */
  forward = query->ascending ? "ASC" : "DESC";
  backward = query->ascending ? "DESC" : "ASC";
  after = query->ascending ? ">" : "<";
  self->page_first_sql = g_strdup_printf ("SELECT %s, %s, %s %s ORDER BY %s %s, %s %s LIMIT ?%u",
                                          query->columns, query->key, query->id, query->from,
                                          query->key, forward, query->id, forward, keyset);
  self->page_after_sql = g_strdup_printf ("SELECT %s, %s, %s %s AND %s %s= ?%u AND (%s, %s) %s (?%u, ?%u) "
                                          "ORDER BY %s %s, %s %s LIMIT ?%u",
                                          query->columns, query->key, query->id, query->from,
                                          query->key, after, keyset,
                                          query->key, query->id, after, keyset, keyset + 1,
                                          query->key, forward, query->id, forward, keyset + 2);
  self->keys_first_sql = g_strdup_printf ("SELECT %s, %s %s ORDER BY %s %s, %s %s LIMIT ?%u",
                                          query->key, query->id, query->from, query->key, forward, query->id,
                                          forward, keyset);
  self->keys_after_sql = g_strdup_printf ("SELECT %s, %s %s AND %s %s= ?%u AND (%s, %s) %s (?%u, ?%u) "
                                          "ORDER BY %s %s, %s %s LIMIT ?%u",
                                          query->key, query->id, query->from,
                                          query->key, after, keyset,
                                          query->key, query->id, after, keyset, keyset + 1,
                                          query->key, forward, query->id, forward, keyset + 2);
  self->keys_backwards_sql = g_strdup_printf ("SELECT %s, %s %s ORDER BY %s %s, %s %s LIMIT ?%u",
                                              query->key, query->id, query->from, query->key, backward,
                                              query->id, backward, keyset);

  if (!count_rows (self, &self->n_items, error))
    return NULL;
  g_array_set_size (self->boundaries, n_pages (self) + 1);

  signal = g_strconcat ("changed::", query->watch_table, NULL);
  g_signal_connect_swapped (store, signal, G_CALLBACK (store_changed_cb), self);
  if (query->watch_also != NULL)
    {
      g_autofree char *also = g_strconcat ("changed::", query->watch_also, NULL);

      g_signal_connect_swapped (store, also, G_CALLBACK (store_changed_cb), self);
    }
  return g_steal_pointer (&self);
}

/**
 * hearth_query_model_get_n_cached:
 *
 * Returns: how many items the model holds now: a few pages, not the list
 */
guint
hearth_query_model_get_n_cached (HearthQueryModel *self)
{
  GHashTableIter iter;
  gpointer items;
  guint n = 0;

  g_return_val_if_fail (HEARTH_IS_QUERY_MODEL (self), 0);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &items))
    n += ((GPtrArray *) items)->len;
  return n;
}

/**
 * hearth_query_model_get_n_queries:
 *
 * Returns: how many SQL queries the model has run, for tests and benchmarks
 */
guint
hearth_query_model_get_n_queries (HearthQueryModel *self)
{
  g_return_val_if_fail (HEARTH_IS_QUERY_MODEL (self), 0);
  return self->n_queries;
}
