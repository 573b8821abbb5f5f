/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-test"

#include "config.h"

#include <string.h>

#include "hearth-audit.h"
#include "hearth-auth.h"
#include "hearth-auth-error.h"
#include "hearth-circles.h"
#include "hearth-clock.h"
#include "hearth-finance.h"
#include "hearth-import.h"
#include "hearth-receipts.h"
#include "hearth-password.h"
#include "hearth-profile.h"
#include "hearth-store.h"
#include "hearth-store-private.h"
#include "hearth-test-common.h"
#include "hearth-tasks.h"
#include "hearth-test-family.h"

/* Circles, roles, permission policies and the audit log: the whole policy
 * table against the real service functions, then the rules no policy
 * changes (one owner, rank, personal circles, dissolved circles), and that
 * every change writes its event and audit rows in its own transaction. */

typedef struct
{
  HearthTestFamily  family;   /* Olivia's "Family" */

  /* Members of "Family", one per role, and tina, a second visitor to act on. */
  HearthActor      *admin;
  HearthActor      *editor;
  HearthActor      *visitor;
  HearthActor      *tina;
  /* Not in "Family": oscar in no circle of the fixture, sam to be added. */
  HearthActor      *oscar;
  HearthActor      *sam;

  /* Family's account, with one transaction in it. */
  gint64            account;
  gint64            transaction;
  gint64            receipt;
  /* Family's own finance category and tag. */
  gint64            category;
  gint64            tag;
  GFile            *picture;
  /* Family's task, made by the owner. */
  HearthTasks      *tasks;
  gint64            task;
} Fixture;

static gint64
id_of (HearthActor *actor)
{
  return hearth_actor_get_user_id (actor);
}

static void
add (Fixture     *f,
     gint64       circle_id,
     HearthActor *member,
     HearthRole   role)
{
  g_autoptr (GError) error = NULL;

  hearth_circles_add_member (f->family.circles, f->family.owner, circle_id, id_of (member), role, &error);
  g_assert_no_error (error);
}

static gint64
new_circle (Fixture    *f,
            const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthCircle) circle = hearth_circles_create (f->family.circles, f->family.owner, name, &error);

  g_assert_no_error (error);
  add (f, hearth_circle_get_id (circle), f->admin, HEARTH_ROLE_ADMIN);
  add (f, hearth_circle_get_id (circle), f->editor, HEARTH_ROLE_EDITOR);
  add (f, hearth_circle_get_id (circle), f->visitor, HEARTH_ROLE_VISITOR);
  add (f, hearth_circle_get_id (circle), f->tina, HEARTH_ROLE_VISITOR);
  return hearth_circle_get_id (circle);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  /* A new profile starts in sudo mode, and the fake clock stands still. */
  hearth_test_family_set_up (&f->family, "Olivia", "Family");
  f->admin = hearth_test_family_add (&f->family, "Adam", HEARTH_ROLE_ADMIN);
  f->editor = hearth_test_family_add (&f->family, "Edith", HEARTH_ROLE_EDITOR);
  f->visitor = hearth_test_family_add (&f->family, "Victor", HEARTH_ROLE_VISITOR);
  f->tina = hearth_test_family_add (&f->family, "Tina", HEARTH_ROLE_VISITOR);
  f->oscar = hearth_test_family_add (&f->family, "Oscar", HEARTH_ROLE_NONE);
  f->sam = hearth_test_family_add (&f->family, "Sam", HEARTH_ROLE_NONE);

  {
    g_autoptr (GError) error = NULL;
    g_autoptr (HearthAccount) account = hearth_finance_create_account (f->family.finance, f->family.owner,
                                                                       f->family.circle_id, "Joint",
                                                                       "BANK", "EUR", &error);
    HearthTransactionDraft draft = { "2026-11-20", 1250, FALSE, "Bread", "", 0 };

    g_assert_no_error (error);
    f->account = hearth_account_get_id (account);
    f->transaction = hearth_finance_add_transaction (f->family.finance, f->family.owner, f->account, &draft, &error);
    g_assert_no_error (error);

    /* A receipt for it, and a picture to attach again. */
    {
      static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
      g_autofree char *path = g_build_filename (f->family.dir, "receipt.png", NULL);

      g_file_set_contents (path, (const char *) png, sizeof png, &error);
      g_assert_no_error (error);
      f->picture = g_file_new_for_path (path);
      f->receipt = hearth_finance_attach_receipt (f->family.finance, f->family.owner, f->transaction, f->picture, NULL,
                                                  &error);
      g_assert_no_error (error);
    }
    {
      HearthCategories *categories = hearth_finance_get_categories (f->family.finance);
      g_autoptr (HearthCategory) category = hearth_categories_create (categories, f->family.owner, f->family.circle_id,
                                                                      "FINANCE",
                                                                      "Pets", &error);
      g_autoptr (HearthTag) tag = NULL;

      g_assert_no_error (error);
      f->category = hearth_category_get_id (category);
      tag = hearth_categories_create_tag (categories, f->family.owner, f->family.circle_id, "FINANCE", "Holiday",
                                          &error);
      g_assert_no_error (error);
      f->tag = hearth_tag_get_id (tag);
    }
    {
      g_autoptr (HearthTask) task = NULL;

      f->tasks = hearth_tasks_new (hearth_auth_get_guard (f->family.auth));
      task = hearth_tasks_create (f->tasks, f->family.owner, f->family.circle_id, "Take out the bins", &error);
      g_assert_no_error (error);
      f->task = hearth_task_get_id (task);
    }
  }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  hearth_test_finalize (&f->picture);
  hearth_test_finalize (&f->tasks);
  hearth_test_family_tear_down (&f->family);
}

static HearthRole
role_in (Fixture     *f,
         gint64       circle_id,
         HearthActor *member)
{
  g_autoptr (GError) error = NULL;
  HearthRole role = 0;

  hearth_authorize_get_role (f->family.store, member, circle_id, &role, &error);
  g_assert_no_error (error);
  return role;
}

/* The policy table, performed -------------------------------------------------------- */

typedef gboolean (*Perform) (Fixture      *f,
                             HearthActor  *actor,
                             gint64        circle_id,
                             GError      **error);

static gboolean
perform_circle_read (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  g_autoptr (HearthCircle) circle = hearth_circles_get (f->family.circles, actor, circle_id, error);

  return circle != NULL;
}

static gboolean
perform_circle_update (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  return hearth_circles_rename (f->family.circles, actor, circle_id, "Renamed", error);
}

static gboolean
perform_circle_dissolve (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  return hearth_circles_dissolve (f->family.circles, actor, circle_id, error);
}

static gboolean
perform_circle_transfer (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  return hearth_circles_transfer_ownership (f->family.circles, actor, circle_id, id_of (f->tina), error);
}

static gboolean
perform_member_read (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  g_autoptr (GPtrArray) members = hearth_circles_list_members (f->family.circles, actor, circle_id, error);

  return members != NULL;
}

static gboolean
perform_member_add (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  return hearth_circles_add_member (f->family.circles, actor, circle_id, id_of (f->sam), HEARTH_ROLE_VISITOR, error);
}

static gboolean
perform_member_remove (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  return hearth_circles_remove_member (f->family.circles, actor, circle_id, id_of (f->tina), error);
}

static gboolean
perform_member_change_role (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  return hearth_circles_change_role (f->family.circles, actor, circle_id, id_of (f->tina), HEARTH_ROLE_EDITOR, error);
}

static gboolean
perform_member_unlock (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  return hearth_circles_unlock_member (f->family.circles, actor, circle_id, id_of (f->tina), error);
}

static gboolean
perform_policy_read (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  g_autoptr (GArray) policies = hearth_circles_list_policies (f->family.circles, actor, circle_id, error);

  return policies != NULL;
}

static gboolean
perform_policy_update (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  return hearth_circles_set_policy (f->family.circles, actor, circle_id, HEARTH_ROLE_EDITOR, "note", "delete", TRUE,
                                    error);
}

static gboolean
perform_activity_read (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  g_autoptr (GPtrArray) events = hearth_circles_list_events (f->family.circles, actor, circle_id, NULL, 50, error);

  return events != NULL;
}

static gboolean
perform_audit_read (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  HearthAuditFilter filter = { circle_id };
  g_autoptr (GPtrArray) entries = hearth_audit_list (f->family.store, actor, &filter, NULL, 50, error);

  return entries != NULL;
}

static gboolean
perform_account_read (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  g_autoptr (HearthAccount) account = hearth_finance_get_account (f->family.finance, actor, f->account, error);

  return account != NULL;
}

static gboolean
perform_account_create (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  g_autoptr (HearthAccount) account = hearth_finance_create_account (f->family.finance, actor, circle_id, "Savings",
                                                                     "BANK", "EUR", error);

  return account != NULL;
}

static gboolean
perform_account_update (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  return hearth_finance_rename_account (f->family.finance, actor, f->account, "Household", error);
}

static gboolean
perform_account_archive (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  return hearth_finance_set_account_archived (f->family.finance, actor, f->account, TRUE, error);
}

static gboolean
perform_transaction_read (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  g_autoptr (HearthTransaction) transaction = hearth_finance_get_transaction (f->family.finance, actor, f->transaction,
                                                                              error);

  return transaction != NULL;
}

static gboolean
perform_transaction_create (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  HearthTransactionDraft draft = { "2026-11-21", 300, TRUE, "", "", 0 };

  return hearth_finance_add_transaction (f->family.finance, actor, f->account, &draft, error) > 0;
}

static gboolean
perform_transaction_update (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  HearthTransactionDraft values = { NULL, 0, FALSE, "Rye bread", NULL, 0 };

  return hearth_finance_edit_transaction (f->family.finance, actor, f->transaction, &values,
                                          HEARTH_TRANSACTION_FIELD_DESCRIPTION, error);
}

static gboolean
perform_transaction_void (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  return hearth_finance_void_transaction (f->family.finance, actor, f->transaction, error);
}

static gboolean
perform_transaction_import (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  static const char statement[] = "2026-11-22,Milk,-1.20\n";
  HearthCsvImport options = { ',', NULL, FALSE, HEARTH_DATE_ORDER_YMD };
  g_autoptr (HearthImportReport) report = NULL;

  hearth_number_format_init (&options.number_format, ".", "");
  options.description_column = 1;
  options.amount_column = 2;
  options.payee_column = options.debit_column = options.credit_column = -1;
  return hearth_finance_import_csv (f->family.finance, actor, f->account, statement, strlen (statement), &options, NULL,
                                    NULL, NULL, &report, error);
}

static gboolean
perform_receipt_read (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  g_autoptr (GPtrArray) receipts = hearth_finance_list_receipts (f->family.finance, actor, f->transaction, error);

  return receipts != NULL;
}

static gboolean
perform_receipt_attach (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  return hearth_finance_attach_receipt (f->family.finance, actor, f->transaction, f->picture, NULL, error) > 0;
}

static gboolean
perform_receipt_remove (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  return hearth_finance_remove_receipt (f->family.finance, actor, f->receipt, error);
}

static gboolean
perform_data_export (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  g_autoptr (GOutputStream) output = g_memory_output_stream_new_resizable ();

  return hearth_finance_export_csv (f->family.finance, actor, f->account, NULL, output, NULL, error);
}

static gboolean
perform_category_read (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  g_autoptr (GPtrArray) categories = hearth_categories_list (hearth_finance_get_categories (f->family.finance), actor,
                                                             circle_id, "FINANCE", error);

  return categories != NULL;
}

static gboolean
perform_category_create (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  g_autoptr (HearthCategory) category = hearth_categories_create (hearth_finance_get_categories (f->family.finance),
                                                                  actor,
                                                                  circle_id, "FINANCE", "Garden", error);

  return category != NULL;
}

static gboolean
perform_category_update (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  return hearth_categories_rename (hearth_finance_get_categories (f->family.finance), actor, f->category, "Animals",
                                   error);
}

static gboolean
perform_category_delete (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  return hearth_categories_delete (hearth_finance_get_categories (f->family.finance), actor, f->category, error);
}

static gboolean
perform_tag_read (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  g_autoptr (GPtrArray) tags = hearth_categories_list_tags (hearth_finance_get_categories (f->family.finance), actor,
                                                            circle_id, "FINANCE", error);

  return tags != NULL;
}

static gboolean
perform_tag_create (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  g_autoptr (HearthTag) tag = hearth_categories_create_tag (hearth_finance_get_categories (f->family.finance), actor,
                                                            circle_id, "FINANCE", "School", error);

  return tag != NULL;
}

static gboolean
perform_tag_update (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  return hearth_categories_rename_tag (hearth_finance_get_categories (f->family.finance), actor, f->tag, "Holidays",
                                       error);
}

static gboolean
perform_tag_delete (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  return hearth_categories_delete_tag (hearth_finance_get_categories (f->family.finance), actor, f->tag, error);
}

static gboolean
perform_task_read (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  g_autoptr (HearthTask) task = hearth_tasks_get (f->tasks, actor, f->task, error);

  return task != NULL;
}

static gboolean
perform_task_create (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  g_autoptr (HearthTask) task = hearth_tasks_create (f->tasks, actor, circle_id, "Water the plants", error);

  return task != NULL;
}

static gboolean
perform_task_update (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  return hearth_tasks_set_status (f->tasks, actor, f->task, HEARTH_TASK_STATUS_DONE, error);
}

static gboolean
perform_task_assign (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  return hearth_tasks_assign (f->tasks, actor, f->task, id_of (f->tina), error);
}

/* Setting a chore's reward is a parent's, as approving it is. */
static gboolean
perform_task_approve (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  return hearth_tasks_set_reward (f->tasks, actor, f->task, 300, error);
}

static gboolean
perform_task_delete (Fixture *f, HearthActor *actor, gint64 circle_id, GError **error)
{
  return hearth_tasks_delete (f->tasks, actor, f->task, error);
}

/* The service function that performs each pair. A pair without one here is
 * checked through hearth_authorize() until its module lands; a module that
 * lands adds its performers to this table, not new test code. */
static const struct
{
  const char *resource;
  const char *action;
  Perform     perform;
  gboolean    on_family_rows;  /* acts on the fixture's rows in Family, whatever circle is checked */
} performers[] = {
  { "circle", "read", perform_circle_read },
  { "circle", "update", perform_circle_update },
  { "circle", "dissolve", perform_circle_dissolve },
  { "circle", "transfer_ownership", perform_circle_transfer },
  { "member", "read", perform_member_read },
  { "member", "add", perform_member_add },
  { "member", "remove", perform_member_remove },
  { "member", "change_role", perform_member_change_role },
  { "member", "unlock_profile", perform_member_unlock },
  { "policy", "read", perform_policy_read },
  { "policy", "update", perform_policy_update },
  { "activity", "read", perform_activity_read },
  { "audit", "read", perform_audit_read },
  { "account", "read", perform_account_read, TRUE },
  { "account", "create", perform_account_create, FALSE },
  { "account", "update", perform_account_update, TRUE },
  { "account", "archive", perform_account_archive, TRUE },
  { "transaction", "read", perform_transaction_read, TRUE },
  { "transaction", "create", perform_transaction_create, TRUE },
  { "transaction", "update", perform_transaction_update, TRUE },
  { "transaction", "void", perform_transaction_void, TRUE },
  { "transaction", "import", perform_transaction_import, TRUE },
  { "receipt", "read", perform_receipt_read, TRUE },
  { "receipt", "attach", perform_receipt_attach, TRUE },
  { "receipt", "remove", perform_receipt_remove, TRUE },
  { "data", "export", perform_data_export, TRUE },
  { "category", "read", perform_category_read, FALSE },
  { "category", "create", perform_category_create, FALSE },
  { "category", "update", perform_category_update, TRUE },
  { "category", "delete", perform_category_delete, TRUE },
  { "tag", "read", perform_tag_read, FALSE },
  { "tag", "create", perform_tag_create, FALSE },
  { "tag", "update", perform_tag_update, TRUE },
  { "tag", "delete", perform_tag_delete, TRUE },
  { "task", "read", perform_task_read, TRUE },
  { "task", "create", perform_task_create, FALSE },
  { "task", "update", perform_task_update, TRUE },
  { "task", "assign", perform_task_assign, TRUE },
  { "task", "delete", perform_task_delete, TRUE },
  { "task", "approve", perform_task_approve, TRUE },
};

static Perform
performer_for (Fixture                *f,
               gint64                  circle_id,
               const HearthPermission *permission)
{
  for (guint i = 0; i < G_N_ELEMENTS (performers); i++)
    {
      if (g_str_equal (performers[i].resource, permission->resource) &&
          g_str_equal (performers[i].action, permission->action) &&
          (!performers[i].on_family_rows || circle_id == f->family.circle_id))
        return performers[i].perform;
    }
  return NULL;
}

/* What the policy rows say, read with SQL of the test's own. */
static gboolean
policy_says (Fixture                *f,
             gint64                  circle_id,
             HearthRole              role,
             const HearthPermission *permission)
{
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("SELECT ifnull ((SELECT allowed FROM permission_policies WHERE circle_id = %" G_GINT64_FORMAT
                         "  AND role = '%s' AND resource = '%s' AND action = '%s'), "
                         " (SELECT allowed FROM permission_policies WHERE circle_id IS NULL "
                         "  AND role = '%s' AND resource = '%s' AND action = '%s'))",
                         circle_id, hearth_role_to_string (role), permission->resource, permission->action,
                         hearth_role_to_string (role), permission->resource, permission->action);
  return hearth_test_query_int (f->family.store, sql) != 0;
}

/* Performs @permission as @actor inside a transaction that is rolled back, so
 * that every case starts from the same circle. */
static gboolean
attempt (Fixture                 *f,
         HearthActor             *actor,
         gint64                   circle_id,
         const HearthPermission  *permission,
         gboolean                 through_service,
         GError                 **error)
{
  Perform perform = through_service ? performer_for (f, circle_id, permission) : NULL;
  gboolean done;

  g_assert_true (hearth_store_begin (f->family.store, NULL));
  if (perform != NULL)
    done = perform (f, actor, circle_id, error);
  else
    done = hearth_authorize (f->family.store, actor, circle_id, permission->resource, permission->action, error);
  hearth_store_rollback (f->family.store);
  return done;
}

typedef enum
{
  MATRIX_ACTIVE,
  MATRIX_DISSOLVED,
  MATRIX_OVERRIDDEN,
} MatrixKind;

/* Every role and a non-member × every (resource, action). Returns the number
 * of cases checked. */
static guint
check_matrix (Fixture    *f,
              gint64      circle_id,
              MatrixKind  kind)
{
  HearthActor *by_role[] = { NULL, f->visitor, f->editor, f->admin, f->family.owner };
  const HearthPermission *vocabulary;
  size_t n_permissions;
  guint n_cases = 0;

  vocabulary = hearth_permissions_get_vocabulary (&n_permissions);
  for (size_t i = 0; i < n_permissions; i++)
    {
      for (HearthRole role = HEARTH_ROLE_VISITOR; role <= HEARTH_ROLE_OWNER + 1; role++)
        {
          gboolean member = role <= HEARTH_ROLE_OWNER;
          HearthActor *actor = member ? by_role[role] : f->oscar;
          g_autoptr (GError) error = NULL;
          gboolean expected, done;

          expected = member && policy_says (f, hearth_permission_is_fixed (&vocabulary[i]) ? 0 : circle_id,
                                            role, &vocabulary[i]);
          if (kind == MATRIX_DISSOLVED && !hearth_permission_is_read_only (&vocabulary[i]))
            expected = FALSE;

          /* Overrides may allow what the one-owner and rank rules refuse
           * anyway (a visitor giving roles), so there the decision itself is
           * what is checked. */
          done = attempt (f, actor, circle_id, &vocabulary[i], kind != MATRIX_OVERRIDDEN, &error);
          if (done != expected)
            g_error ("%s %s.%s in a %s circle: expected %s, got %s (%s)",
                     member ? hearth_role_to_string (role) : "non-member",
                     vocabulary[i].resource, vocabulary[i].action,
                     kind == MATRIX_DISSOLVED ? "dissolved" : kind == MATRIX_OVERRIDDEN ? "overridden" : "active",
                     expected ? "allowed" : "denied", done ? "allowed" : "denied",
                     error != NULL ? error->message : "no error");
          if (!done)
            g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
          n_cases++;
        }
    }
  return n_cases;
}

static void
test_policy_matrix (Fixture       *f,
                    gconstpointer  data)
{
  size_t n_permissions;
  guint n_cases;

  hearth_permissions_get_vocabulary (&n_permissions);
  n_cases = check_matrix (f, f->family.circle_id, MATRIX_ACTIVE);
  g_assert_cmpuint (n_cases, ==, n_permissions * 5);
  g_test_message ("policy matrix: %u cases in an active circle", n_cases);
}

static void
test_policy_matrix_dissolved (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  hearth_circles_dissolve (f->family.circles, f->family.owner, f->family.circle_id, &error);
  g_assert_no_error (error);
  check_matrix (f, f->family.circle_id, MATRIX_DISSOLVED);
}

/* Every override flipped in one circle: that circle follows its overrides,
 * the other circle the defaults; the owner's rights and the owner-only pairs
 * stay as they were. */
static void
test_policy_matrix_overridden (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) policies = NULL;
  gint64 other = new_circle (f, "Neighbours");
  guint n_changed = 0;

  policies = hearth_circles_list_policies (f->family.circles, f->family.owner, f->family.circle_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < policies->len; i++)
    {
      HearthPolicy *policy = &g_array_index (policies, HearthPolicy, i);

      if (policy->fixed)
        continue;
      hearth_circles_set_policy (f->family.circles, f->family.owner, f->family.circle_id, policy->role,
                                 policy->permission->resource,
                                 policy->permission->action, !policy->default_allowed, &error);
      g_assert_no_error (error);
      n_changed++;
    }
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM permission_logs"), ==, n_changed);
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM audit_logs WHERE action = "
                                      "'policy.changed'"), ==, n_changed);

  check_matrix (f, f->family.circle_id, MATRIX_OVERRIDDEN);
  check_matrix (f, other, MATRIX_ACTIVE);

  /* And what list_policies reports is what holds. */
  g_clear_pointer (&policies, g_array_unref);
  policies = hearth_circles_list_policies (f->family.circles, f->family.owner, f->family.circle_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < policies->len; i++)
    {
      HearthPolicy *policy = &g_array_index (policies, HearthPolicy, i);

      g_assert_cmpint (policy->allowed, ==, policy->fixed ? policy->default_allowed : !policy->default_allowed);
    }
}

/* Circles ------------------------------------------------------------------------------ */

static void
test_personal_circle (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) circles = NULL;
  HearthCircle *personal;
  gint64 id;

  circles = hearth_circles_list (f->family.circles, f->oscar, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (circles->len, ==, 1);
  personal = g_ptr_array_index (circles, 0);
  g_assert_true (hearth_circle_get_personal (personal));
  g_assert_cmpint (hearth_circle_get_role (personal), ==, HEARTH_ROLE_OWNER);
  g_assert_cmpint (hearth_circle_get_owner_id (personal), ==, id_of (f->oscar));
  g_assert_cmpuint (hearth_circle_get_member_count (personal), ==, 1);
  id = hearth_circle_get_id (personal);

  /* Its owner keeps everything there... */
  g_assert_true (hearth_authorize (f->family.store, f->oscar, id, "transaction", "create", NULL));
  g_assert_true (hearth_authorize (f->family.store, f->oscar, id, "note", "delete", NULL));
  /* ...and nobody else sees in. */
  g_assert_false (hearth_authorize (f->family.store, f->family.owner, id, "note", "read", &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  /* It is never shared, renamed, handed on, dissolved, left or re-policied. */
  g_assert_false (hearth_circles_add_member (f->family.circles, f->oscar, id, id_of (f->sam), HEARTH_ROLE_VISITOR,
                                             &error));
  g_assert_error (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_PERSONAL);
  g_clear_error (&error);
  g_assert_false (hearth_circles_rename (f->family.circles, f->oscar, id, "Mine", &error));
  g_assert_error (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_PERSONAL);
  g_clear_error (&error);
  g_assert_false (hearth_circles_dissolve (f->family.circles, f->oscar, id, &error));
  g_assert_error (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_PERSONAL);
  g_clear_error (&error);
  g_assert_false (hearth_circles_leave (f->family.circles, f->oscar, id, &error));
  g_assert_error (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_PERSONAL);
  g_clear_error (&error);
  g_assert_false (hearth_circles_set_policy (f->family.circles, f->oscar, id, HEARTH_ROLE_VISITOR, "note", "read",
                                             FALSE,
                                             &error));
  g_assert_error (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_PERSONAL);
  g_clear_error (&error);
  g_assert_null (hearth_circles_list_candidates (f->family.circles, f->oscar, id, &error));
  g_assert_error (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_PERSONAL);
  g_clear_error (&error);
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM circle_members WHERE circle_id = "
                                      "%" G_GINT64_FORMAT, id), ==, 1);

  /* One personal circle per profile, whatever else they belong to. */
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM circles WHERE kind = 'PERSONAL'"), ==,
                   hearth_test_count (f->family.store, "SELECT count(*) FROM users"));
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM circles WHERE kind = 'PERSONAL' AND owner_id = "
                                      "%" G_GINT64_FORMAT,
                                      id_of (f->family.owner)), ==, 1);
}

static void
test_create_and_list (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthCircle) circle = NULL;
  g_autoptr (GPtrArray) circles = NULL;
  g_autoptr (GPtrArray) members = NULL;
  g_autofree char *long_name = g_strnfill (HEARTH_CIRCLE_NAME_MAX_CHARS + 1, 'x');
  static const char * const bad_names[] = { "", "   ", "Two\nlines" };

  circle = hearth_circles_create (f->family.circles, f->oscar, "  The Lovelaces ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearth_circle_get_name (circle), ==, "The Lovelaces");
  g_assert_false (hearth_circle_get_personal (circle));
  g_assert_false (hearth_circle_get_dissolved (circle));
  g_assert_cmpint (hearth_circle_get_role (circle), ==, HEARTH_ROLE_OWNER);

  circles = hearth_circles_list (f->family.circles, f->oscar, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (circles->len, ==, 2);
  g_assert_true (hearth_circle_get_personal (g_ptr_array_index (circles, 0)));
  g_assert_cmpstr (hearth_circle_get_name (g_ptr_array_index (circles, 1)), ==, "The Lovelaces");

  members = hearth_circles_list_members (f->family.circles, f->oscar, hearth_circle_get_id (circle), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_cmpint (hearth_circle_member_get_role (g_ptr_array_index (members, 0)), ==, HEARTH_ROLE_OWNER);

  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM circle_events WHERE type = 'CREATED' AND circle_id = %"
                                      G_GINT64_FORMAT " AND json_extract (payload, '$.name') = 'The Lovelaces'",
                                      hearth_circle_get_id (circle)), ==, 1);
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM audit_logs WHERE action = 'circle.created' AND entity_id = "
                                      "%" G_GINT64_FORMAT " AND actor_id = %" G_GINT64_FORMAT,
                                      hearth_circle_get_id (circle), id_of (f->oscar)), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (bad_names); i++)
    {
      g_assert_null (hearth_circles_create (f->family.circles, f->oscar, bad_names[i], &error));
      g_assert_error (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_INVALID_NAME);
      g_clear_error (&error);
    }
  g_assert_null (hearth_circles_create (f->family.circles, f->oscar, long_name, &error));
  g_assert_error (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_INVALID_NAME);
  g_clear_error (&error);
  long_name[HEARTH_CIRCLE_NAME_MAX_CHARS] = '\0';
  g_clear_object (&circle);
  circle = hearth_circles_create (f->family.circles, f->oscar, long_name, &error);
  g_assert_no_error (error);

  /* A signed-out profile creates nothing. */
  hearth_auth_sign_out (f->family.auth, f->oscar, &error);
  g_assert_no_error (error);
  g_assert_null (hearth_circles_create (f->family.circles, f->oscar, "Later", &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SESSION_INVALID);
}

/* Non-members, unknown circles and ids from another circle. */
static void
test_outsiders_and_foreign_ids (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthCircle) other = NULL;
  gint64 sam_circle;

  other = hearth_circles_create (f->family.circles, f->sam, "Sam's friends", &error);
  g_assert_no_error (error);
  sam_circle = hearth_circle_get_id (other);
  hearth_circles_add_member (f->family.circles, f->sam, sam_circle, id_of (f->oscar), HEARTH_ROLE_VISITOR, &error);
  g_assert_no_error (error);

  /* Oscar is in Sam's circle, not in Family: Family's owner cannot reach him
   * there, nor through Family. */
  g_assert_false (hearth_circles_remove_member (f->family.circles, f->family.owner, sam_circle, id_of (f->oscar),
                                                &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hearth_circles_remove_member (f->family.circles, f->family.owner, f->family.circle_id,
                                                id_of (f->oscar), &error));
  g_assert_error (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_NOT_MEMBER);
  g_clear_error (&error);
  g_assert_false (hearth_circles_change_role (f->family.circles, f->family.owner, f->family.circle_id,
                                              id_of (f->oscar), HEARTH_ROLE_EDITOR,
                                              &error));
  g_assert_error (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_NOT_MEMBER);
  g_clear_error (&error);
  g_assert_false (hearth_circles_transfer_ownership (f->family.circles, f->family.owner, f->family.circle_id,
                                                     id_of (f->oscar), &error));
  g_assert_error (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_NOT_MEMBER);
  g_clear_error (&error);
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM circle_members WHERE circle_id = "
                                      "%" G_GINT64_FORMAT, sam_circle),
                   ==, 2);

  /* An unknown circle says no more than a circle one is not in. */
  g_assert_false (hearth_authorize (f->family.store, f->family.owner, 999999, "circle", "read", &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_null (hearth_circles_list_members (f->family.circles, f->oscar, f->family.circle_id, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  /* A profile that does not exist is not added. */
  g_assert_false (hearth_circles_add_member (f->family.circles, f->family.owner, f->family.circle_id, 999999,
                                             HEARTH_ROLE_VISITOR, &error));
  g_assert_error (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_NOT_MEMBER);
  g_clear_error (&error);
  g_assert_false (hearth_circles_add_member (f->family.circles, f->family.owner, f->family.circle_id, id_of (f->tina),
                                             HEARTH_ROLE_EDITOR,
                                             &error));
  g_assert_error (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_ALREADY_MEMBER);
}

static void
assert_one_owner (Fixture *f,
                  gint64   circle_id,
                  gint64   owner_id)
{
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM circle_members WHERE role = 'OWNER' AND circle_id = %"
                                      G_GINT64_FORMAT, circle_id), ==, 1);
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT user_id FROM circle_members WHERE role = 'OWNER' AND circle_id = %"
                                      G_GINT64_FORMAT, circle_id), ==, owner_id);
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT owner_id FROM circles WHERE id = "
                                      "%" G_GINT64_FORMAT, circle_id), ==, owner_id);
}

static void
test_one_owner (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  /* The owner leaves only after handing the circle on. */
  g_assert_false (hearth_circles_leave (f->family.circles, f->family.owner, f->family.circle_id, &error));
  g_assert_error (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_OWNER_RULES);
  g_clear_error (&error);
  /* Ownership moves only by transfer. */
  g_assert_false (hearth_circles_change_role (f->family.circles, f->family.owner, f->family.circle_id,
                                              id_of (f->admin), HEARTH_ROLE_OWNER,
                                              &error));
  g_assert_error (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_OWNER_RULES);
  g_clear_error (&error);
  g_assert_false (hearth_circles_add_member (f->family.circles, f->family.owner, f->family.circle_id, id_of (f->sam),
                                             HEARTH_ROLE_OWNER,
                                             &error));
  g_assert_error (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_OWNER_RULES);
  g_clear_error (&error);
  g_assert_false (hearth_circles_transfer_ownership (f->family.circles, f->family.owner, f->family.circle_id,
                                                     id_of (f->family.owner), &error));
  g_assert_error (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_OWNER_RULES);
  g_clear_error (&error);
  assert_one_owner (f, f->family.circle_id, id_of (f->family.owner));

  /* A transfer: the old owner becomes an admin, and loses the owner's rights at once. */
  hearth_circles_transfer_ownership (f->family.circles, f->family.owner, f->family.circle_id, id_of (f->editor),
                                     &error);
  g_assert_no_error (error);
  assert_one_owner (f, f->family.circle_id, id_of (f->editor));
  g_assert_cmpint (role_in (f, f->family.circle_id, f->family.owner), ==, HEARTH_ROLE_ADMIN);
  g_assert_false (hearth_circles_dissolve (f->family.circles, f->family.owner, f->family.circle_id, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM circle_events WHERE type = 'OWNER_TRANSFERRED' "
                          "AND json_extract (payload, '$.user_id') = %" G_GINT64_FORMAT, id_of (f->editor)), ==, 1);

  /* Now the former owner may leave; the new one may not. */
  hearth_circles_leave (f->family.circles, f->family.owner, f->family.circle_id, &error);
  g_assert_no_error (error);
  g_assert_false (hearth_circles_leave (f->family.circles, f->editor, f->family.circle_id, &error));
  g_assert_error (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_OWNER_RULES);
  assert_one_owner (f, f->family.circle_id, id_of (f->editor));
}

/* Nobody changes their own role; a member acts only below their own rank. */
static void
test_no_self_promotion (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (hearth_circles_change_role (f->family.circles, f->admin, f->family.circle_id, id_of (f->admin),
                                              HEARTH_ROLE_OWNER,
                                              &error));
  g_assert_error (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_OWNER_RULES);
  g_clear_error (&error);
  g_assert_false (hearth_circles_change_role (f->family.circles, f->family.owner, f->family.circle_id,
                                              id_of (f->family.owner), HEARTH_ROLE_ADMIN,
                                              &error));
  g_assert_error (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_OWNER_RULES);
  g_clear_error (&error);

  /* An admin makes no admins and demotes none. */
  g_assert_false (hearth_circles_change_role (f->family.circles, f->admin, f->family.circle_id, id_of (f->editor),
                                              HEARTH_ROLE_ADMIN,
                                              &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  hearth_circles_change_role (f->family.circles, f->family.owner, f->family.circle_id, id_of (f->tina),
                              HEARTH_ROLE_ADMIN, &error);
  g_assert_no_error (error);
  g_assert_false (hearth_circles_change_role (f->family.circles, f->admin, f->family.circle_id, id_of (f->tina),
                                              HEARTH_ROLE_VISITOR,
                                              &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hearth_circles_remove_member (f->family.circles, f->admin, f->family.circle_id, id_of (f->tina),
                                                &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hearth_circles_add_member (f->family.circles, f->admin, f->family.circle_id, id_of (f->sam),
                                             HEARTH_ROLE_ADMIN,
                                             &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  /* Even where the owner lets editors change roles, an editor raises nobody
   * to their own rank. */
  hearth_circles_set_policy (f->family.circles, f->family.owner, f->family.circle_id, HEARTH_ROLE_EDITOR, "member",
                             "change_role", TRUE,
                             &error);
  g_assert_no_error (error);
  g_assert_false (hearth_circles_change_role (f->family.circles, f->editor, f->family.circle_id, id_of (f->visitor),
                                              HEARTH_ROLE_EDITOR,
                                              &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  /* What the admin may do, holds. */
  hearth_circles_change_role (f->family.circles, f->admin, f->family.circle_id, id_of (f->visitor), HEARTH_ROLE_EDITOR,
                              &error);
  g_assert_no_error (error);
  g_assert_cmpint (role_in (f, f->family.circle_id, f->visitor), ==, HEARTH_ROLE_EDITOR);
  g_assert_cmpint (role_in (f, f->family.circle_id, f->admin), ==, HEARTH_ROLE_ADMIN);
  g_assert_cmpint (role_in (f, f->family.circle_id, f->editor), ==, HEARTH_ROLE_EDITOR);
}

/* An override in one circle leaves the others as they were, is logged with
 * its old and new value, and only the owner, in sudo mode, sets one. */
static void
test_override_one_circle (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  gint64 other = new_circle (f, "Neighbours");

  g_assert_false (hearth_authorize (f->family.store, f->visitor, f->family.circle_id, "transaction", "create", NULL));
  hearth_circles_set_policy (f->family.circles, f->family.owner, f->family.circle_id, HEARTH_ROLE_VISITOR,
                             "transaction", "create", TRUE,
                             &error);
  g_assert_no_error (error);
  g_assert_true (hearth_authorize (f->family.store, f->visitor, f->family.circle_id, "transaction", "create", NULL));
  g_assert_false (hearth_authorize (f->family.store, f->visitor, other, "transaction", "create", NULL));

  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM permission_logs"), ==, 1);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT changed_by FROM permission_logs"), ==,
                   id_of (f->family.owner));
  old_value = hearth_test_query_text (f->family.store,
                                      "SELECT json_extract (old_value, '$.allowed') FROM permission_logs");
  new_value = hearth_test_query_text (f->family.store,
                                      "SELECT json_extract (new_value, '$.allowed') FROM permission_logs");
  g_assert_cmpstr (old_value, ==, "0");
  g_assert_cmpstr (new_value, ==, "1");
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM permission_policies p "
                                      "JOIN permission_logs l ON l.policy_id = p.id "
                                      "WHERE p.circle_id = %" G_GINT64_FORMAT " AND p.role = 'VISITOR'",
                                      f->family.circle_id),
                   ==, 1);
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM audit_logs WHERE action = 'policy.changed' AND circle_id = "
                                      "%" G_GINT64_FORMAT, f->family.circle_id), ==, 1);

  /* Setting what holds already changes and logs nothing; back again is logged. */
  hearth_circles_set_policy (f->family.circles, f->family.owner, f->family.circle_id, HEARTH_ROLE_VISITOR,
                             "transaction", "create", TRUE,
                             &error);
  g_assert_no_error (error);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM permission_logs"), ==, 1);
  hearth_circles_set_policy (f->family.circles, f->family.owner, f->family.circle_id, HEARTH_ROLE_VISITOR,
                             "transaction", "create", FALSE,
                             &error);
  g_assert_no_error (error);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM permission_logs"), ==, 2);
  g_assert_false (hearth_authorize (f->family.store, f->visitor, f->family.circle_id, "transaction", "create", NULL));

  /* The owner's rights and the owner-only pairs are fixed. */
  g_assert_false (hearth_circles_set_policy (f->family.circles, f->family.owner, f->family.circle_id,
                                             HEARTH_ROLE_OWNER, "note", "read", FALSE,
                                             &error));
  g_assert_error (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_FIXED_POLICY);
  g_clear_error (&error);
  g_assert_false (hearth_circles_set_policy (f->family.circles, f->family.owner, f->family.circle_id,
                                             HEARTH_ROLE_ADMIN, "circle", "dissolve",
                                             TRUE, &error));
  g_assert_error (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_FIXED_POLICY);
  g_clear_error (&error);
  g_assert_false (hearth_circles_set_policy (f->family.circles, f->family.owner, f->family.circle_id,
                                             HEARTH_ROLE_ADMIN, "policy", "update",
                                             TRUE, &error));
  g_assert_error (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_FIXED_POLICY);
  g_clear_error (&error);
  g_assert_false (hearth_circles_set_policy (f->family.circles, f->family.owner, f->family.circle_id,
                                             HEARTH_ROLE_ADMIN, "invented", "thing",
                                             TRUE, &error));
  g_assert_error (error, HEARTH_CIRCLE_ERROR, HEARTH_CIRCLE_ERROR_FIXED_POLICY);
  g_clear_error (&error);

  /* A row for a fixed pair written behind the service's back changes nothing. */
  g_assert_true (hearth_store_execute (f->family.store,
                                       "INSERT INTO permission_policies (circle_id, role, resource, action, allowed) "
                                       "SELECT id, 'VISITOR', 'circle', 'dissolve', 1 FROM circles WHERE name = "
                                       "'Family'",
                                       NULL));
  g_assert_false (hearth_authorize (f->family.store, f->visitor, f->family.circle_id, "circle", "dissolve", NULL));

  /* Only the owner edits the grid. */
  g_assert_false (hearth_circles_set_policy (f->family.circles, f->admin, f->family.circle_id, HEARTH_ROLE_VISITOR,
                                             "note", "create",
                                             TRUE, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM permission_logs"), ==, 2);
}

/* A role removed or lowered while the member is signed in holds at their next call. */
static void
test_role_change_while_signed_in (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) session = NULL;

  session = hearth_auth_sign_in (f->family.auth, "edith", HEARTH_TEST_PASSWORD, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (hearth_authorize (f->family.store, session, f->family.circle_id, "note", "create", NULL));

  hearth_circles_change_role (f->family.circles, f->family.owner, f->family.circle_id, id_of (f->editor),
                              HEARTH_ROLE_VISITOR, &error);
  g_assert_no_error (error);
  g_assert_false (hearth_authorize (f->family.store, session, f->family.circle_id, "note", "create", &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (hearth_authorize (f->family.store, session, f->family.circle_id, "note", "read", NULL));

  hearth_circles_remove_member (f->family.circles, f->family.owner, f->family.circle_id, id_of (f->editor), &error);
  g_assert_no_error (error);
  g_assert_false (hearth_authorize (f->family.store, session, f->family.circle_id, "note", "read", &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_null (hearth_circles_get (f->family.circles, session, f->family.circle_id, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  /* A session that is signed out acts nowhere, not even in its own circle. */
  hearth_auth_sign_out (f->family.auth, f->visitor, &error);
  g_assert_no_error (error);
  g_assert_false (hearth_authorize (f->family.store, f->visitor, f->family.circle_id, "note", "read", &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SESSION_INVALID);
}

/* Role changes, transfer, dissolve and policy edits need sudo mode; adding
 * and removing members do not. */
static void
test_sudo_required (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  hearth_clock_advance (f->family.clock, 11 * G_TIME_SPAN_MINUTE);

  g_assert_false (hearth_circles_change_role (f->family.circles, f->family.owner, f->family.circle_id, id_of (f->tina),
                                              HEARTH_ROLE_EDITOR,
                                              &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SUDO_REQUIRED);
  g_clear_error (&error);
  g_assert_false (hearth_circles_transfer_ownership (f->family.circles, f->family.owner, f->family.circle_id,
                                                     id_of (f->tina), &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SUDO_REQUIRED);
  g_clear_error (&error);
  g_assert_false (hearth_circles_dissolve (f->family.circles, f->family.owner, f->family.circle_id, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SUDO_REQUIRED);
  g_clear_error (&error);
  g_assert_false (hearth_circles_set_policy (f->family.circles, f->family.owner, f->family.circle_id,
                                             HEARTH_ROLE_VISITOR, "note", "create",
                                             TRUE, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SUDO_REQUIRED);
  g_clear_error (&error);

  hearth_circles_add_member (f->family.circles, f->family.owner, f->family.circle_id, id_of (f->sam),
                             HEARTH_ROLE_VISITOR, &error);
  g_assert_no_error (error);
  hearth_circles_remove_member (f->family.circles, f->family.owner, f->family.circle_id, id_of (f->sam), &error);
  g_assert_no_error (error);

  hearth_auth_enter_sudo (f->family.auth, f->family.owner, HEARTH_TEST_PASSWORD, &error);
  g_assert_no_error (error);
  hearth_circles_dissolve (f->family.circles, f->family.owner, f->family.circle_id, &error);
  g_assert_no_error (error);
}

static void
test_dissolved_is_read_only (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) members = NULL;
  g_autoptr (HearthCircle) circle = NULL;

  hearth_circles_dissolve (f->family.circles, f->family.owner, f->family.circle_id, &error);
  g_assert_no_error (error);

  /* Nothing is deleted: the members and the circle are still there to read. */
  circle = hearth_circles_get (f->family.circles, f->visitor, f->family.circle_id, &error);
  g_assert_no_error (error);
  g_assert_true (hearth_circle_get_dissolved (circle));
  members = hearth_circles_list_members (f->family.circles, f->visitor, f->family.circle_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 5);

  g_assert_false (hearth_circles_leave (f->family.circles, f->visitor, f->family.circle_id, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hearth_circles_rename (f->family.circles, f->family.owner, f->family.circle_id, "Again", &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hearth_circles_dissolve (f->family.circles, f->family.owner, f->family.circle_id, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hearth_authorize (f->family.store, f->family.owner, f->family.circle_id, "transaction", "create",
                                    &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (hearth_authorize (f->family.store, f->family.owner, f->family.circle_id, "data", "export", NULL));
}

/* An owner or admin lifts a member's lockout, in sudo mode, below their rank. */
static void
test_unlock_member (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) tina = NULL;
  g_autoptr (GPtrArray) members = NULL;
  gboolean shown_locked = FALSE;

  g_assert_true (hearth_store_execute (f->family.store,
                                       "UPDATE user_account_security_state SET failed_attempts = 100, "
                                       "permanently_locked = 1 WHERE user_id = (SELECT id FROM users "
                                       "WHERE username = 'tina')",
                                       NULL));
  g_assert_null (hearth_auth_sign_in (f->family.auth, "tina", HEARTH_TEST_PASSWORD, FALSE, NULL, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_LOCKED);
  g_clear_error (&error);

  members = hearth_circles_list_members (f->family.circles, f->admin, f->family.circle_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < members->len; i++)
    {
      HearthCircleMember *member = g_ptr_array_index (members, i);

      g_assert_cmpint (hearth_circle_member_get_locked (member), ==,
                       hearth_circle_member_get_user_id (member) == id_of (f->tina));
      shown_locked |= hearth_circle_member_get_locked (member);
    }
  g_assert_true (shown_locked);

  /* Not an editor; not oneself; not above one's rank; not without sudo. */
  g_assert_false (hearth_circles_unlock_member (f->family.circles, f->editor, f->family.circle_id, id_of (f->tina),
                                                &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hearth_circles_unlock_member (f->family.circles, f->admin, f->family.circle_id, id_of (f->admin),
                                                &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hearth_circles_unlock_member (f->family.circles, f->admin, f->family.circle_id,
                                                id_of (f->family.owner), &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  hearth_clock_advance (f->family.clock, 11 * G_TIME_SPAN_MINUTE);
  g_assert_false (hearth_circles_unlock_member (f->family.circles, f->admin, f->family.circle_id, id_of (f->tina),
                                                &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SUDO_REQUIRED);
  g_clear_error (&error);

  hearth_auth_enter_sudo (f->family.auth, f->admin, HEARTH_TEST_PASSWORD, &error);
  g_assert_no_error (error);
  hearth_circles_unlock_member (f->family.circles, f->admin, f->family.circle_id, id_of (f->tina), &error);
  g_assert_no_error (error);
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM security_events WHERE type = 'ACCOUNT_UNLOCKED' AND "
                                      "user_id = %"
                                      G_GINT64_FORMAT " AND json_extract (metadata, '$.by') = %" G_GINT64_FORMAT,
                                      id_of (f->tina), id_of (f->admin)), ==, 1);
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM audit_logs WHERE action = 'profile.unlocked' "
                                      "AND entity_id = %" G_GINT64_FORMAT " AND circle_id = %" G_GINT64_FORMAT,
                                      id_of (f->tina), f->family.circle_id), ==, 1);
  tina = hearth_auth_sign_in (f->family.auth, "tina", HEARTH_TEST_PASSWORD, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tina);
}

/* Logs --------------------------------------------------------------------------------- */

typedef gboolean (*Mutate) (Fixture *f, GError **error);

static gboolean
mutate_create (Fixture *f, GError **error)
{
  g_autoptr (HearthCircle) circle = hearth_circles_create (f->family.circles, f->family.owner, "Cousins", error);

  return circle != NULL;
}

static gboolean
mutate_rename (Fixture *f, GError **error)
{
  return hearth_circles_rename (f->family.circles, f->family.owner, f->family.circle_id, "The Family", error);
}

static gboolean
mutate_add (Fixture *f, GError **error)
{
  return hearth_circles_add_member (f->family.circles, f->family.owner, f->family.circle_id, id_of (f->sam),
                                    HEARTH_ROLE_EDITOR, error);
}

static gboolean
mutate_change_role (Fixture *f, GError **error)
{
  return hearth_circles_change_role (f->family.circles, f->family.owner, f->family.circle_id, id_of (f->tina),
                                     HEARTH_ROLE_EDITOR, error);
}

static gboolean
mutate_remove (Fixture *f, GError **error)
{
  return hearth_circles_remove_member (f->family.circles, f->admin, f->family.circle_id, id_of (f->tina), error);
}

static gboolean
mutate_leave (Fixture *f, GError **error)
{
  return hearth_circles_leave (f->family.circles, f->visitor, f->family.circle_id, error);
}

static gboolean
mutate_transfer (Fixture *f, GError **error)
{
  return hearth_circles_transfer_ownership (f->family.circles, f->family.owner, f->family.circle_id, id_of (f->admin),
                                            error);
}

static gboolean
mutate_dissolve (Fixture *f, GError **error)
{
  return hearth_circles_dissolve (f->family.circles, f->family.owner, f->family.circle_id, error);
}

static gboolean
mutate_set_policy (Fixture *f, GError **error)
{
  return hearth_circles_set_policy (f->family.circles, f->family.owner, f->family.circle_id, HEARTH_ROLE_VISITOR,
                                    "note", "create", TRUE,
                                    error);
}

/* Every mutation, the module log it writes, and its audit action. */
static const struct
{
  const char *name;
  Mutate      mutate;
  const char *log_table;
  const char *event_type;
  const char *audit_action;
} mutations[] = {
  { "create", mutate_create, "circle_events", "CREATED", "circle.created" },
  { "rename", mutate_rename, "circle_events", "RENAMED", "circle.renamed" },
  { "add", mutate_add, "circle_events", "MEMBER_ADDED", "circle.member_added" },
  { "change-role", mutate_change_role, "circle_events", "ROLE_CHANGED", "circle.role_changed" },
  { "remove", mutate_remove, "circle_events", "MEMBER_REMOVED", "circle.member_removed" },
  { "leave", mutate_leave, "circle_events", "MEMBER_REMOVED", "circle.member_left" },
  { "transfer", mutate_transfer, "circle_events", "OWNER_TRANSFERRED", "circle.ownership_transferred" },
  { "dissolve", mutate_dissolve, "circle_events", "DISSOLVED", "circle.dissolved" },
  { "set-policy", mutate_set_policy, "permission_logs", NULL, "policy.changed" },
};

/* The state a mutation may touch, as one string to compare before and after. */
static char *
snapshot (Fixture *f)
{
  return hearth_test_query_text (f->family.store,
                                 "SELECT "
                                 "(SELECT group_concat (id || name || status || owner_id, ',') FROM circles) || '|' || "
                                 "(SELECT group_concat (circle_id || user_id || role, ',') FROM circle_members) || "
                                 "'|' || "
                                 "(SELECT group_concat (ifnull (circle_id, 0) || role || resource || action || "
                                 "  allowed, ',') FROM permission_policies WHERE circle_id IS NOT NULL) || '|' || "
                                 "(SELECT count(*) FROM circle_events) || '|' || "
                                 "(SELECT count(*) FROM permission_logs) || '|' || "
                                 "(SELECT count(*) FROM audit_logs)");
}

static void
test_every_mutation_is_logged (Fixture       *f,
                               gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (mutations); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 logs = hearth_test_count (f->family.store, "SELECT count(*) FROM %s", mutations[i].log_table);
      gint64 audits = hearth_test_count (f->family.store, "SELECT count(*) FROM audit_logs WHERE action = '%s'",
                                         mutations[i].audit_action);
      gint64 newest_audit = hearth_test_count (f->family.store, "SELECT max (id) FROM audit_logs");

      g_test_message ("%s", mutations[i].name);
      g_assert_true (hearth_store_begin (f->family.store, NULL));
      mutations[i].mutate (f, &error);
      g_assert_no_error (error);

      g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM %s", mutations[i].log_table), ==,
                       logs + 1);
      if (mutations[i].event_type != NULL)
        g_assert_cmpint (hearth_test_count (f->family.store,
                                            "SELECT count(*) FROM circle_events "
                                            "WHERE id = (SELECT max (id) FROM circle_events) "
                                            "AND type = '%s' AND actor_id IS NOT NULL", mutations[i].event_type),
                         ==, 1);
      g_assert_cmpint (hearth_test_count (f->family.store,
                                          "SELECT count(*) FROM audit_logs WHERE action = "
                                          "'%s'", mutations[i].audit_action),
                       ==, audits + 1);
      /* Exactly one audit row, and it says in which circle. */
      g_assert_cmpint (hearth_test_count (f->family.store,
                                          "SELECT count(*) FROM audit_logs WHERE id > "
                                          "%" G_GINT64_FORMAT, newest_audit), ==, 1);
      g_assert_cmpint (hearth_test_count (f->family.store,
                                          "SELECT count(*) FROM audit_logs WHERE id > %" G_GINT64_FORMAT
                              " AND circle_id IS NOT NULL AND actor_id IS NOT NULL", newest_audit), ==, 1);
      hearth_store_rollback (f->family.store);
    }
}

/* A failure after the change, in the log or the audit row, leaves neither the
 * change nor any log: one transaction each. */
static void
test_failure_after_change_leaves_nothing (Fixture       *f,
                                          gconstpointer  data)
{
  static const char * const failing_tables[] = { "circle_events", "permission_logs", "audit_logs" };

  for (guint t = 0; t < G_N_ELEMENTS (failing_tables); t++)
    {
      g_autofree char *trigger = NULL;

      trigger = g_strdup_printf ("CREATE TEMP TRIGGER injected_failure BEFORE INSERT ON main.%s "
                                 "BEGIN SELECT RAISE (ABORT, 'injected failure'); END",
                                 failing_tables[t]);
      g_assert_true (hearth_store_execute (f->family.store, trigger, NULL));

      for (guint i = 0; i < G_N_ELEMENTS (mutations); i++)
        {
          g_autoptr (GError) error = NULL;
          g_autofree char *before = snapshot (f);
          g_autofree char *after = NULL;
          gboolean touches = g_str_equal (failing_tables[t], "audit_logs") ||
                             g_str_equal (failing_tables[t], mutations[i].log_table);

          if (!touches)
            continue;
          g_test_message ("%s failing in %s", mutations[i].name, failing_tables[t]);
          g_assert_false (mutations[i].mutate (f, &error));
          g_assert_error (error, HEARTH_STORE_ERROR, HEARTH_STORE_ERROR_CONSTRAINT);
          after = snapshot (f);
          g_assert_cmpstr (after, ==, before);
        }
      g_assert_true (hearth_store_execute (f->family.store, "DROP TRIGGER temp.injected_failure", NULL));
    }
}

static void
test_audit_log_pages_and_filters (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  HearthAuditFilter filter = { f->family.circle_id };
  HearthKeyset after = { 0, 0 };
  gint64 total = 0;
  gint64 before = hearth_test_count (f->family.store,
                                     "SELECT count(*) FROM audit_logs WHERE circle_id = %" G_GINT64_FORMAT,
                                     f->family.circle_id);
  gint64 midway = 0;
  guint pages = 0;

  /* 120 renames, a second apart, by the owner and the admin in turn. */
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *name = g_strdup_printf ("Family %u", i);

      hearth_clock_advance (f->family.clock, G_USEC_PER_SEC);
      if (i == 60)
        midway = hearth_clock_get_now (f->family.clock);
      hearth_circles_rename (f->family.circles, i % 2 ? f->admin : f->family.owner, f->family.circle_id, name, &error);
      g_assert_no_error (error);
    }
  total = hearth_test_count (f->family.store, "SELECT count(*) FROM audit_logs WHERE circle_id = %" G_GINT64_FORMAT,
                             f->family.circle_id);
  g_assert_cmpint (total, ==, before + 120);

  /* Pages of 50, newest first, each row once. */
  for (;;)
    {
      g_autoptr (GPtrArray) page = hearth_audit_list (f->family.store, f->admin, &filter, pages ? &after : NULL, 50,
                                                      &error);
      g_assert_no_error (error);
      if (page->len == 0)
        break;
      for (guint i = 0; i < page->len; i++)
        {
          HearthAuditEntry *entry = g_ptr_array_index (page, i);
          gint64 *id = g_new (gint64, 1);

          *id = hearth_audit_entry_get_id (entry);
          g_assert_false (g_hash_table_contains (seen, id));
          g_hash_table_add (seen, id);
          if (pages > 0 || i > 0)
            g_assert_cmpint (hearth_audit_entry_get_created_at (entry), <=, after.key);
          after.key = hearth_audit_entry_get_created_at (entry);
          after.id = hearth_audit_entry_get_id (entry);
        }
      pages++;
      /* A row written meanwhile does not shift the pages that follow. */
      if (pages == 1)
        {
          hearth_circles_add_member (f->family.circles, f->family.owner, f->family.circle_id, id_of (f->sam),
                                     HEARTH_ROLE_VISITOR, &error);
          g_assert_no_error (error);
        }
    }
  g_assert_cmpuint (pages, ==, 3);
  g_assert_cmpuint (g_hash_table_size (seen), ==, total);

  /* Who, what and when. */
  {
    g_autoptr (GPtrArray) by_admin = NULL;
    g_autoptr (GPtrArray) users = NULL;
    g_autoptr (GPtrArray) later = NULL;
    HearthAuditFilter admin_only = { f->family.circle_id, id_of (f->admin) };
    HearthAuditFilter user_rows = { f->family.circle_id, 0, "user" };
    HearthAuditFilter second_half = { f->family.circle_id, 0, "circle", midway, 0 };
    HearthAuditEntry *first;

    by_admin = hearth_audit_list (f->family.store, f->family.owner, &admin_only, NULL, 500, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (by_admin->len, ==, 60);
    for (guint i = 0; i < by_admin->len; i++)
      g_assert_cmpstr (hearth_audit_entry_get_actor_name (g_ptr_array_index (by_admin, i)), ==, "Adam");

    users = hearth_audit_list (f->family.store, f->family.owner, &user_rows, NULL, 500, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (users->len, ==, 5); /* four members added in the fixture, and Sam */
    first = g_ptr_array_index (users, 0);
    g_assert_cmpstr (hearth_audit_entry_get_action (first), ==, "circle.member_added");
    g_assert_cmpstr (hearth_audit_entry_get_entity_name (first), ==, "Sam");

    later = hearth_audit_list (f->family.store, f->family.owner, &second_half, NULL, 500, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (later->len, ==, 60);
    g_assert_cmpstr (hearth_audit_entry_get_entity_name (g_ptr_array_index (later, 0)), ==, "Family 119");
  }

  /* Editors and visitors do not read it. */
  g_assert_null (hearth_audit_list (f->family.store, f->editor, &filter, NULL, 50, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
}

/* A profile's own sign-ins and sign-outs are in its personal circle's log,
 * which only it reads. */
static void
test_sign_in_is_audited_in_personal_circle (Fixture       *f,
                                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) again = NULL;
  g_autoptr (GPtrArray) circles = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  HearthAuditFilter filter = { 0 };

  hearth_auth_sign_out (f->family.auth, f->sam, &error);
  g_assert_no_error (error);
  again = hearth_auth_sign_in (f->family.auth, "sam", HEARTH_TEST_PASSWORD, FALSE, NULL, &error);
  g_assert_no_error (error);

  circles = hearth_circles_list (f->family.circles, again, &error);
  g_assert_no_error (error);
  filter.circle_id = hearth_circle_get_id (g_ptr_array_index (circles, 0));
  entries = hearth_audit_list (f->family.store, again, &filter, NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpstr (hearth_audit_entry_get_action (g_ptr_array_index (entries, 0)), ==, "auth.sign_in");
  g_assert_cmpstr (hearth_audit_entry_get_action (g_ptr_array_index (entries, 1)), ==, "auth.sign_out");
  g_assert_cmpstr (hearth_audit_entry_get_action (g_ptr_array_index (entries, 2)), ==, "profile.created");

  g_assert_null (hearth_audit_list (f->family.store, f->family.owner, &filter, NULL, 10, &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
}

static void
test_activity (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GPtrArray) older = NULL;
  HearthCircleEvent *newest;
  HearthKeyset after;

  hearth_clock_advance (f->family.clock, G_USEC_PER_SEC);
  hearth_circles_change_role (f->family.circles, f->family.owner, f->family.circle_id, id_of (f->tina),
                              HEARTH_ROLE_EDITOR, &error);
  g_assert_no_error (error);

  /* Visitors read the activity. */
  events = hearth_circles_list_events (f->family.circles, f->visitor, f->family.circle_id, NULL, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 3);
  newest = g_ptr_array_index (events, 0);
  g_assert_cmpstr (hearth_circle_event_get_event_type (newest), ==, "ROLE_CHANGED");
  g_assert_cmpstr (hearth_circle_event_get_actor_name (newest), ==, "Olivia");
  g_assert_cmpstr (hearth_circle_event_get_subject_name (newest), ==, "Tina");
  g_assert_cmpint (hearth_circle_event_get_role (newest), ==, HEARTH_ROLE_EDITOR);
  g_assert_cmpint (hearth_circle_event_get_old_role (newest), ==, HEARTH_ROLE_VISITOR);
  /* The roles are a registered enum type, named as the store names them. */
  {
    GEnumClass *roles = g_type_class_ref (HEARTH_TYPE_ROLE);

    g_assert_cmpint (g_enum_get_value_by_nick (roles, "editor")->value, ==, HEARTH_ROLE_EDITOR);
    g_assert_cmpint (g_enum_get_value_by_nick (roles, "owner")->value, ==, HEARTH_ROLE_OWNER);
    g_type_class_unref (roles);
  }

  after.key = hearth_circle_event_get_created_at (g_ptr_array_index (events, 2));
  after.id = hearth_circle_event_get_id (g_ptr_array_index (events, 2));
  older = hearth_circles_list_events (f->family.circles, f->visitor, f->family.circle_id, &after, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (older->len, ==, 3);
  g_assert_cmpstr (hearth_circle_event_get_event_type (g_ptr_array_index (older, 2)), ==, "CREATED");
  g_assert_cmpstr (hearth_circle_event_get_name (g_ptr_array_index (older, 2)), ==, "Family");
}

/* Profiles ----------------------------------------------------------------------------- */

static void
test_migration_gives_every_profile_a_personal_circle (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = hearth_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, HEARTH_STORE_FILE_NAME, NULL);
  g_autoptr (HearthClock) clock = hearth_clock_new_fake (HEARTH_TEST_EPOCH);
  g_autoptr (HearthStore) old = NULL;
  g_autoptr (HearthStore) store = NULL;

  old = _hearth_store_open_at_version (path, clock, 2, &error);
  g_assert_no_error (error);
  g_assert_true (hearth_store_execute (old,
                                       "INSERT INTO users (username, display_name, created_at, updated_at) "
                                       "VALUES ('ada', 'Ada', 1, 1), ('ben', 'Ben', 2, 2);"
                                       "INSERT INTO audit_logs (actor_id, entity_type, entity_id, action, created_at) "
                                       "VALUES (2, 'user', 2, 'auth.sign_in', 3)",
                                       &error));
  g_assert_no_error (error);
  g_clear_object (&old);

  store = hearth_store_open (path, clock, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hearth_test_query_int (store, "SELECT count(*) FROM circles c JOIN circle_members m "
                                                 "ON m.circle_id = c.id AND m.user_id = c.owner_id AND m.role = "
                                                 "'OWNER' "
                                                 "WHERE c.kind = 'PERSONAL'"), ==, 2);
  g_assert_cmpint (hearth_test_query_int (store, "SELECT circle_id FROM audit_logs"), ==,
                   hearth_test_query_int (store, "SELECT id FROM circles WHERE owner_id = 2"));
  g_clear_object (&store);
  hearth_test_remove_tree (dir);
}

/* Deleting a profile takes its personal circle along, and waits while the
 * profile still owns a shared one. */
static void
test_delete_profile_with_circles (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (hearth_auth_delete_profile (f->family.auth, f->family.owner, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM circles WHERE kind = 'PERSONAL' AND owner_id = "
                                      "%" G_GINT64_FORMAT,
                                      id_of (f->family.owner)), ==, 1);

  hearth_auth_delete_profile (f->family.auth, f->tina, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM circles WHERE owner_id = "
                                      "%" G_GINT64_FORMAT, id_of (f->tina)), ==, 0);
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM circle_members WHERE user_id = "
                                      "%" G_GINT64_FORMAT, id_of (f->tina)),
                   ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/circles/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("policy-matrix", test_policy_matrix);
  ADD ("policy-matrix-dissolved", test_policy_matrix_dissolved);
  ADD ("policy-matrix-overridden", test_policy_matrix_overridden);
  ADD ("personal-circle", test_personal_circle);
  ADD ("create-and-list", test_create_and_list);
  ADD ("outsiders-and-foreign-ids", test_outsiders_and_foreign_ids);
  ADD ("one-owner", test_one_owner);
  ADD ("no-self-promotion", test_no_self_promotion);
  ADD ("override-one-circle", test_override_one_circle);
  ADD ("role-change-while-signed-in", test_role_change_while_signed_in);
  ADD ("sudo-required", test_sudo_required);
  ADD ("unlock-member", test_unlock_member);
  ADD ("dissolved-is-read-only", test_dissolved_is_read_only);
  ADD ("every-mutation-is-logged", test_every_mutation_is_logged);
  ADD ("failure-after-change-leaves-nothing", test_failure_after_change_leaves_nothing);
  ADD ("audit-log-pages-and-filters", test_audit_log_pages_and_filters);
  ADD ("sign-in-is-audited-in-personal-circle", test_sign_in_is_audited_in_personal_circle);
  ADD ("activity", test_activity);
  ADD ("delete-profile-with-circles", test_delete_profile_with_circles);
#undef ADD
  g_test_add_func ("/circles/migration-gives-every-profile-a-personal-circle",
                   test_migration_gives_every_profile_a_personal_circle);

  return g_test_run ();
}
