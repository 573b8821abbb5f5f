-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The life log (docs/LIFELOG.md): a deleted entry keeps its row, marked, so
-- that its log (which references it, and keeps its content) stays whole.
ALTER TABLE lifelogs ADD COLUMN deleted_at INTEGER;
