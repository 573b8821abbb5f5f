-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Every table of the seed schema (../shared/seed/database-schema.md), mapped onto
-- SQLite as docs/SCHEMA.md says: ids never reused, enums as CHECK constraints, JSON
-- checked by json_valid(), money in integer minor units, timestamps in integer
-- microseconds UTC, dates as 'YYYY-MM-DD'. The store runs this file in one
-- transaction and then sets user_version to 1.

-- Auth -----------------------------------------------------------------------

CREATE TABLE users (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  username      TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(username) BETWEEN 1 AND 64),
  email         TEXT UNIQUE COLLATE NOCASE CHECK (email IS NULL OR length(email) BETWEEN 3 AND 254),
  display_name  TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 128),
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
) STRICT;

CREATE TABLE auth_credentials (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  type         TEXT NOT NULL CHECK (type IN ('PASSWORD', 'PASSKEY', 'SECRET_QUESTION')),
  secret_hash  TEXT NOT NULL,
  metadata     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid (metadata)),
  created_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX auth_credentials_user_id ON auth_credentials (user_id, type);

CREATE TABLE auth_sessions (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id             INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  refresh_token_hash  TEXT NOT NULL UNIQUE,
  csrf_token          TEXT NOT NULL,
  ip_address          TEXT NOT NULL DEFAULT 'local',
  user_agent          TEXT NOT NULL,
  device_name         TEXT NOT NULL,
  expires_at          INTEGER NOT NULL,
  revoked_at          INTEGER,
  created_at          INTEGER NOT NULL,
  -- Added (docs/SCHEMA.md): rotation and reuse detection per token family (RFC 9700).
  family_id           TEXT NOT NULL,
  rotated_at          INTEGER,
  last_seen_at        INTEGER NOT NULL
) STRICT;
CREATE INDEX auth_sessions_user_id ON auth_sessions (user_id, revoked_at);
CREATE INDEX auth_sessions_family_id ON auth_sessions (family_id);

CREATE TABLE security_events (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id     INTEGER,
  type        TEXT NOT NULL CHECK (type IN (
                'LOGIN_SUCCESS', 'LOGIN_FAILED', 'LOGOUT', 'REFRESH_ROTATED',
                'ACCOUNT_LOCKED', 'ACCOUNT_UNLOCKED', 'PASSWORD_CHANGED',
                'RECOVERY_KEY_USED', 'RECOVERY_KEY_REGENERATED', 'SUDO_MODE_ENABLED',
                -- Added (docs/SCHEMA.md): every attempt and every change is logged.
                'SESSION_REVOKED', 'REFRESH_REUSE_DETECTED', 'RECOVERY_FAILED',
                'PERMISSION_DENIED', 'PASSKEY_ADDED', 'PASSKEY_REMOVED',
                'SECURITY_QUESTIONS_CHANGED')),
  metadata    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid (metadata)),
  created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX security_events_user_id ON security_events (user_id, created_at, id);

CREATE TABLE user_account_security_state (
  user_id             INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  failed_attempts     INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  cooldown_until      INTEGER,
  permanently_locked  INTEGER NOT NULL DEFAULT 0 CHECK (permanently_locked IN (0, 1)),
  last_failed_at      INTEGER,
  updated_at          INTEGER NOT NULL
) STRICT;

CREATE TABLE sudo_sessions (
  user_id     INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  sudo_until  INTEGER NOT NULL,
  method      TEXT NOT NULL CHECK (method IN ('PASSWORD', 'RECOVERY_KEY', 'MFA')),
  ip_address  TEXT NOT NULL DEFAULT 'local',
  user_agent  TEXT NOT NULL,
  created_at  INTEGER NOT NULL
) STRICT;

-- Recovery -------------------------------------------------------------------

CREATE TABLE recovery_keys (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  key_hash    TEXT NOT NULL UNIQUE,
  used_at     INTEGER,
  created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX recovery_keys_user_id ON recovery_keys (user_id, used_at);

CREATE TABLE security_questions (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  question     TEXT NOT NULL CHECK (length(question) BETWEEN 1 AND 256),
  answer_hash  TEXT NOT NULL,
  created_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX security_questions_user_id ON security_questions (user_id);

-- Circles and permissions ----------------------------------------------------

-- Circles are dissolved, never deleted, so the rows that name them keep a meaning;
-- their foreign keys therefore restrict deletion.
CREATE TABLE circles (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 128),
  owner_id    INTEGER NOT NULL REFERENCES users (id),
  status      TEXT NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISSOLVED')),
  created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX circles_owner_id ON circles (owner_id);

CREATE TABLE circle_members (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  circle_id  INTEGER NOT NULL REFERENCES circles (id),
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role       TEXT NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'EDITOR', 'VISITOR')),
  joined_at  INTEGER NOT NULL,
  UNIQUE (circle_id, user_id)
) STRICT;
CREATE INDEX circle_members_user_id ON circle_members (user_id);

CREATE TABLE circle_events (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  circle_id   INTEGER NOT NULL,
  type        TEXT NOT NULL CHECK (type IN ('DISSOLVED', 'OWNER_TRANSFERRED', 'MEMBER_ADDED', 'MEMBER_REMOVED')),
  payload     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid (payload)),
  created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX circle_events_circle_id ON circle_events (circle_id, created_at, id);

CREATE TABLE permission_policies (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  role       TEXT NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'EDITOR', 'VISITOR')),
  resource   TEXT NOT NULL,
  action     TEXT NOT NULL,
  allowed    INTEGER NOT NULL DEFAULT 0 CHECK (allowed IN (0, 1)),
  -- Added (docs/SCHEMA.md): NULL is the default for every circle; a row with a
  -- circle id overrides the default for that circle alone.
  circle_id  INTEGER REFERENCES circles (id)
) STRICT;
CREATE UNIQUE INDEX permission_policies_key
  ON permission_policies (ifnull (circle_id, 0), role, resource, action);
CREATE INDEX permission_policies_circle_id ON permission_policies (circle_id);

CREATE TABLE permission_logs (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  policy_id   INTEGER NOT NULL REFERENCES permission_policies (id),
  changed_by  INTEGER NOT NULL,
  old_value   TEXT CHECK (old_value IS NULL OR json_valid (old_value)),
  new_value   TEXT NOT NULL CHECK (json_valid (new_value)),
  created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX permission_logs_policy_id ON permission_logs (policy_id, created_at, id);

-- Finance --------------------------------------------------------------------

CREATE TABLE accounts (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  circle_id    INTEGER NOT NULL REFERENCES circles (id),
  owner_id     INTEGER NOT NULL REFERENCES users (id),
  type         TEXT NOT NULL CHECK (type IN ('BANK', 'WALLET', 'CREDIT')),
  name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 128),
  archived_at  INTEGER,
  created_at   INTEGER NOT NULL,
  -- Added (docs/SCHEMA.md): an amount means nothing without its currency.
  currency     TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency))
) STRICT;
CREATE INDEX accounts_circle_id ON accounts (circle_id, archived_at, name);
CREATE INDEX accounts_owner_id ON accounts (owner_id);

CREATE TABLE account_audit_logs (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id  INTEGER NOT NULL,
  action      TEXT NOT NULL,
  metadata    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid (metadata)),
  created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX account_audit_logs_account_id ON account_audit_logs (account_id, created_at, id);

CREATE TABLE categories (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  module          TEXT NOT NULL CHECK (module IN ('FINANCE', 'LIFELOG', 'KNOWLEDGE')),
  name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
  system_defined  INTEGER NOT NULL DEFAULT 0 CHECK (system_defined IN (0, 1)),
  UNIQUE (module, name)
) STRICT;

-- Transactions are voided, never deleted: the ledger and its log keep every line.
CREATE TABLE transactions (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id   INTEGER NOT NULL REFERENCES accounts (id),
  amount       INTEGER NOT NULL CHECK (amount > 0),
  direction    TEXT NOT NULL CHECK (direction IN ('IN', 'OUT')),
  status       TEXT NOT NULL DEFAULT 'POSTED' CHECK (status IN ('POSTED', 'VOIDED')),
  category_id  INTEGER REFERENCES categories (id),
  created_by   INTEGER NOT NULL,
  created_at   INTEGER NOT NULL,
  -- Added (docs/SCHEMA.md): a ledger line's value date and text, and the key that
  -- makes re-importing a statement idempotent.
  occurred_on  TEXT NOT NULL CHECK (date (occurred_on, '+0 days') IS occurred_on),
  description  TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 512),
  payee        TEXT NOT NULL DEFAULT '' CHECK (length(payee) <= 256),
  import_id    TEXT
) STRICT;
-- The ledger pages by (occurred_on, id) within one account (keyset paging).
CREATE INDEX transactions_account_ledger ON transactions (account_id, occurred_on, id);
CREATE INDEX transactions_category_id ON transactions (category_id);
CREATE UNIQUE INDEX transactions_import_id ON transactions (account_id, import_id)
  WHERE import_id IS NOT NULL;

CREATE TABLE transaction_receipts (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  transaction_id  INTEGER NOT NULL REFERENCES transactions (id) ON DELETE CASCADE,
  document_url    TEXT NOT NULL,
  created_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX transaction_receipts_transaction_id ON transaction_receipts (transaction_id);

CREATE TABLE transaction_logs (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  transaction_id  INTEGER NOT NULL REFERENCES transactions (id),
  old_status      TEXT CHECK (old_status IS NULL OR old_status IN ('POSTED', 'VOIDED')),
  new_status      TEXT NOT NULL CHECK (new_status IN ('POSTED', 'VOIDED')),
  changed_by      INTEGER NOT NULL,
  created_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX transaction_logs_transaction_id ON transaction_logs (transaction_id, created_at, id);

CREATE TABLE tags (
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  name    TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
  module  TEXT NOT NULL CHECK (length(module) BETWEEN 1 AND 32),
  UNIQUE (module, name)
) STRICT;

CREATE TABLE tag_relations (
  tag_id       INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  entity_id    INTEGER NOT NULL,
  entity_type  TEXT NOT NULL CHECK (length(entity_type) BETWEEN 1 AND 32),
  PRIMARY KEY (tag_id, entity_type, entity_id)
) STRICT;
CREATE INDEX tag_relations_entity ON tag_relations (entity_type, entity_id);

-- Life log -------------------------------------------------------------------

CREATE TABLE lifelogs (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  circle_id   INTEGER NOT NULL REFERENCES circles (id),
  author_id   INTEGER NOT NULL,
  content     TEXT NOT NULL,
  created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX lifelogs_circle_id ON lifelogs (circle_id, created_at, id);

CREATE TABLE capsules (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  lifelog_id   INTEGER NOT NULL UNIQUE REFERENCES lifelogs (id) ON DELETE CASCADE,
  unlock_at    INTEGER NOT NULL,
  unlocked_at  INTEGER
) STRICT;
-- The scheduler asks for the earliest capsule still locked.
CREATE INDEX capsules_pending ON capsules (unlock_at) WHERE unlocked_at IS NULL;

CREATE TABLE lifelog_logs (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  lifelog_id   INTEGER NOT NULL REFERENCES lifelogs (id),
  old_content  TEXT,
  new_content  TEXT,
  updated_by   INTEGER NOT NULL,
  created_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX lifelog_logs_lifelog_id ON lifelog_logs (lifelog_id, created_at, id);

-- Tasks ----------------------------------------------------------------------

CREATE TABLE tasks (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  circle_id   INTEGER NOT NULL REFERENCES circles (id),
  creator_id  INTEGER NOT NULL,
  title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 256),
  status      TEXT NOT NULL DEFAULT 'TODO' CHECK (status IN ('TODO', 'IN_PROGRESS', 'DONE')),
  created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX tasks_circle_id ON tasks (circle_id, status, created_at, id);

CREATE TABLE task_assignments (
  task_id  INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (task_id, user_id)
) STRICT;
CREATE INDEX task_assignments_user_id ON task_assignments (user_id);

CREATE TABLE task_logs (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  task_id     INTEGER NOT NULL REFERENCES tasks (id),
  old_status  TEXT CHECK (old_status IS NULL OR old_status IN ('TODO', 'IN_PROGRESS', 'DONE')),
  new_status  TEXT NOT NULL CHECK (new_status IN ('TODO', 'IN_PROGRESS', 'DONE')),
  updated_by  INTEGER NOT NULL,
  created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX task_logs_task_id ON task_logs (task_id, created_at, id);

-- Notes ----------------------------------------------------------------------

-- A note without a circle is personal: it belongs to its owner alone.
CREATE TABLE notes (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  owner_id    INTEGER NOT NULL REFERENCES users (id),
  circle_id   INTEGER REFERENCES circles (id),
  content     TEXT NOT NULL,
  created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX notes_owner_id ON notes (owner_id, created_at, id);
CREATE INDEX notes_circle_id ON notes (circle_id, created_at, id);

CREATE TABLE note_reminders (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  note_id    INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
  remind_at  INTEGER NOT NULL,
  -- Added (docs/SCHEMA.md): a reminder fires once, also across restarts.
  fired_at   INTEGER
) STRICT;
CREATE INDEX note_reminders_note_id ON note_reminders (note_id);
-- The scheduler asks for the earliest reminder not yet fired.
CREATE INDEX note_reminders_pending ON note_reminders (remind_at) WHERE fired_at IS NULL;

CREATE TABLE note_logs (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  note_id      INTEGER NOT NULL REFERENCES notes (id),
  old_content  TEXT,
  new_content  TEXT,
  updated_by   INTEGER NOT NULL,
  created_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX note_logs_note_id ON note_logs (note_id, created_at, id);

-- Contacts -------------------------------------------------------------------

-- Contacts have no circle: they belong to their owner alone.
CREATE TABLE contacts (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  owner_id    INTEGER NOT NULL REFERENCES users (id),
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 256),
  metadata    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid (metadata)),
  created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX contacts_owner_id ON contacts (owner_id, name, id);

CREATE TABLE contact_logs (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  contact_id  INTEGER NOT NULL REFERENCES contacts (id),
  old_value   TEXT CHECK (old_value IS NULL OR json_valid (old_value)),
  new_value   TEXT CHECK (new_value IS NULL OR json_valid (new_value)),
  updated_by  INTEGER NOT NULL,
  created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX contact_logs_contact_id ON contact_logs (contact_id, created_at, id);

-- Travel ---------------------------------------------------------------------

CREATE TABLE trips (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  circle_id   INTEGER NOT NULL REFERENCES circles (id),
  owner_id    INTEGER NOT NULL,
  title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 256),
  start_date  TEXT CHECK (start_date IS NULL OR date (start_date, '+0 days') IS start_date),
  end_date    TEXT CHECK (end_date IS NULL OR date (end_date, '+0 days') IS end_date),
  CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date)
) STRICT;
CREATE INDEX trips_circle_id ON trips (circle_id, start_date, id);

CREATE TABLE trip_budgets (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  trip_id   INTEGER NOT NULL REFERENCES trips (id) ON DELETE CASCADE,
  amount    INTEGER NOT NULL CHECK (amount >= 0),
  -- Added (docs/SCHEMA.md): as for accounts.
  currency  TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency))
) STRICT;
CREATE INDEX trip_budgets_trip_id ON trip_budgets (trip_id);

CREATE TABLE trip_logs (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  trip_id     INTEGER NOT NULL REFERENCES trips (id),
  old_value   TEXT CHECK (old_value IS NULL OR json_valid (old_value)),
  new_value   TEXT CHECK (new_value IS NULL OR json_valid (new_value)),
  updated_by  INTEGER NOT NULL,
  created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX trip_logs_trip_id ON trip_logs (trip_id, created_at, id);

-- Audit ----------------------------------------------------------------------

CREATE TABLE audit_logs (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  actor_id     INTEGER,
  entity_type  TEXT NOT NULL,
  entity_id    INTEGER,
  action       TEXT NOT NULL,
  created_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX audit_logs_created_at ON audit_logs (created_at, id);
CREATE INDEX audit_logs_entity ON audit_logs (entity_type, entity_id);
CREATE INDEX audit_logs_actor_id ON audit_logs (actor_id);

-- Search ---------------------------------------------------------------------

-- Contentless: the index keeps the tokens it needs to match, never the text, so
-- nothing is stored twice (docs/SCHEMA.md). A row's rowid names its entity; the
-- search module owns that mapping and deletes a row with the text it indexed.
CREATE VIRTUAL TABLE search_index USING fts5 (
  entity_type UNINDEXED,
  entity_id UNINDEXED,
  searchable_text,
  content = '',
  tokenize = 'unicode61 remove_diacritics 2'
);

-- Logs are append-only ----------------------------------------------------------

CREATE TRIGGER security_events_no_update BEFORE UPDATE ON security_events
  BEGIN SELECT RAISE (ABORT, 'security_events is append-only'); END;
CREATE TRIGGER security_events_no_delete BEFORE DELETE ON security_events
  BEGIN SELECT RAISE (ABORT, 'security_events is append-only'); END;
CREATE TRIGGER circle_events_no_update BEFORE UPDATE ON circle_events
  BEGIN SELECT RAISE (ABORT, 'circle_events is append-only'); END;
CREATE TRIGGER circle_events_no_delete BEFORE DELETE ON circle_events
  BEGIN SELECT RAISE (ABORT, 'circle_events is append-only'); END;
CREATE TRIGGER permission_logs_no_update BEFORE UPDATE ON permission_logs
  BEGIN SELECT RAISE (ABORT, 'permission_logs is append-only'); END;
CREATE TRIGGER permission_logs_no_delete BEFORE DELETE ON permission_logs
  BEGIN SELECT RAISE (ABORT, 'permission_logs is append-only'); END;
CREATE TRIGGER account_audit_logs_no_update BEFORE UPDATE ON account_audit_logs
  BEGIN SELECT RAISE (ABORT, 'account_audit_logs is append-only'); END;
CREATE TRIGGER account_audit_logs_no_delete BEFORE DELETE ON account_audit_logs
  BEGIN SELECT RAISE (ABORT, 'account_audit_logs is append-only'); END;
CREATE TRIGGER transaction_logs_no_update BEFORE UPDATE ON transaction_logs
  BEGIN SELECT RAISE (ABORT, 'transaction_logs is append-only'); END;
CREATE TRIGGER transaction_logs_no_delete BEFORE DELETE ON transaction_logs
  BEGIN SELECT RAISE (ABORT, 'transaction_logs is append-only'); END;
CREATE TRIGGER lifelog_logs_no_update BEFORE UPDATE ON lifelog_logs
  BEGIN SELECT RAISE (ABORT, 'lifelog_logs is append-only'); END;
CREATE TRIGGER lifelog_logs_no_delete BEFORE DELETE ON lifelog_logs
  BEGIN SELECT RAISE (ABORT, 'lifelog_logs is append-only'); END;
CREATE TRIGGER task_logs_no_update BEFORE UPDATE ON task_logs
  BEGIN SELECT RAISE (ABORT, 'task_logs is append-only'); END;
CREATE TRIGGER task_logs_no_delete BEFORE DELETE ON task_logs
  BEGIN SELECT RAISE (ABORT, 'task_logs is append-only'); END;
CREATE TRIGGER note_logs_no_update BEFORE UPDATE ON note_logs
  BEGIN SELECT RAISE (ABORT, 'note_logs is append-only'); END;
CREATE TRIGGER note_logs_no_delete BEFORE DELETE ON note_logs
  BEGIN SELECT RAISE (ABORT, 'note_logs is append-only'); END;
CREATE TRIGGER contact_logs_no_update BEFORE UPDATE ON contact_logs
  BEGIN SELECT RAISE (ABORT, 'contact_logs is append-only'); END;
CREATE TRIGGER contact_logs_no_delete BEFORE DELETE ON contact_logs
  BEGIN SELECT RAISE (ABORT, 'contact_logs is append-only'); END;
CREATE TRIGGER trip_logs_no_update BEFORE UPDATE ON trip_logs
  BEGIN SELECT RAISE (ABORT, 'trip_logs is append-only'); END;
CREATE TRIGGER trip_logs_no_delete BEFORE DELETE ON trip_logs
  BEGIN SELECT RAISE (ABORT, 'trip_logs is append-only'); END;
CREATE TRIGGER audit_logs_no_update BEFORE UPDATE ON audit_logs
  BEGIN SELECT RAISE (ABORT, 'audit_logs is append-only'); END;
CREATE TRIGGER audit_logs_no_delete BEFORE DELETE ON audit_logs
  BEGIN SELECT RAISE (ABORT, 'audit_logs is append-only'); END;
