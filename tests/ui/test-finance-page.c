/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-test"

#include "config.h"

#include <cairo-pdf.h>

#include "hearth-categories-window.h"
#include "hearth-chart.h"
#include "hearth-clock.h"
#include "hearth-finance-page.h"
#include "hearth-import-dialog.h"
#include "hearth-password.h"
#include "hearth-store.h"
#include "hearth-test-common.h"
#include "hearth-test-ui.h"
#include "hearth-transaction-dialog.h"
#include "hearth-window.h"

/*
 * The Finance page on a real display: accounts with their balances, the
 * ledger in a column view over the query model, the form with its inline
 * error, void with Undo, and what a visitor is not offered. Screens go to
 * build/tests/screenshots/.
 */

typedef struct
{
  HearthTestFamily  family;
  HearthContext    *context;
  HearthActor      *visitor;   /* the family's */
  HearthWindow     *window;
  gint64            account;
} Fixture;

static void
add (Fixture    *f,
     const char *date,
     gint64      amount,
     gboolean    incoming,
     const char *description)
{
  g_autoptr (GError) error = NULL;
  HearthTransactionDraft draft = { date, amount, incoming, description, "", 0 };

  hearth_finance_add_transaction (f->family.finance, f->family.owner, f->account, &draft, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthAccount) account = NULL;

  hearth_test_family_set_up (&f->family, "Olivia", "Family");
  f->visitor = hearth_test_family_add (&f->family, "Victor", HEARTH_ROLE_VISITOR);
  account = hearth_finance_create_account (f->family.finance, f->family.owner, f->family.circle_id, "Joint Account",
                                           "BANK", "EUR", &error);
  g_assert_no_error (error);
  f->account = hearth_account_get_id (account);
  add (f, "2026-11-01", 250000, TRUE, "Salary");
  add (f, "2026-11-03", 90000, FALSE, "Rent");
  add (f, "2026-11-20", 6420, FALSE, "Groceries");

  f->context = hearth_test_context_new (&f->family);
  f->window = hearth_window_new (NULL, f->context);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  hearth_test_finalize (&f->context);
  hearth_test_family_tear_down (&f->family);
}

static gboolean
settled (gpointer user_data)
{
  Fixture *f = user_data;

  return !gtk_stack_get_transition_running (hearth_test_child (f->window, HEARTH_TYPE_WINDOW, "mode_stack")) &&
         !gtk_stack_get_transition_running (hearth_test_child (f->window, HEARTH_TYPE_WINDOW, "stack"));
}

static HearthFinancePage *
show_finance (Fixture     *f,
              HearthActor *actor)
{
  hearth_window_start (f->window, actor);
  g_assert_true (hearth_window_show_module (f->window, "finance"));
  hearth_test_wait_until (settled, f, "the window's transitions");
  hearth_test_wait_for_draw (GTK_WIDGET (f->window));
  return hearth_test_child (f->window, HEARTH_TYPE_WINDOW, "finance_page");
}

static GListModel *
ledger_of (HearthFinancePage *page)
{
  return G_LIST_MODEL (gtk_column_view_get_model (hearth_test_child (page, HEARTH_TYPE_FINANCE_PAGE, "ledger_view")));
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
dialog_shown (gpointer user_data)
{
  return hearth_test_find_toplevel (HEARTH_TYPE_TRANSACTION_DIALOG) != NULL;
}

static gint64
balance (Fixture *f)
{
  return hearth_test_query_int (f->family.store, "SELECT balance FROM accounts");
}

/* The ledger's column titles, in order, ending with %NULL. */
static void
assert_columns (HearthFinancePage *page,
                ...)
{
  GListModel *columns = gtk_column_view_get_columns (hearth_test_child (page, HEARTH_TYPE_FINANCE_PAGE,
                                                                          "ledger_view"));
  guint n = g_list_model_get_n_items (columns);
  const char *title;
  guint i = 0;
  va_list args;

  va_start (args, page);
  while ((title = va_arg (args, const char *)) != NULL)
    {
      g_autoptr (GtkColumnViewColumn) column = NULL;

      g_assert_cmpuint (i, <, n);
      column = g_list_model_get_item (columns, i++);
      g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, title);
    }
  va_end (args);
  g_assert_cmpuint (i, ==, n);
}

static void
test_ledger_and_form (Fixture       *f,
                      gconstpointer  data)
{
  HearthFinancePage *page = show_finance (f, f->family.owner);
  g_autoptr (GPtrArray) rows = hearth_test_find_all (hearth_test_child (page, HEARTH_TYPE_FINANCE_PAGE,
                                                                        "accounts_list"),
                                                     ADW_TYPE_ACTION_ROW);
  GtkLabel *summary = hearth_test_child (page, HEARTH_TYPE_FINANCE_PAGE, "summary_label");
  g_autoptr (GPtrArray) entries = NULL;
  GtkWindow *dialog;
  GtkWidget *amount;

  /* The family's circle is current; its account is selected, its ledger shown. */
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_nonnull (hearth_finance_page_get_account (page));
  g_assert_cmpuint (g_list_model_get_n_items (ledger_of (page)), ==, 3);
  g_assert_cmpstr (gtk_label_get_label (summary), ==, "Balance 1535.80 EUR · 3 transactions");
  assert_columns (page, "Date", "Description", "Payee", "Category", "Tags", "Amount", "Status", NULL);
  g_free (hearth_test_save_png (GTK_WIDGET (f->window), "finance-ledger"));

  /* The form: a wrong amount is shown at its field, and nothing is added. */
  gtk_widget_activate_action (GTK_WIDGET (page), "finance.add-transaction", NULL);
  hearth_test_wait_until (dialog_shown, NULL, "the transaction form");
  dialog = hearth_test_find_toplevel (HEARTH_TYPE_TRANSACTION_DIALOG);
  entries = hearth_test_find_all (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  g_assert_cmpuint (entries->len, ==, 5);  /* date, amount, description, payee, tags */
  amount = g_ptr_array_index (entries, 1);
  gtk_editable_set_text (GTK_EDITABLE (amount), "12,3x");
  gtk_editable_set_text (g_ptr_array_index (entries, 2), "Bakery");
  hearth_transaction_dialog_submit (HEARTH_TRANSACTION_DIALOG (dialog));
  g_assert_true (gtk_widget_has_css_class (amount, "error"));
  g_assert_cmpint (hearth_test_query_int (f->family.store, "SELECT count(*) FROM transactions"), ==, 3);
  hearth_test_wait_for_draw (GTK_WIDGET (dialog));
  g_free (hearth_test_save_png (GTK_WIDGET (dialog), "finance-form-error"));

  gtk_editable_set_text (GTK_EDITABLE (amount), "12.30");
  gtk_editable_set_text (g_ptr_array_index (entries, 4), "Treats, school,  ");
  hearth_transaction_dialog_submit (HEARTH_TRANSACTION_DIALOG (dialog));
  g_assert_cmpint (hearth_test_query_int (f->family.store, "SELECT count(*) FROM transactions"), ==, 4);
  g_assert_cmpint (hearth_test_query_int (f->family.store, "SELECT count(*) FROM tag_relations"), ==, 2);
  g_assert_cmpint (balance (f), ==, 153580 - 1230);
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (ledger_of (page)), ==, 4);
  g_assert_cmpstr (gtk_label_get_label (summary), ==, "Balance 1523.50 EUR · 4 transactions");
  {
    g_autoptr (HearthTransaction) bakery = g_list_model_get_item (ledger_of (page), 0);

    g_assert_cmpstr (hearth_transaction_get_description (bakery), ==, "Bakery");
    g_assert_cmpstr (hearth_transaction_get_tags (bakery), ==, "school, Treats");
  }
}

static gboolean
categories_window_shown (gpointer user_data)
{
  GtkWindow *window = hearth_test_find_toplevel (HEARTH_TYPE_CATEGORIES_WINDOW);

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static GtkWidget *
find_labelled (GtkWidget  *root,
               GType       type,
               const char *label)
{
  g_autoptr (GPtrArray) widgets = hearth_test_find_all (root, type);

  for (guint i = 0; i < widgets->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (widgets, i);
      const char *title = ADW_IS_PREFERENCES_ROW (widget)
                          ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget))
                          : gtk_widget_get_tooltip_text (widget);

      if (g_strcmp0 (title, label) == 0 && gtk_widget_get_visible (widget))
        return widget;
    }
  return NULL;
}

typedef struct
{
  HearthFinancePage *page;
  guint              n;
} Choices;

static gboolean
tag_filter_has (gpointer user_data)
{
  Choices *choices = user_data;
  GtkDropDown *filter = hearth_test_child (choices->page, HEARTH_TYPE_FINANCE_PAGE, "tag_filter");
  GListModel *model = gtk_drop_down_get_model (filter);

  return model != NULL && g_list_model_get_n_items (model) == choices->n;
}

/* Lines carry tags; the tag filter narrows the ledger in SQL; the circle's
 * categories and tags are kept in their own window, where a visitor changes
 * nothing. */
static void
test_tags_and_categories (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  HearthFinancePage *page = show_finance (f, f->family.owner);
  GtkDropDown *tag_filter = hearth_test_child (page, HEARTH_TYPE_FINANCE_PAGE, "tag_filter");
  g_autoptr (HearthTransaction) rent = NULL;
  const char *tags[] = { "Home", NULL };
  HearthTransactionDraft values = { .tags = tags };
  Choices two = { page, 2 };
  GtkWindow *window;
  GtkWidget *new_category;

  /* No tags yet: no filter to choose from. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (tag_filter)));
  rent = g_list_model_get_item (ledger_of (page), 1);
  g_assert_cmpstr (hearth_transaction_get_description (rent), ==, "Rent");
  hearth_finance_edit_transaction (f->family.finance, f->family.owner, hearth_transaction_get_id (rent), &values,
                                   HEARTH_TRANSACTION_FIELD_TAGS, &error);
  g_assert_no_error (error);

  /* The new tag reaches the filter; choosing it leaves the rent, with the
   * filter's totals. */
  hearth_test_wait_until (tag_filter_has, &two, "the tag filter to offer Home");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (tag_filter)));
  gtk_drop_down_set_selected (tag_filter, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ledger_of (page)), ==, 1);
  g_assert_cmpstr (gtk_label_get_label (hearth_test_child (page, HEARTH_TYPE_FINANCE_PAGE, "summary_label")), ==,
                   "1 transaction · in 0.00 EUR · out 900.00 EUR");
  hearth_test_wait_for_draw (GTK_WIDGET (f->window));
  g_free (hearth_test_save_png (GTK_WIDGET (f->window), "finance-tag-filter"));

  /* The window: a category added by its entry row, the tag with its use. */
  gtk_widget_activate_action (GTK_WIDGET (page), "finance.categories", NULL);
  hearth_test_wait_until (categories_window_shown, NULL, "the categories window");
  window = hearth_test_find_toplevel (HEARTH_TYPE_CATEGORIES_WINDOW);
  new_category = find_labelled (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "New Category");
  g_assert_nonnull (new_category);
  gtk_editable_set_text (GTK_EDITABLE (new_category), "Pets");
  g_signal_emit_by_name (new_category, "apply");
  g_assert_cmpint (hearth_test_query_int (f->family.store, "SELECT count(*) FROM categories WHERE name = 'Pets' "
                                                    "AND circle_id IS NOT NULL"), ==, 1);
  g_assert_nonnull (find_labelled (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Delete Pets"));
  g_assert_nonnull (find_labelled (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Rename Home"));
  g_assert_null (find_labelled (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Delete Groceries"));
  {
    AdwActionRow *home = ADW_ACTION_ROW (find_labelled (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "Home"));

    g_assert_nonnull (home);
    g_assert_cmpstr (adw_action_row_get_subtitle (home), ==, "On 1 transaction");
  }
  hearth_test_wait_for_draw (GTK_WIDGET (window));
  g_free (hearth_test_save_png (GTK_WIDGET (window), "finance-categories-and-tags"));
  gtk_window_destroy (window);

  /* Renamed elsewhere, the filter follows and keeps its choice. */
  hearth_categories_rename_tag (hearth_finance_get_categories (f->family.finance), f->family.owner,
                                hearth_test_query_int (f->family.store, "SELECT id FROM tags"),
                                "Household", &error);
  g_assert_no_error (error);
  drain ();
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (tag_filter)), 1), ==,
                   "Household");
  g_assert_cmpuint (gtk_drop_down_get_selected (tag_filter), ==, 1);
}

static void
test_visitor_changes_no_category (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) victor = hearth_auth_sign_in (f->family.auth, "victor", HEARTH_TEST_PASSWORD, FALSE, NULL,
                                                        &error);
  HearthFinancePage *page;
  GtkWindow *window;
  g_autoptr (GPtrArray) buttons = NULL;

  g_assert_no_error (error);
  page = show_finance (f, victor);
  gtk_widget_activate_action (GTK_WIDGET (page), "finance.categories", NULL);
  hearth_test_wait_until (categories_window_shown, NULL, "the categories window");
  window = hearth_test_find_toplevel (HEARTH_TYPE_CATEGORIES_WINDOW);
  g_assert_null (find_labelled (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "New Category"));
  g_assert_null (find_labelled (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "New Tag"));
  g_assert_nonnull (find_labelled (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "Groceries"));
  buttons = hearth_test_find_all (GTK_WIDGET (window), GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    {
      const char *tooltip = gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i));

      g_assert_false (tooltip != NULL && (g_str_has_prefix (tooltip, "Delete ") ||
                                          g_str_has_prefix (tooltip, "Rename ")));
    }
  gtk_window_destroy (window);
}

static void
test_void_and_undo (Fixture       *f,
                    gconstpointer  data)
{
  HearthFinancePage *page = show_finance (f, f->family.owner);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (ledger_of (page));
  g_autoptr (GPtrArray) buttons = NULL;
  GtkWidget *undo = NULL;

  /* The newest line, the groceries. */
  gtk_single_selection_set_selected (selection, 0);
  g_assert_true (gtk_widget_get_sensitive (hearth_test_child (page, HEARTH_TYPE_FINANCE_PAGE, "void_button")));
  gtk_widget_activate_action (GTK_WIDGET (page), "finance.void", NULL);
  g_assert_cmpint (hearth_test_query_int (f->family.store, "SELECT count(*) FROM transactions WHERE status = 'VOIDED'"),
                   ==, 1);
  g_assert_cmpint (balance (f), ==, 153580 + 6420);
  drain ();
  hearth_test_wait_for_draw (GTK_WIDGET (f->window));
  g_free (hearth_test_save_png (GTK_WIDGET (f->window), "finance-voided"));

  /* The toast's Undo puts it back. */
  buttons = hearth_test_find_all (GTK_WIDGET (page), GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), "_Undo") == 0)
        undo = button;
    }
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  g_assert_cmpint (hearth_test_query_int (f->family.store, "SELECT count(*) FROM transactions WHERE status = 'VOIDED'"),
                   ==, 0);
  g_assert_cmpint (balance (f), ==, 153580);
}

static gboolean
charts_filled (gpointer user_data)
{
  GPtrArray *charts = user_data;

  return hearth_chart_get_n_months (g_ptr_array_index (charts, 0)) > 0 &&
         hearth_chart_get_n_months (g_ptr_array_index (charts, 1)) > 0;
}

/* The two charts, in the light style and the dark. */
static void
test_charts (Fixture       *f,
             gconstpointer  data)
{
  HearthFinancePage *page = show_finance (f, f->family.owner);
  GtkStack *stack = hearth_test_child (page, HEARTH_TYPE_FINANCE_PAGE, "ledger_stack");
  g_autoptr (GPtrArray) charts = NULL;

  gtk_toggle_button_set_active (hearth_test_child (page, HEARTH_TYPE_FINANCE_PAGE, "charts_button"), TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "charts");
  /* The figures come from a worker: this month's spending and balance, the
   * ledger's only month. */
  charts = hearth_test_find_all (GTK_WIDGET (page), HEARTH_TYPE_CHART);
  g_assert_cmpuint (charts->len, ==, 2);
  hearth_test_wait_until (charts_filled, charts, "the charts' figures");
  g_assert_cmpuint (hearth_chart_get_n_months (g_ptr_array_index (charts, 0)), ==, 1);
  g_assert_cmpuint (hearth_chart_get_n_months (g_ptr_array_index (charts, 1)), ==, 1);
  hearth_test_wait_for_draw (GTK_WIDGET (f->window));
  g_free (hearth_test_save_png (GTK_WIDGET (f->window), "finance-charts"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  hearth_test_wait_for_draw (GTK_WIDGET (f->window));
  g_free (hearth_test_save_png (GTK_WIDGET (f->window), "finance-charts-dark"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  gtk_toggle_button_set_active (hearth_test_child (page, HEARTH_TYPE_FINANCE_PAGE, "charts_button"), FALSE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "rows");
}

static void
test_visitor_reads_only (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) victor = hearth_auth_sign_in (f->family.auth, "victor", HEARTH_TEST_PASSWORD, FALSE, NULL,
                                                        &error);
  HearthFinancePage *page;

  g_assert_no_error (error);
  page = show_finance (f, victor);
  g_assert_cmpuint (g_list_model_get_n_items (ledger_of (page)), ==, 3);
  g_assert_false (gtk_widget_get_visible (hearth_test_child (page, HEARTH_TYPE_FINANCE_PAGE, "add_button")));
  g_assert_false (gtk_widget_get_visible (hearth_test_child (page, HEARTH_TYPE_FINANCE_PAGE, "void_button")));
  g_assert_false (gtk_widget_get_visible (hearth_test_child (page, HEARTH_TYPE_FINANCE_PAGE, "new_account_button")));
  g_free (hearth_test_save_png (GTK_WIDGET (f->window), "finance-visitor"));
}

static gboolean
attached (gpointer user_data)
{
  return hearth_transaction_dialog_get_attaching (user_data) == 0;
}

/* Two receipts, both pictures with something to show. */
static gboolean
pictures_shown (gpointer user_data)
{
  g_autoptr (GPtrArray) pictures = hearth_test_find_all (user_data, GTK_TYPE_PICTURE);
  guint shown = 0;

  for (guint i = 0; i < pictures->len; i++)
    shown += gtk_picture_get_paintable (g_ptr_array_index (pictures, i)) != NULL;
  return shown == 2;
}

/* Whether a visible label of @root starts with @text. */
static gboolean
error_shown (GtkWidget  *root,
             const char *text)
{
  g_autoptr (GPtrArray) labels = hearth_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (gtk_widget_is_visible (label) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (label)), text))
        return TRUE;
    }
  return FALSE;
}

/* A line opened for editing: its amount stays, the rest is saved and logged;
 * a picture dropped or chosen is attached, shown, and removed again. */
static void
test_edit_and_receipts (Fixture       *f,
                        gconstpointer  data)
{
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2,
    0, 0, 0, 0x90, 0x77, 0x53, 0xde, 0, 0, 0, 12, 'I', 'D', 'A', 'T', 0x08, 0xd7, 0x63, 0xf8, 0xcf, 0xc0, 0, 0,
    3, 1, 1, 0, 0x18, 0xdd, 0x8d, 0xb0, 0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82,
  };
  static const char text[] = "not a picture";
  HearthFinancePage *page = show_finance (f, f->family.owner);
  g_autofree char *png_path = g_build_filename (f->family.dir, "till-receipt.png", NULL);
  g_autofree char *text_path = g_build_filename (f->family.dir, "notes.jpg", NULL);
  g_autoptr (GFile) picture = g_file_new_for_path (png_path);
  g_autoptr (GFile) disguised = g_file_new_for_path (text_path);
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GPtrArray) pictures = NULL;
  g_autoptr (GPtrArray) buttons = NULL;
  GtkWindow *dialog;

  g_assert_true (g_file_set_contents (png_path, (const char *) png, sizeof png, NULL));
  g_assert_true (g_file_set_contents (text_path, text, -1, NULL));

  /* The newest line, the groceries, as Enter on it does. */
  g_signal_emit_by_name (hearth_test_child (page, HEARTH_TYPE_FINANCE_PAGE, "ledger_view"), "activate", 0);
  hearth_test_wait_until (dialog_shown, NULL, "the edit form");
  dialog = hearth_test_find_toplevel (HEARTH_TYPE_TRANSACTION_DIALOG);
  entries = hearth_test_find_all (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (entries, 1)), ==, "64.20");
  g_assert_false (gtk_editable_get_editable (g_ptr_array_index (entries, 1)));
  g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (entries, 2)), ==, "Groceries");

  /* A text file called .jpg is refused, at its field; a picture is attached
   * in a worker and shown. */
  hearth_transaction_dialog_attach_file (HEARTH_TRANSACTION_DIALOG (dialog), disguised);
  hearth_test_wait_until (attached, dialog, "the refusal");
  g_assert_cmpint (hearth_test_query_int (f->family.store, "SELECT count(*) FROM transaction_receipts"), ==, 0);
  g_assert_true (error_shown (GTK_WIDGET (dialog), "This file is not a picture or a PDF."));
  hearth_transaction_dialog_attach_file (HEARTH_TRANSACTION_DIALOG (dialog), picture);
  hearth_test_wait_until (attached, dialog, "the receipt");
  g_assert_false (error_shown (GTK_WIDGET (dialog), "This file is not a picture or a PDF."));
  g_assert_cmpint (hearth_test_query_int (f->family.store, "SELECT count(*) FROM transaction_receipts"), ==, 1);
  pictures = hearth_test_find_all (GTK_WIDGET (dialog), GTK_TYPE_PICTURE);
  g_assert_cmpuint (pictures->len, ==, 1);

  /* A PDF is shown by its first page, rendered in a worker. */
  {
    g_autofree char *pdf_path = g_build_filename (f->family.dir, "invoice.pdf", NULL);
    g_autoptr (GFile) pdf = g_file_new_for_path (pdf_path);
    cairo_surface_t *surface = cairo_pdf_surface_create (pdf_path, 210, 297);
    cairo_t *cr = cairo_create (surface);

    cairo_rectangle (cr, 20, 20, 170, 40);
    cairo_fill (cr);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
    hearth_transaction_dialog_attach_file (HEARTH_TRANSACTION_DIALOG (dialog), pdf);
    hearth_test_wait_until (attached, dialog, "the PDF receipt");
    hearth_test_wait_until (pictures_shown, dialog, "the PDF's first page");
  }
  hearth_test_wait_for_draw (GTK_WIDGET (dialog));
  g_free (hearth_test_save_png (GTK_WIDGET (dialog), "finance-edit-with-receipt"));

  /* Removed again (an admin's, the owner's here): the picture first. */
  buttons = hearth_test_find_all (GTK_WIDGET (dialog), GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if (g_object_get_data (G_OBJECT (button), "receipt-id") != NULL)
        {
          g_signal_emit_by_name (button, "clicked");
          break;
        }
    }
  g_assert_cmpint (hearth_test_query_int (f->family.store, "SELECT count(*) FROM transaction_receipts"), ==, 1);

  /* Saved: the description changed and logged, the amount as it was. */
  gtk_editable_set_text (g_ptr_array_index (entries, 2), "Weekly groceries");
  hearth_transaction_dialog_submit (HEARTH_TRANSACTION_DIALOG (dialog));
  g_assert_cmpint (hearth_test_query_int (f->family.store, "SELECT count(*) FROM transactions "
                                                    "WHERE description = 'Weekly groceries' AND amount = 6420"), ==, 1);
  g_assert_cmpint (hearth_test_query_int (f->family.store, "SELECT count(*) FROM transaction_logs "
                                                    "WHERE json_extract (changes, '$.description.new') = "
                                                    "'Weekly groceries'"), ==, 1);
}

typedef struct
{
  HearthFinancePage *page;
  guint              n;
} Count;

static gboolean
ledger_has (gpointer user_data)
{
  Count *count = user_data;

  return g_list_model_get_n_items (ledger_of (count->page)) == count->n;
}

static gboolean
import_dialog_shown (gpointer user_data)
{
  return hearth_test_find_toplevel (HEARTH_TYPE_IMPORT_DIALOG) != NULL;
}

static gboolean
import_dialog_gone (gpointer user_data)
{
  return hearth_test_find_toplevel (HEARTH_TYPE_IMPORT_DIALOG) == NULL;
}

static gboolean
has_problems (gpointer user_data)
{
  return hearth_import_dialog_get_n_problems (user_data) > 0;
}

/* The assistant guesses a German bank's file, shows it, refuses a file with a
 * bad line and names it, and imports a good one in a worker thread; the
 * ledger and the balance follow. */
static void
test_import_assistant (Fixture       *f,
                       gconstpointer  data)
{
  static const char good[] = "Buchungstag;Verwendungszweck;Empfänger;Betrag\n"
                             "21.11.2026;Strom;Stadtwerke;-84,00\n"
                             "22.11.2026;Erstattung;Kasse;12,50\n";
  static const char bad[] = "Buchungstag;Verwendungszweck;Empfänger;Betrag\n"
                            "21.11.2026;Strom;Stadtwerke;-84,00\n"
                            "32.11.2026;Kaputt;Niemand;1,00\n";
  HearthFinancePage *page = show_finance (f, f->family.owner);
  g_autofree char *good_path = g_build_filename (f->family.dir, "kontoauszug.csv", NULL);
  g_autofree char *bad_path = g_build_filename (f->family.dir, "kaputt.csv", NULL);
  g_autoptr (GFile) good_file = g_file_new_for_path (good_path);
  g_autoptr (GFile) bad_file = g_file_new_for_path (bad_path);
  Count five = { page, 5 };
  GtkWindow *dialog;

  g_assert_true (g_file_set_contents (good_path, good, -1, NULL));
  g_assert_true (g_file_set_contents (bad_path, bad, -1, NULL));

  hearth_finance_page_import_file (page, bad_file);
  hearth_test_wait_until (import_dialog_shown, NULL, "the import assistant");
  dialog = hearth_test_find_toplevel (HEARTH_TYPE_IMPORT_DIALOG);
  hearth_import_dialog_start (HEARTH_IMPORT_DIALOG (dialog));
  hearth_test_wait_until (has_problems, dialog, "the lines that cannot be imported");
  g_assert_cmpuint (hearth_import_dialog_get_n_problems (HEARTH_IMPORT_DIALOG (dialog)), ==, 1);
  g_assert_cmpint (hearth_test_query_int (f->family.store, "SELECT count(*) FROM transactions"), ==, 3);
  hearth_test_wait_for_draw (GTK_WIDGET (dialog));
  g_free (hearth_test_save_png (GTK_WIDGET (dialog), "finance-import-problems"));
  gtk_window_destroy (dialog);

  hearth_finance_page_import_file (page, good_file);
  hearth_test_wait_until (import_dialog_shown, NULL, "the import assistant");
  dialog = hearth_test_find_toplevel (HEARTH_TYPE_IMPORT_DIALOG);
  hearth_test_wait_for_draw (GTK_WIDGET (dialog));
  g_free (hearth_test_save_png (GTK_WIDGET (dialog), "finance-import-preview"));
  hearth_import_dialog_start (HEARTH_IMPORT_DIALOG (dialog));
  hearth_test_wait_until (import_dialog_gone, NULL, "the import to finish");
  g_assert_cmpint (hearth_test_query_int (f->family.store, "SELECT count(*) FROM transactions"), ==, 5);
  g_assert_cmpint (balance (f), ==, 153580 - 8400 + 1250);
  /* Committed on the worker's connection, heard on the window's. */
  hearth_test_wait_until (ledger_has, &five, "the ledger to show the imported lines");
}

/* An OFX or QFX statement needs no choices: the assistant imports it as the
 * bank wrote it. */
static void
test_import_ofx (Fixture       *f,
                 gconstpointer  data)
{
  static const char statement[] =
    "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\nCHARSET:1252\n"
    "COMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n"
    "<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20261121"
    "<LANGUAGE>ENG</SONRS></SIGNONMSGSRSV1><BANKMSGSRSV1><STMTTRNRS><TRNUID>1"
    "<STATUS><CODE>0<SEVERITY>INFO</STATUS><STMTRS><CURDEF>EUR"
    "<BANKACCTFROM><BANKID>1<ACCTID>2<ACCTTYPE>CHECKING</BANKACCTFROM><BANKTRANLIST>"
    "<DTSTART>20261101<DTEND>20261121"
    "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261121<TRNAMT>-42.00<FITID>Q-1<NAME>Pharmacy</STMTTRN>"
    "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261122<TRNAMT>10.00<FITID>Q-2<NAME>Refund</STMTTRN>"
    "</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n";
  HearthFinancePage *page = show_finance (f, f->family.owner);
  g_autofree char *path = g_build_filename (f->family.dir, "statement.qfx", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  Count five = { page, 5 };
  GtkWindow *dialog;

  g_assert_true (g_file_set_contents (path, statement, -1, NULL));
  hearth_finance_page_import_file (page, file);
  hearth_test_wait_until (import_dialog_shown, NULL, "the import assistant");
  dialog = hearth_test_find_toplevel (HEARTH_TYPE_IMPORT_DIALOG);
  /* Nothing to choose: no separator, no columns. */
  {
    g_autoptr (GPtrArray) combos = hearth_test_find_all (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW);

    for (guint i = 0; i < combos->len; i++)
      g_assert_false (gtk_widget_is_visible (g_ptr_array_index (combos, i)));
  }
  hearth_test_wait_for_draw (GTK_WIDGET (dialog));
  g_free (hearth_test_save_png (GTK_WIDGET (dialog), "finance-import-ofx"));
  hearth_import_dialog_start (HEARTH_IMPORT_DIALOG (dialog));
  hearth_test_wait_until (import_dialog_gone, NULL, "the import to finish");
  g_assert_cmpint (hearth_test_query_int (f->family.store,
                                          "SELECT count(*) FROM transactions WHERE import_id LIKE 'ofx:Q-%'"),
                   ==, 2);
  g_assert_cmpint (balance (f), ==, 153580 - 4200 + 1000);
  hearth_test_wait_until (ledger_has, &five, "the ledger to show the imported lines");
}

/* The search entry waits for typing to pause, then the filter runs in SQL. */
static void
test_search_filters_in_sql (Fixture       *f,
                            gconstpointer  data)
{
  HearthFinancePage *page = show_finance (f, f->family.owner);
  GtkEditable *search = hearth_test_child (page, HEARTH_TYPE_FINANCE_PAGE, "search_entry");
  GtkStack *stack = hearth_test_child (page, HEARTH_TYPE_FINANCE_PAGE, "ledger_stack");
  Count one = { page, 1 };
  Count none = { page, 0 };
  g_autoptr (HearthTransaction) rent = NULL;

  gtk_editable_set_text (search, "ren");
  hearth_test_wait_until (ledger_has, &one, "the search to find the rent");
  rent = g_list_model_get_item (ledger_of (page), 0);
  g_assert_cmpstr (hearth_transaction_get_description (rent), ==, "Rent");
  /* The filter's own totals replace the balance. */
  g_assert_cmpstr (gtk_label_get_label (hearth_test_child (page, HEARTH_TYPE_FINANCE_PAGE, "summary_label")), ==,
                   "1 transaction · in 0.00 EUR · out 900.00 EUR");

  gtk_editable_set_text (search, "nothing like it");
  hearth_test_wait_until (ledger_has, &none, "the search to find nothing");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_free (hearth_test_save_png (GTK_WIDGET (f->window), "finance-no-match"));
}

int
main (int   argc,
      char *argv[])
{
  hearth_test_ui_init (&argc, &argv);

  g_test_add ("/ui/finance/ledger-and-form", Fixture, NULL, fixture_set_up, test_ledger_and_form, fixture_tear_down);
  g_test_add ("/ui/finance/tags-and-categories", Fixture, NULL, fixture_set_up, test_tags_and_categories,
              fixture_tear_down);
  g_test_add ("/ui/finance/visitor-changes-no-category", Fixture, NULL, fixture_set_up,
              test_visitor_changes_no_category, fixture_tear_down);
  g_test_add ("/ui/finance/void-and-undo", Fixture, NULL, fixture_set_up, test_void_and_undo, fixture_tear_down);
  g_test_add ("/ui/finance/edit-and-receipts", Fixture, NULL, fixture_set_up, test_edit_and_receipts,
              fixture_tear_down);
  g_test_add ("/ui/finance/import-assistant", Fixture, NULL, fixture_set_up, test_import_assistant,
              fixture_tear_down);
  g_test_add ("/ui/finance/import-ofx", Fixture, NULL, fixture_set_up, test_import_ofx, fixture_tear_down);
  g_test_add ("/ui/finance/charts", Fixture, NULL, fixture_set_up, test_charts, fixture_tear_down);
  g_test_add ("/ui/finance/visitor-reads-only", Fixture, NULL, fixture_set_up, test_visitor_reads_only,
              fixture_tear_down);
  g_test_add ("/ui/finance/search-filters-in-sql", Fixture, NULL, fixture_set_up, test_search_filters_in_sql,
              fixture_tear_down);

  return g_test_run ();
}
