/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hearth-audit-entry.h"
#include "hearth-core-types.h"

G_BEGIN_DECLS

HearthAuditEntry *_hearth_audit_entry_new_from_row (HearthStatement *row);

G_END_DECLS
