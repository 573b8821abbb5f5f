/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hearth-dialogs.h"

/*
 * Every dialog that asks a question or says one thing is made here, so that
 * they all behave alike (Escape cancels; Enter confirms what is suggested and
 * never what destroys). The caller adds an extra child when it asks for a
 * value, connects "response" and presents the dialog.
 *
 * Built against libadwaita 1.5 or later, they are AdwAlertDialogs, which
 * libadwaita 1.6 prefers to the AdwMessageDialogs it deprecates; against
 * Debian 12's 1.2, AdwMessageDialogs. The two have the same responses and
 * the same "response" signal; what differs (a dialog that is a widget
 * presented over its parent, not a window of its own) stays in this file.
 * The tests run against 1.2; the Flatpak builds the other branch.
 */

#define USE_ALERT_DIALOG ADW_CHECK_VERSION (1, 5, 0)

#if USE_ALERT_DIALOG
#define DIALOG(widget) ADW_ALERT_DIALOG (widget)
#define dialog_new(parent, heading, body) adw_alert_dialog_new (heading, body)
#define dialog_add_response adw_alert_dialog_add_response
#define dialog_add_responses adw_alert_dialog_add_responses
#define dialog_set_body adw_alert_dialog_set_body
#define dialog_set_extra_child adw_alert_dialog_set_extra_child
#define dialog_set_response_enabled adw_alert_dialog_set_response_enabled
#define dialog_set_response_appearance adw_alert_dialog_set_response_appearance
#define dialog_set_default_response adw_alert_dialog_set_default_response
#define dialog_set_close_response adw_alert_dialog_set_close_response
#else
#define DIALOG(widget) ADW_MESSAGE_DIALOG (widget)
#define dialog_new(parent, heading, body) adw_message_dialog_new (parent, heading, body)
#define dialog_add_response adw_message_dialog_add_response
#define dialog_add_responses adw_message_dialog_add_responses
#define dialog_set_body adw_message_dialog_set_body
#define dialog_set_extra_child adw_message_dialog_set_extra_child
#define dialog_set_response_enabled adw_message_dialog_set_response_enabled
#define dialog_set_response_appearance adw_message_dialog_set_response_appearance
#define dialog_set_default_response adw_message_dialog_set_default_response
#define dialog_set_close_response adw_message_dialog_set_close_response
#endif

/* The window an alert dialog is presented over (a message dialog knows it). */
static void
set_parent (HearthDialog *dialog,
            GtkWindow    *parent)
{
#if USE_ALERT_DIALOG
  g_object_set_data_full (G_OBJECT (dialog), "hearth-dialog-parent", parent != NULL ? g_object_ref (parent) : NULL,
                          g_object_unref);
#endif
}

/**
 * hearth_dialog_new_question:
 * @parent: the window it belongs to
 * @body: (nullable): what the dialog explains below its heading
 * @confirm_id: the response that goes ahead; the other is "cancel"
 * @confirm_label: its label, with a mnemonic
 * @appearance: %ADW_RESPONSE_SUGGESTED, or %ADW_RESPONSE_DESTRUCTIVE for what
 *   cannot be undone: then Enter cancels
 *
 * Returns: (transfer none): a modal dialog, not yet presented
 */
HearthDialog *
hearth_dialog_new_question (GtkWindow             *parent,
                            const char            *heading,
                            const char            *body,
                            const char            *confirm_id,
                            const char            *confirm_label,
                            AdwResponseAppearance  appearance)
{
  GtkWidget *dialog = GTK_WIDGET (dialog_new (parent, heading, body));

  set_parent (dialog, parent);
  dialog_add_responses (DIALOG (dialog), "cancel", _("_Cancel"), confirm_id, confirm_label, NULL);
  dialog_set_response_appearance (DIALOG (dialog), confirm_id, appearance);
  dialog_set_default_response (DIALOG (dialog), appearance == ADW_RESPONSE_DESTRUCTIVE ? "cancel" : confirm_id);
  dialog_set_close_response (DIALOG (dialog), "cancel");
  return dialog;
}

/**
 * hearth_dialog_new_notice:
 * @parent: the window it belongs to
 * @body: (nullable): what the dialog says below its heading
 * @response_id: its one response, which Enter and Escape give too
 * @response_label: (nullable): its label, with a mnemonic; "_Close" when %NULL
 *
 * Returns: (transfer none): a modal dialog, not yet presented
 */
HearthDialog *
hearth_dialog_new_notice (GtkWindow  *parent,
                          const char *heading,
                          const char *body,
                          const char *response_id,
                          const char *response_label)
{
  GtkWidget *dialog = GTK_WIDGET (dialog_new (parent, heading, body));

  set_parent (dialog, parent);
  dialog_add_response (DIALOG (dialog), response_id, response_label != NULL ? response_label : _("_Close"));
  dialog_set_default_response (DIALOG (dialog), response_id);
  dialog_set_close_response (DIALOG (dialog), response_id);
  return dialog;
}

void
hearth_dialog_set_body (HearthDialog *dialog,
                        const char   *body)
{
  dialog_set_body (DIALOG (dialog), body);
}

/**
 * hearth_dialog_set_extra_child:
 * @child: what the dialog asks for (an entry, a list), below the body
 */
void
hearth_dialog_set_extra_child (HearthDialog *dialog,
                               GtkWidget    *child)
{
  dialog_set_extra_child (DIALOG (dialog), child);
}

void
hearth_dialog_set_response_enabled (HearthDialog *dialog,
                                    const char   *response,
                                    gboolean      enabled)
{
  dialog_set_response_enabled (DIALOG (dialog), response, enabled);
}

void
hearth_dialog_set_response_appearance (HearthDialog          *dialog,
                                       const char            *response,
                                       AdwResponseAppearance  appearance)
{
  dialog_set_response_appearance (DIALOG (dialog), response, appearance);
}

/**
 * hearth_dialog_add_response:
 * @response: its id, as the "response" signal says it
 * @label: its label, with a mnemonic
 *
 * A further answer of a question, before its confirming one: Delete beside
 * Save.
 */
void
hearth_dialog_add_response (HearthDialog          *dialog,
                            const char            *response,
                            const char            *label,
                            AdwResponseAppearance  appearance)
{
  dialog_add_response (DIALOG (dialog), response, label);
  dialog_set_response_appearance (DIALOG (dialog), response, appearance);
}

/**
 * hearth_dialog_set_busy:
 * @busy: whether work it started runs (a password being checked)
 *
 * A busy dialog takes no input. The focus leaves it first: a text made
 * insensitive while it has the focus keeps blinking its cursor, and GTK warns
 * of it.
 */
void
hearth_dialog_set_busy (HearthDialog *dialog,
                        gboolean      busy)
{
  if (busy)
#if USE_ALERT_DIALOG
    adw_dialog_set_focus (ADW_DIALOG (dialog), NULL);
#else
    gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
#endif
  gtk_widget_set_sensitive (dialog, !busy);
}

/**
 * hearth_dialog_present:
 *
 * Shows the dialog over the window it was made for.
 */
void
hearth_dialog_present (HearthDialog *dialog)
{
#if USE_ALERT_DIALOG
  adw_dialog_present (ADW_DIALOG (dialog), g_object_get_data (G_OBJECT (dialog), "hearth-dialog-parent"));
#else
  gtk_window_present (GTK_WINDOW (dialog));
#endif
}

/**
 * hearth_dialog_close:
 *
 * Closes the dialog without a response, focus first (see
 * hearth_dialog_set_busy()).
 */
void
hearth_dialog_close (HearthDialog *dialog)
{
#if USE_ALERT_DIALOG
  if (gtk_widget_get_parent (dialog) == NULL)
    {
      /* Never presented: still floating. */
      g_object_unref (g_object_ref_sink (dialog));
      return;
    }
  adw_dialog_set_focus (ADW_DIALOG (dialog), NULL);
  adw_dialog_force_close (ADW_DIALOG (dialog));
#else
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
#endif
}
