/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-shell"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-account-security-window.h"
#include "hearth-circle-words.h"
#include "hearth-circles-page.h"
#include "hearth-context.h"
#include "hearth-finance-page.h"
#include "hearth-home-page.h"
#include "hearth-lifelog-page.h"
#include "hearth-tasks-page.h"
#include "hearth-sample.h"
#include "hearth-onboarding.h"
#include "hearth-session.h"
#include "hearth-sign-in-view.h"
#include "hearth-store.h"
#include "hearth-window.h"
#include "hearth-window-private.h"

/*
 * The main window. Its modes: "starting" while start-up looks for a profile
 * that stays signed in, "onboarding" when there is no profile, "sign-in" (the
 * profile picker), and "main": a sidebar of modules beside the module's page,
 * for the signed-in actor. The module pages are declared once, in the
 * template's GtkStack (name, title, icon); the sidebar is built from the
 * stack's pages, so the two cannot disagree. Below 360 px or so the leaflet
 * folds and the sidebar and the page take turns.
 *
 * The window's HearthSession holds who is signed in and the current circle;
 * each page is given the application's HearthContext and the session once,
 * and follows the session's `notify` itself. The header's circle switcher
 * sets the current circle: the actor's circles, kept current from the store's
 * changes. It starts on the first shared circle, the family's, else the
 * personal one.
 */

struct _HearthWindow
{
  AdwApplicationWindow  parent_instance;

  HearthContext        *context;
  HearthSession        *session;
  GArray               *circle_ids;
  gboolean              filling_switcher;
  gboolean              sample;  /* the sample family's database */
  gint64                last_activity;
  guint                 idle_check_id;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *mode_stack;
  HearthOnboarding     *onboarding;
  HearthSignInView     *sign_in;
  AdwWindowTitle       *sidebar_title;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkStack             *stack;
  AdwWindowTitle       *content_title;
  GtkDropDown          *circle_switcher;
  HearthCirclesPage    *circles_page;
  HearthFinancePage    *finance_page;
  HearthLifelogPage    *lifelog_page;
  HearthTasksPage      *tasks_page;
  HearthHomePage       *home_page;
};

enum {
  PROP_0,
  PROP_CONTEXT,
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

#define IDLE_CHECK_SECONDS 15

static void lock (HearthWindow *self, gboolean switch_profile);

/* The time, from the store's clock, so that tests move it by hand. */
static gint64
now (HearthWindow *self)
{
  return hearth_store_now (hearth_context_get_store (self->context));
}

/**
 * _hearth_window_check_idle:
 *
 * Locks the window when nobody has touched it for the minutes the settings
 * say. Called every few seconds while someone is signed in.
 *
 * Returns: whether it locked
 */
gboolean
_hearth_window_check_idle (HearthWindow *self)
{
  GSettings *settings = hearth_context_get_settings (self->context);
  gint64 limit = (gint64) g_settings_get_uint (settings, "idle-lock-minutes") * G_TIME_SPAN_MINUTE;

  if (hearth_session_get_actor (self->session) == NULL || now (self) - self->last_activity < limit)
    return FALSE;

  lock (self, FALSE);
  return TRUE;
}

static gboolean
idle_check_cb (gpointer user_data)
{
  HearthWindow *self = user_data;

  if (!_hearth_window_check_idle (self))
    return G_SOURCE_CONTINUE;

  self->idle_check_id = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
activity_cb (GtkEventControllerLegacy *controller,
             GdkEvent                 *event,
             HearthWindow             *self)
{
  self->last_activity = now (self);
  return GDK_EVENT_PROPAGATE;
}

/* Shows @circle_id selected in the switcher, without acting on it. */
static void
select_in_switcher (HearthWindow *self,
                    gint64        circle_id)
{
  for (guint i = 0; i < self->circle_ids->len; i++)
    {
      if (g_array_index (self->circle_ids, gint64, i) == circle_id &&
          gtk_drop_down_get_selected (self->circle_switcher) != i)
        {
          self->filling_switcher = TRUE;
          gtk_drop_down_set_selected (self->circle_switcher, i);
          self->filling_switcher = FALSE;
        }
    }
}

/* Fills the switcher with @actor's circles and returns the one to show: @keep
 * when it is still there, otherwise the family's, else the personal one. */
static gint64
fill_switcher (HearthWindow *self,
               HearthActor  *actor,
               gint64        keep)
{
  g_autoptr (GPtrArray) circles = NULL;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GError) error = NULL;
  gint64 kept = 0;
  gint64 fallback = 0;

  g_array_set_size (self->circle_ids, 0);
  if (actor != NULL)
    circles = hearth_circles_list (hearth_context_get_circles (self->context), actor, &error);
  if (error != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));

  for (guint i = 0; circles != NULL && i < circles->len; i++)
    {
      HearthCircle *circle = g_ptr_array_index (circles, i);
      gint64 id = hearth_circle_get_id (circle);

      gtk_string_list_append (names, hearth_circle_get_display_name (circle));
      g_array_append_val (self->circle_ids, id);
      if (id == keep)
        kept = id;
      if (fallback == 0 || (!hearth_circle_get_personal (circle) && !hearth_circle_get_dissolved (circle) &&
                            self->circle_ids->len == 2))
        fallback = id;
    }

  self->filling_switcher = TRUE;
  gtk_drop_down_set_model (self->circle_switcher, G_LIST_MODEL (names));
  self->filling_switcher = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->circle_switcher), self->circle_ids->len > 0);
  return kept != 0 ? kept : fallback;
}

static void
refresh_circles (HearthWindow *self,
                 gint64        keep)
{
  gint64 circle_id = fill_switcher (self, hearth_session_get_actor (self->session), keep);

  select_in_switcher (self, circle_id);
  hearth_session_set_circle_id (self->session, circle_id);
}

static void
circle_switcher_selected_cb (HearthWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->circle_switcher);

  if (self->filling_switcher || selected >= self->circle_ids->len)
    return;
  hearth_session_set_circle_id (self->session, g_array_index (self->circle_ids, gint64, selected));
}

static void
select_circle_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HearthWindow *self = HEARTH_WINDOW (widget);

  /* A circle made a moment ago may not be in the list yet. */
  refresh_circles (self, g_variant_get_int64 (parameter));
}

static void
circles_changed_cb (HearthWindow *self)
{
  if (hearth_session_get_actor (self->session) != NULL)
    refresh_circles (self, hearth_session_get_circle_id (self->session));
}

static void
set_actor (HearthWindow *self,
           HearthActor  *actor)
{
  gint64 circle_id;

  if (actor == hearth_session_get_actor (self->session))
    return;

  g_clear_handle_id (&self->idle_check_id, g_source_remove);
  if (actor != NULL)
    {
      self->last_activity = now (self);
      self->idle_check_id = g_timeout_add_seconds (IDLE_CHECK_SECONDS, idle_check_cb, self);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lock", actor != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.account-security", actor != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.switch-profile", actor != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out", actor != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-module", actor != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.select-circle", actor != NULL);
  circle_id = fill_switcher (self, actor, 0);
  select_in_switcher (self, circle_id);
  hearth_session_set (self->session, actor, circle_id);
  if (actor != NULL && self->sample)
    {
      /* Translators: under "Hearth" in the sidebar, in the sample family: "Maria Lopez · Sample Family" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · Sample Family"), hearth_actor_get_display_name (actor));

      adw_window_title_set_subtitle (self->sidebar_title, subtitle);
    }
  else
    {
      adw_window_title_set_subtitle (self->sidebar_title,
                                     actor != NULL ? hearth_actor_get_display_name (actor) : NULL);
    }
}

/* The title says who is signed in, in the window list too; screen readers
 * and the end-to-end tests read the mode from it. */
static void
show_mode (HearthWindow *self,
           const char   *mode)
{
  g_autofree char *title = NULL;

  if (g_str_equal (mode, "main"))
    /* Translators: the window's title: the signed-in person's name, then the app's */
    title = g_strdup_printf (_("%s – Hearth"),
                             hearth_actor_get_display_name (hearth_session_get_actor (self->session)));
  else if (g_str_equal (mode, "onboarding"))
    title = g_strdup (_("Welcome to Hearth"));
  else if (g_str_equal (mode, "sign-in"))
    title = g_strdup (_("Sign In – Hearth"));
  else
    title = g_strdup (_("Hearth"));

  if (self->sample)
    {
      g_autofree char *plain = g_steal_pointer (&title);

      /* Translators: the window's title when the sample family is open */
      title = g_strdup_printf (_("Sample Family · %s"), plain);
    }
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_stack_set_visible_child_name (self->mode_stack, mode);
}

static void
show_main (HearthWindow *self,
           HearthActor  *actor)
{
  set_actor (self, actor);
  hearth_window_show_module (self, "home");
  show_mode (self, "main");
  /* Out of the sign-in page, now hidden: a focus left there would swallow the
   * keyboard, shortcuts included. */
  gtk_widget_grab_focus (GTK_WIDGET (self->sidebar));
}

static void
onboarding_finished_cb (HearthWindow *self,
                        HearthActor  *actor)
{
  show_main (self, actor);
}

static void
onboarding_cancelled_cb (HearthWindow *self)
{
  hearth_window_start (self, NULL);
}

/* From the picker: the onboarding steps for one more profile. */
static void
add_profile_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HearthWindow *self = HEARTH_WINDOW (widget);

  hearth_onboarding_start (self->onboarding, hearth_context_get_auth (self->context),
                           hearth_context_get_circles (self->context), FALSE);
  show_mode (self, "onboarding");
}

static void
signed_in_cb (HearthWindow *self,
              HearthActor  *actor,
              const char   *keyring_message)
{
  /* "Stay signed in" was asked for and the keyring refused: say so. */
  if (keyring_message != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (keyring_message));

  show_main (self, actor);
}

/* Hides everything behind the actor's password page, keeping the session; or,
 * to switch profile, behind the picker. */
static void
lock (HearthWindow *self,
      gboolean      switch_profile)
{
  HearthAuth *auth = hearth_context_get_auth (self->context);
  HearthKeyring *keyring = hearth_context_get_keyring (self->context);
  g_autoptr (HearthActor) actor = NULL;

  if (hearth_session_get_actor (self->session) == NULL)
    return;

  actor = g_object_ref (hearth_session_get_actor (self->session));
  set_actor (self, NULL);
  if (switch_profile)
    hearth_sign_in_view_start (self->sign_in, auth, keyring);
  else
    hearth_sign_in_view_lock (self->sign_in, auth, keyring, actor);
  show_mode (self, "sign-in");
}

static void
lock_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  lock (HEARTH_WINDOW (widget), FALSE);
}

static void
switch_profile_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  lock (HEARTH_WINDOW (widget), TRUE);
}

static void
account_security_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  HearthWindow *self = HEARTH_WINDOW (widget);
  HearthActor *actor = hearth_session_get_actor (self->session);
  HearthAccountSecurityWindow *window;

  if (actor == NULL)
    return;

  window = hearth_account_security_window_new (GTK_WINDOW (self), hearth_context_get_auth (self->context), actor);
  gtk_window_present (GTK_WINDOW (window));
}

static void
signed_out_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (HearthWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!hearth_auth_sign_out_finish (HEARTH_AUTH (source), result, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out",
                                     hearth_session_get_actor (self->session) != NULL);
      return;
    }

  hearth_window_start (self, NULL);
}

/* The session is revoked and its keyring item deleted in a worker thread. */
static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HearthWindow *self = HEARTH_WINDOW (widget);
  HearthActor *actor = hearth_session_get_actor (self->session);

  if (actor == NULL)
    return;

  gtk_widget_action_set_enabled (widget, "win.sign-out", FALSE);
  hearth_auth_sign_out_async (hearth_context_get_auth (self->context), actor,
                              hearth_context_get_keyring (self->context), NULL, signed_out_cb, g_object_ref (self));
}

static void
hearth_window_constructed (GObject *object)
{
  HearthWindow *self = HEARTH_WINDOW (object);
  HearthStore *store = hearth_context_get_store (self->context);
  GSettings *settings = hearth_context_get_settings (self->context);

  G_OBJECT_CLASS (hearth_window_parent_class)->constructed (object);

  g_signal_connect_object (store, "changed::circles", G_CALLBACK (circles_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::circle_members", G_CALLBACK (circles_changed_cb), self,
                           G_CONNECT_SWAPPED);

  hearth_circles_page_set_context (self->circles_page, self->context, self->session);
  hearth_finance_page_set_context (self->finance_page, self->context, self->session);
  hearth_lifelog_page_set_context (self->lifelog_page, self->context, self->session);
  hearth_tasks_page_set_context (self->tasks_page, self->context, self->session);
  hearth_home_page_set_context (self->home_page, self->context, self->session);

  /* Bound with GET only: the size is written back once, when the window closes,
   * not at every step of a resize. */
  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_GET_NO_CHANGES);
}

static gboolean
hearth_window_close_request (GtkWindow *window)
{
  HearthWindow *self = HEARTH_WINDOW (window);
  GSettings *settings = hearth_context_get_settings (self->context);
  int width;
  int height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (settings);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (settings);

  return GTK_WINDOW_CLASS (hearth_window_parent_class)->close_request (window);
}

static void
hearth_window_dispose (GObject *object)
{
  HearthWindow *self = HEARTH_WINDOW (object);

  g_clear_handle_id (&self->idle_check_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_WINDOW);

  G_OBJECT_CLASS (hearth_window_parent_class)->dispose (object);
}

static void
hearth_window_finalize (GObject *object)
{
  HearthWindow *self = HEARTH_WINDOW (object);

  g_clear_object (&self->session);
  g_clear_object (&self->context);
  g_clear_pointer (&self->circle_ids, g_array_unref);

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
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
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
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
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

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         HEARTH_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HEARTH_TYPE_ONBOARDING);
  g_type_ensure (HEARTH_TYPE_SIGN_IN_VIEW);
  g_type_ensure (HEARTH_TYPE_CIRCLES_PAGE);
  g_type_ensure (HEARTH_TYPE_FINANCE_PAGE);
  g_type_ensure (HEARTH_TYPE_LIFELOG_PAGE);
  g_type_ensure (HEARTH_TYPE_TASKS_PAGE);
  g_type_ensure (HEARTH_TYPE_HOME_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/shell/hearth-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, onboarding);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, sign_in);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, circle_switcher);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, circles_page);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, finance_page);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, lifelog_page);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, tasks_page);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, home_page);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stack_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, onboarding_finished_cb);
  gtk_widget_class_bind_template_callback (widget_class, signed_in_cb);
  gtk_widget_class_bind_template_callback (widget_class, onboarding_cancelled_cb);
  gtk_widget_class_bind_template_callback (widget_class, circle_switcher_selected_cb);

  gtk_widget_class_install_action (widget_class, "win.show-module", "s", show_module_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_action);
  gtk_widget_class_install_action (widget_class, "win.account-security", NULL, account_security_action);
  gtk_widget_class_install_action (widget_class, "win.switch-profile", NULL, switch_profile_action);
  gtk_widget_class_install_action (widget_class, "win.select-circle", "x", select_circle_action);
  gtk_widget_class_install_action (widget_class, "win.add-profile", NULL, add_profile_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.lock", NULL);

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
  GtkEventController *activity;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->circle_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->session = hearth_session_new ();

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  pages = gtk_stack_get_pages (self->stack);
  gtk_list_box_bind_model (self->sidebar, G_LIST_MODEL (pages), create_sidebar_row, self, NULL);
  stack_visible_child_cb (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lock", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.account-security", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.switch-profile", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-module", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.select-circle", FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->circle_switcher), FALSE);

  /* Any input counts as activity for the idle lock; nothing is consumed. */
  activity = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (activity, GTK_PHASE_CAPTURE);
  g_signal_connect (activity, "event", G_CALLBACK (activity_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), activity);
}

/**
 * hearth_window_new:
 * @context: the store, settings, keyring and services the window works with
 *
 * Returns: (transfer full): a new main window, in its "starting" mode
 */
HearthWindow *
hearth_window_new (GtkApplication *application,
                   HearthContext  *context)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (HEARTH_IS_CONTEXT (context), NULL);

  return g_object_new (HEARTH_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

/**
 * hearth_window_start:
 * @actor: (nullable): a profile resumed from the keyring, or %NULL
 *
 * Shows the main view for @actor; without one, the profile picker, or
 * onboarding when there is no profile yet.
 */
void
hearth_window_start (HearthWindow *self,
                     HearthActor  *actor)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (HEARTH_IS_WINDOW (self));

  if (actor != NULL)
    {
      show_main (self, actor);
      return;
    }

  set_actor (self, NULL);
  if (hearth_auth_has_profiles (hearth_context_get_auth (self->context), &error))
    {
      hearth_sign_in_view_start (self->sign_in, hearth_context_get_auth (self->context),
                                 hearth_context_get_keyring (self->context));
      show_mode (self, "sign-in");
    }
  else
    {
      if (error != NULL)
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      hearth_onboarding_start (self->onboarding, hearth_context_get_auth (self->context),
                               hearth_context_get_circles (self->context), TRUE);
      show_mode (self, "onboarding");
    }
}

/**
 * hearth_window_get_actor:
 *
 * Returns: (transfer none) (nullable): who is signed in
 */
HearthActor *
hearth_window_get_actor (HearthWindow *self)
{
  g_return_val_if_fail (HEARTH_IS_WINDOW (self), NULL);

  return hearth_session_get_actor (self->session);
}

/**
 * hearth_window_get_session:
 *
 * Returns: (transfer none): who is signed in here and the current circle
 */
HearthSession *
hearth_window_get_session (HearthWindow *self)
{
  g_return_val_if_fail (HEARTH_IS_WINDOW (self), NULL);

  return self->session;
}

/**
 * hearth_window_get_mode:
 *
 * Returns: "starting", "onboarding", "sign-in" or "main"
 */
const char *
hearth_window_get_mode (HearthWindow *self)
{
  g_return_val_if_fail (HEARTH_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->mode_stack);
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

/**
 * hearth_window_set_sample:
 * @sample: whether the window shows the sample family's database
 *
 * The sample says so: in the title, always, and on the picker, in its header
 * and with the demo passwords.
 */
void
hearth_window_set_sample (HearthWindow *self,
                          gboolean      sample)
{
  g_autoptr (GString) hint = NULL;
  const HearthSampleProfile *profiles;
  guint n;

  g_return_if_fail (HEARTH_IS_WINDOW (self));

  self->sample = sample;
  hearth_sign_in_view_set_subtitle (self->sign_in, sample ? _("Sample Family") : NULL);
  if (!sample)
    {
      hearth_sign_in_view_set_hint (self->sign_in, NULL);
      return;
    }
  hint = g_string_new (_("This is the sample family: nothing here is real. Their passwords:"));
  profiles = hearth_sample_get_profiles (&n);
  for (guint i = 0; i < n; i++)
    /* Translators: a sample profile and its demo password: "Maria Lopez: Harbour-Lantern-41" */
    g_string_append_printf (hint, _("\n%s: %s"), profiles[i].display_name, profiles[i].password);
  hearth_sign_in_view_set_hint (self->sign_in, hint->str);
}

/**
 * hearth_window_show_entry:
 * @entry_id: a life log entry
 *
 * Shows the Life Log with the entry in view, as a capsule's notification asks.
 *
 * Returns: %FALSE when nobody is signed in or the entry is not in the
 *   current circle's timeline
 */
gboolean
hearth_window_show_entry (HearthWindow *self,
                          gint64        entry_id)
{
  g_return_val_if_fail (HEARTH_IS_WINDOW (self), FALSE);

  return hearth_window_show_module (self, "lifelog") &&
         hearth_lifelog_page_show_entry (self->lifelog_page, entry_id);
}
