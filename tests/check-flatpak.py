#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-flatpak.py MANIFEST DESKTOP_IN METAINFO_IN

The Flatpak manifest is valid JSON, builds the application id the desktop
file and the AppStream metainfo are made for, runs the program the build
installs, on a GNOME runtime whose GTK and libadwaita are those the project
is written to (GNOME 43: GTK 4.8, libadwaita 1.2), and every archive it
downloads is pinned by a SHA-256."""
import json, re, sys

manifest_path, desktop_in, metainfo_in = sys.argv[1:4]
problems = []
m = json.load(open(manifest_path, encoding="utf-8"))

if m.get("id") != "se.synpunkt.Synpunkt":
    problems.append(f"id is {m.get('id')!r}, not the release id se.synpunkt.Synpunkt")
if m.get("runtime") != "org.gnome.Platform" or m.get("runtime-version") != "43":
    problems.append("runtime is not org.gnome.Platform 43 (GTK 4.8, libadwaita 1.2)")
if m.get("command") != "synpunkt":
    problems.append(f"command is {m.get('command')!r}, not synpunkt")
for arg in ("--socket=wayland", "--socket=fallback-x11", "--share=network"):
    if arg not in m.get("finish-args", []):
        problems.append(f"finish-args lack {arg}")

modules = m.get("modules", [])
if not modules or modules[-1].get("name") != "synpunkt" or modules[-1].get("buildsystem") != "meson":
    problems.append("the last module is not synpunkt built with meson")
for module in modules:
    for source in module.get("sources", []):
        if source.get("type") in ("archive", "file") and not re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")):
            problems.append(f"{module.get('name')}: {source.get('url')} has no sha256")

desktop = open(desktop_in, encoding="utf-8").read()
if "Exec=synpunkt" not in desktop:
    problems.append("the desktop file does not run synpunkt")
metainfo = open(metainfo_in, encoding="utf-8").read()
if "<id>@APP_ID@</id>" not in metainfo and "<id>se.synpunkt.Synpunkt</id>" not in metainfo:
    problems.append("the metainfo's id is not the application id")

for p in problems:
    print(f"{manifest_path}: {p}")
if not problems:
    print(f"{manifest_path}: builds se.synpunkt.Synpunkt on GNOME 43")
sys.exit(1 if problems else 0)
