#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates the committed hicolor PNGs from gapwise.svg (needs librsvg2-bin). Run by hand after editing the
# SVG; the build only installs the committed files, so it needs no SVG renderer.
set -eu
cd "$(dirname "$0")"
for size in 16 22 24 32 48 64 128 256 512; do
    rsvg-convert --width "$size" --height "$size" gapwise.svg --output "gapwise-$size.png"
done
