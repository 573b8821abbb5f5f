/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-shell"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-format.h"
#include "hearth-home-page.h"
#include "hearth-list-store.h"

/*
 * Home: today at a glance, for the current circle. What exists so far: the
 * signed-in member's tasks due today (and overdue), the life log's entries
 * written on this day in earlier years, and the time capsules that open
 * within thirty days (who sealed them and when they open). Later modules add
 * their groups (reminders due, balances). It follows the store: a task done,
 * an entry written or a capsule opened shows at once.
 */

struct _HearthHomePage
{
  AdwBin               parent_instance;

  HearthLifelog       *lifelog;
  HearthTasks         *tasks;
  HearthSession       *session;
  GSignalGroup        *store_signals;  /* while someone is signed in */
  HearthActor         *actor;          /* the session's, as last shown */
  gint64               circle_id;
  guint                refresh_id;

  GListStore          *due;            /* HearthTask, the member's, due today or overdue */
  GListStore          *memories;       /* HearthLifelogEntry, written on this day in earlier years */
  GListStore          *soon;           /* HearthLifelogEntry, capsules that open within thirty days */

  GtkListBox          *due_today;
  GtkListBox          *on_this_day;
  GtkListBox          *opening_soon;
};

G_DEFINE_FINAL_TYPE (HearthHomePage, hearth_home_page, ADW_TYPE_BIN)

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
create_task_row (gpointer item,
                 gpointer user_data)
{
  HearthTask *task = item;
  HearthHomePage *self = user_data;
  gint64 microseconds = hearth_store_now (hearth_tasks_get_store (self->tasks));
  g_autoptr (GDateTime) now = g_date_time_new_from_unix_local (microseconds / G_USEC_PER_SEC);
  g_autofree char *clock = hearth_format_clock (hearth_task_get_due_at (task));
  const char *subtitle;

  /* A day gone, or today's moment passed. */
  if (hearth_task_get_section (task, now) == HEARTH_TASK_SECTION_OVERDUE ||
      (!hearth_task_get_due_all_day (task) && hearth_task_get_due_at (task) < microseconds))
    subtitle = _("Overdue");
  else if (hearth_task_get_due_all_day (task))
    subtitle = _("Today");
  else
    subtitle = clock;
  return new_row (hearth_task_get_title (task), subtitle);
}

static GtkWidget *
create_memory_row (gpointer item,
                   gpointer user_data)
{
  HearthLifelogEntry *entry = item;
  g_autoptr (GDateTime) written = g_date_time_new_from_unix_local (hearth_lifelog_entry_get_created_at (entry) /
                                                                   G_USEC_PER_SEC);
  g_autofree char *year = g_date_time_format (written, "%Y");
  /* Translators: under a memory on Home: "Mum, 2019" */
  g_autofree char *subtitle = g_strdup_printf (_("%s, %s"), hearth_lifelog_entry_get_author_name (entry), year);

  return new_row (hearth_lifelog_entry_get_content (entry), subtitle);
}

static GtkWidget *
create_capsule_row (gpointer item,
                    gpointer user_data)
{
  HearthLifelogEntry *capsule = item;
  g_autofree char *day = hearth_format_day (hearth_lifelog_entry_get_unlock_at (capsule));
  /* Translators: on Home: "A time capsule from Mum" */
  g_autofree char *title = g_strdup_printf (_("A time capsule from %s"),
                                            hearth_lifelog_entry_get_author_name (capsule));
  /* Translators: under it: "Opens on Friday, 27 November 2026" */
  g_autofree char *subtitle = g_strdup_printf (_("Opens on %s"), day);
  GtkWidget *row = new_row (title, subtitle);

  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("changes-prevent-symbolic"));
  return row;
}

/**
 * hearth_home_page_refresh:
 *
 * Reads what Home shows again.
 */
void
hearth_home_page_refresh (HearthHomePage *self)
{
  g_autoptr (GPtrArray) due = NULL;
  g_autoptr (GPtrArray) memories = NULL;
  g_autoptr (GPtrArray) soon = NULL;

  g_return_if_fail (HEARTH_IS_HOME_PAGE (self));

  if (self->actor != NULL && self->lifelog != NULL)
    {
      due = hearth_tasks_list_due_today (self->tasks, self->actor, self->circle_id, NULL);
      memories = hearth_lifelog_on_this_day (self->lifelog, self->actor, self->circle_id, NULL);
      soon = hearth_lifelog_opening_soon (self->lifelog, self->actor, self->circle_id, HEARTH_HOME_OPENING_SOON,
                                          NULL);
    }
  hearth_list_store_replace_all (self->due, due);
  hearth_list_store_replace_all (self->memories, memories);
  hearth_list_store_replace_all (self->soon, soon);
}

static gboolean
refresh_cb (gpointer user_data)
{
  HearthHomePage *self = user_data;

  self->refresh_id = 0;
  hearth_home_page_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (HearthHomePage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

static void
hearth_home_page_dispose (GObject *object)
{
  HearthHomePage *self = HEARTH_HOME_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->store_signals);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->actor);
  g_clear_object (&self->lifelog);
  g_clear_object (&self->tasks);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_HOME_PAGE);
  g_clear_object (&self->due);
  g_clear_object (&self->memories);
  g_clear_object (&self->soon);

  G_OBJECT_CLASS (hearth_home_page_parent_class)->dispose (object);
}

static void
hearth_home_page_class_init (HearthHomePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = hearth_home_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/shell/hearth-home-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthHomePage, due_today);
  gtk_widget_class_bind_template_child (widget_class, HearthHomePage, on_this_day);
  gtk_widget_class_bind_template_child (widget_class, HearthHomePage, opening_soon);
}

static void
hearth_home_page_init (HearthHomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->due = g_list_store_new (HEARTH_TYPE_TASK);
  self->memories = g_list_store_new (HEARTH_TYPE_LIFELOG_ENTRY);
  self->soon = g_list_store_new (HEARTH_TYPE_LIFELOG_ENTRY);
  gtk_list_box_bind_model (self->due_today, G_LIST_MODEL (self->due), create_task_row, self, NULL);
  gtk_list_box_bind_model (self->on_this_day, G_LIST_MODEL (self->memories), create_memory_row, NULL, NULL);
  gtk_list_box_bind_model (self->opening_soon, G_LIST_MODEL (self->soon), create_capsule_row, NULL, NULL);
}

/* Who is signed in or the current circle changed: show theirs. */
static void
session_changed_cb (HearthHomePage *self)
{
  HearthActor *actor = hearth_session_get_actor (self->session);
  gint64 circle_id = hearth_session_get_circle_id (self->session);

  g_set_object (&self->actor, actor);
  self->circle_id = circle_id;
  g_signal_group_set_target (self->store_signals, actor != NULL ? hearth_lifelog_get_store (self->lifelog) : NULL);
  hearth_home_page_refresh (self);
}

/**
 * hearth_home_page_set_context:
 * @context: the services, of which the page uses the tasks' and the life log's
 * @session: who is signed in and the current circle, which the page follows
 *
 * Called once, by the window that holds the page.
 */
void
hearth_home_page_set_context (HearthHomePage *self,
                              HearthContext  *context,
                              HearthSession  *session)
{
  g_return_if_fail (HEARTH_IS_HOME_PAGE (self));
  g_return_if_fail (HEARTH_IS_CONTEXT (context));
  g_return_if_fail (HEARTH_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->lifelog = g_object_ref (hearth_context_get_lifelog (context));
  self->tasks = g_object_ref (hearth_context_get_tasks (context));
  self->session = g_object_ref (session);
  self->store_signals = g_signal_group_new (HEARTH_TYPE_STORE);
  g_signal_group_connect_swapped (self->store_signals, "changed::lifelogs", G_CALLBACK (store_changed_cb), self);
  g_signal_group_connect_swapped (self->store_signals, "changed::capsules", G_CALLBACK (store_changed_cb), self);
  g_signal_group_connect_swapped (self->store_signals, "changed::tasks", G_CALLBACK (store_changed_cb), self);
  g_signal_group_connect_swapped (self->store_signals, "changed::task_assignments", G_CALLBACK (store_changed_cb),
                                  self);
  /* Joining or leaving a circle changes which entries may be read. */
  g_signal_group_connect_swapped (self->store_signals, "changed::circle_members", G_CALLBACK (store_changed_cb),
                                  self);
  g_signal_connect_swapped (session, "changed", G_CALLBACK (session_changed_cb), self);
  session_changed_cb (self);
}
