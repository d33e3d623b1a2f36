#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-man.sh PROGRAM PAGE
#
# The manual page PAGE of PROGRAM formats without a warning, and names every
# long option and every command that "PROGRAM --help" lists, so that the page
# cannot fall behind the program.
set -eu
program=$1
page=$2

warnings=$(LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "$page" 2>&1) || true
if [ -n "$warnings" ]; then
  echo "$page: groff warns:"; echo "$warnings"; exit 1
fi

text=$(LC_ALL=C.UTF-8 MANWIDTH=200 groff -man -Tutf8 -rLL=200n "$page" 2>/dev/null | sed 's/.\x08//g')
help=$(LC_ALL=C.UTF-8 "$program" --help-all 2>/dev/null || LC_ALL=C.UTF-8 "$program" --help 2>&1 || true)

status=0
for option in $(printf '%s\n' "$help" | grep -o -- '--[a-z][a-z-]*' | sort -u); do
  case $option in --help-*|--gapplication-service) continue ;; esac
  printf '%s\n' "$text" | grep -q -- "$option" || { echo "$page does not name $option"; status=1; }
done

# The commands: the lines of an "Admin commands:" block, by their first words.
printf '%s\n' "$help" | sed -n '/^Admin commands:/,/^$/p' | sed 1d |
  sed 's/ --.*//; s/^ *//; s/ *$//' | grep -v '^$' > "${TMPDIR:-/tmp}/check-man.$$" || true
while read -r command; do
  printf '%s\n' "$text" | grep -q -- "$command" || { echo "$page does not describe the command \"$command\""; status=1; }
done < "${TMPDIR:-/tmp}/check-man.$$"
rm -f "${TMPDIR:-/tmp}/check-man.$$"

[ $status -eq 0 ] && echo "$page names every option and command of $(basename "$program")"
exit $status
