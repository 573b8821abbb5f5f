-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Finance (docs/SCHEMA.md): balances kept current with every change, and the
-- log of a transaction's field edits beside its status changes.

-- The sum of the account's POSTED transactions, IN added and OUT taken away, in
-- minor units; written in the transaction of each change, so that opening
-- Finance never sums the ledger.
ALTER TABLE accounts ADD COLUMN balance INTEGER NOT NULL DEFAULT 0;
UPDATE accounts SET balance = ifnull ((SELECT sum (CASE direction WHEN 'IN' THEN amount ELSE -amount END)
                                       FROM transactions
                                       WHERE account_id = accounts.id AND status = 'POSTED'), 0);

-- What an edit changed: {"description": {"old": …, "new": …}, …}; '{}' for a
-- status change alone.
ALTER TABLE transaction_logs ADD COLUMN changes TEXT NOT NULL DEFAULT '{}' CHECK (json_valid (changes));
