/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-auth"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pwquality.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "hearth-auth-error.h"
#include "hearth-password.h"

/*
 * Passwords, as ../shared/design/SECURITY.md asks: NFKC-normalised, at least 8
 * characters and at most 1,024 bytes, judged by libpwquality (as GNOME Settings
 * does) with no composition rules, never equal to or containing the username or
 * display name, and hashed with Argon2id through libsodium's crypto_pwhash_str.
 * A stored hash that is malformed, not Argon2id, or asks for more than 1 GiB
 * of memory never verifies.
 */

#define MAX_VERIFY_MEMORY (G_GUINT64_CONSTANT (1) << 30)

G_DEFINE_QUARK (hearth-auth-error-quark, hearth_auth_error)

static void
ensure_sodium (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      if (sodium_init () < 0)
        g_error ("libsodium cannot be initialised");
      g_once_init_leave (&initialized, 1);
    }
}

/**
 * hearth_password_cost_default:
 *
 * Returns: the application's cost, libsodium's MODERATE (256 MiB)
 */
HearthPasswordCost
hearth_password_cost_default (void)
{
  return (HearthPasswordCost) { crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE };
}

/**
 * hearth_password_cost_interactive:
 *
 * Returns: libsodium's INTERACTIVE cost, the floor the application never goes below
 */
HearthPasswordCost
hearth_password_cost_interactive (void)
{
  return (HearthPasswordCost) { crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE };
}

/**
 * hearth_password_cost_cheapest:
 *
 * Returns: the least cost libsodium accepts: for tests only
 */
HearthPasswordCost
hearth_password_cost_cheapest (void)
{
  return (HearthPasswordCost) { crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN };
}

/**
 * hearth_password_normalize:
 *
 * Returns: (transfer full) (nullable): @password in NFKC, or %NULL when it is
 *   not valid UTF-8
 */
char *
hearth_password_normalize (const char *password)
{
  g_return_val_if_fail (password != NULL, NULL);

  if (!g_utf8_validate (password, -1, NULL))
    return NULL;

  return g_utf8_normalize (password, -1, G_NORMALIZE_NFKC);
}

static gboolean
contains_casefolded (const char *haystack,
                     const char *needle)
{
  g_autofree char *folded_haystack = NULL;
  g_autofree char *folded_needle = NULL;

  if (needle == NULL || *needle == '\0')
    return FALSE;

  folded_haystack = g_utf8_casefold (haystack, -1);
  folded_needle = g_utf8_casefold (needle, -1);
  return strstr (folded_haystack, folded_needle) != NULL;
}

static gboolean
reject (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_PASSWORD_REJECTED, message);
  return FALSE;
}

/**
 * hearth_password_check_policy:
 * @password: the new password, as typed
 * @username: (nullable): the profile's username, which it may not contain
 * @display_name: (nullable): the profile's display name, which it may not
 *   contain, nor any word of it of four characters or more
 * @min_length: the least number of characters (a circle owner may raise it
 *   above %HEARTH_PASSWORD_MIN_LENGTH, never lower it)
 * @out_score: (out) (optional): libpwquality's strength score, 0 to 100
 *
 * Returns: %TRUE when the password may be used; otherwise %FALSE with
 *   %HEARTH_AUTH_ERROR_PASSWORD_REJECTED and a message that says why
 */
gboolean
hearth_password_check_policy (const char  *password,
                              const char  *username,
                              const char  *display_name,
                              int          min_length,
                              int         *out_score,
                              GError     **error)
{
  g_autofree char *normalized = NULL;
  pwquality_settings_t *settings;
  void *auxerror = NULL;
  int score;

  g_return_val_if_fail (password != NULL, FALSE);

  min_length = MAX (min_length, HEARTH_PASSWORD_MIN_LENGTH);

  normalized = hearth_password_normalize (password);
  if (normalized == NULL)
    return reject (error, _("The password contains characters that cannot be read."));

  if (g_utf8_strlen (normalized, -1) < min_length)
    {
      g_autofree char *message =
        g_strdup_printf (ngettext ("The password needs at least %d character.",
                                   "The password needs at least %d characters.", min_length),
                         min_length);
      return reject (error, message);
    }

  if (strlen (normalized) > HEARTH_PASSWORD_MAX_BYTES)
    return reject (error, _("The password is too long."));

  if (contains_casefolded (normalized, username) || contains_casefolded (normalized, display_name))
    return reject (error, _("The password may not contain your name or username."));

  /* Nor any word of the name long enough to matter: "Lovelace-2026" for Ada
   * Lovelace is her name with a year. */
  if (display_name != NULL)
    {
      g_auto (GStrv) words = g_regex_split_simple ("[\\s\\p{P}]+", display_name, 0, 0);

      for (guint i = 0; words[i] != NULL; i++)
        if (g_utf8_strlen (words[i], -1) >= 4 && contains_casefolded (normalized, words[i]))
          return reject (error, _("The password may not contain your name or username."));
    }

  /* libpwquality's own defaults, not the system's configuration: no
   * composition rules (NIST SP 800-63B), only our length, its dictionary and
   * its similarity checks. */
  settings = pwquality_default_settings ();
  pwquality_set_int_value (settings, PWQ_SETTING_MIN_LENGTH, min_length);
  score = pwquality_check (settings, normalized, NULL, username, &auxerror);
  pwquality_free_settings (settings);

  if (score < 0)
    {
      char buffer[PWQ_MAX_ERROR_MESSAGE_LEN];
      const char *reason = pwquality_strerror (buffer, sizeof buffer, score, auxerror);

      return reject (error, reason);
    }

  if (out_score != NULL)
    *out_score = score;

  return TRUE;
}

/**
 * hearth_password_hash:
 * @password: a password that passed the policy
 * @cost: what the hash costs
 *
 * Hashes the NFKC form of @password with Argon2id. Slow by design: call it off
 * the UI thread.
 *
 * Returns: (transfer full): the encoded hash, or %NULL
 */
char *
hearth_password_hash (const char          *password,
                      HearthPasswordCost   cost,
                      GError             **error)
{
  g_autofree char *normalized = NULL;
  char hash[crypto_pwhash_STRBYTES];
  int rc;

  g_return_val_if_fail (password != NULL, NULL);

  ensure_sodium ();

  normalized = hearth_password_normalize (password);
  if (normalized == NULL)
    {
      reject (error, _("The password contains characters that cannot be read."));
      return NULL;
    }

  rc = crypto_pwhash_str (hash, normalized, strlen (normalized), cost.opslimit, cost.memlimit);
  sodium_memzero (normalized, strlen (normalized));

  if (rc != 0)
    {
      g_set_error_literal (error, HEARTH_AUTH_ERROR, HEARTH_AUTH_ERROR_FAILED,
                           _("There is not enough memory to protect the password."));
      return NULL;
    }

  return g_strdup (hash);
}

/* Only well-formed Argon2id hashes within our memory ceiling are verified. */
static gboolean
hash_is_acceptable (const char *hash)
{
  unsigned long long memory_kib = 0;
  unsigned int passes = 0;
  unsigned int lanes = 0;
  int consumed = 0;
  size_t length = strnlen (hash, crypto_pwhash_STRBYTES);

  if (length == 0 || length >= crypto_pwhash_STRBYTES)
    return FALSE;

  if (sscanf (hash, "$argon2id$v=19$m=%llu,t=%u,p=%u$%n",
              &memory_kib, &passes, &lanes, &consumed) != 3 || consumed == 0)
    return FALSE;

  return memory_kib > 0 && memory_kib * 1024 <= MAX_VERIFY_MEMORY && passes > 0 && lanes > 0;
}

/**
 * hearth_password_verify:
 * @hash: a stored hash
 * @password: the password as typed
 *
 * Returns: %TRUE only when @password matches a well-formed @hash
 */
gboolean
hearth_password_verify (const char *hash,
                        const char *password)
{
  g_autofree char *normalized = NULL;
  gboolean matches;

  g_return_val_if_fail (password != NULL, FALSE);

  ensure_sodium ();

  if (hash == NULL || !hash_is_acceptable (hash))
    return FALSE;

  normalized = hearth_password_normalize (password);
  if (normalized == NULL || strlen (normalized) > HEARTH_PASSWORD_MAX_BYTES)
    return FALSE;

  matches = crypto_pwhash_str_verify (hash, normalized, strlen (normalized)) == 0;
  sodium_memzero (normalized, strlen (normalized));

  return matches;
}

/**
 * hearth_password_needs_rehash:
 *
 * Returns: %TRUE when @hash was made at another cost, or cannot be read
 */
gboolean
hearth_password_needs_rehash (const char          *hash,
                              HearthPasswordCost   cost)
{
  g_return_val_if_fail (hash != NULL, TRUE);

  ensure_sodium ();

  return crypto_pwhash_str_needs_rehash (hash, cost.opslimit, cost.memlimit) != 0;
}
