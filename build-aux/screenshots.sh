#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Takes the AppStream screenshots (data/screenshots/) of the built app on a
# demo district under Xvfb: the welcome page, the case list, a case page,
# its investigation and the analytics. Needs xvfb-run, dbus-run-session and
# ImageMagick's import. Usage: build-aux/screenshots.sh [OUTDIR] [LANGUAGE]
# (defaults: data/screenshots, en). Run it from the source tree after
# building in _build.
set -euo pipefail
cd "$(dirname "$0")/.."

out=$(realpath -m "${1:-data/screenshots}")
lang=${2:-en}
mkdir -p "$out"

if [ -z "${SP_SHOTS_INNER:-}" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  SP_SHOTS_INNER=1 SP_SHOTS_TMP=$tmp \
    dbus-run-session -- xvfb-run -a -s "-screen 0 1400x900x24" "$0" "$out" "$lang"
  exit $?
fi

tmp=$SP_SHOTS_TMP
app=_build/src/app/synpunkt
app_id=$(sed -n 's/^#define APP_ID "\(.*\)"$/\1/p' _build/config.h 2>/dev/null || true)
app_id=${app_id:-se.synpunkt.Synpunkt.Devel}
export LANGUAGE=$lang LANG=C.UTF-8 GTK_A11Y=none NO_AT_BRIDGE=1
export GSETTINGS_SCHEMA_DIR=_build/data GSETTINGS_BACKEND=keyfile
export XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data XDG_CACHE_HOME=$tmp/cache
export SYNPUNKT_LOCALEDIR=${SYNPUNKT_LOCALEDIR:-$PWD/_build/po}

settings() {
  mkdir -p "$XDG_CONFIG_HOME/glib-2.0/settings"
  cat > "$XDG_CONFIG_HOME/glib-2.0/settings/keyfile" <<KEYS
[se/synpunkt/Synpunkt]
window-width=1400
window-height=900
window-maximized=true
last-view='$1'
notify-deadlines=false
KEYS
}

# Waits until the app's window has drawn, then a little for the lists.
settle() {
  for _ in $(seq 1 120); do
    if gdbus call --session --dest "$app_id" --object-path "/${app_id//./\/}" \
         --method org.freedesktop.DBus.Peer.Ping >/dev/null 2>&1; then
      break
    fi
    sleep 0.5
  done
  sleep "${1:-4}"
}

shoot() {
  import -window root "$out/$1.png"
  echo "$out/$1.png"
}

run_app() {
  "$app" "$@" >"$tmp/app.log" 2>&1 &
  pid=$!
}

stop_app() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# Scrolls the pointer's widget down by @3 wheel steps at (@1, @2): a few
# lines of XTest, compiled here (libXtst ships without its header).
scroll() {
  if [ ! -x "$tmp/scroll" ]; then
    cat > "$tmp/scroll.c" <<'C'
#include <stdlib.h>
#include <unistd.h>
#include <X11/Xlib.h>
extern int XTestFakeMotionEvent (Display *, int, int, int, unsigned long);
extern int XTestFakeButtonEvent (Display *, unsigned int, Bool, unsigned long);
int
main (int argc, char *argv[])
{
  Display *display = XOpenDisplay (NULL);
  int steps = atoi (argv[3]);

  if (display == NULL || argc != 4)
    return 1;
  XTestFakeMotionEvent (display, -1, atoi (argv[1]), atoi (argv[2]), 0);
  XSync (display, False);
  usleep (200000);
  for (int i = 0; i < steps; i++)
    {
      XTestFakeButtonEvent (display, 5, True, 0);
      XTestFakeButtonEvent (display, 5, False, 0);
      XSync (display, False);
      usleep (50000);
    }
  XCloseDisplay (display);
  return 0;
}
C
    cc -o "$tmp/scroll" "$tmp/scroll.c" -lX11 /usr/lib/x86_64-linux-gnu/libXtst.so.6
  fi
  "$tmp/scroll" "$@"
}

action() {
  gapplication action "$app_id" "$@"
}

# The welcome page: an empty database.
settings all
SYNPUNKT_DB=$tmp/empty.db run_app
settle 6
shoot "welcome"
stop_app

# The demo district.
export SYNPUNKT_DB=$tmp/demo.db
settings all
run_app --demo 2000
settle 4
for _ in $(seq 1 240); do
  n=$(sqlite3 "$SYNPUNKT_DB" "SELECT count(*) FROM cases" 2>/dev/null || echo 0)
  [ "$n" -ge 2000 ] && break
  sleep 0.5
done
# The fill ends by putting the local user in the demo's busiest unit.
for _ in $(seq 1 60); do
  unit=$(sqlite3 "$SYNPUNKT_DB" "SELECT u.unit_id FROM users u JOIN settings s
    ON s.key = 'local.user_id' AND s.value = u.id" 2>/dev/null || true)
  [ -n "$unit" ] && break
  sleep 0.5
done
stop_app

# Started again on the filled district: no toast about the fill.
run_app
settle 6
shoot "case-list"

# A case under investigation, with its investigation written.
case_id=$(sqlite3 "$SYNPUNKT_DB" "SELECT c.id FROM cases c JOIN investigations i ON i.case_id = c.id
  WHERE c.status IN ('investigating', 'assessed') AND i.facts IS NOT NULL
  AND c.diary_number IS NOT NULL AND c.sender_anonymous = 0
  ORDER BY i.analysis IS NOT NULL DESC, c.received_on DESC LIMIT 1")
action show-case "'$case_id'"
sleep 4
shoot "case-page"
# Further down the page: the investigation.
scroll 800 500 "${SP_SHOTS_SCROLL:-17}"
sleep 2
shoot "investigation"
stop_app

settings analytics
run_app
settle 6
shoot "analytics"
stop_app
