/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-auth-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-auth-error.h"
#include "hearth-profile.h"
#include "hearth-sign-in-view.h"

/*
 * The profile picker and sign-in: pick a profile, type its password (with "stay
 * signed in" offered), or choose a new password with a recovery key. During a
 * cooldown the Sign In button waits and a label counts the seconds down. Emits
 * `signed-in` with the actor; the "stay signed in" token goes from the sign-in
 * worker straight to the keyring, never through here.
 */

struct _HearthSignInView
{
  AdwBin                parent_instance;

  HearthAuth           *auth;
  HearthKeyring        *keyring;
  HearthProfile        *profile;
  HearthActor          *locked;
  GCancellable         *cancellable;
  guint                 countdown_id;

  GtkButton            *back_button;
  GtkStack             *pages;
  GtkListBox           *profiles_list;
  GtkLabel           *hint_label;
  AdwWindowTitle     *header_title;
  AdwAvatar            *avatar;
  GtkLabel             *name_label;
  AdwPasswordEntryRow  *password_row;
  GtkWidget            *stay_row;
  GtkSwitch            *stay_switch;
  GtkLabel             *password_error;
  GtkButton            *sign_in_button;
  GtkSpinner           *sign_in_spinner;
  AdwEntryRow          *key_row;
  AdwPreferencesGroup  *answers_group;
  GPtrArray            *answer_rows;
  GStrv                 questions;
  gboolean              by_questions;
  GtkLabel             *forgot_explanation;
  GtkWidget            *method_button;
  GtkLabel             *method_label;
  AdwPasswordEntryRow  *new_password_row;
  AdwPasswordEntryRow  *new_confirm_row;
  GtkLabel             *reset_error;
  GtkButton            *reset_button;
  GtkSpinner           *reset_spinner;
};

enum {
  SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (HearthSignInView, hearth_sign_in_view, ADW_TYPE_BIN)

static void
show_error (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static void
show_page (HearthSignInView *self,
           const char       *name)
{
  gtk_stack_set_visible_child_name (self->pages, name);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), !g_str_equal (name, "picker"));
}

/* Shows what is left of a cooldown, every second, and lets the button work
 * again when it is over. */
static gboolean
update_countdown (gpointer user_data)
{
  HearthSignInView *self = user_data;
  gint64 remaining = 0;

  if (self->profile != NULL)
    remaining = hearth_auth_get_cooldown_remaining (self->auth, hearth_profile_get_username (self->profile));

  if (remaining == G_MAXINT64)
    {
      show_error (self->password_error,
                  _("This profile is locked after too many failed attempts. Unlock it with a recovery key: "
                    "choose “Forgot Password?”."));
      gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), FALSE);
      self->countdown_id = 0;
      return G_SOURCE_REMOVE;
    }

  if (remaining > 0)
    {
      int seconds = (int) ((remaining + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
      g_autofree char *text = g_strdup_printf (ngettext ("Too many failed attempts. Try again in %d second.",
                                                         "Too many failed attempts. Try again in %d seconds.",
                                                         seconds),
                                               seconds);

      show_error (self->password_error, text);
      gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), FALSE);
      return G_SOURCE_CONTINUE;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), TRUE);
  if (self->countdown_id != 0)
    show_error (self->password_error, NULL);
  self->countdown_id = 0;
  return G_SOURCE_REMOVE;
}

static void
start_countdown (HearthSignInView *self)
{
  g_clear_handle_id (&self->countdown_id, g_source_remove);
  if (update_countdown (self) == G_SOURCE_CONTINUE)
    self->countdown_id = g_timeout_add (1000, update_countdown, self);
}

static void
choose_profile (HearthSignInView *self,
                HearthProfile    *profile)
{
  g_set_object (&self->profile, profile);
  adw_avatar_set_text (self->avatar, hearth_profile_get_display_name (profile));
  gtk_label_set_label (self->name_label, hearth_profile_get_display_name (profile));
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_switch_set_active (self->stay_switch, FALSE);
  show_error (self->password_error, NULL);
  show_page (self, "password");
  start_countdown (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
profile_chosen_cb (GtkWidget        *row_or_button,
                   HearthSignInView *self)
{
  choose_profile (self, g_object_get_data (G_OBJECT (row_or_button), "profile"));
}

static void
back_clicked_cb (HearthSignInView *self)
{
  if (g_str_equal (gtk_stack_get_visible_child_name (self->pages), "forgot"))
    {
      show_page (self, "password");
      return;
    }

  /* Leaving a locked profile's page is switching profile: its session stays
   * for whoever unlocks it later, or until it expires. */
  g_clear_object (&self->locked);
  gtk_widget_set_visible (self->stay_row, TRUE);
  show_page (self, "picker");
}

static void
unlocked_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (HearthSignInView) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) actor = NULL;
  gboolean unlocked = hearth_auth_unlock_finish (HEARTH_AUTH (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_set_spinning (self->sign_in_spinner, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), TRUE);

  if (!unlocked)
    {
      /* The session ended meanwhile: this becomes an ordinary sign-in. */
      if (g_error_matches (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SESSION_INVALID))
        {
          g_clear_object (&self->locked);
          gtk_widget_set_visible (self->stay_row, TRUE);
        }
      show_error (self->password_error, error->message);
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
      if (hearth_auth_get_cooldown_remaining (self->auth, hearth_profile_get_username (self->profile)) > 0)
        start_countdown (self);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  actor = g_steal_pointer (&self->locked);
  gtk_widget_set_visible (self->stay_row, TRUE);
  g_signal_emit (self, signals[SIGNED_IN], 0, actor, NULL);
}

static void
signed_in_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (HearthSignInView) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) keyring_error = NULL;
  g_autoptr (HearthActor) actor = hearth_auth_sign_in_finish (HEARTH_AUTH (source), result, &keyring_error, &error);

  /* Cancelled: the widget is gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_set_spinning (self->sign_in_spinner, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), TRUE);

  if (actor == NULL)
    {
      show_error (self->password_error, error->message);
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      /* The failure may have started a cooldown. */
      if (hearth_auth_get_cooldown_remaining (self->auth, hearth_profile_get_username (self->profile)) > 0)
        start_countdown (self);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  g_signal_emit (self, signals[SIGNED_IN], 0, actor, keyring_error != NULL ? keyring_error->message : NULL);
}

static void
sign_in_clicked_cb (HearthSignInView *self)
{
  if (self->profile == NULL || !gtk_widget_get_sensitive (GTK_WIDGET (self->sign_in_button)))
    return;

  show_error (self->password_error, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), FALSE);
  gtk_spinner_set_spinning (self->sign_in_spinner, TRUE);

  if (self->locked != NULL)
    {
      hearth_auth_unlock_async (self->auth, self->locked,
                                gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                                self->cancellable, unlocked_cb, g_object_ref (self));
      return;
    }

  hearth_auth_sign_in_async (self->auth, hearth_profile_get_username (self->profile),
                             gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                             gtk_switch_get_active (self->stay_switch) ? self->keyring : NULL, self->cancellable,
                             signed_in_cb, g_object_ref (self));
}

/* Shows the recovery key field, or one answer field per security question. */
static void
set_reset_method (HearthSignInView *self,
                  gboolean          by_questions)
{
  self->by_questions = by_questions && self->questions != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->key_row), !self->by_questions);
  gtk_widget_set_visible (GTK_WIDGET (self->answers_group), self->by_questions);
  gtk_widget_set_visible (self->method_button, self->questions != NULL);
  gtk_label_set_label (self->forgot_explanation,
                       self->by_questions
                       ? _("Answer your security questions, then choose a new password.")
                       : _("Enter one of the recovery keys you kept when you made your profile. Each key works once."));
  gtk_label_set_label (self->method_label,
                       self->by_questions ? _("Use a Recovery _Key Instead")
                                          : _("Answer Security _Questions Instead"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->method_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->by_questions ? _("Use a Recovery Key Instead")
                                                     : _("Answer Security Questions Instead"),
                                  -1);
}

static void
build_answer_rows (HearthSignInView *self)
{
  for (guint i = 0; i < self->answer_rows->len; i++)
    adw_preferences_group_remove (self->answers_group, g_ptr_array_index (self->answer_rows, i));
  g_ptr_array_set_size (self->answer_rows, 0);
  g_clear_pointer (&self->questions, g_strfreev);

  /* Only a profile with questions offers them. */
  self->questions = hearth_auth_dup_security_questions (self->auth, hearth_profile_get_username (self->profile),
                                                        NULL);
  for (guint i = 0; self->questions != NULL && self->questions[i] != NULL; i++)
    {
      GtkWidget *row = adw_password_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), self->questions[i]);
      adw_preferences_group_add (self->answers_group, row);
      g_ptr_array_add (self->answer_rows, row);
    }
}

static void
method_clicked_cb (HearthSignInView *self)
{
  set_reset_method (self, !self->by_questions);
}

static void
forgot_clicked_cb (HearthSignInView *self)
{
  build_answer_rows (self);
  set_reset_method (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->key_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_confirm_row), "");
  show_error (self->reset_error, NULL);
  show_page (self, "forgot");
  gtk_widget_grab_focus (GTK_WIDGET (self->key_row));
}

static void
reset_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (HearthSignInView) self = user_data;
  g_autoptr (GError) error = NULL;
  GtkWidget *overlay;
  gboolean done;

  if (g_task_get_source_tag (G_TASK (result)) == hearth_auth_reset_password_with_answers_async)
    done = hearth_auth_reset_password_with_answers_finish (HEARTH_AUTH (source), result, &error);
  else
    done = hearth_auth_reset_password_with_recovery_key_finish (HEARTH_AUTH (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_set_spinning (self->reset_spinner, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reset_button), TRUE);

  if (!done)
    {
      if (!g_error_matches (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_WRONG_CREDENTIALS))
        show_error (self->reset_error, error->message);
      else if (self->by_questions)
        show_error (self->reset_error, _("Some answers are not right."));
      else
        show_error (self->reset_error, _("That recovery key is not right, or it was used already."));
      return;
    }

  /* A reset signs out every session, a locked one too. */
  g_clear_object (&self->locked);
  gtk_widget_set_visible (self->stay_row, TRUE);
  choose_profile (self, self->profile);
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay),
                                 adw_toast_new (_("Password changed. Sign in with your new password.")));
}

static void
reset_clicked_cb (HearthSignInView *self)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->new_password_row));

  if (self->profile == NULL || !gtk_widget_get_sensitive (GTK_WIDGET (self->reset_button)))
    return;

  if (g_strcmp0 (password, gtk_editable_get_text (GTK_EDITABLE (self->new_confirm_row))) != 0)
    {
      show_error (self->reset_error, _("The two passwords are not the same."));
      return;
    }

  show_error (self->reset_error, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reset_button), FALSE);
  gtk_spinner_set_spinning (self->reset_spinner, TRUE);

  if (self->by_questions)
    {
      g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
      g_auto (GStrv) answers = NULL;

      for (guint i = 0; i < self->answer_rows->len; i++)
        g_strv_builder_add (builder, gtk_editable_get_text (g_ptr_array_index (self->answer_rows, i)));
      answers = g_strv_builder_end (builder);
      hearth_auth_reset_password_with_answers_async (self->auth, hearth_profile_get_username (self->profile),
                                                     (const char * const *) answers, password,
                                                     self->cancellable, reset_done_cb, g_object_ref (self));
      return;
    }

  hearth_auth_reset_password_with_recovery_key_async (self->auth, hearth_profile_get_username (self->profile),
                                                      gtk_editable_get_text (GTK_EDITABLE (self->key_row)),
                                                      password, self->cancellable,
                                                      reset_done_cb, g_object_ref (self));
}

/* A row per profile, activated by a click or Enter; its arrow button is what a
 * screen reader offers ("Sign In as …"). The button is not the row's
 * activatable widget, which would rename it after the row's title. */
static GtkWidget *
create_profile_row (gpointer item,
                    gpointer user_data)
{
  HearthSignInView *self = user_data;
  HearthProfile *profile = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *avatar = adw_avatar_new (40, hearth_profile_get_display_name (profile), TRUE);
  GtkWidget *button = gtk_button_new_from_icon_name ("go-next-symbolic");
  g_autofree char *label = g_strdup_printf (_("Sign In as %s"), hearth_profile_get_display_name (profile));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), "profile", g_object_ref (profile), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "profile", g_object_ref (profile), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (profile_chosen_cb), self, 0);
  g_signal_connect_object (row, "activated", G_CALLBACK (profile_chosen_cb), self, 0);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hearth_profile_get_display_name (profile));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), hearth_profile_get_username (profile));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

static void
hearth_sign_in_view_dispose (GObject *object)
{
  HearthSignInView *self = HEARTH_SIGN_IN_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->countdown_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_SIGN_IN_VIEW);
  g_clear_object (&self->auth);
  g_clear_object (&self->keyring);
  g_clear_object (&self->profile);
  g_clear_object (&self->locked);

  G_OBJECT_CLASS (hearth_sign_in_view_parent_class)->dispose (object);
}

static void
hearth_sign_in_view_finalize (GObject *object)
{
  HearthSignInView *self = HEARTH_SIGN_IN_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->answer_rows, g_ptr_array_unref);
  g_clear_pointer (&self->questions, g_strfreev);

  G_OBJECT_CLASS (hearth_sign_in_view_parent_class)->finalize (object);
}

static void
hearth_sign_in_view_class_init (HearthSignInViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_sign_in_view_dispose;
  object_class->finalize = hearth_sign_in_view_finalize;

  /**
   * HearthSignInView::signed-in:
   * @actor: who signed in
   * @keyring_message: (nullable): why "stay signed in" could not be kept, when
   *   the person chose it and the keyring refused
   */
  signals[SIGNED_IN] =
    g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, HEARTH_TYPE_ACTOR, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/auth/hearth-sign-in-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthSignInView, back_button);
  gtk_widget_class_bind_template_child (widget_class, HearthSignInView, pages);
  gtk_widget_class_bind_template_child (widget_class, HearthSignInView, profiles_list);
  gtk_widget_class_bind_template_child (widget_class, HearthSignInView, hint_label);
  gtk_widget_class_bind_template_child (widget_class, HearthSignInView, header_title);
  gtk_widget_class_bind_template_child (widget_class, HearthSignInView, avatar);
  gtk_widget_class_bind_template_child (widget_class, HearthSignInView, name_label);
  gtk_widget_class_bind_template_child (widget_class, HearthSignInView, password_row);
  gtk_widget_class_bind_template_child (widget_class, HearthSignInView, stay_row);
  gtk_widget_class_bind_template_child (widget_class, HearthSignInView, stay_switch);
  gtk_widget_class_bind_template_child (widget_class, HearthSignInView, password_error);
  gtk_widget_class_bind_template_child (widget_class, HearthSignInView, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, HearthSignInView, sign_in_spinner);
  gtk_widget_class_bind_template_child (widget_class, HearthSignInView, key_row);
  gtk_widget_class_bind_template_child (widget_class, HearthSignInView, answers_group);
  gtk_widget_class_bind_template_child (widget_class, HearthSignInView, forgot_explanation);
  gtk_widget_class_bind_template_child (widget_class, HearthSignInView, method_button);
  gtk_widget_class_bind_template_child (widget_class, HearthSignInView, method_label);
  gtk_widget_class_bind_template_child (widget_class, HearthSignInView, new_password_row);
  gtk_widget_class_bind_template_child (widget_class, HearthSignInView, new_confirm_row);
  gtk_widget_class_bind_template_child (widget_class, HearthSignInView, reset_error);
  gtk_widget_class_bind_template_child (widget_class, HearthSignInView, reset_button);
  gtk_widget_class_bind_template_child (widget_class, HearthSignInView, reset_spinner);
  /* Not used here, but found by name: the display tests press it. */
  gtk_widget_class_bind_template_child_full (widget_class, "forgot_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, forgot_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, method_clicked_cb);
}

static void
hearth_sign_in_view_init (HearthSignInView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->answer_rows = g_ptr_array_new ();
}

/**
 * hearth_sign_in_view_start:
 * @auth: the service that checks passwords
 * @keyring: where "stay signed in" tokens are kept
 *
 * Shows the profile picker with every profile.
 */
void
hearth_sign_in_view_start (HearthSignInView *self,
                           HearthAuth       *auth,
                           HearthKeyring    *keyring)
{
  g_autoptr (GListModel) profiles = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (HEARTH_IS_SIGN_IN_VIEW (self));
  g_return_if_fail (HEARTH_IS_AUTH (auth));
  g_return_if_fail (HEARTH_IS_KEYRING (keyring));

  g_set_object (&self->auth, auth);
  g_set_object (&self->keyring, keyring);
  g_clear_object (&self->profile);
  g_clear_object (&self->locked);
  gtk_widget_set_visible (self->stay_row, TRUE);

  profiles = hearth_auth_list_profiles (auth, &error);
  if (profiles == NULL)
    {
      g_warning ("Cannot list the profiles: %s", error->message);
      profiles = G_LIST_MODEL (g_list_store_new (HEARTH_TYPE_PROFILE));
    }
  gtk_list_box_bind_model (self->profiles_list, profiles, create_profile_row, self, NULL);
  show_page (self, "picker");
}

/**
 * hearth_sign_in_view_lock:
 * @actor: who locked the window
 *
 * Shows @actor's password page; the right password goes on with the same
 * session (`signed-in` is emitted with @actor). Back leads to the
 * picker: switching profile.
 */
void
hearth_sign_in_view_lock (HearthSignInView *self,
                          HearthAuth       *auth,
                          HearthKeyring    *keyring,
                          HearthActor      *actor)
{
  g_autoptr (HearthProfile) profile = NULL;

  g_return_if_fail (HEARTH_IS_SIGN_IN_VIEW (self));
  g_return_if_fail (HEARTH_IS_ACTOR (actor));

  hearth_sign_in_view_start (self, auth, keyring);
  g_set_object (&self->locked, actor);
  gtk_widget_set_visible (self->stay_row, FALSE);
  profile = hearth_profile_new (hearth_actor_get_user_id (actor), hearth_actor_get_username (actor),
                                hearth_actor_get_display_name (actor));
  choose_profile (self, profile);
}

/**
 * hearth_sign_in_view_set_subtitle:
 * @subtitle: (nullable): a line under "Hearth" in the header ("Sample Family")
 */
void
hearth_sign_in_view_set_subtitle (HearthSignInView *self,
                                  const char       *subtitle)
{
  g_return_if_fail (HEARTH_IS_SIGN_IN_VIEW (self));

  adw_window_title_set_subtitle (self->header_title, subtitle != NULL ? subtitle : "");
}

/**
 * hearth_sign_in_view_set_hint:
 * @hint: (nullable): a line above the profiles (the sample family's demo
 *   passwords), or %NULL for none
 */
void
hearth_sign_in_view_set_hint (HearthSignInView *self,
                              const char       *hint)
{
  g_return_if_fail (HEARTH_IS_SIGN_IN_VIEW (self));

  gtk_label_set_label (self->hint_label, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);
}
