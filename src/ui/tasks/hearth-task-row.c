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
 * and the avatars of whom it is given to. Activating the row (a click, Enter)
 * edits it: the page's list does that. The page says what the words are and
 * whether the role may change the task; a role that may not sees no check
 * button to press.
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
}

/* Built in code, not from a template: a GTK 4.8 list view makes some two
 * hundred rows at once, and parsing a template for each was most of the
 * Tasks page's first frame (bench/bench-tasks.c). */
static void
hearth_task_row_init (HearthTaskRow *self)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);

  gtk_widget_set_margin_start (card, 2);
  gtk_widget_set_margin_end (card, 2);
  gtk_widget_add_css_class (card, "card");
  gtk_box_append (GTK_BOX (self), card);

  self->done_check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->done_check), GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (GTK_WIDGET (self->done_check), 12);
  g_signal_connect_swapped (self->done_check, "toggled", G_CALLBACK (done_toggled_cb), self);
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->done_check));

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_margin_top (texts, 9);
  gtk_widget_set_margin_bottom (texts, 9);
  gtk_box_append (GTK_BOX (card), texts);
  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title, 0);
  /* One line each, ellipsized: wrapping labels are measured for every width
   * the list tries, two hundred rows at a time (the whole title is the check
   * button's name and the Edit dialog's). */
  gtk_label_set_ellipsize (self->title, PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (self->title));
  self->details = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->details, 0);
  gtk_label_set_ellipsize (self->details, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->details), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->details), "dim-label");
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (self->details));

  self->avatars = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2));
  gtk_widget_set_valign (GTK_WIDGET (self->avatars), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->avatars));
  gtk_widget_set_margin_end (GTK_WIDGET (self->avatars), 12);
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
  /* Made for the first row of a section only, then kept for the rows the
   * list recycles. */
  if (header != NULL && self->header == NULL)
    {
      self->header = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_xalign (self->header, 0);
      gtk_widget_set_margin_top (GTK_WIDGET (self->header), 12);
      gtk_widget_add_css_class (GTK_WIDGET (self->header), "heading");
      gtk_box_prepend (GTK_BOX (self), GTK_WIDGET (self->header));
    }
  if (self->header != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->header), header != NULL);
      gtk_label_set_label (self->header, header != NULL ? header : "");
    }
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


  /* A recycled row keeps its avatars and changes their names: a list view
   * binds rows by the hundred. */
  child = gtk_widget_get_first_child (GTK_WIDGET (self->avatars));
  for (guint i = 0; assignees != NULL && assignees[i] != NULL; i++)
    {
      GtkWidget *avatar = child;

      if (avatar == NULL)
        {
          avatar = adw_avatar_new (24, NULL, TRUE);
          gtk_box_append (self->avatars, avatar);
        }
      else
        child = gtk_widget_get_next_sibling (child);
      adw_avatar_set_text (ADW_AVATAR (avatar), assignees[i]);
      gtk_widget_set_tooltip_text (avatar, assignees[i]);
    }
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      gtk_box_remove (self->avatars, child);
      child = next;
    }
}
