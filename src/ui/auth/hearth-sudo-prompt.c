/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-auth-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-auth-error.h"
#include "hearth-dialogs.h"
#include "hearth-sudo-prompt.h"

/*
 * Runs a protected action. The service decides whether sudo mode is needed
 * and open: the action is tried first, and only when the service answers
 * HEARTH_AUTH_ERROR_SUDO_REQUIRED is the password asked for (hashing in a
 * worker thread), after which the action is tried once more. A wrong password
 * is said in the dialog, which stays open for another try.
 */

typedef struct
{
  HearthAuth       *auth;
  HearthActor      *actor;
  HearthSudoAction  action;
  HearthSudoDone    done;
  gpointer          user_data;
  GDestroyNotify    destroy;
  HearthDialog *dialog;
  GtkEditable      *entry;
  GtkLabel         *error_label;
  GCancellable     *cancellable;
} Prompt;

/* Focus leaves the password first, so that its cursor stops blinking before
 * the dialog goes. */
static void
close_dialog (Prompt *prompt)
{
  if (prompt->dialog == NULL)
    return;
  hearth_dialog_close (prompt->dialog);
  prompt->dialog = NULL;
}

static void
prompt_free (Prompt *prompt)
{
  if (prompt->destroy != NULL)
    prompt->destroy (prompt->user_data);
  g_clear_object (&prompt->auth);
  g_clear_object (&prompt->actor);
  g_clear_object (&prompt->cancellable);
  g_free (prompt);
}

/* Tries the action and reports; takes @prompt. */
static void
attempt (Prompt *prompt)
{
  g_autoptr (GError) error = NULL;

  if (!prompt->action (prompt->user_data, &error) &&
      g_error_matches (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SUDO_REQUIRED) &&
      prompt->dialog != NULL)
    {
      /* Only shown at the first try: the prompt is the way out of it. */
      hearth_dialog_present (prompt->dialog);
      return;
    }

  close_dialog (prompt);
  prompt->done (prompt->user_data, error);
  prompt_free (prompt);
}

static void
sudo_entered_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Prompt *prompt = user_data;
  g_autoptr (GError) error = NULL;

  if (!hearth_auth_enter_sudo_finish (HEARTH_AUTH (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_label_set_label (prompt->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (prompt->error_label), TRUE);
      hearth_dialog_set_busy (prompt->dialog, FALSE);
      gtk_editable_set_text (prompt->entry, "");
      gtk_widget_grab_focus (GTK_WIDGET (prompt->entry));
      return;
    }

  close_dialog (prompt);
  attempt (prompt);
}

static void
response_cb (HearthDialog *dialog,
             const char       *response,
             Prompt           *prompt)
{
  if (g_str_equal (response, "confirm"))
    {
      hearth_dialog_set_busy (dialog, TRUE);
      hearth_auth_enter_sudo_async (prompt->auth, prompt->actor, gtk_editable_get_text (prompt->entry),
                                    prompt->cancellable, sudo_entered_cb, prompt);
      return;
    }

  {
    g_autoptr (GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));

    g_cancellable_cancel (prompt->cancellable);
    close_dialog (prompt);
    prompt->done (prompt->user_data, cancelled);
    prompt_free (prompt);
  }
}

static HearthDialog *
build_dialog (GtkWindow  *parent,
              const char *heading,
              Prompt     *prompt)
{
  g_autoptr (GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE_PATH "/ui/auth/hearth-sudo-prompt.ui");
  HearthDialog *dialog;

  dialog = hearth_dialog_new_question (parent, heading,
                                       _("This change needs your password. Hearth will not ask "
                                         "again for ten minutes."),
                                       "confirm", _("C_onfirm"), ADW_RESPONSE_SUGGESTED);
  hearth_dialog_set_extra_child (dialog, GTK_WIDGET (gtk_builder_get_object (builder, "content")));
  prompt->entry = GTK_EDITABLE (gtk_builder_get_object (builder, "password_row"));
  prompt->error_label = GTK_LABEL (gtk_builder_get_object (builder, "error_label"));
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), prompt);
  return dialog;
}

/**
 * hearth_sudo_prompt_run:
 * @parent: the window the prompt belongs to
 * @heading: what is being confirmed ("Dissolve Family?")
 * @action: the protected action
 * @done: called once, with the action's outcome
 * @destroy: (nullable): frees @user_data after @done
 *
 * Runs @action; when the service wants sudo mode first, asks for the password,
 * opens sudo mode and runs @action again.
 */
void
hearth_sudo_prompt_run (GtkWindow        *parent,
                        HearthAuth       *auth,
                        HearthActor      *actor,
                        const char       *heading,
                        HearthSudoAction  action,
                        HearthSudoDone    done,
                        gpointer          user_data,
                        GDestroyNotify    destroy)
{
  Prompt *prompt;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (HEARTH_IS_AUTH (auth));
  g_return_if_fail (HEARTH_IS_ACTOR (actor));
  g_return_if_fail (action != NULL && done != NULL);

  prompt = g_new0 (Prompt, 1);
  prompt->auth = g_object_ref (auth);
  prompt->actor = g_object_ref (actor);
  prompt->action = action;
  prompt->done = done;
  prompt->user_data = user_data;
  prompt->destroy = destroy;
  prompt->cancellable = g_cancellable_new ();
  prompt->dialog = build_dialog (parent, heading, prompt);
  attempt (prompt);
}
