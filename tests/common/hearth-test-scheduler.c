/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hearth-test-scheduler.h"

static void
fired_cb (HearthScheduler *scheduler,
          GPtrArray       *items,
          HearthTestFired *fired)
{
  fired->n_items += items->len;
  for (guint i = 0; i < items->len; i++)
    {
      HearthDueItem *item = g_ptr_array_index (items, i);

      g_string_append_printf (fired->said, "%s|%s\n", item->title, item->body);
    }
}

/**
 * hearth_test_scheduler_settle:
 *
 * Runs the main loop until the scheduler has nothing in a worker.
 */
void
hearth_test_scheduler_settle (HearthScheduler *scheduler)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
  while (hearth_scheduler_get_busy (scheduler))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/**
 * hearth_test_scheduler_new:
 * @fired: (nullable): where what fires is written down; its `said` is made
 *   here if it has none
 *
 * Returns: (transfer full): a scheduler of @kind, started and settled: what
 *   was due at start has fired
 */
HearthScheduler *
hearth_test_scheduler_new (HearthStore         *store,
                           const HearthDueKind *kind,
                           HearthTestFired     *fired)
{
  HearthScheduler *scheduler = hearth_scheduler_new (store);

  hearth_scheduler_add_kind (scheduler, kind);
  if (fired != NULL)
    {
      if (fired->said == NULL)
        fired->said = g_string_new (NULL);
      g_signal_connect (scheduler, "fired", G_CALLBACK (fired_cb), fired);
    }
  hearth_scheduler_start (scheduler);
  hearth_test_scheduler_settle (scheduler);
  return scheduler;
}
