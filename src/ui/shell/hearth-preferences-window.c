/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-shell"

#include "config.h"

#include "hearth-preferences-window.h"

/*
 * Preferences: each row is bound to its GSettings key, so a change applies at
 * once and there is no Save button. The combo rows choose by position; the
 * mappings below turn a position into the key's value and back.
 */

struct _HearthPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GtkStringList        *currencies;

  GtkSpinButton        *idle_lock_spin;
  GtkSwitch            *notifications_switch;
  GtkSpinButton        *task_hour_spin;
  GtkSwitch            *background_switch;
  GtkSwitch            *autostart_switch;
  AdwComboRow          *style_row;
  AdwComboRow          *currency_row;
};

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HearthPreferencesWindow, hearth_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* In the order of the style row's items. */
static const char * const styles[] = { "default", "light", "dark" };

/* The currencies offered; a code already in the settings that is not among
 * them is added, so that nobody's choice is lost. */
static const char * const common_currencies[] = {
  "EUR", "USD", "GBP", "CHF", "CAD", "AUD", "NZD", "JPY", "CNY", "INR",
  "BRL", "MXN", "ZAR", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "TRY",
};

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *style = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      if (g_str_equal (style, styles[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (styles))
    return NULL;

  return g_variant_new_string (styles[position]);
}

static guint
find_currency (GtkStringList *currencies,
               const char    *code)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (currencies));

  for (guint i = 0; i < n; i++)
    {
      if (g_str_equal (gtk_string_list_get_string (currencies, i), code))
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static gboolean
currency_get_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  GtkStringList *currencies = user_data;
  guint position = find_currency (currencies, g_variant_get_string (variant, NULL));

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  g_value_set_uint (value, position);
  return TRUE;
}

static GVariant *
currency_set_mapping (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  GtkStringList *currencies = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (currencies)))
    return NULL;

  return g_variant_new_string (gtk_string_list_get_string (currencies, position));
}

static void
hearth_preferences_window_constructed (GObject *object)
{
  HearthPreferencesWindow *self = HEARTH_PREFERENCES_WINDOW (object);
  g_autofree char *currency = NULL;

  G_OBJECT_CLASS (hearth_preferences_window_parent_class)->constructed (object);

  currency = g_settings_get_string (self->settings, "default-currency");
  if (find_currency (self->currencies, currency) == GTK_INVALID_LIST_POSITION)
    gtk_string_list_append (self->currencies, currency);

  g_settings_bind (self->settings, "idle-lock-minutes",
                   self->idle_lock_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "notifications-enabled",
                   self->notifications_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "task-reminder-hour",
                   self->task_hour_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "run-in-background",
                   self->background_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "start-with-session",
                   self->autostart_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "style",
                                self->style_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                style_get_mapping, style_set_mapping, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "default-currency",
                                self->currency_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                currency_get_mapping, currency_set_mapping,
                                g_object_ref (self->currencies), g_object_unref);
}

static void
hearth_preferences_window_dispose (GObject *object)
{
  HearthPreferencesWindow *self = HEARTH_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (hearth_preferences_window_parent_class)->dispose (object);
}

static void
hearth_preferences_window_finalize (GObject *object)
{
  HearthPreferencesWindow *self = HEARTH_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->currencies);

  G_OBJECT_CLASS (hearth_preferences_window_parent_class)->finalize (object);
}

static void
hearth_preferences_window_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  HearthPreferencesWindow *self = HEARTH_PREFERENCES_WINDOW (object);

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
hearth_preferences_window_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  HearthPreferencesWindow *self = HEARTH_PREFERENCES_WINDOW (object);

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
hearth_preferences_window_class_init (HearthPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hearth_preferences_window_constructed;
  object_class->dispose = hearth_preferences_window_dispose;
  object_class->finalize = hearth_preferences_window_finalize;
  object_class->get_property = hearth_preferences_window_get_property;
  object_class->set_property = hearth_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/shell/hearth-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthPreferencesWindow, idle_lock_spin);
  gtk_widget_class_bind_template_child (widget_class, HearthPreferencesWindow, notifications_switch);
  gtk_widget_class_bind_template_child (widget_class, HearthPreferencesWindow, task_hour_spin);
  gtk_widget_class_bind_template_child (widget_class, HearthPreferencesWindow, background_switch);
  gtk_widget_class_bind_template_child (widget_class, HearthPreferencesWindow, autostart_switch);
  gtk_widget_class_bind_template_child (widget_class, HearthPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, HearthPreferencesWindow, currency_row);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hearth_preferences_window_init (HearthPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->currencies = gtk_string_list_new ((const char * const *) common_currencies);
  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (self->currencies));
}

/**
 * hearth_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @settings: the application's settings
 *
 * Returns: (transfer full): a new preferences window
 */
HearthPreferencesWindow *
hearth_preferences_window_new (GtkWindow *parent,
                               GSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (HEARTH_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "settings", settings,
                       NULL);
}
