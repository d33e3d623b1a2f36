#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The suite's last test: every test removes the temporary folders it
# makes, so a synpunkt-* folder still in the tests' temporary folder ($1)
# means one did not. It is named, removed so that the next run starts
# clean, and the test fails.
set -eu
left=$(find "$1" -mindepth 1 -maxdepth 1 -name 'synpunkt-*' | sort)
if [ -z "$left" ]; then
  exit 0
fi
echo "A test left these behind in $1:"
echo "$left"
echo "$left" | while read -r path; do rm -rf -- "$path"; done
exit 1
