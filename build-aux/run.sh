#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds and launches Synpunkt on its own local
# database ("this computer only"), filled with a demo district the first time.
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/install-deps.sh
build-aux/build.sh
exec _build/src/app/synpunkt --demo 2000 "$@"
