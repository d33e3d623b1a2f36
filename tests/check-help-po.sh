#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-help-po.sh HELPDIR LANG
#
# Every paragraph of the English help pages (HELPDIR/C/*.page) is translated,
# and not fuzzy, in HELPDIR/LANG/LANG.po.
set -eu
dir=$1
lang=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/synpunkt-help-po-XXXXXX")
trap 'rm -rf "$work"' EXIT
itstool -o "$work/help.pot" "$dir"/C/*.page
msgmerge -q --no-wrap "$dir/$lang/$lang.po" "$work/help.pot" -o "$work/merged.po"
missing=$(msgattrib --untranslated --no-obsolete --no-wrap "$work/merged.po" | grep '^msgid "..*"' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete --no-wrap "$work/merged.po" | grep '^msgid "..*"' || true)
if [ -n "$missing$fuzzy" ]; then
  echo "$dir/$lang/$lang.po lacks translations of:"
  printf '%s\n%s\n' "$missing" "$fuzzy" | grep -v '^$'
  exit 1
fi
echo "$dir/$lang/$lang.po translates every paragraph of the help"
