-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- What a task has that the seed's table lacks (docs/SCHEMA.md, "Columns Hearth
-- adds"): its notes, when it falls due (a moment, or a whole day), how it
-- repeats (an RFC 5545 rule and the first due moment it counts from), what it
-- pays when a parent approves it, and when it was deleted (a task with history
-- is retired, not removed). Its log records every edit, not only its status.
ALTER TABLE tasks ADD COLUMN notes TEXT NOT NULL DEFAULT '';
ALTER TABLE tasks ADD COLUMN due_at INTEGER;
ALTER TABLE tasks ADD COLUMN due_all_day INTEGER NOT NULL DEFAULT 0 CHECK (due_all_day IN (0, 1));
ALTER TABLE tasks ADD COLUMN recurrence TEXT CHECK (recurrence IS NULL OR length (recurrence) BETWEEN 1 AND 512);
ALTER TABLE tasks ADD COLUMN recurrence_start INTEGER;
ALTER TABLE tasks ADD COLUMN reward INTEGER CHECK (reward IS NULL OR reward > 0);
ALTER TABLE tasks ADD COLUMN deleted_at INTEGER;
ALTER TABLE task_logs ADD COLUMN changes TEXT NOT NULL DEFAULT '{}';
-- The lists: a circle's open tasks by when they fall due, then by creation.
CREATE INDEX tasks_due ON tasks (circle_id, status, due_at, created_at, id) WHERE deleted_at IS NULL;
-- A member who leaves a circle, or is removed, is given none of its tasks any
-- more, in the same transaction, whichever way they went; the circle's
-- activity (circle_events) says who left and when.
CREATE TRIGGER circle_members_leave_tasks AFTER DELETE ON circle_members
  BEGIN
    DELETE FROM task_assignments
      WHERE user_id = OLD.user_id AND task_id IN (SELECT id FROM tasks WHERE circle_id = OLD.circle_id);
  END;
