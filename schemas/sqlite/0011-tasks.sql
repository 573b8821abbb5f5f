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
-- The lists: a circle's tasks to do, soonest due first, those without a due
-- time last (the largest integer stands in for none), then in the order made.
-- The expression is the lists' sort key, word for word.
CREATE INDEX tasks_open ON tasks (circle_id, coalesce (due_at, 9223372036854775807), id)
  WHERE deleted_at IS NULL AND status <> 'DONE';
-- A member who leaves a circle, or is removed, is given none of its tasks any
-- more, in the same transaction, whichever way they went; the circle's
-- activity (circle_events) says who left and when.
CREATE TRIGGER circle_members_leave_tasks AFTER DELETE ON circle_members
  BEGIN
    DELETE FROM task_assignments
      WHERE user_id = OLD.user_id AND task_id IN (SELECT id FROM tasks WHERE circle_id = OLD.circle_id);
  END;
-- A reminder of a task due at a moment comes once for each due moment: the
-- one last reminded of is kept, so that the next occurrence of a repeating
-- chore, or a new due time, is reminded of again.
ALTER TABLE tasks ADD COLUMN reminded_due_at INTEGER;
-- What the scheduler asks for: open tasks whose due moment was not reminded of.
CREATE INDEX tasks_to_remind ON tasks (due_at)
  WHERE deleted_at IS NULL AND status <> 'DONE' AND due_at IS NOT NULL
    AND (reminded_due_at IS NULL OR reminded_due_at <> due_at);
-- Each time a task is done: who did it, which occurrence, and what it pays
-- (the task's reward then) to whom (the member who did it, if it was theirs,
-- else its one assignee). A parent's approval posts the reward into an account
-- of the circle (`transaction_id`); undoing the approval voids that
-- transaction and clears the approval; undoing the completion marks it undone.
-- The task's log says each of these too.
CREATE TABLE task_completions (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  task_id         INTEGER NOT NULL REFERENCES tasks (id),
  completed_by    INTEGER NOT NULL,
  completed_at    INTEGER NOT NULL,
  due_at          INTEGER,
  earner_id       INTEGER,
  reward          INTEGER CHECK (reward IS NULL OR reward > 0),
  approved_by     INTEGER,
  approved_at     INTEGER,
  transaction_id  INTEGER REFERENCES transactions (id),
  undone_at       INTEGER,
  CHECK ((approved_by IS NULL) = (transaction_id IS NULL))
) STRICT;
CREATE INDEX task_completions_task_id ON task_completions (task_id, id);
-- A reward's transaction pays one completion: the ledger finds its task here.
CREATE UNIQUE INDEX task_completions_transaction_id ON task_completions (transaction_id);
-- What waits for a parent: rewards earned, not yet approved, not undone.
CREATE INDEX task_completions_waiting ON task_completions (task_id)
  WHERE reward IS NOT NULL AND approved_by IS NULL AND undone_at IS NULL;
-- Approving a chore is a parent's: ADMIN and OWNER.
INSERT INTO permission_policies (circle_id, role, resource, action, allowed) VALUES
  (NULL, 'OWNER', 'task', 'approve', 1),
  (NULL, 'ADMIN', 'task', 'approve', 1),
  (NULL, 'EDITOR', 'task', 'approve', 0),
  (NULL, 'VISITOR', 'task', 'approve', 0);
