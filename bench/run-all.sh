#!/usr/bin/env bash
# Every benchmark of Hearth, with one command, and one table: figure, target,
# measured, pass or miss. Run by hand, on a quiet machine:
#
#   bench/run-all.sh [BUILD_DIR] [ROWS]      (defaults: build-bench, 1000000)
#
# It builds an optimised Hearth in BUILD_DIR (with the installer's packages and
# valgrind), describes the machine, runs the core's benchmarks without a
# display and the screen's on Xvfb (build-aux/test-env.sh), and counts the
# instructions from exec to the ledger's first frame with callgrind, which
# stays comparable on a noisy machine. Medians over several runs, as each
# benchmark says. The datasets come from the sample family's generator.
set -euo pipefail
cd "$(dirname "$0")/.."

builddir=${1:-build-bench}
rows=${2:-1000000}

./build-aux/install-deps.sh
if ! command -v valgrind >/dev/null; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get install -y -qq --no-install-recommends valgrind
fi
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" --buildtype=release >/dev/null
fi
meson compile -C "$builddir" >/dev/null

in_session() {
  ./build-aux/test-env.sh env GSETTINGS_SCHEMA_DIR="$builddir/data" GSETTINGS_BACKEND=memory "$@"
}

echo "Hearth $(meson introspect --projectinfo "$builddir" | sed -E 's/.*"version": "([^"]*)".*/\1/') benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "Machine: $(. /etc/os-release; echo "$PRETTY_NAME"), $(uname -sr), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB"
echo "Libraries: GTK $(pkg-config --modversion gtk4), libadwaita $(pkg-config --modversion libadwaita-1), SQLite $(pkg-config --modversion sqlite3), libofx $(pkg-config --modversion libofx)"
echo "Dataset: the sample family with $rows transactions in its joint account"
echo
printf '| %-44s | %-10s | %14s | %-4s |\n' figure target measured ""
printf '|%s|%s|%s|%s|\n' "----------------------------------------------" "------------" "----------------" "------"

rows_of() {
  grep -E '^\| ' | grep -vE '^\| figure|^\|-' || true
}

"$builddir/bench/bench-store" "$rows" 2>/dev/null | rows_of
"$builddir/bench/bench-finance" "$rows" 2>/dev/null | rows_of
in_session "$builddir/bench/bench-finance-screen" "$rows" 2>/dev/null | rows_of
in_session "$builddir/bench/bench-sign-in" 2>/dev/null | rows_of
# Tasks at the issue's scale (100,000 in one circle), whatever ROWS says.
in_session "$builddir/bench/bench-tasks" 100000 2>/dev/null | rows_of

# Instructions from exec to the ledger's first frame, one run under callgrind.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
dataset=$("$builddir/bench/bench-finance-screen" --dataset "$scratch" "$rows" 2>/dev/null | tail -n 1)
in_session env GSK_RENDERER=cairo valgrind --tool=callgrind --callgrind-out-file="$scratch/callgrind.out" \
  "$builddir/bench/bench-finance-screen" --first-frame "$dataset" 0 >/dev/null 2>&1
instructions=$(awk '/^summary:/ {print $2}' "$scratch/callgrind.out")
printf '| %-44s | %-10s | %10.1f %-3s | %-4s |\n' "Exec to the ledger's first frame (callgrind)" "" \
  "$(echo "$instructions" | awk '{print $1 / 1000000}')" "M" ""
