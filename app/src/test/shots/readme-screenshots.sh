#!/usr/bin/env bash
# Takes the README's screenshots from the running app: each screen is opened in a real window on a virtual X display
# (Xvfb, 1280x800) and the display is photographed with ImageMagick's `import`.
# Needs: Debian packages xvfb, libgtk-3-0, libxtst6, imagemagick; a built app (mvn -DskipTests package, then
# mvn -pl app test-compile). Run from anywhere: bash app/src/test/shots/readme-screenshots.sh [name-filter]
set -euo pipefail
app="$(cd "$(dirname "$0")/../../.." && pwd)"
out="$app/../assets/screenshots"
filter="${1:-}"
cd "$app"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -q -o dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null 2>&1 \
  || mvn -q dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat "$cp_file")"
captures="$app/../assets/src/main/resources/captures/node-socketio-4.8.4"

# shot NAME SECONDS MAIN ARGS...: the window after SECONDS, written to assets/screenshots/NAME.png
shot() {
  local name="$1" wait="$2" main="$3"
  shift 3
  if [ -n "$filter" ] && [[ "$name" != *"$filter"* ]]; then return; fi
  xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    java -Dnetsim.progress.dir="$(mktemp -d)" -cp "$0" "$1" "${@:4}" & pid=$!
    sleep "$3"
    import -window root "$2"
    kill $pid; wait $pid 2>/dev/null || true' "$cp" "$main" "$out/$name.png" "$wait" "$@"
  echo "$out/$name.png"
}

shot welcome 8 org.netsim.app.Main
shot main-stack 10 org.netsim.app.gui.ScreenshotMain one-client.yaml 635
shot broadcast-inspector 10 org.netsim.app.gui.ScreenshotMain broadcast-three-clients.yaml 613 inspector
shot rooms-dark-emit 10 org.netsim.app.gui.ScreenshotMain rooms.yaml 568 dark emit
shot comparison 12 org.netsim.app.gui.ComparisonScreenshotMain "open=$captures/websocket-only.pcap" event=bin
shot lesson 10 org.netsim.app.gui.LessonScreenshotMain messaging 1
