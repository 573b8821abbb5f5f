-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- How many lines an account's ledger has, voided ones included, kept in the
-- transaction of each insert beside the balance (hearth-finance.c), so that
-- the ledger's list knows its length without counting a million rows
-- (docs/FINANCE.md). Lines are voided, never deleted.
ALTER TABLE accounts ADD COLUMN transaction_count INTEGER NOT NULL DEFAULT 0 CHECK (transaction_count >= 0);
UPDATE accounts SET transaction_count = (SELECT count(*) FROM transactions WHERE account_id = accounts.id);

