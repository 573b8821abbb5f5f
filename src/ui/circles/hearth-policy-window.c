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
  GArray          *policies;   /* the checks point into it */
  gboolean         reverting;

  AdwToastOverlay *toasts;
  GtkLabel        *intro;
  GtkGrid         *grid;
  GtkLabel        *error_label;
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

static void
fill_grid (HearthPolicyWindow *self,
           gboolean            editable)
{
  const char *last_resource = NULL;
  int row = 0;

  /* The columns: OWNER down to VISITOR, the order list_policies gives. */
  for (HearthRole role = HEARTH_ROLE_OWNER; role >= HEARTH_ROLE_VISITOR; role--)
    {
      GtkWidget *header = grid_label (hearth_role_get_label (role), "heading");

      gtk_widget_set_halign (header, GTK_ALIGN_CENTER);
      gtk_grid_attach (self->grid, header, 1 + HEARTH_ROLE_OWNER - role, row, 1, 1);
    }
  row++;

  for (guint i = 0; i < self->policies->len; i++)
    {
      HearthPolicy *policy = &g_array_index (self->policies, HearthPolicy, i);
      const char *resource = policy->permission->resource;
      const char *action = policy->permission->action;
      GtkWidget *check;
      g_autofree char *name = NULL;

      if (g_strcmp0 (last_resource, resource) != 0)
        {
          GtkWidget *title = grid_label (hearth_permission_get_resource_label (resource), "heading");

          gtk_widget_set_margin_top (title, row > 1 ? 12 : 0);
          gtk_grid_attach (self->grid, title, 0, row++, 5, 1);
          last_resource = resource;
        }
      if (policy->role == HEARTH_ROLE_OWNER)
        gtk_grid_attach (self->grid, grid_label (hearth_permission_get_action_label (resource, action), NULL),
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
      gtk_grid_attach (self->grid, check, 1 + HEARTH_ROLE_OWNER - policy->role, row, 1, 1);
      if (policy->role == HEARTH_ROLE_VISITOR)
        row++;
    }
}

static void
fill (HearthPolicyWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  gboolean editable;

  title = g_strdup_printf (_("Permissions – %s"), hearth_circle_get_display_name (self->circle));
  gtk_window_set_title (GTK_WINDOW (self), title);

  editable = !hearth_circle_get_personal (self->circle) &&
             hearth_circles_can (self->circles, self->actor, hearth_circle_get_id (self->circle), "policy", "update");
  gtk_label_set_label (self->intro,
                       editable
                       ? _("What each role may do in this circle. Changes hold at once, for members who are signed "
                           "in too. The owner may always do everything.")
                       : _("What each role may do in this circle. Only the circle’s owner changes this."));

  self->policies = hearth_circles_list_policies (self->circles, self->actor, hearth_circle_get_id (self->circle),
                                                 &error);
  if (self->policies == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  fill_grid (self, editable);
}

static void
hearth_policy_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HEARTH_TYPE_POLICY_WINDOW);

  G_OBJECT_CLASS (hearth_policy_window_parent_class)->dispose (object);
}

static void
hearth_policy_window_finalize (GObject *object)
{
  HearthPolicyWindow *self = HEARTH_POLICY_WINDOW (object);

  g_clear_object (&self->auth);
  g_clear_object (&self->circles);
  g_clear_object (&self->actor);
  g_clear_object (&self->circle);
  g_clear_pointer (&self->policies, g_array_unref);

  G_OBJECT_CLASS (hearth_policy_window_parent_class)->finalize (object);
}

static void
hearth_policy_window_class_init (HearthPolicyWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = hearth_policy_window_dispose;
  G_OBJECT_CLASS (klass)->finalize = hearth_policy_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/circles/hearth-policy-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthPolicyWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, HearthPolicyWindow, intro);
  gtk_widget_class_bind_template_child (widget_class, HearthPolicyWindow, grid);
  gtk_widget_class_bind_template_child (widget_class, HearthPolicyWindow, error_label);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hearth_policy_window_init (HearthPolicyWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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

  self = g_object_new (HEARTH_TYPE_POLICY_WINDOW, "transient-for", parent, NULL);
  self->auth = g_object_ref (auth);
  self->circles = g_object_ref (circles);
  self->actor = g_object_ref (actor);
  self->circle = g_object_ref (circle);
  fill (self);
  return self;
}
