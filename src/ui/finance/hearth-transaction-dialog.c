/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-finance-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-mnemonic-button.h"
#include "hearth-money.h"
#include "hearth-transaction-dialog.h"
#include "hearth-validation.h"

/*
 * The form that adds a transaction to an account: date, amount (read the way
 * the locale writes numbers, in the account's currency), in or out,
 * description, payee and category. What the service refuses is shown under
 * the form, and the field it names is marked; the form stays open to mend it.
 */

struct _HearthTransactionDialog
{
  AdwWindow       parent_instance;

  HearthFinance  *finance;
  HearthActor    *actor;
  HearthAccount  *account;
  GArray         *category_ids;

  AdwEntryRow    *date_row;
  AdwEntryRow    *amount_row;
  AdwComboRow    *direction_row;
  AdwEntryRow    *description_row;
  AdwEntryRow    *payee_row;
  AdwComboRow    *category_row;
  GtkLabel       *error_label;
  GtkWidget      *fields[HEARTH_VALIDATION_ERROR_TYPE + 1];
};

G_DEFINE_FINAL_TYPE (HearthTransactionDialog, hearth_transaction_dialog, ADW_TYPE_WINDOW)

static void
show_error (HearthTransactionDialog *self,
            const GError            *error)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->fields); i++)
    {
      if (self->fields[i] != NULL)
        gtk_widget_remove_css_class (self->fields[i], "error");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  if (error == NULL)
    return;

  gtk_label_set_label (self->error_label, error->message);
  if (error->domain == HEARTH_VALIDATION_ERROR && error->code >= 0 &&
      (guint) error->code < G_N_ELEMENTS (self->fields) && self->fields[error->code] != NULL)
    {
      gtk_widget_add_css_class (self->fields[error->code], "error");
      gtk_widget_grab_focus (self->fields[error->code]);
    }
}

/**
 * hearth_transaction_dialog_submit:
 *
 * What the Add button does: checks the form, adds the transaction and
 * closes, or shows what to mend.
 */
void
hearth_transaction_dialog_submit (HearthTransactionDialog *self)
{
  g_autoptr (GError) error = NULL;
  HearthNumberFormat format;
  HearthTransactionDraft draft = { 0 };
  guint category = adw_combo_row_get_selected (self->category_row);

  hearth_number_format_from_locale (&format);
  if (!hearth_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->amount_row)),
                           hearth_account_get_currency (self->account), &format, &draft.amount, &error))
    {
      show_error (self, error);
      return;
    }

  draft.occurred_on = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  draft.incoming = adw_combo_row_get_selected (self->direction_row) == 1;
  draft.description = gtk_editable_get_text (GTK_EDITABLE (self->description_row));
  draft.payee = gtk_editable_get_text (GTK_EDITABLE (self->payee_row));
  /* The first choice is "None". */
  draft.category_id = category > 0 && category - 1 < self->category_ids->len
                      ? g_array_index (self->category_ids, gint64, category - 1) : 0;

  if (hearth_finance_add_transaction (self->finance, self->actor, hearth_account_get_id (self->account), &draft,
                                      &error) == 0)
    {
      show_error (self, error);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static GtkWidget *
entry_row (const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  return row;
}

static void
build (HearthTransactionDialog *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *amount_title = NULL;
  g_autofree char *title = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) category_names = NULL;
  g_autoptr (GtkStringList) categories = gtk_string_list_new (NULL);
  const char * const directions[] = { _("Money Out"), _("Money In"), NULL };
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *add = hearth_mnemonic_button_new (_("_Add"), _("Add"));
  GtkWidget *cancel = hearth_mnemonic_button_new (_("_Cancel"), _("Cancel"));
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  title = g_strdup_printf (_("New Transaction – %s"), hearth_account_get_name (self->account));
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, -1);

  self->date_row = ADW_ENTRY_ROW (entry_row (_("Date (YYYY-MM-DD)"), today));
  /* Translators: the amount field, with the account's currency: "Amount (EUR)" */
  amount_title = g_strdup_printf (_("Amount (%s)"), hearth_account_get_currency (self->account));
  self->amount_row = ADW_ENTRY_ROW (entry_row (amount_title, ""));
  self->direction_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->direction_row), _("Direction"));
  adw_combo_row_set_model (self->direction_row, G_LIST_MODEL (gtk_string_list_new (directions)));
  self->description_row = ADW_ENTRY_ROW (entry_row (_("Description"), ""));
  self->payee_row = ADW_ENTRY_ROW (entry_row (_("Payee"), ""));

  gtk_string_list_append (categories, _("None"));
  if (hearth_finance_list_categories (self->finance, &self->category_ids, &category_names, &error))
    {
      for (guint i = 0; category_names[i] != NULL; i++)
        gtk_string_list_append (categories, category_names[i]);
    }
  else
    {
      self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_warning ("No categories: %s", error->message);
    }
  self->category_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->category_row), _("Category"));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));

  self->fields[HEARTH_VALIDATION_ERROR_DATE] = GTK_WIDGET (self->date_row);
  self->fields[HEARTH_VALIDATION_ERROR_AMOUNT] = GTK_WIDGET (self->amount_row);
  self->fields[HEARTH_VALIDATION_ERROR_DESCRIPTION] = GTK_WIDGET (self->description_row);
  self->fields[HEARTH_VALIDATION_ERROR_PAYEE] = GTK_WIDGET (self->payee_row);
  self->fields[HEARTH_VALIDATION_ERROR_CATEGORY] = GTK_WIDGET (self->category_row);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->date_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->amount_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->direction_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->description_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->payee_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->category_row));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);

  gtk_widget_add_css_class (add, "suggested-action");
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (hearth_transaction_dialog_submit), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), add);
  gtk_window_set_default_widget (GTK_WINDOW (self), add);

  gtk_box_append (GTK_BOX (content), header);
  gtk_box_append (GTK_BOX (content), clamp);
  adw_window_set_content (ADW_WINDOW (self), content);
  gtk_widget_grab_focus (GTK_WIDGET (self->amount_row));
}

static void
hearth_transaction_dialog_finalize (GObject *object)
{
  HearthTransactionDialog *self = HEARTH_TRANSACTION_DIALOG (object);

  g_clear_object (&self->finance);
  g_clear_object (&self->actor);
  g_clear_object (&self->account);
  g_clear_pointer (&self->category_ids, g_array_unref);

  G_OBJECT_CLASS (hearth_transaction_dialog_parent_class)->finalize (object);
}

static void
hearth_transaction_dialog_class_init (HearthTransactionDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hearth_transaction_dialog_finalize;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hearth_transaction_dialog_init (HearthTransactionDialog *self)
{
}

/**
 * hearth_transaction_dialog_new:
 * @account: the account the transaction goes to
 *
 * Returns: (transfer full): the form, today's date filled in
 */
HearthTransactionDialog *
hearth_transaction_dialog_new (GtkWindow     *parent,
                               HearthFinance *finance,
                               HearthActor   *actor,
                               HearthAccount *account)
{
  HearthTransactionDialog *self;

  g_return_val_if_fail (HEARTH_IS_FINANCE (finance), NULL);
  g_return_val_if_fail (HEARTH_IS_ACCOUNT (account), NULL);

  self = g_object_new (HEARTH_TYPE_TRANSACTION_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->finance = g_object_ref (finance);
  self->actor = g_object_ref (actor);
  self->account = g_object_ref (account);
  build (self);
  return self;
}
