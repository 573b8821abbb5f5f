/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-finance-ui"

#include "config.h"

#include <glib/gi18n.h>

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
  GCancellable   *cancellable;  /* the receipts' work in workers, cancelled on close */
  guint           attaching;
  GtkWidget      *fields[HEARTH_VALIDATION_ERROR_TAGS + 1];

  GtkLabel       *add_label;

  AdwEntryRow    *date_row;
  AdwEntryRow    *amount_row;
  AdwComboRow    *direction_row;
  AdwEntryRow    *description_row;
  AdwEntryRow    *payee_row;
  AdwComboRow    *category_row;
  AdwEntryRow    *tags_row;
  GtkWidget      *edit_note;
  GtkLabel       *error_label;
  GtkWidget      *receipts_group;
  GtkWidget      *attach_spinner;
  GtkWidget      *attach_button;
  GtkListBox     *receipts_list;
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

/* Fills the form from what it is given: the account, and the transaction
 * when editing. */
static void
fill (HearthTransactionDialog *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *amount_title = NULL;
  g_autofree char *title = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) category_list = NULL;
  g_autoptr (GtkStringList) categories = gtk_string_list_new (NULL);
  gint64 circle_id = hearth_account_get_circle_id (self->account);

  if (self->transaction != NULL)
    title = g_strdup_printf (_("Edit Transaction – %s"), hearth_account_get_name (self->account));
  else
    title = g_strdup_printf (_("New Transaction – %s"), hearth_account_get_name (self->account));
  gtk_window_set_title (GTK_WINDOW (self), title);

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  /* Translators: the amount field, with the account's currency: "Amount (EUR)" */
  amount_title = g_strdup_printf (_("Amount (%s)"), hearth_account_get_currency (self->account));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->amount_row), amount_title);

  gtk_string_list_append (categories, _("None"));
  category_list = hearth_categories_list (hearth_finance_get_categories (self->finance), self->actor, circle_id,
                                          "FINANCE", &error);
  if (category_list == NULL)
    g_warning ("No categories: %s", error->message);
  for (guint i = 0; category_list != NULL && i < category_list->len; i++)
    {
      HearthCategory *category = g_ptr_array_index (category_list, i);
      gint64 id = hearth_category_get_id (category);

      g_array_append_val (self->category_ids, id);
      gtk_string_list_append (categories, hearth_category_get_name (category));
    }
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));

  if (self->transaction != NULL)
    {
      HearthNumberFormat format;
      g_autofree char *amount = NULL;
      GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);

      gtk_label_set_text_with_mnemonic (self->add_label, _("_Save"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (self->add_label))),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Save"), -1);
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

      gtk_widget_set_visible (self->edit_note, TRUE);
      gtk_widget_set_visible (self->receipts_group, TRUE);
      gtk_widget_set_visible (self->attach_button,
                              hearth_finance_can (self->finance, self->actor, circle_id, "receipt", "attach"));
      g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
      fill_receipts (self);
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->transaction != NULL ? self->description_row : self->amount_row));
}

static void
hearth_transaction_dialog_dispose (GObject *object)
{
  HearthTransactionDialog *self = HEARTH_TRANSACTION_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_TRANSACTION_DIALOG);

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
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = hearth_transaction_dialog_dispose;
  G_OBJECT_CLASS (klass)->finalize = hearth_transaction_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/finance/hearth-transaction-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthTransactionDialog, add_label);
  gtk_widget_class_bind_template_child (widget_class, HearthTransactionDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, HearthTransactionDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, HearthTransactionDialog, direction_row);
  gtk_widget_class_bind_template_child (widget_class, HearthTransactionDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, HearthTransactionDialog, payee_row);
  gtk_widget_class_bind_template_child (widget_class, HearthTransactionDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, HearthTransactionDialog, tags_row);
  gtk_widget_class_bind_template_child (widget_class, HearthTransactionDialog, edit_note);
  gtk_widget_class_bind_template_child (widget_class, HearthTransactionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HearthTransactionDialog, receipts_group);
  gtk_widget_class_bind_template_child (widget_class, HearthTransactionDialog, attach_spinner);
  gtk_widget_class_bind_template_child (widget_class, HearthTransactionDialog, attach_button);
  gtk_widget_class_bind_template_child (widget_class, HearthTransactionDialog, receipts_list);
  gtk_widget_class_bind_template_callback (widget_class, hearth_transaction_dialog_submit);
  gtk_widget_class_bind_template_callback (widget_class, attach_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hearth_transaction_dialog_init (HearthTransactionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->fields[HEARTH_VALIDATION_ERROR_DATE] = GTK_WIDGET (self->date_row);
  self->fields[HEARTH_VALIDATION_ERROR_AMOUNT] = GTK_WIDGET (self->amount_row);
  self->fields[HEARTH_VALIDATION_ERROR_DESCRIPTION] = GTK_WIDGET (self->description_row);
  self->fields[HEARTH_VALIDATION_ERROR_PAYEE] = GTK_WIDGET (self->payee_row);
  self->fields[HEARTH_VALIDATION_ERROR_CATEGORY] = GTK_WIDGET (self->category_row);
  self->fields[HEARTH_VALIDATION_ERROR_TAGS] = GTK_WIDGET (self->tags_row);
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

  self = g_object_new (HEARTH_TYPE_TRANSACTION_DIALOG, "transient-for", parent, NULL);
  self->finance = g_object_ref (finance);
  self->actor = g_object_ref (actor);
  self->account = g_object_ref (account);
  fill (self);
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

  self = g_object_new (HEARTH_TYPE_TRANSACTION_DIALOG, "transient-for", parent, NULL);
  self->finance = g_object_ref (finance);
  self->actor = g_object_ref (actor);
  self->account = g_object_ref (account);
  self->transaction = g_object_ref (transaction);
  fill (self);
  return self;
}
