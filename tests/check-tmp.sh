#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-tmp.sh check|clean DIR
#
# Every test removes the temporary folders it makes. "check", the suite's
# last test, fails if a synpunkt-* folder is still in the tests' temporary
# folder DIR, naming and removing what it finds. "clean", its first, removes
# what an earlier run's failed tests (which end without cleaning up) left,
# so that "check" only sees this run's.
set -eu
left=$(find "$2" -mindepth 1 -maxdepth 1 -name 'synpunkt-*' | sort)
[ -n "$left" ] || exit 0
[ "$1" = check ] && echo "A test left these behind in $2:" && echo "$left"
echo "$left" | while read -r path; do rm -rf -- "$path"; done
[ "$1" = clean ]
