/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-test"

#include "config.h"

#include "hearth-audit.h"
#include "hearth-circles-page.h"
#include "hearth-clock.h"
#include "hearth-log-window.h"
#include "hearth-password.h"
#include "hearth-policy-window.h"
#include "hearth-store.h"
#include "hearth-test-common.h"
#include "hearth-test-ui.h"
#include "hearth-window.h"

/*
 * The Circles page on a real display: what the owner is offered and what a
 * visitor is not, the policy grid, the activity and audit windows, adding a
 * member, and a dissolved circle. Each screen is saved as a PNG under
 * build/tests/screenshots/.
 */

typedef struct
{
  HearthTestFamily  family;
  HearthContext    *context;
  HearthActor      *victor;   /* the family's */
  HearthWindow     *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  hearth_test_family_set_up (&f->family, "Olivia Hopper", "The Hoppers");
  hearth_clock_advance (f->family.clock, G_TIME_SPAN_MINUTE);
  f->victor = hearth_test_family_add (&f->family, "Victor Hopper", HEARTH_ROLE_VISITOR);
  hearth_test_family_add (&f->family, "Tina Hopper", HEARTH_ROLE_EDITOR);

  f->context = hearth_test_context_new (&f->family);
  f->window = hearth_window_new (NULL, f->context);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 980, 760);
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

static GPtrArray *
find_all (gpointer widget,
          GType    type)
{
  return hearth_test_find_all (GTK_WIDGET (widget), type);
}

static gboolean
is_shown (gpointer widget)
{
  return gtk_widget_is_visible (GTK_WIDGET (widget));
}

static gboolean
stacks_settled (gpointer user_data)
{
  Fixture *f = user_data;

  return !gtk_stack_get_transition_running (hearth_test_child (f->window, HEARTH_TYPE_WINDOW, "mode_stack")) &&
         !gtk_stack_get_transition_running (hearth_test_child (f->window, HEARTH_TYPE_WINDOW, "stack"));
}

static HearthCirclesPage *
show_circles (Fixture     *f,
              HearthActor *actor)
{
  HearthCirclesPage *page = hearth_test_child (f->window, HEARTH_TYPE_WINDOW, "circles_page");

  hearth_window_start (f->window, actor);
  g_assert_true (hearth_window_show_module (f->window, "circles"));
  hearth_test_wait_until (stacks_settled, f, "the window's transitions");
  hearth_test_wait_for_draw (GTK_WIDGET (f->window));
  return page;
}

/* The members' rows that offer a menu: a row with nothing to offer hides its
 * button. */
static guint
count_menu_buttons (HearthCirclesPage *page)
{
  g_autoptr (GPtrArray) buttons = find_all (hearth_test_child (page, HEARTH_TYPE_CIRCLES_PAGE, "members_list"),
                                            GTK_TYPE_MENU_BUTTON);
  guint shown = 0;

  for (guint i = 0; i < buttons->len; i++)
    shown += gtk_widget_get_visible (g_ptr_array_index (buttons, i));
  return shown;
}

static gboolean
toplevel_shown (gpointer type)
{
  return hearth_test_find_toplevel (GPOINTER_TO_SIZE (type)) != NULL;
}

static GtkWindow *
wait_for_toplevel (GType type)
{
  GtkWindow *window;

  hearth_test_wait_until (toplevel_shown, GSIZE_TO_POINTER (type), g_type_name (type));
  window = hearth_test_find_toplevel (type);
  hearth_test_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static void
test_owner_sees_every_control (Fixture       *f,
                               gconstpointer  data)
{
  HearthCirclesPage *page = show_circles (f, f->family.owner);
  g_autoptr (GPtrArray) members = NULL;

  /* The switcher starts on the family's circle, not the personal one. */
  g_assert_cmpint (hearth_session_get_circle_id (hearth_window_get_session (f->window)), ==, f->family.circle_id);
  g_assert_true (is_shown (hearth_test_child (page, HEARTH_TYPE_CIRCLES_PAGE, "add_member_button")));
  g_assert_true (is_shown (hearth_test_child (page, HEARTH_TYPE_CIRCLES_PAGE, "rename_button")));
  g_assert_true (is_shown (hearth_test_child (page, HEARTH_TYPE_CIRCLES_PAGE, "dissolve_row")));
  g_assert_true (is_shown (hearth_test_child (page, HEARTH_TYPE_CIRCLES_PAGE, "audit_row")));
  g_assert_false (is_shown (hearth_test_child (page, HEARTH_TYPE_CIRCLES_PAGE, "leave_row")));
  members = find_all (hearth_test_child (page, HEARTH_TYPE_CIRCLES_PAGE, "members_list"), ADW_TYPE_ACTION_ROW);
  g_assert_cmpuint (members->len, ==, 3);
  /* A menu for each member but the owner herself. */
  g_assert_cmpuint (count_menu_buttons (page), ==, 2);
  g_free (hearth_test_save_png (GTK_WIDGET (f->window), "circles-owner"));

  /* Switching circle in the header changes the page. */
  {
    GtkDropDown *switcher = hearth_test_child (f->window, HEARTH_TYPE_WINDOW, "circle_switcher");

    gtk_drop_down_set_selected (switcher, 0);
    g_assert_cmpint (hearth_session_get_circle_id (hearth_window_get_session (f->window)), !=, f->family.circle_id);
    hearth_test_wait_for_draw (GTK_WIDGET (f->window));
    g_assert_false (is_shown (hearth_test_child (page, HEARTH_TYPE_CIRCLES_PAGE, "add_member_button")));
    gtk_drop_down_set_selected (switcher, 1);
    g_assert_cmpint (hearth_session_get_circle_id (hearth_window_get_session (f->window)), ==, f->family.circle_id);
  }
}

static void
test_visitor_is_offered_no_changes (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) victor = hearth_auth_sign_in (f->family.auth, "victor", HEARTH_TEST_PASSWORD, FALSE, NULL,
                                                        &error);
  HearthCirclesPage *page;
  GtkWindow *grid;
  g_autoptr (GPtrArray) checks = NULL;

  g_assert_no_error (error);
  page = show_circles (f, victor);
  g_assert_cmpint (hearth_session_get_circle_id (hearth_window_get_session (f->window)), ==, f->family.circle_id);
  g_assert_false (is_shown (hearth_test_child (page, HEARTH_TYPE_CIRCLES_PAGE, "add_member_button")));
  g_assert_false (is_shown (hearth_test_child (page, HEARTH_TYPE_CIRCLES_PAGE, "rename_button")));
  g_assert_false (is_shown (hearth_test_child (page, HEARTH_TYPE_CIRCLES_PAGE, "dissolve_row")));
  g_assert_false (is_shown (hearth_test_child (page, HEARTH_TYPE_CIRCLES_PAGE, "audit_row")));
  g_assert_true (is_shown (hearth_test_child (page, HEARTH_TYPE_CIRCLES_PAGE, "leave_row")));
  g_assert_cmpuint (count_menu_buttons (page), ==, 0);
  g_free (hearth_test_save_png (GTK_WIDGET (f->window), "circles-visitor"));

  /* The grid is there to read, not to change. */
  gtk_widget_activate_action (GTK_WIDGET (page), "circles.permissions", NULL);
  grid = wait_for_toplevel (HEARTH_TYPE_POLICY_WINDOW);
  checks = find_all (grid, GTK_TYPE_CHECK_BUTTON);
  g_assert_cmpuint (checks->len, >, 0);
  for (guint i = 0; i < checks->len; i++)
    g_assert_false (gtk_widget_get_sensitive (g_ptr_array_index (checks, i)));
  gtk_window_destroy (grid);
}

static void
test_policy_grid (Fixture       *f,
                  gconstpointer  data)
{
  HearthCirclesPage *page = show_circles (f, f->family.owner);
  g_autoptr (GPtrArray) checks = NULL;
  size_t n_permissions;
  guint n_sensitive = 0;
  guint n_fixed = 0;
  GtkWindow *grid;
  GtkCheckButton *visitor_note_create = NULL;

  hearth_permissions_get_vocabulary (&n_permissions);
  gtk_widget_activate_action (GTK_WIDGET (page), "circles.permissions", NULL);
  grid = wait_for_toplevel (HEARTH_TYPE_POLICY_WINDOW);
  g_free (hearth_test_save_png (GTK_WIDGET (grid), "circles-permissions"));

  checks = find_all (grid, GTK_TYPE_CHECK_BUTTON);
  g_assert_cmpuint (checks->len, ==, n_permissions * 4);
  for (guint i = 0; i < n_permissions; i++)
    {
      const HearthPermission *permission = hearth_permissions_get_vocabulary (&n_permissions) + i;

      n_fixed += hearth_permission_is_fixed (permission) ? 4 : 1;
    }
  for (guint i = 0; i < checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (checks, i);
      const HearthPolicy *policy = g_object_get_data (G_OBJECT (check), "policy");

      n_sensitive += gtk_widget_get_sensitive (check);
      if (policy->role == HEARTH_ROLE_VISITOR && g_str_equal (policy->permission->resource, "note") &&
          g_str_equal (policy->permission->action, "create"))
        visitor_note_create = GTK_CHECK_BUTTON (check);
    }
  g_assert_cmpuint (n_sensitive, ==, checks->len - n_fixed);
  g_assert_nonnull (visitor_note_create);
  g_assert_false (gtk_check_button_get_active (visitor_note_create));
  /* Named for a screen reader: role, resource and action. */
  {
    g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (visitor_note_create),
                                                                     GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                     "Visitor: Notes, Create");
    g_assert_null (mismatch);
  }

  /* One box, one override: the owner is in sudo mode, so no prompt. */
  gtk_check_button_set_active (visitor_note_create, TRUE);
  g_assert_true (hearth_authorize (f->family.store, f->victor, f->family.circle_id, "note", "create", NULL));
  g_assert_cmpint (hearth_test_query_int (f->family.store, "SELECT count(*) FROM permission_logs"), ==, 1);
  gtk_window_destroy (grid);
}

static gboolean
four_members_shown (gpointer page)
{
  g_autoptr (GPtrArray) rows = find_all (hearth_test_child (page, HEARTH_TYPE_CIRCLES_PAGE, "members_list"),
                                         ADW_TYPE_ACTION_ROW);

  return rows->len == 4;
}

static void
test_logs_and_adding_a_member (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr (HearthActor) sam = hearth_test_new_profile (f->family.auth, "sam", "Sam Hopper");
  HearthCirclesPage *page = show_circles (f, f->family.owner);
  g_autoptr (GPtrArray) rows = NULL;
  GtkWindow *log;
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (page), "circles.activity", NULL);
  log = wait_for_toplevel (HEARTH_TYPE_LOG_WINDOW);
  g_free (hearth_test_save_png (GTK_WIDGET (log), "circles-activity"));
  gtk_window_destroy (log);

  gtk_widget_activate_action (GTK_WIDGET (page), "circles.audit", NULL);
  log = wait_for_toplevel (HEARTH_TYPE_LOG_WINDOW);
  g_free (hearth_test_save_png (GTK_WIDGET (log), "circles-audit-log"));
  gtk_window_destroy (log);

  gtk_widget_activate_action (GTK_WIDGET (page), "circles.add-member", NULL);
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_free (hearth_test_save_png (GTK_WIDGET (dialog), "circles-add-member"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");

  /* Sam, the one profile not in the circle, joins as a visitor, the least role. */
  g_assert_cmpint (hearth_test_query_int (f->family.store, "SELECT count(*) FROM circle_members m JOIN users u "
                                                    "ON u.id = m.user_id WHERE u.username = 'sam' "
                                                    "AND m.role = 'VISITOR'"), ==, 1);
  /* The page follows the store on its own, at the next idle moment. */
  hearth_test_wait_until (four_members_shown, page, "Sam's row");
  rows = find_all (hearth_test_child (page, HEARTH_TYPE_CIRCLES_PAGE, "members_list"), ADW_TYPE_ACTION_ROW);
  g_assert_cmpuint (rows->len, ==, 4);
}

static gint64
victor_role_is_editor (Fixture *f)
{
  return hearth_test_query_int (f->family.store,
                                "SELECT count(*) FROM circle_members m JOIN users u ON u.id = m.user_id "
                                "WHERE u.username = 'victor' AND m.role = 'EDITOR'");
}

static gboolean
victor_is_editor (gpointer user_data)
{
  return victor_role_is_editor (user_data) == 1;
}

/* Ten minutes after the password was last given, a role change asks for it
 * again, and goes through once it is right. */
static void
test_sudo_prompt (Fixture       *f,
                  gconstpointer  data)
{
  HearthCirclesPage *page = show_circles (f, f->family.owner);
  g_autoptr (GPtrArray) rows = NULL;
  GtkWindow *dialog;

  hearth_clock_advance (f->family.clock, 11 * G_TIME_SPAN_MINUTE);
  gtk_widget_activate_action (GTK_WIDGET (page), "circles.change-role", "(xi)",
                              hearth_actor_get_user_id (f->victor), (int) HEARTH_ROLE_EDITOR);
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpint (victor_role_is_editor (f), ==, 0);
  rows = find_all (dialog, ADW_TYPE_PASSWORD_ENTRY_ROW);
  g_assert_cmpuint (rows->len, ==, 1);
  g_free (hearth_test_save_png (GTK_WIDGET (dialog), "circles-sudo-prompt"));

  gtk_editable_set_text (g_ptr_array_index (rows, 0), HEARTH_TEST_PASSWORD);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "confirm");
  hearth_test_wait_until (victor_is_editor, f, "the role change after the password");
  g_assert_cmpint (hearth_test_query_int (f->family.store,
                                          "SELECT count(*) FROM circle_events WHERE type = 'ROLE_CHANGED'"),
                   ==, 1);
}

static void
test_dissolved_circle (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  HearthCirclesPage *page = show_circles (f, f->family.owner);
  AdwPreferencesGroup *group = hearth_test_child (page, HEARTH_TYPE_CIRCLES_PAGE, "members_group");

  /* A change made elsewhere reaches the page through the store. */
  hearth_circles_dissolve (f->family.circles, f->family.owner, f->family.circle_id, &error);
  g_assert_no_error (error);
  hearth_test_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (g_str_has_prefix (adw_preferences_group_get_description (group), "This circle has been dissolved"));
  g_assert_false (is_shown (hearth_test_child (page, HEARTH_TYPE_CIRCLES_PAGE, "add_member_button")));
  g_assert_false (is_shown (hearth_test_child (page, HEARTH_TYPE_CIRCLES_PAGE, "dissolve_row")));
  g_assert_cmpuint (count_menu_buttons (page), ==, 0);
  g_free (hearth_test_save_png (GTK_WIDGET (f->window), "circles-dissolved"));
}

int
main (int   argc,
      char *argv[])
{
  hearth_test_ui_init (&argc, &argv);

  g_test_add ("/ui/circles/owner-sees-every-control", Fixture, NULL, fixture_set_up,
              test_owner_sees_every_control, fixture_tear_down);
  g_test_add ("/ui/circles/visitor-is-offered-no-changes", Fixture, NULL, fixture_set_up,
              test_visitor_is_offered_no_changes, fixture_tear_down);
  g_test_add ("/ui/circles/policy-grid", Fixture, NULL, fixture_set_up, test_policy_grid, fixture_tear_down);
  g_test_add ("/ui/circles/logs-and-adding-a-member", Fixture, NULL, fixture_set_up,
              test_logs_and_adding_a_member, fixture_tear_down);
  g_test_add ("/ui/circles/sudo-prompt", Fixture, NULL, fixture_set_up, test_sudo_prompt, fixture_tear_down);
  g_test_add ("/ui/circles/dissolved-circle", Fixture, NULL, fixture_set_up, test_dissolved_circle, fixture_tear_down);

  return g_test_run ();
}
