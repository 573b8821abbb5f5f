/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-shell"

#include "config.h"

#include "hearth-window.h"

/*
 * The main window: a sidebar of modules beside the module's page. The pages are
 * declared once, in the template's GtkStack (name, title, icon); the sidebar is
 * built from the stack's pages, so the two cannot disagree. Below 360 px or so
 * the leaflet folds and the sidebar and the page take turns.
 */

struct _HearthWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkStack             *stack;
  AdwWindowTitle       *content_title;
};

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HearthWindow, hearth_window, ADW_TYPE_APPLICATION_WINDOW)

static GtkWidget *
create_sidebar_row (gpointer item,
                    gpointer user_data)
{
  GtkStackPage *page = item;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *icon;
  GtkWidget *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  icon = gtk_image_new_from_icon_name (gtk_stack_page_get_icon_name (page));
  label = gtk_label_new (gtk_stack_page_get_title (page));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_stack_page_get_title (page),
                                  -1);

  return row;
}

static void
sidebar_row_activated_cb (HearthWindow  *self,
                          GtkListBoxRow *row)
{
  g_autoptr (GtkSelectionModel) pages = gtk_stack_get_pages (self->stack);
  /* GtkStackPage has no autoptr cleanup in GTK 4.8. */
  g_autoptr (GObject) page = g_list_model_get_item (G_LIST_MODEL (pages),
                                                    gtk_list_box_row_get_index (row));

  gtk_stack_set_visible_child (self->stack, gtk_stack_page_get_child (GTK_STACK_PAGE (page)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
stack_visible_child_cb (HearthWindow *self)
{
  g_autoptr (GtkSelectionModel) pages = gtk_stack_get_pages (self->stack);
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);
  GtkStackPage *page;
  guint n_pages;

  if (child == NULL)
    return;

  page = gtk_stack_get_page (self->stack, child);
  adw_window_title_set_title (self->content_title, gtk_stack_page_get_title (page));

  n_pages = g_list_model_get_n_items (G_LIST_MODEL (pages));
  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr (GObject) other = g_list_model_get_item (G_LIST_MODEL (pages), i);

      if (other == (GObject *) page)
        {
          gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, i));
          break;
        }
    }
}

static void
show_module_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HearthWindow *self = HEARTH_WINDOW (widget);

  if (hearth_window_show_module (self, g_variant_get_string (parameter, NULL)))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HearthWindow *self = HEARTH_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
hearth_window_constructed (GObject *object)
{
  HearthWindow *self = HEARTH_WINDOW (object);

  G_OBJECT_CLASS (hearth_window_parent_class)->constructed (object);

  /* Bound with GET only: the size is written back once, when the window closes,
   * not at every step of a resize. */
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_GET_NO_CHANGES);
}

static gboolean
hearth_window_close_request (GtkWindow *window)
{
  HearthWindow *self = HEARTH_WINDOW (window);
  int width;
  int height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (hearth_window_parent_class)->close_request (window);
}

static void
hearth_window_dispose (GObject *object)
{
  HearthWindow *self = HEARTH_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_WINDOW);

  G_OBJECT_CLASS (hearth_window_parent_class)->dispose (object);
}

static void
hearth_window_finalize (GObject *object)
{
  HearthWindow *self = HEARTH_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hearth_window_parent_class)->finalize (object);
}

static void
hearth_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HearthWindow *self = HEARTH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HearthWindow *self = HEARTH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_window_class_init (HearthWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  static const char * const modules[] = {
    "home", "finance", "lifelog", "tasks", "notes", "contacts", "trips", "circles",
  };

  object_class->constructed = hearth_window_constructed;
  object_class->dispose = hearth_window_dispose;
  object_class->finalize = hearth_window_finalize;
  object_class->get_property = hearth_window_get_property;
  object_class->set_property = hearth_window_set_property;

  window_class->close_request = hearth_window_close_request;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/shell/hearth-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, content_title);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stack_visible_child_cb);

  gtk_widget_class_install_action (widget_class, "win.show-module", "s", show_module_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);

  /* Alt+1 … Alt+8 go to the modules in the sidebar's order. */
  for (guint i = 0; i < G_N_ELEMENTS (modules); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-module", "s", modules[i]);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
}

static void
hearth_window_init (HearthWindow *self)
{
  g_autoptr (GtkSelectionModel) pages = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  pages = gtk_stack_get_pages (self->stack);
  gtk_list_box_bind_model (self->sidebar, G_LIST_MODEL (pages), create_sidebar_row, self, NULL);
  stack_visible_child_cb (self);
}

/**
 * hearth_window_new:
 * @settings: the application's settings, where the window keeps its size
 *
 * Returns: (transfer full): a new main window
 */
HearthWindow *
hearth_window_new (GtkApplication *application,
                   GSettings      *settings)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (HEARTH_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       NULL);
}

/**
 * hearth_window_get_visible_module:
 *
 * Returns: the name of the module whose page is shown (`home`, `finance`, ...)
 */
const char *
hearth_window_get_visible_module (HearthWindow *self)
{
  g_return_val_if_fail (HEARTH_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * hearth_window_show_module:
 * @name: a module's name, as the sidebar's pages are named
 *
 * Returns: %FALSE when there is no module of that name
 */
gboolean
hearth_window_show_module (HearthWindow *self,
                           const char   *name)
{
  g_return_val_if_fail (HEARTH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (gtk_stack_get_child_by_name (self->stack, name) == NULL)
    return FALSE;

  gtk_stack_set_visible_child_name (self->stack, name);
  return TRUE;
}
