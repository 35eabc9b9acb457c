#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Crash recovery end to end, with a real X server, a real mouse and a real SIGKILL (issue 14): triage a
# report (a rename and a drag), wait for the autosave, kill -9, start `gapwise` again with no argument,
# restore from the banner (Alt+R), and check the restored triage: the window says it is unsaved, the
# recovery file is written again, and the session saved from the window exports a plan that states the edits.
#   tests/gui/xvfb-crash-recovery.sh [BUILD_DIR] [OUT_DIR]
# Needs Xvfb, xdotool, xwd (apt-get install xvfb xauth xdotool x11-apps) and python3. Exits non-zero on any
# failure; every wait is bounded, so it never hangs. CI runs it (.ci/run). Screenshots go to OUT_DIR.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
out=${2:-/tmp/gapwise-crash-recovery}
app=$build/app/gapwise
display=:${GAPWISE_XVFB_DISPLAY:-61}
window="^Release 4\.2 Checkout" # the sample report's title starts the window title
app_kill=KILL # what the script kills it with: a crash leaves no chance to clean up
. "$here/xvfb-session.sh"
recovering() { grep -rl --include='*.gapwise' "$1" "$XDG_DATA_HOME" 2>/dev/null | grep -q /recovery/; } # a recovery file holds TEXT

shot() {
    xwd -root -silent >"$out/$1.xwd" && python3 "$here/xwd2png.py" "$out/$1.xwd" "$out/$1.png" 0 0 1200 800
    rm -f "$out/$1.xwd"
    echo "screenshot $out/$1.png"
}
# win: the window's id; fails while there is none (a bare pipe into head would succeed on no output, and
# the next xdotool call would then act on window 0 and abort the script: a slow start in CI did that).
win() { w=$(xdotool search --name "$window" 2>/dev/null | head -1); [ -n "$w" ] && echo "$w"; }
title() { xdotool getwindowname "$(win)"; }
key() { xdotool windowfocus --sync "$(win)"; xdotool key "$@"; }
title_has() { title | grep -q -- "$1"; }
shown_or_gone() { win || ! kill -0 "$app_pid" 2>/dev/null; } # the app's window is up, or the app has exited
start() { # start [FILE]: the app, its window found and moved to the corner, the import given time to end
    poll 20 xdotool getdisplaygeometry || fail "the X server on $display does not answer"
    "$app" "$@" >>"$out/app.log" 2>&1 &
    app_pid=$!
    poll 30 shown_or_gone || true
    if ! win >/dev/null 2>&1 && ! kill -0 "$app_pid" 2>/dev/null && tail -5 "$out/app.log" | grep -q 'could not connect to display'; then
        # The X server refused the connection (stop 30 in CI, once), which says nothing of Gapwise: say so,
        # and start it once more when the server answers again.
        echo "the X server refused gapwise's connection; starting it once more" >&2
        poll 20 xdotool getdisplaygeometry || fail "the X server on $display does not answer"
        "$app" "$@" >>"$out/app.log" 2>&1 &
        app_pid=$!
        poll 30 win || fail "no window for: gapwise $*"
    fi
    win >/dev/null || fail "no window for: gapwise $*"
    sleep 2 # import and first paint (the window exists before the import ends)
    w=$(win) || fail "the window of gapwise $* went away"
    xdotool windowmove --sync "$w" 0 0
    sleep 0.5
}

# 1. Triage report.md: rename the gap "Currency Rounding Drift" (F2) and drag one of its tests onto
#    "Promotion Engine Stale Cache". The window opens failures first with the groups that hold failures
#    expanded, so the gap (row 2) shows its four tests (rows 3-6) and the target gap is row 7. At the
#    window's default 1200 px the tree pane is 800 px wide and its filter bar takes two lines, so the header
#    ends at y=131 and rows are 18 px apart from y=140.
start "$work/report.md"
xdotool mousemove 120 176 click 1; sleep 0.5  # select the gap's first test
xdotool mousemove 120 176 mousedown 1
for y in 180 186 195 205 215 225 235 245 248; do xdotool mousemove 125 $y; sleep 0.1; done
sleep 0.3; xdotool mouseup 1; sleep 0.8
xdotool mousemove 220 158 click 1; sleep 0.5  # select the gap row
key F2; sleep 0.5; xdotool key ctrl+a; xdotool type --delay 20 'Rounding after crash'; xdotool key Return
sleep 0.5
shot 01-triaged
title_has '\*' || fail "the triage did not register (title: $(title))"

# 2. The autosave writes the recovery file a few seconds after the last edit; then the process is killed.
poll 15 recovering 'Rounding after crash' || fail "no recovery file written under $XDG_DATA_HOME"
recovering '"edit": "move"' || fail "the recovery file lacks the move"
kill -9 "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=
echo "killed with SIGKILL; recovery files: $(find "$XDG_DATA_HOME" -path '*/recovery/*')"

# 3. Start again with no argument: the sample opens and the banner offers the restore, after its load.
start
shot 02-restarted-offer
title_has '\*' && fail "the sample opened modified"
key alt+r
poll 20 title_has '\*' || fail "Alt+R restored nothing (title: $(title))"
sleep 0.5
shot 03-restored
# The restored work is written to a recovery file again at once (a second crash loses nothing).
poll 10 recovering 'Rounding after crash' || fail "no recovery file after restoring"

# 4. Save the restored triage from the window, and export its plan from the command line.
key ctrl+s
dialog=$(timeout 20 xdotool search --sync --name '^Save Triage Session') || fail "no save dialog"
sleep 1
xdotool windowfocus --sync "$dialog" 2>/dev/null || true
xdotool key ctrl+a; xdotool type --delay 20 "$work/restored.gapwise"; xdotool key Return
poll 10 test -f "$work/restored.gapwise" || fail "the session was not saved"
shot 04-saved
title_has 'restored.gapwise' || fail "the title does not name the saved session (title: $(title))"
QT_QPA_PLATFORM=offscreen timeout 60 "$app" export --format md --session "$work/restored.gapwise" -o "$work/plan.md" \
    || fail "export of the restored session failed"
grep -q 'Currency Rounding Drift → Rounding after crash' "$work/plan.md" || fail "the plan lacks the rename"
grep -q '1 test moved to another gap' "$work/plan.md" || fail "the plan lacks the moved test"
cp "$work/plan.md" "$out/plan.md"
key ctrl+q
timeout 10 sh -c "while kill -0 $app_pid 2>/dev/null; do sleep 0.2; done" || fail "gapwise did not quit"
app_pid=
echo "PASS: crash recovery end to end (screenshots and plan in $out)"
