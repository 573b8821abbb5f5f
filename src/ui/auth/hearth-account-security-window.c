/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-auth-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-account-security-window.h"
#include "hearth-dialogs.h"
#include "hearth-format.h"
#include "hearth-security-event.h"
#include "hearth-session-info.h"

/*
 * Account Security: change the password, see how many recovery keys are left
 * and make new ones, see the open sessions and sign them out, read the
 * profile's security history. Protected changes confirm the password first
 * (sudo mode, in the service); hashing runs in worker threads.
 */

#define HISTORY_LENGTH 50

struct _HearthAccountSecurityWindow
{
  AdwPreferencesWindow  parent_instance;

  HearthAuth           *auth;
  HearthActor          *actor;
  GCancellable         *cancellable;

  AdwActionRow         *keys_row;
  AdwActionRow         *questions_row;
  GtkListBox           *sessions_list;
  GtkWidget            *revoke_others_button;
  GtkListBox           *events_list;
};

G_DEFINE_FINAL_TYPE (HearthAccountSecurityWindow, hearth_account_security_window, ADW_TYPE_PREFERENCES_WINDOW)

static void reload (HearthAccountSecurityWindow *self);

static void
toast (HearthAccountSecurityWindow *self,
       const char                  *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static void
revoke_clicked_cb (GtkButton                   *button,
                   HearthAccountSecurityWindow *self)
{
  g_autoptr (GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "session-id"));

  if (!hearth_auth_revoke_session (self->auth, self->actor, id, &error))
    toast (self, error->message);
  reload (self);
}

static GtkWidget *
create_session_row (gpointer item,
                    gpointer user_data)
{
  HearthAccountSecurityWindow *self = user_data;
  HearthSessionInfo *info = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *since = hearth_format_moment (hearth_session_info_get_created_at (info));
  g_autofree char *subtitle = NULL;

  if (hearth_session_info_get_current (info))
    subtitle = g_strdup_printf (_("This session · since %s"), since);
  else
    subtitle = g_strdup_printf (_("Since %s"), since);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hearth_session_info_get_device_name (info));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (!hearth_session_info_get_current (info))
    {
      GtkWidget *button = gtk_button_new_with_label (_("Sign Out"));
      g_autofree char *label = g_strdup_printf (_("Sign Out the Session on %s Since %s"),
                                                hearth_session_info_get_device_name (info), since);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (button), "session-id", GSIZE_TO_POINTER (hearth_session_info_get_id (info)));
      g_signal_connect_object (button, "clicked", G_CALLBACK (revoke_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

static GtkWidget *
create_event_row (gpointer item,
                  gpointer user_data)
{
  HearthSecurityEvent *event = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = hearth_format_moment (hearth_security_event_get_created_at (event));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hearth_security_event_get_summary (event));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
  return row;
}

static void
reload (HearthAccountSecurityWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) sessions = NULL;
  g_autoptr (GListModel) events = NULL;
  g_autofree char *keys = NULL;
  int remaining;

  remaining = hearth_auth_count_recovery_keys (self->auth, self->actor, &error);
  if (remaining < 0)
    {
      toast (self, error->message);
      return;
    }
  keys = g_strdup_printf (ngettext ("%d of %d left", "%d of %d left", remaining), remaining,
                          HEARTH_AUTH_RECOVERY_KEY_COUNT);
  adw_action_row_set_subtitle (self->keys_row, keys);
  /* The warning SECURITY.md asks for when two or fewer remain. */
  if (remaining <= 2)
    {
      g_autofree char *warning = g_strdup_printf (_("%s. Make new keys before you run out."), keys);

      adw_action_row_set_subtitle (self->keys_row, warning);
      gtk_widget_add_css_class (GTK_WIDGET (self->keys_row), "warning");
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->keys_row), "warning");

  {
    g_auto (GStrv) questions = hearth_auth_dup_security_questions (self->auth,
                                                                   hearth_actor_get_username (self->actor), NULL);

    adw_action_row_set_subtitle (self->questions_row,
                                 questions != NULL ? _("Set")
                                                   : _("Not set: only recovery keys can reset your password"));
  }

  sessions = hearth_auth_list_sessions (self->auth, self->actor, NULL);
  if (sessions != NULL)
    {
      gtk_list_box_bind_model (self->sessions_list, sessions, create_session_row, self, NULL);
      gtk_widget_set_sensitive (self->revoke_others_button, g_list_model_get_n_items (sessions) > 1);
    }

  events = hearth_auth_list_security_events (self->auth, self->actor, HISTORY_LENGTH, NULL);
  if (events != NULL)
    gtk_list_box_bind_model (self->events_list, events, create_event_row, NULL, NULL);
}

static void
revoke_others_clicked_cb (HearthAccountSecurityWindow *self)
{
  g_autoptr (GError) error = NULL;
  guint count = hearth_auth_revoke_other_sessions (self->auth, self->actor, &error);

  if (error != NULL)
    toast (self, error->message);
  else if (count > 0)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("%u other session signed out",
                                                            "%u other sessions signed out", count),
                                                  count);
      toast (self, message);
    }
  reload (self);
}

/* Dialogs with password fields --------------------------------------------------------- */

/* A caption above a field, so that it is named also once text hides the
 * placeholder. */
static void
caption (GtkWidget  *box,
         const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 6);
  gtk_box_append (GTK_BOX (box), label);
}

static GtkWidget *
password_entry (GtkWidget  *box,
                const char *label)
{
  GtkWidget *entry = gtk_password_entry_new ();

  caption (box, label);

  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  g_object_set (entry, "placeholder-text", label, "activates-default", TRUE, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_box_append (GTK_BOX (box), entry);
  return entry;
}

static HearthDialog *
password_dialog (HearthAccountSecurityWindow *self,
                 const char                  *heading,
                 const char                  *body,
                 const char                  *confirm,
                 GtkWidget                  **out_box)
{
  HearthDialog *dialog = hearth_dialog_new_question (GTK_WINDOW (self), heading, body,
                                                         "confirm", confirm, ADW_RESPONSE_SUGGESTED);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  hearth_dialog_set_extra_child (dialog, box);
  *out_box = box;
  return dialog;
}

typedef struct
{
  HearthAccountSecurityWindow *self;
  char                        *current;
  char                        *replacement;
} Change;

static void
change_free (Change *change)
{
  g_clear_object (&change->self);
  g_free (change->current);
  g_free (change->replacement);
  g_free (change);
}

static void
password_changed_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Change *change = user_data;
  g_autoptr (GError) error = NULL;

  if (!hearth_auth_change_password_finish (HEARTH_AUTH (source), result, &error))
    {
      /* Cancelled: the window is gone. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (change->self, error->message);
      change_free (change);
      return;
    }

  toast (change->self, _("Password changed. Other sessions were signed out."));
  reload (change->self);
  change_free (change);
}

static void
sudo_for_password_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Change *change = user_data;
  g_autoptr (GError) error = NULL;

  if (!hearth_auth_enter_sudo_finish (HEARTH_AUTH (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (change->self, error->message);
      change_free (change);
      return;
    }

  hearth_auth_change_password_async (change->self->auth, change->self->actor, change->current,
                                     change->replacement, change->self->cancellable,
                                     password_changed_cb, change);
}

static void
change_password_response_cb (HearthDialog                *dialog,
                             const char                  *response,
                             HearthAccountSecurityWindow *self)
{
  GtkEditable **entries = g_object_get_data (G_OBJECT (dialog), "entries");
  Change *change;

  if (!g_str_equal (response, "confirm"))
    return;

  if (g_strcmp0 (gtk_editable_get_text (entries[1]), gtk_editable_get_text (entries[2])) != 0)
    {
      toast (self, _("The two new passwords are not the same."));
      return;
    }

  change = g_new0 (Change, 1);
  change->self = g_object_ref (self);
  change->current = g_strdup (gtk_editable_get_text (entries[0]));
  change->replacement = g_strdup (gtk_editable_get_text (entries[1]));
  /* Changing the password is a protected action: confirm first. */
  hearth_auth_enter_sudo_async (self->auth, self->actor, change->current, self->cancellable,
                                sudo_for_password_cb, change);
}

static void
change_password_clicked_cb (HearthAccountSecurityWindow *self)
{
  GtkWidget *box;
  HearthDialog *dialog = password_dialog (self, _("Change Password"),
                                              _("Other sessions of your profile will be signed out."),
                                              _("C_hange"), &box);
  GtkEditable **entries = g_new0 (GtkEditable *, 3);

  entries[0] = GTK_EDITABLE (password_entry (box, _("Current Password")));
  entries[1] = GTK_EDITABLE (password_entry (box, _("New Password")));
  entries[2] = GTK_EDITABLE (password_entry (box, _("Confirm New Password")));
  g_object_set_data_full (G_OBJECT (dialog), "entries", entries, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (change_password_response_cb), self, 0);
  hearth_dialog_present (dialog);
}

static void
show_new_keys (HearthAccountSecurityWindow *self,
               GStrv                        keys)
{
  g_autofree char *joined = g_strjoinv ("\n", keys);
  HearthDialog *dialog = hearth_dialog_new_notice (GTK_WINDOW (self), _("Your New Recovery Keys"),
                                                       _("Your old keys no longer work. Keep these somewhere "
                                                         "safe: they are shown only now."),
                                                       "done", _("I Have Kept Them _Safe"));
  GtkWidget *label = gtk_label_new (joined);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "monospace");
  hearth_dialog_set_extra_child (dialog, label);
  hearth_dialog_present (dialog);
}

static void
sudo_for_keys_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (HearthAccountSecurityWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) keys = NULL;

  if (!hearth_auth_enter_sudo_finish (HEARTH_AUTH (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }

  keys = hearth_auth_regenerate_recovery_keys (self->auth, self->actor, &error);
  if (keys == NULL)
    {
      toast (self, error->message);
      return;
    }

  reload (self);
  show_new_keys (self, keys);
}

static void
regenerate_response_cb (HearthDialog                *dialog,
                        const char                  *response,
                        HearthAccountSecurityWindow *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");

  if (!g_str_equal (response, "confirm"))
    return;

  hearth_auth_enter_sudo_async (self->auth, self->actor, gtk_editable_get_text (entry), self->cancellable,
                                sudo_for_keys_cb, g_object_ref (self));
}

static void
regenerate_clicked_cb (HearthAccountSecurityWindow *self)
{
  GtkWidget *box;
  HearthDialog *dialog = password_dialog (self, _("Make New Recovery Keys?"),
                                              _("Your unused keys will stop working. Confirm your password to go on."),
                                              _("_Make New Keys"), &box);

  g_object_set_data (G_OBJECT (dialog), "entry", password_entry (box, _("Password")));
  hearth_dialog_set_response_appearance (dialog, "confirm", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (regenerate_response_cb), self, 0);
  hearth_dialog_present (dialog);
}

#define N_QUESTIONS 3

typedef struct
{
  HearthAccountSecurityWindow *self;
  GStrv                        questions;
  GStrv                        answers;
} Questions;

static void
questions_free (Questions *questions)
{
  g_clear_object (&questions->self);
  g_strfreev (questions->questions);
  g_strfreev (questions->answers);
  g_free (questions);
}

static void
questions_saved_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Questions *questions = user_data;
  g_autoptr (GError) error = NULL;

  if (!hearth_auth_set_security_questions_finish (HEARTH_AUTH (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (questions->self, error->message);
      questions_free (questions);
      return;
    }

  toast (questions->self, _("Security questions saved"));
  reload (questions->self);
  questions_free (questions);
}

static void
sudo_for_questions_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  Questions *questions = user_data;
  g_autoptr (GError) error = NULL;

  if (!hearth_auth_enter_sudo_finish (HEARTH_AUTH (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (questions->self, error->message);
      questions_free (questions);
      return;
    }

  hearth_auth_set_security_questions_async (questions->self->auth, questions->self->actor,
                                            (const char * const *) questions->questions,
                                            (const char * const *) questions->answers,
                                            questions->self->cancellable, questions_saved_cb, questions);
}

static void
questions_response_cb (HearthDialog                *dialog,
                       const char                  *response,
                       HearthAccountSecurityWindow *self)
{
  GtkEditable **entries = g_object_get_data (G_OBJECT (dialog), "entries");
  g_autoptr (GStrvBuilder) questions = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) answers = g_strv_builder_new ();
  Questions *data;

  if (!g_str_equal (response, "confirm"))
    return;

  for (guint i = 0; i < N_QUESTIONS; i++)
    {
      g_strv_builder_add (questions, gtk_editable_get_text (entries[2 * i]));
      g_strv_builder_add (answers, gtk_editable_get_text (entries[2 * i + 1]));
    }

  data = g_new0 (Questions, 1);
  data->self = g_object_ref (self);
  data->questions = g_strv_builder_end (questions);
  data->answers = g_strv_builder_end (answers);
  /* A protected change: the password first. */
  hearth_auth_enter_sudo_async (self->auth, self->actor, gtk_editable_get_text (entries[2 * N_QUESTIONS]),
                                self->cancellable, sudo_for_questions_cb, data);
}

static void
questions_clicked_cb (HearthAccountSecurityWindow *self)
{
  const char *suggestions[N_QUESTIONS] = {
    _("What was the name of your first pet?"),
    _("In which town did your grandparents live?"),
    _("What was the name of your first school?"),
  };
  g_auto (GStrv) current = hearth_auth_dup_security_questions (self->auth,
                                                               hearth_actor_get_username (self->actor), NULL);
  GtkWidget *box;
  HearthDialog *dialog = password_dialog (self, _("Choose Security Questions"),
                                              _("Answering all three will let you choose a new password. "
                                                "People close to you may know these answers."),
                                              _("_Save"), &box);
  GtkEditable **entries = g_new0 (GtkEditable *, 2 * N_QUESTIONS + 1);

  for (guint i = 0; i < N_QUESTIONS; i++)
    {
      g_autofree char *question = g_strdup_printf (_("Question %u"), i + 1);
      g_autofree char *answer = g_strdup_printf (_("Answer %u"), i + 1);
      GtkWidget *entry = gtk_entry_new ();

      caption (box, question);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, question, -1);
      gtk_editable_set_text (GTK_EDITABLE (entry),
                             current != NULL && i < g_strv_length (current) ? current[i] : suggestions[i]);
      gtk_box_append (GTK_BOX (box), entry);
      entries[2 * i] = GTK_EDITABLE (entry);
      entries[2 * i + 1] = GTK_EDITABLE (password_entry (box, answer));
    }
  entries[2 * N_QUESTIONS] = GTK_EDITABLE (password_entry (box, _("Your Password")));

  g_object_set_data_full (G_OBJECT (dialog), "entries", entries, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (questions_response_cb), self, 0);
  hearth_dialog_present (dialog);
}

static void
hearth_account_security_window_dispose (GObject *object)
{
  HearthAccountSecurityWindow *self = HEARTH_ACCOUNT_SECURITY_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_ACCOUNT_SECURITY_WINDOW);
  g_clear_object (&self->auth);
  g_clear_object (&self->actor);

  G_OBJECT_CLASS (hearth_account_security_window_parent_class)->dispose (object);
}

static void
hearth_account_security_window_finalize (GObject *object)
{
  HearthAccountSecurityWindow *self = HEARTH_ACCOUNT_SECURITY_WINDOW (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (hearth_account_security_window_parent_class)->finalize (object);
}

static void
hearth_account_security_window_class_init (HearthAccountSecurityWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_account_security_window_dispose;
  object_class->finalize = hearth_account_security_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/auth/hearth-account-security-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthAccountSecurityWindow, keys_row);
  gtk_widget_class_bind_template_child (widget_class, HearthAccountSecurityWindow, questions_row);
  gtk_widget_class_bind_template_child (widget_class, HearthAccountSecurityWindow, sessions_list);
  gtk_widget_class_bind_template_child (widget_class, HearthAccountSecurityWindow, revoke_others_button);
  gtk_widget_class_bind_template_child (widget_class, HearthAccountSecurityWindow, events_list);
  gtk_widget_class_bind_template_callback (widget_class, change_password_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, regenerate_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, revoke_others_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, questions_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hearth_account_security_window_init (HearthAccountSecurityWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * hearth_account_security_window_new:
 * @actor: whose security it shows
 *
 * Returns: (transfer full): the window, filled
 */
HearthAccountSecurityWindow *
hearth_account_security_window_new (GtkWindow   *parent,
                                    HearthAuth  *auth,
                                    HearthActor *actor)
{
  HearthAccountSecurityWindow *self;

  g_return_val_if_fail (HEARTH_IS_AUTH (auth), NULL);
  g_return_val_if_fail (HEARTH_IS_ACTOR (actor), NULL);

  self = g_object_new (HEARTH_TYPE_ACCOUNT_SECURITY_WINDOW, "transient-for", parent, NULL);
  self->auth = g_object_ref (auth);
  self->actor = g_object_ref (actor);
  reload (self);
  return self;
}
