/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-finance"

#include "config.h"

#include "hearth-finance-private.h"

/*
 * The two charts' figures, read in a worker thread with its own connection:
 * on a ledger of decades they sum tens of thousands of lines, which the
 * window must not wait for.
 */

typedef struct
{
  HearthActor  *actor;
  gint64        account_id;
  char         *spending_since;
  char         *balance_since;
  GArray       *spending;
  GArray       *balances;
} ChartTask;

static void
chart_task_free (ChartTask *task)
{
  g_clear_object (&task->actor);
  g_free (task->spending_since);
  g_free (task->balance_since);
  g_clear_pointer (&task->spending, g_array_unref);
  g_clear_pointer (&task->balances, g_array_unref);
  g_free (task);
}

static void
chart_work (GTask        *gtask,
            HearthStore  *store,
            gpointer      task_data,
            GCancellable *cancellable)
{
  ChartTask *task = task_data;
  GError *error = NULL;
  g_autoptr (HearthFinance) finance = NULL;

  finance = _hearth_finance_new_for_worker (store);
  task->spending = hearth_finance_monthly_spending (finance, task->actor, task->account_id, task->spending_since,
                                                    &error);
  if (task->spending != NULL && !g_cancellable_set_error_if_cancelled (cancellable, &error))
    task->balances = hearth_finance_balance_history (finance, task->actor, task->account_id, task->balance_since,
                                                     &error);
  if (task->balances == NULL)
    g_task_return_error (gtask, error);
  else
    g_task_return_boolean (gtask, TRUE);
}

/**
 * hearth_finance_chart_figures_async:
 * @spending_since: the first month of the spending chart, `YYYY-MM`
 * @balance_since: the first month of the balance chart
 *
 * hearth_finance_monthly_spending() and hearth_finance_balance_history() in a
 * worker thread with its own connection.
 */
void
hearth_finance_chart_figures_async (HearthFinance       *self,
                                    HearthActor         *actor,
                                    gint64               account_id,
                                    const char          *spending_since,
                                    const char          *balance_since,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr (GTask) gtask = g_task_new (self, cancellable, callback, user_data);
  ChartTask *task = g_new0 (ChartTask, 1);

  g_return_if_fail (HEARTH_IS_FINANCE (self));
  g_return_if_fail (HEARTH_IS_ACTOR (actor));

  task->actor = g_object_ref (actor);
  task->account_id = account_id;
  task->spending_since = g_strdup (spending_since);
  task->balance_since = g_strdup (balance_since);
  g_task_set_source_tag (gtask, hearth_finance_chart_figures_async);
  g_task_set_task_data (gtask, task, (GDestroyNotify) chart_task_free);
  hearth_store_run_in_worker (hearth_finance_get_store (self), gtask, chart_work);
}

/**
 * hearth_finance_chart_figures_finish:
 * @out_spending: (out) (transfer full) (element-type HearthMonthAmount)
 * @out_balances: (out) (transfer full) (element-type HearthMonthBalance)
 */
gboolean
hearth_finance_chart_figures_finish (HearthFinance  *self,
                                     GAsyncResult   *result,
                                     GArray        **out_spending,
                                     GArray        **out_balances,
                                     GError        **error)
{
  ChartTask *task;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  task = g_task_get_task_data (G_TASK (result));
  *out_spending = g_steal_pointer (&task->spending);
  *out_balances = g_steal_pointer (&task->balances);
  return TRUE;
}
