/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hearth-dialogs.h"

/*
 * Every dialog that asks a question or says one thing is made here, so that
 * they all behave alike (Escape cancels; Enter confirms what is suggested and
 * never what destroys) and so that moving to libadwaita's newer dialogs, when
 * every runtime Hearth ships on has them, is a change to this file. The
 * caller adds an extra child when it asks for a value, connects "response"
 * and presents the dialog.
 */

/**
 * hearth_dialog_new_question:
 * @body: (nullable): what the dialog explains below its heading
 * @confirm_id: the response that goes ahead; the other is "cancel"
 * @confirm_label: its label, with a mnemonic
 * @appearance: %ADW_RESPONSE_SUGGESTED, or %ADW_RESPONSE_DESTRUCTIVE for what
 *   cannot be undone: then Enter cancels
 *
 * Returns: (transfer none): a modal dialog, not yet presented
 */
AdwMessageDialog *
hearth_dialog_new_question (GtkWindow             *parent,
                            const char            *heading,
                            const char            *body,
                            const char            *confirm_id,
                            const char            *confirm_label,
                            AdwResponseAppearance  appearance)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), confirm_id, confirm_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, confirm_id, appearance);
  adw_message_dialog_set_default_response (dialog, appearance == ADW_RESPONSE_DESTRUCTIVE ? "cancel" : confirm_id);
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

/**
 * hearth_dialog_new_notice:
 * @body: (nullable): what the dialog says below its heading
 * @response_id: its one response, which Enter and Escape give too
 * @response_label: (nullable): its label, with a mnemonic; "_Close" when %NULL
 *
 * Returns: (transfer none): a modal dialog, not yet presented
 */
AdwMessageDialog *
hearth_dialog_new_notice (GtkWindow  *parent,
                          const char *heading,
                          const char *body,
                          const char *response_id,
                          const char *response_label)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  adw_message_dialog_add_response (dialog, response_id, response_label != NULL ? response_label : _("_Close"));
  adw_message_dialog_set_default_response (dialog, response_id);
  adw_message_dialog_set_close_response (dialog, response_id);
  return dialog;
}
