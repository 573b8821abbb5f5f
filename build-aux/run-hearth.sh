#!/usr/bin/env bash
# Builds a development Hearth (its own application id, so it runs beside an
# installed one) and opens it from the build folder, with its settings schema.
# Arguments go to hearth, e.g. --data-dir DIR to keep a separate database.
set -euo pipefail
cd "$(dirname "$0")/.."

builddir=build-dev
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" -Dprofile=development
fi
meson compile -C "$builddir"
exec meson devenv -C "$builddir" "$PWD/$builddir/src/hearth" "$@"
