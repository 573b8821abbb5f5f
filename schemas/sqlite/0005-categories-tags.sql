-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Categories and tags belong to a circle (docs/SCHEMA.md, docs/FINANCE.md): what
-- one circle names is not shown to another, and its owner and admins decide
-- over it through the policy table. The seed's tables have no circle; SQLite
-- cannot change their UNIQUE constraints in place, so both are rebuilt with
-- their rows and ids (migrations run with foreign keys off and checked before
-- the commit: hearth-store.c).
--
-- A row with no circle is shared by every circle and changed by nobody: the
-- system-defined categories, and whatever a database held before this version.

CREATE TABLE categories_new (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  module          TEXT NOT NULL CHECK (module IN ('FINANCE', 'LIFELOG', 'KNOWLEDGE')),
  name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
  system_defined  INTEGER NOT NULL DEFAULT 0 CHECK (system_defined IN (0, 1)),
  circle_id       INTEGER REFERENCES circles (id)
) STRICT;
INSERT INTO categories_new (id, module, name, system_defined)
  SELECT id, module, name, system_defined FROM categories;
DROP TABLE categories;
ALTER TABLE categories_new RENAME TO categories;
CREATE UNIQUE INDEX categories_name ON categories (module, ifnull (circle_id, 0), name);
CREATE INDEX categories_circle_id ON categories (circle_id, module);

CREATE TABLE tags_new (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
  module     TEXT NOT NULL CHECK (length(module) BETWEEN 1 AND 32),
  circle_id  INTEGER REFERENCES circles (id)
) STRICT;
INSERT INTO tags_new (id, name, module)
  SELECT id, name, module FROM tags;
DROP TABLE tags;
ALTER TABLE tags_new RENAME TO tags;
CREATE UNIQUE INDEX tags_name ON tags (module, ifnull (circle_id, 0), name);
CREATE INDEX tags_circle_id ON tags (circle_id, module);

