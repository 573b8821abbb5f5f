/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-lifelog-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-dialogs.h"
#include "hearth-format.h"
#include "hearth-lifelog-page.h"
#include "hearth-lifelog-row.h"

/*
 * The Life Log page of the current circle: a box to write in, with "Seal as a
 * time capsule until…" and a calendar, then the timeline, newest first, in a
 * GtkListView over the service's model, a day header above the first entry
 * of each day. A sealed capsule is a locked card that says from whom and when
 * it opens; an opened one says so above its words. Each entry has a menu with
 * what the role may do to it: Edit, Delete, or, for its author, Withdraw a
 * sealed capsule.
 */

struct _HearthLifelogPage
{
  AdwBin             parent_instance;

  HearthLifelog     *lifelog;
  HearthSession     *session;
  GSignalGroup      *store_signals;  /* while someone is signed in */
  HearthActor       *actor;          /* the session's, as last shown */
  gint64             circle_id;
  HearthQueryModel  *timeline;
  guint              rebuild_id;
  GDateTime         *seal_until;  /* the day chosen, local midnight */

  AdwToastOverlay   *toasts;
  GtkWidget         *compose;
  GtkTextView       *text;
  GtkWidget         *placeholder;
  GtkCheckButton    *seal_check;
  GtkMenuButton     *date_button;
  GtkCalendar       *calendar;
  GtkWidget         *post_button;
  GtkStack          *stack;
  GtkListView       *list;
  AdwStatusPage     *empty;
};

G_DEFINE_FINAL_TYPE (HearthLifelogPage, hearth_lifelog_page, ADW_TYPE_BIN)

static void
toast (HearthLifelogPage *self,
       const char        *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

/* Writing -------------------------------------------------------------------------------- */

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
update_compose (HearthLifelogPage *self)
{
  g_autofree char *text = text_of (self->text);
  gboolean sealing = gtk_check_button_get_active (self->seal_check);
  g_autofree char *label = NULL;

  g_strstrip (text);
  gtk_widget_set_sensitive (self->post_button, *text != '\0');
  if (self->placeholder != NULL)
    gtk_widget_set_visible (self->placeholder,
                            gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (self->text)) == 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->date_button), sealing);
  label = hearth_format_date (self->seal_until);
  gtk_menu_button_set_label (self->date_button, label);
  gtk_button_set_label (GTK_BUTTON (self->post_button), sealing ? _("_Seal") : _("_Post"));
}

static void
day_selected_cb (HearthLifelogPage *self)
{
  g_autoptr (GDateTime) chosen = gtk_calendar_get_date (self->calendar);

  g_clear_pointer (&self->seal_until, g_date_time_unref);
  self->seal_until = g_date_time_new_local (g_date_time_get_year (chosen), g_date_time_get_month (chosen),
                                            g_date_time_get_day_of_month (chosen), 0, 0, 0);
  gtk_check_button_set_active (self->seal_check, TRUE);
  update_compose (self);
  gtk_menu_button_popdown (self->date_button);
}

/**
 * hearth_lifelog_page_post:
 *
 * What the Post (or Seal) button does: writes the entry, sealed until the
 * chosen day's start when the box is ticked.
 */
void
hearth_lifelog_page_post (HearthLifelogPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthLifelogEntry) entry = NULL;
  g_autofree char *text = text_of (self->text);
  gboolean sealing = gtk_check_button_get_active (self->seal_check);

  g_return_if_fail (HEARTH_IS_LIFELOG_PAGE (self));

  entry = hearth_lifelog_write (self->lifelog, self->actor, self->circle_id, text,
                                sealing ? g_date_time_to_unix (self->seal_until) * G_USEC_PER_SEC : 0, &error);
  if (entry == NULL)
    {
      toast (self, error->message);
      return;
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text), "", -1);
  gtk_check_button_set_active (self->seal_check, FALSE);
  if (sealing)
    {
      g_autofree char *day = hearth_format_date (self->seal_until);
      /* Translators: after sealing: "Sealed until 11/27/44" */
      g_autofree char *said = g_strdup_printf (_("Sealed until %s"), day);

      toast (self, said);
    }
}

/**
 * hearth_lifelog_page_set_seal_date:
 *
 * Ticks "Seal as a time capsule until…" for the day of @date, as a person
 * choosing it in the calendar does.
 */
void
hearth_lifelog_page_set_seal_date (HearthLifelogPage *self,
                                   GDateTime         *date)
{
  g_return_if_fail (HEARTH_IS_LIFELOG_PAGE (self));

  gtk_calendar_select_day (self->calendar, date);
  day_selected_cb (self);
}

/* The entries' menus --------------------------------------------------------------------- */

typedef struct
{
  HearthLifelogPage *self;
  gint64             id;
  GtkTextView       *text;
} EntryAction;

static void
entry_action_free (gpointer data)
{
  EntryAction *action = data;

  g_object_unref (action->self);
  g_free (action);
}

static EntryAction *
entry_action_new (HearthLifelogPage *self,
                  gint64             id)
{
  EntryAction *action = g_new0 (EntryAction, 1);

  action->self = g_object_ref (self);
  action->id = id;
  return action;
}

static void
edit_response_cb (HearthDialog *dialog,
                  const char       *response,
                  EntryAction      *action)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  if (!g_str_equal (response, "save"))
    return;
  text = text_of (action->text);
  if (!hearth_lifelog_edit (action->self->lifelog, action->self->actor, action->id, text, &error))
    toast (action->self, error->message);
}

static void
confirm_response_cb (HearthDialog *dialog,
                     const char       *response,
                     EntryAction      *action)
{
  g_autoptr (GError) error = NULL;
  gboolean done = TRUE;

  if (g_str_equal (response, "delete"))
    done = hearth_lifelog_delete (action->self->lifelog, action->self->actor, action->id, &error);
  else if (g_str_equal (response, "withdraw"))
    done = hearth_lifelog_withdraw (action->self->lifelog, action->self->actor, action->id, &error);
  if (!done)
    toast (action->self, error->message);
}

static void
entry_menu_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HearthLifelogPage *self = HEARTH_LIFELOG_PAGE (widget);
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthLifelogEntry) entry = NULL;
  const char *what;
  gint64 id;
  HearthDialog *dialog;
  EntryAction *action;

  g_variant_get (parameter, "(&sx)", &what, &id);
  entry = hearth_lifelog_get (self->lifelog, self->actor, id, &error);
  if (entry == NULL)
    {
      toast (self, error->message);
      return;
    }
  action = entry_action_new (self, id);

  if (g_str_equal (what, "edit"))
    {
      GtkWidget *text = gtk_text_view_new ();
      GtkWidget *scrolled = gtk_scrolled_window_new ();

      dialog = hearth_dialog_new_question (parent, _("Edit Entry"), NULL, "save", _("_Save"), ADW_RESPONSE_SUGGESTED);
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text), GTK_WRAP_WORD_CHAR);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)),
                                hearth_lifelog_entry_get_content (entry), -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Entry"), -1);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), text);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
      gtk_widget_add_css_class (scrolled, "card");
      hearth_dialog_set_extra_child (dialog, scrolled);
      action->text = GTK_TEXT_VIEW (text);
      g_signal_connect_data (dialog, "response", G_CALLBACK (edit_response_cb), action,
                             (GClosureNotify) (void (*) (void)) entry_action_free, 0);
    }
  else
    {
      gboolean withdraw = g_str_equal (what, "withdraw");

      dialog = hearth_dialog_new_question (parent, withdraw ? _("Withdraw the Time Capsule?")
                                           : _("Delete this Entry?"),
                                           withdraw ? _("It will never open, and nobody will read it.")
                                           : _("It leaves the life log for everyone."),
                                           what, withdraw ? _("_Withdraw") : _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
      g_signal_connect_data (dialog, "response", G_CALLBACK (confirm_response_cb), action,
                             (GClosureNotify) (void (*) (void)) entry_action_free, 0);
    }
  hearth_dialog_present (dialog);
}

/* The timeline --------------------------------------------------------------------------- */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              HearthLifelogPage        *self)
{
  gtk_list_item_set_child (item, hearth_lifelog_row_new ());
  gtk_list_item_set_activatable (item, FALSE);
}

static void
add_menu_item (GMenu      *menu,
               const char *label,
               const char *what,
               gint64      id)
{
  g_autoptr (GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target (item, "lifelog.entry", "(sx)", what, id);
  g_menu_append_item (menu, item);
}

/* What the actor's role may do to @entry. */
static GMenu *
menu_for (HearthLifelogPage  *self,
          HearthLifelogEntry *entry)
{
  GMenu *menu = g_menu_new ();
  gint64 id = hearth_lifelog_entry_get_id (entry);
  gboolean mine = hearth_lifelog_entry_get_author_id (entry) == hearth_actor_get_user_id (self->actor);

  if (hearth_lifelog_entry_get_sealed (entry))
    {
      if (mine && hearth_lifelog_can (self->lifelog, self->actor, self->circle_id, "capsule", "update"))
        add_menu_item (menu, _("_Withdraw…"), "withdraw", id);
    }
  else if (!hearth_lifelog_entry_get_is_capsule (entry))
    {
      if (hearth_lifelog_can (self->lifelog, self->actor, self->circle_id, "lifelog", "update"))
        add_menu_item (menu, _("_Edit…"), "edit", id);
      if (hearth_lifelog_can (self->lifelog, self->actor, self->circle_id, "lifelog", mine ? "update" : "delete"))
        add_menu_item (menu, _("_Delete…"), "delete", id);
    }
  return menu;
}

static gboolean
same_day (gint64 a,
          gint64 b)
{
  g_autoptr (GDateTime) day_a = g_date_time_new_from_unix_local (a / G_USEC_PER_SEC);
  g_autoptr (GDateTime) day_b = g_date_time_new_from_unix_local (b / G_USEC_PER_SEC);

  return g_date_time_get_year (day_a) == g_date_time_get_year (day_b) &&
         g_date_time_get_day_of_year (day_a) == g_date_time_get_day_of_year (day_b);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             HearthLifelogPage        *self)
{
  HearthLifelogEntry *entry = gtk_list_item_get_item (item);
  guint position = gtk_list_item_get_position (item);
  g_autoptr (HearthLifelogEntry) previous = position > 0 && self->timeline != NULL
                                            ? g_list_model_get_item (G_LIST_MODEL (self->timeline), position - 1)
                                            : NULL;
  g_autoptr (GMenu) menu = menu_for (self, entry);
  gboolean first_of_day = previous == NULL || !same_day (hearth_lifelog_entry_get_created_at (entry),
                                                          hearth_lifelog_entry_get_created_at (previous));

  hearth_lifelog_row_set_entry (HEARTH_LIFELOG_ROW (gtk_list_item_get_child (item)), entry, first_of_day,
                                G_MENU_MODEL (menu));
}

static void
update_stack (HearthLifelogPage *self)
{
  gboolean any = self->timeline != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->timeline)) > 0;

  gtk_stack_set_visible_child_name (self->stack, any ? "timeline" : "empty");
}

static void
rebuild (HearthLifelogPage *self)
{
  g_autoptr (GError) error = NULL;
  GtkNoSelection *selection;
  gboolean can_write;

  g_clear_object (&self->timeline);
  if (self->actor != NULL && self->lifelog != NULL)
    {
      self->timeline = hearth_lifelog_new_timeline (self->lifelog, self->actor, self->circle_id, &error);
      if (self->timeline == NULL)
        toast (self, error->message);
    }
  if (self->timeline != NULL)
    g_signal_connect_object (self->timeline, "items-changed", G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);
  selection = gtk_no_selection_new (self->timeline != NULL ? g_object_ref (G_LIST_MODEL (self->timeline)) : NULL);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  can_write = self->actor != NULL &&
              (hearth_lifelog_can (self->lifelog, self->actor, self->circle_id, "lifelog", "create") ||
               hearth_lifelog_can (self->lifelog, self->actor, self->circle_id, "capsule", "create"));
  gtk_widget_set_visible (self->compose, can_write);
  /* Invite to write only those who have the box to write in. */
  adw_status_page_set_description (self->empty,
                                   can_write ? _("Write what happened today, or seal a letter as a time capsule "
                                                 "that opens on the day you choose.")
                                             : _("What this circle's members write, and the time capsules that "
                                                 "open, will appear here."));
  update_stack (self);
}

static gboolean
rebuild_cb (gpointer user_data)
{
  HearthLifelogPage *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* A role changed or a circle dissolved changes what may be written: rebuilt
 * once for all the rows one commit changed. The timeline follows its own rows. */
static void
membership_changed_cb (HearthLifelogPage *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_cb, self);
}

/* Set-up ---------------------------------------------------------------------------------- */

static void
post_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  hearth_lifelog_page_post (HEARTH_LIFELOG_PAGE (widget));
}

static void
hearth_lifelog_page_dispose (GObject *object)
{
  HearthLifelogPage *self = HEARTH_LIFELOG_PAGE (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_object (&self->timeline);
  g_clear_object (&self->store_signals);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->actor);
  g_clear_object (&self->lifelog);
  g_clear_pointer (&self->seal_until, g_date_time_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_LIFELOG_PAGE);

  G_OBJECT_CLASS (hearth_lifelog_page_parent_class)->dispose (object);
}

static void
hearth_lifelog_page_class_init (HearthLifelogPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = hearth_lifelog_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/lifelog/hearth-lifelog-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthLifelogPage, compose);
  gtk_widget_class_bind_template_child (widget_class, HearthLifelogPage, text);
  gtk_widget_class_bind_template_child (widget_class, HearthLifelogPage, placeholder);
  gtk_widget_class_bind_template_child (widget_class, HearthLifelogPage, seal_check);
  gtk_widget_class_bind_template_child (widget_class, HearthLifelogPage, date_button);
  gtk_widget_class_bind_template_child (widget_class, HearthLifelogPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, HearthLifelogPage, post_button);
  gtk_widget_class_bind_template_child (widget_class, HearthLifelogPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HearthLifelogPage, list);
  gtk_widget_class_bind_template_child (widget_class, HearthLifelogPage, empty);
  gtk_widget_class_bind_template_callback (widget_class, update_compose);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, hearth_lifelog_page_post);

  gtk_widget_class_install_action (widget_class, "lifelog.entry", "(sx)", entry_menu_cb);
  gtk_widget_class_install_action (widget_class, "lifelog.post", NULL, post_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "lifelog.post", NULL);
}

static void
hearth_lifelog_page_init (HearthLifelogPage *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) next_year = g_date_time_add_years (now, 1);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not bound: see HearthCirclesPage. */
  self->toasts = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list, factory);
  g_object_unref (factory);

  /* A capsule opens a year from today, unless another day is picked. */
  self->seal_until = g_date_time_new_local (g_date_time_get_year (next_year), g_date_time_get_month (next_year),
                                            g_date_time_get_day_of_month (next_year), 0, 0, 0);
  /* Not as a person picking it, which ticks the box. */
  g_signal_handlers_block_by_func (self->calendar, day_selected_cb, self);
  gtk_calendar_select_day (self->calendar, next_year);
  g_signal_handlers_unblock_by_func (self->calendar, day_selected_cb, self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text), "changed", G_CALLBACK (update_compose), self);
  update_compose (self);
}

/* Who is signed in or the current circle changed: show theirs. */
static void
session_changed_cb (HearthLifelogPage *self)
{
  HearthActor *actor = hearth_session_get_actor (self->session);
  gint64 circle_id = hearth_session_get_circle_id (self->session);

  g_set_object (&self->actor, actor);
  self->circle_id = circle_id;
  g_signal_group_set_target (self->store_signals, actor != NULL ? hearth_lifelog_get_store (self->lifelog) : NULL);
  rebuild (self);
}

/**
 * hearth_lifelog_page_set_context:
 * @context: the services, of which the page uses the life log's
 * @session: who is signed in and the current circle, which the page follows
 *
 * Called once, by the window that holds the page.
 */
void
hearth_lifelog_page_set_context (HearthLifelogPage *self,
                                 HearthContext     *context,
                                 HearthSession     *session)
{
  g_return_if_fail (HEARTH_IS_LIFELOG_PAGE (self));
  g_return_if_fail (HEARTH_IS_CONTEXT (context));
  g_return_if_fail (HEARTH_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->lifelog = g_object_ref (hearth_context_get_lifelog (context));
  self->session = g_object_ref (session);
  self->store_signals = g_signal_group_new (HEARTH_TYPE_STORE);
  g_signal_group_connect_swapped (self->store_signals, "changed::circles", G_CALLBACK (membership_changed_cb), self);
  g_signal_group_connect_swapped (self->store_signals, "changed::circle_members", G_CALLBACK (membership_changed_cb),
                                  self);
  g_signal_connect_swapped (session, "changed", G_CALLBACK (session_changed_cb), self);
  session_changed_cb (self);
}

/**
 * hearth_lifelog_page_get_timeline:
 *
 * Returns: (transfer none) (nullable): the list shown
 */
GListModel *
hearth_lifelog_page_get_timeline (HearthLifelogPage *self)
{
  g_return_val_if_fail (HEARTH_IS_LIFELOG_PAGE (self), NULL);
  return self->timeline != NULL ? G_LIST_MODEL (self->timeline) : NULL;
}

static gboolean
scroll_to_cb (GtkWidget     *list,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  if (gtk_widget_get_height (list) == 0)
    return G_SOURCE_CONTINUE;
  gtk_widget_activate_action (list, "list.scroll-to-item", "u", GPOINTER_TO_UINT (user_data) - 1);
  return G_SOURCE_REMOVE;
}

/**
 * hearth_lifelog_page_show_entry:
 * @entry_id: an entry of the timeline (a capsule that opened, from its
 *   notification)
 *
 * Scrolls the timeline to the entry and gives it the focus.
 *
 * Returns: whether the entry is in the timeline
 */
gboolean
hearth_lifelog_page_show_entry (HearthLifelogPage *self,
                                gint64             entry_id)
{
  guint n;

  g_return_val_if_fail (HEARTH_IS_LIFELOG_PAGE (self), FALSE);

  if (self->timeline == NULL)
    return FALSE;
  /* Newest first: an opened capsule is usually far down, read page by page. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->timeline));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (HearthLifelogEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->timeline), i);

      if (entry != NULL && hearth_lifelog_entry_get_id (entry) == entry_id)
        {
          /* On the next frame: a list shown just now has no size yet, and
           * GTK 4.8 scrolls only an allocated one. */
          gtk_widget_add_tick_callback (GTK_WIDGET (self->list), scroll_to_cb, GUINT_TO_POINTER (i + 1), NULL);
          return TRUE;
        }
    }
  return FALSE;
}
