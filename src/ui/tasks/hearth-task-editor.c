/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-tasks-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-circle-member.h"
#include "hearth-format.h"
#include "hearth-money.h"
#include "hearth-task-editor.h"
#include "hearth-validation.h"

/*
 * Everything of a task that is edited, for the Edit dialog: its title and
 * notes; whether it is due, on which day, at what time (empty for the whole
 * day), and how it repeats, in the ways hearth-recurrence.c offers, said for
 * the day chosen ("every Saturday"), or a rule of its own kept as it is; to
 * whom it is given, a box for each member (for a role that assigns); and its
 * reward (for a parent). The page saves what changed through the service,
 * which says what is wrong with it.
 */

struct _HearthTaskEditor
{
  GtkBox          parent_instance;

  GDateTime      *day;           /* the due day chosen, local midnight */
  char           *own_rule;      /* a rule not among those offered, kept */
  GArray         *offered;       /* HearthRepeat, by position in the drop-down */
  GArray         *member_ids;    /* gint64, by position of the check buttons */
  GPtrArray      *member_checks; /* GtkCheckButton */
  char           *currency;

  GtkEntry       *title;
  GtkTextView    *notes;
  GtkCheckButton *due_check;
  GtkMenuButton  *date_button;
  GtkCalendar    *calendar;
  GtkEntry       *time;
  GtkDropDown    *repeat;
  GtkStringList  *repeat_words;
  GtkWidget      *assignees_label;
  GtkFlowBox     *assignees;
  GtkWidget      *reward_box;
  GtkEntry       *reward;
};

G_DEFINE_FINAL_TYPE (HearthTaskEditor, hearth_task_editor, GTK_TYPE_BOX)

/* The repeat drop-down's words follow the day: "every Saturday". */
static void
fill_repeats (HearthTaskEditor *self,
              HearthRepeat      selected)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->repeat_words));
  guint position = 0;

  gtk_string_list_splice (self->repeat_words, 0, n, NULL);
  g_array_set_size (self->offered, 0);
  for (HearthRepeat repeat = HEARTH_REPEAT_NEVER; repeat <= HEARTH_REPEAT_OTHER; repeat++)
    {
      g_autofree char *rule = NULL;
      g_autofree char *words = NULL;

      if (repeat == HEARTH_REPEAT_OTHER && self->own_rule == NULL)
        break;
      rule = repeat == HEARTH_REPEAT_OTHER ? g_strdup (self->own_rule) : hearth_recurrence_rule_for (repeat, self->day);
      words = rule != NULL ? hearth_recurrence_describe (rule, self->day) : g_strdup (_("does not repeat"));
      if (repeat == selected)
        position = self->offered->len;
      gtk_string_list_append (self->repeat_words, words);
      g_array_append_val (self->offered, repeat);
    }
  gtk_drop_down_set_selected (self->repeat, position);
}

static HearthRepeat
selected_repeat (HearthTaskEditor *self)
{
  guint position = gtk_drop_down_get_selected (self->repeat);

  return position < self->offered->len ? g_array_index (self->offered, HearthRepeat, position) : HEARTH_REPEAT_NEVER;
}

static void
update (HearthTaskEditor *self)
{
  gboolean due = gtk_check_button_get_active (self->due_check);
  g_autofree char *label = hearth_format_date (self->day);

  gtk_menu_button_set_label (self->date_button, label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->date_button), due);
  gtk_widget_set_sensitive (GTK_WIDGET (self->time), due);
  gtk_widget_set_sensitive (GTK_WIDGET (self->repeat), due);
}

static void
day_selected_cb (HearthTaskEditor *self)
{
  g_autoptr (GDateTime) chosen = gtk_calendar_get_date (self->calendar);
  HearthRepeat repeat = selected_repeat (self);

  g_clear_pointer (&self->day, g_date_time_unref);
  self->day = g_date_time_new_local (g_date_time_get_year (chosen), g_date_time_get_month (chosen),
                                     g_date_time_get_day_of_month (chosen), 0, 0, 0);
  gtk_check_button_set_active (self->due_check, TRUE);
  fill_repeats (self, repeat);
  update (self);
  gtk_menu_button_popdown (self->date_button);
}

static void
hearth_task_editor_finalize (GObject *object)
{
  HearthTaskEditor *self = HEARTH_TASK_EDITOR (object);

  g_clear_pointer (&self->day, g_date_time_unref);
  g_free (self->own_rule);
  g_free (self->currency);
  g_array_unref (self->offered);
  g_array_unref (self->member_ids);
  g_ptr_array_unref (self->member_checks);

  G_OBJECT_CLASS (hearth_task_editor_parent_class)->finalize (object);
}

static void
hearth_task_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HEARTH_TYPE_TASK_EDITOR);

  G_OBJECT_CLASS (hearth_task_editor_parent_class)->dispose (object);
}

static void
hearth_task_editor_class_init (HearthTaskEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = hearth_task_editor_dispose;
  G_OBJECT_CLASS (klass)->finalize = hearth_task_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/tasks/hearth-task-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthTaskEditor, title);
  gtk_widget_class_bind_template_child (widget_class, HearthTaskEditor, notes);
  gtk_widget_class_bind_template_child (widget_class, HearthTaskEditor, due_check);
  gtk_widget_class_bind_template_child (widget_class, HearthTaskEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, HearthTaskEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, HearthTaskEditor, time);
  gtk_widget_class_bind_template_child (widget_class, HearthTaskEditor, repeat);
  gtk_widget_class_bind_template_child (widget_class, HearthTaskEditor, repeat_words);
  gtk_widget_class_bind_template_child (widget_class, HearthTaskEditor, assignees_label);
  gtk_widget_class_bind_template_child (widget_class, HearthTaskEditor, assignees);
  gtk_widget_class_bind_template_child (widget_class, HearthTaskEditor, reward_box);
  gtk_widget_class_bind_template_child (widget_class, HearthTaskEditor, reward);
  gtk_widget_class_bind_template_callback (widget_class, update);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
}

static void
hearth_task_editor_init (HearthTaskEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->offered = g_array_new (FALSE, FALSE, sizeof (HearthRepeat));
  self->member_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->member_checks = g_ptr_array_new ();
}

/**
 * hearth_task_editor_new:
 * @task: what it edits
 * @members: (element-type HearthCircleMember): the circle's members
 * @can_assign: whether the role gives tasks to members
 * @can_reward: whether the role sets rewards (a parent's)
 * @currency: the currency a reward is typed in
 *
 * Returns: (transfer floating): the editor, filled with @task
 */
GtkWidget *
hearth_task_editor_new (HearthTask *task,
                        GPtrArray  *members,
                        gboolean    can_assign,
                        gboolean    can_reward,
                        const char *currency)
{
  HearthTaskEditor *self;
  g_autoptr (GDateTime) due = NULL;
  HearthRepeat repeat = HEARTH_REPEAT_NEVER;

  g_return_val_if_fail (HEARTH_IS_TASK (task), NULL);
  g_return_val_if_fail (members != NULL, NULL);

  self = g_object_new (HEARTH_TYPE_TASK_EDITOR, NULL);
  self->currency = g_strdup (currency);
  gtk_editable_set_text (GTK_EDITABLE (self->title), hearth_task_get_title (task));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes), hearth_task_get_notes (task), -1);

  due = hearth_task_get_due_at (task) != 0
        ? g_date_time_new_from_unix_local (hearth_task_get_due_at (task) / G_USEC_PER_SEC)
        : g_date_time_new_now_local ();
  self->day = g_date_time_new_local (g_date_time_get_year (due), g_date_time_get_month (due),
                                     g_date_time_get_day_of_month (due), 0, 0, 0);
  if (hearth_task_get_due_at (task) != 0 && !hearth_task_get_due_all_day (task))
    {
      g_autofree char *clock = g_date_time_format (due, "%H:%M");

      gtk_editable_set_text (GTK_EDITABLE (self->time), clock);
    }
  if (hearth_task_get_recurrence (task) != NULL)
    {
      repeat = hearth_recurrence_classify (hearth_task_get_recurrence (task), due);
      if (repeat == HEARTH_REPEAT_OTHER)
        self->own_rule = g_strdup (hearth_task_get_recurrence (task));
    }
  g_signal_handlers_block_by_func (self->calendar, day_selected_cb, self);
  gtk_calendar_select_day (self->calendar, self->day);
  g_signal_handlers_unblock_by_func (self->calendar, day_selected_cb, self);
  gtk_check_button_set_active (self->due_check, hearth_task_get_due_at (task) != 0);
  fill_repeats (self, repeat);

  for (guint i = 0; i < members->len; i++)
    {
      HearthCircleMember *member = g_ptr_array_index (members, i);
      gint64 id = hearth_circle_member_get_user_id (member);
      GtkWidget *check = gtk_check_button_new_with_label (hearth_circle_member_get_display_name (member));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), hearth_task_is_assigned_to (task, id));
      gtk_flow_box_append (self->assignees, check);
      g_array_append_val (self->member_ids, id);
      g_ptr_array_add (self->member_checks, check);
    }
  gtk_widget_set_visible (self->assignees_label, can_assign);
  gtk_widget_set_visible (GTK_WIDGET (self->assignees), can_assign);

  if (hearth_task_get_reward (task) != 0)
    {
      HearthNumberFormat format;
      g_autofree char *amount = NULL;

      hearth_number_format_from_locale (&format);
      amount = hearth_money_format (hearth_task_get_reward (task), currency, &format);
      gtk_editable_set_text (GTK_EDITABLE (self->reward), amount);
    }
  gtk_widget_set_visible (self->reward_box, can_reward);
  update (self);
  return GTK_WIDGET (self);
}

char *
hearth_task_editor_dup_title (HearthTaskEditor *self)
{
  g_return_val_if_fail (HEARTH_IS_TASK_EDITOR (self), NULL);
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title)));
}

char *
hearth_task_editor_dup_notes (HearthTaskEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (HEARTH_IS_TASK_EDITOR (self), NULL);

  buffer = gtk_text_view_get_buffer (self->notes);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * hearth_task_editor_get_due:
 * @out_due_at: (out): the due moment, or the day's local midnight; 0 for none
 * @out_all_day: (out): whether it is due on the day rather than at a time
 * @out_rule: (out) (transfer full) (nullable): how it repeats
 *
 * Returns: %FALSE, with a message that names the time, when the time is not
 *   one of the day's (HH:MM)
 */
gboolean
hearth_task_editor_get_due (HearthTaskEditor  *self,
                            gint64            *out_due_at,
                            gboolean          *out_all_day,
                            char             **out_rule,
                            GError           **error)
{
  const char *time;
  g_autoptr (GDateTime) due = NULL;
  unsigned int hour = 0;
  unsigned int minute = 0;
  char end = '\0';

  g_return_val_if_fail (HEARTH_IS_TASK_EDITOR (self), FALSE);

  *out_due_at = 0;
  *out_all_day = FALSE;
  *out_rule = NULL;
  if (!gtk_check_button_get_active (self->due_check))
    return TRUE;

  time = gtk_editable_get_text (GTK_EDITABLE (self->time));
  if (*time != '\0' && (sscanf (time, "%2u:%2u%c", &hour, &minute, &end) != 2 || hour > 23 || minute > 59))
    {
      g_set_error_literal (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_DATE,
                           _("Enter the due time as hours and minutes, such as 18:30, or leave it empty for the "
                             "whole day."));
      return FALSE;
    }
  due = g_date_time_add_full (self->day, 0, 0, 0, (int) hour, (int) minute, 0);
  *out_due_at = g_date_time_to_unix (due) * G_USEC_PER_SEC;
  *out_all_day = *time == '\0';
  *out_rule = selected_repeat (self) == HEARTH_REPEAT_OTHER
              ? g_strdup (self->own_rule)
              : hearth_recurrence_rule_for (selected_repeat (self), due);
  return TRUE;
}

/**
 * hearth_task_editor_get_assignees:
 *
 * Returns: (transfer full) (element-type gint64): the members ticked
 */
GArray *
hearth_task_editor_get_assignees (HearthTaskEditor *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (HEARTH_IS_TASK_EDITOR (self), ids);

  for (guint i = 0; i < self->member_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->member_checks, i)))
      g_array_append_val (ids, g_array_index (self->member_ids, gint64, i));
  return ids;
}

/**
 * hearth_task_editor_get_reward:
 * @out_reward: (out): in minor units; 0 for none
 *
 * Returns: %FALSE, with the money parser's message, when it is not an amount
 */
gboolean
hearth_task_editor_get_reward (HearthTaskEditor  *self,
                               gint64            *out_reward,
                               GError           **error)
{
  const char *text;
  HearthNumberFormat format;

  g_return_val_if_fail (HEARTH_IS_TASK_EDITOR (self), FALSE);

  *out_reward = 0;
  text = gtk_editable_get_text (GTK_EDITABLE (self->reward));
  if (*text == '\0')
    return TRUE;
  hearth_number_format_from_locale (&format);
  return hearth_money_parse (text, self->currency, &format, out_reward, error);
}

/**
 * hearth_task_editor_set_due:
 * @day: the due day
 * @time: (nullable): "HH:MM", or %NULL for the whole day
 * @repeat: how it repeats
 *
 * Fills in the due time as a person choosing it does.
 */
void
hearth_task_editor_set_due (HearthTaskEditor *self,
                            GDateTime        *day,
                            const char       *time,
                            HearthRepeat      repeat)
{
  g_return_if_fail (HEARTH_IS_TASK_EDITOR (self));

  gtk_calendar_select_day (self->calendar, day);
  day_selected_cb (self);
  gtk_editable_set_text (GTK_EDITABLE (self->time), time != NULL ? time : "");
  fill_repeats (self, repeat);
}
