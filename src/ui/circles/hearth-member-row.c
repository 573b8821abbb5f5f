/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-circles-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-circle-words.h"
#include "hearth-member-row.h"

/*
 * A member of the current circle: avatar, name ("(you)" for the signed-in
 * person), role, whether the profile is locked out, and the menu of changes
 * the actor may make, which the page decides and the row only shows.
 */

struct _HearthMemberRow
{
  AdwActionRow  parent_instance;

  AdwAvatar    *avatar;
  GtkWidget    *menu_button;
};

G_DEFINE_FINAL_TYPE (HearthMemberRow, hearth_member_row, ADW_TYPE_ACTION_ROW)

static void
hearth_member_row_class_init (HearthMemberRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/circles/hearth-member-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthMemberRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, HearthMemberRow, menu_button);
}

static void
hearth_member_row_init (HearthMemberRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * hearth_member_row_new:
 * @member: who is shown
 * @is_actor: whether @member is the one signed in
 * @menu: (nullable): the changes the actor may make to @member
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
hearth_member_row_new (HearthCircleMember *member,
                       gboolean            is_actor,
                       GMenuModel         *menu)
{
  HearthMemberRow *self;
  const char *name;
  const char *role;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (HEARTH_IS_CIRCLE_MEMBER (member), NULL);

  self = g_object_new (HEARTH_TYPE_MEMBER_ROW, NULL);
  name = hearth_circle_member_get_display_name (member);
  role = hearth_role_get_label (hearth_circle_member_get_role (member));
  if (is_actor)
    /* Translators: the signed-in person in a list of members: "Olivia (you)" */
    title = g_strdup_printf (_("%s (you)"), name);
  else
    title = g_strdup (name);
  if (hearth_circle_member_get_locked (member))
    /* Translators: a member whose profile is locked out: "Editor · Locked" */
    subtitle = g_strdup_printf (_("%s · Locked"), role);
  else
    subtitle = g_strdup (role);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  adw_avatar_set_text (self->avatar, name);

  if (menu != NULL)
    {
      /* Translators: the menu button of a member's row: "Change Victor" */
      g_autofree char *label = g_strdup_printf (_("Change %s"), name);

      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), menu);
      gtk_widget_set_tooltip_text (self->menu_button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  gtk_widget_set_visible (self->menu_button, menu != NULL);
  return GTK_WIDGET (self);
}
