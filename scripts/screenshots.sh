#!/usr/bin/env bash
# Takes the README's screenshots of NoLag Explorer from the real app: starts nolag-local with
# the demo project on a free port, the demo traffic source, then the explorer once per view
# with --screenshot, and writes docs/screenshots/<view>.png (1440x860).
#
#   scripts/screenshots.sh [OUTPUT_DIR]
#
# Environment: NOLAG_BUILD_DIR (default ./build, built already). Without a display it runs
# itself under xvfb-run. Nothing is kept: the server's data lives in a temporary folder.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${NOLAG_BUILD_DIR:-$top/build}
# shellcheck source=demo-common.sh
source "$top/scripts/demo-common.sh"
out_dir=${1:-$top/docs/screenshots}

if [ -z "${DISPLAY:-}" ] && [ -z "${NOLAG_SCREENSHOTS_NESTED:-}" ]; then
    export NOLAG_SCREENSHOTS_NESTED=1
    exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$@"
fi

server=$build_dir/server/nolag-local
demo=$build_dir/app/nolag-demo-traffic
explorer=$build_dir/app/nolag-explorer
for program in "$server" "$demo" "$explorer"; do
    if [ ! -x "$program" ]; then
        echo "screenshots.sh: $program is missing; build it first (scripts/build.sh)" >&2
        exit 1
    fi
done
mkdir -p "$out_dir"

work=$(mktemp -d)
track_processes "$work"

start_nolag_local screenshots.sh "$server" "$work" \
    --demo --data "$work/data" --listen 127.0.0.1:0 --log-level warning
token=$(json_field "$work/data/demo-tokens.json" "d['actors']['explorer']")
api_key=$(json_field "$work/data/demo-tokens.json" "d['apiKey']")

"$demo" --url "ws://127.0.0.1:$port/ws" --data "$work/data" 2> "$work/demo.err" &
pids+=($!)

# A saved connection besides the open one, so that the Connections page lists something.
cat > "$work/settings.ini" <<EOF
[General]
profileOrder=staging

[profiles]
staging\\id=staging
staging\\name=Staging
staging\\brokerUrl=wss://staging.example.com/ws
staging\\apiUrl=https://staging.example.com/v1
staging\\protocolVersion=2
EOF

# shot NAME [explorer options...]: one picture of a fresh explorer after its traffic flowed.
shot() {
    local name=$1
    shift
    echo "Taking $out_dir/$name.png"
    cp "$work/settings.ini" "$work/settings-$name.ini"
    NOLAG_TOKEN=$token NOLAG_API_KEY=$api_key "$explorer" \
        --url "ws://127.0.0.1:$port/ws" --api-url "http://127.0.0.1:$port/v1" \
        --name "Local demo" --no-keychain --settings "$work/settings-$name.ini" \
        --subscribe demo/general/messages --subscribe demo/general/telemetry \
        --subscribe demo/support/messages --subscribe demo/support/telemetry \
        --subscribe demo/general/typing \
        --screenshot "$out_dir/$name.png" --screenshot-delay 8000 "$@" 2> "$work/$name.err" || {
        echo "screenshots.sh: the explorer failed for $name:" >&2
        cat "$work/$name.err" >&2
        exit 1
    }
}

shot traffic --view traffic --screenshot-select --theme light
shot traffic-dark --view traffic --screenshot-select --theme dark
shot subscriptions --view subscriptions --theme light
shot browse --view browse --theme light
shot publish --view publish --theme light
shot presence --view presence --theme light
shot connections --view connections --theme light
echo "Done: the pictures are in $out_dir"
