# SPDX-License-Identifier: GPL-3.0-or-later
# What the Xvfb walkthroughs share, sourced by each after it has set `here`, `out`, `display` and `window`:
# a first-run user in a throw-away home with the sample report as $work/report.md, an X server on $display,
# and at exit the app ($app_pid, stopped with $app_kill, default TERM) and the server stopped, the home removed.

mkdir -p "$out"
work=$(mktemp -d)
cp "$here/../../resources/sample-report.md" "$work/report.md"
# A first run: no saved layout, no recent files, no recovery files of the user's.
export HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" DISPLAY="$display"
unset QT_QPA_PLATFORM

fail() {
    echo "FAIL: $*" >&2
    [ -f "$out/app.log" ] && tail -20 "$out/app.log" >&2
    kill -0 "${xvfb:-0}" 2>/dev/null || { echo "Xvfb is gone; its log:" >&2; tail -20 "$out/xvfb.log" >&2; }
    exit 1
}
# poll SECONDS COMMAND...: runs COMMAND every 0.2 s until it succeeds; fails after SECONDS.
poll() {
    limit=$(( $1 * 5 )); shift
    i=0
    while ! "$@" >/dev/null 2>&1; do
        i=$((i + 1)); [ "$i" -ge "$limit" ] && return 1
        sleep 0.2
    done
}

# -noreset: by default the server resets when its last client leaves, and a client that connects meanwhile
# is refused. The crash-recovery walk kills the app, its only client, and starts it again at once: on a
# loaded CI machine the restart met the reset ("could not connect to display").
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp -noreset >"$out/xvfb.log" 2>&1 &
xvfb=$!
app_pid=
cleanup() {
    [ -n "$app_pid" ] && kill -"${app_kill:-TERM}" "$app_pid" 2>/dev/null || true
    kill "$xvfb" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
poll 20 xdotool getdisplaygeometry || fail "Xvfb did not start on $display"
