#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-screenshots.py METAINFO DIR INSTALLED...

Every screenshot the AppStream metainfo names is a PNG in DIR (the shipped
data/screenshots), installed (one of INSTALLED), of the size the metainfo
gives, with a caption; one is the default; nothing in DIR goes unnamed.
"""

import os
import struct
import sys
import xml.etree.ElementTree as ET


def png_size(path):
    with open(path, 'rb') as f:
        head = f.read(24)
    if len(head) < 24 or head[:8] != b'\x89PNG\r\n\x1a\n' or head[12:16] != b'IHDR':
        return None
    return struct.unpack('>II', head[16:24])


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    metainfo, directory, installed = argv[1], argv[2], argv[3:]
    installed_names = {os.path.basename(p) for p in installed}
    problems = []
    named = []
    defaults = 0

    root = ET.parse(metainfo).getroot()
    shots = root.findall('./screenshots/screenshot')
    if not shots:
        problems.append('the metainfo names no screenshot')
    for shot in shots:
        if shot.get('type') == 'default':
            defaults += 1
        if not (shot.findtext('caption') or '').strip():
            problems.append('a screenshot has no caption')
        for image in shot.findall('image'):
            url = (image.text or '').strip()
            name = url.rsplit('/', 1)[-1]
            path = os.path.join(directory, name)
            named.append(name)
            if not url.startswith('https://'):
                problems.append(f'{url}: not an https address')
            if not os.path.isfile(path):
                problems.append(f'{url}: no {name} in {directory}')
                continue
            if name not in installed_names:
                problems.append(f'{name}: not installed')
            size = png_size(path)
            if size is None:
                problems.append(f'{name}: not a PNG')
                continue
            want = (image.get('width'), image.get('height'))
            if want != (None, None) and want != (str(size[0]), str(size[1])):
                problems.append(f'{name}: {size[0]}x{size[1]}, the metainfo says '
                                f'{want[0]}x{want[1]}')
            if size[0] < 624 or size[1] < 351:
                problems.append(f'{name}: {size[0]}x{size[1]} is smaller than AppStream asks')
    if defaults != 1:
        problems.append(f'{defaults} default screenshots, not one')
    for name in sorted(os.listdir(directory)):
        if name.endswith('.png') and name not in named:
            problems.append(f'{name}: shipped but not named in the metainfo')
    for name in sorted(installed_names - set(named)):
        problems.append(f'{name}: installed but not named in the metainfo')

    for problem in problems:
        print(problem, file=sys.stderr)
    print(f'{len(named)} screenshots checked')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
