#!/usr/bin/env bash
# Installs every Debian 12 package that building, running and testing Hearth need.
# It does nothing when they are all there already, so it is safe to run every time.
set -euo pipefail

packages=(
  # Build
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libsodium-dev libsecret-1-dev libjson-glib-dev libpwquality-dev
  libofx-dev libpoppler-glib-dev
  # Tasks: recurrence rules (RFC 5545) and the time zones they are evaluated in
  libical-dev tzdata
  # The Background portal in a Flatpak sandbox
  libportal-gtk4-dev
  # Runtime: cracklib's dictionary, which libpwquality reads (without it Hearth
  # still checks passwords, with a warning; see docs/AUTH.md)
  cracklib-runtime
  # Validation of the data files
  desktop-file-utils appstream
  # The test environment: a private D-Bus session, a real keyring, an AT-SPI bus, a display
  dbus dbus-x11 gnome-keyring at-spi2-core xvfb
  adwaita-icon-theme hicolor-icon-theme fonts-cantarell librsvg2-common
  python3 python3-pyatspi python3-dbusmock
  # Screenshots of the whole display in end-to-end tests (import -window root),
  # and key presses (xdotool key alt+8) where AT-SPI offers no action
  imagemagick xdotool
  # Inspecting a database by hand
  sqlite3
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
