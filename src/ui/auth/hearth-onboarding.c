/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-auth-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-auth-error.h"
#include "hearth-onboarding.h"
#include "hearth-password.h"

/*
 * Onboarding, when no profile exists yet: welcome → your profile → your
 * recovery keys (shown once, with Copy and Save) → optional security questions
 * with the plain warning → name your family circle. Emits `finished` with the
 * new, signed-in profile. Hashing runs in HearthAuth's worker threads; the
 * button shows a spinner.
 *
 * The same steps add a profile from the picker, without the welcome and the
 * family circle: a new member joins the family's circle when its owner or an
 * admin adds them. That way can be cancelled (`cancelled`).
 */

#define N_QUESTIONS 3

struct _HearthOnboarding
{
  AdwBin                parent_instance;

  HearthAuth           *auth;
  HearthCircles        *circles;
  HearthActor          *actor;
  gboolean              first_profile;
  GStrv                 keys;
  GCancellable         *cancellable;
  GtkWidget            *question_rows[N_QUESTIONS];
  GtkWidget            *answer_rows[N_QUESTIONS];

  GtkStack             *steps;
  AdwEntryRow          *name_row;
  AdwEntryRow          *username_row;
  AdwEntryRow          *email_row;
  AdwPasswordEntryRow  *password_row;
  AdwPasswordEntryRow  *confirm_row;
  GtkLevelBar          *strength_bar;
  GtkLabel             *strength_label;
  GtkLabel             *profile_error;
  GtkButton            *create_button;
  GtkSpinner           *create_spinner;
  GtkLabel             *keys_label;
  GtkWidget            *keys_done_button;
  AdwPreferencesGroup  *questions_group;
  GtkLabel             *questions_error;
  GtkButton            *skip_button;
  GtkButton            *save_questions_button;
  GtkWidget            *cancel_button;
  AdwEntryRow          *circle_name_row;
  GtkLabel             *circle_error;
  GtkWidget            *create_circle_button;
};

enum {
  FINISHED,
  CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (HearthOnboarding, hearth_onboarding, ADW_TYPE_BIN)

static void
show_error (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_label (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static void
start_clicked_cb (HearthOnboarding *self)
{
  gtk_stack_set_visible_child_name (self->steps, "profile");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
password_changed_cb (HearthOnboarding *self)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  g_autoptr (GError) error = NULL;
  int score = 0;

  /* The strength line below the field speaks for the password now: an error
   * from an earlier Create Profile would contradict it. */
  show_error (self->profile_error, NULL);

  if (*password == '\0')
    {
      gtk_level_bar_set_value (self->strength_bar, 0);
      gtk_label_set_label (self->strength_label, "");
      return;
    }

  if (!hearth_password_check_policy (password,
                                     gtk_editable_get_text (GTK_EDITABLE (self->username_row)),
                                     gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                     HEARTH_PASSWORD_MIN_LENGTH, &score, &error))
    {
      gtk_level_bar_set_value (self->strength_bar, 0);
      gtk_label_set_label (self->strength_label, error->message);
      return;
    }

  gtk_level_bar_set_value (self->strength_bar, 1 + MIN (score, 99) / 33);
  gtk_label_set_label (self->strength_label,
                       score < 50 ? _("Acceptable. A longer password would be stronger.")
                                  : score < 80 ? _("Good password.") : _("Strong password."));
}

static void
set_busy (HearthOnboarding *self,
          GtkButton        *button,
          gboolean          busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (button), !busy);
  if (button == self->create_button)
    gtk_spinner_set_spinning (self->create_spinner, busy);
}

static void
show_keys (HearthOnboarding *self)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; self->keys[i] != NULL; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", self->keys[i]);

  gtk_label_set_label (self->keys_label, text->str);
  /* The profile exists now: there is no going back on it. */
  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_stack_set_visible_child_name (self->steps, "keys");
  /* Not on the selectable label, which would select all of it. */
  gtk_widget_grab_focus (self->keys_done_button);
}

static void
profile_created_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (HearthOnboarding) self = user_data;
  g_autoptr (GError) error = NULL;
  HearthActor *actor = hearth_auth_create_profile_finish (HEARTH_AUTH (source), result, &self->keys, &error);

  /* Cancelled: the widget is gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, self->create_button, FALSE);

  if (actor == NULL)
    {
      /* A refused password is said once, where its strength is shown. */
      if (g_error_matches (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_PASSWORD_REJECTED))
        {
          gtk_level_bar_set_value (self->strength_bar, 0);
          gtk_label_set_label (self->strength_label, error->message);
          gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
        }
      else
        show_error (self->profile_error, error->message);
      return;
    }

  self->actor = actor;
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
  show_keys (self);
}

static void
create_clicked_cb (HearthOnboarding *self)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  const char *email = gtk_editable_get_text (GTK_EDITABLE (self->email_row));

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->create_button)))
    return;

  if (g_strcmp0 (password, gtk_editable_get_text (GTK_EDITABLE (self->confirm_row))) != 0)
    {
      show_error (self->profile_error, _("The two passwords are not the same."));
      gtk_widget_grab_focus (GTK_WIDGET (self->confirm_row));
      return;
    }

  show_error (self->profile_error, NULL);
  set_busy (self, self->create_button, TRUE);
  hearth_auth_create_profile_async (self->auth,
                                    gtk_editable_get_text (GTK_EDITABLE (self->username_row)),
                                    gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                    *email != '\0' ? email : NULL,
                                    password, self->cancellable,
                                    profile_created_cb, g_object_ref (self));
}

static char *
keys_as_text (HearthOnboarding *self)
{
  g_autofree char *joined = g_strjoinv ("\n", self->keys);

  return g_strdup_printf (_("Hearth recovery keys for %s (%s)\n"
                            "Each key works once. Keep this somewhere safe.\n\n%s\n"),
                          hearth_actor_get_display_name (self->actor),
                          hearth_actor_get_username (self->actor), joined);
}

static void
copy_clicked_cb (HearthOnboarding *self)
{
  g_autofree char *text = keys_as_text (self);
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (_("Recovery keys copied")));
}

static void
save_response_cb (GtkNativeDialog  *dialog,
                  int               response,
                  HearthOnboarding *self)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      text = keys_as_text (self);
      path = g_file_get_path (file);
      /* Private to the person who saves it. */
      if (!g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
        {
          GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

          if (overlay != NULL)
            adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
        }
    }

  g_object_unref (dialog);
  g_object_unref (self);
}

static void
save_clicked_cb (HearthOnboarding *self)
{
  GtkFileChooserNative *dialog;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  dialog = gtk_file_chooser_native_new (_("Save Recovery Keys"), GTK_WINDOW (root),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "hearth-recovery-keys.txt");
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
keys_done_clicked_cb (HearthOnboarding *self)
{
  /* Shown once: forget them now. */
  g_clear_pointer (&self->keys, g_strfreev);
  gtk_label_set_label (self->keys_label, "");
  gtk_stack_set_visible_child_name (self->steps, "questions");
}

static void
finish (HearthOnboarding *self)
{
  g_autoptr (HearthActor) actor = g_steal_pointer (&self->actor);

  g_signal_emit (self, signals[FINISHED], 0, actor);
}

/* The questions are done or skipped: the first profile goes on to name the
 * family circle; one added later is done. */
static void
questions_done (HearthOnboarding *self)
{
  if (!self->first_profile)
    {
      finish (self);
      return;
    }

  gtk_stack_set_visible_child_name (self->steps, "circle");
  gtk_widget_grab_focus (GTK_WIDGET (self->circle_name_row));
}

static void
skip_clicked_cb (HearthOnboarding *self)
{
  questions_done (self);
}

static void
create_circle_clicked_cb (HearthOnboarding *self)
{
  g_autoptr (HearthCircle) circle = NULL;
  g_autoptr (GError) error = NULL;

  circle = hearth_circles_create (self->circles, self->actor,
                                  gtk_editable_get_text (GTK_EDITABLE (self->circle_name_row)), &error);
  if (circle == NULL)
    {
      show_error (self->circle_error, error->message);
      return;
    }

  show_error (self->circle_error, NULL);
  finish (self);
}

static void
circle_name_changed_cb (HearthOnboarding *self)
{
  show_error (self->circle_error, NULL);
}

static void
cancel_clicked_cb (HearthOnboarding *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_signal_emit (self, signals[CANCELLED], 0);
}

static void
questions_saved_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (HearthOnboarding) self = user_data;
  g_autoptr (GError) error = NULL;
  gboolean saved = hearth_auth_set_security_questions_finish (HEARTH_AUTH (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->skip_button), TRUE);
  set_busy (self, self->save_questions_button, FALSE);

  if (!saved)
    {
      show_error (self->questions_error, error->message);
      return;
    }

  questions_done (self);
}

static void
save_questions_clicked_cb (HearthOnboarding *self)
{
  const char *questions[N_QUESTIONS + 1] = { NULL };
  const char *answers[N_QUESTIONS + 1] = { NULL };

  for (guint i = 0; i < N_QUESTIONS; i++)
    {
      questions[i] = gtk_editable_get_text (GTK_EDITABLE (self->question_rows[i]));
      answers[i] = gtk_editable_get_text (GTK_EDITABLE (self->answer_rows[i]));
    }

  show_error (self->questions_error, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->skip_button), FALSE);
  set_busy (self, self->save_questions_button, TRUE);
  hearth_auth_set_security_questions_async (self->auth, self->actor, questions, answers,
                                            self->cancellable, questions_saved_cb, g_object_ref (self));
}

static void
build_question_rows (HearthOnboarding *self)
{
  const char *suggestions[N_QUESTIONS] = {
    _("What was the name of your first pet?"),
    _("In which town did your grandparents live?"),
    _("What was the name of your first school?"),
  };

  for (guint i = 0; i < N_QUESTIONS; i++)
    {
      g_autofree char *question_title = g_strdup_printf (_("Question %u"), i + 1);
      g_autofree char *answer_title = g_strdup_printf (_("Answer %u"), i + 1);

      self->question_rows[i] = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->question_rows[i]), question_title);
      gtk_editable_set_text (GTK_EDITABLE (self->question_rows[i]), suggestions[i]);
      adw_preferences_group_add (self->questions_group, self->question_rows[i]);

      self->answer_rows[i] = adw_password_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->answer_rows[i]), answer_title);
      adw_preferences_group_add (self->questions_group, self->answer_rows[i]);
    }
}

static void
hearth_onboarding_dispose (GObject *object)
{
  HearthOnboarding *self = HEARTH_ONBOARDING (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_ONBOARDING);
  g_clear_object (&self->auth);
  g_clear_object (&self->circles);
  g_clear_object (&self->actor);

  G_OBJECT_CLASS (hearth_onboarding_parent_class)->dispose (object);
}

static void
hearth_onboarding_finalize (GObject *object)
{
  HearthOnboarding *self = HEARTH_ONBOARDING (object);

  g_clear_pointer (&self->keys, g_strfreev);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (hearth_onboarding_parent_class)->finalize (object);
}

static void
hearth_onboarding_class_init (HearthOnboardingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_onboarding_dispose;
  object_class->finalize = hearth_onboarding_finalize;

  /**
   * HearthOnboarding::finished:
   * @actor: the new profile, signed in
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, HEARTH_TYPE_ACTOR);

  /**
   * HearthOnboarding::cancelled:
   *
   * Adding a profile from the picker was cancelled before it was created.
   */
  signals[CANCELLED] =
    g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/auth/hearth-onboarding.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthOnboarding, steps);
  gtk_widget_class_bind_template_child (widget_class, HearthOnboarding, name_row);
  gtk_widget_class_bind_template_child (widget_class, HearthOnboarding, username_row);
  gtk_widget_class_bind_template_child (widget_class, HearthOnboarding, email_row);
  gtk_widget_class_bind_template_child (widget_class, HearthOnboarding, password_row);
  gtk_widget_class_bind_template_child (widget_class, HearthOnboarding, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, HearthOnboarding, strength_bar);
  gtk_widget_class_bind_template_child (widget_class, HearthOnboarding, strength_label);
  gtk_widget_class_bind_template_child (widget_class, HearthOnboarding, profile_error);
  gtk_widget_class_bind_template_child (widget_class, HearthOnboarding, create_button);
  gtk_widget_class_bind_template_child (widget_class, HearthOnboarding, create_spinner);
  gtk_widget_class_bind_template_child (widget_class, HearthOnboarding, keys_label);
  gtk_widget_class_bind_template_child (widget_class, HearthOnboarding, keys_done_button);
  gtk_widget_class_bind_template_child (widget_class, HearthOnboarding, questions_group);
  gtk_widget_class_bind_template_child (widget_class, HearthOnboarding, questions_error);
  gtk_widget_class_bind_template_child (widget_class, HearthOnboarding, skip_button);
  gtk_widget_class_bind_template_child (widget_class, HearthOnboarding, save_questions_button);
  gtk_widget_class_bind_template_child (widget_class, HearthOnboarding, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, HearthOnboarding, circle_name_row);
  gtk_widget_class_bind_template_child (widget_class, HearthOnboarding, circle_error);
  gtk_widget_class_bind_template_child (widget_class, HearthOnboarding, create_circle_button);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, keys_done_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_circle_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, circle_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, skip_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_questions_clicked_cb);
}

static void
hearth_onboarding_init (HearthOnboarding *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  build_question_rows (self);
}

/**
 * hearth_onboarding_start:
 * @auth: the service that creates the profile
 * @circles: the service that creates the family circle
 * @first_profile: %TRUE on a new computer: from the welcome page to the family
 *   circle; %FALSE to add a profile from the picker, which can be cancelled
 *
 * Shows the first step, ready for a new profile.
 */
void
hearth_onboarding_start (HearthOnboarding *self,
                         HearthAuth       *auth,
                         HearthCircles    *circles,
                         gboolean          first_profile)
{
  g_return_if_fail (HEARTH_IS_ONBOARDING (self));
  g_return_if_fail (HEARTH_IS_AUTH (auth));
  g_return_if_fail (HEARTH_IS_CIRCLES (circles));

  g_set_object (&self->auth, auth);
  g_set_object (&self->circles, circles);
  g_clear_object (&self->actor);
  g_clear_pointer (&self->keys, g_strfreev);
  self->first_profile = first_profile;

  /* Nothing of a profile added before stays in the form. */
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->username_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
  for (guint i = 0; i < N_QUESTIONS; i++)
    gtk_editable_set_text (GTK_EDITABLE (self->answer_rows[i]), "");
  show_error (self->profile_error, NULL);
  show_error (self->questions_error, NULL);
  show_error (self->circle_error, NULL);

  gtk_widget_set_visible (self->cancel_button, !first_profile);
  gtk_stack_set_visible_child_name (self->steps, first_profile ? "welcome" : "profile");
}
