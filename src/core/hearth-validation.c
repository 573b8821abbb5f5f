/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearth-validation.h"

G_DEFINE_QUARK (hearth-validation-error-quark, hearth_validation_error)

/**
 * hearth_validation_clean_text:
 * @text: (nullable): what was typed; %NULL is ""
 * @max_chars: the most characters it may have
 * @required: whether it may be empty
 * @field: the #HearthValidationError code that names the field
 *
 * Returns: (transfer full): @text trimmed and in NFC, or %NULL with @error set
 *   when it is not UTF-8, empty though required, too long, or holds control
 *   characters
 */
char *
hearth_validation_clean_text (const char  *text,
                              guint        max_chars,
                              gboolean     required,
                              int          field,
                              GError     **error)
{
  g_autofree char *normalized = NULL;

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, HEARTH_VALIDATION_ERROR, field, _("This text cannot be read."));
      return NULL;
    }
  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  g_strstrip (normalized);
  if (required && *normalized == '\0')
    {
      g_set_error_literal (error, HEARTH_VALIDATION_ERROR, field, _("Give it a name."));
      return NULL;
    }
  if (g_utf8_strlen (normalized, -1) > max_chars)
    {
      g_set_error (error, HEARTH_VALIDATION_ERROR, field,
                   g_dngettext (GETTEXT_PACKAGE, "At most %u character.", "At most %u characters.", max_chars),
                   max_chars);
      return NULL;
    }
  for (const char *p = normalized; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        {
          g_set_error_literal (error, HEARTH_VALIDATION_ERROR, field, _("Line breaks and tabs cannot be used here."));
          return NULL;
        }
    }
  return g_steal_pointer (&normalized);
}
