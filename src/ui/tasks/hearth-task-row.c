/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-tasks-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hearth-task-row.h"

/*
 * One task of the Tasks page: its section's heading above it when it is the
 * first of its section, then a card with a check button that completes it
 * (`tasks.toggle`), its title, when it is due and how it repeats in words,
 * the avatars of whom it is given to, and Edit (`tasks.edit`). The page says
 * what the words are and whether the role may change the task; a role that
 * may not sees no check button to press and no Edit.
 */

struct _HearthTaskRow
{
  GtkBox          parent_instance;

  gint64          task_id;
  GtkLabel       *header;
  GtkCheckButton *done_check;
  GtkLabel       *title;
  GtkLabel       *details;
  GtkBox         *avatars;
  GtkWidget      *edit_button;
};

G_DEFINE_FINAL_TYPE (HearthTaskRow, hearth_task_row, GTK_TYPE_BOX)

/* A person's click: the page completes the task, or makes it to do again. */
static void
done_toggled_cb (HearthTaskRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "tasks.toggle", "(xb)", self->task_id,
                              gtk_check_button_get_active (self->done_check));
}

static void
hearth_task_row_class_init (HearthTaskRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/tasks/hearth-task-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthTaskRow, header);
  gtk_widget_class_bind_template_child (widget_class, HearthTaskRow, done_check);
  gtk_widget_class_bind_template_child (widget_class, HearthTaskRow, title);
  gtk_widget_class_bind_template_child (widget_class, HearthTaskRow, details);
  gtk_widget_class_bind_template_child (widget_class, HearthTaskRow, avatars);
  gtk_widget_class_bind_template_child (widget_class, HearthTaskRow, edit_button);
  gtk_widget_class_bind_template_callback (widget_class, done_toggled_cb);
}

static void
hearth_task_row_init (HearthTaskRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * hearth_task_row_new:
 *
 * Returns: (transfer floating): an empty row, for a list item
 */
GtkWidget *
hearth_task_row_new (void)
{
  return g_object_new (HEARTH_TYPE_TASK_ROW, NULL);
}

/**
 * hearth_task_row_set_task:
 * @header: (nullable): the section's heading, for the first task of a section
 * @details: (nullable): when it is due and how it repeats, in words
 * @assignees: (array zero-terminated=1): the names of whom it is given to
 * @can_update: whether the role may complete and edit it
 *
 * Shows @task.
 */
void
hearth_task_row_set_task (HearthTaskRow      *self,
                          HearthTask         *task,
                          const char         *header,
                          const char         *details,
                          const char * const *assignees,
                          gboolean            can_update)
{
  gboolean done = hearth_task_get_status (task) == HEARTH_TASK_STATUS_DONE;
  g_autofree char *check_name = NULL;
  GtkWidget *child;

  g_return_if_fail (HEARTH_IS_TASK_ROW (self));
  g_return_if_fail (HEARTH_IS_TASK (task));

  self->task_id = hearth_task_get_id (task);
  gtk_widget_set_visible (GTK_WIDGET (self->header), header != NULL);
  gtk_label_set_label (self->header, header != NULL ? header : "");
  gtk_label_set_label (self->title, hearth_task_get_title (task));
  gtk_widget_set_visible (GTK_WIDGET (self->details), details != NULL && *details != '\0');
  gtk_label_set_label (self->details, details != NULL ? details : "");
  if (done)
    gtk_widget_add_css_class (GTK_WIDGET (self->title), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title), "dim-label");

  /* Set as the task is, not as a click: no action. */
  g_signal_handlers_block_by_func (self->done_check, done_toggled_cb, self);
  gtk_check_button_set_active (self->done_check, done);
  g_signal_handlers_unblock_by_func (self->done_check, done_toggled_cb, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->done_check), can_update);
  /* Translators: the check button of a task, for a screen reader: "Done: Take out the bins" */
  check_name = g_strdup_printf (_("Done: %s"), hearth_task_get_title (task));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->done_check), GTK_ACCESSIBLE_PROPERTY_LABEL, check_name, -1);

  gtk_widget_set_visible (self->edit_button, can_update);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "x", self->task_id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->edit_button), "tasks.edit");
  {
    /* Translators: the Edit button of a task, for a screen reader: "Edit Take out the bins" */
    g_autofree char *edit_name = g_strdup_printf (_("Edit %s"), hearth_task_get_title (task));

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_name, -1);
  }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->avatars))) != NULL)
    gtk_box_remove (self->avatars, child);
  for (guint i = 0; assignees != NULL && assignees[i] != NULL; i++)
    {
      GtkWidget *avatar = adw_avatar_new (24, assignees[i], TRUE);

      gtk_widget_set_tooltip_text (avatar, assignees[i]);
      gtk_box_append (self->avatars, avatar);
    }
}
