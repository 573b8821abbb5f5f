/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-finance-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-mnemonic-button.h"
#include "hearth-money.h"
#include "hearth-receipts.h"
#include "hearth-transaction-dialog.h"
#include "hearth-validation.h"

/*
 * The form that adds a transaction to an account: date, amount (read the way
 * the locale writes numbers, in the account's currency), in or out,
 * description, payee and category. What the service refuses is shown under
 * the form, and the field it names is marked; the form stays open to mend it.
 *
 * The same form edits a transaction: its amount and direction are shown but
 * not editable (a wrong amount is voided and entered again), and its receipts
 * are listed, with a picture's preview, to attach and remove.
 */

struct _HearthTransactionDialog
{
  AdwWindow       parent_instance;

  HearthFinance  *finance;
  HearthActor    *actor;
  HearthAccount  *account;
  HearthTransaction *transaction;  /* when editing */
  GArray         *category_ids;
  GtkListBox     *receipts_list;

  AdwEntryRow    *date_row;
  AdwEntryRow    *amount_row;
  AdwComboRow    *direction_row;
  AdwEntryRow    *description_row;
  AdwEntryRow    *payee_row;
  AdwComboRow    *category_row;
  AdwEntryRow    *tags_row;
  GtkWidget      *attach_spinner;
  GCancellable   *cancellable;  /* the receipts' work in workers, cancelled on close */
  guint           attaching;
  GtkLabel       *error_label;
  GtkWidget      *fields[HEARTH_VALIDATION_ERROR_TAGS + 1];
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
  g_auto (GStrv) tags = hearth_categories_parse_tags (gtk_editable_get_text (GTK_EDITABLE (self->tags_row)));

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
  draft.tags = (const char * const *) tags;

  if (self->transaction != NULL)
    {
      if (!hearth_finance_edit_transaction (self->finance, self->actor, hearth_transaction_get_id (self->transaction),
                                            &draft,
                                            HEARTH_TRANSACTION_FIELD_DATE | HEARTH_TRANSACTION_FIELD_DESCRIPTION |
                                            HEARTH_TRANSACTION_FIELD_PAYEE | HEARTH_TRANSACTION_FIELD_CATEGORY |
                                            HEARTH_TRANSACTION_FIELD_TAGS,
                                            &error))
        {
          show_error (self, error);
          return;
        }
    }
  else if (hearth_finance_add_transaction (self->finance, self->actor, hearth_account_get_id (self->account),
                                           &draft, &error) == 0)
    {
      show_error (self, error);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Receipts -------------------------------------------------------------------------------- */

static void fill_receipts (HearthTransactionDialog *self);

static void
remove_receipt_clicked_cb (GtkButton               *button,
                           HearthTransactionDialog *self)
{
  g_autoptr (GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "receipt-id"));

  if (!hearth_finance_remove_receipt (self->finance, self->actor, id, &error))
    show_error (self, error);
  fill_receipts (self);
}

static void
pdf_preview_ready_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr (GtkPicture) picture = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) png = hearth_receipt_render_preview_finish (result, &error);
  g_autoptr (GdkTexture) texture = NULL;

  if (png == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_widget_set_tooltip_text (GTK_WIDGET (picture), error->message);
      return;
    }
  texture = gdk_texture_new_from_bytes (png, &error);
  if (texture != NULL)
    gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
}

static void
fill_receipts (HearthTransactionDialog *self)
{
  g_autoptr (GPtrArray) receipts = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;
  gint64 circle_id = hearth_account_get_circle_id (self->account);
  gboolean can_remove = hearth_finance_can (self->finance, self->actor, circle_id, "receipt", "remove");

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->receipts_list))) != NULL)
    gtk_list_box_remove (self->receipts_list, child);

  receipts = hearth_finance_list_receipts (self->finance, self->actor, hearth_transaction_get_id (self->transaction),
                                           &error);
  if (receipts == NULL)
    {
      show_error (self, error);
      return;
    }
  if (receipts->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No receipts yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->receipts_list, row);
    }

  for (guint i = 0; i < receipts->len; i++)
    {
      HearthReceipt *receipt = g_ptr_array_index (receipts, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *preview;
      gboolean pdf = g_str_equal (receipt->content_type, "application/pdf");
      /* Translators: a receipt in the list: "Receipt 1" */
      g_autofree char *title = g_strdup_printf (_("Receipt %u"), i + 1);

      if (pdf)
        {
          /* The first page, rendered in a worker; the picture waits empty. */
          preview = gtk_picture_new ();
          hearth_receipt_render_preview_async (receipt->path, 128, self->cancellable, pdf_preview_ready_cb,
                                               g_object_ref (preview));
        }
      else
        {
          preview = gtk_picture_new_for_filename (receipt->path);
        }
      gtk_picture_set_can_shrink (GTK_PICTURE (preview), TRUE);
      gtk_widget_set_size_request (preview, 64, 64);
      gtk_accessible_update_property (GTK_ACCESSIBLE (preview), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), pdf ? _("PDF document") : _("Picture"));
      if (pdf)
        {
          /* A white page on a white row needs its edge. */
          GtkWidget *frame = gtk_frame_new (NULL);

          gtk_widget_set_valign (frame, GTK_ALIGN_CENTER);
          gtk_frame_set_child (GTK_FRAME (frame), preview);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), frame);
        }
      else
        {
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), preview);
        }
      if (can_remove)
        {
          GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
          /* Translators: the button that removes a receipt: "Remove Receipt 1" */
          g_autofree char *name = g_strdup_printf (_("Remove %s"), title);

          gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (remove, "flat");
          gtk_widget_set_tooltip_text (remove, name);
          gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          g_object_set_data (G_OBJECT (remove), "receipt-id", GSIZE_TO_POINTER (receipt->id));
          g_signal_connect (remove, "clicked", G_CALLBACK (remove_receipt_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
        }
      gtk_list_box_append (self->receipts_list, row);
    }
}

static void
attached_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (HearthTransactionDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  gint64 id = hearth_finance_attach_receipt_finish (HEARTH_FINANCE (source), result, &error);

  /* Closed meanwhile: the receipt is attached or not, the form is gone. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  self->attaching--;
  gtk_widget_set_visible (self->attach_spinner, self->attaching > 0);
  gtk_spinner_set_spinning (GTK_SPINNER (self->attach_spinner), self->attaching > 0);
  show_error (self, id == 0 ? error : NULL);
  if (id != 0)
    fill_receipts (self);
}

/**
 * hearth_transaction_dialog_attach_file:
 * @file: a picture or a PDF the person chose or dropped
 *
 * Attaches @file as a receipt of the transaction being edited, reading and
 * copying it in a worker thread; the form shows a spinner meanwhile, then the
 * receipt, or why it was refused.
 */
void
hearth_transaction_dialog_attach_file (HearthTransactionDialog *self,
                                       GFile                   *file)
{
  g_return_if_fail (HEARTH_IS_TRANSACTION_DIALOG (self));
  g_return_if_fail (self->transaction != NULL);

  self->attaching++;
  gtk_widget_set_visible (self->attach_spinner, TRUE);
  gtk_spinner_set_spinning (GTK_SPINNER (self->attach_spinner), TRUE);
  hearth_finance_attach_receipt_async (self->finance, self->actor, hearth_transaction_get_id (self->transaction),
                                       file, self->cancellable, attached_cb, g_object_ref (self));
}

/**
 * hearth_transaction_dialog_get_attaching:
 *
 * Returns: how many files are being attached now
 */
guint
hearth_transaction_dialog_get_attaching (HearthTransactionDialog *self)
{
  g_return_val_if_fail (HEARTH_IS_TRANSACTION_DIALOG (self), 0);
  return self->attaching;
}

static void
chooser_response_cb (GtkNativeDialog         *chooser,
                     int                      response,
                     HearthTransactionDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      hearth_transaction_dialog_attach_file (self, file);
    }
  g_object_unref (chooser);
}

static void
attach_clicked_cb (HearthTransactionDialog *self)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Attach a Receipt"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), NULL);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Pictures and PDF documents"));
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/webp");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A file dropped on the form is attached, as the file chooser would. */
static gboolean
drop_cb (GtkDropTarget           *target,
         const GValue            *value,
         double                   x,
         double                   y,
         HearthTransactionDialog *self)
{
  hearth_transaction_dialog_attach_file (self, g_value_get_object (value));
  return TRUE;
}

static GtkWidget *
build_receipts (HearthTransactionDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *attach = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Receipts"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Photos or scans, up to 25 MB each. Drop a file here to attach it."));
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "mail-attachment-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Attach…"));
  gtk_button_set_child (GTK_BUTTON (attach), content);
  gtk_widget_add_css_class (attach, "flat");
  gtk_widget_set_valign (attach, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (attach, hearth_finance_can (self->finance, self->actor,
                                                      hearth_account_get_circle_id (self->account),
                                                      "receipt", "attach"));
  g_signal_connect_swapped (attach, "clicked", G_CALLBACK (attach_clicked_cb), self);
  self->attach_spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->attach_spinner, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->attach_spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Attaching…"), -1);
  {
    GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

    gtk_box_append (GTK_BOX (suffix), self->attach_spinner);
    gtk_box_append (GTK_BOX (suffix), attach);
    adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), suffix);
  }

  self->receipts_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->receipts_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->receipts_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->receipts_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Receipts"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->receipts_list));

  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  fill_receipts (self);
  return group;
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
  g_autoptr (GPtrArray) category_list = NULL;
  g_autoptr (GtkStringList) categories = gtk_string_list_new (NULL);
  const char * const directions[] = { _("Money Out"), _("Money In"), NULL };
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *add = self->transaction != NULL ? hearth_mnemonic_button_new (_("_Save"), _("Save"))
                                              : hearth_mnemonic_button_new (_("_Add"), _("Add"));
  GtkWidget *cancel = hearth_mnemonic_button_new (_("_Cancel"), _("Cancel"));
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  if (self->transaction != NULL)
    title = g_strdup_printf (_("Edit Transaction – %s"), hearth_account_get_name (self->account));
  else
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
  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  category_list = hearth_categories_list (hearth_finance_get_categories (self->finance), self->actor,
                                          hearth_account_get_circle_id (self->account), "FINANCE", &error);
  if (category_list == NULL)
    g_warning ("No categories: %s", error->message);
  for (guint i = 0; category_list != NULL && i < category_list->len; i++)
    {
      HearthCategory *category = g_ptr_array_index (category_list, i);
      gint64 id = hearth_category_get_id (category);

      g_array_append_val (self->category_ids, id);
      gtk_string_list_append (categories, hearth_category_get_name (category));
    }
  self->category_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->category_row), _("Category"));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
  self->tags_row = ADW_ENTRY_ROW (entry_row (_("Tags, separated by commas"), ""));

  if (self->transaction != NULL)
    {
      HearthNumberFormat format;
      g_autofree char *amount = NULL;

      hearth_number_format_from_locale (&format);
      amount = hearth_money_format (hearth_transaction_get_amount (self->transaction),
                                    hearth_account_get_currency (self->account), &format);
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), hearth_transaction_get_occurred_on (self->transaction));
      gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
      gtk_editable_set_editable (GTK_EDITABLE (self->amount_row), FALSE);
      adw_combo_row_set_selected (self->direction_row, hearth_transaction_get_incoming (self->transaction) ? 1 : 0);
      gtk_widget_set_sensitive (GTK_WIDGET (self->direction_row), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                             hearth_transaction_get_description (self->transaction));
      gtk_editable_set_text (GTK_EDITABLE (self->payee_row), hearth_transaction_get_payee (self->transaction));
      gtk_editable_set_text (GTK_EDITABLE (self->tags_row), hearth_transaction_get_tags (self->transaction));
      for (guint i = 0; i < self->category_ids->len; i++)
        {
          if (g_array_index (self->category_ids, gint64, i) == hearth_transaction_get_category_id (self->transaction))
            adw_combo_row_set_selected (self->category_row, i + 1);
        }
    }

  self->fields[HEARTH_VALIDATION_ERROR_DATE] = GTK_WIDGET (self->date_row);
  self->fields[HEARTH_VALIDATION_ERROR_AMOUNT] = GTK_WIDGET (self->amount_row);
  self->fields[HEARTH_VALIDATION_ERROR_DESCRIPTION] = GTK_WIDGET (self->description_row);
  self->fields[HEARTH_VALIDATION_ERROR_PAYEE] = GTK_WIDGET (self->payee_row);
  self->fields[HEARTH_VALIDATION_ERROR_CATEGORY] = GTK_WIDGET (self->category_row);
  self->fields[HEARTH_VALIDATION_ERROR_TAGS] = GTK_WIDGET (self->tags_row);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->date_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->amount_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->direction_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->description_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->payee_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->category_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->tags_row));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  if (self->transaction != NULL)
    {
      GtkWidget *note = gtk_label_new (_("To change the amount or whether it came in or went out, void this "
                                         "transaction and enter it again: the ledger keeps both."));

      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_widget_add_css_class (note, "dim-label");
      gtk_box_insert_child_after (GTK_BOX (box), note, list);
      gtk_box_append (GTK_BOX (box), build_receipts (self));
    }
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
  gtk_widget_grab_focus (GTK_WIDGET (self->transaction != NULL ? self->description_row : self->amount_row));
}

static void
hearth_transaction_dialog_dispose (GObject *object)
{
  HearthTransactionDialog *self = HEARTH_TRANSACTION_DIALOG (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (hearth_transaction_dialog_parent_class)->dispose (object);
}

static void
hearth_transaction_dialog_finalize (GObject *object)
{
  HearthTransactionDialog *self = HEARTH_TRANSACTION_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->finance);
  g_clear_object (&self->actor);
  g_clear_object (&self->account);
  g_clear_object (&self->transaction);
  g_clear_pointer (&self->category_ids, g_array_unref);

  G_OBJECT_CLASS (hearth_transaction_dialog_parent_class)->finalize (object);
}

static void
hearth_transaction_dialog_class_init (HearthTransactionDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hearth_transaction_dialog_dispose;
  G_OBJECT_CLASS (klass)->finalize = hearth_transaction_dialog_finalize;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hearth_transaction_dialog_init (HearthTransactionDialog *self)
{
  self->cancellable = g_cancellable_new ();
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

/**
 * hearth_transaction_dialog_new_for_edit:
 * @transaction: the transaction to edit, of @account
 *
 * Returns: (transfer full): the form, filled in, with the receipts
 */
HearthTransactionDialog *
hearth_transaction_dialog_new_for_edit (GtkWindow         *parent,
                                        HearthFinance     *finance,
                                        HearthActor       *actor,
                                        HearthAccount     *account,
                                        HearthTransaction *transaction)
{
  HearthTransactionDialog *self;

  g_return_val_if_fail (HEARTH_IS_FINANCE (finance), NULL);
  g_return_val_if_fail (HEARTH_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (HEARTH_IS_TRANSACTION (transaction), NULL);

  self = g_object_new (HEARTH_TYPE_TRANSACTION_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->finance = g_object_ref (finance);
  self->actor = g_object_ref (actor);
  self->account = g_object_ref (account);
  self->transaction = g_object_ref (transaction);
  build (self);
  return self;
}
