/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-circles-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-audit.h"
#include "hearth-circle-words.h"
#include "hearth-format.h"
#include "hearth-list-store.h"
#include "hearth-log-window.h"

/*
 * A circle's activity or its audit log, a page at a time in a GtkColumnView:
 * newest first, Older and Newer move by keyset (the service's pages), so a
 * long history costs one page of memory. The audit log can be narrowed to one
 * member and a period.
 */

#define PAGE_SIZE 50

struct _HearthLogWindow
{
  AdwWindow       parent_instance;

  HearthCircles  *circles;
  HearthActor    *actor;
  HearthCircle   *circle;
  HearthLogKind   kind;
  GListStore     *rows;
  GArray         *page_starts;   /* HearthKeyset: where each page seen so far starts */
  GArray         *member_ids;    /* gint64, parallel to the member filter's items after "Everyone" */
  gboolean        has_more;

  AdwToastOverlay     *toasts;
  GtkWidget           *filters;
  GtkDropDown         *member_filter;
  GtkDropDown         *period_filter;
  GtkStack            *content;
  GtkColumnView       *view;
  GtkColumnViewColumn *when_column;
  GtkColumnViewColumn *who_column;
  GtkColumnViewColumn *what_column;
  AdwStatusPage       *empty;
  GtkLabel            *page_label;
  GtkWidget           *newer_button;
  GtkWidget           *older_button;
};

G_DEFINE_FINAL_TYPE (HearthLogWindow, hearth_log_window, ADW_TYPE_WINDOW)

static const gint64 periods_days[] = { 0, 7, 30, 365 };

static GPtrArray *
fetch (HearthLogWindow     *self,
       const HearthKeyset  *after,
       GError             **error)
{
  gint64 circle_id = hearth_circle_get_id (self->circle);

  if (self->kind == HEARTH_LOG_ACTIVITY)
    return hearth_circles_list_events (self->circles, self->actor, circle_id, after, PAGE_SIZE + 1, error);

  {
    HearthAuditFilter filter = { circle_id };
    guint member = gtk_drop_down_get_selected (self->member_filter);
    guint period = gtk_drop_down_get_selected (self->period_filter);

    if (member > 0 && member - 1 < self->member_ids->len)
      filter.actor_id = g_array_index (self->member_ids, gint64, member - 1);
    if (period > 0 && period < G_N_ELEMENTS (periods_days))
      filter.since = hearth_store_now (hearth_circles_get_store (self->circles)) -
                     periods_days[period] * G_TIME_SPAN_DAY;
    return hearth_audit_list (hearth_circles_get_store (self->circles), self->actor, &filter, after,
                              PAGE_SIZE + 1, error);
  }
}

static void
row_key (GObject      *row,
         HearthKeyset *key)
{
  if (HEARTH_IS_AUDIT_ENTRY (row))
    {
      key->key = hearth_audit_entry_get_created_at (HEARTH_AUDIT_ENTRY (row));
      key->id = hearth_audit_entry_get_id (HEARTH_AUDIT_ENTRY (row));
    }
  else
    {
      key->key = hearth_circle_event_get_created_at (HEARTH_CIRCLE_EVENT (row));
      key->id = hearth_circle_event_get_id (HEARTH_CIRCLE_EVENT (row));
    }
}

/* Shows the page that starts at the last of page_starts. */
static void
load_page (HearthLogWindow *self)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *page_text = NULL;
  guint page = self->page_starts->len;
  const HearthKeyset *start = page > 1 ? &g_array_index (self->page_starts, HearthKeyset, page - 1) : NULL;

  rows = fetch (self, start, &error);
  if (rows == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      g_list_store_remove_all (self->rows);
      rows = g_ptr_array_new ();
    }

  /* One row more than a page says whether there is an older page. */
  self->has_more = rows->len > PAGE_SIZE;
  if (self->has_more)
    g_ptr_array_set_size (rows, PAGE_SIZE);
  hearth_list_store_replace_all (self->rows, rows);

  gtk_stack_set_visible_child_name (self->content, rows->len > 0 ? "list" : "empty");
  gtk_widget_set_sensitive (self->newer_button, page > 1);
  gtk_widget_set_sensitive (self->older_button, self->has_more);
  /* Translators: which page of a log is shown */
  page_text = g_strdup_printf (_("Page %u"), page);
  gtk_label_set_label (self->page_label, page_text);
}

static void
reload (HearthLogWindow *self)
{
  HearthKeyset first = { 0, 0 };

  g_array_set_size (self->page_starts, 0);
  g_array_append_val (self->page_starts, first);
  load_page (self);
}

static void
older_clicked_cb (HearthLogWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autoptr (GObject) last = NULL;
  HearthKeyset start;

  if (!self->has_more || n == 0)
    return;
  last = g_list_model_get_item (G_LIST_MODEL (self->rows), n - 1);
  row_key (last, &start);
  g_array_append_val (self->page_starts, start);
  load_page (self);
}

static void
newer_clicked_cb (HearthLogWindow *self)
{
  if (self->page_starts->len <= 1)
    return;
  g_array_set_size (self->page_starts, self->page_starts->len - 1);
  load_page (self);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

typedef enum
{
  COLUMN_WHEN,
  COLUMN_WHO,
  COLUMN_WHAT,
} Column;

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GObject *row = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;

  if (HEARTH_IS_AUDIT_ENTRY (row))
    {
      HearthAuditEntry *entry = HEARTH_AUDIT_ENTRY (row);

      if (column == COLUMN_WHEN)
        text = hearth_format_moment (hearth_audit_entry_get_created_at (entry));
      else if (column == COLUMN_WHO)
        text = g_strdup (hearth_audit_entry_get_actor_name (entry) != NULL ? hearth_audit_entry_get_actor_name (entry)
                                                                           : _("A former member"));
      else
        text = hearth_audit_entry_describe (entry);
    }
  else
    {
      HearthCircleEvent *event = HEARTH_CIRCLE_EVENT (row);

      if (column == COLUMN_WHEN)
        text = hearth_format_moment (hearth_circle_event_get_created_at (event));
      else
        text = hearth_circle_event_describe (event);
    }

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
set_factory (GtkColumnViewColumn *view_column,
             Column               column)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), GINT_TO_POINTER (column));
  gtk_column_view_column_set_factory (view_column, factory);
}

/* The audit log's filters: everyone in the circle, and the periods. */
static void
fill_filters (HearthLogWindow *self)
{
  g_autoptr (GPtrArray) members = NULL;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("Everyone"));
  members = hearth_circles_list_members (self->circles, self->actor, hearth_circle_get_id (self->circle), NULL);
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      HearthCircleMember *member = g_ptr_array_index (members, i);
      gint64 id = hearth_circle_member_get_user_id (member);

      gtk_string_list_append (names, hearth_circle_member_get_display_name (member));
      g_array_append_val (self->member_ids, id);
    }
  gtk_drop_down_set_model (self->member_filter, G_LIST_MODEL (names));
  g_signal_connect_swapped (self->member_filter, "notify::selected", G_CALLBACK (reload), self);
  g_signal_connect_swapped (self->period_filter, "notify::selected", G_CALLBACK (reload), self);
  gtk_widget_set_visible (self->filters, TRUE);
}

static void
fill (HearthLogWindow *self)
{
  g_autoptr (GtkNoSelection) selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  g_autofree char *title = NULL;
  gboolean audit = self->kind == HEARTH_LOG_AUDIT;

  title = g_strdup_printf (audit ? _("Audit Log – %s") : _("Activity – %s"),
                           hearth_circle_get_display_name (self->circle));
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (selection));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  audit ? _("Audit Log") : _("Activity"), -1);
  gtk_column_view_column_set_visible (self->who_column, audit);
  adw_status_page_set_description (self->empty, audit ? _("No recorded action matches these filters.")
                                                      : _("What happens in this circle will be listed here."));
  if (audit)
    fill_filters (self);
}

static void
hearth_log_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HEARTH_TYPE_LOG_WINDOW);

  G_OBJECT_CLASS (hearth_log_window_parent_class)->dispose (object);
}

static void
hearth_log_window_finalize (GObject *object)
{
  HearthLogWindow *self = HEARTH_LOG_WINDOW (object);

  g_clear_object (&self->circles);
  g_clear_object (&self->actor);
  g_clear_object (&self->circle);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->page_starts, g_array_unref);
  g_clear_pointer (&self->member_ids, g_array_unref);

  G_OBJECT_CLASS (hearth_log_window_parent_class)->finalize (object);
}

static void
hearth_log_window_class_init (HearthLogWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_log_window_dispose;
  object_class->finalize = hearth_log_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/circles/hearth-log-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthLogWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, HearthLogWindow, filters);
  gtk_widget_class_bind_template_child (widget_class, HearthLogWindow, member_filter);
  gtk_widget_class_bind_template_child (widget_class, HearthLogWindow, period_filter);
  gtk_widget_class_bind_template_child (widget_class, HearthLogWindow, content);
  gtk_widget_class_bind_template_child (widget_class, HearthLogWindow, view);
  gtk_widget_class_bind_template_child (widget_class, HearthLogWindow, when_column);
  gtk_widget_class_bind_template_child (widget_class, HearthLogWindow, who_column);
  gtk_widget_class_bind_template_child (widget_class, HearthLogWindow, what_column);
  gtk_widget_class_bind_template_child (widget_class, HearthLogWindow, empty);
  gtk_widget_class_bind_template_child (widget_class, HearthLogWindow, page_label);
  gtk_widget_class_bind_template_child (widget_class, HearthLogWindow, newer_button);
  gtk_widget_class_bind_template_child (widget_class, HearthLogWindow, older_button);
  gtk_widget_class_bind_template_callback (widget_class, newer_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, older_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hearth_log_window_init (HearthLogWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_factory (self->when_column, COLUMN_WHEN);
  set_factory (self->who_column, COLUMN_WHO);
  set_factory (self->what_column, COLUMN_WHAT);
  self->rows = g_list_store_new (G_TYPE_OBJECT);
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (HearthKeyset));
  self->member_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/**
 * hearth_log_window_new:
 * @circle: the circle whose log is shown
 *
 * Returns: (transfer full): a window on the log's newest page
 */
HearthLogWindow *
hearth_log_window_new (GtkWindow     *parent,
                       HearthCircles *circles,
                       HearthActor   *actor,
                       HearthCircle  *circle,
                       HearthLogKind  kind)
{
  HearthLogWindow *self;

  g_return_val_if_fail (HEARTH_IS_CIRCLES (circles), NULL);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), NULL);
  g_return_val_if_fail (HEARTH_IS_CIRCLE (circle), NULL);

  self = g_object_new (HEARTH_TYPE_LOG_WINDOW, "transient-for", parent, NULL);
  self->circles = g_object_ref (circles);
  self->actor = g_object_ref (actor);
  self->circle = g_object_ref (circle);
  self->kind = kind;
  fill (self);
  reload (self);
  return self;
}
