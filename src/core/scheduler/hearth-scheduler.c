/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-scheduler"

#include "config.h"

#include "hearth-scheduler.h"

/*
 * The background task of ARCHITECTURE.md. It asks each kind of due item
 * (time capsules; note reminders later) for the earliest time something falls
 * due, arms one main-loop timeout for it, and then runs a GTask in a worker
 * thread, with its own connection, that marks done what is due and returns
 * it; on the main thread the `fired` signal says what (the application
 * makes each item a desktop notification). At start it catches up on everything that fell due while
 * Hearth was closed.
 *
 * Time is the store's clock, a wall clock, while timeouts run on the
 * monotonic one: a timeout never sleeps longer than a minute, so a clock set
 * forward, or a resume from suspend (also heard from logind when there is a
 * system bus), is noticed within that minute, and each wake asks the clock
 * again. What is done stays done: a capsule opened is marked so, and a clock
 * set back never closes it. A fake clock says when it moves, and the
 * scheduler looks again at once.
 */

struct _HearthScheduler
{
  GObject       parent_instance;

  HearthStore  *store;
  GPtrArray    *kinds;        /* const HearthDueKind * */
  GPtrArray    *kind_owners;  /* the kinds' data, held */
  guint         timeout_id;
  guint         sleep_ms;     /* what the armed timeout waits */
  gint64        next_due;
  gboolean      started;
  gboolean      busy;         /* a worker is firing */
  gboolean      look_again;   /* asked to look while busy */
  GCancellable *cancellable;
  GDBusConnection *system_bus;
  guint         sleep_subscription;
};

enum {
  SIGNAL_FIRED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (HearthScheduler, hearth_scheduler, G_TYPE_OBJECT)

static void     arm        (HearthScheduler *self);
static gboolean timeout_cb (gpointer         user_data);

void
hearth_due_item_free (HearthDueItem *item)
{
  g_free (item->title);
  g_free (item->body);
  g_free (item);
}

static void
hearth_scheduler_dispose (GObject *object)
{
  HearthScheduler *self = HEARTH_SCHEDULER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->sleep_subscription != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_subscription);
  self->sleep_subscription = 0;
  g_clear_object (&self->system_bus);
  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      g_signal_handlers_disconnect_by_data (hearth_store_get_clock (self->store), self);
    }
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hearth_scheduler_parent_class)->dispose (object);
}

static void
hearth_scheduler_finalize (GObject *object)
{
  g_clear_pointer (&HEARTH_SCHEDULER (object)->kinds, g_ptr_array_unref);
  g_clear_pointer (&HEARTH_SCHEDULER (object)->kind_owners, g_ptr_array_unref);

  G_OBJECT_CLASS (hearth_scheduler_parent_class)->finalize (object);
}

static void
hearth_scheduler_class_init (HearthSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hearth_scheduler_dispose;
  object_class->finalize = hearth_scheduler_finalize;

  /**
   * HearthScheduler::fired:
   * @items: (element-type HearthDueItem): what fell due and is now done
   *
   * On the main thread, after the worker committed.
   */
  signals[SIGNAL_FIRED] = g_signal_new ("fired", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
}

static void
hearth_scheduler_init (HearthScheduler *self)
{
  self->kinds = g_ptr_array_new ();
  self->kind_owners = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
}

/**
 * hearth_scheduler_new:
 * @store: the store whose due items it fires, on its clock
 */
HearthScheduler *
hearth_scheduler_new (HearthStore *store)
{
  HearthScheduler *self;

  g_return_val_if_fail (HEARTH_IS_STORE (store), NULL);

  self = g_object_new (HEARTH_TYPE_SCHEDULER, NULL);
  self->store = g_object_ref (store);
  return self;
}

static void
changed_cb (HearthScheduler *self)
{
  arm (self);
}

/**
 * hearth_scheduler_add_kind:
 * @kind: static; its table's changes re-arm the scheduler
 */
void
hearth_scheduler_add_kind (HearthScheduler     *self,
                           const HearthDueKind *kind)
{
  g_autofree char *signal = NULL;

  g_return_if_fail (HEARTH_IS_SCHEDULER (self));
  g_return_if_fail (kind != NULL && kind->next_due != NULL && kind->fire_due != NULL);

  g_ptr_array_add (self->kinds, (gpointer) kind);
  if (kind->data != NULL)
    g_ptr_array_add (self->kind_owners, g_object_ref (kind->data));
  signal = g_strconcat ("changed::", kind->watch_table, NULL);
  g_signal_connect_swapped (self->store, signal, G_CALLBACK (changed_cb), self);
  if (self->started)
    arm (self);
}

/* Firing, in a worker --------------------------------------------------------------------- */

typedef struct
{
  GPtrArray   *kinds;
  GPtrArray   *kind_owners;  /* held while the worker reads the kinds */
} FireTask;

static void
fire_task_free (FireTask *task)
{
  g_clear_pointer (&task->kinds, g_ptr_array_unref);
  g_clear_pointer (&task->kind_owners, g_ptr_array_unref);
  g_free (task);
}

static void
fire_work (GTask        *gtask,
           HearthStore  *store,
           gpointer      task_data,
           GCancellable *cancellable)
{
  FireTask *task = task_data;
  GError *error = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) hearth_due_item_free);

  for (guint i = 0; i < task->kinds->len; i++)
    {
      const HearthDueKind *kind = g_ptr_array_index (task->kinds, i);
      g_autoptr (GPtrArray) done = kind->fire_due (kind, store, hearth_store_now (store), &error);

      if (done == NULL)
        {
          g_task_return_error (gtask, error);
          return;
        }
      while (done->len > 0)
        g_ptr_array_add (items, g_ptr_array_steal_index (done, 0));
    }
  g_task_return_pointer (gtask, g_steal_pointer (&items), (GDestroyNotify) g_ptr_array_unref);
}

static void
fired_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (HearthScheduler) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = g_task_propagate_pointer (G_TASK (result), &error);

  self->busy = FALSE;
  if (items == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Tried again at the next wake, at most a minute later. */
      g_warning ("Could not fire what fell due: %s", error->message);
      self->timeout_id = g_timeout_add (HEARTH_SCHEDULER_MAX_SLEEP_MS, timeout_cb, self);
      return;
    }
  if (items->len > 0)
    {
      /* The worker committed on its own connection: this one's listeners
       * (the timeline, Home) hear of it here. */
      for (guint i = 0; i < self->kinds->len; i++)
        {
          const HearthDueKind *kind = g_ptr_array_index (self->kinds, i);

          hearth_store_announce_change (self->store, kind->watch_table);
        }
      g_signal_emit (self, signals[SIGNAL_FIRED], 0, items);
    }
  arm (self);
}

static void
fire (HearthScheduler *self)
{
  g_autoptr (GTask) gtask = g_task_new (NULL, self->cancellable, fired_cb, g_object_ref (self));
  FireTask *task = g_new0 (FireTask, 1);

  self->busy = TRUE;
  task->kinds = g_ptr_array_ref (self->kinds);
  task->kind_owners = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->kind_owners->len; i++)
    g_ptr_array_add (task->kind_owners, g_object_ref (g_ptr_array_index (self->kind_owners, i)));
  g_task_set_task_data (gtask, task, (GDestroyNotify) fire_task_free);
  hearth_store_run_in_worker (self->store, gtask, fire_work);
}

/* Arming ----------------------------------------------------------------------------------- */

static gboolean
timeout_cb (gpointer user_data)
{
  HearthScheduler *self = user_data;

  self->timeout_id = 0;
  arm (self);
  return G_SOURCE_REMOVE;
}

/* Looks for the earliest due time, and fires now or sleeps until then (a
 * minute at most). */
static void
arm (HearthScheduler *self)
{
  gint64 next = 0;
  gint64 now;

  if (!self->started)
    return;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->sleep_ms = 0;
  if (self->busy)
    return;  /* fired_cb arms again */

  for (guint i = 0; i < self->kinds->len; i++)
    {
      const HearthDueKind *kind = g_ptr_array_index (self->kinds, i);
      g_autoptr (GError) error = NULL;
      gint64 when = 0;

      if (!kind->next_due (kind, self->store, &when, &error))
        g_warning ("Could not ask when %s fall due: %s", kind->name, error->message);
      else if (when != 0 && (next == 0 || when < next))
        next = when;
    }
  self->next_due = next;
  if (next == 0)
    return;

  now = hearth_store_now (self->store);
  if (next <= now)
    {
      fire (self);
      return;
    }
  self->sleep_ms = (guint) MIN ((next - now + 999) / 1000, HEARTH_SCHEDULER_MAX_SLEEP_MS);
  self->timeout_id = g_timeout_add (self->sleep_ms, timeout_cb, self);
}

static void
sleep_cb (GDBusConnection *connection,
          const char      *sender,
          const char      *path,
          const char      *interface,
          const char      *signal,
          GVariant        *parameters,
          gpointer         user_data)
{
  gboolean going_to_sleep = FALSE;

  g_variant_get (parameters, "(b)", &going_to_sleep);
  if (!going_to_sleep)
    hearth_scheduler_check_now (user_data);
}

/**
 * hearth_scheduler_start:
 *
 * Catches up on everything due at once, then keeps watch.
 */
void
hearth_scheduler_start (HearthScheduler *self)
{
  g_return_if_fail (HEARTH_IS_SCHEDULER (self));

  if (self->started)
    return;
  self->started = TRUE;
  g_signal_connect_swapped (hearth_store_get_clock (self->store), "notify::now", G_CALLBACK (changed_cb), self);

  /* After a resume, at once rather than within the minute. */
  self->system_bus = g_bus_get_sync (G_BUS_TYPE_SYSTEM, NULL, NULL);
  if (self->system_bus != NULL)
    self->sleep_subscription = g_dbus_connection_signal_subscribe (self->system_bus, "org.freedesktop.login1",
                                                                   "org.freedesktop.login1.Manager",
                                                                   "PrepareForSleep", "/org/freedesktop/login1",
                                                                   NULL, G_DBUS_SIGNAL_FLAGS_NONE, sleep_cb, self,
                                                                   NULL);
  arm (self);
}

/**
 * hearth_scheduler_check_now:
 *
 * Looks again at once: after a resume, a change of the clock, or anything
 * else that may have moved what is due.
 */
void
hearth_scheduler_check_now (HearthScheduler *self)
{
  g_return_if_fail (HEARTH_IS_SCHEDULER (self));
  arm (self);
}

/**
 * hearth_scheduler_get_next_due:
 *
 * Returns: when the next item falls due, on the store's clock; 0 for nothing
 *   pending
 */
gint64
hearth_scheduler_get_next_due (HearthScheduler *self)
{
  g_return_val_if_fail (HEARTH_IS_SCHEDULER (self), 0);
  return self->next_due;
}

/**
 * hearth_scheduler_get_busy:
 *
 * Returns: whether a worker is marking due items done now
 */
gboolean
hearth_scheduler_get_busy (HearthScheduler *self)
{
  g_return_val_if_fail (HEARTH_IS_SCHEDULER (self), FALSE);
  return self->busy;
}

/**
 * hearth_scheduler_get_sleep:
 *
 * Returns: how many milliseconds the armed timeout waits before it looks
 *   again (a minute at most), or 0 when none is armed
 */
guint
hearth_scheduler_get_sleep (HearthScheduler *self)
{
  g_return_val_if_fail (HEARTH_IS_SCHEDULER (self), 0);
  return self->timeout_id != 0 ? self->sleep_ms : 0;
}
