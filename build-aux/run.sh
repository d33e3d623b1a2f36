#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds and launches Synpunkt on its own local
# database ("this computer only"), filled with a demo district the first time.
# Besides what the build needs, the help viewer (yelp), so that F1 and
# Help in the main menu open the user guide.
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/install-deps.sh
if ! dpkg-query -W -f='${Status}' yelp 2>/dev/null | grep -q "install ok installed"; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing: yelp"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends yelp
fi
build-aux/build.sh
exec _build/src/app/synpunkt --demo 2000 "$@"
