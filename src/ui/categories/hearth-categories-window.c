/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-categories-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-categories-window.h"
#include "hearth-dialogs.h"
#include "hearth-list-store.h"

/*
 * A circle's categories and tags of one module, to add, rename and delete.
 * The shared categories are listed too, marked as coming with Hearth, with
 * nothing to change. A tag shows how many rows carry it, and deleting one
 * that is used says how many it will be taken from. What the role may not do
 * is not offered; the service checks again.
 */

struct _HearthCategoriesWindow
{
  AdwPreferencesWindow  parent_instance;

  HearthCategories     *categories;
  HearthActor          *actor;
  gint64                circle_id;
  char                 *module;
  guint                 refill_id;

  GListStore           *category_items;  /* HearthCategory */
  GListStore           *tag_items;       /* HearthTag */
  gboolean              may_update_category;
  gboolean              may_delete_category;
  gboolean              may_update_tag;
  gboolean              may_delete_tag;

  AdwEntryRow          *new_category_row;
  GtkListBox           *categories_list;
  AdwEntryRow          *new_tag_row;
  GtkListBox           *tags_list;
};

G_DEFINE_FINAL_TYPE (HearthCategoriesWindow, hearth_categories_window, ADW_TYPE_PREFERENCES_WINDOW)

static void refill (HearthCategoriesWindow *self);

static gboolean
can (HearthCategoriesWindow *self,
     const char             *resource,
     const char             *action)
{
  return hearth_categories_can (self->categories, self->actor, self->circle_id, resource, action);
}

static void
toast (HearthCategoriesWindow *self,
       const char             *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

/* Adding ---------------------------------------------------------------------------------- */

static void
new_category_apply_cb (HearthCategoriesWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthCategory) category = NULL;

  category = hearth_categories_create (self->categories, self->actor, self->circle_id, self->module,
                                       gtk_editable_get_text (GTK_EDITABLE (self->new_category_row)), &error);
  if (category == NULL)
    {
      toast (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->new_category_row), "");
  refill (self);
}

static void
new_tag_apply_cb (HearthCategoriesWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthTag) tag = NULL;

  tag = hearth_categories_create_tag (self->categories, self->actor, self->circle_id, self->module,
                                      gtk_editable_get_text (GTK_EDITABLE (self->new_tag_row)), &error);
  if (tag == NULL)
    {
      toast (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->new_tag_row), "");
  refill (self);
}

/* Renaming and deleting --------------------------------------------------------------------- */

typedef struct
{
  HearthCategoriesWindow *self;
  gint64                  id;
  gboolean                is_tag;
  GtkEditable            *entry;
} ItemAction;

static void
item_action_free (gpointer data)
{
  ItemAction *action = data;

  g_object_unref (action->self);
  g_free (action);
}

static ItemAction *
item_action_new (HearthCategoriesWindow *self,
                 gint64                  id,
                 gboolean                is_tag)
{
  ItemAction *action = g_new0 (ItemAction, 1);

  action->self = g_object_ref (self);
  action->id = id;
  action->is_tag = is_tag;
  return action;
}

static void
rename_response_cb (HearthDialog *dialog,
                    const char       *response,
                    ItemAction       *action)
{
  g_autoptr (GError) error = NULL;
  HearthCategoriesWindow *self = action->self;
  const char *name = gtk_editable_get_text (action->entry);
  gboolean done;

  if (!g_str_equal (response, "rename"))
    return;
  if (action->is_tag)
    done = hearth_categories_rename_tag (self->categories, self->actor, action->id, name, &error);
  else
    done = hearth_categories_rename (self->categories, self->actor, action->id, name, &error);
  if (!done)
    toast (self, error->message);
  refill (self);
}

static void
rename_clicked_cb (GtkButton              *button,
                   HearthCategoriesWindow *self)
{
  ItemAction *action = item_action_new (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "id")),
                                        GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "is-tag")));
  const char *name = g_object_get_data (G_OBJECT (button), "name");
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *entry = adw_entry_row_new ();
  HearthDialog *dialog;

  dialog = hearth_dialog_new_question (GTK_WINDOW (self), action->is_tag ? _("Rename Tag") : _("Rename Category"),
                                       action->is_tag
                                       ? _("Every transaction that carries it shows the new name.")
                                       : _("Every transaction filed under it shows the new name."),
                                       "rename", _("_Rename"), ADW_RESPONSE_SUGGESTED);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  hearth_dialog_set_extra_child (dialog, list);
  action->entry = GTK_EDITABLE (entry);
  g_signal_connect_data (dialog, "response", G_CALLBACK (rename_response_cb), action,
                         (GClosureNotify) (void (*) (void)) item_action_free, 0);
  hearth_dialog_present (dialog);
  gtk_widget_grab_focus (entry);
}

static void
delete_response_cb (HearthDialog *dialog,
                    const char       *response,
                    ItemAction       *action)
{
  g_autoptr (GError) error = NULL;
  HearthCategoriesWindow *self = action->self;
  gboolean done;

  if (!g_str_equal (response, "delete"))
    return;
  if (action->is_tag)
    done = hearth_categories_delete_tag (self->categories, self->actor, action->id, &error);
  else
    done = hearth_categories_delete (self->categories, self->actor, action->id, &error);
  if (!done)
    toast (self, error->message);
  refill (self);
}

static void
delete_clicked_cb (GtkButton              *button,
                   HearthCategoriesWindow *self)
{
  ItemAction *action = item_action_new (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "id")),
                                        GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "is-tag")));
  const char *name = g_object_get_data (G_OBJECT (button), "name");
  guint uses = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "uses"));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  HearthDialog *dialog;

  /* Translators: the question before deleting a tag or category: "Delete “Holiday”?" */
  heading = g_strdup_printf (_("Delete “%s”?"), name);
  if (action->is_tag && uses > 0)
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "It is taken off the %u transaction that carries it. The transaction stays.",
                                         "It is taken off the %u transactions that carry it. The transactions stay.",
                                         uses),
                            uses);
  else if (action->is_tag)
    body = g_strdup (_("No transaction carries it."));
  else
    body = g_strdup (_("The transactions filed under it stay, without a category."));
  dialog = hearth_dialog_new_question (GTK_WINDOW (self), heading, body,
                                       "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_data (dialog, "response", G_CALLBACK (delete_response_cb), action,
                         (GClosureNotify) (void (*) (void)) item_action_free, 0);
  hearth_dialog_present (dialog);
}

/* The lists ------------------------------------------------------------------------------- */

static GtkWidget *
item_button (HearthCategoriesWindow *self,
             const char             *icon,
             const char             *label,
             const char             *name,
             gint64                  id,
             gboolean                is_tag,
             guint                   uses,
             GCallback               callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "id", GSIZE_TO_POINTER (id));
  g_object_set_data (G_OBJECT (button), "is-tag", GINT_TO_POINTER (is_tag));
  g_object_set_data (G_OBJECT (button), "uses", GUINT_TO_POINTER (uses));
  g_object_set_data_full (G_OBJECT (button), "name", g_strdup (name), g_free);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
item_row (HearthCategoriesWindow *self,
          const char             *name,
          const char             *subtitle,
          gint64                  id,
          gboolean                is_tag,
          guint                   uses,
          gboolean                can_update,
          gboolean                can_delete)
{
  GtkWidget *row = adw_action_row_new ();
  /* Translators: buttons beside a category or tag: "Rename Holiday", "Delete Holiday" */
  g_autofree char *rename = g_strdup_printf (_("Rename %s"), name);
  g_autofree char *delete = g_strdup_printf (_("Delete %s"), name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (can_update)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               item_button (self, "document-edit-symbolic", rename, name, id, is_tag, uses,
                                            G_CALLBACK (rename_clicked_cb)));
  if (can_delete)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               item_button (self, "user-trash-symbolic", delete, name, id, is_tag, uses,
                                            G_CALLBACK (delete_clicked_cb)));
  return row;
}

static GtkWidget *
create_category_row (gpointer item,
                     gpointer user_data)
{
  HearthCategoriesWindow *self = user_data;
  HearthCategory *category = item;
  gboolean shared = hearth_category_get_shared (category);

  return item_row (self, hearth_category_get_name (category), shared ? _("Comes with Hearth") : NULL,
                   hearth_category_get_id (category), FALSE, 0, !shared && self->may_update_category,
                   !shared && self->may_delete_category);
}

static GtkWidget *
create_tag_row (gpointer item,
                gpointer user_data)
{
  HearthCategoriesWindow *self = user_data;
  HearthTag *tag = item;
  guint uses = hearth_tag_get_uses (tag);
  gboolean own = hearth_tag_get_circle_id (tag) != 0;
  g_autofree char *subtitle = NULL;

  if (uses > 0)
    /* Translators: under a tag's name */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "On %u transaction", "On %u transactions", uses), uses);
  else
    subtitle = g_strdup (_("Not used yet"));
  return item_row (self, hearth_tag_get_name (tag), subtitle, hearth_tag_get_id (tag), TRUE, uses,
                   own && self->may_update_tag, own && self->may_delete_tag);
}

static void
refill (HearthCategoriesWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) categories = NULL;
  g_autoptr (GPtrArray) tags = NULL;

  self->may_update_category = can (self, "category", "update");
  self->may_delete_category = can (self, "category", "delete");
  self->may_update_tag = can (self, "tag", "update");
  self->may_delete_tag = can (self, "tag", "delete");
  gtk_widget_set_visible (GTK_WIDGET (self->new_category_row), can (self, "category", "create"));
  gtk_widget_set_visible (GTK_WIDGET (self->new_tag_row), can (self, "tag", "create"));

  categories = hearth_categories_list (self->categories, self->actor, self->circle_id, self->module, &error);
  if (categories == NULL)
    {
      toast (self, error->message);
      g_clear_error (&error);
    }
  hearth_list_store_replace_all (self->category_items, categories);

  tags = hearth_categories_list_tags (self->categories, self->actor, self->circle_id, self->module, &error);
  if (tags == NULL)
    toast (self, error->message);
  hearth_list_store_replace_all (self->tag_items, tags);
}

static gboolean
refill_cb (gpointer user_data)
{
  HearthCategoriesWindow *self = user_data;

  self->refill_id = 0;
  refill (self);
  return G_SOURCE_REMOVE;
}

/* Another window (a transaction's tags) changed them: refill once, when idle. */
static void
store_changed_cb (HearthCategoriesWindow *self)
{
  if (self->refill_id == 0)
    self->refill_id = g_idle_add (refill_cb, self);
}

/* Set-up ---------------------------------------------------------------------------------- */

static void
hearth_categories_window_dispose (GObject *object)
{
  HearthCategoriesWindow *self = HEARTH_CATEGORIES_WINDOW (object);

  g_clear_handle_id (&self->refill_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_CATEGORIES_WINDOW);

  G_OBJECT_CLASS (hearth_categories_window_parent_class)->dispose (object);
}

static void
hearth_categories_window_finalize (GObject *object)
{
  HearthCategoriesWindow *self = HEARTH_CATEGORIES_WINDOW (object);

  g_clear_object (&self->categories);
  g_clear_object (&self->actor);
  g_clear_object (&self->category_items);
  g_clear_object (&self->tag_items);
  g_free (self->module);

  G_OBJECT_CLASS (hearth_categories_window_parent_class)->finalize (object);
}

static void
hearth_categories_window_class_init (HearthCategoriesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_categories_window_dispose;
  object_class->finalize = hearth_categories_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/categories/hearth-categories-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthCategoriesWindow, new_category_row);
  gtk_widget_class_bind_template_child (widget_class, HearthCategoriesWindow, categories_list);
  gtk_widget_class_bind_template_child (widget_class, HearthCategoriesWindow, new_tag_row);
  gtk_widget_class_bind_template_child (widget_class, HearthCategoriesWindow, tags_list);
  gtk_widget_class_bind_template_callback (widget_class, new_category_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_tag_apply_cb);
}

static void
hearth_categories_window_init (HearthCategoriesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->category_items = g_list_store_new (HEARTH_TYPE_CATEGORY);
  self->tag_items = g_list_store_new (HEARTH_TYPE_TAG);
  gtk_list_box_bind_model (self->categories_list, G_LIST_MODEL (self->category_items), create_category_row, self,
                           NULL);
  gtk_list_box_bind_model (self->tags_list, G_LIST_MODEL (self->tag_items), create_tag_row, self, NULL);
}

/**
 * hearth_categories_window_new:
 * @module: whose categories and tags, `FINANCE` for the ledger
 */
HearthCategoriesWindow *
hearth_categories_window_new (GtkWindow        *parent,
                              HearthCategories *categories,
                              HearthActor      *actor,
                              gint64            circle_id,
                              const char       *module)
{
  HearthCategoriesWindow *self;

  g_return_val_if_fail (HEARTH_IS_CATEGORIES (categories), NULL);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), NULL);

  self = g_object_new (HEARTH_TYPE_CATEGORIES_WINDOW, "transient-for", parent, NULL);
  self->categories = g_object_ref (categories);
  self->actor = g_object_ref (actor);
  self->circle_id = circle_id;
  self->module = g_strdup (module);
  for (guint i = 0; i < 3; i++)
    {
      static const char * const tables[] = { "changed::categories", "changed::tags", "changed::tag_relations" };

      g_signal_connect_object (hearth_categories_get_store (categories), tables[i], G_CALLBACK (store_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  refill (self);
  return self;
}
