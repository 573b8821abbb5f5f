#!/usr/bin/env bash
# Runs a command inside a private test environment, so that no test touches the
# user's own session, keyring or data:
#   - a private D-Bus session bus (dbus-run-session),
#   - HOME and the XDG folders in a new temporary folder,
#   - gnome-keyring-daemon on that bus, with its login keyring unlocked,
#   - an AT-SPI accessibility bus, for end-to-end tests that drive the app,
#   - an Xvfb display of its own.
# Usage: build-aux/test-env.sh COMMAND [ARGS...]   (meson uses it for every test)
set -euo pipefail

if [ "${HEARTH_TEST_ENV_INSIDE:-}" != "1" ]; then
  export HEARTH_TEST_ENV_INSIDE=1
  exec dbus-run-session -- "$0" "$@"
fi

root=$(mktemp -d "${TMPDIR:-/tmp}/hearth-test-env.XXXXXX")
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  rm -rf "$root"
}
trap cleanup EXIT

export HOME="$root/home"
export XDG_DATA_HOME="$root/data"
export XDG_CONFIG_HOME="$root/config"
export XDG_CACHE_HOME="$root/cache"
export XDG_RUNTIME_DIR="$root/runtime"
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 0700 "$XDG_RUNTIME_DIR"

# The keyring: started on this bus, with a login keyring whose password is known
# to the tests, unlocked. It prints its environment; GNOME_KEYRING_CONTROL is what
# libsecret's clients need besides the bus.
eval "$(printf 'hearth-test' | gnome-keyring-daemon --unlock --components=secrets --daemonize)"
export GNOME_KEYRING_CONTROL
if [ -n "${GNOME_KEYRING_PID:-}" ]; then
  pids+=("$GNOME_KEYRING_PID")
fi

# The accessibility bus, so that pyatspi finds the application's widgets.
/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
pids+=("$!")
export NO_AT_BRIDGE=0
export GTK_A11Y=atspi
# libadwaita would ask the settings portal for the colour scheme, which starts
# xdg-desktop-portal on this bus; it cannot reach the display from there.
export ADW_DISABLE_PORTAL=1

# The display: Xvfb picks a free display number itself and writes it to fd 3
# (-displayfd), so tests that start at the same moment never race for one, as
# xvfb-run --auto-servernum's guess can.
Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$root/display" 2>"$root/xvfb.log" &
pids+=("$!")
for _ in $(seq 200); do
  [ -s "$root/display" ] && break
  sleep 0.05
done
if [ ! -s "$root/display" ]; then
  echo "Xvfb did not start:" >&2
  cat "$root/xvfb.log" >&2
  exit 1
fi
export DISPLAY=":$(head -n 1 "$root/display")"

status=0
"$@" || status=$?
exit "$status"
