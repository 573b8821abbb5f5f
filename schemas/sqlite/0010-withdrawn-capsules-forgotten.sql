-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A withdrawn time capsule leaves nothing of its words behind (docs/LIFELOG.md):
-- an older Hearth logged a withdrawn capsule's text as the old content of its
-- deletion. The audit log names every withdrawn capsule; their log rows keep
-- that the capsule went, and lose what it said. lifelog_logs is append-only:
-- its trigger is lifted for this one statement.
DROP TRIGGER lifelog_logs_no_update;
UPDATE lifelog_logs SET old_content = NULL
  WHERE new_content IS NULL
    AND lifelog_id IN (SELECT entity_id FROM audit_logs
                       WHERE entity_type = 'lifelog' AND action = 'capsule.withdrawn');
CREATE TRIGGER lifelog_logs_no_update BEFORE UPDATE ON lifelog_logs
  BEGIN SELECT RAISE (ABORT, 'lifelog_logs is append-only'); END;
