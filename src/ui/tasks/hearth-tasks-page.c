/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-tasks-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-account.h"
#include "hearth-circle-member.h"
#include "hearth-dialogs.h"
#include "hearth-format.h"
#include "hearth-task-editor.h"
#include "hearth-task-row.h"
#include "hearth-tasks-page.h"

/*
 * The Tasks page of the current circle: a line to add a task (Enter; Ctrl+N
 * goes there), Mine or Everyone, the chores waiting for a parent's approval
 * (for a role that approves), and the tasks in sections, Overdue, Today,
 * This Week, Later, No Date, then Done: one GtkListView over the service's
 * two lists (to do, soonest due first; done) flattened, a section's heading
 * above its first task. A check button completes a task, with Undo; a click
 * on a task, or Enter, opens everything of it to edit. A role that may not change tasks sees no line to
 * add, no check button to press, no Edit.
 */

struct _HearthTasksPage
{
  AdwBin             parent_instance;

  HearthTasks       *tasks;
  HearthCircles     *circles;
  HearthFinance     *finance;
  GSettings         *settings;
  HearthSession     *session;
  GSignalGroup      *store_signals;  /* while someone is signed in */
  HearthActor       *actor;
  gint64             circle_id;
  GListModel        *shown;          /* to do, then done */
  GPtrArray         *members;        /* HearthCircleMember */
  gboolean           can_update;     /* asked once per rebuild, not per row */
  guint              rebuild_id;

  AdwToastOverlay   *toasts;
  GtkEntry          *quick_add;
  GtkToggleButton   *mine_button;
  GtkWidget         *waiting_group;
  GtkListBox        *waiting_list;
  GtkStack          *stack;
  GtkListView       *list;
  AdwStatusPage     *empty;
};

G_DEFINE_FINAL_TYPE (HearthTasksPage, hearth_tasks_page, ADW_TYPE_BIN)

static void rebuild (HearthTasksPage *self);

static void
toast (HearthTasksPage *self,
       const char      *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

static gboolean
can (HearthTasksPage *self,
     const char      *action)
{
  return self->actor != NULL && hearth_tasks_can (self->tasks, self->actor, self->circle_id, "task", action);
}

static const char *
name_of (HearthTasksPage *self,
         gint64           user_id)
{
  for (guint i = 0; self->members != NULL && i < self->members->len; i++)
    {
      HearthCircleMember *member = g_ptr_array_index (self->members, i);

      if (hearth_circle_member_get_user_id (member) == user_id)
        return hearth_circle_member_get_display_name (member);
    }
  return NULL;
}

static char *
format_reward (HearthTasksPage *self,
               gint64           minor)
{
  g_autofree char *currency = g_settings_get_string (self->settings, "default-currency");
  HearthNumberFormat format;

  hearth_number_format_from_locale (&format);
  return hearth_format_amount (minor, currency, &format);
}

/* Adding ----------------------------------------------------------------------------------- */

/**
 * hearth_tasks_page_add:
 *
 * What Enter in the line at the top does: a task of that title, to do, in
 * the current circle.
 */
void
hearth_tasks_page_add (HearthTasksPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthTask) task = NULL;

  g_return_if_fail (HEARTH_IS_TASKS_PAGE (self));

  task = hearth_tasks_create (self->tasks, self->actor, self->circle_id,
                              gtk_editable_get_text (GTK_EDITABLE (self->quick_add)), &error);
  if (task == NULL)
    {
      toast (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->quick_add), "");
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  HearthTasksPage *self = HEARTH_TASKS_PAGE (widget);

  if (gtk_widget_get_visible (GTK_WIDGET (self->quick_add)))
    gtk_widget_grab_focus (GTK_WIDGET (self->quick_add));
}

/* Completing, with Undo -------------------------------------------------------------------- */

static void
toggle_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HearthTasksPage *self = HEARTH_TASKS_PAGE (widget);
  g_autoptr (GError) error = NULL;
  gint64 task_id;
  gboolean done;

  g_variant_get (parameter, "(xb)", &task_id, &done);
  if (done)
    {
      g_autoptr (HearthTask) task = hearth_tasks_get (self->tasks, self->actor, task_id, NULL);
      gint64 completion = hearth_tasks_complete (self->tasks, self->actor, task_id, &error);
      g_autofree char *said = NULL;
      AdwToast *undo;

      if (completion == 0 || task == NULL)
        {
          rebuild (self);
          if (error != NULL)
            toast (self, error->message);
          return;
        }
      /* Translators: after ticking a task: "“Take out the bins” done" */
      said = g_strdup_printf (_("“%s” done"), hearth_task_get_title (task));
      undo = adw_toast_new (said);
      adw_toast_set_button_label (undo, _("_Undo"));
      adw_toast_set_action_name (undo, "tasks.undo-completion");
      adw_toast_set_action_target_value (undo, g_variant_new_int64 (completion));
      /* Undo is for what was just done: shown at once, ahead of older news. */
      adw_toast_set_priority (undo, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (self->toasts, undo);
    }
  else if (!hearth_tasks_set_status (self->tasks, self->actor, task_id, HEARTH_TASK_STATUS_TODO, &error))
    {
      rebuild (self);
      toast (self, error->message);
    }
}

static void
undo_completion_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HearthTasksPage *self = HEARTH_TASKS_PAGE (widget);
  g_autoptr (GError) error = NULL;

  if (!hearth_tasks_undo_completion (self->tasks, self->actor, g_variant_get_int64 (parameter), &error))
    toast (self, error->message);
}

/* Editing ---------------------------------------------------------------------------------- */

typedef struct
{
  HearthTasksPage  *self;
  HearthTask       *task;
  HearthTaskEditor *editor;
} Editing;

static void
editing_free (gpointer data)
{
  Editing *editing = data;

  g_object_unref (editing->self);
  g_object_unref (editing->task);
  g_free (editing);
}

/* Each field that changed is its own change, logged as such. */
static gboolean
save (Editing  *editing,
      GError  **error)
{
  HearthTasksPage *self = editing->self;
  gint64 id = hearth_task_get_id (editing->task);
  g_autofree char *title = hearth_task_editor_dup_title (editing->editor);
  g_autofree char *notes = hearth_task_editor_dup_notes (editing->editor);
  g_autofree char *rule = NULL;
  g_autoptr (GArray) assignees = NULL;
  gint64 due_at;
  gboolean all_day;
  gint64 reward;

  if (!hearth_task_editor_get_due (editing->editor, &due_at, &all_day, &rule, error) ||
      !hearth_tasks_edit (self->tasks, self->actor, id, title, notes, error))
    return FALSE;
  if ((due_at != hearth_task_get_due_at (editing->task) || all_day != hearth_task_get_due_all_day (editing->task) ||
       g_strcmp0 (rule, hearth_task_get_recurrence (editing->task)) != 0) &&
      !hearth_tasks_set_due (self->tasks, self->actor, id, due_at, all_day, rule, error))
    return FALSE;

  if (can (self, "assign"))
    {
      guint n = 0;
      const gint64 *before = hearth_task_get_assignee_ids (editing->task, &n);

      assignees = hearth_task_editor_get_assignees (editing->editor);
      for (guint i = 0; i < assignees->len; i++)
        if (!hearth_tasks_assign (self->tasks, self->actor, id, g_array_index (assignees, gint64, i), error))
          return FALSE;
      for (guint i = 0; i < n; i++)
        {
          gboolean kept = FALSE;

          for (guint k = 0; k < assignees->len && !kept; k++)
            kept = g_array_index (assignees, gint64, k) == before[i];
          if (!kept && !hearth_tasks_unassign (self->tasks, self->actor, id, before[i], error))
            return FALSE;
        }
    }
  if (can (self, "approve"))
    {
      if (!hearth_task_editor_get_reward (editing->editor, &reward, error) ||
          !hearth_tasks_set_reward (self->tasks, self->actor, id, reward, error))
        return FALSE;
    }
  return TRUE;
}

static void
edit_response_cb (HearthDialog *dialog,
                  const char   *response,
                  Editing      *editing)
{
  g_autoptr (GError) error = NULL;

  if (g_str_equal (response, "save"))
    {
      if (!save (editing, &error))
        toast (editing->self, error->message);
    }
  else if (g_str_equal (response, "delete"))
    {
      if (!hearth_tasks_delete (editing->self->tasks, editing->self->actor, hearth_task_get_id (editing->task),
                                &error))
        toast (editing->self, error->message);
    }
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HearthTasksPage *self = HEARTH_TASKS_PAGE (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthTask) task = hearth_tasks_get (self->tasks, self->actor, g_variant_get_int64 (parameter), &error);
  g_autofree char *currency = NULL;
  HearthDialog *dialog;
  Editing *editing;
  GtkWidget *editor;

  if (task == NULL)
    {
      toast (self, error->message);
      return;
    }
  currency = g_settings_get_string (self->settings, "default-currency");
  editor = hearth_task_editor_new (task, self->members, can (self, "assign"), can (self, "approve"), currency);
  dialog = hearth_dialog_new_question (GTK_WINDOW (gtk_widget_get_root (widget)), _("Edit Task"), NULL, "save",
                                       _("_Save"), ADW_RESPONSE_SUGGESTED);
  if (can (self, "delete"))
    hearth_dialog_add_response (dialog, "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
  hearth_dialog_set_extra_child (dialog, editor);
  editing = g_new0 (Editing, 1);
  editing->self = g_object_ref (self);
  editing->task = g_object_ref (task);
  editing->editor = HEARTH_TASK_EDITOR (editor);
  g_signal_connect_data (dialog, "response", G_CALLBACK (edit_response_cb), editing,
                         (GClosureNotify) (void (*) (void)) editing_free, 0);
  hearth_dialog_present (dialog);
}

/* Approving -------------------------------------------------------------------------------- */

typedef struct
{
  HearthTasksPage *self;
  gint64           completion_id;
  GPtrArray       *accounts;  /* HearthAccount */
  GtkDropDown     *choice;
} Approval;

static void
approval_free (gpointer data)
{
  Approval *approval = data;

  g_object_unref (approval->self);
  g_ptr_array_unref (approval->accounts);
  g_free (approval);
}

static void
approve_response_cb (HearthDialog *dialog,
                     const char   *response,
                     Approval     *approval)
{
  HearthTasksPage *self = approval->self;
  g_autoptr (GError) error = NULL;
  HearthAccount *account;
  g_autofree char *said = NULL;
  AdwToast *undo;
  guint position = gtk_drop_down_get_selected (approval->choice);

  if (!g_str_equal (response, "approve") || position >= approval->accounts->len)
    return;
  account = g_ptr_array_index (approval->accounts, position);
  if (hearth_tasks_approve (self->tasks, self->actor, approval->completion_id, hearth_account_get_id (account),
                            &error) == 0)
    {
      toast (self, error->message);
      return;
    }
  /* Translators: after approving a chore: "Reward paid into Pocket Money" */
  said = g_strdup_printf (_("Reward paid into %s"), hearth_account_get_name (account));
  undo = adw_toast_new (said);
  adw_toast_set_button_label (undo, _("_Undo"));
  adw_toast_set_action_name (undo, "tasks.undo-approval");
  adw_toast_set_action_target_value (undo, g_variant_new_int64 (approval->completion_id));
  adw_toast_set_priority (undo, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toasts, undo);
}

static void
approve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HearthTasksPage *self = HEARTH_TASKS_PAGE (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  gint64 completion_id;
  gint64 earner_id;
  Approval *approval;
  HearthDialog *dialog;
  guint preferred = 0;

  g_variant_get (parameter, "(xx)", &completion_id, &earner_id);
  approval = g_new0 (Approval, 1);
  approval->self = g_object_ref (self);
  approval->completion_id = completion_id;
  approval->accounts = hearth_finance_list_accounts (self->finance, self->actor, self->circle_id, FALSE, &error);
  if (approval->accounts == NULL || approval->accounts->len == 0)
    {
      toast (self, error != NULL ? error->message : _("Add an account to this circle to pay rewards into."));
      if (approval->accounts == NULL)
        approval->accounts = g_ptr_array_new ();
      approval_free (approval);
      return;
    }
  /* The earner's own account first, else the first wallet. */
  for (guint i = approval->accounts->len; i > 0; i--)
    {
      HearthAccount *account = g_ptr_array_index (approval->accounts, i - 1);

      if (hearth_account_get_owner_id (account) == earner_id ||
          (g_str_equal (hearth_account_get_kind (account), "WALLET") &&
           hearth_account_get_owner_id (g_ptr_array_index (approval->accounts, preferred)) != earner_id))
        preferred = i - 1;
    }
  for (guint i = 0; i < approval->accounts->len; i++)
    gtk_string_list_append (names, hearth_account_get_name (g_ptr_array_index (approval->accounts, i)));
  approval->choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
  gtk_drop_down_set_selected (approval->choice, preferred);
  gtk_accessible_update_property (GTK_ACCESSIBLE (approval->choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pay Into"), -1);
  dialog = hearth_dialog_new_question (GTK_WINDOW (gtk_widget_get_root (widget)), _("Approve the Chore?"),
                                       _("Its reward is paid into the account you choose."), "approve",
                                       _("_Approve"), ADW_RESPONSE_SUGGESTED);
  hearth_dialog_set_extra_child (dialog, GTK_WIDGET (approval->choice));
  g_signal_connect_data (dialog, "response", G_CALLBACK (approve_response_cb), approval,
                         (GClosureNotify) (void (*) (void)) approval_free, 0);
  hearth_dialog_present (dialog);
}

static void
undo_approval_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HearthTasksPage *self = HEARTH_TASKS_PAGE (widget);
  g_autoptr (GError) error = NULL;

  if (!hearth_tasks_undo_approval (self->tasks, self->actor, g_variant_get_int64 (parameter), &error))
    toast (self, error->message);
}

static void
fill_waiting (HearthTasksPage *self)
{
  g_autoptr (GPtrArray) waiting = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->waiting_list))) != NULL)
    gtk_list_box_remove (self->waiting_list, child);
  if (can (self, "approve"))
    waiting = hearth_tasks_list_waiting (self->tasks, self->actor, self->circle_id, NULL);
  gtk_widget_set_visible (self->waiting_group, waiting != NULL && waiting->len > 0);
  for (guint i = 0; waiting != NULL && i < waiting->len; i++)
    {
      HearthTaskCompletion *completion = g_ptr_array_index (waiting, i);
      g_autofree char *reward = format_reward (self, completion->reward);
      const char *earner = name_of (self, completion->earner_id);
      /* Translators: who earned a chore's reward, and how much: "Noah Lopez · 2.50 EUR" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), earner != NULL ? earner : "", reward);
      /* Translators: the Approve button of a chore, for a screen reader: "Approve Take out the bins" */
      g_autofree char *button_name = g_strdup_printf (_("Approve %s"), completion->title);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Approve"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), completion->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, button_name, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "tasks.approve");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(xx)", completion->id, completion->earner_id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->waiting_list, row);
    }
}

/* The list --------------------------------------------------------------------------------- */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              HearthTasksPage          *self)
{
  gtk_list_item_set_child (item, hearth_task_row_new ());
  gtk_list_item_set_activatable (item, TRUE);
}

/* When it is due and how it repeats, and what it pays: "Saturday, 5 December
 * 2026 at 08:00 · every Saturday · 2.50 EUR". */
static char *
details_of (HearthTasksPage *self,
            HearthTask      *task)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  gint64 due_at = hearth_task_get_due_at (task);

  if (due_at != 0)
    {
      g_autofree char *day = hearth_format_day (due_at);
      g_autoptr (GDateTime) start = NULL;
      char *words;

      if (hearth_task_get_due_all_day (task))
        g_ptr_array_add (parts, g_steal_pointer (&day));
      else
        {
          g_autofree char *clock = hearth_format_clock (due_at);

          /* Translators: when a task is due: "Saturday, 5 December 2026 at 08:00" */
          g_ptr_array_add (parts, g_strdup_printf (_("%s at %s"), day, clock));
        }
      start = g_date_time_new_from_unix_local (due_at / G_USEC_PER_SEC);
      words = hearth_recurrence_describe (hearth_task_get_recurrence (task), start);
      if (words != NULL)
        g_ptr_array_add (parts, words);
    }
  if (hearth_task_get_reward (task) != 0)
    g_ptr_array_add (parts, format_reward (self, hearth_task_get_reward (task)));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             HearthTasksPage          *self)
{
  HearthTask *task = gtk_list_item_get_item (item);
  guint position = gtk_list_item_get_position (item);
  g_autoptr (HearthTask) previous = position > 0 && self->shown != NULL
                                    ? g_list_model_get_item (self->shown, position - 1) : NULL;
  g_autoptr (GDateTime) now = g_date_time_new_from_unix_local (hearth_store_now (hearth_tasks_get_store (self->tasks))
                                                               / G_USEC_PER_SEC);
  HearthTaskSection section = hearth_task_get_section (task, now);
  gboolean first = previous == NULL || hearth_task_get_section (previous, now) != section;
  g_autofree char *details = details_of (self, task);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  guint n = 0;
  const gint64 *assignees = hearth_task_get_assignee_ids (task, &n);

  for (guint i = 0; i < n; i++)
    {
      const char *name = name_of (self, assignees[i]);

      if (name != NULL)
        g_ptr_array_add (names, (gpointer) name);
    }
  g_ptr_array_add (names, NULL);
  hearth_task_row_set_task (HEARTH_TASK_ROW (gtk_list_item_get_child (item)), task,
                            first ? hearth_task_section_get_title (section) : NULL, details,
                            (const char * const *) names->pdata, self->can_update);
}

/* A row activated, by a click or Enter: its task's Edit dialog, for a role
 * that may change it. */
static void
row_activated_cb (HearthTasksPage *self,
                  guint            position)
{
  g_autoptr (HearthTask) task = self->shown != NULL ? g_list_model_get_item (self->shown, position) : NULL;

  if (task != NULL && self->can_update)
    gtk_widget_activate_action (GTK_WIDGET (self), "tasks.edit", "x", hearth_task_get_id (task));
}

static void
update_stack (HearthTasksPage *self)
{
  gboolean any = self->shown != NULL && g_list_model_get_n_items (self->shown) > 0;

  gtk_stack_set_visible_child_name (self->stack, any ? "tasks" : "empty");
}

static void
rebuild (HearthTasksPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
  HearthTaskList list = gtk_toggle_button_get_active (self->mine_button) ? HEARTH_TASK_LIST_MINE
                                                                         : HEARTH_TASK_LIST_EVERYONE;
  GtkNoSelection *selection;
  gboolean can_create;

  g_clear_object (&self->shown);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  if (self->actor != NULL)
    {
      g_autoptr (HearthQueryModel) open = hearth_tasks_new_list (self->tasks, self->actor, self->circle_id, list,
                                                                 &error);
      g_autoptr (HearthQueryModel) done = open != NULL
                                          ? hearth_tasks_new_list (self->tasks, self->actor, self->circle_id,
                                                                   HEARTH_TASK_LIST_DONE, &error)
                                          : NULL;

      if (done != NULL)
        {
          g_list_store_append (parts, open);
          g_list_store_append (parts, done);
          self->shown = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts))));
          g_signal_connect_object (self->shown, "items-changed", G_CALLBACK (update_stack), self,
                                   G_CONNECT_SWAPPED);
        }
      else
        toast (self, error->message);
      self->members = hearth_circles_list_members (self->circles, self->actor, self->circle_id, NULL);
    }
  self->can_update = can (self, "update");
  selection = gtk_no_selection_new (self->shown != NULL ? g_object_ref (self->shown) : NULL);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  can_create = can (self, "create");
  gtk_widget_set_visible (GTK_WIDGET (self->quick_add), can_create);
  adw_status_page_set_description (self->empty,
                                   can_create ? _("Add a chore or a to-do above, then give it to someone in the "
                                                  "family, with a day it is due.")
                                              : _("The chores and to-dos of this circle will be listed here."));
  fill_waiting (self);
  update_stack (self);
}

static gboolean
rebuild_cb (gpointer user_data)
{
  HearthTasksPage *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* A role, a member's name, a chore done or approved: rebuilt once for all
 * the rows one commit changed. The lists follow their own rows. */
static void
changed_cb (HearthTasksPage *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_cb, self);
}

static void
filter_toggled_cb (HearthTasksPage *self)
{
  rebuild (self);
}

/* Set-up ---------------------------------------------------------------------------------- */

static void
hearth_tasks_page_dispose (GObject *object)
{
  HearthTasksPage *self = HEARTH_TASKS_PAGE (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_object (&self->shown);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_object (&self->store_signals);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->actor);
  g_clear_object (&self->tasks);
  g_clear_object (&self->circles);
  g_clear_object (&self->finance);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_TASKS_PAGE);

  G_OBJECT_CLASS (hearth_tasks_page_parent_class)->dispose (object);
}

static void
hearth_tasks_page_class_init (HearthTasksPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = hearth_tasks_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/tasks/hearth-tasks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthTasksPage, quick_add);
  gtk_widget_class_bind_template_child (widget_class, HearthTasksPage, mine_button);
  gtk_widget_class_bind_template_child (widget_class, HearthTasksPage, waiting_group);
  gtk_widget_class_bind_template_child (widget_class, HearthTasksPage, waiting_list);
  gtk_widget_class_bind_template_child (widget_class, HearthTasksPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HearthTasksPage, list);
  gtk_widget_class_bind_template_child (widget_class, HearthTasksPage, empty);
  gtk_widget_class_bind_template_callback (widget_class, hearth_tasks_page_add);
  gtk_widget_class_bind_template_callback (widget_class, filter_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "tasks.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "tasks.toggle", "(xb)", toggle_action);
  gtk_widget_class_install_action (widget_class, "tasks.undo-completion", "x", undo_completion_action);
  gtk_widget_class_install_action (widget_class, "tasks.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "tasks.approve", "(xx)", approve_action);
  gtk_widget_class_install_action (widget_class, "tasks.undo-approval", "x", undo_approval_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "tasks.new", NULL);
}

static void
hearth_tasks_page_init (HearthTasksPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not bound: see HearthCirclesPage. */
  self->toasts = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list, factory);
  g_object_unref (factory);
}

/* Who is signed in or the current circle changed: show theirs. */
static void
session_changed_cb (HearthTasksPage *self)
{
  HearthActor *actor = hearth_session_get_actor (self->session);

  g_set_object (&self->actor, actor);
  self->circle_id = hearth_session_get_circle_id (self->session);
  g_signal_group_set_target (self->store_signals, actor != NULL ? hearth_tasks_get_store (self->tasks) : NULL);
  rebuild (self);
}

/**
 * hearth_tasks_page_set_context:
 * @context: the services, of which the page uses the tasks', the circles'
 *   (members' names) and the finance service's (accounts to pay rewards into)
 * @session: who is signed in and the current circle, which the page follows
 *
 * Called once, by the window that holds the page.
 */
void
hearth_tasks_page_set_context (HearthTasksPage *self,
                               HearthContext   *context,
                               HearthSession   *session)
{
  g_return_if_fail (HEARTH_IS_TASKS_PAGE (self));
  g_return_if_fail (HEARTH_IS_CONTEXT (context));
  g_return_if_fail (HEARTH_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->tasks = g_object_ref (hearth_context_get_tasks (context));
  self->circles = g_object_ref (hearth_context_get_circles (context));
  self->finance = g_object_ref (hearth_context_get_finance (context));
  self->settings = g_object_ref (hearth_context_get_settings (context));
  self->session = g_object_ref (session);
  self->store_signals = g_signal_group_new (HEARTH_TYPE_STORE);
  g_signal_group_connect_swapped (self->store_signals, "changed::circles", G_CALLBACK (changed_cb), self);
  g_signal_group_connect_swapped (self->store_signals, "changed::circle_members", G_CALLBACK (changed_cb), self);
  g_signal_group_connect_swapped (self->store_signals, "changed::task_completions", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (session, "changed", G_CALLBACK (session_changed_cb), self);
  session_changed_cb (self);
}

/**
 * hearth_tasks_page_get_tasks:
 *
 * Returns: (transfer none) (nullable): the tasks shown, to do then done
 */
GListModel *
hearth_tasks_page_get_tasks (HearthTasksPage *self)
{
  g_return_val_if_fail (HEARTH_IS_TASKS_PAGE (self), NULL);
  return self->shown;
}
