/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hearth-audit.h"
#include "hearth-auth.h"
#include "hearth-categories.h"
#include "hearth-circles.h"
#include "hearth-clock.h"
#include "hearth-finance.h"
#include "hearth-password.h"
#include "hearth-store.h"
#include "hearth-test-common.h"
#include "hearth-test-family.h"
#include "hearth-validation.h"

/* Categories and tags: a circle's own beside the shared ones, never seen by
 * another circle; renaming shows everywhere, deleting unlinks and logs; tags
 * on ledger lines set in the line's own transaction; the migration that gave
 * them a circle keeps every row and link. */

typedef struct
{
  HearthTestFamily  family;      /* Olivia's "Family" */
  HearthCategories *categories;  /* the family's finance's */
  HearthActor      *editor;
  HearthActor      *visitor;
  HearthActor      *outsider;
  gint64            club;        /* the outsider's circle */
  gint64            account;     /* the family's */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthCircle) club = NULL;
  g_autoptr (HearthAccount) account = NULL;

  hearth_test_family_set_up (&f->family, "Olivia", "Family");
  f->categories = g_object_ref (hearth_finance_get_categories (f->family.finance));
  f->editor = hearth_test_family_add (&f->family, "Edith", HEARTH_ROLE_EDITOR);
  f->visitor = hearth_test_family_add (&f->family, "Victor", HEARTH_ROLE_VISITOR);
  f->outsider = hearth_test_family_add (&f->family, "Oscar", HEARTH_ROLE_NONE);
  club = hearth_circles_create (f->family.circles, f->outsider, "Club", &error);
  g_assert_no_error (error);
  f->club = hearth_circle_get_id (club);

  account = hearth_finance_create_account (f->family.finance, f->family.owner, f->family.circle_id, "Joint", "BANK",
                                           "EUR", &error);
  g_assert_no_error (error);
  f->account = hearth_account_get_id (account);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->categories);
  hearth_test_family_tear_down (&f->family);
}

static gint64
add_line (Fixture            *f,
          HearthActor        *actor,
          gint64              category_id,
          const char * const *tags,
          GError            **error)
{
  HearthTransactionDraft draft = { "2026-11-20", 1250, FALSE, "Vet", "", category_id, tags };

  return hearth_finance_add_transaction (f->family.finance, actor, f->account, &draft, error);
}

static gboolean
listed (GPtrArray  *categories,
        const char *name)
{
  for (guint i = 0; i < categories->len; i++)
    {
      if (g_str_equal (hearth_category_get_name (g_ptr_array_index (categories, i)), name))
        return TRUE;
    }
  return FALSE;
}

static void
test_circle_categories_beside_shared_ones (Fixture       *f,
                                           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthCategory) pets = NULL;
  g_autoptr (HearthCategory) club_pets = NULL;
  g_autoptr (GPtrArray) seen_by_visitor = NULL;
  g_autoptr (GPtrArray) seen_by_club = NULL;
  gint64 shared = hearth_test_count (f->family.store, "SELECT count(*) FROM categories WHERE module = 'FINANCE' "
                                               "AND circle_id IS NULL");
  gint64 groceries = hearth_test_count (f->family.store, "SELECT id FROM categories WHERE module = 'FINANCE' "
                                                  "AND name = 'Groceries'");

  g_assert_cmpint (shared, >, 5);

  /* An editor makes one; a visitor may not. */
  pets = hearth_categories_create (f->categories, f->editor, f->family.circle_id, "FINANCE", "  Pets ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearth_category_get_name (pets), ==, "Pets");
  g_assert_cmpint (hearth_category_get_circle_id (pets), ==, f->family.circle_id);
  g_assert_false (hearth_category_get_shared (pets));
  g_assert_null (hearth_categories_create (f->categories, f->visitor, f->family.circle_id, "FINANCE", "Toys", &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  /* A name the circle sees already, in any case, is refused with the field named. */
  g_assert_null (hearth_categories_create (f->categories, f->family.owner, f->family.circle_id, "FINANCE", "pets",
                                           &error));
  g_assert_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_NAME);
  g_clear_error (&error);
  g_assert_null (hearth_categories_create (f->categories, f->family.owner, f->family.circle_id, "FINANCE", "GROCERIES",
                                           &error));
  g_assert_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_NAME);
  g_clear_error (&error);
  g_assert_null (hearth_categories_create (f->categories, f->family.owner, f->family.circle_id, "FINANCE", "", &error));
  g_assert_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_NAME);
  g_clear_error (&error);
  g_assert_null (hearth_categories_create (f->categories, f->family.owner, f->family.circle_id, "GARDEN", "Seeds",
                                           &error));
  g_assert_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_CATEGORY);
  g_clear_error (&error);

  /* Members see the shared ones and the circle's; another circle does not see
   * Family's, and may have a Pets of its own. */
  seen_by_visitor = hearth_categories_list (f->categories, f->visitor, f->family.circle_id, "FINANCE", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen_by_visitor->len, ==, shared + 1);
  g_assert_true (listed (seen_by_visitor, "Pets"));
  g_assert_true (listed (seen_by_visitor, "Groceries"));
  club_pets = hearth_categories_create (f->categories, f->outsider, f->club, "FINANCE", "Pets", &error);
  g_assert_no_error (error);
  seen_by_club = hearth_categories_list (f->categories, f->outsider, f->club, "FINANCE", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen_by_club->len, ==, shared + 1);
  g_assert_null (hearth_categories_list (f->categories, f->outsider, f->family.circle_id, "FINANCE", &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  /* A ledger line may be filed under a shared category or its circle's own,
   * not another circle's. */
  g_assert_cmpint (add_line (f, f->family.owner, hearth_category_get_id (pets), NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (add_line (f, f->family.owner, groceries, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (add_line (f, f->family.owner, hearth_category_get_id (club_pets), NULL, &error), ==, 0);
  g_assert_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_CATEGORY);
  g_clear_error (&error);

  /* Shared ones are nobody's to change. */
  g_assert_false (hearth_categories_rename (f->categories, f->family.owner, groceries, "Food", &error));
  g_assert_error (error, HEARTH_CATEGORIES_ERROR, HEARTH_CATEGORIES_ERROR_SHARED);
  g_clear_error (&error);
  g_assert_false (hearth_categories_delete (f->categories, f->family.owner, groceries, &error));
  g_assert_error (error, HEARTH_CATEGORIES_ERROR, HEARTH_CATEGORIES_ERROR_SHARED);
  g_clear_error (&error);

  /* Created, audited in the circle it belongs to. */
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM audit_logs WHERE action = 'category.created'"),
                   ==, 2);
  g_assert_cmpint (hearth_test_count (f->family.store,
                                      "SELECT count(*) FROM audit_logs WHERE action = 'category.created' "
                                                "AND circle_id = %" G_GINT64_FORMAT, f->club), ==, 1);
}

static void
test_renaming_and_deleting_a_category (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthCategory) pets = NULL;
  g_autoptr (HearthTransaction) renamed = NULL;
  g_autoptr (HearthTransaction) unfiled = NULL;
  gint64 lines[3];

  pets = hearth_categories_create (f->categories, f->family.owner, f->family.circle_id, "FINANCE", "Pets", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      lines[i] = add_line (f, f->editor, i < 2 ? hearth_category_get_id (pets) : 0, NULL, &error);
      g_assert_no_error (error);
    }

  /* Renamed once, every line shows the new name. */
  g_assert_true (hearth_categories_rename (f->categories, f->editor, hearth_category_get_id (pets), "Animals", &error));
  g_assert_no_error (error);
  renamed = hearth_finance_get_transaction (f->family.finance, f->visitor, lines[1], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearth_transaction_get_category_name (renamed), ==, "Animals");

  /* Deleting is for admins and owners by default; the lines stay, unfiled,
   * each with a log row that says what it lost. */
  g_assert_false (hearth_categories_delete (f->categories, f->editor, hearth_category_get_id (pets), &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (hearth_categories_delete (f->categories, f->family.owner, hearth_category_get_id (pets), &error));
  g_assert_no_error (error);
  unfiled = hearth_finance_get_transaction (f->family.finance, f->visitor, lines[0], &error);
  g_assert_no_error (error);
  g_assert_cmpint (hearth_transaction_get_category_id (unfiled), ==, 0);
  g_assert_null (hearth_transaction_get_category_name (unfiled));
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM transaction_logs "
                                                "WHERE json_extract (changes, '$.category_id.old') = '%" G_GINT64_FORMAT
                                                "' AND json_extract (changes, '$.category_id.new') = '0'",
                                                hearth_category_get_id (pets)), ==, 2);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM transactions"), ==, 3);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM audit_logs "
                                                "WHERE action IN ('category.renamed', 'category.deleted')"), ==, 2);

  /* An unknown id is refused like another circle's. */
  g_assert_false (hearth_categories_rename (f->categories, f->family.owner, 999999, "X", &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
}

static void
test_tags_on_ledger_lines (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) tags = NULL;
  g_autoptr (HearthTransaction) line = NULL;
  const char *first_tags[] = { "School", "holiday", NULL };
  const char *then_tags[] = { "Holiday", "Gifts", NULL };
  gint64 id;

  /* Tags named on a new line are made in its circle, in its transaction. */
  id = add_line (f, f->editor, 0, first_tags, &error);
  g_assert_no_error (error);
  line = hearth_finance_get_transaction (f->family.finance, f->visitor, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearth_transaction_get_tags (line), ==, "holiday, School");

  /* Editing them matches names in any case, makes the new one, and logs both
   * lists. */
  {
    HearthTransactionDraft values = { .tags = then_tags };

    g_assert_true (hearth_finance_edit_transaction (f->family.finance, f->editor, id, &values,
                                                    HEARTH_TRANSACTION_FIELD_TAGS,
                                                    &error));
    g_assert_no_error (error);
  }
  g_clear_object (&line);
  line = hearth_finance_get_transaction (f->family.finance, f->visitor, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearth_transaction_get_tags (line), ==, "Gifts, holiday");
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM transaction_logs "
                                                "WHERE json_extract (changes, '$.tags.old') = 'holiday, School' "
                                                "AND json_extract (changes, '$.tags.new') = 'Gifts, holiday'"), ==, 1);
  tags = hearth_categories_list_tags (f->categories, f->visitor, f->family.circle_id, "FINANCE", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tags->len, ==, 3);
  g_assert_cmpstr (hearth_tag_get_name (g_ptr_array_index (tags, 0)), ==, "Gifts");
  g_assert_cmpuint (hearth_tag_get_uses (g_ptr_array_index (tags, 0)), ==, 1);
  g_assert_cmpstr (hearth_tag_get_name (g_ptr_array_index (tags, 2)), ==, "School");
  g_assert_cmpuint (hearth_tag_get_uses (g_ptr_array_index (tags, 2)), ==, 0);

  /* Another circle sees none of them. */
  g_clear_pointer (&tags, g_ptr_array_unref);
  tags = hearth_categories_list_tags (f->categories, f->outsider, f->club, "FINANCE", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tags->len, ==, 0);

  /* A tag name with a comma, or too long, names the tags field, and the line
   * is not added. */
  {
    const char *comma[] = { "a,b", NULL };
    g_autofree char *long_name = g_strnfill (65, 'x');
    const char *too_long[] = { long_name, NULL };

    g_assert_cmpint (add_line (f, f->editor, 0, comma, &error), ==, 0);
    g_assert_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_TAGS);
    g_clear_error (&error);
    g_assert_cmpint (add_line (f, f->editor, 0, too_long, &error), ==, 0);
    g_assert_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_TAGS);
    g_clear_error (&error);
    g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM transactions"), ==, 1);
  }
}

static void
test_a_new_tag_needs_tag_create (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *override = NULL;
  const char *known[] = { "Holiday", NULL };
  const char *unknown[] = { "Holiday", "Brand new", NULL };
  g_autoptr (HearthTag) holiday = hearth_categories_create_tag (f->categories, f->family.owner, f->family.circle_id,
                                                                "FINANCE",
                                                                "Holiday", &error);

  g_assert_no_error (error);
  override = g_strdup_printf ("INSERT INTO permission_policies (circle_id, role, resource, action, allowed) "
                              "VALUES (%" G_GINT64_FORMAT ", 'EDITOR', 'tag', 'create', 0)", f->family.circle_id);
  g_assert_true (hearth_store_execute (f->family.store, override, NULL));

  /* Carrying a tag there is is a change to the line; making one is not. */
  g_assert_cmpint (add_line (f, f->editor, 0, known, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (add_line (f, f->editor, 0, unknown, &error), ==, 0);
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_null (hearth_categories_create_tag (f->categories, f->editor, f->family.circle_id, "FINANCE", "Other",
                                               &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);

  /* The refused line left nothing: no line, no tag, no link. */
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM transactions"), ==, 1);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM tags"), ==, 1);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM tag_relations"), ==, 1);
}

static void
test_renaming_and_deleting_a_tag (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthTag) trip = NULL;
  g_autoptr (HearthTag) other = NULL;
  g_autoptr (HearthTransaction) line = NULL;
  const char *tags[] = { "Trip", "Food", NULL };
  gint64 lines[2];

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      lines[i] = add_line (f, f->family.owner, 0, tags, &error);
      g_assert_no_error (error);
    }
  trip = hearth_categories_create_tag (f->categories, f->family.owner, f->family.circle_id, "FINANCE", "Spare", &error);
  g_assert_no_error (error);
  g_clear_object (&trip);
  {
    g_autoptr (GPtrArray) all = hearth_categories_list_tags (f->categories, f->family.owner, f->family.circle_id,
                                                             "FINANCE", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (all->len, ==, 3);
    trip = g_object_ref (g_ptr_array_index (all, 2));
    g_assert_cmpstr (hearth_tag_get_name (trip), ==, "Trip");
    g_assert_cmpuint (hearth_tag_get_uses (trip), ==, 2);
  }

  /* Renamed once, renamed on every line; a name taken is refused. */
  g_assert_true (hearth_categories_rename_tag (f->categories, f->editor, hearth_tag_get_id (trip), "Journey", &error));
  g_assert_no_error (error);
  line = hearth_finance_get_transaction (f->family.finance, f->visitor, lines[1], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearth_transaction_get_tags (line), ==, "Food, Journey");
  g_assert_false (hearth_categories_rename_tag (f->categories, f->editor, hearth_tag_get_id (trip), "food", &error));
  g_assert_error (error, HEARTH_VALIDATION_ERROR, HEARTH_VALIDATION_ERROR_NAME);
  g_clear_error (&error);

  /* Deleted, it is unlinked from every line, which logs it; the lines stay. */
  g_assert_false (hearth_categories_delete_tag (f->categories, f->visitor, hearth_tag_get_id (trip), &error));
  g_assert_error (error, HEARTH_PERMISSION_ERROR, HEARTH_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (hearth_categories_delete_tag (f->categories, f->family.owner, hearth_tag_get_id (trip), &error));
  g_assert_no_error (error);
  g_clear_object (&line);
  line = hearth_finance_get_transaction (f->family.finance, f->visitor, lines[0], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearth_transaction_get_tags (line), ==, "Food");
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM transaction_logs "
                                                "WHERE json_extract (changes, '$.tag_removed') = 'Journey'"), ==, 2);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM tag_relations"), ==, 2);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM transactions"), ==, 2);
  g_assert_cmpint (hearth_test_count (f->family.store, "SELECT count(*) FROM audit_logs "
                                                "WHERE action IN ('tag.created', 'tag.renamed', 'tag.deleted')"),
                   ==, 5);

  /* The ledger's tag filter follows the tags. */
  {
    g_autoptr (GPtrArray) all = hearth_categories_list_tags (f->categories, f->family.owner, f->family.circle_id,
                                                             "FINANCE", &error);
    HearthLedgerFilter food = { .tag_id = hearth_tag_get_id (g_ptr_array_index (all, 0)) };
    HearthLedgerFilter spare = { .tag_id = hearth_tag_get_id (g_ptr_array_index (all, 1)) };
    g_autoptr (HearthQueryModel) with_food = hearth_finance_new_ledger (f->family.finance, f->visitor, f->account,
                                                                        &food,
                                                                        &error);
    g_autoptr (HearthQueryModel) with_spare = hearth_finance_new_ledger (f->family.finance, f->visitor, f->account,
                                                                         &spare,
                                                                         &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (with_food)), ==, 2);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (with_spare)), ==, 0);
  }
  other = hearth_categories_create_tag (f->categories, f->outsider, f->club, "FINANCE", "Food", &error);
  g_assert_no_error (error);
}

static void
test_parse_tags (void)
{
  static const struct
  {
    const char *text;
    const char *joined;
  } cases[] = {
    { NULL, "" },
    { "", "" },
    { " , ,", "" },
    { "Holiday", "Holiday" },
    { " Holiday ,school,, HOLIDAY , Été,été ", "Holiday|school|Été" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (GStrv) names = hearth_categories_parse_tags (cases[i].text);
      g_autofree char *joined = g_strjoinv ("|", names);

      g_assert_cmpstr (joined, ==, cases[i].joined);
    }
}

/* Migration 0005 rebuilt categories and tags: every row keeps its id, every
 * link and every line's category stays, and nothing cascaded. */
static void
test_migration_keeps_rows_and_links (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = hearth_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "hearth.db", NULL);
  g_autoptr (HearthClock) clock = hearth_clock_new_fake (HEARTH_TEST_EPOCH);
  g_autoptr (HearthStore) store = NULL;

  hearth_test_make_old_database (path, clock, 4,
                                "INSERT INTO users (id, username, display_name, created_at, updated_at) "
                                "  VALUES (1, 'ada', 'Ada', 0, 0);"
                                "INSERT INTO circles (id, name, owner_id, status, created_at) "
                                "  VALUES (1, 'Family', 1, 'ACTIVE', 0);"
                                "INSERT INTO accounts (id, circle_id, owner_id, type, name, currency, created_at) "
                                "  VALUES (1, 1, 1, 'BANK', 'Joint', 'EUR', 0);"
                                "INSERT INTO categories (id, module, name, system_defined) "
                                "  VALUES (500, 'FINANCE', 'Old own', 0);"
                                "INSERT INTO transactions (id, account_id, amount, direction, category_id, "
                                "  created_by, created_at, occurred_on) "
                                "  VALUES (7, 1, 100, 'OUT', 500, 1, 0, '2020-01-01');"
                                "INSERT INTO tags (id, name, module) VALUES (40, 'Old', 'FINANCE');"
                                "INSERT INTO tag_relations (tag_id, entity_id, entity_type) "
                                "  VALUES (40, 7, 'transaction');");

  store = hearth_store_open (path, clock, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hearth_store_get_schema_version (store), >=, 5);
  g_assert_cmpint (hearth_test_count (store, "SELECT count(*) FROM tag_relations "
                                             "WHERE tag_id = 40 AND entity_id = 7"), ==, 1);
  g_assert_cmpint (hearth_test_count (store, "SELECT count(*) FROM tags WHERE id = 40 AND name = 'Old' "
                                             "AND circle_id IS NULL"), ==, 1);
  g_assert_cmpint (hearth_test_count (store, "SELECT category_id FROM transactions WHERE id = 7"), ==, 500);
  g_assert_cmpint (hearth_test_count (store, "SELECT count(*) FROM categories WHERE id = 500 "
                                             "AND circle_id IS NULL"), ==, 1);
  /* Foreign keys are on again, and the cascade works as before. */
  g_assert_true (hearth_store_execute (store, "DELETE FROM tags WHERE id = 40", &error));
  g_assert_cmpint (hearth_test_count (store, "SELECT count(*) FROM tag_relations"), ==, 0);
  g_assert_false (hearth_store_execute (store, "DELETE FROM categories WHERE id = 500", NULL));

  g_clear_object (&store);
  hearth_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/categories/circle-categories-beside-shared-ones", Fixture, NULL, fixture_set_up,
              test_circle_categories_beside_shared_ones, fixture_tear_down);
  g_test_add ("/categories/renaming-and-deleting-a-category", Fixture, NULL, fixture_set_up,
              test_renaming_and_deleting_a_category, fixture_tear_down);
  g_test_add ("/categories/tags-on-ledger-lines", Fixture, NULL, fixture_set_up, test_tags_on_ledger_lines,
              fixture_tear_down);
  g_test_add ("/categories/a-new-tag-needs-tag-create", Fixture, NULL, fixture_set_up,
              test_a_new_tag_needs_tag_create, fixture_tear_down);
  g_test_add ("/categories/renaming-and-deleting-a-tag", Fixture, NULL, fixture_set_up,
              test_renaming_and_deleting_a_tag, fixture_tear_down);
  g_test_add_func ("/categories/parse-tags", test_parse_tags);
  g_test_add_func ("/categories/migration-keeps-rows-and-links", test_migration_keeps_rows_and_links);

  return g_test_run ();
}
