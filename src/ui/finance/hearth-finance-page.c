/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-finance-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-categories-window.h"
#include "hearth-chart.h"
#include "hearth-dialogs.h"
#include "hearth-format.h"
#include "hearth-finance-page.h"
#include "hearth-import-dialog.h"
#include "hearth-ledger-cell.h"
#include "hearth-list-store.h"
#include "hearth-money.h"
#include "hearth-transaction-dialog.h"

/*
 * The Finance page of the current circle: its accounts with their balances
 * (read, never summed), and the selected account's ledger in a GtkColumnView
 * over the service's query model, which reads only the rows on screen. Search
 * and the voided lines' toggle filter in SQL. A selected posted line can be
 * voided, with Undo in a toast; an activated line opens for editing, with its
 * receipts. What the role may not do is not offered.
 */

struct _HearthFinancePage
{
  AdwBin              parent_instance;

  HearthFinance      *finance;
  HearthSession      *session;
  GSignalGroup       *store_signals;  /* while someone is signed in */
  HearthActor        *actor;          /* the session's, as last shown */
  gint64              circle_id;
  GListStore         *accounts;    /* HearthAccount, the circle's, as the list shows them */
  HearthAccount      *account;
  HearthQueryModel   *ledger;
  GtkSingleSelection *selection;
  HearthNumberFormat  format;
  guint               rebuild_id;
  guint               refill_tags_id;
  GCancellable       *charts_cancellable;
  gint64              filter_in;   /* the filtered ledger's totals, summed when the ledger changes */
  gint64              filter_out;
  GArray             *tag_ids;     /* behind the tag filter's choices after "All Tags" */

  AdwToastOverlay    *toasts;
  GtkStack           *pages;
  GtkListBox         *accounts_list;
  GtkWidget          *new_account_button;
  GtkWidget          *first_account_button;
  GtkWidget          *categories_button;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *tag_filter;
  GtkToggleButton    *show_voided_button;
  GtkWidget          *add_button;
  GtkWidget          *import_button;
  GtkToggleButton    *charts_button;
  GtkBox             *charts_box;
  GtkWidget          *spending_chart;
  GtkWidget          *balance_chart;
  GtkStack           *ledger_stack;
  GtkColumnView      *ledger_view;
  AdwStatusPage      *ledger_empty;
  GtkLabel           *summary_label;
  GtkWidget          *void_button;
};

G_DEFINE_FINAL_TYPE (HearthFinancePage, hearth_finance_page, ADW_TYPE_BIN)

static void
toast (HearthFinancePage *self,
       const char        *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

static gboolean
can (HearthFinancePage *self,
     const char        *resource,
     const char        *action)
{
  return self->actor != NULL && hearth_finance_can (self->finance, self->actor, self->circle_id, resource, action);
}

static const char *
kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "WALLET") == 0)
    return _("Wallet");
  if (g_strcmp0 (kind, "CREDIT") == 0)
    return _("Credit card");
  return _("Bank account");
}

/* The ledger ------------------------------------------------------------------------------ */

static HearthTransaction *
selected_transaction (HearthFinancePage *self)
{
  if (self->selection == NULL)
    return NULL;
  return gtk_single_selection_get_selected_item (self->selection);
}

/* The tag chosen in the filter, or 0 for all. */
static gint64
chosen_tag (HearthFinancePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->tag_filter);

  if (self->tag_ids == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > self->tag_ids->len)
    return 0;
  return g_array_index (self->tag_ids, gint64, selected - 1);
}

static void
update_summary (HearthFinancePage *self)
{
  g_autofree char *balance = NULL;
  g_autofree char *summary = NULL;
  HearthTransaction *selected = selected_transaction (self);
  guint n = self->ledger != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->ledger)) : 0;
  gboolean filtered = *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0' ||
                      !gtk_toggle_button_get_active (self->show_voided_button) || chosen_tag (self) != 0;

  if (self->account == NULL)
    return;

  balance = hearth_format_amount (hearth_account_get_balance (self->account),
                                  hearth_account_get_currency (self->account), &self->format);
  if (filtered)
    {
      const char *currency = hearth_account_get_currency (self->account);
      g_autofree char *in_text = hearth_format_amount (self->filter_in, currency, &self->format);
      g_autofree char *out_text = hearth_format_amount (self->filter_out, currency, &self->format);

      /* Translators: under a filtered ledger: "12 transactions · in 100.00 EUR · out 42.50 EUR" */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u transaction · in %s · out %s",
                                              "%u transactions · in %s · out %s", n),
                                 n, in_text, out_text);
    }
  else
    {
      /* Translators: under the ledger: "Balance 1,234.50 EUR · 42 transactions" */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Balance %s · %u transaction",
                                              "Balance %s · %u transactions", n),
                                 balance, n);
    }
  gtk_label_set_label (self->summary_label, summary);

  if (gtk_toggle_button_get_active (self->charts_button))
    gtk_stack_set_visible_child_name (self->ledger_stack, "charts");
  else
    gtk_stack_set_visible_child_name (self->ledger_stack, n > 0 ? "rows" : "empty");
  adw_status_page_set_title (self->ledger_empty, filtered ? _("No Matching Transactions") : _("No Transactions Yet"));
  adw_status_page_set_description (self->ledger_empty,
                                   filtered ? _("Try other words or another tag, or show the voided transactions too.")
                                            : _("Add the first one with Add Transaction."));
  gtk_widget_set_sensitive (self->void_button, selected != NULL && !hearth_transaction_get_voided (selected));
}

/* The filter's own totals, summed in SQL when the ledger changes (never on a
 * mere change of selection: on a long ledger it is a scan). */
static void
update_totals (HearthFinancePage *self)
{
  HearthLedgerFilter filter = { gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), 0, chosen_tag (self),
                                !gtk_toggle_button_get_active (self->show_voided_button), NULL, NULL };

  self->filter_in = self->filter_out = 0;
  if (self->account == NULL || (*filter.text == '\0' && !filter.posted_only && filter.tag_id == 0))
    return;
  hearth_finance_sum_ledger (self->finance, self->actor, hearth_account_get_id (self->account), &filter,
                             &self->filter_in, &self->filter_out, NULL);
}

static void
ledger_changed_cb (HearthFinancePage *self)
{
  update_totals (self);
  update_summary (self);
}

/* The first day of the month @months before this one, as `YYYY-MM`. */
static char *
months_ago (guint months)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) then = g_date_time_add_months (now, -(int) months);

  return g_date_time_format (then, "%Y-%m");
}

static void
charts_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) spending = NULL;
  g_autoptr (GArray) balances = NULL;
  HearthFinancePage *self;

  if (!hearth_finance_chart_figures_finish (HEARTH_FINANCE (source), result, &spending, &balances, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (user_data, error->message);
      return;
    }
  self = user_data;
  if (self->account == NULL)
    return;
  hearth_chart_set_spending (HEARTH_CHART (self->spending_chart), spending,
                             hearth_account_get_currency (self->account));
  hearth_chart_set_balances (HEARTH_CHART (self->balance_chart), balances,
                             hearth_account_get_currency (self->account));
}

/* The charts' figures are read in a worker; a newer question cancels an
 * older one still running. */
static void
update_charts (HearthFinancePage *self)
{
  g_autofree char *year_ago = months_ago (11);
  g_autofree char *two_years_ago = months_ago (23);

  g_cancellable_cancel (self->charts_cancellable);
  g_clear_object (&self->charts_cancellable);
  if (self->account == NULL || !gtk_toggle_button_get_active (self->charts_button))
    return;

  self->charts_cancellable = g_cancellable_new ();
  hearth_finance_chart_figures_async (self->finance, self->actor, hearth_account_get_id (self->account), year_ago,
                                      two_years_ago, self->charts_cancellable, charts_ready_cb, self);
}

static void
charts_toggled_cb (HearthFinancePage *self)
{
  update_charts (self);
  update_summary (self);
}

static void
rebuild_ledger (HearthFinancePage *self)
{
  g_autoptr (GError) error = NULL;
  HearthLedgerFilter filter = { 0 };

  /* The template's toggle speaks before the page is whole. */
  if (self->selection == NULL)
    return;

  g_clear_object (&self->ledger);
  if (self->account != NULL)
    {
      filter.text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
      filter.posted_only = !gtk_toggle_button_get_active (self->show_voided_button);
      filter.tag_id = chosen_tag (self);
      self->ledger = hearth_finance_new_ledger (self->finance, self->actor, hearth_account_get_id (self->account),
                                                &filter, &error);
      if (self->ledger == NULL)
        toast (self, error->message);
    }

  if (self->ledger != NULL)
    {
      g_signal_connect_object (self->ledger, "items-changed", G_CALLBACK (ledger_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->ledger, "items-changed", G_CALLBACK (update_charts), self, G_CONNECT_SWAPPED);
    }
  update_charts (self);
  gtk_single_selection_set_model (self->selection, self->ledger != NULL ? G_LIST_MODEL (self->ledger) : NULL);
  update_totals (self);
  update_summary (self);
}

/* Enter or a double click on a line opens it for editing, with its receipts. */
static void
ledger_activated_cb (HearthFinancePage *self,
                     guint              position)
{
  g_autoptr (HearthTransaction) transaction = NULL;

  if (self->ledger == NULL || !can (self, "transaction", "update"))
    return;
  transaction = g_list_model_get_item (G_LIST_MODEL (self->ledger), position);
  if (transaction == NULL)
    return;
  {
    GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));

    gtk_window_present (GTK_WINDOW (hearth_transaction_dialog_new_for_edit (parent, self->finance, self->actor,
                                                                            self->account, transaction)));
  }
}

static void
filter_changed_cb (HearthFinancePage *self)
{
  rebuild_ledger (self);
}

/* The ledger's columns, in the order they are shown. */
typedef enum
{
  LEDGER_DATE,
  LEDGER_DESCRIPTION,
  LEDGER_PAYEE,
  LEDGER_CATEGORY,
  LEDGER_TAGS,
  LEDGER_AMOUNT,
  LEDGER_STATUS,
  N_LEDGER_COLUMNS
} LedgerColumn;

/* Dates, amounts and the status are never cut; the texts give way. Widths
 * are in characters: the least shown, and the natural width. */
static const struct
{
  const char *title;
  guint       min_chars;
  guint       width;
  gboolean    expand;
} ledger_columns[N_LEDGER_COLUMNS] = {
  [LEDGER_DATE] = { N_("Date"), 10, 10, FALSE },
  [LEDGER_DESCRIPTION] = { N_("Description"), 6, 24, TRUE },
  [LEDGER_PAYEE] = { N_("Payee"), 4, 16, TRUE },
  [LEDGER_CATEGORY] = { N_("Category"), 4, 12, FALSE },
  [LEDGER_TAGS] = { N_("Tags"), 4, 12, FALSE },
  [LEDGER_AMOUNT] = { N_("Amount"), 12, 12, FALSE },
  [LEDGER_STATUS] = { N_("Status"), 6, 6, FALSE },
};

/* The cells are HearthLedgerCells: see there why not labels. */
static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  LedgerColumn column = GPOINTER_TO_INT (user_data);

  gtk_list_item_set_child (item, hearth_ledger_cell_new (ledger_columns[column].min_chars,
                                                         ledger_columns[column].width,
                                                         column == LEDGER_AMOUNT ? 1.0f : 0.0f));
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  HearthFinancePage *self = g_object_get_data (G_OBJECT (factory), "page");
  HearthTransaction *transaction = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;
  gboolean voided = hearth_transaction_get_voided (transaction);
  gboolean green = FALSE;
  LedgerColumn column = GPOINTER_TO_INT (user_data);

  switch (column)
    {
    case LEDGER_DATE:
      text = hearth_format_iso_date (hearth_transaction_get_occurred_on (transaction));
      break;

    case LEDGER_DESCRIPTION:
      text = g_strdup (hearth_transaction_get_description (transaction));
      break;

    case LEDGER_PAYEE:
      text = g_strdup (hearth_transaction_get_payee (transaction));
      break;

    case LEDGER_CATEGORY:
      text = g_strdup (hearth_transaction_get_category_name (transaction));
      break;

    case LEDGER_TAGS:
      text = g_strdup (hearth_transaction_get_tags (transaction));
      break;

    case LEDGER_AMOUNT:
      {
        g_autofree char *number = hearth_money_format (hearth_transaction_get_amount (transaction),
                                                       hearth_account_get_currency (self->account),
                                                       &self->format);

        /* Money in is green and signed +, money out carries the minus. */
        if (hearth_transaction_get_incoming (transaction))
          {
            text = g_strconcat ("+", number, NULL);
            green = !voided;
          }
        else
          {
            text = g_strconcat ("\u2212", number, NULL);
          }
      }
      break;

    case LEDGER_STATUS:
    case N_LEDGER_COLUMNS:
    default:
      text = g_strdup (voided ? _("Voided") : "");
      break;
    }

  hearth_ledger_cell_set_style (HEARTH_LEDGER_CELL (label), voided, green);
  hearth_ledger_cell_set_text (HEARTH_LEDGER_CELL (label), text);
}

static void
add_column (HearthFinancePage *self,
            LedgerColumn       column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "page", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (_(ledger_columns[column].title), factory);
  gtk_column_view_column_set_expand (view_column, ledger_columns[column].expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->ledger_view, view_column);
  g_object_unref (view_column);
}

/* The tag filter's choices: "All Tags", then the circle's tags; the one
 * chosen stays chosen while it exists. */
static void
refill_tag_filter (HearthFinancePage *self)
{
  g_autoptr (GPtrArray) tags = NULL;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  gint64 keep = chosen_tag (self);
  guint select = 0;

  g_clear_pointer (&self->tag_ids, g_array_unref);
  self->tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (names, _("All Tags"));
  if (self->actor != NULL)
    tags = hearth_categories_list_tags (hearth_finance_get_categories (self->finance), self->actor, self->circle_id,
                                        "FINANCE", NULL);
  for (guint i = 0; tags != NULL && i < tags->len; i++)
    {
      HearthTag *tag = g_ptr_array_index (tags, i);
      gint64 id = hearth_tag_get_id (tag);

      g_array_append_val (self->tag_ids, id);
      gtk_string_list_append (names, hearth_tag_get_name (tag));
      if (id == keep)
        select = i + 1;
    }
  g_signal_handlers_block_by_func (self->tag_filter, filter_changed_cb, self);
  gtk_drop_down_set_model (self->tag_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->tag_filter, select);
  g_signal_handlers_unblock_by_func (self->tag_filter, filter_changed_cb, self);
  gtk_widget_set_visible (GTK_WIDGET (self->tag_filter), self->tag_ids->len > 0);
  if (keep != 0 && select == 0)
    rebuild_ledger (self);
}

/* Accounts -------------------------------------------------------------------------------- */

static void
account_selected_cb (HearthFinancePage *self,
                     GtkListBoxRow     *row)
{
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  g_clear_object (&self->account);
  if (index >= 0)
    self->account = g_list_model_get_item (G_LIST_MODEL (self->accounts), index);
  rebuild_ledger (self);
}

static GtkWidget *
create_account_row (gpointer item,
                    gpointer user_data)
{
  HearthFinancePage *self = user_data;
  HearthAccount *account = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *balance = hearth_format_amount (hearth_account_get_balance (account),
                                                   hearth_account_get_currency (account), &self->format);
  GtkWidget *label = gtk_label_new (balance);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hearth_account_get_name (account));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind_label (hearth_account_get_kind (account)));
  if (hearth_account_get_balance (account) < 0)
    gtk_widget_add_css_class (label, "error");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static void
rebuild (HearthFinancePage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) accounts = NULL;
  gint64 keep = self->account != NULL ? hearth_account_get_id (self->account) : 0;
  guint select = 0;

  if (self->actor != NULL)
    {
      accounts = hearth_finance_list_accounts (self->finance, self->actor, self->circle_id, FALSE, &error);
      if (accounts == NULL)
        toast (self, error->message);
    }
  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      if (hearth_account_get_id (g_ptr_array_index (accounts, i)) == keep)
        select = i;
    }
  hearth_list_store_replace_all (self->accounts, accounts);
  if (self->actor == NULL)
    return;

  gtk_widget_set_visible (self->new_account_button, can (self, "account", "create"));
  gtk_widget_set_visible (self->first_account_button, can (self, "account", "create"));
  gtk_widget_set_visible (self->add_button, can (self, "transaction", "create"));
  gtk_widget_set_visible (self->import_button, can (self, "transaction", "import"));
  gtk_widget_set_visible (self->void_button, can (self, "transaction", "void"));
  gtk_widget_set_visible (self->categories_button, can (self, "category", "read"));
  refill_tag_filter (self);

  /* The account shown before, if it is still there, else the first. */
  gtk_stack_set_visible_child_name (self->pages, accounts != NULL && accounts->len > 0 ? "ledger" : "no-accounts");
  if (accounts != NULL && accounts->len > 0)
    gtk_list_box_select_row (self->accounts_list, gtk_list_box_get_row_at_index (self->accounts_list, select));
  else
    account_selected_cb (self, NULL);
}

static gboolean
rebuild_cb (gpointer user_data)
{
  HearthFinancePage *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static gboolean
refill_tags_cb (gpointer user_data)
{
  HearthFinancePage *self = user_data;

  self->refill_tags_id = 0;
  refill_tag_filter (self);
  return G_SOURCE_REMOVE;
}

/* A tag made in a transaction's form, or renamed or deleted: the filter follows. */
static void
tags_changed_cb (HearthFinancePage *self)
{
  if (self->refill_tags_id == 0)
    self->refill_tags_id = g_idle_add (refill_tags_cb, self);
}

/* Balances move with every posting, and a role changed or a circle dissolved
 * changes what may be done: the page follows the store, once for all the rows
 * one commit changed. */
static void
store_changed_cb (HearthFinancePage *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_cb, self);
}

/* Actions --------------------------------------------------------------------------------- */

static void
new_account_response_cb (HearthDialog      *dialog,
                         const char        *response,
                         HearthFinancePage *self)
{
  static const char * const kinds[] = { "BANK", "WALLET", "CREDIT" };
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "name");
  AdwComboRow *kind = g_object_get_data (G_OBJECT (dialog), "kind");
  GtkEditable *currency = g_object_get_data (G_OBJECT (dialog), "currency");
  g_autofree char *code = NULL;
  g_autoptr (HearthAccount) account = NULL;
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "create"))
    return;

  code = g_ascii_strup (gtk_editable_get_text (currency), -1);
  g_strstrip (code);
  account = hearth_finance_create_account (self->finance, self->actor, self->circle_id, gtk_editable_get_text (name),
                                           kinds[MIN (adw_combo_row_get_selected (kind), 2)], code, &error);
  if (account == NULL)
    {
      toast (self, error->message);
      return;
    }
  g_set_object (&self->account, account);
  rebuild (self);
}

static void
name_changed_cb (GtkEditable      *entry,
                 HearthDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  hearth_dialog_set_response_enabled (dialog, "create", *name != '\0');
}

static void
new_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HearthFinancePage *self = HEARTH_FINANCE_PAGE (widget);
  const char * const kinds[] = { _("Bank account"), _("Wallet"), _("Credit card"), NULL };
  HearthDialog *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *name = adw_entry_row_new ();
  GtkWidget *kind = adw_combo_row_new ();
  GtkWidget *currency = adw_entry_row_new ();

  dialog = hearth_dialog_new_question (GTK_WINDOW (gtk_widget_get_root (widget)), _("New Account"),
                                       _("Its balance starts at zero; add its transactions next."),
                                       "create", _("C_reate"), ADW_RESPONSE_SUGGESTED);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Name"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind), _("Kind"));
  adw_combo_row_set_model (ADW_COMBO_ROW (kind), G_LIST_MODEL (gtk_string_list_new (kinds)));
  /* Translators: the currency field: an ISO 4217 code */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (currency), _("Currency (EUR, USD, …)"));
  gtk_editable_set_text (GTK_EDITABLE (currency), "EUR");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), name);
  gtk_list_box_append (GTK_LIST_BOX (list), kind);
  gtk_list_box_append (GTK_LIST_BOX (list), currency);
  hearth_dialog_set_extra_child (dialog, list);
  hearth_dialog_set_response_enabled (dialog, "create", FALSE);
  g_signal_connect (name, "changed", G_CALLBACK (name_changed_cb), dialog);
  g_object_set_data (G_OBJECT (dialog), "name", name);
  g_object_set_data (G_OBJECT (dialog), "kind", kind);
  g_object_set_data (G_OBJECT (dialog), "currency", currency);
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_account_response_cb), self, 0);
  hearth_dialog_present (dialog);
}

static void
add_transaction_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HearthFinancePage *self = HEARTH_FINANCE_PAGE (widget);

  if (self->account == NULL || !can (self, "transaction", "create"))
    return;
  gtk_window_present (GTK_WINDOW (hearth_transaction_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                                 self->finance, self->actor, self->account)));
}

/* A statement is read whole before the assistant opens: a bank's CSV is small. */
#define IMPORT_MAX_BYTES (64 * 1024 * 1024)

/**
 * hearth_finance_page_import_file:
 * @file: a bank's statement: CSV, OFX or QFX
 *
 * Opens the import assistant on @file, for the selected account.
 */
void
hearth_finance_page_import_file (HearthFinancePage *self,
                                 GFile             *file)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  HearthImportDialog *dialog;

  g_return_if_fail (HEARTH_IS_FINANCE_PAGE (self));
  if (self->account == NULL)
    return;

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes == NULL)
    {
      toast (self, error->message);
      return;
    }
  if (g_bytes_get_size (bytes) > IMPORT_MAX_BYTES)
    {
      toast (self, _("This file is too large to be a bank statement."));
      return;
    }
  name = g_file_get_basename (file);
  dialog = hearth_import_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->finance, self->actor,
                                     self->account, bytes, name);
  g_object_set_data (G_OBJECT (dialog), "toasts", self->toasts);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_chosen_cb (GtkNativeDialog   *chooser,
                  int                response,
                  HearthFinancePage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      hearth_finance_page_import_file (self, file);
    }
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HearthFinancePage *self = HEARTH_FINANCE_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->account == NULL || !can (self, "transaction", "import"))
    return;
  chooser = gtk_file_chooser_native_new (_("Import a Bank Statement"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL);
  gtk_file_filter_set_name (filter, _("Bank statements (CSV, OFX, QFX)"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_mime_type (filter, "application/x-ofx");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.ofx");
  gtk_file_filter_add_pattern (filter, "*.qfx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (import_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
categories_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HearthFinancePage *self = HEARTH_FINANCE_PAGE (widget);

  if (self->actor == NULL || !can (self, "category", "read"))
    return;
  gtk_window_present (GTK_WINDOW (hearth_categories_window_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                                hearth_finance_get_categories (self->finance),
                                                                self->actor, self->circle_id, "FINANCE")));
}

typedef struct
{
  HearthFinancePage *self;
  gint64             transaction_id;
} Undo;

static void
undo_free (gpointer data,
           GClosure *closure)
{
  Undo *undo = data;

  g_object_unref (undo->self);
  g_free (undo);
}

static void
undo_void_cb (AdwToast *toast_widget,
              Undo     *undo)
{
  g_autoptr (GError) error = NULL;

  if (!hearth_finance_unvoid_transaction (undo->self->finance, undo->self->actor, undo->transaction_id, &error))
    toast (undo->self, error->message);
}

static void
void_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HearthFinancePage *self = HEARTH_FINANCE_PAGE (widget);
  HearthTransaction *transaction = selected_transaction (self);
  g_autoptr (GError) error = NULL;
  AdwToast *done;
  Undo *undo;

  if (transaction == NULL || hearth_transaction_get_voided (transaction))
    return;
  if (!hearth_finance_void_transaction (self->finance, self->actor, hearth_transaction_get_id (transaction), &error))
    {
      toast (self, error->message);
      return;
    }

  /* Reversible, so no question first: Undo instead. */
  undo = g_new0 (Undo, 1);
  undo->self = g_object_ref (self);
  undo->transaction_id = hearth_transaction_get_id (transaction);
  done = adw_toast_new (_("Transaction voided"));
  adw_toast_set_button_label (done, _("_Undo"));
  /* Ten seconds, not five: time to notice that it was the wrong line. */
  adw_toast_set_timeout (done, 10);
  g_signal_connect_data (done, "button-clicked", G_CALLBACK (undo_void_cb), undo, undo_free, 0);
  adw_toast_overlay_add_toast (self->toasts, done);
}

/* GObject --------------------------------------------------------------------------------- */

static void
hearth_finance_page_dispose (GObject *object)
{
  HearthFinancePage *self = HEARTH_FINANCE_PAGE (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_handle_id (&self->refill_tags_id, g_source_remove);
  g_cancellable_cancel (self->charts_cancellable);
  g_clear_object (&self->charts_cancellable);
  g_clear_pointer (&self->tag_ids, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_FINANCE_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->ledger);
  g_clear_object (&self->account);
  g_clear_object (&self->accounts);
  g_clear_object (&self->store_signals);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->actor);
  g_clear_object (&self->finance);

  G_OBJECT_CLASS (hearth_finance_page_parent_class)->dispose (object);
}

static void
hearth_finance_page_class_init (HearthFinancePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_finance_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/finance/hearth-finance-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthFinancePage, pages);
  gtk_widget_class_bind_template_child (widget_class, HearthFinancePage, accounts_list);
  gtk_widget_class_bind_template_child (widget_class, HearthFinancePage, new_account_button);
  gtk_widget_class_bind_template_child (widget_class, HearthFinancePage, first_account_button);
  gtk_widget_class_bind_template_child (widget_class, HearthFinancePage, categories_button);
  gtk_widget_class_bind_template_child (widget_class, HearthFinancePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HearthFinancePage, tag_filter);
  gtk_widget_class_bind_template_child (widget_class, HearthFinancePage, show_voided_button);
  gtk_widget_class_bind_template_child (widget_class, HearthFinancePage, add_button);
  gtk_widget_class_bind_template_child (widget_class, HearthFinancePage, import_button);
  gtk_widget_class_bind_template_child (widget_class, HearthFinancePage, charts_button);
  gtk_widget_class_bind_template_child (widget_class, HearthFinancePage, charts_box);
  gtk_widget_class_bind_template_child (widget_class, HearthFinancePage, ledger_stack);
  gtk_widget_class_bind_template_child (widget_class, HearthFinancePage, ledger_view);
  gtk_widget_class_bind_template_child (widget_class, HearthFinancePage, ledger_empty);
  gtk_widget_class_bind_template_child (widget_class, HearthFinancePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HearthFinancePage, void_button);
  gtk_widget_class_bind_template_callback (widget_class, account_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, ledger_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, charts_toggled_cb);

  gtk_widget_class_install_action (widget_class, "finance.new-account", NULL, new_account_action);
  gtk_widget_class_install_action (widget_class, "finance.add-transaction", NULL, add_transaction_action);
  gtk_widget_class_install_action (widget_class, "finance.void", NULL, void_action);
  gtk_widget_class_install_action (widget_class, "finance.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "finance.categories", NULL, categories_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "finance.add-transaction", NULL);
}

static void
hearth_finance_page_init (HearthFinancePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not bound: see HearthCirclesPage and docs/DEVELOPING.md. */
  self->toasts = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));
  hearth_number_format_from_locale (&self->format);

  self->accounts = g_list_store_new (HEARTH_TYPE_ACCOUNT);
  gtk_list_box_bind_model (self->accounts_list, G_LIST_MODEL (self->accounts), create_account_row, self, NULL);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (update_summary), self);
  gtk_column_view_set_model (self->ledger_view, GTK_SELECTION_MODEL (self->selection));

  self->spending_chart = hearth_chart_new (_("Spending by category, month by month"));
  self->balance_chart = hearth_chart_new (_("Balance at each month’s end"));
  gtk_box_append (self->charts_box, self->spending_chart);
  gtk_box_append (self->charts_box, self->balance_chart);

  for (LedgerColumn column = 0; column < N_LEDGER_COLUMNS; column++)
    add_column (self, column);
}

/* Who is signed in or the current circle changed: show theirs. */
static void
session_changed_cb (HearthFinancePage *self)
{
  HearthActor *actor = hearth_session_get_actor (self->session);
  gint64 circle_id = hearth_session_get_circle_id (self->session);

  g_set_object (&self->actor, actor);
  if (self->circle_id != circle_id)
    g_clear_object (&self->account);
  self->circle_id = circle_id;
  g_signal_group_set_target (self->store_signals, actor != NULL ? hearth_finance_get_store (self->finance) : NULL);
  rebuild (self);
}

/**
 * hearth_finance_page_set_context:
 * @context: the services, of which the page uses finance's
 * @session: who is signed in and the current circle, which the page follows
 *
 * Called once, by the window that holds the page.
 */
void
hearth_finance_page_set_context (HearthFinancePage *self,
                                 HearthContext     *context,
                                 HearthSession     *session)
{
  g_return_if_fail (HEARTH_IS_FINANCE_PAGE (self));
  g_return_if_fail (HEARTH_IS_CONTEXT (context));
  g_return_if_fail (HEARTH_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->finance = g_object_ref (hearth_context_get_finance (context));
  self->session = g_object_ref (session);
  self->store_signals = g_signal_group_new (HEARTH_TYPE_STORE);
  g_signal_group_connect_swapped (self->store_signals, "changed::accounts", G_CALLBACK (store_changed_cb), self);
  g_signal_group_connect_swapped (self->store_signals, "changed::tags", G_CALLBACK (tags_changed_cb), self);
  g_signal_group_connect_swapped (self->store_signals, "changed::circles", G_CALLBACK (store_changed_cb), self);
  g_signal_group_connect_swapped (self->store_signals, "changed::circle_members", G_CALLBACK (store_changed_cb),
                                  self);
  g_signal_connect_swapped (session, "changed", G_CALLBACK (session_changed_cb), self);
  session_changed_cb (self);
}

/**
 * hearth_finance_page_get_account:
 *
 * Returns: (transfer none) (nullable): the account whose ledger is shown
 */
HearthAccount *
hearth_finance_page_get_account (HearthFinancePage *self)
{
  g_return_val_if_fail (HEARTH_IS_FINANCE_PAGE (self), NULL);
  return self->account;
}
