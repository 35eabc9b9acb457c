#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A new user's first triage, with a real X server and a real mouse: drag a test from one gap to another,
# undo, redo, save the session through the save dialog, quit, reopen the session. A screenshot per step
# goes to OUT_DIR (look at them). Not run by CI; run it by hand:
#   tests/gui/xvfb-drag-walkthrough.sh [BUILD_DIR] [OUT_DIR]
# Needs Xvfb, xdotool and xwd (apt-get install xvfb xdotool x11-apps) and python3 (tests/gui/xwd2png.py).
# The coordinates fit the bundled sample report in the 1200x800 window of a first run with the default
# fonts (DejaVu Sans); the window's own title and the saved file are checked as text.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
out=${2:-/tmp/gapwise-walkthrough}
app=$build/app/gapwise
display=:${GAPWISE_XVFB_DISPLAY:-57}
window="^Release 4\.2 Checkout" # the sample report's title starts the window title
. "$here/xvfb-session.sh"

shot() { # shot NAME [WINDOW]: the screen's top-left 1200x800, or one window (the save dialog has its own visual)
    if [ $# -gt 1 ]; then xwd -id "$2" -silent >"$out/$1.xwd"; python3 "$here/xwd2png.py" "$out/$1.xwd" "$out/$1.png"
    else xwd -root -silent >"$out/$1.xwd"; python3 "$here/xwd2png.py" "$out/$1.xwd" "$out/$1.png" 0 0 1200 800; fi
    rm -f "$out/$1.xwd"
    echo "screenshot $out/$1.png"
}
title() { xdotool getwindowname "$(xdotool search --name "$window" | head -1)"; }
# Keys go to the main window: without a window manager nothing gives it the focus back after a dialog.
key() { xdotool windowfocus --sync "$(xdotool search --name "$window" | head -1)"; xdotool key "$@"; }
start() {
    "$app" "$1" >>"$out/app.log" 2>&1 &
    app_pid=$!
    xdotool search --sync --name "$window" >/dev/null
    sleep 2 # import, first paint
    xdotool windowmove --sync "$(xdotool search --name "$window" | head -1)" 0 0 # a reopened window comes back where it was
    sleep 0.5
}

start "$work/report.md"
shot 01-opened
echo "title: $(title)"

# Open the gap "Currency Rounding Drift" (row 2) and select its first test (row 3).
# (the window opens failures first: the gap is expanded already)
xdotool mousemove 120 176 click 1; sleep 0.5
shot 02-test-selected

# Drag that test onto "Promotion Engine Stale Cache" (row 7 once the gap above is open), in small steps.
xdotool mousemove 120 176 mousedown 1
for y in 180 186 195 205 215 225 235 245 248; do xdotool mousemove 125 $y; sleep 0.1; done
sleep 0.3
shot 03-dragging
xdotool mouseup 1; sleep 0.8
shot 04-dropped
echo "title after the drop: $(title)"

key ctrl+z; sleep 0.7
shot 05-undone
echo "title after undo: $(title)"
key ctrl+shift+z; sleep 0.7
shot 06-redone
echo "title after redo: $(title)"

# Save: no session file yet, so the save dialog asks for a name.
key ctrl+s
dialog=$(xdotool search --sync --name '^Save Triage Session')
sleep 1
shot 07-save-dialog "$dialog"
xdotool key ctrl+a; xdotool type --delay 30 'first-triage'; xdotool key Return; sleep 1
shot 08-saved
echo "title after saving: $(title)"
ls -l "$work/first-triage.gapwise"
grep -q '"edit": "move"' "$work/first-triage.gapwise" && echo "the session file holds the move"

key ctrl+q
wait "$app_pid" || true
app_pid=
echo "quit; recovery files left: $(ls "$XDG_DATA_HOME"/*/*/recovery 2>/dev/null | wc -l)"

start "$work/first-triage.gapwise"
xdotool mousemove 35 176 click 1; sleep 0.5 # open "Promotion Engine Stale Cache" to show the moved test
shot 09-reopened
echo "title after reopening: $(title)"
key ctrl+q
wait "$app_pid" || true
app_pid=
