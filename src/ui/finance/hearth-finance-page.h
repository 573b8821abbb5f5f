/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hearth-context.h"
#include "hearth-session.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_FINANCE_PAGE (hearth_finance_page_get_type ())
G_DECLARE_FINAL_TYPE (HearthFinancePage, hearth_finance_page, HEARTH, FINANCE_PAGE, AdwBin)

void           hearth_finance_page_set_context (HearthFinancePage *self,
                                                HearthContext     *context,
                                                HearthSession     *session);
HearthAccount *hearth_finance_page_get_account (HearthFinancePage *self);
void           hearth_finance_page_import_file (HearthFinancePage *self,
                                                GFile             *file);

G_END_DECLS
