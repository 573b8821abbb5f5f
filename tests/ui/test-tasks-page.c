/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-test"

#include "config.h"

#include <string.h>

#include "hearth-clock.h"
#include "hearth-task-editor.h"
#include "hearth-tasks-page.h"
#include "hearth-test-common.h"
#include "hearth-test-ui.h"
#include "hearth-window.h"

/*
 * The Tasks page on a real display, on a fake clock: tasks in every section,
 * in light, dark and narrow; a task added from the line at the top, ticked
 * and untied with Undo; a chore a child did approved by a parent into the
 * pocket money; a visitor shown no way to change anything. Screens go to
 * build/tests/screenshots/.
 */

typedef struct
{
  HearthTestFamily  family;
  HearthContext    *context;
  HearthTasks      *tasks;
  HearthWindow     *window;
  HearthActor      *noah;     /* a child: an editor */
  HearthActor      *victor;   /* a visitor */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  hearth_test_family_set_up (&f->family, "Mum", "The Lovelaces");
  f->noah = hearth_test_family_add (&f->family, "Noah", HEARTH_ROLE_EDITOR);
  f->victor = hearth_test_family_add (&f->family, "Victor", HEARTH_ROLE_VISITOR);
  f->context = hearth_test_context_new (&f->family);
  f->tasks = hearth_context_get_tasks (f->context);
  f->window = hearth_window_new (NULL, f->context);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 760);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  hearth_test_finalize (&f->context);
  hearth_test_family_tear_down (&f->family);
}

static gboolean
settled (gpointer user_data)
{
  Fixture *f = user_data;

  return !gtk_stack_get_transition_running (hearth_test_child (f->window, HEARTH_TYPE_WINDOW, "mode_stack")) &&
         !gtk_stack_get_transition_running (hearth_test_child (f->window, HEARTH_TYPE_WINDOW, "stack"));
}

static gboolean
leaflet_folded (gpointer user_data)
{
  Fixture *f = user_data;

  return adw_leaflet_get_folded (hearth_test_child (f->window, HEARTH_TYPE_WINDOW, "leaflet"));
}

static gboolean
leaflet_settled (gpointer user_data)
{
  Fixture *f = user_data;

  return !adw_leaflet_get_child_transition_running (hearth_test_child (f->window, HEARTH_TYPE_WINDOW, "leaflet"));
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static HearthTasksPage *
show_tasks (Fixture     *f,
            HearthActor *actor)
{
  hearth_window_start (f->window, actor);
  g_assert_true (hearth_window_show_module (f->window, "tasks"));
  hearth_test_wait_until (settled, f, "the window's transitions");
  drain ();
  hearth_test_wait_for_draw (GTK_WIDGET (f->window));
  return hearth_test_child (f->window, HEARTH_TYPE_WINDOW, "tasks_page");
}

/* Whether a visible label under @root begins with @text. */
static gboolean
shows (GtkWidget  *root,
       const char *text)
{
  g_autoptr (GPtrArray) labels = hearth_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (gtk_widget_is_visible (label) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (label)), text))
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} Shown;

static gboolean
shown (gpointer user_data)
{
  Shown *wanted = user_data;

  drain ();
  return shows (wanted->root, wanted->text);
}

/* A task of Mum's, due @days from today (at @hour, or all day when -1),
 * given to @assignee. */
static gint64
task_due (Fixture     *f,
          const char  *title,
          int          days,
          int          hour,
          const char  *rule,
          HearthActor *assignee)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthTask) task = hearth_tasks_create (f->tasks, f->family.owner, f->family.circle_id, title, &error);
  g_autoptr (GDateTime) now = hearth_clock_dup_now (f->family.clock);
  g_autoptr (GDateTime) day = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                     g_date_time_get_day_of_month (now), MAX (hour, 0), 0, 0);
  g_autoptr (GDateTime) due = g_date_time_add_days (day, days);
  gint64 id;

  g_assert_no_error (error);
  id = hearth_task_get_id (task);
  if (days != G_MAXINT)
    g_assert_true (hearth_tasks_set_due (f->tasks, f->family.owner, id, g_date_time_to_unix (due) * G_USEC_PER_SEC,
                                         hour < 0, rule, &error));
  if (assignee != NULL)
    g_assert_true (hearth_tasks_assign (f->tasks, f->family.owner, id, hearth_actor_get_user_id (assignee), &error));
  g_assert_no_error (error);
  return id;
}

/* A task in every section, each with its heading, the rule in words, the
 * assignee's avatar; light, dark and narrow. */
static void
test_sections (Fixture       *f,
               gconstpointer  data)
{
  static const char * const headings[] = { "Overdue", "Today", "This Week", "Later", "No Date", "Done" };
  g_autoptr (GError) error = NULL;
  HearthTasksPage *page;
  AdwStyleManager *style = adw_style_manager_get_default ();
  gint64 done;

  task_due (f, "Return the library books", -2, -1, NULL, f->noah);
  task_due (f, "Take out the bins", 0, 23, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", f->noah);
  task_due (f, "Water the plants", 3, -1, NULL, NULL);
  task_due (f, "Book the dentist", 20, 9, NULL, f->family.owner);
  task_due (f, "Fix the bike", G_MAXINT, -1, NULL, NULL);
  done = task_due (f, "Buy a birthday card", 1, -1, NULL, NULL);
  g_assert_true (hearth_tasks_set_status (f->tasks, f->family.owner, done, HEARTH_TASK_STATUS_DONE, &error));
  g_assert_no_error (error);

  page = show_tasks (f, f->family.owner);
  g_assert_cmpuint (g_list_model_get_n_items (hearth_tasks_page_get_tasks (page)), ==, 6);
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    g_assert_true (shows (GTK_WIDGET (page), headings[i]));
  g_assert_true (shows (GTK_WIDGET (page), "Take out the bins"));
  g_assert_nonnull (hearth_test_find_all (GTK_WIDGET (page), ADW_TYPE_AVATAR));
  {
    g_autoptr (GPtrArray) labels = hearth_test_find_all (GTK_WIDGET (page), GTK_TYPE_LABEL);
    gboolean said = FALSE;

    for (guint i = 0; i < labels->len && !said; i++)
      said = strstr (gtk_label_get_label (g_ptr_array_index (labels, i)), "every weekday") != NULL;
    g_assert_true (said);
  }
  g_free (hearth_test_save_png (GTK_WIDGET (f->window), "tasks-sections"));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  hearth_test_wait_for_draw (GTK_WIDGET (f->window));
  g_free (hearth_test_save_png (GTK_WIDGET (f->window), "tasks-sections-dark"));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* Narrow, the sidebar folds away: the page comes forward again. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 400, 760);
  hearth_test_wait_until (leaflet_folded, f, "the leaflet to fold");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-module", "s", "tasks");
  hearth_test_wait_until (leaflet_settled, f, "the leaflet to slide");
  hearth_test_wait_until (settled, f, "the window's transitions");
  drain ();
  hearth_test_wait_for_draw (GTK_WIDGET (f->window));
  g_free (hearth_test_save_png (GTK_WIDGET (f->window), "tasks-narrow"));
}

/* Typed in the line and Enter: a task; ticked, it is done, with Undo; Undo
 * makes it to do again. Ctrl+N goes to the line. */
static void
test_add_complete_undo (Fixture       *f,
                        gconstpointer  data)
{
  HearthTasksPage *page = show_tasks (f, f->family.owner);
  GtkWidget *line = hearth_test_child (page, HEARTH_TYPE_TASKS_PAGE, "quick_add");
  g_autoptr (HearthTask) task = NULL;
  g_autoptr (HearthTask) done = NULL;
  g_autoptr (HearthTask) again = NULL;
  gint64 completion;

  g_assert_true (shows (GTK_WIDGET (page), "No Tasks"));
  g_free (hearth_test_save_png (GTK_WIDGET (f->window), "tasks-empty"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "tasks.new", NULL));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (f->window)) == line ||
                 gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (f->window)), line));

  gtk_editable_set_text (GTK_EDITABLE (line), "Feed the cat");
  g_signal_emit_by_name (line, "activate");
  drain ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (line)), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (hearth_tasks_page_get_tasks (page)), ==, 1);
  task = g_list_model_get_item (hearth_tasks_page_get_tasks (page), 0);
  g_assert_cmpstr (hearth_task_get_title (task), ==, "Feed the cat");
  g_assert_true (shows (GTK_WIDGET (page), "No Date"));

  /* An empty line is refused, with a message, and nothing made. */
  gtk_editable_set_text (GTK_EDITABLE (line), "   ");
  g_signal_emit_by_name (line, "activate");
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (hearth_tasks_page_get_tasks (page)), ==, 1);
  {
    Shown refusal = { GTK_WIDGET (f->window), "Give the task a title." };

    hearth_test_wait_until (shown, &refusal, "the refusal");
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "tasks.toggle", "(xb)", hearth_task_get_id (task),
                                             TRUE));
  drain ();
  done = g_list_model_get_item (hearth_tasks_page_get_tasks (page), 0);
  g_assert_cmpint (hearth_task_get_status (done), ==, HEARTH_TASK_STATUS_DONE);
  hearth_test_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (shows (GTK_WIDGET (page), "Done"));
  {
    Shown toast = { GTK_WIDGET (f->window), "“Feed the cat” done" };

    hearth_test_wait_until (shown, &toast, "the toast with Undo");
  }
  hearth_test_wait_for_draw (GTK_WIDGET (f->window));
  g_free (hearth_test_save_png (GTK_WIDGET (f->window), "tasks-done-undo"));

  completion = hearth_test_query_int (f->family.store, "SELECT max (id) FROM task_completions");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "tasks.undo-completion", "x", completion));
  drain ();
  again = g_list_model_get_item (hearth_tasks_page_get_tasks (page), 0);
  g_assert_cmpint (hearth_task_get_status (again), ==, HEARTH_TASK_STATUS_TODO);
}

/* A visitor reads the tasks: no line to add, no check button to press, no
 * Edit dialog. */
static void
test_visitor_changes_nothing (Fixture       *f,
                              gconstpointer  data)
{
  HearthTasksPage *page;
  g_autoptr (GPtrArray) checks = NULL;

  task_due (f, "Take out the bins", 0, 23, NULL, f->noah);
  page = show_tasks (f, f->victor);
  g_assert_cmpuint (g_list_model_get_n_items (hearth_tasks_page_get_tasks (page)), ==, 1);
  g_assert_false (gtk_widget_get_visible (hearth_test_child (page, HEARTH_TYPE_TASKS_PAGE, "quick_add")));
  checks = hearth_test_find_all (GTK_WIDGET (page), GTK_TYPE_CHECK_BUTTON);
  g_assert_cmpuint (checks->len, >, 0);
  for (guint i = 0; i < checks->len; i++)
    g_assert_false (gtk_widget_is_sensitive (g_ptr_array_index (checks, i)));
  /* A click on the task opens no Edit dialog for them. */
  g_signal_emit_by_name (hearth_test_child (page, HEARTH_TYPE_TASKS_PAGE, "list"), "activate", 0);
  drain ();
  g_assert_null (hearth_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_false (gtk_widget_get_visible (hearth_test_child (page, HEARTH_TYPE_TASKS_PAGE, "waiting_group")));
  g_free (hearth_test_save_png (GTK_WIDGET (f->window), "tasks-visitor"));
}

/* Noah did his chore; Mum sees it waiting, approves it into his pocket
 * money, and the wallet's balance moves. */
static void
test_approve (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthAccount) wallet = NULL;
  HearthTasksPage *page;
  GtkWindow *dialog;
  gint64 chore = task_due (f, "Do the dishes", 0, 20, NULL, f->noah);
  gint64 completion;

  wallet = hearth_finance_create_account (f->family.finance, f->family.owner, f->family.circle_id, "Pocket Money",
                                          "WALLET", "EUR", &error);
  g_assert_true (hearth_tasks_set_reward (f->tasks, f->family.owner, chore, 150, &error));
  completion = hearth_tasks_complete (f->tasks, f->noah, chore, &error);
  g_assert_no_error (error);

  page = show_tasks (f, f->family.owner);
  g_assert_true (gtk_widget_get_visible (hearth_test_child (page, HEARTH_TYPE_TASKS_PAGE, "waiting_group")));
  g_assert_true (shows (GTK_WIDGET (page), "Waiting for Approval"));
  g_free (hearth_test_save_png (GTK_WIDGET (f->window), "tasks-waiting-for-approval"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "tasks.approve", "(xx)", completion,
                                             hearth_actor_get_user_id (f->noah)));
  dialog = hearth_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  hearth_test_wait_for_draw (GTK_WIDGET (dialog));
  g_free (hearth_test_save_png (GTK_WIDGET (dialog), "tasks-approve-dialog"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "approve");
  drain ();
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT balance FROM accounts WHERE id = %" G_GINT64_FORMAT,
                                      hearth_account_get_id (wallet)), ==, 150);
  hearth_test_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_false (gtk_widget_get_visible (hearth_test_child (page, HEARTH_TYPE_TASKS_PAGE, "waiting_group")));
}

/* The edit dialog: everything of a task, saved as a person fills it in; a
 * time that is no time refused, nothing changed. */
static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) editors = NULL;
  g_autoptr (HearthTask) saved = NULL;
  g_autoptr (GDateTime) now = hearth_clock_dup_now (f->family.clock);
  g_autoptr (GDateTime) saturday = NULL;
  HearthTasksPage *page;
  HearthTaskEditor *editor;
  GtkWindow *dialog;
  gint64 id = task_due (f, "Bins", G_MAXINT, -1, NULL, NULL);
  guint n = 0;

  /* The next Saturday after the clock's day. */
  saturday = g_date_time_add_days (now, (6 - g_date_time_get_day_of_week (now) + 6) % 7 + 1);
  page = show_tasks (f, f->family.owner);
  /* A click on the task, or Enter on it. */
  g_signal_emit_by_name (hearth_test_child (page, HEARTH_TYPE_TASKS_PAGE, "list"), "activate", 0);
  dialog = hearth_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  editors = hearth_test_find_all (GTK_WIDGET (dialog), HEARTH_TYPE_TASK_EDITOR);
  g_assert_cmpuint (editors->len, ==, 1);
  editor = g_ptr_array_index (editors, 0);

  gtk_editable_set_text (GTK_EDITABLE (hearth_test_child (editor, HEARTH_TYPE_TASK_EDITOR, "title")),
                         "Take out the bins");
  hearth_task_editor_set_due (editor, saturday, "25:00", HEARTH_REPEAT_WEEKLY);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  drain ();
  saved = hearth_tasks_get (f->tasks, f->family.owner, id, &error);
  g_assert_cmpstr (hearth_task_get_title (saved), ==, "Bins");
  g_assert_cmpint (hearth_task_get_due_at (saved), ==, 0);
  g_clear_object (&saved);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "tasks.edit", "x", id));
  dialog = hearth_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_clear_pointer (&editors, g_ptr_array_unref);
  editors = hearth_test_find_all (GTK_WIDGET (dialog), HEARTH_TYPE_TASK_EDITOR);
  editor = g_ptr_array_index (editors, 0);
  gtk_editable_set_text (GTK_EDITABLE (hearth_test_child (editor, HEARTH_TYPE_TASK_EDITOR, "title")),
                         "Take out the bins");
  hearth_task_editor_set_due (editor, saturday, "08:00", HEARTH_REPEAT_WEEKLY);
  {
    g_autoptr (GPtrArray) checks = hearth_test_find_all (hearth_test_child (editor, HEARTH_TYPE_TASK_EDITOR,
                                                                            "assignees"),
                                                         GTK_TYPE_CHECK_BUTTON);

    for (guint i = 0; i < checks->len; i++)
      if (g_str_equal (gtk_check_button_get_label (g_ptr_array_index (checks, i)), "Noah"))
        gtk_check_button_set_active (g_ptr_array_index (checks, i), TRUE);
  }
  gtk_editable_set_text (GTK_EDITABLE (hearth_test_child (editor, HEARTH_TYPE_TASK_EDITOR, "reward")), "2.50");
  hearth_test_wait_for_draw (GTK_WIDGET (dialog));
  g_free (hearth_test_save_png (GTK_WIDGET (dialog), "tasks-edit-dialog"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  drain ();

  saved = hearth_tasks_get (f->tasks, f->family.owner, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearth_task_get_title (saved), ==, "Take out the bins");
  g_assert_cmpstr (hearth_task_get_recurrence (saved), ==, "FREQ=WEEKLY;BYDAY=SA");
  g_assert_false (hearth_task_get_due_all_day (saved));
  {
    g_autoptr (GDateTime) due = g_date_time_new_from_unix_local (hearth_task_get_due_at (saved) / G_USEC_PER_SEC);

    g_assert_cmpint (g_date_time_get_day_of_week (due), ==, 6);
    g_assert_cmpint (g_date_time_get_hour (due), ==, 8);
  }
  hearth_task_get_assignee_ids (saved, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (hearth_task_is_assigned_to (saved, hearth_actor_get_user_id (f->noah)));
  g_assert_cmpint (hearth_task_get_reward (saved), ==, 250);
  hearth_test_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (shows (GTK_WIDGET (page), "This Week") || shows (GTK_WIDGET (page), "Later"));
}

/* Home lists what is due today for whoever is signed in: Noah's bins, not
 * Mum's dentist; done, it leaves Home. */
static void
test_home_due_today (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *home = hearth_test_child (f->window, HEARTH_TYPE_WINDOW, "home_page");
  gint64 bins = task_due (f, "Take out the bins", 0, 23, NULL, f->noah);

  task_due (f, "Call the dentist", 0, 22, NULL, f->family.owner);
  hearth_window_start (f->window, f->noah);
  g_assert_true (hearth_window_show_module (f->window, "home"));
  hearth_test_wait_until (settled, f, "the window's transitions");
  drain ();
  g_assert_true (shows (home, "Due Today"));
  g_assert_true (shows (home, "Take out the bins"));
  g_assert_false (shows (home, "Call the dentist"));
  hearth_test_wait_for_draw (GTK_WIDGET (f->window));
  g_free (hearth_test_save_png (GTK_WIDGET (f->window), "home-due-today"));

  g_assert_true (hearth_tasks_set_status (f->tasks, f->noah, bins, HEARTH_TASK_STATUS_DONE, &error));
  g_assert_no_error (error);
  {
    Shown nothing = { home, "Nothing of yours is due today." };

    hearth_test_wait_until (shown, &nothing, "Home to follow the task done");
  }
}

int
main (int   argc,
      char *argv[])
{
  hearth_test_ui_init (&argc, &argv);

  g_test_add ("/ui/tasks/sections", Fixture, NULL, fixture_set_up, test_sections, fixture_tear_down);
  g_test_add ("/ui/tasks/add-complete-undo", Fixture, NULL, fixture_set_up, test_add_complete_undo,
              fixture_tear_down);
  g_test_add ("/ui/tasks/visitor-changes-nothing", Fixture, NULL, fixture_set_up, test_visitor_changes_nothing,
              fixture_tear_down);
  g_test_add ("/ui/tasks/edit", Fixture, NULL, fixture_set_up, test_edit, fixture_tear_down);
  g_test_add ("/ui/tasks/home-due-today", Fixture, NULL, fixture_set_up, test_home_due_today, fixture_tear_down);
  g_test_add ("/ui/tasks/approve", Fixture, NULL, fixture_set_up, test_approve, fixture_tear_down);

  return g_test_run ();
}
