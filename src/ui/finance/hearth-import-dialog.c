/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-finance-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-csv.h"
#include "hearth-import.h"
#include "hearth-import-dialog.h"

/*
 * The import assistant: how to read the bank's CSV file (delimiter, encoding,
 * dates, decimals; the columns are guessed from the header and can be
 * chosen), a preview of the first rows as they would be read, then the import
 * in a worker thread with a progress bar and Cancel. A file with bad lines
 * lists each one and imports nothing. An OFX or QFX statement says how it is
 * written: it is imported as it is, with the same progress and problems.
 */

#define PREVIEW_ROWS 5

static const char delimiters[] = { ',', ';', '\t' };
static const char * const encodings[] = { "UTF-8", "ISO-8859-1", "WINDOWS-1252" };

struct _HearthImportDialog
{
  AdwWindow       parent_instance;

  HearthFinance  *finance;
  HearthActor    *actor;
  HearthAccount  *account;
  GBytes         *data;
  GCancellable   *cancellable;
  guint           n_problems;
  gboolean        running;
  gboolean        ofx;        /* an OFX or QFX statement: nothing to choose */

  GtkWidget      *outcome_group;
  GtkWidget      *reading_group;
  GtkWidget      *preview_group;
  GtkWidget      *columns_group;
  AdwComboRow    *delimiter_row;
  AdwComboRow    *encoding_row;
  AdwComboRow    *date_row;
  AdwComboRow    *decimal_row;
  GtkSwitch      *header_switch;
  AdwComboRow    *columns[4];   /* date, amount, description, payee */
  GtkGrid        *preview;
  GtkLabel       *status;
  GtkProgressBar *progress;
  GtkListBox     *problems;
  GtkWidget      *import_button;
  GtkWidget      *cancel_button;
};

G_DEFINE_FINAL_TYPE (HearthImportDialog, hearth_import_dialog, ADW_TYPE_WINDOW)

enum { COLUMN_DATE, COLUMN_AMOUNT, COLUMN_DESCRIPTION, COLUMN_PAYEE };

static void
clear (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else
        gtk_grid_remove (GTK_GRID (container), child);
    }
}

static GPtrArray *
parse (HearthImportDialog  *self,
       GError             **error)
{
  gsize length;
  const char *data = g_bytes_get_data (self->data, &length);

  return hearth_csv_parse (data, length, encodings[adw_combo_row_get_selected (self->encoding_row)],
                           delimiters[adw_combo_row_get_selected (self->delimiter_row)], error);
}

static void
set_status (HearthImportDialog *self,
            const char         *text,
            gboolean            error)
{
  gtk_label_set_label (self->status, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status), text != NULL);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status), "error");
}

/* The column names: the header's, or "Column 1" … */
static void
fill_columns (HearthImportDialog *self,
              HearthCsvRow       *first)
{
  static const char * const guesses[][6] = {
    { "date", "datum", "fecha", "booking", "buchungstag", NULL },
    { "amount", "betrag", "importe", "montant", "value", NULL },
    { "description", "text", "memo", "verwendungszweck", "details", NULL },
    { "payee", "name", "empfänger", "beneficiary", "counterparty", NULL },
  };
  guint n = first != NULL ? g_strv_length (first->fields) : 0;

  for (guint c = 0; c < G_N_ELEMENTS (self->columns); c++)
    {
      g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
      guint guess = c < 2 ? c + 1 : 0;   /* by default: date first, amount second */

      gtk_string_list_append (names, _("None"));
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *lower = g_utf8_strdown (first->fields[i], -1);
          g_autofree char *name = gtk_switch_get_active (self->header_switch) && *first->fields[i] != '\0'
                                  ? g_strdup (first->fields[i])
                                  /* Translators: a column of a file without a header: "Column 3" */
                                  : g_strdup_printf (_("Column %u"), i + 1);

          gtk_string_list_append (names, name);
          for (guint g = 0; gtk_switch_get_active (self->header_switch) && guesses[c][g] != NULL; g++)
            {
              if (strstr (lower, guesses[c][g]) != NULL)
                guess = i + 1;
            }
        }
      adw_combo_row_set_model (self->columns[c], G_LIST_MODEL (names));
      adw_combo_row_set_selected (self->columns[c], MIN (guess, n));
    }
}

static void
fill_preview (HearthImportDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = parse (self, &error);
  guint first = gtk_switch_get_active (self->header_switch) ? 1 : 0;

  clear (GTK_WIDGET (self->preview));
  if (rows == NULL)
    {
      set_status (self, error->message, TRUE);
      gtk_widget_set_sensitive (self->import_button, FALSE);
      return;
    }
  set_status (self, NULL, FALSE);
  gtk_widget_set_sensitive (self->import_button, rows->len > first);

  for (guint r = 0; r < rows->len && r < first + PREVIEW_ROWS; r++)
    {
      HearthCsvRow *row = g_ptr_array_index (rows, r);

      for (guint c = 0; row->fields[c] != NULL && c < 8; c++)
        {
          GtkWidget *label = gtk_label_new (row->fields[c]);

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
          if (r < first)
            gtk_widget_add_css_class (label, "heading");
          gtk_grid_attach (self->preview, label, (int) c, (int) r, 1, 1);
        }
    }
}

static void
options_changed_cb (HearthImportDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = parse (self, &error);

  fill_columns (self, rows != NULL && rows->len > 0 ? g_ptr_array_index (rows, 0) : NULL);
  fill_preview (self);
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  HearthImportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress, total > 0 ? (double) done / total : 1.0);
}

static void
set_running (HearthImportDialog *self,
             gboolean            running)
{
  self->running = running;
  gtk_widget_set_visible (GTK_WIDGET (self->progress), running);
  gtk_widget_set_sensitive (self->import_button, !running);
}

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (HearthImportDialog) self = user_data;
  g_autoptr (HearthImportReport) report = NULL;
  g_autoptr (GError) error = NULL;

  set_running (self, FALSE);
  clear (GTK_WIDGET (self->problems));
  if (!hearth_finance_import_finish (HEARTH_FINANCE (source), result, &report, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_status (self, _("Cancelled: nothing was imported."), FALSE);
          return;
        }
      set_status (self, error->message, TRUE);
      for (guint i = 0; report != NULL && i < report->problems->len; i++)
        {
          HearthImportProblem *problem = g_ptr_array_index (report->problems, i);
          GtkWidget *row = adw_action_row_new ();
          /* Translators: where a bad row of an imported file is: "Line 5000", or the
           * 12th transaction of an OFX statement: "Transaction 12" */
          g_autofree char *where = g_strdup_printf (self->ofx ? _("Transaction %u") : _("Line %u"), problem->line);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), where);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem->reason);
          gtk_list_box_append (self->problems, row);
        }
      self->n_problems = report != NULL ? report->problems->len : 0;
      gtk_widget_set_visible (GTK_WIDGET (self->problems), self->n_problems > 0);
      return;
    }

  {
    g_autofree char *done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u transaction imported",
                                                          "%u transactions imported", report->added),
                                             report->added);
    AdwToastOverlay *toasts = g_object_get_data (G_OBJECT (self), "toasts");

    if (toasts != NULL)
      adw_toast_overlay_add_toast (toasts, adw_toast_new (done));
  }
  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * hearth_import_dialog_start:
 *
 * What the Import button does: imports in a worker thread, all or nothing.
 */
void
hearth_import_dialog_start (HearthImportDialog *self)
{
  HearthCsvImport options = { 0 };
  static const char * const decimal_points[] = { ".", "," };
  static const char * const group_separators[] = { ",", "." };
  guint decimal = adw_combo_row_get_selected (self->decimal_row);

  g_return_if_fail (HEARTH_IS_IMPORT_DIALOG (self));

  if (self->running)
    return;
  if (self->ofx)
    {
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
      self->n_problems = 0;
      set_status (self, _("Importing…"), FALSE);
      set_running (self, TRUE);
      gtk_progress_bar_set_fraction (self->progress, 0);
      hearth_finance_import_ofx_async (self->finance, self->actor, hearth_account_get_id (self->account), self->data,
                                       self->cancellable, progress_cb, self, imported_cb, g_object_ref (self));
      return;
    }
  options.delimiter = delimiters[adw_combo_row_get_selected (self->delimiter_row)];
  options.encoding = encodings[adw_combo_row_get_selected (self->encoding_row)];
  options.has_header = gtk_switch_get_active (self->header_switch);
  options.date_order = (HearthDateOrder) adw_combo_row_get_selected (self->date_row);
  hearth_number_format_init (&options.number_format, decimal_points[MIN (decimal, 1)],
                             group_separators[MIN (decimal, 1)]);
  options.date_column = (int) adw_combo_row_get_selected (self->columns[COLUMN_DATE]) - 1;
  options.amount_column = (int) adw_combo_row_get_selected (self->columns[COLUMN_AMOUNT]) - 1;
  options.description_column = (int) adw_combo_row_get_selected (self->columns[COLUMN_DESCRIPTION]) - 1;
  options.payee_column = (int) adw_combo_row_get_selected (self->columns[COLUMN_PAYEE]) - 1;
  options.debit_column = options.credit_column = -1;
  if (options.date_column < 0 || options.amount_column < 0)
    {
      set_status (self, _("Choose the columns of the date and of the amount."), TRUE);
      return;
    }

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->n_problems = 0;
  set_status (self, _("Importing…"), FALSE);
  set_running (self, TRUE);
  gtk_progress_bar_set_fraction (self->progress, 0);
  hearth_finance_import_csv_async (self->finance, self->actor, hearth_account_get_id (self->account), self->data,
                                   &options, self->cancellable, progress_cb, self, imported_cb,
                                   g_object_ref (self));
}

/**
 * hearth_import_dialog_get_n_problems:
 *
 * Returns: how many lines the last attempt could not read
 */
guint
hearth_import_dialog_get_n_problems (HearthImportDialog *self)
{
  g_return_val_if_fail (HEARTH_IS_IMPORT_DIALOG (self), 0);
  return self->n_problems;
}

static void
cancel_clicked_cb (HearthImportDialog *self)
{
  if (self->running)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

/* Guesses from the file's first line: the delimiter it uses most, whether it
 * is a header, and how its numbers and dates look. */
static void
guess (HearthImportDialog *self)
{
  gsize length;
  const char *data = g_bytes_get_data (self->data, &length);
  const char *end = memchr (data, '\n', length);
  g_autofree char *first = g_strndup (data, end != NULL ? (gsize) (end - data) : MIN (length, 4096));
  guint counts[G_N_ELEMENTS (delimiters)] = { 0 };
  guint best = 0;

  for (const char *p = first; *p != '\0'; p++)
    for (guint d = 0; d < G_N_ELEMENTS (delimiters); d++)
      counts[d] += *p == delimiters[d];
  for (guint d = 1; d < G_N_ELEMENTS (delimiters); d++)
    if (counts[d] > counts[best])
      best = d;
  adw_combo_row_set_selected (self->delimiter_row, best);
  /* Semicolons mostly come with decimal commas and day-first dates. */
  adw_combo_row_set_selected (self->decimal_row, best == 1 ? 1 : 0);
  adw_combo_row_set_selected (self->date_row, best == 1 ? HEARTH_DATE_ORDER_DMY : HEARTH_DATE_ORDER_YMD);
  gtk_switch_set_active (self->header_switch, !g_ascii_isdigit (*first));
  if (!g_utf8_validate_len (data, length, NULL))
    adw_combo_row_set_selected (self->encoding_row, 1);
}

/* Fills the form from the file: an OFX statement says how it is written, a
 * CSV file is guessed at and previewed. */
static void
fill (HearthImportDialog *self,
      const char         *file_name)
{
  g_autofree char *title = g_strdup_printf (_("Import into %s"), hearth_account_get_name (self->account));

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->reading_group), file_name);
  if (self->ofx)
    {
      /* The statement says how it is written: nothing to choose, nothing to
       * preview before the import reads it. */
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->outcome_group), file_name);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->outcome_group),
                                             _("An OFX statement from the bank. Each transaction keeps the bank’s "
                                               "own id, so importing the same statement again adds nothing."));
      gtk_widget_set_visible (self->reading_group, FALSE);
      gtk_widget_set_visible (self->columns_group, FALSE);
      gtk_widget_set_visible (self->preview_group, FALSE);
      return;
    }
  guess (self);
  options_changed_cb (self);
  g_signal_connect_swapped (self->delimiter_row, "notify::selected", G_CALLBACK (options_changed_cb), self);
  g_signal_connect_swapped (self->encoding_row, "notify::selected", G_CALLBACK (options_changed_cb), self);
  g_signal_connect_swapped (self->header_switch, "notify::active", G_CALLBACK (options_changed_cb), self);
}

static void
hearth_import_dialog_dispose (GObject *object)
{
  HearthImportDialog *self = HEARTH_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (hearth_import_dialog_parent_class)->dispose (object);
}

static void
hearth_import_dialog_finalize (GObject *object)
{
  HearthImportDialog *self = HEARTH_IMPORT_DIALOG (object);

  g_clear_object (&self->finance);
  g_clear_object (&self->actor);
  g_clear_object (&self->account);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->data, g_bytes_unref);

  G_OBJECT_CLASS (hearth_import_dialog_parent_class)->finalize (object);
}

static void
hearth_import_dialog_class_init (HearthImportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = hearth_import_dialog_dispose;
  G_OBJECT_CLASS (klass)->finalize = hearth_import_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/finance/hearth-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, outcome_group);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, status);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, problems);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, reading_group);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, header_switch);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, decimal_row);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, HearthImportDialog, columns_group);
  gtk_widget_class_bind_template_child_full (widget_class, "date_column", FALSE,
                                             G_STRUCT_OFFSET (HearthImportDialog, columns[COLUMN_DATE]));
  gtk_widget_class_bind_template_child_full (widget_class, "amount_column", FALSE,
                                             G_STRUCT_OFFSET (HearthImportDialog, columns[COLUMN_AMOUNT]));
  gtk_widget_class_bind_template_child_full (widget_class, "description_column", FALSE,
                                             G_STRUCT_OFFSET (HearthImportDialog, columns[COLUMN_DESCRIPTION]));
  gtk_widget_class_bind_template_child_full (widget_class, "payee_column", FALSE,
                                             G_STRUCT_OFFSET (HearthImportDialog, columns[COLUMN_PAYEE]));
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, hearth_import_dialog_start);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hearth_import_dialog_init (HearthImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * hearth_import_dialog_set_choices:
 *
 * Sets how to read the file, as a person would in the form: the indexes of
 * the delimiter (comma, semicolon, tab), the encoding (UTF-8, Latin-1,
 * Windows-1252), the date order (HearthDateOrder) and the decimal mark
 * (point, comma).
 */
void
hearth_import_dialog_set_choices (HearthImportDialog *self,
                                  guint               delimiter,
                                  guint               encoding,
                                  guint               date_order,
                                  guint               decimal)
{
  g_return_if_fail (HEARTH_IS_IMPORT_DIALOG (self));

  adw_combo_row_set_selected (self->delimiter_row, delimiter);
  adw_combo_row_set_selected (self->encoding_row, encoding);
  adw_combo_row_set_selected (self->date_row, date_order);
  adw_combo_row_set_selected (self->decimal_row, decimal);
}

/**
 * hearth_import_dialog_new:
 * @data: the file's bytes
 * @file_name: its name, shown
 *
 * Returns: (transfer full): the assistant, with its guesses made
 */
HearthImportDialog *
hearth_import_dialog_new (GtkWindow     *parent,
                          HearthFinance *finance,
                          HearthActor   *actor,
                          HearthAccount *account,
                          GBytes        *data,
                          const char    *file_name)
{
  HearthImportDialog *self;

  g_return_val_if_fail (HEARTH_IS_FINANCE (finance), NULL);
  g_return_val_if_fail (HEARTH_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  self = g_object_new (HEARTH_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->finance = g_object_ref (finance);
  self->actor = g_object_ref (actor);
  self->account = g_object_ref (account);
  self->data = g_bytes_ref (data);
  self->ofx = hearth_import_is_ofx (g_bytes_get_data (data, NULL), g_bytes_get_size (data));
  fill (self, file_name);
  return self;
}
