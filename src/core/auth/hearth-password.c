/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-auth"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pwquality.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "hearth-auth-error.h"
#include "hearth-auth-resources.h"
#include "hearth-password.h"
#include "hearth-password-private.h"

/*
 * Passwords, as ../shared/design/SECURITY.md asks: NFKC-normalised, at least 8
 * characters and at most 1,024 bytes, never equal to or containing the username
 * or display name, never one of the most common passwords (a list Hearth
 * carries, common-passwords.txt), judged by libpwquality (as GNOME Settings
 * does) with no composition rules, and hashed with Argon2id through
 * libsodium's crypto_pwhash_str. When cracklib's dictionary cannot be loaded
 * (a system without cracklib-runtime, a broken file), libpwquality runs without
 * its dictionary check and a warning goes to the log (at message level): nobody is ever refused
 * because a system file is missing. The person reads Hearth's own words, never
 * libpwquality's.
 * A stored hash that is malformed, not Argon2id, or asks for more than 1 GiB
 * of memory never verifies.
 */

#define MAX_VERIFY_MEMORY (G_GUINT64_CONSTANT (1) << 30)

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

static char *dictionary_path;
static GMutex dictionary_lock;

/*
 * Whether cracklib's dictionary loads with @settings: a password no dictionary
 * holds is checked once, and the answer kept for that path. Where it does not
 * load, libpwquality refuses every password ("error loading dictionary"), so
 * the caller turns the dictionary check off, and the log says so once.
 */
static gboolean
dictionary_loads (pwquality_settings_t *settings)
{
  static char *probed_path;
  static gboolean probed;
  static gboolean loads;
  const char *path = NULL;
  gboolean result;

  pwquality_get_str_value (settings, PWQ_SETTING_DICT_PATH, &path);

  g_mutex_lock (&dictionary_lock);
  if (!probed || g_strcmp0 (probed_path, path) != 0)
    {
      void *auxerror = NULL;
      int score = pwquality_check (settings, "Qv7#kz!Wm2-Hearth-probe", NULL, NULL, &auxerror);

      loads = score != PWQ_ERROR_CRACKLIB_CHECK;
      if (!loads)
        /* Said in the log at message level: a warning would abort every test
         * on a machine without the dictionary, which is the very machine this
         * is for. */
        g_message ("Warning: the password dictionary %s could not be loaded (%s): "
                   "passwords are checked without it",
                   path != NULL ? path : "(cracklib's default)",
                   auxerror != NULL ? (const char *) auxerror : "no reason given");
      g_free (probed_path);
      probed_path = g_strdup (path);
      probed = TRUE;
    }
  result = loads;
  g_mutex_unlock (&dictionary_lock);

  return result;
}

/* For tests: a dictionary at @path (%NULL: cracklib's default). */
void
_hearth_password_set_dictionary_path (const char *path)
{
  g_mutex_lock (&dictionary_lock);
  g_free (dictionary_path);
  dictionary_path = g_strdup (path);
  g_mutex_unlock (&dictionary_lock);
}

/* The list from the resource, casefolded, in a set made once. */
static GHashTable *
common_passwords (void)
{
  static gsize set;

  if (g_once_init_enter (&set))
    {
      GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr (GBytes) bytes = g_resource_lookup_data (hearth_auth_get_resource (),
                                                         "/io/github/hearthapp/Hearth/auth/common-passwords.txt",
                                                         G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_auto (GStrv) lines = NULL;

      g_assert (bytes != NULL);
      lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        if (lines[i][0] != '#' && lines[i][0] != '\0')
          g_hash_table_add (words, g_utf8_casefold (lines[i], -1));
      g_once_init_leave (&set, (gsize) words);
    }

  return (GHashTable *) set;
}

/*
 * @password is on the list, or is a word on it with digits and symbols
 * around it ("Password2026!", "!!sunshine").
 */
static gboolean
is_common_password (const char *password)
{
  GHashTable *set = common_passwords ();
  g_autofree char *folded = g_utf8_casefold (password, -1);
  const char *start = folded;
  const char *end = folded + strlen (folded);
  g_autofree char *core = NULL;

  if (g_hash_table_contains (set, folded))
    return TRUE;

  while (*start != '\0' && !g_unichar_isalpha (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start && !g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);

  core = g_strndup (start, end - start);
  return g_utf8_strlen (core, -1) >= 4 && g_hash_table_contains (set, core);
}

/* Lower case, upper case, digits, anything else: how many kinds are used. */
static guint
count_classes (const char *password)
{
  gboolean lower = FALSE, upper = FALSE, digit = FALSE, other = FALSE;

  for (const char *p = password; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        lower = TRUE;
      else if (g_unichar_isupper (c))
        upper = TRUE;
      else if (g_unichar_isdigit (c))
        digit = TRUE;
      else
        other = TRUE;
    }
  return lower + upper + digit + other;
}

/* Hearth's words for what libpwquality found. */
static const char *
pwquality_reason (int code)
{
  switch (code)
    {
    case PWQ_ERROR_PALINDROME:
      return _("The password reads the same backwards.");
    case PWQ_ERROR_USER_CHECK:
    case PWQ_ERROR_GECOS_CHECK:
    case PWQ_ERROR_BAD_WORDS:
      return _("The password may not contain your name or username.");
    case PWQ_ERROR_CRACKLIB_CHECK:
      return _("The password is too close to a dictionary word.");
    case PWQ_ERROR_MIN_CLASSES:
    case PWQ_ERROR_MIN_DIGITS:
    case PWQ_ERROR_MIN_UPPERS:
    case PWQ_ERROR_MIN_LOWERS:
    case PWQ_ERROR_MIN_OTHERS:
    case PWQ_ERROR_MIN_LENGTH:
      return _("The password is too simple. A few more words or characters would make it stronger.");
    case PWQ_ERROR_MAX_CONSECUTIVE:
    case PWQ_ERROR_MAX_CLASS_REPEAT:
    case PWQ_ERROR_MAX_SEQUENCE:
      return _("The password repeats characters or follows a sequence.");
    default:
      return _("The password is too easy to guess.");
    }
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
  gboolean without_dictionary;
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

  if (is_common_password (normalized))
    return reject (error, _("This is one of the most common passwords. Choose one that is your own."));

  /* libpwquality's own defaults, not the system's configuration: no
   * composition rules (NIST SP 800-63B), only our length, its dictionary and
   * its similarity checks. */
  settings = pwquality_default_settings ();
  pwquality_set_int_value (settings, PWQ_SETTING_MIN_LENGTH, min_length);
  g_mutex_lock (&dictionary_lock);
  if (dictionary_path != NULL)
    pwquality_set_str_value (settings, PWQ_SETTING_DICT_PATH, dictionary_path);
  g_mutex_unlock (&dictionary_lock);
  without_dictionary = !dictionary_loads (settings);
  if (without_dictionary)
    {
      /* What cracklib would have caught as "too simplistic/systematic". */
      pwquality_set_int_value (settings, PWQ_SETTING_DICT_CHECK, 0);
      pwquality_set_int_value (settings, PWQ_SETTING_MAX_SEQUENCE, 4);
      pwquality_set_int_value (settings, PWQ_SETTING_MAX_REPEAT, 3);
    }
  score = pwquality_check (settings, normalized, NULL, username, &auxerror);
  pwquality_free_settings (settings);
  /* Only the dictionary's own messages come back in auxerror; nothing of it
   * is shown. */
  if (score == PWQ_ERROR_CRACKLIB_CHECK)
    auxerror = NULL;

  if (score < 0)
    return reject (error, pwquality_reason (score));

  /* Nor a short ASCII password of one kind of character, which cracklib
   * would judge and nothing else here does. A passphrase may be all letters;
   * a password outside ASCII is no dictionary word and draws on thousands of
   * characters. */
  if (without_dictionary && g_str_is_ascii (normalized) && count_classes (normalized) < 2 &&
      g_utf8_strlen (normalized, -1) < 16)
    return reject (error, pwquality_reason (PWQ_ERROR_MIN_CLASSES));

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
