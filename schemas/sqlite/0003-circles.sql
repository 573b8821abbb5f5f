-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Circles, roles and the audit log (docs/SCHEMA.md, docs/PERMISSIONS.md):
-- personal circles, the circle events that a circle's activity needs, and the
-- circle that an audit row belongs to.

-- Every profile has one personal circle, where it is the only member.
ALTER TABLE circles ADD COLUMN kind TEXT NOT NULL DEFAULT 'SHARED'
  CHECK (kind IN ('PERSONAL', 'SHARED'));
CREATE UNIQUE INDEX circles_personal ON circles (owner_id) WHERE kind = 'PERSONAL';

INSERT INTO circles (name, owner_id, status, created_at, kind)
  SELECT 'Personal', id, 'ACTIVE', created_at, 'PERSONAL' FROM users;
INSERT INTO circle_members (circle_id, user_id, role, joined_at)
  SELECT id, owner_id, 'OWNER', created_at FROM circles WHERE kind = 'PERSONAL';

-- circle_events takes three more types and says who acted. SQLite cannot change
-- a CHECK in place: the table is rebuilt, its rows kept.
CREATE TABLE circle_events_new (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  circle_id   INTEGER NOT NULL,
  type        TEXT NOT NULL CHECK (type IN ('DISSOLVED', 'OWNER_TRANSFERRED', 'MEMBER_ADDED', 'MEMBER_REMOVED',
                                            'CREATED', 'RENAMED', 'ROLE_CHANGED')),
  payload     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid (payload)),
  created_at  INTEGER NOT NULL,
  actor_id    INTEGER
) STRICT;
INSERT INTO circle_events_new (id, circle_id, type, payload, created_at)
  SELECT id, circle_id, type, payload, created_at FROM circle_events;
DROP TABLE circle_events;
ALTER TABLE circle_events_new RENAME TO circle_events;
CREATE INDEX circle_events_circle_id ON circle_events (circle_id, created_at, id);
CREATE TRIGGER circle_events_no_update BEFORE UPDATE ON circle_events
  BEGIN SELECT RAISE (ABORT, 'circle_events is append-only'); END;
CREATE TRIGGER circle_events_no_delete BEFORE DELETE ON circle_events
  BEGIN SELECT RAISE (ABORT, 'circle_events is append-only'); END;

-- The circle an audit row belongs to, so that its owner and admins can read it;
-- a profile's own actions (sign-in, password) belong to its personal circle.
-- No foreign key: the log outlives what it names.
ALTER TABLE audit_logs ADD COLUMN circle_id INTEGER;
CREATE INDEX audit_logs_circle_id ON audit_logs (circle_id, created_at, id);
-- The rows so far are profiles' own actions: they move into the personal
-- circles, the one time the log is written to after the fact.
DROP TRIGGER audit_logs_no_update;
UPDATE audit_logs SET circle_id = (SELECT id FROM circles
                                   WHERE kind = 'PERSONAL' AND owner_id = audit_logs.actor_id)
  WHERE entity_type = 'user';
CREATE TRIGGER audit_logs_no_update BEFORE UPDATE ON audit_logs
  BEGIN SELECT RAISE (ABORT, 'audit_logs is append-only'); END;

-- Reading the audit log: owners and admins (src/core/circles/hearth-permissions.c).
INSERT INTO permission_policies (role, resource, action, allowed) VALUES
  ('OWNER', 'audit', 'read', 1),
  ('ADMIN', 'audit', 'read', 1),
  ('EDITOR', 'audit', 'read', 0),
  ('VISITOR', 'audit', 'read', 0);
