/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hearth-auth.h"
#include "hearth-permissions.h"

G_BEGIN_DECLS

/**
 * HearthSampleProfile:
 * @username: how the profile signs in
 * @display_name: its name
 * @password: the demo password, shown on the sample's picker
 * @role: the role in the family circle
 */
typedef struct
{
  const char *username;
  const char *display_name;
  const char *password;
  HearthRole  role;
} HearthSampleProfile;

/**
 * HearthSampleProgress:
 * @done: ledger lines written so far
 * @total: in all
 */
typedef void (*HearthSampleProgress) (guint    done,
                                      guint    total,
                                      gpointer user_data);

/**
 * HearthSampleOptions:
 * @seed: the same seed makes the same family
 * @years: how far back the ledger goes
 * @transactions: the joint account's lines
 * @receipts: how many of the newest tagged lines get a receipt
 * @progress: (nullable): told every ten thousand lines
 *
 * The sample family is HEARTH_SAMPLE_FAMILY; the benchmarks use the same
 * generator with a million lines.
 */
typedef struct
{
  guint32               seed;
  guint                 years;
  guint                 transactions;
  guint                 receipts;
  HearthSampleProgress  progress;
  gpointer              progress_data;
} HearthSampleOptions;

#define HEARTH_SAMPLE_FAMILY ((HearthSampleOptions) { 2026, 3, 1440, 4, NULL, NULL })

const HearthSampleProfile *hearth_sample_get_profiles (guint                     *out_n);
gboolean                   hearth_sample_generate     (HearthAuth                *auth,
                                                       const HearthSampleOptions *options,
                                                       GError                   **error);

G_END_DECLS
