/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-test"

#include "config.h"

#include <string.h>

#include "hearth-auth-error.h"
#include "hearth-password.h"

/* The auth module: passwords (policy, hashing, verification). */

#define GOOD_PASSWORD "Tapioca-Harbour-71"

static void
assert_rejected (const char *password,
                 const char *username,
                 const char *display_name)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (hearth_password_check_policy (password, username, display_name,
                                                HEARTH_PASSWORD_MIN_LENGTH, NULL, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_PASSWORD_REJECTED);
  g_assert_cmpuint (strlen (error->message), >, 0);
}

static void
assert_accepted (const char *password)
{
  g_autoptr (GError) error = NULL;
  int score = -1;

  hearth_password_check_policy (password, "ada", "Ada Lovelace", HEARTH_PASSWORD_MIN_LENGTH, &score, &error);
  g_assert_no_error (error);
  g_assert_cmpint (score, >=, 0);
  g_assert_cmpint (score, <=, 100);
}

/* A password of @bytes bytes that no dictionary knows. */
static char *
password_of_length (size_t bytes)
{
  static const char alphabet[] = "bcdfghjkmnpqrstvwxzBCDFGHJKMNPQRSTVWXZ23456789-_+";
  GString *text = g_string_sized_new (bytes);
  g_autoptr (GRand) rand = g_rand_new_with_seed (bytes);

  while (text->len < bytes)
    g_string_append_c (text, alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)]);
  return g_string_free (text, FALSE);
}

static void
test_default_cost_is_at_least_interactive (void)
{
  HearthPasswordCost app = hearth_password_cost_default ();
  HearthPasswordCost floor = hearth_password_cost_interactive ();

  g_assert_cmpuint (app.opslimit, >=, floor.opslimit);
  g_assert_cmpuint (app.memlimit, >=, floor.memlimit);
  /* And not the test's cheap cost by mistake. */
  g_assert_cmpuint (app.memlimit, >, hearth_password_cost_cheapest ().memlimit);
}

static void
test_policy_lengths (void)
{
  g_autofree char *seven = password_of_length (7);
  g_autofree char *eight = password_of_length (8);
  g_autofree char *most = password_of_length (1024);
  g_autofree char *too_long = password_of_length (1025);
  g_autoptr (GError) error = NULL;

  assert_rejected (seven, "ada", "Ada Lovelace");
  assert_accepted (eight);
  assert_accepted (most);
  assert_rejected (too_long, "ada", "Ada Lovelace");

  /* Characters, not bytes: eight accented letters are 16 bytes and pass. */
  assert_accepted ("ŵëŕţÿüîõ");

  /* An owner may raise the minimum. */
  g_assert_false (hearth_password_check_policy (eight, NULL, NULL, 12, NULL, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_PASSWORD_REJECTED);
  g_assert_nonnull (strstr (error->message, "12"));
  g_clear_error (&error);
  /* ...but never lower it. */
  g_assert_false (hearth_password_check_policy (seven, NULL, NULL, 4, NULL, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_PASSWORD_REJECTED);
}

static void
test_policy_names_and_dictionary (void)
{
  assert_rejected ("Lovelace-2026-xyz", "ada", "Ada Lovelace");
  assert_rejected ("xx-ADA-was-here-99", "ada", "Ada Lovelace");
  assert_rejected ("Ada Lovelace", "ada", "Ada Lovelace");
  /* libpwquality: a dictionary word, a sequence. */
  assert_rejected ("password", "ada", "Ada Lovelace");
  assert_rejected ("12345678", "ada", "Ada Lovelace");
  /* Invalid UTF-8. */
  assert_rejected ("abc\xff\xfe" "defgh", "ada", "Ada Lovelace");
  assert_accepted (GOOD_PASSWORD);
}

static void
test_hash_and_verify (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *hash = hearth_password_hash (GOOD_PASSWORD, hearth_password_cost_cheapest (), &error);

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_null (strstr (hash, GOOD_PASSWORD));
  g_assert_true (hearth_password_verify (hash, GOOD_PASSWORD));
  g_assert_false (hearth_password_verify (hash, "Tapioca-Harbour-72"));
  g_assert_false (hearth_password_verify (hash, ""));
}

static void
test_accents_and_emoji (void)
{
  g_autoptr (GError) error = NULL;
  /* "Crème brûlée 🍮" typed with precomposed letters, then with combining accents. */
  const char *composed = "Cr\xc3\xa8me br\xc3\xbbl\xc3\xa9" "e \xf0\x9f\x8d\xae";
  const char *decomposed = "Cre\xcc\x80me bru\xcc\x82le\xcc\x81" "e \xf0\x9f\x8d\xae";
  g_autofree char *hash = NULL;
  g_autofree char *emoji_hash = NULL;

  g_assert_cmpstr (composed, !=, decomposed);
  hash = hearth_password_hash (composed, hearth_password_cost_cheapest (), &error);
  g_assert_no_error (error);
  g_assert_true (hearth_password_verify (hash, composed));
  g_assert_true (hearth_password_verify (hash, decomposed));
  g_assert_false (hearth_password_verify (hash, "Creme brulee \xf0\x9f\x8d\xae"));

  emoji_hash = hearth_password_hash ("\xf0\x9f\x8f\xa0\xf0\x9f\x94\xa5\xf0\x9f\x90\x88\xf0\x9f\x8c\xb3"
                                     "\xf0\x9f\x8e\xb2\xf0\x9f\x9a\xb2\xf0\x9f\x8d\x8b\xf0\x9f\x8e\xbb",
                                     hearth_password_cost_cheapest (), &error);
  g_assert_no_error (error);
  g_assert_true (hearth_password_verify (emoji_hash,
                                         "\xf0\x9f\x8f\xa0\xf0\x9f\x94\xa5\xf0\x9f\x90\x88\xf0\x9f\x8c\xb3"
                                         "\xf0\x9f\x8e\xb2\xf0\x9f\x9a\xb2\xf0\x9f\x8d\x8b\xf0\x9f\x8e\xbb"));
  assert_accepted ("\xf0\x9f\x8f\xa0\xf0\x9f\x94\xa5\xf0\x9f\x90\x88\xf0\x9f\x8c\xb3"
                   "\xf0\x9f\x8e\xb2\xf0\x9f\x9a\xb2\xf0\x9f\x8d\x8b\xf0\x9f\x8e\xbb");
}

static void
test_bad_hashes_fail_closed (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *hash = hearth_password_hash (GOOD_PASSWORD, hearth_password_cost_cheapest (), &error);
  g_autofree char *tampered = g_strdup (hash);
  g_autofree char *truncated = g_strndup (hash, strlen (hash) - 5);
  g_autofree char *argon2i = NULL;
  g_autofree char *huge = NULL;
  size_t last = strlen (tampered) - 2;

  g_assert_no_error (error);

  tampered[last] = tampered[last] == 'A' ? 'B' : 'A';
  g_assert_false (hearth_password_verify (tampered, GOOD_PASSWORD));
  g_assert_false (hearth_password_verify (truncated, GOOD_PASSWORD));
  g_assert_false (hearth_password_verify ("", GOOD_PASSWORD));
  g_assert_false (hearth_password_verify (NULL, GOOD_PASSWORD));
  g_assert_false (hearth_password_verify ("not a hash at all", GOOD_PASSWORD));

  /* Another algorithm, and a hash that would take 2 GiB to check. */
  argon2i = g_strdup (hash);
  memmove (argon2i + strlen ("$argon2i"), argon2i + strlen ("$argon2id"), strlen (argon2i) - strlen ("$argon2id") + 1);
  g_assert_true (g_str_has_prefix (argon2i, "$argon2i$"));
  g_assert_false (hearth_password_verify (argon2i, GOOD_PASSWORD));
  huge = g_strdup_printf ("$argon2id$v=19$m=2097152,t=1,p=1$%s", strchr (hash + strlen ("$argon2id$v=19$m="), '$') + 1);
  g_assert_false (hearth_password_verify (huge, GOOD_PASSWORD));
}

static void
test_needs_rehash (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *hash = hearth_password_hash (GOOD_PASSWORD, hearth_password_cost_cheapest (), &error);

  g_assert_no_error (error);
  g_assert_false (hearth_password_needs_rehash (hash, hearth_password_cost_cheapest ()));
  g_assert_true (hearth_password_needs_rehash (hash, hearth_password_cost_interactive ()));
  g_assert_true (hearth_password_needs_rehash ("garbage", hearth_password_cost_cheapest ()));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/auth/password/default-cost-is-at-least-interactive", test_default_cost_is_at_least_interactive);
  g_test_add_func ("/auth/password/policy-lengths", test_policy_lengths);
  g_test_add_func ("/auth/password/policy-names-and-dictionary", test_policy_names_and_dictionary);
  g_test_add_func ("/auth/password/hash-and-verify", test_hash_and_verify);
  g_test_add_func ("/auth/password/accents-and-emoji", test_accents_and_emoji);
  g_test_add_func ("/auth/password/bad-hashes-fail-closed", test_bad_hashes_fail_closed);
  g_test_add_func ("/auth/password/needs-rehash", test_needs_rehash);

  return g_test_run ();
}
