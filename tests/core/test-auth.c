/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-test"
#define _GNU_SOURCE /* memmem */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "hearth-auth.h"
#include "hearth-auth-error.h"
#include "hearth-clock.h"
#include "hearth-keyring.h"
#include "hearth-password.h"
#include "hearth-password-private.h"
#include "hearth-profile.h"
#include "hearth-security-event.h"
#include "hearth-session-info.h"
#include "hearth-store.h"
#include "hearth-test-common.h"
#include "hearth-tokens-private.h"

/* The auth module: passwords (policy, hashing, verification), then the
 * service: profiles, sign-in and lockout, sessions, sudo mode, recovery keys
 * and security questions, on a fake clock and the cheapest Argon2id cost. */

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

/* Passwords on the list Hearth carries are refused on every machine, with a
 * word around them too. */
static void
test_policy_common_passwords (void)
{
  const char *common[] = { "sunshine", "Password1", "Password2026!", "!!Dragon-99", "iloveyou" };
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (common); i++)
    {
      g_clear_error (&error);
      g_assert_false (hearth_password_check_policy (common[i], "ada", "Ada Lovelace", 8, NULL, &error));
      g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_PASSWORD_REJECTED);
      g_assert_nonnull (strstr (error->message, "most common passwords"));
    }
  /* A common word inside a longer passphrase is the person's own. */
  assert_accepted ("sunshine over Tapioca Harbour");
}

/* Hearth's own words, never libpwquality's ("The password is a palindrome"). */
static void
test_policy_own_words (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (hearth_password_check_policy ("Zq7-Xw3-Kv99vK-3wX-7qZ", NULL, NULL, 8, NULL, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_PASSWORD_REJECTED);
  g_assert_cmpstr (error->message, ==, "The password reads the same backwards.");
}

/*
 * Without cracklib's dictionary (a fresh system without cracklib-runtime;
 * here libpwquality's dictpath names a missing file), signing up still works:
 * the check runs without the dictionary, a warning goes to the log once, and
 * common passwords are still refused by Hearth's own list.
 */
static void
test_sign_up_without_dictionary (void)
{
  g_autofree char *dir = hearth_test_make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-dictionary", NULL);
  g_autoptr (HearthClock) clock = hearth_clock_new_fake (HEARTH_TEST_EPOCH);
  g_autoptr (HearthStore) store = hearth_test_open_store (dir, clock);
  g_autoptr (HearthAuth) auth = hearth_test_auth_new (store);
  g_autoptr (HearthActor) grace = NULL;
  g_autoptr (HearthActor) nobody = NULL;
  g_auto (GStrv) keys = NULL;
  g_auto (GStrv) no_keys = NULL;
  g_autoptr (GError) error = NULL;

  _hearth_password_set_dictionary_path (missing);
  g_test_expect_message ("hearth-auth", G_LOG_LEVEL_MESSAGE, "Warning: *could not be loaded*checked without it*");

  grace = hearth_auth_create_profile (auth, "grace", "Grace Hopper", NULL, GOOD_PASSWORD, &keys, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_nonnull (grace);
  g_assert_cmpuint (g_strv_length (keys), ==, 8);

  /* Said once: the next check does not warn again. */
  nobody = hearth_auth_create_profile (auth, "nobody", "No Body", NULL, "Password2026!", &no_keys, &error);
  g_assert_null (nobody);
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_PASSWORD_REJECTED);
  g_assert_null (strstr (error->message, "dictionary"));
  g_assert_nonnull (strstr (error->message, "most common passwords"));
  g_clear_error (&error);
  assert_rejected ("abcdefghijk", "ada", "Ada Lovelace");
  assert_accepted ("Marmalade-Quarry-38");
  /* Outside ASCII no dictionary word is possible, and the alphabet is large:
   * one kind of character is enough, as with the dictionary. */
  assert_accepted ("ŵëŕţÿüîõ");
  assert_accepted ("\xf0\x9f\x8f\xa0\xf0\x9f\x94\xa5\xf0\x9f\x90\x88\xf0\x9f\x8c\xb3"
                   "\xf0\x9f\x8e\xb2\xf0\x9f\x9a\xb2\xf0\x9f\x8d\x8b\xf0\x9f\x8e\xbb");

  _hearth_password_set_dictionary_path (NULL);
  g_clear_object (&auth);
  g_clear_object (&store);
  hearth_test_remove_tree (dir);
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

/* The service ------------------------------------------------------------------- */

#define ADA_PASSWORD "Tapioca-Harbour-71"
#define GRACE_PASSWORD "Marmalade-Quarry-38"

typedef struct
{
  char        *dir;
  HearthClock *clock;
  HearthStore *store;
  HearthAuth  *auth;
  HearthActor *ada;
  GStrv        ada_keys;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = hearth_test_make_temp_dir ();
  f->clock = hearth_clock_new_fake (HEARTH_TEST_EPOCH);
  f->store = hearth_test_open_store (f->dir, f->clock);
  f->auth = hearth_test_auth_new (f->store);
  f->ada = hearth_auth_create_profile (f->auth, "ada", "Ada Lovelace", "ada@example.org",
                                       ADA_PASSWORD, &f->ada_keys, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->ada);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  hearth_test_finalize (&f->ada);
  g_clear_pointer (&f->ada_keys, g_strfreev);
  hearth_test_finalize (&f->auth);
  hearth_test_finalize (&f->store);
  hearth_test_finalize (&f->clock);
  hearth_test_remove_tree (f->dir);
  g_free (f->dir);
}

static gint64
count_events (Fixture    *f,
              const char *type)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM security_events WHERE type = '%s'", type);

  return hearth_test_query_int (f->store, sql);
}

static gint64
failed_attempts (Fixture *f)
{
  return hearth_test_query_int (f->store, "SELECT failed_attempts FROM user_account_security_state "
                                          "WHERE user_id = (SELECT id FROM users WHERE username = 'ada')");
}

static HearthActor *
sign_in (Fixture    *f,
         const char *password,
         GError    **error)
{
  return hearth_auth_sign_in (f->auth, "ada", password, FALSE, NULL, error);
}

static void
fail_once (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  g_assert_null (sign_in (f, "wrong password", &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_WRONG_CREDENTIALS);
}

static void
test_create_profile (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *hash = NULL;
  g_autoptr (GRegex) key_shape = g_regex_new ("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$", 0, 0, NULL);

  g_assert_cmpstr (hearth_actor_get_username (f->ada), ==, "ada");
  g_assert_cmpstr (hearth_actor_get_display_name (f->ada), ==, "Ada Lovelace");
  g_assert_cmpint (hearth_actor_get_user_id (f->ada), >, 0);
  g_assert_true (hearth_guard_check_session (hearth_auth_get_guard (f->auth), f->ada, NULL));
  g_assert_true (hearth_auth_has_profiles (f->auth, NULL));

  g_assert_cmpuint (g_strv_length (f->ada_keys), ==, 8);
  for (guint i = 0; i < 8; i++)
    {
      g_assert_true (g_regex_match (key_shape, f->ada_keys[i], 0, NULL));
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (f->ada_keys[i], !=, f->ada_keys[j]);
    }
  g_assert_cmpint (hearth_test_query_int (f->store, "SELECT count(*) FROM recovery_keys WHERE used_at IS NULL"), ==, 8);
  g_assert_cmpint (hearth_auth_count_recovery_keys (f->auth, f->ada, NULL), ==, 8);

  hash = hearth_test_query_text (f->store, "SELECT secret_hash FROM auth_credentials WHERE type = 'PASSWORD'");
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_cmpint (hearth_test_query_int (f->store,
                                          "SELECT count(*) FROM audit_logs WHERE action = 'profile.created'"), ==, 1);
  g_assert_cmpint (count_events (f, "LOGIN_SUCCESS"), ==, 1);
}

static void
test_create_profile_refusals (Fixture       *f,
                              gconstpointer  data)
{
  struct {
    const char *username;
    const char *email;
    const char *password;
    int         code;
  } cases[] = {
    { "ADA", NULL, GRACE_PASSWORD, HEARTH_AUTH_ERROR_TAKEN },
    /* Full-width letters are "ada" once NFKC-normalised. */
    { "\xef\xbd\x81\xef\xbd\x84\xef\xbd\x81", NULL, GRACE_PASSWORD, HEARTH_AUTH_ERROR_TAKEN },
    { "grace", "ADA@example.org", GRACE_PASSWORD, HEARTH_AUTH_ERROR_TAKEN },
    { "grace hopper", NULL, GRACE_PASSWORD, HEARTH_AUTH_ERROR_INVALID_INPUT },
    { "", NULL, GRACE_PASSWORD, HEARTH_AUTH_ERROR_INVALID_INPUT },
    { "grace", "not-an-address", GRACE_PASSWORD, HEARTH_AUTH_ERROR_INVALID_INPUT },
    { "grace", NULL, "short", HEARTH_AUTH_ERROR_PASSWORD_REJECTED },
    { "grace", NULL, "Hopper-is-grace-1906", HEARTH_AUTH_ERROR_PASSWORD_REJECTED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_auto (GStrv) keys = NULL;
      g_autoptr (HearthActor) actor = hearth_auth_create_profile (f->auth, cases[i].username, "Grace Hopper",
                                                                   cases[i].email, cases[i].password, &keys, &error);

      g_assert_null (actor);
      g_assert_null (keys);
      g_assert_error (error, HEARTH_AUTH_ERROR, cases[i].code);
    }

  g_assert_cmpint (hearth_test_query_int (f->store, "SELECT count(*) FROM users"), ==, 1);
}

static void
test_sign_in (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) actor = NULL;
  g_autoptr (HearthActor) staying = NULL;
  g_autofree char *token = NULL;
  char *no_token = (char *) "untouched"; /* the call must overwrite it */

  /* Any case of the username. */
  actor = hearth_auth_sign_in (f->auth, "Ada", ADA_PASSWORD, FALSE, &no_token, &error);
  g_assert_no_error (error);
  g_assert_null (no_token);
  g_assert_cmpint (hearth_actor_get_user_id (actor), ==, hearth_actor_get_user_id (f->ada));
  g_assert_cmpint (hearth_actor_get_session_id (actor), !=, hearth_actor_get_session_id (f->ada));
  g_assert_true (hearth_guard_check_session (hearth_auth_get_guard (f->auth), actor, NULL));
  g_assert_cmpuint (strlen (hearth_actor_get_csrf_token (actor)), ==, HEARTH_TOKEN_LENGTH);

  staying = hearth_auth_sign_in (f->auth, "ada", ADA_PASSWORD, TRUE, &token, &error);
  g_assert_no_error (error);
  g_assert_true (_hearth_token_is_well_formed (token));
  g_assert_cmpint (count_events (f, "LOGIN_SUCCESS"), ==, 3);
  g_assert_cmpint (hearth_test_query_int (f->store,
                                          "SELECT count(*) FROM audit_logs WHERE action = 'auth.sign_in'"), ==, 2);
}

static void
test_one_failure_message (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (GError) wrong_password = NULL;
  g_autoptr (GError) unknown_user = NULL;

  g_assert_null (sign_in (f, "Tapioca-Harbour-72", &wrong_password));
  g_assert_null (hearth_auth_sign_in (f->auth, "nobody", ADA_PASSWORD, FALSE, NULL, &unknown_user));

  g_assert_error (wrong_password, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_WRONG_CREDENTIALS);
  g_assert_error (unknown_user, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_WRONG_CREDENTIALS);
  g_assert_cmpstr (wrong_password->message, ==, unknown_user->message);
  g_assert_cmpstr (wrong_password->message, ==, "That password is not right.");
  g_assert_cmpint (hearth_test_query_int (f->store, "SELECT count(*) FROM security_events "
                                                    "WHERE type = 'LOGIN_FAILED' AND user_id IS NULL"), ==, 1);
  g_assert_cmpint (failed_attempts (f), ==, 1);
}

static void
test_lockout_ladder (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) actor = NULL;
  gint64 expected = 30 * G_USEC_PER_SEC;

  for (int i = 1; i <= 4; i++)
    {
      fail_once (f);
      g_assert_cmpint (hearth_auth_get_cooldown_remaining (f->auth, "ada"), ==, 0);
    }

  /* From the 5th failure: 30 s, doubling, capped at an hour. */
  for (int failures = 5; failures <= 14; failures++)
    {
      fail_once (f);
      g_assert_cmpint (hearth_auth_get_cooldown_remaining (f->auth, "ada"), ==, expected);

      /* The right password is refused too, and not counted. */
      g_assert_null (sign_in (f, ADA_PASSWORD, &error));
      g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_COOLDOWN);
      g_clear_error (&error);
      g_assert_cmpint (failed_attempts (f), ==, failures);

      hearth_clock_advance (f->clock, expected - G_USEC_PER_SEC);
      g_assert_cmpint (hearth_auth_get_cooldown_remaining (f->auth, "ada"), ==, G_USEC_PER_SEC);
      hearth_clock_advance (f->clock, G_USEC_PER_SEC);
      g_assert_cmpint (hearth_auth_get_cooldown_remaining (f->auth, "ada"), ==, 0);

      expected = MIN (expected * 2, G_TIME_SPAN_HOUR);
    }
  g_assert_cmpint (expected, ==, G_TIME_SPAN_HOUR);

  /* A success resets the counter. */
  actor = sign_in (f, ADA_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (failed_attempts (f), ==, 0);
  for (int i = 1; i <= 4; i++)
    fail_once (f);
  g_assert_cmpint (hearth_auth_get_cooldown_remaining (f->auth, "ada"), ==, 0);
  g_assert_cmpint (count_events (f, "ACCOUNT_LOCKED"), ==, 10);
}

static void
test_cooldown_message_counts_down (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  for (int i = 0; i < 5; i++)
    fail_once (f);
  hearth_clock_advance (f->clock, 12 * G_USEC_PER_SEC);

  g_assert_null (sign_in (f, ADA_PASSWORD, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_COOLDOWN);
  g_assert_nonnull (strstr (error->message, "18 seconds"));
}

static void
test_clock_moved_backwards (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) actor = NULL;

  for (int i = 0; i < 5; i++)
    fail_once (f);

  /* An hour back: the wait stays the ladder's 30 s, counted from now. */
  hearth_clock_advance (f->clock, -G_TIME_SPAN_HOUR);
  g_assert_null (sign_in (f, ADA_PASSWORD, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_COOLDOWN);
  g_clear_error (&error);
  g_assert_cmpint (hearth_auth_get_cooldown_remaining (f->auth, "ada"), ==, 30 * G_USEC_PER_SEC);

  hearth_clock_advance (f->clock, 30 * G_USEC_PER_SEC);
  actor = sign_in (f, ADA_PASSWORD, &error);
  g_assert_no_error (error);
}

static void
test_permanent_lock_and_recovery (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) actor = NULL;

  for (int i = 0; i < 100; i++)
    {
      fail_once (f);
      hearth_clock_advance (f->clock, G_TIME_SPAN_HOUR);
    }
  g_assert_cmpint (failed_attempts (f), ==, 100);
  g_assert_cmpint (hearth_auth_get_cooldown_remaining (f->auth, "ada"), ==, G_MAXINT64);
  g_assert_cmpint (hearth_test_query_int (f->store, "SELECT count(*) FROM security_events "
                                                    "WHERE type = 'ACCOUNT_LOCKED' "
                                                    "AND json_extract (metadata, '$.permanent')"), ==, 1);

  /* Locked for good: even the right password, a day later. */
  hearth_clock_advance (f->clock, G_TIME_SPAN_DAY);
  g_assert_null (sign_in (f, ADA_PASSWORD, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_LOCKED);
  g_clear_error (&error);

  /* A recovery key unlocks it, with a new password. */
  g_assert_true (hearth_auth_reset_password_with_recovery_key (f->auth, "ada", f->ada_keys[3],
                                                               GRACE_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_events (f, "ACCOUNT_UNLOCKED"), ==, 1);
  g_assert_cmpint (count_events (f, "RECOVERY_KEY_USED"), ==, 1);
  g_assert_cmpint (failed_attempts (f), ==, 0);

  g_assert_null (sign_in (f, ADA_PASSWORD, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_WRONG_CREDENTIALS);
  g_clear_error (&error);
  actor = sign_in (f, GRACE_PASSWORD, &error);
  g_assert_no_error (error);
}

/*
 * Guessing recovery keys, knowing only the username, climbs the same ladder
 * as passwords: a hundred guesses in a moment are five counted failures and a
 * cooldown, never the permanent lock; a string that cannot be a key is
 * refused without counting.
 */
static void
test_recovery_key_guesses_climb_the_ladder (Fixture       *f,
                                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) actor = NULL;
  guint cooled = 0;

  for (int i = 0; i < 100; i++)
    {
      g_autofree char *junk = g_strdup_printf ("not a key %d", i);

      g_assert_false (hearth_auth_reset_password_with_recovery_key (f->auth, "ada", junk, GRACE_PASSWORD, &error));
      g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_INVALID_INPUT);
      g_clear_error (&error);
    }
  g_assert_cmpint (failed_attempts (f), ==, 0);

  for (int i = 0; i < 100; i++)
    {
      g_autofree char *guess = g_strdup_printf ("AAAA-BBBB-CCCC-%04d", i);

      g_assert_false (hearth_auth_reset_password_with_recovery_key (f->auth, "ada", guess, GRACE_PASSWORD, &error));
      if (g_error_matches (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_COOLDOWN))
        cooled++;
      else
        g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_WRONG_CREDENTIALS);
      g_clear_error (&error);
    }
  g_assert_cmpint (failed_attempts (f), ==, HEARTH_GUARD_FREE_FAILURES + 1);
  g_assert_cmpuint (cooled, ==, 100 - (HEARTH_GUARD_FREE_FAILURES + 1));
  g_assert_cmpint (count_events (f, "RECOVERY_FAILED"), ==, HEARTH_GUARD_FREE_FAILURES + 1);
  g_assert_cmpint (hearth_test_query_int (f->store,
                                          "SELECT permanently_locked FROM user_account_security_state"), ==, 0);

  /* The right key waits out the cooldown like anyone, then works. */
  g_assert_false (hearth_auth_reset_password_with_recovery_key (f->auth, "ada", f->ada_keys[0], GRACE_PASSWORD,
                                                                &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_COOLDOWN);
  g_clear_error (&error);
  hearth_clock_advance (f->clock, HEARTH_GUARD_FIRST_COOLDOWN);
  g_assert_true (hearth_auth_reset_password_with_recovery_key (f->auth, "ada", f->ada_keys[0], GRACE_PASSWORD, &error));
  g_assert_no_error (error);
  actor = sign_in (f, GRACE_PASSWORD, &error);
  g_assert_no_error (error);
}

/* Locked for good, a profile is still opened by a recovery key, and wrong keys
 * still wait out a cooldown between guesses. */
static void
test_recovery_keys_under_permanent_lock (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  for (int i = 0; i < 100; i++)
    {
      fail_once (f);
      hearth_clock_advance (f->clock, G_TIME_SPAN_HOUR);
    }
  g_assert_cmpint (hearth_auth_get_cooldown_remaining (f->auth, "ada"), ==, G_MAXINT64);

  g_assert_false (hearth_auth_reset_password_with_recovery_key (f->auth, "ada", "AAAA-BBBB-CCCC-DDDD",
                                                                GRACE_PASSWORD, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_WRONG_CREDENTIALS);
  g_clear_error (&error);
  g_assert_false (hearth_auth_reset_password_with_recovery_key (f->auth, "ada", f->ada_keys[1],
                                                                GRACE_PASSWORD, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_COOLDOWN);
  g_clear_error (&error);
  hearth_clock_advance (f->clock, HEARTH_GUARD_MAX_COOLDOWN);
  g_assert_true (hearth_auth_reset_password_with_recovery_key (f->auth, "ada", f->ada_keys[1],
                                                               GRACE_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpint (failed_attempts (f), ==, 0);
}

typedef struct
{
  const char         *path;
  HearthClock        *clock;
  volatile gint      *wrong;
  volatile gint      *cooled;
} Attempt;

static gpointer
attempt_thread (gpointer user_data)
{
  Attempt *attempt = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthStore) store = hearth_store_open (attempt->path, attempt->clock, &error);
  g_autoptr (HearthAuth) auth = NULL;
  g_autoptr (HearthActor) actor = NULL;

  g_assert_no_error (error);
  hearth_store_set_busy_timeout (store, 60000);
  auth = hearth_test_auth_new (store);
  actor = hearth_auth_sign_in (auth, "ada", "wrong password", FALSE, NULL, &error);
  g_assert_null (actor);

  if (g_error_matches (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_WRONG_CREDENTIALS))
    g_atomic_int_inc (attempt->wrong);
  else if (g_error_matches (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_COOLDOWN))
    g_atomic_int_inc (attempt->cooled);
  else
    g_error ("Unexpected: %s", error->message);

  return NULL;
}

static void
test_concurrent_failures (Fixture       *f,
                          gconstpointer  data)
{
  volatile gint wrong = 0;
  volatile gint cooled = 0;
  Attempt attempt = { hearth_store_get_path (f->store), f->clock, &wrong, &cooled };
  GThread *threads[50];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("attempt", attempt_thread, &attempt);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);

  /* Each attempt is counted exactly once: as a checked failure, or as a
   * refusal during the cooldown that the checked ones started. */
  g_assert_cmpint (wrong + cooled, ==, 50);
  g_assert_cmpint (wrong, >=, 5);
  g_assert_cmpint (failed_attempts (f), ==, wrong);
  g_assert_cmpint (hearth_test_query_int (f->store, "SELECT count(*) FROM security_events "
                                                    "WHERE type = 'LOGIN_FAILED' AND user_id IS NOT NULL"), ==, 50);
  g_test_message ("%d checked failures, %d refused during the cooldown", wrong, cooled);
}

static void
test_session_expiry (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) staying = NULL;
  g_autofree char *token = NULL;
  g_autofree char *next = NULL;
  g_autoptr (HearthActor) resumed = NULL;

  staying = hearth_auth_sign_in (f->auth, "ada", ADA_PASSWORD, TRUE, &token, &error);
  g_assert_no_error (error);

  /* Without "stay signed in": 24 hours. */
  hearth_clock_advance (f->clock, HEARTH_GUARD_SESSION_LIFETIME - 1);
  g_assert_true (hearth_guard_check_session (hearth_auth_get_guard (f->auth), f->ada, NULL));
  hearth_clock_advance (f->clock, 1);
  g_assert_false (hearth_guard_check_session (hearth_auth_get_guard (f->auth), f->ada, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SESSION_INVALID);
  g_clear_error (&error);

  /* With it: 30 days. */
  g_assert_true (hearth_guard_check_session (hearth_auth_get_guard (f->auth), staying, NULL));
  hearth_clock_advance (f->clock, HEARTH_GUARD_STAY_SIGNED_IN_LIFETIME - HEARTH_GUARD_SESSION_LIFETIME);
  g_assert_null (hearth_auth_resume (f->auth, hearth_actor_get_user_id (f->ada), token, &next, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SESSION_INVALID);
  g_assert_null (next);
}

static void
test_resume_rotates_and_detects_reuse (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) first = NULL;
  g_autoptr (HearthActor) second = NULL;
  g_autoptr (HearthActor) replayed = NULL;
  g_autoptr (HearthActor) third = NULL;
  g_autofree char *token = NULL;
  g_autofree char *rotated = NULL;
  g_autofree char *again = NULL;
  g_autofree char *never = NULL;
  gint64 ada = hearth_actor_get_user_id (f->ada);

  first = hearth_auth_sign_in (f->auth, "ada", ADA_PASSWORD, TRUE, &token, &error);
  g_assert_no_error (error);

  hearth_clock_advance (f->clock, 12 * G_TIME_SPAN_HOUR);
  second = hearth_auth_resume (f->auth, ada, token, &rotated, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rotated, !=, token);
  g_assert_cmpint (hearth_actor_get_user_id (second), ==, ada);
  g_assert_false (hearth_guard_check_session (hearth_auth_get_guard (f->auth), first, NULL));
  g_assert_true (hearth_guard_check_session (hearth_auth_get_guard (f->auth), second, NULL));
  g_assert_cmpint (count_events (f, "REFRESH_ROTATED"), ==, 1);
  g_assert_true (hearth_auth_enter_sudo (f->auth, second, ADA_PASSWORD, &error));
  g_assert_no_error (error);

  /* The rotated-away token, presented again: the whole family is revoked,
   * and the sudo mode of its sessions ends with them. */
  replayed = hearth_auth_resume (f->auth, ada, token, &never, &error);
  g_assert_null (replayed);
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SESSION_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_events (f, "REFRESH_REUSE_DETECTED"), ==, 1);
  g_assert_false (hearth_guard_check_session (hearth_auth_get_guard (f->auth), second, NULL));
  g_assert_cmpint (hearth_test_count (f->store, "SELECT count(*) FROM sudo_sessions WHERE session_id = %"
                                      G_GINT64_FORMAT, hearth_actor_get_session_id (second)), ==, 0);
  third = hearth_auth_resume (f->auth, ada, rotated, &again, &error);
  g_assert_null (third);
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SESSION_INVALID);

  /* The other family (the profile's first session) is untouched. */
  g_assert_true (hearth_guard_check_session (hearth_auth_get_guard (f->auth), f->ada, NULL));
}

static void
test_bad_tokens (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) staying = NULL;
  g_autoptr (HearthActor) grace = NULL;
  g_auto (GStrv) grace_keys = NULL;
  g_autofree char *token = NULL;
  g_autofree char *truncated = NULL;
  g_autofree char *flipped = NULL;
  g_autofree char *huge = NULL;
  const char *bad[4];

  staying = hearth_auth_sign_in (f->auth, "ada", ADA_PASSWORD, TRUE, &token, &error);
  g_assert_no_error (error);
  grace = hearth_auth_create_profile (f->auth, "grace", "Grace Hopper", NULL, GRACE_PASSWORD, &grace_keys, &error);
  g_assert_no_error (error);

  truncated = g_strndup (token, strlen (token) - 1);
  flipped = g_strdup (token);
  flipped[10] = flipped[10] == 'A' ? 'B' : 'A';
  huge = g_malloc (10 * 1024 * 1024 + 1);
  memset (huge, 'A', 10 * 1024 * 1024);
  huge[10 * 1024 * 1024] = '\0';
  bad[0] = truncated;
  bad[1] = flipped;
  bad[2] = "";
  bad[3] = huge;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *next = NULL;
      g_autoptr (HearthActor) actor = hearth_auth_resume (f->auth, hearth_actor_get_user_id (f->ada),
                                                           bad[i], &next, &error);

      g_assert_null (actor);
      g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SESSION_INVALID);
      g_clear_error (&error);
    }

  /* Ada's token does not resume Grace. */
  {
    g_autofree char *next = NULL;
    g_autoptr (HearthActor) actor = hearth_auth_resume (f->auth, hearth_actor_get_user_id (grace),
                                                         token, &next, &error);

    g_assert_null (actor);
    g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SESSION_INVALID);
    g_clear_error (&error);
  }

  /* None of that spent the real token. */
  {
    g_autofree char *next = NULL;
    g_autoptr (HearthActor) actor = hearth_auth_resume (f->auth, hearth_actor_get_user_id (f->ada),
                                                         token, &next, &error);

    g_assert_no_error (error);
    g_assert_nonnull (actor);
  }
}

static void
test_sign_out_and_revoke (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) laptop = NULL;
  g_autoptr (HearthActor) kitchen = NULL;
  g_autoptr (HearthActor) grace = NULL;
  g_auto (GStrv) grace_keys = NULL;
  g_autofree char *token = NULL;
  g_autofree char *next = NULL;

  laptop = hearth_auth_sign_in (f->auth, "ada", ADA_PASSWORD, TRUE, &token, &error);
  kitchen = sign_in (f, ADA_PASSWORD, &error);
  grace = hearth_auth_create_profile (f->auth, "grace", "Grace Hopper", NULL, GRACE_PASSWORD, &grace_keys, &error);
  g_assert_no_error (error);

  /* Nobody revokes another profile's session. */
  g_assert_false (hearth_auth_revoke_session (f->auth, grace, hearth_actor_get_session_id (kitchen), &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SESSION_INVALID);
  g_clear_error (&error);
  g_assert_true (hearth_guard_check_session (hearth_auth_get_guard (f->auth), kitchen, NULL));

  g_assert_true (hearth_auth_revoke_session (f->auth, f->ada, hearth_actor_get_session_id (kitchen), &error));
  g_assert_false (hearth_guard_check_session (hearth_auth_get_guard (f->auth), kitchen, NULL));
  g_assert_cmpuint (hearth_auth_revoke_other_sessions (f->auth, f->ada, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_false (hearth_guard_check_session (hearth_auth_get_guard (f->auth), laptop, NULL));
  g_assert_true (hearth_guard_check_session (hearth_auth_get_guard (f->auth), f->ada, NULL));
  g_assert_true (hearth_guard_check_session (hearth_auth_get_guard (f->auth), grace, NULL));
  g_assert_cmpint (count_events (f, "SESSION_REVOKED"), ==, 2);

  /* A revoked "stay signed in" session does not resume. */
  g_assert_null (hearth_auth_resume (f->auth, hearth_actor_get_user_id (f->ada), token, &next, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SESSION_INVALID);
  g_clear_error (&error);

  g_assert_true (hearth_auth_sign_out (f->auth, f->ada, &error));
  g_assert_no_error (error);
  g_assert_false (hearth_guard_check_session (hearth_auth_get_guard (f->auth), f->ada, NULL));
  g_assert_cmpint (count_events (f, "LOGOUT"), ==, 1);
  /* Twice is harmless. */
  g_assert_true (hearth_auth_sign_out (f->auth, f->ada, &error));
  g_assert_cmpint (count_events (f, "LOGOUT"), ==, 1);
}

static void
test_sudo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) keys = NULL;
  const char * const questions[] = { "First pet?", "Street you grew up on?", "Favourite teacher?", NULL };
  const char * const answers[] = { "Rex", "Baker Street", "Mrs Smith", NULL };

  /* A new profile starts in sudo mode; ten minutes later it is gone. */
  g_assert_true (hearth_guard_require_sudo (hearth_auth_get_guard (f->auth), f->ada, &error));
  hearth_clock_advance (f->clock, HEARTH_GUARD_SUDO_LIFETIME);

  /* Every protected function refuses without sudo. */
  g_assert_false (hearth_guard_require_sudo (hearth_auth_get_guard (f->auth), f->ada, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SUDO_REQUIRED);
  g_clear_error (&error);
  g_assert_null (hearth_auth_regenerate_recovery_keys (f->auth, f->ada, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SUDO_REQUIRED);
  g_clear_error (&error);
  g_assert_false (hearth_auth_change_password (f->auth, f->ada, ADA_PASSWORD, GRACE_PASSWORD, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SUDO_REQUIRED);
  g_clear_error (&error);
  g_assert_false (hearth_auth_set_security_questions (f->auth, f->ada, questions, answers, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SUDO_REQUIRED);
  g_clear_error (&error);

  /* A wrong confirmation counts toward lockout. */
  g_assert_false (hearth_auth_enter_sudo (f->auth, f->ada, "wrong password", &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_WRONG_CREDENTIALS);
  g_clear_error (&error);
  g_assert_cmpint (failed_attempts (f), ==, 1);

  g_assert_true (hearth_auth_enter_sudo (f->auth, f->ada, ADA_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_events (f, "SUDO_MODE_ENABLED"), ==, 2);
  g_assert_cmpint (failed_attempts (f), ==, 0);

  hearth_clock_advance (f->clock, HEARTH_GUARD_SUDO_LIFETIME - G_USEC_PER_SEC);
  keys = hearth_auth_regenerate_recovery_keys (f->auth, f->ada, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (keys), ==, 8);

  /* 10 minutes and 1 second after the confirmation. */
  hearth_clock_advance (f->clock, 2 * G_USEC_PER_SEC);
  g_assert_false (hearth_guard_require_sudo (hearth_auth_get_guard (f->auth), f->ada, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SUDO_REQUIRED);
}

/*
 * Sudo mode is the session's that confirmed: a second session of the same
 * profile is not in it, nor is one resumed from the keyring's token with no
 * password typed, and it ends when its session signs out.
 */
static void
test_sudo_belongs_to_the_session (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) second = NULL;
  g_autoptr (HearthActor) resumed = NULL;
  g_autoptr (HearthActor) fourth = NULL;
  g_autofree char *token = NULL;
  g_autofree char *rotated = NULL;

  /* The new profile's own session is in sudo mode; a second one is not. */
  g_assert_true (hearth_guard_require_sudo (hearth_auth_get_guard (f->auth), f->ada, &error));
  g_assert_no_error (error);
  second = hearth_auth_sign_in (f->auth, "ada", ADA_PASSWORD, TRUE, &token, &error);
  g_assert_no_error (error);
  g_assert_false (hearth_guard_require_sudo (hearth_auth_get_guard (f->auth), second, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SUDO_REQUIRED);
  g_clear_error (&error);
  g_assert_null (hearth_auth_regenerate_recovery_keys (f->auth, second, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SUDO_REQUIRED);
  g_clear_error (&error);

  /* The second confirms; resumed from its token, nobody typed a password. */
  g_assert_true (hearth_auth_enter_sudo (f->auth, second, ADA_PASSWORD, &error));
  g_assert_true (hearth_guard_require_sudo (hearth_auth_get_guard (f->auth), second, &error));
  resumed = hearth_auth_resume (f->auth, hearth_actor_get_user_id (f->ada), token, &rotated, &error);
  g_assert_no_error (error);
  g_assert_false (hearth_guard_require_sudo (hearth_auth_get_guard (f->auth), resumed, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SUDO_REQUIRED);
  g_clear_error (&error);
  /* The rotation revoked the second session, and its sudo mode with it. */
  g_assert_cmpint (hearth_test_count (f->store, "SELECT count(*) FROM sudo_sessions"), ==, 0);

  /* Signing out ends it, for no other session to inherit. */
  g_assert_true (hearth_auth_enter_sudo (f->auth, f->ada, ADA_PASSWORD, &error));
  fourth = hearth_auth_sign_in (f->auth, "ada", ADA_PASSWORD, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (hearth_auth_sign_out (f->auth, f->ada, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hearth_test_count (f->store, "SELECT count(*) FROM sudo_sessions"), ==, 0);
  g_assert_false (hearth_guard_require_sudo (hearth_auth_get_guard (f->auth), fourth, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SUDO_REQUIRED);
}

/* An action from outside the window carries the session's anti-forgery token:
 * the right one passes, anything else is refused and logged. */
static void
test_action_token (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) other = NULL;
  const char *token = hearth_actor_get_csrf_token (f->ada);

  g_assert_nonnull (token);
  g_assert_true (hearth_guard_check_action_token (hearth_auth_get_guard (f->auth), f->ada, token, "quit", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_events (f, "PERMISSION_DENIED"), ==, 0);

  g_assert_false (hearth_guard_check_action_token (hearth_auth_get_guard (f->auth), f->ada, NULL, "quit", &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SESSION_INVALID);
  g_clear_error (&error);
  g_assert_false (hearth_guard_check_action_token (hearth_auth_get_guard (f->auth), f->ada, "0000", "open-sample",
                                                   &error));
  g_clear_error (&error);
  g_assert_false (hearth_guard_check_action_token (hearth_auth_get_guard (f->auth), NULL, token, "leave-sample",
                                                   &error));
  g_clear_error (&error);
  /* Another session's token is not this one's. */
  other = sign_in (f, ADA_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_false (hearth_guard_check_action_token (hearth_auth_get_guard (f->auth), f->ada,
                                                   hearth_actor_get_csrf_token (other), "quit",
                                                  &error));
  g_clear_error (&error);
  g_assert_cmpint (count_events (f, "PERMISSION_DENIED"), ==, 4);
  g_assert_cmpint (hearth_test_count (f->store, "SELECT count(*) FROM security_events WHERE type = "
                                                "'PERMISSION_DENIED' AND json_extract (metadata, '$.action') = "
                                                "'open-sample'"), ==, 1);

  /* A signed-out session's token opens nothing. */
  g_assert_true (hearth_auth_sign_out (f->auth, f->ada, &error));
  g_assert_false (hearth_guard_check_action_token (hearth_auth_get_guard (f->auth), f->ada, token, "quit", &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SESSION_INVALID);
}

static void
test_unlock (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (hearth_auth_unlock (f->auth, f->ada, "wrong password", &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_WRONG_CREDENTIALS);
  g_clear_error (&error);
  g_assert_cmpint (failed_attempts (f), ==, 1);

  /* The same session goes on. */
  g_assert_true (hearth_auth_unlock (f->auth, f->ada, ADA_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpint (failed_attempts (f), ==, 0);
  g_assert_true (hearth_guard_check_session (hearth_auth_get_guard (f->auth), f->ada, NULL));

  /* Not once the session is over. */
  g_assert_true (hearth_auth_sign_out (f->auth, f->ada, NULL));
  g_assert_false (hearth_auth_unlock (f->auth, f->ada, ADA_PASSWORD, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SESSION_INVALID);
}

static void
test_change_password (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) elsewhere = NULL;
  g_autoptr (HearthActor) actor = NULL;

  elsewhere = sign_in (f, ADA_PASSWORD, &error);
  g_assert_true (hearth_auth_enter_sudo (f->auth, f->ada, ADA_PASSWORD, &error));
  g_assert_no_error (error);

  g_assert_false (hearth_auth_change_password (f->auth, f->ada, "not the old one", GRACE_PASSWORD, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_WRONG_CREDENTIALS);
  g_clear_error (&error);
  g_assert_false (hearth_auth_change_password (f->auth, f->ada, ADA_PASSWORD, "lovelace-again-1", &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_PASSWORD_REJECTED);
  g_clear_error (&error);

  g_assert_true (hearth_auth_change_password (f->auth, f->ada, ADA_PASSWORD, GRACE_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_events (f, "PASSWORD_CHANGED"), ==, 1);
  /* This session stays; the others are signed out. */
  g_assert_true (hearth_guard_check_session (hearth_auth_get_guard (f->auth), f->ada, NULL));
  g_assert_false (hearth_guard_check_session (hearth_auth_get_guard (f->auth), elsewhere, NULL));

  g_assert_null (sign_in (f, ADA_PASSWORD, &error));
  g_clear_error (&error);
  actor = sign_in (f, GRACE_PASSWORD, &error);
  g_assert_no_error (error);
}

static void
test_recovery_keys (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) signed_in = NULL;
  g_autofree char *sloppy = NULL;
  g_auto (GStrv) fresh = NULL;

  /* Typed in lower case, without dashes, with spaces. */
  sloppy = g_ascii_strdown (f->ada_keys[0], -1);
  for (char *p = sloppy; *p != '\0'; p++)
    if (*p == '-')
      *p = ' ';
  g_assert_true (hearth_auth_reset_password_with_recovery_key (f->auth, "ada", sloppy, GRACE_PASSWORD, &error));
  g_assert_no_error (error);
  /* Every session is signed out by a reset. */
  g_assert_false (hearth_guard_check_session (hearth_auth_get_guard (f->auth), f->ada, NULL));

  /* A used key is spent. */
  g_assert_false (hearth_auth_reset_password_with_recovery_key (f->auth, "ada", f->ada_keys[0], ADA_PASSWORD, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_WRONG_CREDENTIALS);
  g_clear_error (&error);
  g_assert_cmpint (count_events (f, "RECOVERY_FAILED"), ==, 1);
  g_assert_cmpint (failed_attempts (f), ==, 1);

  /* A key that cannot be one (not counted), and a policy failure that spends
   * nothing. */
  g_assert_false (hearth_auth_reset_password_with_recovery_key (f->auth, "ada", "ABCD", ADA_PASSWORD, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (failed_attempts (f), ==, 1);
  g_assert_false (hearth_auth_reset_password_with_recovery_key (f->auth, "ada", f->ada_keys[1], "short", &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_PASSWORD_REJECTED);
  g_clear_error (&error);

  signed_in = sign_in (f, GRACE_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hearth_auth_count_recovery_keys (f->auth, signed_in, NULL), ==, 7);

  /* Regenerating replaces every unused key. */
  g_assert_true (hearth_auth_enter_sudo (f->auth, signed_in, GRACE_PASSWORD, &error));
  fresh = hearth_auth_regenerate_recovery_keys (f->auth, signed_in, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hearth_auth_count_recovery_keys (f->auth, signed_in, NULL), ==, 8);
  g_assert_cmpint (count_events (f, "RECOVERY_KEY_REGENERATED"), ==, 1);
  g_assert_false (hearth_auth_reset_password_with_recovery_key (f->auth, "ada", f->ada_keys[1], ADA_PASSWORD, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_WRONG_CREDENTIALS);
  g_clear_error (&error);
  g_assert_true (hearth_auth_reset_password_with_recovery_key (f->auth, "ada", fresh[7], ADA_PASSWORD, &error));
  g_assert_no_error (error);
}

static void
test_security_questions (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) asked = NULL;
  g_autoptr (HearthActor) actor = NULL;
  const char * const two[] = { "First pet?", "Street you grew up on?", NULL };
  const char * const two_answers[] = { "Rex", "Baker Street", NULL };
  const char * const questions[] = { "First pet?", "Street you grew up on?", "Favourite teacher?", NULL };
  const char * const answers[] = { "Rex", "Baker Street", "Mrs Smith", NULL };
  const char * const typed[] = { "  REX ", "baker    street", "mrs smith", NULL };
  const char * const wrong[] = { "Rex", "Baker Street", "Mr Smith", NULL };

  g_assert_null (hearth_auth_dup_security_questions (f->auth, "ada", &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  g_assert_true (hearth_auth_enter_sudo (f->auth, f->ada, ADA_PASSWORD, &error));
  g_assert_false (hearth_auth_set_security_questions (f->auth, f->ada, two, two_answers, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_true (hearth_auth_set_security_questions (f->auth, f->ada, questions, answers, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_events (f, "SECURITY_QUESTIONS_CHANGED"), ==, 1);

  asked = hearth_auth_dup_security_questions (f->auth, "ADA", &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (asked, questions);

  /* Wrong answers count toward lockout, like passwords. */
  for (int i = 0; i < 5; i++)
    {
      g_assert_false (hearth_auth_reset_password_with_answers (f->auth, "ada", wrong, GRACE_PASSWORD, &error));
      g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_WRONG_CREDENTIALS);
      g_clear_error (&error);
    }
  g_assert_cmpint (count_events (f, "RECOVERY_FAILED"), ==, 5);
  g_assert_false (hearth_auth_reset_password_with_answers (f->auth, "ada", typed, GRACE_PASSWORD, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_COOLDOWN);
  g_clear_error (&error);

  /* No answer is hashed alone: a copy of the file does not let each one be
   * guessed apart, only all of them together. */
  {
    g_autoptr (HearthStatement) rows = hearth_store_prepare (f->store, "SELECT answer_hash FROM security_questions",
                                                             &error);
    guint n = 0;

    g_assert_no_error (error);
    while (hearth_statement_next_row (rows, &error))
      {
        const char *stored = hearth_statement_get_text (rows, 0);

        g_assert_null (strstr (stored, "$argon2"));
        for (guint i = 0; answers[i] != NULL; i++)
          {
            g_assert_false (hearth_password_verify (stored, answers[i]));
            g_assert_false (hearth_password_verify (stored, typed[i]));
          }
        n++;
      }
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 3);
    g_assert_cmpint (hearth_test_count (f->store, "SELECT count(*) FROM auth_credentials "
                                                  "WHERE type = 'SECRET_QUESTION' AND secret_hash LIKE '$argon2id$%%'"),
                     ==, 1);
  }

  /* Answered as people type them. */
  hearth_clock_advance (f->clock, 30 * G_USEC_PER_SEC);
  g_assert_true (hearth_auth_reset_password_with_answers (f->auth, "ada", typed, GRACE_PASSWORD, &error));
  g_assert_no_error (error);
  actor = sign_in (f, GRACE_PASSWORD, &error);
  g_assert_no_error (error);
}

/* Migration 0009 drops the hashes of single answers an older Hearth kept,
 * and keeps the combined one that resets check. */
static void
test_migration_drops_single_answer_hashes (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = hearth_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "hearth.db", NULL);
  g_autoptr (HearthClock) clock = hearth_clock_new_fake (HEARTH_TEST_EPOCH);
  g_autoptr (HearthStore) store = NULL;
  g_autofree char *single = hearth_password_hash ("rex", hearth_password_cost_cheapest (), &error);
  g_autofree char *sql = NULL;

  g_assert_no_error (error);
  sql = g_strdup_printf ("INSERT INTO users (id, username, display_name, created_at, updated_at) "
                         "  VALUES (1, 'ada', 'Ada', 0, 0);"
                         "INSERT INTO security_questions (user_id, question, answer_hash, created_at) "
                         "  VALUES (1, 'First pet?', '%s', 0);"
                         "INSERT INTO auth_credentials (user_id, type, secret_hash, created_at) "
                         "  VALUES (1, 'SECRET_QUESTION', '%s', 0);",
                         single, single);
  hearth_test_make_old_database (path, clock, 8, sql);

  store = hearth_store_open (path, clock, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hearth_test_count (store, "SELECT count(*) FROM security_questions "
                                             "WHERE answer_hash LIKE '$argon2%%'"), ==, 0);
  g_assert_cmpint (hearth_test_count (store, "SELECT count(*) FROM security_questions"), ==, 1);
  g_assert_cmpint (hearth_test_count (store, "SELECT count(*) FROM auth_credentials "
                                             "WHERE type = 'SECRET_QUESTION'"), ==, 1);
  g_clear_object (&store);
  hearth_test_remove_tree (dir);
}

static void
test_rehash_on_sign_in (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthAuth) stronger = hearth_auth_new (hearth_auth_get_guard (f->auth),
                                                     hearth_password_cost_interactive ());
  g_autoptr (HearthActor) actor = NULL;
  g_autofree char *before = hearth_test_query_text (f->store, "SELECT secret_hash FROM auth_credentials");
  g_autofree char *after = NULL;

  g_assert_true (hearth_password_needs_rehash (before, hearth_password_cost_interactive ()));
  actor = hearth_auth_sign_in (stronger, "ada", ADA_PASSWORD, FALSE, NULL, &error);
  g_assert_no_error (error);

  after = hearth_test_query_text (f->store, "SELECT secret_hash FROM auth_credentials");
  g_assert_cmpstr (after, !=, before);
  g_assert_false (hearth_password_needs_rehash (after, hearth_password_cost_interactive ()));
  g_assert_true (hearth_password_verify (after, ADA_PASSWORD));
}

static void
sign_in_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static HearthKeyring *new_test_keyring (void);

static void
test_sign_in_and_out_async (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (HearthKeyring) keyring = new_test_keyring ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GAsyncResult) signed_out = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) keyring_error = NULL;
  g_autoptr (HearthActor) actor = NULL;
  g_autoptr (HearthActor) resumed = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *rotated = NULL;
  g_autofree char *gone = NULL;

  /* Staying signed in: the token goes from the worker to the keyring. */
  hearth_auth_sign_in_async (f->auth, "ada", ADA_PASSWORD, keyring, NULL, sign_in_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  actor = hearth_auth_sign_in_finish (f->auth, result, &keyring_error, &error);
  g_assert_no_error (error);
  g_assert_no_error (keyring_error);
  g_assert_true (hearth_guard_check_session (hearth_auth_get_guard (f->auth), actor, NULL));

  kept = hearth_keyring_lookup (keyring, hearth_actor_get_user_id (actor), &error);
  g_assert_true (_hearth_token_is_well_formed (kept));
  resumed = hearth_auth_resume (f->auth, hearth_actor_get_user_id (actor), kept, &rotated, &error);
  g_assert_no_error (error);

  /* Signing out revokes the session and forgets the token, off this thread too. */
  hearth_auth_sign_out_async (f->auth, resumed, keyring, NULL, sign_in_cb, &signed_out);
  while (signed_out == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (hearth_auth_sign_out_finish (f->auth, signed_out, &error));
  g_assert_no_error (error);
  g_assert_false (hearth_guard_check_session (hearth_auth_get_guard (f->auth), resumed, NULL));
  gone = hearth_keyring_lookup (keyring, hearth_actor_get_user_id (actor), &error);
  g_assert_no_error (error);
  g_assert_null (gone);
}

static gboolean
contains (GBytes     *haystack,
          const char *needle)
{
  gsize size;
  const char *data = g_bytes_get_data (haystack, &size);

  return needle != NULL && *needle != '\0' && memmem (data, size, needle, strlen (needle)) != NULL;
}

static GBytes *
read_bytes (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_bytes_new (NULL, 0);
  return g_bytes_new_take (contents, length);
}

static void
test_no_secret_in_the_file (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) staying = NULL;
  g_autofree char *token = NULL;
  g_autofree char *wal_path = g_strconcat (hearth_store_get_path (f->store), "-wal", NULL);
  g_autoptr (GBytes) db = NULL;
  g_autoptr (GBytes) wal = NULL;
  g_autofree char *canonical_key = _hearth_recovery_key_canonical (f->ada_keys[2]);
  const char * const questions[] = { "First pet?", "Street you grew up on?", "Favourite teacher?", NULL };
  const char * const answers[] = { "Fluffington", "Quillfeather Lane", "Professor Zanzibar", NULL };
  const char *secrets[] = {
    ADA_PASSWORD, answers[0], answers[1], answers[2], "fluffington", "quillfeather lane",
    NULL, NULL, NULL, NULL,
  };

  staying = hearth_auth_sign_in (f->auth, "ada", ADA_PASSWORD, TRUE, &token, &error);
  g_assert_no_error (error);
  g_assert_true (hearth_auth_enter_sudo (f->auth, staying, ADA_PASSWORD, &error));
  g_assert_true (hearth_auth_set_security_questions (f->auth, staying, questions, answers, &error));
  g_assert_no_error (error);
  secrets[6] = token;
  secrets[7] = f->ada_keys[2];
  secrets[8] = canonical_key;
  secrets[9] = hearth_actor_get_csrf_token (staying);

  db = read_bytes (hearth_store_get_path (f->store));
  wal = read_bytes (wal_path);
  g_assert_cmpuint (g_bytes_get_size (db) + g_bytes_get_size (wal), >, 0);
  /* The file is really readable: the question text is there in plain. */
  g_assert_true (contains (db, "Quillfeather") == FALSE);
  g_assert_true (contains (db, "Street you grew up on?") || contains (wal, "Street you grew up on?"));

  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    {
      if (contains (db, secrets[i]) || contains (wal, secrets[i]))
        g_error ("Secret %u is in the database file", i);
    }
}

static void
test_update_and_delete_profile (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) grace = NULL;
  g_autoptr (HearthActor) renamed = NULL;
  g_auto (GStrv) grace_keys = NULL;
  g_autofree char *email = NULL;
  gint64 ada = hearth_actor_get_user_id (f->ada);

  grace = hearth_auth_create_profile (f->auth, "grace", "Grace Hopper", "grace@example.org", GRACE_PASSWORD,
                                      &grace_keys, &error);
  g_assert_no_error (error);

  g_assert_true (hearth_auth_update_profile (f->auth, f->ada, "countess", "Augusta Ada King", "", &error));
  g_assert_no_error (error);
  g_assert_null (hearth_test_query_text (f->store, "SELECT email FROM users WHERE username = 'countess'"));
  renamed = hearth_auth_sign_in (f->auth, "Countess", ADA_PASSWORD, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearth_actor_get_display_name (renamed), ==, "Augusta Ada King");

  /* Grace's username and e-mail address are hers. */
  g_assert_false (hearth_auth_update_profile (f->auth, f->ada, "GRACE", NULL, NULL, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_TAKEN);
  g_clear_error (&error);
  g_assert_false (hearth_auth_update_profile (f->auth, f->ada, NULL, NULL, "Grace@Example.org", &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_TAKEN);
  g_clear_error (&error);
  g_assert_true (hearth_auth_update_profile (f->auth, f->ada, NULL, NULL, "ada@example.org", &error));
  email = hearth_test_query_text (f->store, "SELECT email FROM users WHERE username = 'countess'");
  g_assert_cmpstr (email, ==, "ada@example.org");

  /* Deleting needs sudo; the logs stay. */
  hearth_clock_advance (f->clock, HEARTH_GUARD_SUDO_LIFETIME);
  g_assert_false (hearth_auth_delete_profile (f->auth, renamed, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_SUDO_REQUIRED);
  g_clear_error (&error);
  g_assert_true (hearth_auth_enter_sudo (f->auth, renamed, ADA_PASSWORD, &error));
  g_assert_true (hearth_auth_delete_profile (f->auth, renamed, &error));
  g_assert_no_error (error);

  g_assert_cmpint (hearth_test_query_int (f->store, "SELECT count(*) FROM users"), ==, 1);
  {
    g_autofree char *events = g_strdup_printf ("SELECT count(*) FROM security_events WHERE user_id = %" G_GINT64_FORMAT,
                                               ada);
    g_autofree char *keys = g_strdup_printf ("SELECT count(*) FROM recovery_keys WHERE user_id = %" G_GINT64_FORMAT,
                                             ada);

    g_assert_cmpint (hearth_test_query_int (f->store, events), >, 0);
    g_assert_cmpint (hearth_test_query_int (f->store, keys), ==, 0);
  }
  g_assert_cmpint (hearth_test_query_int (f->store,
                                          "SELECT count(*) FROM audit_logs WHERE action = 'profile.deleted'"), ==, 1);
  g_assert_false (hearth_guard_check_session (hearth_auth_get_guard (f->auth), renamed, NULL));
}

static void
test_account_security_lists (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) laptop = NULL;
  g_autoptr (HearthActor) kitchen = NULL;
  g_autoptr (GListModel) sessions = NULL;
  g_autoptr (GListModel) events = NULL;
  g_autoptr (HearthSessionInfo) newest = NULL;
  g_autoptr (HearthSessionInfo) oldest = NULL;
  g_autoptr (HearthSecurityEvent) last = NULL;

  hearth_clock_advance (f->clock, G_USEC_PER_SEC);
  laptop = sign_in (f, ADA_PASSWORD, &error);
  hearth_clock_advance (f->clock, G_USEC_PER_SEC);
  kitchen = sign_in (f, ADA_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (hearth_auth_revoke_session (f->auth, f->ada, hearth_actor_get_session_id (laptop), &error));

  sessions = hearth_auth_list_sessions (f->auth, f->ada, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 2);
  newest = g_list_model_get_item (sessions, 0);
  oldest = g_list_model_get_item (sessions, 1);
  g_assert_cmpint (hearth_session_info_get_id (newest), ==, hearth_actor_get_session_id (kitchen));
  g_assert_false (hearth_session_info_get_current (newest));
  g_assert_cmpint (hearth_session_info_get_id (oldest), ==, hearth_actor_get_session_id (f->ada));
  g_assert_true (hearth_session_info_get_current (oldest));
  g_assert_cmpstr (hearth_session_info_get_device_name (oldest), ==, g_get_host_name ());
  g_assert_true (g_str_has_prefix (hearth_session_info_get_user_agent (oldest), "Hearth/"));
  g_assert_cmpint (hearth_session_info_get_expires_at (oldest), ==,
                   hearth_session_info_get_created_at (oldest) + HEARTH_GUARD_SESSION_LIFETIME);

  events = hearth_auth_list_security_events (f->auth, f->ada, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 3);
  last = g_list_model_get_item (events, 0);
  g_assert_cmpstr (hearth_security_event_get_event_type (last), ==, "SESSION_REVOKED");
  g_assert_cmpstr (hearth_security_event_get_summary (last), ==, "Signed out elsewhere");
  g_assert_cmpint (hearth_security_event_get_created_at (last), ==, hearth_clock_get_now (f->clock));

  /* Nobody else's history. */
  {
    g_autoptr (HearthActor) grace = NULL;
    g_auto (GStrv) keys = NULL;
    g_autoptr (GListModel) theirs = NULL;

    grace = hearth_auth_create_profile (f->auth, "grace", "Grace Hopper", NULL, GRACE_PASSWORD, &keys, &error);
    theirs = hearth_auth_list_security_events (f->auth, grace, 100, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (theirs); i++)
      {
        g_autoptr (HearthSecurityEvent) event = g_list_model_get_item (theirs, i);

        g_assert_cmpstr (hearth_security_event_get_event_type (event), !=, "SESSION_REVOKED");
      }
  }
}

/* The keyring: a real gnome-keyring on the test's private bus ---------------------------- */

static HearthKeyring *
new_test_keyring (void)
{
  g_autofree char *app = g_strdup_printf ("io.github.hearthapp.Hearth.Test%u", g_random_int ());

  return hearth_keyring_new (app);
}

static void
test_keyring_round_trip (void)
{
  g_autoptr (HearthKeyring) keyring = new_test_keyring ();
  g_autoptr (HearthKeyring) other_app = new_test_keyring ();
  g_autoptr (GError) error = NULL;
  g_autofree char *found = NULL;
  g_autofree char *any_token = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *nothing = NULL;
  gint64 any_user = 0;

  missing = hearth_keyring_lookup (keyring, 7, &error);
  g_assert_no_error (error);
  g_assert_null (missing);
  g_assert_false (hearth_keyring_find_any (keyring, &any_user, &any_token, &error));
  g_assert_no_error (error);

  g_assert_true (hearth_keyring_store (keyring, 7, "first-token", &error));
  g_assert_true (hearth_keyring_store (keyring, 7, "second-token", &error));
  g_assert_no_error (error);
  found = hearth_keyring_lookup (keyring, 7, &error);
  g_assert_cmpstr (found, ==, "second-token");

  g_assert_true (hearth_keyring_find_any (keyring, &any_user, &any_token, &error));
  g_assert_cmpint (any_user, ==, 7);
  g_assert_cmpstr (any_token, ==, "second-token");
  /* Another application id sees nothing of it. */
  g_clear_pointer (&any_token, g_free);
  g_assert_false (hearth_keyring_find_any (other_app, &any_user, &any_token, &error));

  g_assert_true (hearth_keyring_delete (keyring, 7, &error));
  nothing = hearth_keyring_lookup (keyring, 7, &error);
  g_assert_no_error (error);
  g_assert_null (nothing);
  g_assert_true (hearth_keyring_delete (keyring, 7, &error));
}

static void
test_stay_signed_in_through_the_keyring (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr (HearthKeyring) keyring = new_test_keyring ();
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) signed_in = NULL;
  g_autoptr (HearthActor) resumed = NULL;
  g_autofree char *token = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *rotated = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *after = NULL;
  gint64 user_id = 0;

  signed_in = hearth_auth_sign_in (f->auth, "ada", ADA_PASSWORD, TRUE, &token, &error);
  g_assert_true (hearth_keyring_store (keyring, hearth_actor_get_user_id (signed_in), token, &error));
  g_assert_no_error (error);

  /* The next start: a profile stays signed in; resume it and keep the new token. */
  g_assert_true (hearth_keyring_find_any (keyring, &user_id, &stored, &error));
  g_assert_cmpint (user_id, ==, hearth_actor_get_user_id (f->ada));
  resumed = hearth_auth_resume (f->auth, user_id, stored, &rotated, &error);
  g_assert_no_error (error);
  g_assert_true (hearth_keyring_store (keyring, user_id, rotated, &error));
  kept = hearth_keyring_lookup (keyring, user_id, &error);
  g_assert_cmpstr (kept, ==, rotated);

  /* Sign-out revokes the session and forgets the token. */
  g_assert_true (hearth_auth_sign_out (f->auth, resumed, &error));
  g_assert_true (hearth_keyring_delete (keyring, user_id, &error));
  after = hearth_keyring_lookup (keyring, user_id, &error);
  g_assert_no_error (error);
  g_assert_null (after);
}

static void
test_resume_from_keyring (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (HearthKeyring) keyring = new_test_keyring ();
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) nobody = NULL;
  g_autoptr (HearthActor) signed_in = NULL;
  g_autoptr (HearthActor) resumed = NULL;
  g_autoptr (HearthActor) stale = NULL;
  g_autofree char *token = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *gone = NULL;
  gint64 ada = hearth_actor_get_user_id (f->ada);

  nobody = hearth_auth_resume_from_keyring (f->auth, keyring, &error);
  g_assert_no_error (error);
  g_assert_null (nobody);

  signed_in = hearth_auth_sign_in (f->auth, "ada", ADA_PASSWORD, TRUE, &token, &error);
  g_assert_true (hearth_keyring_store (keyring, ada, token, &error));
  resumed = hearth_auth_resume_from_keyring (f->auth, keyring, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hearth_actor_get_user_id (resumed), ==, ada);
  kept = hearth_keyring_lookup (keyring, ada, &error);
  g_assert_cmpstr (kept, !=, token);
  g_assert_true (_hearth_token_is_well_formed (kept));

  /* Signed out elsewhere: the kept token is forgotten, and nobody is resumed. */
  g_assert_true (hearth_auth_sign_out (f->auth, resumed, &error));
  stale = hearth_auth_resume_from_keyring (f->auth, keyring, &error);
  g_assert_no_error (error);
  g_assert_null (stale);
  gone = hearth_keyring_lookup (keyring, ada, &error);
  g_assert_null (gone);
}

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
test_async_profile_and_reset (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr (GAsyncResult) created = NULL;
  g_autoptr (GAsyncResult) reset = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (HearthActor) grace = NULL;
  g_autoptr (HearthActor) again = NULL;
  g_autoptr (GListModel) profiles = NULL;
  g_auto (GStrv) keys = NULL;

  hearth_auth_create_profile_async (f->auth, "grace", "Grace Hopper", NULL, GRACE_PASSWORD, NULL,
                                    got_result_cb, &created);
  grace = hearth_auth_create_profile_finish (f->auth, wait_for_result (&created), &keys, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (keys), ==, 8);
  /* A new profile starts in sudo mode, for onboarding's security questions. */
  g_assert_true (hearth_guard_require_sudo (hearth_auth_get_guard (f->auth), grace, NULL));

  profiles = hearth_auth_list_profiles (f->auth, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (profiles), ==, 2);
  {
    g_autoptr (HearthProfile) first = g_list_model_get_item (profiles, 0);
    g_autoptr (HearthProfile) second = g_list_model_get_item (profiles, 1);

    g_assert_cmpstr (hearth_profile_get_display_name (first), ==, "Ada Lovelace");
    g_assert_cmpstr (hearth_profile_get_username (second), ==, "grace");
    g_assert_cmpint (hearth_profile_get_id (second), ==, hearth_actor_get_user_id (grace));
  }

  hearth_auth_reset_password_with_recovery_key_async (f->auth, "grace", keys[5], "Pumpernickel-Orbit-55",
                                                      NULL, got_result_cb, &reset);
  g_assert_true (hearth_auth_reset_password_with_recovery_key_finish (f->auth, wait_for_result (&reset), &error));
  g_assert_no_error (error);
  again = hearth_auth_sign_in (f->auth, "grace", "Pumpernickel-Orbit-55", FALSE, NULL, &error);
  g_assert_no_error (error);
}

/* Run alone (its own bus and keyring), since it locks the keyring for good. */
static void
test_keyring_locked (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SecretService) service = secret_service_get_sync (SECRET_SERVICE_OPEN_SESSION, NULL, &error);
  g_autoptr (SecretCollection) collection = NULL;
  g_autoptr (HearthKeyring) keyring = new_test_keyring ();
  g_autofree char *token = NULL;
  g_autofree char *found = NULL;
  GList *objects;
  gint64 user_id = 0;

  g_assert_no_error (error);
  /* Works while unlocked... */
  g_assert_true (hearth_keyring_store (keyring, 7, "token", &error));
  g_assert_no_error (error);

  /* ...and not once the default collection is locked: no prompt, no fallback. */
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  objects = g_list_append (NULL, collection);
  secret_service_lock_sync (service, objects, NULL, NULL, &error);
  g_list_free (objects);
  g_assert_no_error (error);
  g_assert_true (secret_collection_get_locked (collection));

  g_assert_false (hearth_keyring_store (keyring, 7, "another token", &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_KEYRING_UNAVAILABLE);
  g_clear_error (&error);
  token = hearth_keyring_lookup (keyring, 7, &error);
  g_assert_null (token);
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_KEYRING_UNAVAILABLE);
  g_clear_error (&error);
  g_assert_false (hearth_keyring_find_any (keyring, &user_id, &found, &error));
  g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_KEYRING_UNAVAILABLE);
  g_clear_error (&error);

  /* A sign-in that asked to stay signed in still signs in, and says why it
   * cannot stay. */
  {
    g_autofree char *dir = hearth_test_make_temp_dir ();
    g_autoptr (HearthClock) clock = hearth_clock_new_fake (HEARTH_TEST_EPOCH);
    g_autoptr (HearthStore) store = hearth_test_open_store (dir, clock);
    g_autoptr (HearthAuth) auth = hearth_test_auth_new (store);
    g_autoptr (HearthActor) ada = NULL;
    g_autoptr (HearthActor) actor = NULL;
    g_autoptr (GAsyncResult) result = NULL;
    g_autoptr (GError) keyring_error = NULL;
    g_auto (GStrv) keys = NULL;

    ada = hearth_auth_create_profile (auth, "ada", "Ada Lovelace", NULL, ADA_PASSWORD, &keys, &error);
    g_assert_no_error (error);
    hearth_auth_sign_in_async (auth, "ada", ADA_PASSWORD, keyring, NULL, sign_in_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    actor = hearth_auth_sign_in_finish (auth, result, &keyring_error, &error);
    g_assert_no_error (error);
    g_assert_nonnull (actor);
    g_assert_error (keyring_error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_KEYRING_UNAVAILABLE);
    g_clear_object (&auth);
    g_clear_object (&store);
    hearth_test_remove_tree (dir);
  }
}

static void
test_keyring_missing (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (HearthKeyring) keyring = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *token = NULL;

      /* A session bus with no Secret Service on it. */
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/hearth-test-bus", TRUE);
      keyring = new_test_keyring ();

      g_assert_false (hearth_keyring_store (keyring, 7, "token", &error));
      g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_KEYRING_UNAVAILABLE);
      g_assert_nonnull (strstr (error->message, "keyring"));
      g_clear_error (&error);
      token = hearth_keyring_lookup (keyring, 7, &error);
      g_assert_null (token);
      g_assert_error (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_KEYRING_UNAVAILABLE);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/auth/password/default-cost-is-at-least-interactive", test_default_cost_is_at_least_interactive);
  g_test_add_func ("/auth/password/policy-lengths", test_policy_lengths);
  g_test_add_func ("/auth/password/policy-names-and-dictionary", test_policy_names_and_dictionary);
  g_test_add_func ("/auth/password/policy-common-passwords", test_policy_common_passwords);
  g_test_add_func ("/auth/password/policy-own-words", test_policy_own_words);
  g_test_add_func ("/auth/password/sign-up-without-dictionary", test_sign_up_without_dictionary);
  g_test_add_func ("/auth/password/hash-and-verify", test_hash_and_verify);
  g_test_add_func ("/auth/password/accents-and-emoji", test_accents_and_emoji);
  g_test_add_func ("/auth/password/bad-hashes-fail-closed", test_bad_hashes_fail_closed);
  g_test_add_func ("/auth/password/needs-rehash", test_needs_rehash);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/auth/profile/create", test_create_profile);
  ADD ("/auth/profile/refusals", test_create_profile_refusals);
  ADD ("/auth/profile/update-and-delete", test_update_and_delete_profile);
  ADD ("/auth/sign-in/success", test_sign_in);
  ADD ("/auth/sign-in/one-failure-message", test_one_failure_message);
  ADD ("/auth/sign-in/lockout-ladder", test_lockout_ladder);
  ADD ("/auth/sign-in/cooldown-message-counts-down", test_cooldown_message_counts_down);
  ADD ("/auth/sign-in/clock-moved-backwards", test_clock_moved_backwards);
  ADD ("/auth/sign-in/permanent-lock-and-recovery", test_permanent_lock_and_recovery);
  ADD ("/auth/sign-in/50-concurrent-failures", test_concurrent_failures);
  ADD ("/auth/sign-in/rehash", test_rehash_on_sign_in);
  ADD ("/auth/sign-in/async-with-keyring", test_sign_in_and_out_async);
  ADD ("/auth/session/expiry", test_session_expiry);
  ADD ("/auth/session/rotation-and-reuse", test_resume_rotates_and_detects_reuse);
  ADD ("/auth/session/bad-tokens", test_bad_tokens);
  ADD ("/auth/session/sign-out-and-revoke", test_sign_out_and_revoke);
  ADD ("/auth/sudo", test_sudo);
  ADD ("/auth/sudo/belongs-to-the-session", test_sudo_belongs_to_the_session);
  ADD ("/auth/change-password", test_change_password);
  ADD ("/auth/unlock", test_unlock);
  ADD ("/auth/session/action-token", test_action_token);
  ADD ("/auth/account-security-lists", test_account_security_lists);
  ADD ("/auth/recovery-keys", test_recovery_keys);
  ADD ("/auth/recovery-keys/guesses-climb-the-ladder", test_recovery_key_guesses_climb_the_ladder);
  ADD ("/auth/recovery-keys/under-permanent-lock", test_recovery_keys_under_permanent_lock);
  ADD ("/auth/security-questions", test_security_questions);
  g_test_add_func ("/auth/security-questions/migration-drops-single-answer-hashes",
                   test_migration_drops_single_answer_hashes);
  ADD ("/auth/no-secret-in-the-file", test_no_secret_in_the_file);
  ADD ("/auth/keyring/stay-signed-in", test_stay_signed_in_through_the_keyring);
  ADD ("/auth/keyring/resume-at-start-up", test_resume_from_keyring);
  ADD ("/auth/async/profile-and-reset", test_async_profile_and_reset);
#undef ADD
  g_test_add_func ("/auth/keyring/round-trip", test_keyring_round_trip);
  g_test_add_func ("/auth/keyring/missing", test_keyring_missing);
  /* Registered only for its own run (tests/core/meson.build): it locks the
   * test session's keyring, which the other tests need unlocked. */
  if (g_getenv ("HEARTH_TEST_LOCK_KEYRING") != NULL)
    g_test_add_func ("/auth/keyring-locked", test_keyring_locked);

  return g_test_run ();
}
