/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-circles-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-circle-words.h"
#include "hearth-policy-window.h"
#include "hearth-sudo-prompt.h"

/*
 * The policy grid: for every resource and action of the vocabulary, what each
 * role may do in this circle. The owner changes it, a box at a time (sudo
 * mode, in the service); everyone else sees it read-only. The owner's column
 * and the owner-only actions are fixed and shown as such.
 */

struct _HearthPolicyWindow
{
  AdwWindow        parent_instance;

  HearthAuth      *auth;
  HearthCircles   *circles;
  HearthActor     *actor;
  HearthCircle    *circle;
  AdwToastOverlay *toasts;
  gboolean         reverting;
};

G_DEFINE_FINAL_TYPE (HearthPolicyWindow, hearth_policy_window, ADW_TYPE_WINDOW)

typedef struct
{
  HearthPolicyWindow *self;
  GtkCheckButton     *check;
  HearthRole          role;
  const char         *resource;
  const char         *action;
  gboolean            allowed;
} Toggle;

static void
toggle_free (gpointer data)
{
  Toggle *toggle = data;

  g_object_unref (toggle->self);
  g_object_unref (toggle->check);
  g_free (toggle);
}

static gboolean
set_policy (gpointer   user_data,
            GError   **error)
{
  Toggle *toggle = user_data;

  return hearth_circles_set_policy (toggle->self->circles, toggle->self->actor,
                                    hearth_circle_get_id (toggle->self->circle), toggle->role,
                                    toggle->resource, toggle->action, toggle->allowed, error);
}

static void
policy_set_cb (gpointer      user_data,
               const GError *error)
{
  Toggle *toggle = user_data;

  if (error == NULL)
    return;

  /* Not changed: the box goes back to what holds. */
  toggle->self->reverting = TRUE;
  gtk_check_button_set_active (toggle->check, !toggle->allowed);
  toggle->self->reverting = FALSE;
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_toast_overlay_add_toast (toggle->self->toasts, adw_toast_new (error->message));
}

static void
check_toggled_cb (GtkCheckButton     *check,
                  HearthPolicyWindow *self)
{
  const HearthPolicy *policy = g_object_get_data (G_OBJECT (check), "policy");
  Toggle *toggle;

  if (self->reverting)
    return;

  toggle = g_new0 (Toggle, 1);
  toggle->self = g_object_ref (self);
  toggle->check = g_object_ref (check);
  toggle->role = policy->role;
  toggle->resource = policy->permission->resource;
  toggle->action = policy->permission->action;
  toggle->allowed = gtk_check_button_get_active (check);
  hearth_sudo_prompt_run (GTK_WINDOW (self), self->auth, self->actor, _("Change a Permission?"),
                          set_policy, policy_set_cb, toggle, toggle_free);
}

static GtkWidget *
grid_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
build_grid (HearthPolicyWindow *self,
            GArray             *policies,
            gboolean            editable)
{
  GtkWidget *grid = gtk_grid_new ();
  const char *last_resource = NULL;
  int row = 0;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Permissions"), -1);

  /* The columns: OWNER down to VISITOR, the order list_policies gives. */
  for (HearthRole role = HEARTH_ROLE_OWNER; role >= HEARTH_ROLE_VISITOR; role--)
    {
      GtkWidget *header = grid_label (hearth_role_get_label (role), "heading");

      gtk_widget_set_halign (header, GTK_ALIGN_CENTER);
      gtk_grid_attach (GTK_GRID (grid), header, 1 + HEARTH_ROLE_OWNER - role, row, 1, 1);
    }
  row++;

  for (guint i = 0; i < policies->len; i++)
    {
      HearthPolicy *policy = &g_array_index (policies, HearthPolicy, i);
      const char *resource = policy->permission->resource;
      const char *action = policy->permission->action;
      GtkWidget *check;
      g_autofree char *name = NULL;

      if (g_strcmp0 (last_resource, resource) != 0)
        {
          GtkWidget *title = grid_label (hearth_permission_get_resource_label (resource), "heading");

          gtk_widget_set_margin_top (title, row > 1 ? 12 : 0);
          gtk_grid_attach (GTK_GRID (grid), title, 0, row++, 5, 1);
          last_resource = resource;
        }
      if (policy->role == HEARTH_ROLE_OWNER)
        gtk_grid_attach (GTK_GRID (grid), grid_label (hearth_permission_get_action_label (resource, action), NULL),
                         0, row, 1, 1);

      check = gtk_check_button_new ();
      gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), policy->allowed);
      gtk_widget_set_sensitive (check, editable && !policy->fixed);
      /* Translators: a box of the permission grid, for screen readers: "Editor: Notes, Delete" */
      name = g_strdup_printf (_("%s: %s, %s"), hearth_role_get_label (policy->role),
                              hearth_permission_get_resource_label (resource),
                              hearth_permission_get_action_label (resource, action));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      if (policy->fixed)
        gtk_widget_set_tooltip_text (check, _("Always the owner’s"));
      g_object_set_data (G_OBJECT (check), "policy", policy);
      g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
      gtk_grid_attach (GTK_GRID (grid), check, 1 + HEARTH_ROLE_OWNER - policy->role, row, 1, 1);
      if (policy->role == HEARTH_ROLE_VISITOR)
        row++;
    }
  return grid;
}

static void
build (HearthPolicyWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  GArray *policies;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *intro;
  gboolean editable;

  title = g_strdup_printf (_("Permissions – %s"), hearth_circle_get_display_name (self->circle));
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_window_set_default_size (GTK_WINDOW (self), 620, 680);

  editable = !hearth_circle_get_personal (self->circle) &&
             hearth_circles_can (self->circles, self->actor, hearth_circle_get_id (self->circle), "policy", "update");
  intro = gtk_label_new (editable
                         ? _("What each role may do in this circle. Changes hold at once, for members who are signed "
                             "in too. The owner may always do everything.")
                         : _("What each role may do in this circle. Only the circle’s owner changes this."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (GTK_BOX (content), intro);

  policies = hearth_circles_list_policies (self->circles, self->actor, hearth_circle_get_id (self->circle), &error);
  if (policies != NULL)
    {
      /* The checks point into it: it lives as long as the window. */
      g_object_set_data_full (G_OBJECT (self), "policies", policies, (GDestroyNotify) g_array_unref);
      gtk_box_append (GTK_BOX (content), build_grid (self, policies, editable));
    }
  else
    {
      gtk_box_append (GTK_BOX (content), grid_label (error->message, "error"));
    }

  gtk_widget_set_margin_top (content, 24);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), scrolled);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
}

static void
hearth_policy_window_finalize (GObject *object)
{
  HearthPolicyWindow *self = HEARTH_POLICY_WINDOW (object);

  g_clear_object (&self->auth);
  g_clear_object (&self->circles);
  g_clear_object (&self->actor);
  g_clear_object (&self->circle);

  G_OBJECT_CLASS (hearth_policy_window_parent_class)->finalize (object);
}

static void
hearth_policy_window_class_init (HearthPolicyWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hearth_policy_window_finalize;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hearth_policy_window_init (HearthPolicyWindow *self)
{
}

/**
 * hearth_policy_window_new:
 * @circle: the circle whose policy is shown
 *
 * Returns: (transfer full): the grid, editable when @actor owns the circle
 */
HearthPolicyWindow *
hearth_policy_window_new (GtkWindow     *parent,
                          HearthAuth    *auth,
                          HearthCircles *circles,
                          HearthActor   *actor,
                          HearthCircle  *circle)
{
  HearthPolicyWindow *self;

  g_return_val_if_fail (HEARTH_IS_CIRCLES (circles), NULL);
  g_return_val_if_fail (HEARTH_IS_CIRCLE (circle), NULL);

  self = g_object_new (HEARTH_TYPE_POLICY_WINDOW, "transient-for", parent, "modal", TRUE, NULL);
  self->auth = g_object_ref (auth);
  self->circles = g_object_ref (circles);
  self->actor = g_object_ref (actor);
  self->circle = g_object_ref (circle);
  build (self);
  return self;
}
