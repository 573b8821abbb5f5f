/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-circles-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-circle-words.h"
#include "hearth-circles-page.h"
#include "hearth-dialogs.h"
#include "hearth-list-store.h"
#include "hearth-log-window.h"
#include "hearth-member-row.h"
#include "hearth-policy-window.h"
#include "hearth-profile.h"
#include "hearth-sudo-prompt.h"

/*
 * The Circles page: my circles, then the current circle (the one the header's
 * switcher chose): its members with their roles, its permissions, activity
 * and audit log, leaving and dissolving; unlocking a member who is locked out. What the actor's role may not do is
 * not offered: buttons are hidden, and each member's menu holds only the
 * changes the service would allow. The service checks again all the same.
 * The page follows the store: any change to circles, members or policies,
 * here or elsewhere, rebuilds it.
 */

struct _HearthCirclesPage
{
  AdwBin               parent_instance;

  HearthAuth          *auth;
  HearthCircles       *circles;
  HearthSession       *session;
  GSignalGroup        *store_signals;  /* while someone is signed in */
  HearthActor         *actor;          /* the session's, as last shown */
  HearthCircle        *circle;
  gint64               circle_id;
  guint                rebuild_id;
  GListStore          *circles_model;   /* HearthCircle, the actor's */
  GListStore          *members_model;   /* HearthCircleMember, the current circle's */

  AdwToastOverlay     *toasts;
  GtkListBox          *circles_list;
  AdwPreferencesGroup *members_group;
  GtkListBox          *members_list;
  GtkWidget           *rename_button;
  GtkWidget           *add_member_button;
  GtkWidget           *audit_row;
  GtkWidget           *danger_group;
  GtkWidget           *leave_row;
  GtkWidget           *dissolve_row;
};

G_DEFINE_FINAL_TYPE (HearthCirclesPage, hearth_circles_page, ADW_TYPE_BIN)

static void
toast (HearthCirclesPage *self,
       const char        *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

static GtkWindow *
window_of (HearthCirclesPage *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static gboolean
can (HearthCirclesPage *self,
     const char        *resource,
     const char        *action)
{
  return hearth_circles_can (self->circles, self->actor, self->circle_id, resource, action);
}

/* Building ----------------------------------------------------------------------------- */

static GtkWidget *
create_circle_row (gpointer item,
                   gpointer user_data)
{
  HearthCirclesPage *self = user_data;
  HearthCircle *circle = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");
  g_autofree char *subtitle = NULL;

  if (hearth_circle_get_personal (circle))
    subtitle = g_strdup (_("Only you"));
  else if (hearth_circle_get_dissolved (circle))
    /* Translators: a dissolved circle in the list: "Dissolved · you were Editor" */
    subtitle = g_strdup_printf (_("Dissolved · you were %s"), hearth_role_get_label (hearth_circle_get_role (circle)));
  else
    /* Translators: "You are Owner · 4 members" */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "You are %s · %u member", "You are %s · %u members",
                                             hearth_circle_get_member_count (circle)),
                                hearth_role_get_label (hearth_circle_get_role (circle)),
                                hearth_circle_get_member_count (circle));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hearth_circle_get_display_name (circle));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_visible (check, hearth_circle_get_id (circle) == self->circle_id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Current"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.select-circle");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", hearth_circle_get_id (circle));
  return row;
}

static void
build_circles (HearthCirclesPage *self)
{
  g_autoptr (GPtrArray) circles = NULL;
  g_autoptr (GError) error = NULL;

  circles = hearth_circles_list (self->circles, self->actor, &error);
  if (circles == NULL)
    toast (self, error->message);
  hearth_list_store_replace_all (self->circles_model, circles);
}

static void
add_role_item (GMenu              *menu,
               HearthCircleMember *member,
               HearthRole          role)
{
  /* Translators: in a member's menu: "Make Editor" */
  g_autofree char *label = g_strdup_printf (_("Make %s"), hearth_role_get_label (role));
  g_autoptr (GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target (item, "circles.change-role", "(xi)",
                                     hearth_circle_member_get_user_id (member), (int) role);
  g_menu_append_item (menu, item);
}

/* The changes the actor may make to @member, as the service would judge them:
 * the policy, and only below the actor's own rank; %NULL when there are none. */
static GMenu *
member_menu (HearthCirclesPage  *self,
             HearthCircleMember *member,
             HearthRole          own_role)
{
  guint n_items;
  GMenu *menu = g_menu_new ();
  GMenu *roles = g_menu_new ();
  GMenu *others = g_menu_new ();
  HearthRole role = hearth_circle_member_get_role (member);
  gint64 user_id = hearth_circle_member_get_user_id (member);

  if (user_id != hearth_actor_get_user_id (self->actor) && role < own_role)
    {
      if (can (self, "member", "change_role"))
        {
          for (HearthRole given = HEARTH_ROLE_ADMIN; given >= HEARTH_ROLE_VISITOR; given--)
            {
              if (given != role && given < own_role)
                add_role_item (roles, member, given);
            }
        }
      if (hearth_circle_member_get_locked (member) && can (self, "member", "unlock_profile"))
        {
          g_autoptr (GMenuItem) item = g_menu_item_new (_("_Unlock Profile…"), NULL);

          g_menu_item_set_action_and_target (item, "circles.unlock", "x", user_id);
          g_menu_append_item (others, item);
        }
      if (can (self, "member", "remove"))
        {
          g_autoptr (GMenuItem) item = g_menu_item_new (_("_Remove from Circle"), NULL);

          g_menu_item_set_action_and_target (item, "circles.remove", "x", user_id);
          g_menu_append_item (others, item);
        }
    }
  if (user_id != hearth_actor_get_user_id (self->actor) && can (self, "circle", "transfer_ownership"))
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (_("Make _Owner…"), NULL);

      g_menu_item_set_action_and_target (item, "circles.transfer", "x", user_id);
      g_menu_append_item (others, item);
    }

  n_items = g_menu_model_get_n_items (G_MENU_MODEL (roles)) + g_menu_model_get_n_items (G_MENU_MODEL (others));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (roles));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (others));
  g_object_unref (roles);
  g_object_unref (others);
  if (n_items == 0)
    g_clear_object (&menu);
  return menu;
}

static GtkWidget *
create_member_row (gpointer item,
                   gpointer user_data)
{
  HearthCirclesPage *self = user_data;
  HearthCircleMember *member = item;
  g_autoptr (GMenu) menu = member_menu (self, member, hearth_circle_get_role (self->circle));
  gboolean is_actor = hearth_circle_member_get_user_id (member) == hearth_actor_get_user_id (self->actor);

  return hearth_member_row_new (member, is_actor, menu != NULL ? G_MENU_MODEL (menu) : NULL);
}

static void
build_members (HearthCirclesPage *self)
{
  g_autoptr (GPtrArray) members = NULL;
  g_autoptr (GError) error = NULL;

  members = hearth_circles_list_members (self->circles, self->actor, self->circle_id, &error);
  if (members == NULL)
    toast (self, error->message);
  hearth_list_store_replace_all (self->members_model, members);
}

static void
rebuild (HearthCirclesPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *description = NULL;
  gboolean personal, dissolved, owner;

  g_clear_object (&self->circle);
  if (self->actor == NULL)
    return;

  build_circles (self);
  self->circle = hearth_circles_get (self->circles, self->actor, self->circle_id, &error);
  gtk_widget_set_visible (GTK_WIDGET (self->members_group), self->circle != NULL);
  gtk_widget_set_visible (gtk_widget_get_parent (self->audit_row), self->circle != NULL);
  gtk_widget_set_visible (self->danger_group, self->circle != NULL);
  if (self->circle == NULL)
    return;

  personal = hearth_circle_get_personal (self->circle);
  dissolved = hearth_circle_get_dissolved (self->circle);
  owner = hearth_circle_get_role (self->circle) == HEARTH_ROLE_OWNER;
  adw_preferences_group_set_title (self->members_group, hearth_circle_get_display_name (self->circle));
  if (personal)
    description = g_strdup (_("Your personal circle: what you keep here is yours alone."));
  else if (dissolved)
    description = g_strdup (_("This circle has been dissolved. What it holds can be read, not changed."));
  else
    /* Translators: under a circle's name: "Members · you are Admin" */
    description = g_strdup_printf (_("Members · you are %s"),
                                   hearth_role_get_label (hearth_circle_get_role (self->circle)));
  adw_preferences_group_set_description (self->members_group, description);

  gtk_widget_set_visible (self->rename_button, !personal && can (self, "circle", "update"));
  gtk_widget_set_visible (self->add_member_button, !personal && can (self, "member", "add"));
  gtk_widget_set_visible (self->audit_row, can (self, "audit", "read"));
  gtk_widget_set_visible (self->leave_row, !personal && !dissolved && !owner);
  gtk_widget_set_visible (self->dissolve_row, !personal && can (self, "circle", "dissolve"));
  gtk_widget_set_visible (self->danger_group, gtk_widget_get_visible (self->leave_row) ||
                                              gtk_widget_get_visible (self->dissolve_row));
  build_members (self);
}

static gboolean
rebuild_cb (gpointer user_data)
{
  HearthCirclesPage *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Several tables change in one commit: one rebuild for all of them. */
static void
store_changed_cb (HearthCirclesPage *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_cb, self);
}

/* Actions ------------------------------------------------------------------------------ */

static HearthDialog *
name_dialog (HearthCirclesPage *self,
             const char        *heading,
             const char        *confirm,
             const char        *text,
             GtkEditable      **out_entry)
{
  HearthDialog *dialog = hearth_dialog_new_question (window_of (self), heading, NULL,
                                                         "confirm", confirm, ADW_RESPONSE_SUGGESTED);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (row), HEARTH_CIRCLE_NAME_MAX_CHARS);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  hearth_dialog_set_extra_child (dialog, list);
  *out_entry = GTK_EDITABLE (row);
  return dialog;
}

static void
name_changed_cb (GtkEditable      *entry,
                 HearthDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  hearth_dialog_set_response_enabled (dialog, "confirm", name[0] != '\0');
}

static void
new_circle_response_cb (HearthDialog      *dialog,
                        const char        *response,
                        HearthCirclesPage *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autoptr (HearthCircle) circle = NULL;
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "confirm"))
    return;

  circle = hearth_circles_create (self->circles, self->actor, gtk_editable_get_text (entry), &error);
  if (circle == NULL)
    {
      toast (self, error->message);
      return;
    }
  gtk_widget_activate_action (GTK_WIDGET (self), "win.select-circle", "x", hearth_circle_get_id (circle));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  HearthCirclesPage *self = HEARTH_CIRCLES_PAGE (widget);
  GtkEditable *entry;
  HearthDialog *dialog = name_dialog (self, _("New Circle"), _("C_reate"), "", &entry);

  hearth_dialog_set_body (dialog, _("You will own it, and can add members once it exists."));
  hearth_dialog_set_response_enabled (dialog, "confirm", FALSE);
  g_signal_connect (entry, "changed", G_CALLBACK (name_changed_cb), dialog);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_circle_response_cb), self, 0);
  hearth_dialog_present (dialog);
}

static void
rename_response_cb (HearthDialog      *dialog,
                    const char        *response,
                    HearthCirclesPage *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autoptr (GError) error = NULL;

  if (g_str_equal (response, "confirm") &&
      !hearth_circles_rename (self->circles, self->actor, self->circle_id, gtk_editable_get_text (entry), &error))
    toast (self, error->message);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HearthCirclesPage *self = HEARTH_CIRCLES_PAGE (widget);
  GtkEditable *entry;
  HearthDialog *dialog;

  if (self->circle == NULL)
    return;
  dialog = name_dialog (self, _("Rename Circle"), _("_Rename"), hearth_circle_get_name (self->circle), &entry);
  g_signal_connect (entry, "changed", G_CALLBACK (name_changed_cb), dialog);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  hearth_dialog_present (dialog);
}

static void
add_member_response_cb (HearthDialog      *dialog,
                        const char        *response,
                        HearthCirclesPage *self)
{
  GPtrArray *candidates = g_object_get_data (G_OBJECT (dialog), "candidates");
  AdwComboRow *profile_row = g_object_get_data (G_OBJECT (dialog), "profile-row");
  AdwComboRow *role_row = g_object_get_data (G_OBJECT (dialog), "role-row");
  HearthProfile *profile;
  HearthRole role;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "add"))
    return;

  profile = g_ptr_array_index (candidates, adw_combo_row_get_selected (profile_row));
  /* The roles are listed from the highest one offered down to VISITOR. */
  role = (HearthRole) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "top-role")) -
         (HearthRole) adw_combo_row_get_selected (role_row);
  if (!hearth_circles_add_member (self->circles, self->actor, self->circle_id, hearth_profile_get_id (profile), role,
                                  &error))
    {
      toast (self, error->message);
      return;
    }
  /* Translators: "Victor was added as Visitor" */
  message = g_strdup_printf (_("%s was added as %s"), hearth_profile_get_display_name (profile),
                             hearth_role_get_label (role));
  toast (self, message);
}

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HearthCirclesPage *self = HEARTH_CIRCLES_PAGE (widget);
  g_autoptr (GPtrArray) candidates = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GtkStringList) names = NULL;
  g_autoptr (GtkStringList) roles = NULL;
  HearthDialog *dialog;
  GtkWidget *list;
  GtkWidget *profile_row;
  GtkWidget *role_row;
  HearthRole top_role;

  if (self->circle == NULL)
    return;
  candidates = hearth_circles_list_candidates (self->circles, self->actor, self->circle_id, &error);
  if (candidates == NULL)
    {
      toast (self, error->message);
      return;
    }

  if (candidates->len == 0)
    {
      dialog = hearth_dialog_new_notice (window_of (self), _("Everyone Is Here"),
                                         _("Every profile on this computer is in this circle already. To add "
                                           "someone new, first add their profile from the profile picker "
                                           "(Switch Profile)."),
                                         "close", NULL);
      hearth_dialog_present (dialog);
      return;
    }

  names = gtk_string_list_new (NULL);
  for (guint i = 0; i < candidates->len; i++)
    gtk_string_list_append (names, hearth_profile_get_display_name (g_ptr_array_index (candidates, i)));
  /* Roles below the actor's own: an owner gives up to ADMIN. */
  top_role = MIN (hearth_circle_get_role (self->circle) - 1, HEARTH_ROLE_ADMIN);
  roles = gtk_string_list_new (NULL);
  for (HearthRole role = top_role; role >= HEARTH_ROLE_VISITOR; role--)
    gtk_string_list_append (roles, hearth_role_get_label (role));

  dialog = hearth_dialog_new_question (window_of (self), _("Add a Member"),
                                       _("Visitors see what the circle holds; editors add and "
                                         "change things; admins also manage members."),
                                       "add", _("_Add"), ADW_RESPONSE_SUGGESTED);
  list = gtk_list_box_new ();
  profile_row = adw_combo_row_new ();
  role_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (profile_row), _("Profile"));
  adw_combo_row_set_model (ADW_COMBO_ROW (profile_row), G_LIST_MODEL (names));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (role_row), _("Role"));
  adw_combo_row_set_model (ADW_COMBO_ROW (role_row), G_LIST_MODEL (roles));
  /* The least role first: give more only on purpose. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (role_row), top_role - HEARTH_ROLE_VISITOR);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), profile_row);
  gtk_list_box_append (GTK_LIST_BOX (list), role_row);
  hearth_dialog_set_extra_child (dialog, list);

  g_object_set_data_full (G_OBJECT (dialog), "candidates", g_steal_pointer (&candidates),
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (dialog), "profile-row", profile_row);
  g_object_set_data (G_OBJECT (dialog), "role-row", role_row);
  g_object_set_data (G_OBJECT (dialog), "top-role", GINT_TO_POINTER (top_role));
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_member_response_cb), self, 0);
  hearth_dialog_present (dialog);
}

/* Protected actions go through the sudo prompt with one of these. */
typedef struct
{
  HearthCirclesPage *self;
  gint64             user_id;
  HearthRole         role;
  char              *name;
} Change;

static void
change_free (gpointer data)
{
  Change *change = data;

  g_object_unref (change->self);
  g_free (change->name);
  g_free (change);
}

static Change *
change_new (HearthCirclesPage *self,
            gint64             user_id,
            HearthRole         role)
{
  Change *change = g_new0 (Change, 1);
  g_autoptr (GPtrArray) members = hearth_circles_list_members (self->circles, self->actor, self->circle_id, NULL);

  change->self = g_object_ref (self);
  change->user_id = user_id;
  change->role = role;
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      HearthCircleMember *member = g_ptr_array_index (members, i);

      if (hearth_circle_member_get_user_id (member) == user_id)
        change->name = g_strdup (hearth_circle_member_get_display_name (member));
    }
  if (change->name == NULL)
    change->name = g_strdup ("");
  return change;
}

static void
change_done_cb (gpointer      user_data,
                const GError *error)
{
  Change *change = user_data;

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (change->self, error->message);
}

static gboolean
change_role (gpointer   user_data,
             GError   **error)
{
  Change *change = user_data;
  g_autofree char *message = NULL;

  if (!hearth_circles_change_role (change->self->circles, change->self->actor, change->self->circle_id,
                                   change->user_id, change->role, error))
    return FALSE;
  /* Translators: "Tina is now Editor" */
  message = g_strdup_printf (_("%s is now %s"), change->name, hearth_role_get_label (change->role));
  toast (change->self, message);
  return TRUE;
}

static void
change_role_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HearthCirclesPage *self = HEARTH_CIRCLES_PAGE (widget);
  gint64 user_id;
  int role;

  g_variant_get (parameter, "(xi)", &user_id, &role);
  hearth_sudo_prompt_run (window_of (self), self->auth, self->actor, _("Change a Member’s Role?"),
                          change_role, change_done_cb, change_new (self, user_id, role), change_free);
}

/* A destructive change: asked first, then run through the sudo prompt. */
typedef struct
{
  Change           *change;
  const char       *sudo_heading;
  HearthSudoAction  action;
} Confirm;

static void
confirm_response_cb (HearthDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  g_autofree Confirm *confirm = user_data;
  Change *change = confirm->change;

  if (!g_str_equal (response, "confirm"))
    {
      change_free (change);
      return;
    }
  hearth_sudo_prompt_run (window_of (change->self), change->self->auth, change->self->actor,
                          confirm->sudo_heading, confirm->action, change_done_cb, change, change_free);
}

static void
confirm_protected (Change           *change,
                   const char       *heading,
                   const char       *body,
                   const char       *confirm_label,
                   const char       *sudo_heading,
                   HearthSudoAction  action)
{
  HearthDialog *dialog = hearth_dialog_new_question (window_of (change->self), heading, body,
                                                         "confirm", confirm_label, ADW_RESPONSE_DESTRUCTIVE);
  Confirm *confirm = g_new0 (Confirm, 1);

  confirm->change = change;
  confirm->sudo_heading = sudo_heading;
  confirm->action = action;
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), confirm);
  hearth_dialog_present (dialog);
}

static gboolean
transfer (gpointer   user_data,
          GError   **error)
{
  Change *change = user_data;

  return hearth_circles_transfer_ownership (change->self->circles, change->self->actor, change->self->circle_id,
                                            change->user_id, error);
}

static void
transfer_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HearthCirclesPage *self = HEARTH_CIRCLES_PAGE (widget);
  Change *change = change_new (self, g_variant_get_int64 (parameter), HEARTH_ROLE_OWNER);
  g_autofree char *heading = g_strdup_printf (_("Make %s the Owner?"), change->name);

  confirm_protected (change, heading,
                     _("A circle has one owner. You will stay as an admin, and only the new owner can hand it "
                       "back."),
                     _("Make _Owner"), _("Hand On Ownership?"), transfer);
}

static gboolean
unlock (gpointer   user_data,
        GError   **error)
{
  Change *change = user_data;
  g_autofree char *message = NULL;

  if (!hearth_circles_unlock_member (change->self->circles, change->self->actor, change->self->circle_id,
                                     change->user_id, error))
    return FALSE;
  /* Translators: "Tina can sign in again" */
  message = g_strdup_printf (_("%s can sign in again"), change->name);
  toast (change->self, message);
  return TRUE;
}

static void
unlock_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HearthCirclesPage *self = HEARTH_CIRCLES_PAGE (widget);

  hearth_sudo_prompt_run (window_of (self), self->auth, self->actor, _("Unlock a Profile?"),
                          unlock, change_done_cb, change_new (self, g_variant_get_int64 (parameter), 0), change_free);
}

static void
undo_remove_cb (AdwToast *toast_widget,
                Change   *change)
{
  g_autoptr (GError) error = NULL;

  if (!hearth_circles_add_member (change->self->circles, change->self->actor, change->self->circle_id,
                                  change->user_id, change->role, &error))
    toast (change->self, error->message);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HearthCirclesPage *self = HEARTH_CIRCLES_PAGE (widget);
  gint64 user_id = g_variant_get_int64 (parameter);
  g_autoptr (GPtrArray) members = hearth_circles_list_members (self->circles, self->actor, self->circle_id, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  HearthRole role = HEARTH_ROLE_VISITOR;
  AdwToast *undo;
  Change *change;

  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      if (hearth_circle_member_get_user_id (g_ptr_array_index (members, i)) == user_id)
        role = hearth_circle_member_get_role (g_ptr_array_index (members, i));
    }
  change = change_new (self, user_id, role);
  if (!hearth_circles_remove_member (self->circles, self->actor, self->circle_id, user_id, &error))
    {
      toast (self, error->message);
      change_free (change);
      return;
    }

  /* Reversible: the member comes back with the same role. */
  message = g_strdup_printf (_("%s was removed"), change->name);
  undo = adw_toast_new (message);
  adw_toast_set_button_label (undo, _("_Undo"));
  g_signal_connect_data (undo, "button-clicked", G_CALLBACK (undo_remove_cb), change,
                         (GClosureNotify) (void (*) (void)) change_free, 0);
  adw_toast_overlay_add_toast (self->toasts, undo);
}

static void
leave_response_cb (HearthDialog      *dialog,
                   const char        *response,
                   HearthCirclesPage *self)
{
  g_autoptr (GError) error = NULL;

  if (g_str_equal (response, "leave") &&
      !hearth_circles_leave (self->circles, self->actor, self->circle_id, &error))
    toast (self, error->message);
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HearthCirclesPage *self = HEARTH_CIRCLES_PAGE (widget);
  g_autofree char *heading = NULL;
  HearthDialog *dialog;

  if (self->circle == NULL)
    return;
  heading = g_strdup_printf (_("Leave “%s”?"), hearth_circle_get_name (self->circle));
  dialog = hearth_dialog_new_question (window_of (self), heading,
                                       _("You will no longer see what this circle holds. Its owner "
                                         "or an admin can add you again."),
                                       "leave", _("_Leave"), ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (leave_response_cb), self, 0);
  hearth_dialog_present (dialog);
}

static gboolean
dissolve (gpointer   user_data,
          GError   **error)
{
  Change *change = user_data;

  return hearth_circles_dissolve (change->self->circles, change->self->actor, change->self->circle_id, error);
}

static void
dissolve_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HearthCirclesPage *self = HEARTH_CIRCLES_PAGE (widget);
  g_autofree char *heading = NULL;

  if (self->circle == NULL)
    return;
  heading = g_strdup_printf (_("Dissolve “%s”?"), hearth_circle_get_name (self->circle));
  confirm_protected (change_new (self, 0, 0), heading,
                     _("Nothing in it is deleted, but from now on nobody can add or change anything in it. This "
                       "cannot be undone."),
                     _("_Dissolve"), _("Dissolve the Circle?"), dissolve);
}

static void
permissions_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HearthCirclesPage *self = HEARTH_CIRCLES_PAGE (widget);

  if (self->circle != NULL)
    gtk_window_present (GTK_WINDOW (hearth_policy_window_new (window_of (self), self->auth, self->circles,
                                                              self->actor, self->circle)));
}

static void
activity_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HearthCirclesPage *self = HEARTH_CIRCLES_PAGE (widget);

  if (self->circle != NULL)
    gtk_window_present (GTK_WINDOW (hearth_log_window_new (window_of (self), self->circles, self->actor,
                                                           self->circle, HEARTH_LOG_ACTIVITY)));
}

static void
audit_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HearthCirclesPage *self = HEARTH_CIRCLES_PAGE (widget);

  if (self->circle != NULL)
    gtk_window_present (GTK_WINDOW (hearth_log_window_new (window_of (self), self->circles, self->actor,
                                                           self->circle, HEARTH_LOG_AUDIT)));
}

/* GObject ------------------------------------------------------------------------------ */

static void
hearth_circles_page_dispose (GObject *object)
{
  HearthCirclesPage *self = HEARTH_CIRCLES_PAGE (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_object (&self->store_signals);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_CIRCLES_PAGE);
  g_clear_object (&self->circles_model);
  g_clear_object (&self->members_model);
  g_clear_object (&self->auth);
  g_clear_object (&self->circles);
  g_clear_object (&self->actor);
  g_clear_object (&self->circle);

  G_OBJECT_CLASS (hearth_circles_page_parent_class)->dispose (object);
}

static void
hearth_circles_page_class_init (HearthCirclesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_circles_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/circles/hearth-circles-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthCirclesPage, circles_list);
  gtk_widget_class_bind_template_child (widget_class, HearthCirclesPage, members_group);
  gtk_widget_class_bind_template_child (widget_class, HearthCirclesPage, members_list);
  gtk_widget_class_bind_template_child (widget_class, HearthCirclesPage, rename_button);
  gtk_widget_class_bind_template_child (widget_class, HearthCirclesPage, add_member_button);
  gtk_widget_class_bind_template_child (widget_class, HearthCirclesPage, audit_row);
  gtk_widget_class_bind_template_child (widget_class, HearthCirclesPage, danger_group);
  gtk_widget_class_bind_template_child (widget_class, HearthCirclesPage, leave_row);
  gtk_widget_class_bind_template_child (widget_class, HearthCirclesPage, dissolve_row);

  gtk_widget_class_install_action (widget_class, "circles.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "circles.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "circles.add-member", NULL, add_member_action);
  gtk_widget_class_install_action (widget_class, "circles.change-role", "(xi)", change_role_action);
  gtk_widget_class_install_action (widget_class, "circles.transfer", "x", transfer_action);
  gtk_widget_class_install_action (widget_class, "circles.remove", "x", remove_action);
  gtk_widget_class_install_action (widget_class, "circles.unlock", "x", unlock_action);
  gtk_widget_class_install_action (widget_class, "circles.leave", NULL, leave_action);
  gtk_widget_class_install_action (widget_class, "circles.dissolve", NULL, dissolve_action);
  gtk_widget_class_install_action (widget_class, "circles.permissions", NULL, permissions_action);
  gtk_widget_class_install_action (widget_class, "circles.activity", NULL, activity_action);
  gtk_widget_class_install_action (widget_class, "circles.audit", NULL, audit_action);
}

static void
hearth_circles_page_init (HearthCirclesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not bound: GTK 4.8 would unparent a bound direct child behind AdwBin's
   * back when the template is disposed (docs/DEVELOPING.md). */
  self->toasts = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));

  self->circles_model = g_list_store_new (HEARTH_TYPE_CIRCLE);
  self->members_model = g_list_store_new (HEARTH_TYPE_CIRCLE_MEMBER);
  gtk_list_box_bind_model (self->circles_list, G_LIST_MODEL (self->circles_model), create_circle_row, self, NULL);
  gtk_list_box_bind_model (self->members_list, G_LIST_MODEL (self->members_model), create_member_row, self, NULL);
}

/* Who is signed in or the current circle changed: show theirs. */
static void
session_changed_cb (HearthCirclesPage *self)
{
  HearthActor *actor = hearth_session_get_actor (self->session);
  gint64 circle_id = hearth_session_get_circle_id (self->session);

  g_set_object (&self->actor, actor);
  self->circle_id = circle_id;
  g_signal_group_set_target (self->store_signals, actor != NULL ? hearth_circles_get_store (self->circles) : NULL);
  rebuild (self);
}

/**
 * hearth_circles_page_set_context:
 * @context: the services, of which the page uses auth's and the circles'
 * @session: who is signed in and the current circle, which the page follows
 *
 * Called once, by the window that holds the page.
 */
void
hearth_circles_page_set_context (HearthCirclesPage *self,
                                 HearthContext     *context,
                                 HearthSession     *session)
{
  static const char * const signals[] = {
    "changed::circles", "changed::circle_members", "changed::permission_policies",
    "changed::user_account_security_state",
  };

  g_return_if_fail (HEARTH_IS_CIRCLES_PAGE (self));
  g_return_if_fail (HEARTH_IS_CONTEXT (context));
  g_return_if_fail (HEARTH_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->auth = g_object_ref (hearth_context_get_auth (context));
  self->circles = g_object_ref (hearth_context_get_circles (context));
  self->session = g_object_ref (session);
  self->store_signals = g_signal_group_new (HEARTH_TYPE_STORE);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    g_signal_group_connect_swapped (self->store_signals, signals[i], G_CALLBACK (store_changed_cb), self);
  g_signal_connect_swapped (session, "changed", G_CALLBACK (session_changed_cb), self);
  session_changed_cb (self);
}
