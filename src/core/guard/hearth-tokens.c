/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hearth-auth"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "hearth-tokens-private.h"

/*
 * The auth module's secrets that are not passwords: session tokens and recovery
 * keys, made from libsodium's random bytes and kept in the database only as
 * BLAKE2b-256 hashes. A token is 32 random bytes in base64url; a recovery key
 * is 80 random bits in Crockford's base32, 16 characters in groups of four.
 */

static const char crockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/* Overwrites a secret held in a string (a token, a key, an answer) before it
 * is freed. */
void
_hearth_token_wipe (char *secret)
{
  if (secret != NULL)
    sodium_memzero (secret, strlen (secret));
}

/* Returns: (transfer full): a new token, 43 characters of base64url */
char *
_hearth_token_new (void)
{
  unsigned char bytes[32];
  char *token = g_malloc (sodium_base64_ENCODED_LEN (sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING));

  randombytes_buf (bytes, sizeof bytes);
  sodium_bin2base64 (token, sodium_base64_ENCODED_LEN (sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                     bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero (bytes, sizeof bytes);

  return token;
}

/* A token is checked for shape before anything is hashed or looked up, so that
 * a 10 MB or truncated "token" costs nothing. */
gboolean
_hearth_token_is_well_formed (const char *token)
{
  if (token == NULL || strnlen (token, HEARTH_TOKEN_LENGTH + 1) != HEARTH_TOKEN_LENGTH)
    return FALSE;

  for (const char *p = token; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;

  return TRUE;
}

/* Returns: (transfer full): the BLAKE2b-256 hash of @token, in hex */
char *
_hearth_token_hash (const char *token)
{
  unsigned char digest[32];
  char hex[sizeof digest * 2 + 1];

  crypto_generichash (digest, sizeof digest, (const unsigned char *) token, strlen (token), NULL, 0);
  sodium_bin2hex (hex, sizeof hex, digest, sizeof digest);

  return g_strdup (hex);
}

/* Returns: (transfer full): a new recovery key, "XXXX-XXXX-XXXX-XXXX" */
char *
_hearth_recovery_key_new (void)
{
  unsigned char bytes[10];
  GString *key = g_string_sized_new (20);
  guint64 high;
  guint64 low;

  randombytes_buf (bytes, sizeof bytes);
  /* 80 bits as two 40-bit halves, five bits a character. */
  high = 0;
  low = 0;
  for (int i = 0; i < 5; i++)
    {
      high = (high << 8) | bytes[i];
      low = (low << 8) | bytes[i + 5];
    }
  sodium_memzero (bytes, sizeof bytes);

  for (int i = 0; i < 16; i++)
    {
      guint64 half = i < 8 ? high : low;
      int shift = 35 - 5 * (i % 8);

      if (i > 0 && i % 4 == 0)
        g_string_append_c (key, '-');
      g_string_append_c (key, crockford[(half >> shift) & 0x1f]);
    }

  return g_string_free (key, FALSE);
}

/* The form a typed recovery key is hashed in: case, dashes and spaces ignored,
 * and Crockford's look-alikes read as the digits they resemble.
 * Returns: (transfer full) (nullable): 16 characters, or %NULL if it cannot be a key */
char *
_hearth_recovery_key_canonical (const char *input)
{
  GString *key;

  if (input == NULL || strlen (input) > 64)
    return NULL;

  key = g_string_sized_new (16);
  for (const char *p = input; *p != '\0'; p++)
    {
      char c = g_ascii_toupper (*p);

      if (c == '-' || c == ' ')
        continue;
      if (c == 'O')
        c = '0';
      else if (c == 'I' || c == 'L')
        c = '1';
      if (strchr (crockford, c) == NULL || key->len == 16)
        {
          g_string_free (key, TRUE);
          return NULL;
        }
      g_string_append_c (key, c);
    }

  if (key->len != 16)
    {
      g_string_free (key, TRUE);
      return NULL;
    }

  return g_string_free (key, FALSE);
}

/* Security answers are compared as people mean them: NFKC, case-folded,
 * trimmed, inner runs of spaces as one.
 * Returns: (transfer full) (nullable): the normalised answer, %NULL if not UTF-8 */
char *
_hearth_answer_normalize (const char *answer)
{
  g_autofree char *nfkc = NULL;
  g_autofree char *folded = NULL;
  g_auto (GStrv) words = NULL;
  GString *joined;

  if (answer == NULL || !g_utf8_validate (answer, -1, NULL))
    return NULL;

  nfkc = g_utf8_normalize (answer, -1, G_NORMALIZE_NFKC);
  folded = g_utf8_casefold (nfkc, -1);
  words = g_regex_split_simple ("\\s+", g_strstrip (folded), 0, 0);

  joined = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, words[i]);
    }

  return g_string_free (joined, FALSE);
}
