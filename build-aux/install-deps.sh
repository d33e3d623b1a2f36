#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages Synpunkt needs to build, run and test,
# asking apt only for those that are missing.
set -euo pipefail

packages=(
  build-essential pkg-config meson ninja-build gettext itstool
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libgtk-4-bin libadwaita-1-dev
  libsoup-3.0-dev libjson-glib-dev libsqlite3-dev libsodium-dev libsecret-1-dev libgnutls28-dev
  libldap-dev slapd ldap-utils gnutls-bin
  glib-networking yelp-tools appstream appstream-util desktop-file-utils xdg-utils
  xvfb xauth groff-base tzdata
  poppler-utils libpango1.0-dev libcairo2-dev
  clang libclang-rt-14-dev
  chromium fonts-dejavu-core nodejs
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The browser test's puppeteer-core, from the lock file, into
# tests/browser/node_modules: nothing is downloaded when the tests run.
# (It drives the system chromium; it never fetches a browser of its own.)
if [ -f "$(dirname "$0")/../tests/browser/package-lock.json" ]; then
  if ! command -v npm >/dev/null; then
    DEBIAN_FRONTEND=noninteractive ${sudo:-} apt-get install -y -qq --no-install-recommends npm
  fi
  (cd "$(dirname "$0")/../tests/browser" &&
   PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
fi
