/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-test"

#include "config.h"

#include <cairo.h>
#include <cairo-pdf.h>

#include <string.h>

#include <glib/gstdio.h>

#include "hearth-auth.h"
#include "hearth-auth-error.h"
#include "hearth-circles.h"
#include "hearth-clock.h"
#include "hearth-finance.h"
#include "hearth-money.h"
#include "hearth-receipts.h"
#include "hearth-csv.h"
#include "hearth-import.h"
#include "hearth-password.h"
#include "hearth-store.h"
#include "hearth-test-common.h"
#include "hearth-test-family.h"
#include "hearth-validation.h"

/* Accounts and their ledgers: validation with the field named, balances kept
 * with every change and equal to the ledger, void and its undo, every edit
 * logged, and the circle's rules on every function. */

typedef struct
{
  HearthTestFamily  family;     /* Olivia's "Family" */
  HearthActor      *editor;
  HearthActor      *visitor;
  HearthActor      *outsider;
  gint64            account;    /* the family's */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthAccount) account = NULL;

  hearth_test_family_set_up (&f->family, "Olivia", "Family");
  f->editor = hearth_test_family_add (&f->family, "Edith", HEARTH_ROLE_EDITOR);
  f->visitor = hearth_test_family_add (&f->family, "Victor", HEARTH_ROLE_VISITOR);
  f->outsider = hearth_test_family_add (&f->family, "Oscar", HEARTH_ROLE_NONE);

  account = hearth_finance_create_account (f->family.finance, f->family.owner, f->family.circle_id, "Joint Account",
                                           "BANK", "EUR", &error);
  g_assert_no_error (error);
  f->account = hearth_account_get_id (account);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  hearth_test_family_tear_down (&f->family);
}

static gint64
balance (Fixture *f,
         gint64   account_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthAccount) account = hearth_finance_get_account (f->family.finance, f->family.owner, account_id,
                                                                  &error);

  g_assert_no_error (error);
  return hearth_account_get_balance (account);
}

static gint64
add (Fixture     *f,
     HearthActor *actor,
     gint64       amount,
     gboolean     incoming,
     GError     **error)
{
  HearthTransactionDraft draft = { "2026-11-20", amount, incoming, "Groceries", "Market", 0 };

  return hearth_finance_add_transaction (f->family.finance, actor, f->account, &draft, error);
}

static void
test_create_account (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthAccount) wallet = NULL;
  g_autoptr (GPtrArray) accounts = NULL;
  g_autofree char *long_name = g_strnfill (HEARTH_ACCOUNT_NAME_MAX_CHARS + 1, 'a');

  wallet = hearth_finance_create_account (f->family.finance, f->editor, f->family.circle_id, "  Cash  ", "WALLET",
                                          "JPY", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearth_account_get_name (wallet), ==, "Cash");
  g_assert_cmpstr (hearth_account_get_kind (wallet), ==, "WALLET");
  g_assert_cmpstr (hearth_account_get_currency (wallet), ==, "JPY");
  g_assert_cmpint (hearth_account_get_balance (wallet), ==, 0);
  g_assert_cmpint (hearth_account_get_circle_id (wallet), ==, f->family.circle_id);

  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM account_audit_logs WHERE action = 'CREATED' AND account_id "
                                      "= %" G_GINT64_FORMAT " AND json_extract (metadata, '$.by') = %" G_GINT64_FORMAT,
                                      hearth_account_get_id (wallet), hearth_actor_get_user_id (f->editor)), ==, 1);
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM audit_logs WHERE action = 'account.created' AND circle_id "
                                      "= %" G_GINT64_FORMAT, f->family.circle_id), ==, 2);

  /* Each refusal names its field. */
  g_assert_null (hearth_finance_create_account (f->family.finance, f->family.owner, f->family.circle_id, " ", "BANK",
                                                "EUR", &error));
  g_assert_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_NAME);
  g_clear_error (&error);
  g_assert_null (hearth_finance_create_account (f->family.finance, f->family.owner, f->family.circle_id, long_name,
                                                "BANK", "EUR", &error));
  g_assert_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_NAME);
  g_clear_error (&error);
  g_assert_null (hearth_finance_create_account (f->family.finance, f->family.owner, f->family.circle_id, "Savings",
                                                "PIGGY", "EUR", &error));
  g_assert_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_TYPE);
  g_clear_error (&error);
  g_assert_null (hearth_finance_create_account (f->family.finance, f->family.owner, f->family.circle_id, "Savings",
                                                "BANK", "EURO", &error));
  g_assert_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_CURRENCY);
  g_clear_error (&error);

  /* A visitor reads, an outsider does not even that. */
  g_assert_null (hearth_finance_create_account (f->family.finance, f->visitor, f->family.circle_id, "Mine", "BANK",
                                                "EUR", &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  accounts = hearth_finance_list_accounts (f->family.finance, f->visitor, f->family.circle_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 2);
  g_assert_cmpstr (hearth_account_get_name (g_ptr_array_index (accounts, 0)), ==, "Cash");
  g_assert_null (hearth_finance_list_accounts (f->family.finance, f->outsider, f->family.circle_id, FALSE, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
}

static void
test_rename_and_archive (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) open_accounts = NULL;
  g_autoptr (GPtrArray) all_accounts = NULL;
  g_autoptr (HearthAccount) account = NULL;

  hearth_finance_rename_account (f->family.finance, f->editor, f->account, "Household", &error);
  g_assert_no_error (error);
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM account_audit_logs WHERE action = 'RENAMED' "
                          "AND json_extract (metadata, '$.old') = 'Joint Account' "
                          "AND json_extract (metadata, '$.new') = 'Household'"), ==, 1);

  /* Archiving is an admin's by default. */
  g_assert_false (hearth_finance_set_account_archived (f->family.finance, f->editor, f->account, TRUE, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  hearth_finance_set_account_archived (f->family.finance, f->family.owner, f->account, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM audit_logs WHERE action = 'account.archived'"), ==, 1);

  /* Archived: listed only on request, its ledger closed to new lines. */
  open_accounts = hearth_finance_list_accounts (f->family.finance, f->family.owner, f->family.circle_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open_accounts->len, ==, 0);
  all_accounts = hearth_finance_list_accounts (f->family.finance, f->family.owner, f->family.circle_id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all_accounts->len, ==, 1);
  g_assert_true (hearth_account_get_archived (g_ptr_array_index (all_accounts, 0)));
  g_assert_cmpint (add (f, f->family.owner, 100, TRUE, &error), ==, 0);
  g_assert_error (error, HEARTH_FINANCE_ERROR, HEARTH_FINANCE_ERROR_ARCHIVED);
  g_clear_error (&error);

  hearth_finance_set_account_archived (f->family.finance, f->family.owner, f->account, FALSE, &error);
  g_assert_no_error (error);
  account = hearth_finance_get_account (f->family.finance, f->family.owner, f->account, &error);
  g_assert_false (hearth_account_get_archived (account));
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM audit_logs WHERE action = 'account.restored'"), ==, 1);
  g_assert_cmpint (add (f, f->family.owner, 100, TRUE, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_add_transaction (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthTransaction) transaction = NULL;
  g_autofree char *long_text = g_strnfill (HEARTH_TRANSACTION_DESCRIPTION_MAX_CHARS + 1, 'x');
  gint64 groceries = hearth_test_count (f->family.store,
                                        "SELECT id FROM categories WHERE module = 'FINANCE' AND name = "
                                                  "'Groceries'");
  gint64 memory = hearth_test_count (f->family.store,
                                     "SELECT id FROM categories WHERE module = 'LIFELOG' AND name = 'Memory'");
  HearthTransactionDraft draft = { "2026-11-20", 12550, FALSE, "  Weekly shop ", "Market", groceries };
  gint64 id;

  id = hearth_finance_add_transaction (f->family.finance, f->editor, f->account, &draft, &error);
  g_assert_no_error (error);
  transaction = hearth_finance_get_transaction (f->family.finance, f->visitor, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hearth_transaction_get_amount (transaction), ==, 12550);
  g_assert_false (hearth_transaction_get_incoming (transaction));
  g_assert_false (hearth_transaction_get_voided (transaction));
  g_assert_cmpstr (hearth_transaction_get_description (transaction), ==, "Weekly shop");
  g_assert_cmpstr (hearth_transaction_get_category_name (transaction), ==, "Groceries");
  g_assert_cmpstr (hearth_transaction_get_occurred_on (transaction), ==, "2026-11-20");
  g_assert_cmpint (balance (f, f->account), ==, -12550);
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM transaction_logs WHERE transaction_id = %" G_GINT64_FORMAT
                                      " AND old_status IS NULL AND new_status = 'POSTED'", id), ==, 1);

  /* Field by field. */
  {
    static const struct
    {
      const char *date;
      gint64      amount;
      const char *description;
      gint64      category;
      int         field;
    } bad[] = {
      { "2026-02-30", 100, "", 0, HEARTH_VALIDATION_ERROR_DATE },
      { "26-11-20", 100, "", 0, HEARTH_VALIDATION_ERROR_DATE },
      { "2026-11-2x", 100, "", 0, HEARTH_VALIDATION_ERROR_DATE },
      { NULL, 100, "", 0, HEARTH_VALIDATION_ERROR_DATE },
      { "2026-11-20", 0, "", 0, HEARTH_VALIDATION_ERROR_AMOUNT },
      { "2026-11-20", -5, "", 0, HEARTH_VALIDATION_ERROR_AMOUNT },
      { "2026-11-20", HEARTH_MONEY_MAX_MINOR + 1, "", 0, HEARTH_VALIDATION_ERROR_AMOUNT },
      { "2026-11-20", 100, NULL, 0, HEARTH_VALIDATION_ERROR_DESCRIPTION },
      { "2026-11-20", 100, "Two\nlines", 0, HEARTH_VALIDATION_ERROR_DESCRIPTION },
      { "2026-11-20", 100, "", 999999, HEARTH_VALIDATION_ERROR_CATEGORY },
      { "2026-11-20", 100, "", -1, HEARTH_VALIDATION_ERROR_CATEGORY },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        HearthTransactionDraft wrong = { bad[i].date, bad[i].amount, TRUE,
                                         bad[i].description != NULL ? bad[i].description : long_text, "",
                                         bad[i].category == -1 ? memory : bad[i].category };

        g_assert_cmpint (hearth_finance_add_transaction (f->family.finance, f->editor, f->account, &wrong, &error), ==,
                         0);
        g_assert_error (error, HEARTH_VALIDATION_ERROR, bad[i].field);
        g_clear_error (&error);
      }
  }
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM transactions"), ==, 1);
  g_assert_cmpint (balance (f, f->account), ==, -12550);

  /* Visitors and outsiders add nothing. */
  g_assert_cmpint (add (f, f->visitor, 100, TRUE, &error), ==, 0);
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (add (f, f->outsider, 100, TRUE, &error), ==, 0);
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
}

static void
test_void_and_undo (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthTransaction) voided = NULL;
  gint64 pay = add (f, f->family.owner, 250000, TRUE, &error);
  gint64 rent = add (f, f->family.owner, 90000, FALSE, &error);

  g_assert_no_error (error);
  g_assert_cmpint (balance (f, f->account), ==, 160000);

  /* Voiding is an admin's by default: an editor's mistakes stay reversible. */
  g_assert_false (hearth_finance_void_transaction (f->family.finance, f->editor, rent, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  hearth_finance_void_transaction (f->family.finance, f->family.owner, rent, &error);
  g_assert_no_error (error);
  g_assert_cmpint (balance (f, f->account), ==, 250000);
  voided = hearth_finance_get_transaction (f->family.finance, f->family.owner, rent, &error);
  g_assert_true (hearth_transaction_get_voided (voided));
  g_assert_false (hearth_finance_void_transaction (f->family.finance, f->family.owner, rent, &error));
  g_assert_error (error, HEARTH_FINANCE_ERROR, HEARTH_FINANCE_ERROR_ALREADY_VOIDED);
  g_clear_error (&error);

  /* Undo. */
  hearth_finance_unvoid_transaction (f->family.finance, f->family.owner, rent, &error);
  g_assert_no_error (error);
  g_assert_cmpint (balance (f, f->account), ==, 160000);
  g_assert_false (hearth_finance_unvoid_transaction (f->family.finance, f->family.owner, rent, &error));
  g_assert_error (error, HEARTH_FINANCE_ERROR, HEARTH_FINANCE_ERROR_NOT_VOIDED);
  g_clear_error (&error);
  g_assert_false (hearth_finance_unvoid_transaction (f->family.finance, f->family.owner, pay, &error));
  g_assert_error (error, HEARTH_FINANCE_ERROR, HEARTH_FINANCE_ERROR_NOT_VOIDED);
  g_clear_error (&error);

  /* Each step in the log, and nothing is deleted. */
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT (SELECT group_concat (ifnull (old_status, '-') || '>' || new_status, ' "
                                      "') "
                                      "FROM (SELECT * FROM transaction_logs WHERE transaction_id = %" G_GINT64_FORMAT
                                      " ORDER BY id)) = '->POSTED POSTED>VOIDED VOIDED>POSTED'", rent), ==, 1);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM transactions"), ==, 2);
}

static void
test_every_edit_is_logged (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthTransaction) edited = NULL;
  gint64 health = hearth_test_count (f->family.store,
                                     "SELECT id FROM categories WHERE module = 'FINANCE' AND name = 'Health'");
  gint64 id = add (f, f->editor, 4200, FALSE, &error);
  /* Values for every field, an amount and direction among them, which an edit never reads. */
  HearthTransactionDraft values = { "2026-11-18", 999999, TRUE, "Pharmacy", "Chemist", health };

  g_assert_no_error (error);
  hearth_finance_edit_transaction (f->family.finance, f->editor, id, &values,
                                   HEARTH_TRANSACTION_FIELD_DESCRIPTION | HEARTH_TRANSACTION_FIELD_PAYEE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM transaction_logs WHERE transaction_id = %" G_GINT64_FORMAT
                                      " AND old_status = 'POSTED' AND new_status = 'POSTED' "
                                      "AND json_extract (changes, '$.description.old') = 'Groceries' "
                                      "AND json_extract (changes, '$.description.new') = 'Pharmacy' "
                                      "AND json_extract (changes, '$.payee.new') = 'Chemist' "
                                      "AND json_extract (changes, '$.occurred_on') IS NULL", id), ==, 1);

  /* The same values again change and log nothing. */
  hearth_finance_edit_transaction (f->family.finance, f->editor, id, &values,
                                   HEARTH_TRANSACTION_FIELD_DESCRIPTION | HEARTH_TRANSACTION_FIELD_PAYEE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM transaction_logs WHERE transaction_id = "
                                      "%" G_GINT64_FORMAT, id),
                   ==, 2);

  hearth_finance_edit_transaction (f->family.finance, f->editor, id, &values,
                                   HEARTH_TRANSACTION_FIELD_DATE | HEARTH_TRANSACTION_FIELD_CATEGORY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM transaction_logs WHERE transaction_id = %" G_GINT64_FORMAT
                                      " AND json_extract (changes, '$.occurred_on.new') = '2026-11-18' "
                                      "AND json_extract (changes, '$.category_id.old') = '0'", id), ==, 1);

  edited = hearth_finance_get_transaction (f->family.finance, f->family.owner, id, &error);
  g_assert_cmpstr (hearth_transaction_get_occurred_on (edited), ==, "2026-11-18");
  g_assert_cmpstr (hearth_transaction_get_category_name (edited), ==, "Health");
  /* The amount and direction stayed: they are voided and entered again, never edited. */
  g_assert_cmpint (hearth_transaction_get_amount (edited), ==, 4200);
  g_assert_false (hearth_transaction_get_incoming (edited));
  g_assert_cmpint (balance (f, f->account), ==, -4200);

  /* A visitor edits nothing. */
  g_assert_false (hearth_finance_edit_transaction (f->family.finance, f->visitor, id, &values,
                                                   HEARTH_TRANSACTION_FIELD_DESCRIPTION, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
}

/* After a long random run of additions, voids and undos over two accounts,
 * each balance equals the sum of its posted transactions. */
static void
test_balances_equal_the_ledger (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261127);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (HearthAccount) second = NULL;
  gint64 accounts[2];

  second = hearth_finance_create_account (f->family.finance, f->family.owner, f->family.circle_id, "Savings", "BANK",
                                          "EUR", &error);
  g_assert_no_error (error);
  accounts[0] = f->account;
  accounts[1] = hearth_account_get_id (second);

  for (guint i = 0; i < 1500; i++)
    {
      int op = g_rand_int_range (rand, 0, 10);

      if (op < 6 || ids->len == 0)
        {
          g_autofree char *date = g_strdup_printf ("20%02d-%02d-%02d", g_rand_int_range (rand, 0, 27),
                                                   g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
          HearthTransactionDraft draft = { date, g_rand_int_range (rand, 1, 5000000), g_rand_boolean (rand), "", "",
                                           0 };
          gint64 id = hearth_finance_add_transaction (f->family.finance, f->family.owner,
                                                      accounts[g_rand_int_range (rand, 0, 2)],
                                                      &draft, &error);

          g_assert_no_error (error);
          g_array_append_val (ids, id);
        }
      else
        {
          gint64 id = g_array_index (ids, gint64, g_rand_int_range (rand, 0, ids->len));

          /* Voiding a voided one, or undoing a posted one, is refused and changes nothing. */
          if (op < 8)
            hearth_finance_void_transaction (f->family.finance, f->family.owner, id, &error);
          else
            hearth_finance_unvoid_transaction (f->family.finance, f->family.owner, id, &error);
          if (error != NULL)
            g_assert_true (error->domain == HEARTH_FINANCE_ERROR);
          g_clear_error (&error);
        }
    }

  for (guint a = 0; a < 2; a++)
    {
      gint64 ledger = hearth_test_count (f->family.store,
                                         "SELECT ifnull (sum (CASE direction WHEN 'IN' THEN amount ELSE "
                                                   "-amount END), 0) "
                                "FROM transactions WHERE status = 'POSTED' AND account_id = %" G_GINT64_FORMAT,
                             accounts[a]);

      g_assert_cmpint (balance (f, accounts[a]), ==, ledger);
      /* The count the ledger's list reads instead of counting (migration 0006). */
      g_assert_cmpint (hearth_test_count (f->family.store,
                                          "SELECT transaction_count FROM accounts WHERE id = %" G_GINT64_FORMAT,
                                          accounts[a]),
                       ==, hearth_test_count (f->family.store,
                                              "SELECT count(*) FROM transactions WHERE account_id = %" G_GINT64_FORMAT,
                                              accounts[a]));
    }
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM transactions WHERE status = 'VOIDED'"), >,
                   0);
}

/* A transaction's circle is its account's: another circle's member reaches it
 * through no id. */
static void
test_ids_from_another_circle (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthCircle) other = NULL;
  g_autoptr (HearthAccount) theirs = NULL;
  gint64 id = add (f, f->family.owner, 1000, TRUE, &error);
  HearthTransactionDraft values = { "2026-11-01", 1, TRUE, "Mine now", "", 0 };

  g_assert_no_error (error);
  other = hearth_circles_create (f->family.circles, f->outsider, "Oscar's", &error);
  g_assert_no_error (error);
  theirs = hearth_finance_create_account (f->family.finance, f->outsider, hearth_circle_get_id (other), "Oscar's",
                                          "BANK", "EUR", &error);
  g_assert_no_error (error);

  g_assert_null (hearth_finance_get_transaction (f->family.finance, f->outsider, id, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hearth_finance_void_transaction (f->family.finance, f->outsider, id, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hearth_finance_edit_transaction (f->family.finance, f->outsider, id, &values,
                                                   HEARTH_TRANSACTION_FIELD_DESCRIPTION, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_null (hearth_finance_get_account (f->family.finance, f->family.owner, hearth_account_get_id (theirs),
                                             &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_null (hearth_finance_get_transaction (f->family.finance, f->family.owner, 999999, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (balance (f, f->account), ==, 1000);
}

static void
test_dissolved_circle_keeps_its_ledger (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) ledger = NULL;
  gint64 id = add (f, f->family.owner, 1000, TRUE, &error);

  g_assert_no_error (error);
  hearth_circles_dissolve (f->family.circles, f->family.owner, f->family.circle_id, &error);
  g_assert_no_error (error);

  ledger = hearth_finance_list_transactions (f->family.finance, f->visitor, f->account, NULL, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ledger->len, ==, 1);
  g_assert_cmpint (add (f, f->family.owner, 1000, TRUE, &error), ==, 0);
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hearth_finance_void_transaction (f->family.finance, f->family.owner, id, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
}

static void
test_ledger_pages (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (HearthTransaction) last = NULL;
  g_autofree char *previous_date = g_strdup ("9999-12-31");
  guint pages = 0;

  /* 120 lines, three to a day, entered out of order. */
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-%02u-%02u", 1 + (i * 7) % 12, 1 + i % 28);
      HearthTransactionDraft draft = { date, 100 + i, i % 2, "", "", 0 };

      hearth_finance_add_transaction (f->family.finance, f->family.owner, f->account, &draft, &error);
      g_assert_no_error (error);
    }

  for (;;)
    {
      g_autoptr (GPtrArray) page = hearth_finance_list_transactions (f->family.finance, f->visitor, f->account, last,
                                                                     50,
                                                                     &error);

      g_assert_no_error (error);
      if (page->len == 0)
        break;
      pages++;
      for (guint i = 0; i < page->len; i++)
        {
          HearthTransaction *transaction = g_ptr_array_index (page, i);
          gint64 *id = g_new (gint64, 1);

          *id = hearth_transaction_get_id (transaction);
          g_assert_false (g_hash_table_contains (seen, id));
          g_hash_table_add (seen, id);
          /* Newest first. */
          g_assert_cmpstr (hearth_transaction_get_occurred_on (transaction), <=, previous_date);
          g_free (previous_date);
          previous_date = g_strdup (hearth_transaction_get_occurred_on (transaction));
        }
      g_set_object (&last, g_ptr_array_index (page, page->len - 1));
    }
  g_assert_cmpuint (pages, ==, 3);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 120);
}

/* Receipts -------------------------------------------------------------------------------- */

static GFile *
write_file (Fixture      *f,
            const char   *name,
            const guint8 *head,
            gsize         head_length,
            gsize         length)
{
  g_autofree char *path = g_build_filename (f->family.dir, name, NULL);
  g_autofree guint8 *data = g_malloc0 (length);
  g_autoptr (GError) error = NULL;

  memcpy (data, head, MIN (head_length, length));
  for (gsize i = head_length; i < length; i++)
    data[i] = (guint8) (i * 31);
  g_file_set_contents (path, (const char *) data, (gssize) length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static guint
count_stored_files (Fixture *f)
{
  g_autofree char *folder = g_build_filename (f->family.dir, "receipts", NULL);
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_receipts (Fixture       *f,
               gconstpointer  data)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
  static const guint8 pdf[] = { '%', 'P', 'D', 'F', '-', '1', '.', '7' };
  static const guint8 text[] = { 'D', 'e', 'a', 'r', ' ', 'D', 'i', 'a', 'r', 'y' };
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) photo = write_file (f, "receipt.png", png, sizeof png, 4096);
  g_autoptr (GFile) same_photo = write_file (f, "copy-of-receipt.png", png, sizeof png, 4096);
  g_autoptr (GFile) scan = write_file (f, "scan.pdf", pdf, sizeof pdf, 2048);
  g_autoptr (GFile) disguised = write_file (f, "holiday.jpg", text, sizeof text, 512);
  g_autoptr (GFile) huge = write_file (f, "huge.png", png, sizeof png, HEARTH_RECEIPT_MAX_BYTES + 1);
  g_autoptr (GFile) largest = write_file (f, "largest.png", png, sizeof png, HEARTH_RECEIPT_MAX_BYTES);
  g_autoptr (GPtrArray) receipts = NULL;
  gint64 bread = add (f, f->family.owner, 350, FALSE, &error);
  gint64 milk = add (f, f->family.owner, 120, FALSE, &error);
  gint64 first, second, third;
  GStatBuf info;

  g_assert_no_error (error);

  /* The same file twice is stored once, under its hash, 0600. */
  first = hearth_finance_attach_receipt (f->family.finance, f->editor, bread, photo, NULL, &error);
  g_assert_no_error (error);
  second = hearth_finance_attach_receipt (f->family.finance, f->editor, milk, same_photo, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, !=, second);
  g_assert_cmpuint (count_stored_files (f), ==, 1);
  receipts = hearth_finance_list_receipts (f->family.finance, f->visitor, bread, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (receipts->len, ==, 1);
  g_assert_cmpstr (((HearthReceipt *) g_ptr_array_index (receipts, 0))->content_type, ==, "image/png");
  g_assert_cmpint (g_stat (((HearthReceipt *) g_ptr_array_index (receipts, 0))->path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_true (g_str_has_suffix (((HearthReceipt *) g_ptr_array_index (receipts, 0))->path, ".png"));

  third = hearth_finance_attach_receipt (f->family.finance, f->editor, bread, scan, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_stored_files (f), ==, 2);

  /* The kind comes from the bytes, not the name; the size is bounded. */
  g_assert_cmpint (hearth_finance_attach_receipt (f->family.finance, f->editor, bread, disguised, NULL, &error), ==, 0);
  g_assert_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_FILE);
  g_clear_error (&error);
  g_assert_cmpint (hearth_finance_attach_receipt (f->family.finance, f->editor, bread, huge, NULL, &error), ==, 0);
  g_assert_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_FILE);
  g_clear_error (&error);
  g_assert_cmpint (hearth_finance_attach_receipt (f->family.finance, f->editor, bread, largest, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (count_stored_files (f), ==, 3);

  /* Visitors attach nothing; editors remove nothing (an admin's by default). */
  g_assert_cmpint (hearth_finance_attach_receipt (f->family.finance, f->visitor, bread, scan, NULL, &error), ==, 0);
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hearth_finance_remove_receipt (f->family.finance, f->editor, first, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hearth_finance_remove_receipt (f->family.finance, f->outsider, third, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  /* A file goes when its last receipt does. */
  hearth_finance_remove_receipt (f->family.finance, f->family.owner, first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_stored_files (f), ==, 3);
  hearth_finance_remove_receipt (f->family.finance, f->family.owner, second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_stored_files (f), ==, 2);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM transaction_receipts"), ==, 2);
}

typedef struct
{
  Fixture     *f;
  GFile       *photo;
  gint64       transaction_id;
  guint        missing;  /* attached, own row still there, file gone */
} Racer;

static gpointer
racer_thread (gpointer user_data)
{
  Racer *racer = user_data;
  g_autofree char *path = hearth_store_dup_default_path (racer->f->family.dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStore) store = hearth_store_open (path, racer->f->family.clock, &error);
  g_autoptr (HearthAuth) auth = NULL;
  g_autoptr (HearthFinance) finance = NULL;

  g_assert_no_error (error);
  hearth_store_set_busy_timeout (store, 60000);
  auth = hearth_test_auth_new (store);
  finance = hearth_finance_new (hearth_auth_get_guard (auth));
  for (guint i = 0; i < 150; i++)
    {
      gint64 id = hearth_finance_attach_receipt (finance, racer->f->family.owner, racer->transaction_id, racer->photo,
                                                 NULL, &error);
      g_autoptr (GPtrArray) receipts = NULL;

      g_assert_no_error (error);
      receipts = hearth_finance_list_receipts (finance, racer->f->family.owner, racer->transaction_id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (receipts->len, ==, 1);
      if (!g_file_test (((HearthReceipt *) g_ptr_array_index (receipts, 0))->path, G_FILE_TEST_EXISTS))
        racer->missing++;
      g_assert_true (hearth_finance_remove_receipt (finance, racer->f->family.owner, id, &error));
      g_assert_no_error (error);
    }
  return NULL;
}

/*
 * The same picture attached and removed on two lines at the same moment, from
 * two connections: a receipt row never names a file that is gone (the
 * removal's check and unlink happen under the write lock, and an attach that
 * finds its file gone writes it again), and no file is left that no row names.
 */
static void
test_receipt_attach_and_remove_race (Fixture       *f,
                                     gconstpointer  data)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) photo = write_file (f, "receipt.png", png, sizeof png, 4096);
  Racer racers[2] = {
    { f, photo, add (f, f->family.owner, 350, FALSE, &error) },
    { f, photo, add (f, f->family.owner, 120, FALSE, &error) },
  };
  GThread *threads[2];

  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    threads[i] = g_thread_new ("racer", racer_thread, &racers[i]);
  for (guint i = 0; i < 2; i++)
    g_thread_join (threads[i]);

  g_assert_cmpuint (racers[0].missing + racers[1].missing, ==, 0);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM transaction_receipts"), ==, 0);
  g_assert_cmpuint (count_stored_files (f), ==, 0);
}

/* A crash between writing a file and its row, or between a removal's commit
 * and the unlink, leaves files no row names: the sweep at start-up removes
 * them, and keeps every file a receipt names. */
static void
test_receipt_sweep (Fixture       *f,
                    gconstpointer  data)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) photo = write_file (f, "receipt.png", png, sizeof png, 4096);
  g_autofree char *orphan = g_build_filename (f->family.dir, "receipts", "0123abcd.png", NULL);
  g_autofree char *aside = g_build_filename (f->family.dir, "receipts", ".removed-4567ef.pdf", NULL);
  gint64 bread = add (f, f->family.owner, 350, FALSE, &error);
  g_autoptr (GPtrArray) receipts = NULL;
  guint removed = 0;

  g_assert_no_error (error);
  g_assert_cmpint (hearth_finance_attach_receipt (f->family.finance, f->family.owner, bread, photo, NULL, &error), >,
                   0);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (orphan, "a picture whose row never came", -1, NULL));
  g_assert_true (g_file_set_contents (aside, "a removed receipt, not yet unlinked", -1, NULL));
  g_assert_cmpuint (count_stored_files (f), ==, 3);

  g_assert_true (hearth_receipts_sweep (f->family.store, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 2);
  g_assert_cmpuint (count_stored_files (f), ==, 1);
  receipts = hearth_finance_list_receipts (f->family.finance, f->family.owner, bread, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (((HearthReceipt *) g_ptr_array_index (receipts, 0))->path, G_FILE_TEST_EXISTS));
}

static void
test_receipt_sniffing (void)
{
  static const guint8 jpeg[] = { 0xff, 0xd8, 0xff, 0xe0 };
  static const guint8 webp[] = { 'R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'E', 'B', 'P' };
  static const guint8 gif[] = { 'G', 'I', 'F', '8', '9', 'a' };

  g_assert_cmpstr (hearth_receipt_sniff (jpeg, sizeof jpeg), ==, "image/jpeg");
  g_assert_cmpstr (hearth_receipt_sniff (webp, sizeof webp), ==, "image/webp");
  g_assert_null (hearth_receipt_sniff (gif, sizeof gif));
  g_assert_null (hearth_receipt_sniff (jpeg, 2));
  g_assert_null (hearth_receipt_sniff (NULL, 0));
}

/* Charts ---------------------------------------------------------------------------------- */

typedef struct
{
  gboolean  done;
  GArray   *spending;
  GArray   *balances;
  GError   *error;
} ChartResult;

static void
chart_figures_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ChartResult *out = user_data;

  hearth_finance_chart_figures_finish (HEARTH_FINANCE (source), result, &out->spending, &out->balances, &out->error);
  out->done = TRUE;
}

static void
chart_result_clear (ChartResult *result)
{
  g_clear_pointer (&result->spending, g_array_unref);
  g_clear_pointer (&result->balances, g_array_unref);
  g_clear_error (&result->error);
}

static void
test_chart_figures (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) spending = NULL;
  g_autoptr (GArray) balances = NULL;
  gint64 groceries = hearth_test_count (f->family.store, "SELECT id FROM categories WHERE name = 'Groceries' "
                                                  "AND module = 'FINANCE'");
  const struct { const char *date; gint64 amount; gboolean in; gint64 category; } lines[] = {
    { "2025-12-20", 100000, TRUE, 0 },      /* before the charts begin */
    { "2026-01-05", 300000, TRUE, 0 },
    { "2026-01-10", 4000, FALSE, 0 },
    { "2026-01-12", 6000, FALSE, 0 },
    { "2026-03-02", 2500, FALSE, 0 },       /* February has no line */
  };
  gint64 voided = 0;
  HearthMonthAmount *amount;
  HearthMonthBalance *balance;

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      HearthTransactionDraft draft = { lines[i].date, lines[i].amount, lines[i].in, "", "",
                                       i == 2 ? groceries : lines[i].category };

      voided = hearth_finance_add_transaction (f->family.finance, f->family.owner, f->account, &draft, &error);
      g_assert_no_error (error);
    }
  /* The last line voided: it counts nowhere. */
  hearth_finance_void_transaction (f->family.finance, f->family.owner, voided, &error);
  g_assert_no_error (error);

  spending = hearth_finance_monthly_spending (f->family.finance, f->visitor, f->account, "2026-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spending->len, ==, 2);
  amount = &g_array_index (spending, HearthMonthAmount, 0);
  g_assert_cmpstr (amount->month, ==, "2026-01");
  g_assert_null (amount->category);
  g_assert_cmpint (amount->amount, ==, 6000);
  amount = &g_array_index (spending, HearthMonthAmount, 1);
  g_assert_cmpstr (amount->category, ==, "Groceries");
  g_assert_cmpint (amount->amount, ==, 4000);

  balances = hearth_finance_balance_history (f->family.finance, f->visitor, f->account, "2026-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (balances->len, ==, 1);
  balance = &g_array_index (balances, HearthMonthBalance, 0);
  g_assert_cmpstr (balance->month, ==, "2026-01");
  g_assert_cmpint (balance->balance, ==, 100000 + 300000 - 10000);

  /* A month with nothing in it carries the balance on. */
  hearth_finance_unvoid_transaction (f->family.finance, f->family.owner, voided, &error);
  g_assert_no_error (error);
  g_clear_pointer (&balances, g_array_unref);
  balances = hearth_finance_balance_history (f->family.finance, f->visitor, f->account, "2026-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (balances->len, ==, 3);
  g_assert_cmpstr (g_array_index (balances, HearthMonthBalance, 1).month, ==, "2026-02");
  g_assert_cmpint (g_array_index (balances, HearthMonthBalance, 1).balance, ==, 390000);
  g_assert_cmpint (g_array_index (balances, HearthMonthBalance, 2).balance, ==, 387500);

  g_assert_null (hearth_finance_balance_history (f->family.finance, f->outsider, f->account, "2026-01", &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_null (hearth_finance_monthly_spending (f->family.finance, f->family.owner, f->account, "2026-13", &error));
  g_assert_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_DATE);
  g_clear_error (&error);

  /* The same figures from a worker with its own connection; an outsider's
   * question is refused there too. */
  {
    ChartResult result = { 0 };
    ChartResult refused = { 0 };
    g_autoptr (GArray) expected = NULL;

    g_assert_cmpuint (balances->len, ==, 3);
    hearth_finance_chart_figures_async (f->family.finance, f->visitor, f->account, "2026-01", "2026-01", NULL,
                                        chart_figures_cb, &result);
    hearth_finance_chart_figures_async (f->family.finance, f->outsider, f->account, "2026-01", "2026-01", NULL,
                                        chart_figures_cb, &refused);
    while (!result.done || !refused.done)
      g_main_context_iteration (NULL, TRUE);
    expected = hearth_finance_monthly_spending (f->family.finance, f->visitor, f->account, "2026-01", &error);
    g_assert_no_error (error);
    g_assert_no_error (result.error);
    g_assert_cmpuint (result.spending->len, ==, expected->len);
    for (guint i = 0; i < expected->len; i++)
      {
        g_assert_cmpstr (g_array_index (result.spending, HearthMonthAmount, i).month, ==,
                         g_array_index (expected, HearthMonthAmount, i).month);
        g_assert_cmpint (g_array_index (result.spending, HearthMonthAmount, i).amount, ==,
                         g_array_index (expected, HearthMonthAmount, i).amount);
      }
    g_assert_cmpuint (result.balances->len, ==, 3);
    g_assert_cmpint (g_array_index (result.balances, HearthMonthBalance, 2).balance, ==, 387500);
    g_assert_error (refused.error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
    chart_result_clear (&result);
    chart_result_clear (&refused);
  }
}

/* Totals and export ---------------------------------------------------------------------- */

static void
test_filter_totals (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  HearthLedgerFilter groceries = { "Groc", 0, 0, FALSE, NULL, NULL };
  gint64 in = -1, out = -1;
  gint64 voided;

  add (f, f->family.owner, 10000, TRUE, &error);      /* "Groceries" is every line's description */
  add (f, f->family.owner, 2500, FALSE, &error);
  voided = add (f, f->family.owner, 700, FALSE, &error);
  hearth_finance_void_transaction (f->family.finance, f->family.owner, voided, &error);
  g_assert_no_error (error);

  hearth_finance_sum_ledger (f->family.finance, f->visitor, f->account, &groceries, &in, &out, &error);
  g_assert_no_error (error);
  g_assert_cmpint (in, ==, 10000);
  g_assert_cmpint (out, ==, 2500);   /* the voided line does not count */

  groceries.text = "nothing";
  hearth_finance_sum_ledger (f->family.finance, f->visitor, f->account, &groceries, &in, &out, &error);
  g_assert_no_error (error);
  g_assert_cmpint (in, ==, 0);
  g_assert_cmpint (out, ==, 0);
  g_assert_false (hearth_finance_sum_ledger (f->family.finance, f->outsider, f->account, NULL, &in, &out, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
}

static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOutputStream) output = g_memory_output_stream_new_resizable ();
  g_autoptr (GOutputStream) refused = g_memory_output_stream_new_resizable ();
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  HearthTransactionDraft quoted = { "2026-11-25", 123456, TRUE, "Bonus, \"Q4\"", "Firm", 0 };
  HearthLedgerFilter everything = { NULL, 0, 0, FALSE, NULL, NULL };
  HearthCsvRow *row;

  add (f, f->family.owner, 999, FALSE, &error);
  hearth_finance_add_transaction (f->family.finance, f->family.owner, f->account, &quoted, &error);
  g_assert_no_error (error);

  /* An admin's (the owner here), in sudo mode: a new profile is. */
  hearth_finance_export_csv (f->family.finance, f->family.owner, f->account, &everything, output, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (output, NULL, NULL);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (output));

  /* What is written, our own reader reads back. */
  rows = hearth_csv_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, ',', &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row->fields[0], ==, "2026-11-25");
  g_assert_cmpstr (row->fields[1], ==, "Bonus, \"Q4\"");
  g_assert_cmpstr (row->fields[4], ==, "1234.56");
  g_assert_cmpstr (row->fields[6], ==, "IN");
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (row->fields[4], ==, "9.99");
  g_assert_cmpstr (row->fields[6], ==, "OUT");
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM audit_logs WHERE action = 'data.exported'"),
                   ==, 1);

  /* Editors do not export, and nobody does out of sudo mode. */
  g_assert_false (hearth_finance_export_csv (f->family.finance, f->editor, f->account, NULL, refused, NULL, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  hearth_clock_advance (f->family.clock, 11 * G_TIME_SPAN_MINUTE);
  g_assert_false (hearth_finance_export_csv (f->family.finance, f->family.owner, f->account, NULL, refused, NULL,
                                             &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SUDO_REQUIRED);
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM audit_logs WHERE action = 'data.exported'"),
                   ==, 1);
}

/* Import ---------------------------------------------------------------------------------- */

static GPtrArray *
parse (const char  *text,
       const char  *encoding,
       char         delimiter,
       GError     **error)
{
  return hearth_csv_parse (text, strlen (text), encoding, delimiter, error);
}

static void
test_csv_parser (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) latin = NULL;
  g_autoptr (GPtrArray) cut = NULL;
  HearthCsvRow *row;

  /* A BOM, CRLF, a quoted delimiter, a quoted line break, doubled quotes,
   * blank lines, and a last line without its line break. */
  rows = parse ("\xef\xbb\xbf" "Date,Text,Amount\r\n"
                "2026-11-01,\"Rent, November\",-900.00\r\n"
                "\r\n"
                "2026-11-02,\"Two\nlines\",12.5\n"
                "\n"
                "2026-11-03,\"She said \"\"hi\"\"\",1",
                NULL, ',', &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->fields[0], ==, "Date");
  g_assert_cmpuint (row->line, ==, 1);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row->fields[1], ==, "Rent, November");
  g_assert_cmpuint (g_strv_length (row->fields), ==, 3);
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (row->fields[1], ==, "Two\nlines");
  g_assert_cmpuint (row->line, ==, 4);
  row = g_ptr_array_index (rows, 3);
  g_assert_cmpstr (row->fields[1], ==, "She said \"hi\"");
  g_assert_cmpstr (row->fields[2], ==, "1");
  g_assert_cmpuint (row->line, ==, 7);

  /* Latin-1, as many banks still write. */
  latin = parse ("2026-11-04;Caf\xe9 cr\xe8me;3,50\n", "ISO-8859-1", ';', &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((HearthCsvRow *) g_ptr_array_index (latin, 0))->fields[1], ==, "Café crème");
  g_assert_null (parse ("2026-11-04;Caf\xe9;3,50\n", NULL, ';', &error));
  g_assert_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_FILE);
  g_clear_error (&error);

  /* Cut short inside quotes: the line the field began on is named. */
  cut = parse ("a,b\nc,\"d\ne", NULL, ',', &error);
  g_assert_null (cut);
  g_assert_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_FILE);
  g_assert_nonnull (strstr (error->message, "Line 2"));
}

static HearthCsvImport
german_bank (void)
{
  HearthCsvImport options = { ';', NULL, TRUE, HEARTH_DATE_ORDER_DMY };

  hearth_number_format_init (&options.number_format, ",", ".");
  options.date_column = 0;
  options.description_column = 1;
  options.payee_column = 2;
  options.amount_column = 3;
  options.debit_column = -1;
  options.credit_column = -1;
  return options;
}

static void
count_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  guint *last = user_data;

  g_assert_cmpuint (done, <=, total);
  *last = done;
}

static void
test_import_csv (Fixture       *f,
                 gconstpointer  data)
{
  static const char statement[] =
    "Datum;Verwendungszweck;Empfänger;Betrag\n"
    "01.11.2026;Gehalt;Firma;2.500,00\n"
    "03.11.2026;\"Miete; November\";Vermieter;-900,00\n"
    "05.11.2026;Kaffee;Café;(3,50)\n"
    "05.11.2026;Kaffee;Café;(3,50)\n"
    "20.11.2026;\"Einkauf\nWoche 47\";Markt;\u22121.234,56\n";
  HearthCsvImport options = german_bank ();
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthImportReport) report = NULL;
  g_autoptr (HearthImportReport) again = NULL;
  guint last = 0;

  hearth_finance_import_csv (f->family.finance, f->editor, f->account, statement, strlen (statement), &options, NULL,
                             count_progress, &last, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 5);   /* the two coffees are two rows */
  g_assert_cmpuint (report->skipped, ==, 0);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (last, ==, 5);
  g_assert_cmpint (balance (f, f->account), ==, 250000 - 90000 - 350 - 350 - 123456);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM transactions WHERE description = "
                                                "'Miete; November' AND occurred_on = '2026-11-03'"), ==, 1);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM transactions WHERE description = "
                                                "'Einkauf' || char(10) || 'Woche 47'"), ==, 1);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM transaction_logs "
                                                "WHERE json_extract (changes, '$.imported')"), ==, 5);
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM audit_logs WHERE action = 'account.imported'"),
                   ==, 1);

  /* The same statement again adds nothing. */
  hearth_finance_import_csv (f->family.finance, f->editor, f->account, statement, strlen (statement), &options, NULL,
                             NULL, NULL, &again, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->added, ==, 0);
  g_assert_cmpuint (again->skipped, ==, 5);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM transactions"), ==, 5);
  g_assert_cmpint (balance (f, f->account), ==, 250000 - 90000 - 350 - 350 - 123456);
}

/* A statement as banks send it: OFX 1, SGML, tags left open. */
static char *
ofx_statement (const char *currency,
               const char *transactions)
{
  return g_strdup_printf ("OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\nSECURITY:NONE\r\n"
                          "ENCODING:USASCII\r\nCHARSET:1252\r\nCOMPRESSION:NONE\r\nOLDFILEUID:NONE\r\n"
                          "NEWFILEUID:NONE\r\n\r\n"
                          "<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS>"
                          "<DTSERVER>20261121120000<LANGUAGE>ENG</SONRS></SIGNONMSGSRSV1>"
                          "<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>"
                          "<STMTRS><CURDEF>%s<BANKACCTFROM><BANKID>10020030<ACCTID>12345678"
                          "<ACCTTYPE>CHECKING</BANKACCTFROM>"
                          "<BANKTRANLIST><DTSTART>20261101<DTEND>20261121\n%s</BANKTRANLIST>"
                          "<LEDGERBAL><BALAMT>0<DTASOF>20261121</LEDGERBAL>"
                          "</STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\r\n",
                          currency, transactions);
}

#define OFX_LINE(type, date, amount, fitid, name, memo) \
  "<STMTTRN><TRNTYPE>" type "<DTPOSTED>" date "<TRNAMT>" amount "<FITID>" fitid "<NAME>" name memo "</STMTTRN>\n"

static void
test_import_ofx (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *statement = ofx_statement ("EUR",
                                              OFX_LINE ("CREDIT", "20261101", "2500.00", "F-1", "Employer",
                                                        "<MEMO>Salary")
                                              OFX_LINE ("DEBIT", "20261103120000[+1:CET]", "-900.00", "F-2", "Landlord",
                                                        "")
                                              OFX_LINE ("POS", "20261120", "-12.5", "F-3", "Bakery", "<MEMO>Bread & "
                                                                                                     "rolls"));
  g_autofree char *dollars = ofx_statement ("USD", OFX_LINE ("DEBIT", "20261101", "-1.00", "U-1", "Shop", ""));
  g_autofree char *bad = ofx_statement ("EUR",
                                        OFX_LINE ("DEBIT", "20261101", "-1.00", "B-1", "Shop", "")
                                        OFX_LINE ("DEBIT", "20261102", "-1.005", "B-2", "Shop", ""));
  static const char not_ofx[] = "Date,Amount\n2026-11-01,12.00\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthImportReport) report = NULL;
  g_autoptr (HearthImportReport) again = NULL;
  g_autoptr (HearthImportReport) refused = NULL;
  g_autoptr (HearthImportReport) none = NULL;

  hearth_finance_import_ofx (f->family.finance, f->editor, f->account, statement, strlen (statement), NULL, NULL, NULL,
                             &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 3);
  g_assert_cmpint (balance (f, f->account), ==, 250000 - 90000 - 1250);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM transactions WHERE import_id = 'ofx:F-3' "
                                                "AND occurred_on = '2026-11-20' AND payee = 'Bakery' "
                                                "AND description = 'Bread & rolls' AND direction = 'OUT' "
                                                "AND amount = 1250"), ==, 1);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM transactions WHERE import_id = 'ofx:F-2' "
                                                "AND occurred_on = '2026-11-03' AND description = 'Landlord'"), ==, 1);

  /* The same statement again adds nothing: the FITIDs are known. */
  hearth_finance_import_ofx (f->family.finance, f->editor, f->account, statement, strlen (statement), NULL, NULL, NULL,
                             &again, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->added, ==, 0);
  g_assert_cmpuint (again->skipped, ==, 3);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM transactions"), ==, 3);

  /* A third of a cent is refused, by its place in the statement, and the
   * good line before it is not imported either. */
  g_assert_false (hearth_finance_import_ofx (f->family.finance, f->editor, f->account, bad, strlen (bad), NULL, NULL,
                                             NULL,
                                             &refused, &error));
  g_assert_error (error, HEARTH_FINANCE_ERROR, HEARTH_FINANCE_ERROR_IMPORT_PROBLEMS);
  g_clear_error (&error);
  g_assert_cmpuint (refused->problems->len, ==, 1);
  g_assert_cmpuint (((HearthImportProblem *) g_ptr_array_index (refused->problems, 0))->line, ==, 2);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM transactions"), ==, 3);

  /* Another currency, or no statement at all, is refused whole. */
  g_assert_false (hearth_finance_import_ofx (f->family.finance, f->editor, f->account, dollars, strlen (dollars), NULL,
                                             NULL,
                                             NULL, &none, &error));
  g_assert_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_CURRENCY);
  g_clear_error (&error);
  g_assert_false (hearth_finance_import_ofx (f->family.finance, f->editor, f->account, not_ofx, strlen (not_ofx), NULL,
                                             NULL,
                                             NULL, &none, &error));
  g_assert_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_FILE);
  g_clear_error (&error);

  /* A long statement is read in parts of 2,000 (hearth-ofx.c): every line
   * arrives, a bad one in the second part is named by its place in the whole. */
  {
    g_autoptr (GString) lines = g_string_new (NULL);
    g_autoptr (GString) bad_lines = NULL;
    g_autofree char *long_statement = NULL;
    g_autofree char *long_bad = NULL;
    g_autoptr (HearthImportReport) all = NULL;
    g_autoptr (HearthImportReport) named = NULL;

    for (guint i = 1; i <= 2500; i++)
      g_string_append_printf (lines, OFX_LINE ("DEBIT", "20261001", "-0.%02u", "L-%u", "Shop", ""), 1 + i % 99, i);
    /* The 2,101st line's amount, -0.23, becomes -0.232: a tenth of a cent. */
    bad_lines = g_string_new (lines->str);
    {
      char *at = strstr (bad_lines->str, "<TRNAMT>-0.23<FITID>L-2101<");

      g_assert_nonnull (at);
      g_string_insert (bad_lines, at - bad_lines->str + strlen ("<TRNAMT>-0.23"), "2");
    }
    long_statement = ofx_statement ("EUR", lines->str);
    long_bad = ofx_statement ("EUR", bad_lines->str);
    g_assert_false (hearth_finance_import_ofx (f->family.finance, f->editor, f->account, long_bad, strlen (long_bad),
                                               NULL,
                                               NULL, NULL, &named, &error));
    g_assert_error (error, HEARTH_FINANCE_ERROR, HEARTH_FINANCE_ERROR_IMPORT_PROBLEMS);
    g_clear_error (&error);
    g_assert_cmpuint (named->problems->len, ==, 1);
    g_assert_cmpuint (((HearthImportProblem *) g_ptr_array_index (named->problems, 0))->line, ==, 2101);
    g_assert_true (hearth_finance_import_ofx (f->family.finance, f->editor, f->account, long_statement,
                                              strlen (long_statement), NULL, NULL, NULL, &all, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (all->added, ==, 2500);
    g_assert_cmpint (hearth_test_count (f->family.store,
                                        "SELECT count(*) FROM transactions WHERE import_id LIKE 'ofx:L-%%'"),
                     ==, 2500);
  }

  /* A visitor imports nothing. */
  g_assert_false (hearth_finance_import_ofx (f->family.finance, f->visitor, f->account, statement, strlen (statement),
                                             NULL,
                                             NULL, NULL, &none, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM transactions"), ==, 3 + 2500);
}

static void
test_import_debit_and_credit (Fixture       *f,
                              gconstpointer  data)
{
  static const char statement[] =
    "Date,Description,Debit,Credit\n"
    "11/27/2026,Pay,,1500.00\n"
    "11/28/2026,Shoes,89.99,\n"
    "11/29/2026,Both,1.00,2.00\n";
  HearthCsvImport options = { ',', NULL, TRUE, HEARTH_DATE_ORDER_MDY };
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthImportReport) report = NULL;

  hearth_number_format_init (&options.number_format, ".", ",");
  options.date_column = 0;
  options.description_column = 1;
  options.payee_column = -1;
  options.amount_column = -1;
  options.debit_column = 2;
  options.credit_column = 3;

  g_assert_false (hearth_finance_import_csv (f->family.finance, f->editor, f->account, statement, strlen (statement),
                                             &options, NULL, NULL, NULL, &report, &error));
  g_assert_error (error, HEARTH_FINANCE_ERROR, HEARTH_FINANCE_ERROR_IMPORT_PROBLEMS);
  g_assert_cmpuint (report->problems->len, ==, 1);
  g_assert_cmpuint (((HearthImportProblem *) g_ptr_array_index (report->problems, 0))->line, ==, 4);
  g_clear_error (&error);
  g_clear_pointer (&report, hearth_import_report_free);

  hearth_finance_import_csv (f->family.finance, f->editor, f->account, statement,
                             strlen (statement) - strlen ("11/29/2026,Both,1.00,2.00\n"),
                             &options, NULL, NULL, NULL, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 2);
  g_assert_cmpint (balance (f, f->account), ==, 150000 - 8999);
}

/* A bad amount on line 5,000 of 10,000: nothing is imported, and the line is
 * named. Mended, the 10,000 rows come in as one. */
static void
test_import_all_or_nothing (Fixture       *f,
                            gconstpointer  data)
{
  HearthCsvImport options = german_bank ();
  g_autoptr (GString) file = g_string_new ("Datum;Text;Empfänger;Betrag\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthImportReport) report = NULL;
  g_autoptr (HearthImportReport) mended_report = NULL;
  g_autofree char *mended = NULL;
  g_autoptr (GCancellable) cancelled = g_cancellable_new ();
  HearthImportProblem *problem;
  gsize bad_at = 0;

  options.has_header = TRUE;
  for (guint line = 2; line <= 10001; line++)
    {
      if (line == 5000)
        {
          bad_at = file->len;
          g_string_append (file, "15.03.2025;Zeile 5000;Markt;12,3x\n");
        }
      else
        {
          g_string_append_printf (file, "%02u.%02u.20%02u;Zeile %u;Markt;%s%u,%02u\n", 1 + line % 28,
                                  1 + line % 12, 10 + line % 16, line, line % 3 ? "-" : "", 1 + line % 500, line % 100);
        }
    }

  g_assert_false (hearth_finance_import_csv (f->family.finance, f->editor, f->account, file->str, file->len, &options,
                                             NULL, NULL, NULL, &report, &error));
  g_assert_error (error, HEARTH_FINANCE_ERROR, HEARTH_FINANCE_ERROR_IMPORT_PROBLEMS);
  g_clear_error (&error);
  g_assert_cmpuint (report->problems->len, ==, 1);
  problem = g_ptr_array_index (report->problems, 0);
  g_assert_cmpuint (problem->line, ==, 5000);
  g_assert_nonnull (strstr (problem->reason, "12,3x"));
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM transactions"), ==, 0);
  g_assert_cmpint (balance (f, f->account), ==, 0);

  /* Cancelled: nothing either. */
  mended = g_strdup (file->str);
  memcpy (mended + bad_at, "15.03.2025;Zeile 5000;Markt;12,30\n", strlen ("15.03.2025;Zeile 5000;Markt;12,30\n"));
  g_cancellable_cancel (cancelled);
  g_assert_false (hearth_finance_import_csv (f->family.finance, f->editor, f->account, mended, file->len, &options,
                                             cancelled, NULL, NULL, &mended_report, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM transactions"), ==, 0);

  hearth_finance_import_csv (f->family.finance, f->editor, f->account, mended, file->len, &options, NULL, NULL, NULL,
                             &mended_report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mended_report->added, ==, 10000);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM transactions"), ==, 10000);
  g_assert_cmpint (balance (f, f->account), ==,
                   hearth_test_count (f->family.store,
                                      "SELECT sum (CASE direction WHEN 'IN' THEN amount ELSE -amount END) "
                                                "FROM transactions WHERE status = 'POSTED'"));

  /* A visitor imports nothing. */
  g_clear_pointer (&report, hearth_import_report_free);
  g_assert_false (hearth_finance_import_csv (f->family.finance, f->visitor, f->account, mended, file->len, &options,
                                             NULL,
                                             NULL, NULL, &report, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
}

typedef struct
{
  Fixture *f;
  gint64   written;  /* the line the other connection added, or 0 */
} Meanwhile;

/* Told the import's progress: on the first call, another connection adds a
 * line, with a busy timeout far below the import's length. */
static void
write_meanwhile (guint    done,
                 guint    total,
                 gpointer user_data)
{
  Meanwhile *meanwhile = user_data;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStore) store = NULL;
  g_autoptr (HearthAuth) auth = NULL;
  g_autoptr (HearthFinance) finance = NULL;
  HearthTransactionDraft draft = { "2026-11-27", 450, FALSE, "Coffee", "Café", 0 };

  if (done != 0 || meanwhile->written != 0)
    return;
  path = hearth_store_dup_default_path (meanwhile->f->family.dir);
  store = hearth_store_open (path, meanwhile->f->family.clock, &error);
  g_assert_no_error (error);
  hearth_store_set_busy_timeout (store, 200);
  auth = hearth_test_auth_new (store);
  finance = hearth_finance_new (hearth_auth_get_guard (auth));
  meanwhile->written = hearth_finance_add_transaction (finance, meanwhile->f->family.owner, meanwhile->f->account,
                                                       &draft,
                                                       &error);
  g_assert_no_error (error);
}

/*
 * A long import does not hold other writers: while it reads and stages its
 * rows, another connection writes at once (it used to wait for the whole
 * import, row by row under the write lock, and give up after the busy
 * timeout). The import stays all or nothing, in one short transaction at the
 * end: the other line comes before every imported one.
 */
static void
test_import_lets_other_writers_in (Fixture       *f,
                                   gconstpointer  data)
{
  HearthCsvImport options = german_bank ();
  g_autoptr (GString) file = g_string_new ("Datum;Text;Empfänger;Betrag\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthImportReport) report = NULL;
  Meanwhile meanwhile = { f, 0 };

  for (guint line = 2; line <= 20001; line++)
    g_string_append_printf (file, "%02u.%02u.2025;Zeile %u;Markt;-%u,%02u\n", 1 + line % 28, 1 + line % 12, line,
                            1 + line % 500, line % 100);

  g_assert_true (hearth_finance_import_csv (f->family.finance, f->editor, f->account, file->str, file->len, &options,
                                            NULL, write_meanwhile, &meanwhile, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 20000);
  g_assert_cmpint (meanwhile.written, >, 0);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT min (id) FROM transactions WHERE import_id IS NOT NULL"),
                   >, meanwhile.written);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM transaction_logs"), ==, 20001);
  g_assert_cmpint (balance (f, f->account), ==,
                   hearth_test_count (f->family.store,
                                      "SELECT sum (CASE direction WHEN 'IN' THEN amount ELSE -amount END) "
                                                "FROM transactions WHERE status = 'POSTED'"));
}

/* The ledger's model against a plain array --------------------------------------------- */

typedef struct
{
  gint64   id;
  char     date[11];
  char    *description;
  gint64   category_id;
  guint    tag;        /* into tag_names: 0 for none */
  gboolean voided;
} Line;

static const char * const tag_names[] = { "", "Holiday", "School" };
static gint64 tag_ids[G_N_ELEMENTS (tag_names)];

static void
line_clear (gpointer data)
{
  g_free (((Line *) data)->description);
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const Line *x = a;
  const Line *y = b;
  int by_date = strcmp (y->date, x->date);

  if (by_date != 0)
    return by_date;
  return (y->id > x->id) - (y->id < x->id);
}

static gboolean
line_matches (const Line               *line,
              const HearthLedgerFilter *filter)
{
  if (filter->posted_only && line->voided)
    return FALSE;
  if (filter->category_id != 0 && line->category_id != filter->category_id)
    return FALSE;
  if (filter->tag_id != 0 && tag_ids[line->tag] != filter->tag_id)
    return FALSE;
  if (filter->since != NULL && strcmp (line->date, filter->since) < 0)
    return FALSE;
  if (filter->until != NULL && strcmp (line->date, filter->until) > 0)
    return FALSE;
  if (filter->text != NULL && strstr (line->description, filter->text) == NULL)
    return FALSE;
  return TRUE;
}

/* Compares every position of @model, in an order that jumps: the end first,
 * then the middle, then from the start. */
static void
assert_model_equals (GListModel               *model,
                     GArray                   *lines,
                     const HearthLedgerFilter *filter,
                     GRand                    *rand)
{
  g_autoptr (GArray) expected = g_array_new (FALSE, FALSE, sizeof (Line *));
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);

      if (line_matches (line, filter))
        g_array_append_val (expected, line);
    }
  /* Sorted through pointers: a Line owns its description. */
  {
    g_autoptr (GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (Line), expected->len);

    for (guint i = 0; i < expected->len; i++)
      g_array_append_val (sorted, *g_array_index (expected, Line *, i));
    g_array_sort (sorted, newest_first);
    n = g_list_model_get_n_items (model);
    g_assert_cmpuint (n, ==, sorted->len);

    for (guint i = n; i > 0 && i > n - 3; i--)
      g_array_append_val (order, (guint) { i - 1 });
    for (guint k = 0; k < 20 && n > 0; k++)
      g_array_append_val (order, (guint) { (guint) g_rand_int_range (rand, 0, (gint32) n) });
    for (guint i = 0; i < n; i++)
      g_array_append_val (order, i);

    for (guint k = 0; k < order->len; k++)
      {
        guint position = g_array_index (order, guint, k);
        g_autoptr (HearthTransaction) item = g_list_model_get_item (model, position);
        Line *line = &g_array_index (sorted, Line, position);

        g_assert_nonnull (item);
        g_assert_cmpint (hearth_transaction_get_id (item), ==, line->id);
        g_assert_cmpstr (hearth_transaction_get_occurred_on (item), ==, line->date);
        g_assert_cmpint (hearth_transaction_get_voided (item), ==, line->voided);
        g_assert_cmpstr (hearth_transaction_get_tags (item), ==, tag_names[line->tag]);
      }
    g_assert_null (g_list_model_get_item (model, n));
  }
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_signals)
{
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpuint (added, ==, g_list_model_get_n_items (model));
  (*n_signals)++;
}

static void
test_ledger_model_against_an_array (Fixture       *f,
                                    gconstpointer  data)
{
  static const char * const words[] = { "tea", "bread", "rent", "bus", "teapot", "100% juice", "under_score" };
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (64);
  g_autoptr (GArray) lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_autoptr (HearthQueryModel) live = NULL;
  gint64 categories[3];
  guint n_signals = 0;

  g_array_set_clear_func (lines, line_clear);
  categories[0] = 0;
  categories[1] = hearth_test_count (f->family.store, "SELECT id FROM categories WHERE module = 'FINANCE' AND name = "
                                               "'Groceries'");
  categories[2] = hearth_test_count (f->family.store, "SELECT id FROM categories WHERE module = 'FINANCE' AND name = "
                                               "'Housing'");

  for (guint i = 1; i < G_N_ELEMENTS (tag_names); i++)
    {
      g_autoptr (HearthTag) tag = hearth_categories_create_tag (hearth_finance_get_categories (f->family.finance),
                                                                f->family.owner,
                                                                f->family.circle_id, "FINANCE", tag_names[i], &error);

      g_assert_no_error (error);
      tag_ids[i] = hearth_tag_get_id (tag);
    }

  /* A model made before any line, that follows every change. */
  live = hearth_finance_new_ledger (f->family.finance, f->visitor, f->account, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (live)), ==, 0);
  g_signal_connect (live, "items-changed", G_CALLBACK (items_changed_cb), &n_signals);

  for (guint round = 0; round < 6; round++)
    {
      HearthLedgerFilter filters[] = {
        { NULL, 0, 0, FALSE, NULL, NULL },
        { NULL, 0, 0, TRUE, NULL, NULL },
        { "tea", 0, 0, FALSE, NULL, NULL },
        { "%", 0, 0, FALSE, NULL, NULL },
        { "_", 0, 0, TRUE, NULL, NULL },
        { NULL, categories[1], 0, FALSE, NULL, NULL },
        { NULL, 0, 0, FALSE, "2021-01-01", "2023-06-30" },
        { "bread", categories[2], 0, TRUE, "2020-03-01", NULL },
        { NULL, 0, tag_ids[1], FALSE, NULL, NULL },
        { "tea", 0, tag_ids[2], TRUE, NULL, NULL },
      };
      guint signals_before = n_signals;

      for (guint op = 0; op < 250; op++)
        {
          if (g_rand_int_range (rand, 0, 5) > 0 || lines->len == 0)
            {
              Line line = { .tag = g_rand_int_range (rand, 0, G_N_ELEMENTS (tag_names)) };
              const char *tags[] = { tag_names[line.tag], NULL };
              HearthTransactionDraft draft = { line.date, g_rand_int_range (rand, 1, 100000), g_rand_boolean (rand),
                                               words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))], "",
                                               categories[g_rand_int_range (rand, 0, 3)],
                                               line.tag != 0 ? tags : NULL };

              /* Few dates, so that many lines share one and the id decides. */
              g_snprintf (line.date, sizeof line.date, "20%02d-%02d-01", g_rand_int_range (rand, 18, 26),
                          g_rand_int_range (rand, 1, 13));
              line.id = hearth_finance_add_transaction (f->family.finance, f->family.owner, f->account, &draft, &error);
              g_assert_no_error (error);
              line.description = g_strdup (draft.description);
              line.category_id = draft.category_id;
              g_array_append_val (lines, line);
            }
          else if (g_rand_boolean (rand))
            {
              Line *line = &g_array_index (lines, Line, g_rand_int_range (rand, 0, lines->len));
              const char *tags[] = { NULL, NULL };
              HearthTransactionDraft values = { .tags = tags };

              line->tag = g_rand_int_range (rand, 0, G_N_ELEMENTS (tag_names));
              tags[0] = line->tag != 0 ? tag_names[line->tag] : NULL;
              hearth_finance_edit_transaction (f->family.finance, f->family.owner, line->id, &values,
                                               HEARTH_TRANSACTION_FIELD_TAGS,
                                               &error);
              g_assert_no_error (error);
            }
          else
            {
              Line *line = &g_array_index (lines, Line, g_rand_int_range (rand, 0, lines->len));

              if (line->voided)
                hearth_finance_unvoid_transaction (f->family.finance, f->family.owner, line->id, &error);
              else
                hearth_finance_void_transaction (f->family.finance, f->family.owner, line->id, &error);
              g_assert_no_error (error);
              line->voided = !line->voided;
            }
        }

      /* Every commit asked for a refresh; they come as one, on the next turn. */
      g_assert_cmpuint (n_signals, ==, signals_before);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_assert_cmpuint (n_signals, ==, signals_before + 1);
      assert_model_equals (G_LIST_MODEL (live), lines, &filters[0], rand);
      /* A few pages in memory, not the ledger. */
      g_assert_cmpuint (hearth_query_model_get_n_cached (live), <=, 32 * HEARTH_QUERY_MODEL_PAGE_SIZE);

      for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
        {
          g_autoptr (HearthQueryModel) model = hearth_finance_new_ledger (f->family.finance, f->visitor, f->account,
                                                                          &filters[i], &error);

          g_assert_no_error (error);
          assert_model_equals (G_LIST_MODEL (model), lines, &filters[i], rand);
        }
    }
  g_assert_cmpuint (lines->len, >, 1000);

  /* An outsider gets no ledger, and a date that is not one is refused. */
  g_assert_null (hearth_finance_new_ledger (f->family.finance, f->outsider, f->account, NULL, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  {
    HearthLedgerFilter wrong = { NULL, 0, 0, FALSE, "yesterday", NULL };

    g_assert_null (hearth_finance_new_ledger (f->family.finance, f->family.owner, f->account, &wrong, &error));
    g_assert_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_DATE);
  }
}

/* A jump to the end of a long ledger reads keys backwards from the end, and a
 * page once read is not read again. */
static void
test_ledger_model_jumps (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthQueryModel) model = NULL;
  g_autoptr (HearthTransaction) last = NULL;
  g_autoptr (HearthTransaction) first = NULL;
  g_autoptr (HearthTransaction) again = NULL;
  guint queries;

  g_assert_true (hearth_store_begin (f->family.store, NULL));
  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *date = g_strdup_printf ("%04u-%02u-%02u", 2000 + i / 365, 1 + (i / 28) % 12, 1 + i % 28);
      HearthTransactionDraft draft = { date, 100, TRUE, "", "", 0 };

      hearth_finance_add_transaction (f->family.finance, f->family.owner, f->account, &draft, &error);
      g_assert_no_error (error);
    }
  g_assert_true (hearth_store_commit (f->family.store, NULL));

  model = hearth_finance_new_ledger (f->family.finance, f->family.owner, f->account, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5000);

  /* The last row: one walk of the keys (from the end), one page. */
  queries = hearth_query_model_get_n_queries (model);
  last = g_list_model_get_item (G_LIST_MODEL (model), 4999);
  g_assert_cmpuint (hearth_query_model_get_n_queries (model) - queries, ==, 2);
  g_assert_cmpint (hearth_transaction_get_id (last), ==,
                   hearth_test_count (f->family.store,
                                      "SELECT id FROM transactions ORDER BY occurred_on ASC, id ASC LIMIT 1"));

  /* The first row: a page, no walk. */
  queries = hearth_query_model_get_n_queries (model);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpuint (hearth_query_model_get_n_queries (model) - queries, ==, 1);
  g_assert_cmpint (hearth_transaction_get_id (first), ==,
                   hearth_test_count (f->family.store,
                                      "SELECT id FROM transactions ORDER BY occurred_on DESC, id DESC LIMIT "
                                                "1"));

  /* Read again: from the cache. */
  queries = hearth_query_model_get_n_queries (model);
  again = g_list_model_get_item (G_LIST_MODEL (model), 4999);
  g_assert_true (again == last);
  g_assert_cmpuint (hearth_query_model_get_n_queries (model), ==, queries);
}

typedef struct
{
  const guint8 *data;
  gsize         length;
  gsize         offset;
} PngReader;

static cairo_status_t
read_png (void          *closure,
          unsigned char *data,
          unsigned int   length)
{
  PngReader *reader = closure;

  if (reader->offset + length > reader->length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

/* The grey level (0 to 255) of a pixel of an RGB24 image. */
static guint
grey_at (cairo_surface_t *image,
         int              x,
         int              y)
{
  const guint8 *row = cairo_image_surface_get_data (image) + y * cairo_image_surface_get_stride (image);
  guint32 pixel = ((const guint32 *) row)[x];

  return (((pixel >> 16) & 0xff) + ((pixel >> 8) & 0xff) + (pixel & 0xff)) / 3;
}

static void
preview_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GBytes **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = hearth_receipt_render_preview_finish (result, &error);
  g_assert_no_error (error);
}

/* A PDF receipt is shown by its first page: a page drawn with cairo-pdf comes
 * back scaled to fit, black where it was drawn and white elsewhere. */
static void
test_pdf_receipt_preview (void)
{
  g_autofree char *dir = hearth_test_make_temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "receipt.pdf", NULL);
  g_autofree char *text = g_build_filename (dir, "receipt.txt", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) png = NULL;
  g_autoptr (GBytes) again = NULL;
  cairo_surface_t *surface = cairo_pdf_surface_create (pdf, 200, 400);
  cairo_t *cr = cairo_create (surface);
  cairo_surface_t *image;
  PngReader reader = { 0 };

  /* Page one: a black square in the top left quarter; page two all black. */
  cairo_rectangle (cr, 0, 0, 100, 100);
  cairo_fill (cr);
  cairo_show_page (cr);
  cairo_paint (cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  png = hearth_receipt_render_preview (pdf, 120, &error);
  g_assert_no_error (error);
  reader.data = g_bytes_get_data (png, &reader.length);
  image = cairo_image_surface_create_from_png_stream (read_png, &reader);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 60);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 120);
  cairo_surface_flush (image);
  g_assert_cmpuint (grey_at (image, 10, 10), <, 40);
  g_assert_cmpuint (grey_at (image, 50, 110), >, 215);
  cairo_surface_destroy (image);

  /* The same off the main thread. */
  hearth_receipt_render_preview_async (pdf, 120, NULL, preview_ready_cb, &again);
  while (again == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_bytes_equal (png, again));

  /* A file that is no PDF says so. */
  g_assert_true (g_file_set_contents (text, "not a pdf", -1, NULL));
  g_assert_null (hearth_receipt_render_preview (text, 120, &error));
  g_assert_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_FILE);

  hearth_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/finance/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("create-account", test_create_account);
  ADD ("rename-and-archive", test_rename_and_archive);
  ADD ("add-transaction", test_add_transaction);
  ADD ("void-and-undo", test_void_and_undo);
  ADD ("every-edit-is-logged", test_every_edit_is_logged);
  ADD ("balances-equal-the-ledger", test_balances_equal_the_ledger);
  ADD ("ids-from-another-circle", test_ids_from_another_circle);
  ADD ("dissolved-circle-keeps-its-ledger", test_dissolved_circle_keeps_its_ledger);
  ADD ("ledger-pages", test_ledger_pages);
  ADD ("ledger-model-against-an-array", test_ledger_model_against_an_array);
  ADD ("ledger-model-jumps", test_ledger_model_jumps);
  ADD ("import/lets-other-writers-in", test_import_lets_other_writers_in);
  ADD ("receipts", test_receipts);
  ADD ("receipts/attach-and-remove-race", test_receipt_attach_and_remove_race);
  ADD ("receipts/sweep", test_receipt_sweep);
  ADD ("filter-totals", test_filter_totals);
  ADD ("chart-figures", test_chart_figures);
  ADD ("export-csv", test_export_csv);
  ADD ("import-csv", test_import_csv);
  ADD ("import-debit-and-credit", test_import_debit_and_credit);
  ADD ("import-ofx", test_import_ofx);
  ADD ("import-all-or-nothing", test_import_all_or_nothing);
#undef ADD
  g_test_add_func ("/finance/receipt-sniffing", test_receipt_sniffing);
  g_test_add_func ("/finance/csv-parser", test_csv_parser);
  g_test_add_func ("/finance/pdf-receipt-preview", test_pdf_receipt_preview);

  return g_test_run ();
}
