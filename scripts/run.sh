#!/usr/bin/env bash
# The main job: installs what is missing, builds, then starts nolag-local with the demo
# project, a demo traffic source (chat, telemetry, presence) and NoLag Explorer connected to
# it, so live data shows at once. Closing the explorer stops the other two.
#
# Environment: NOLAG_BUILD_DIR (default ./build), NOLAG_DATA_DIR (nolag-local's data,
# default ~/.local/share/nolag-local/demo), NOLAG_PORT (default 8080), NOLAG_SKIP_BUILD=1
# (use what is already built).
# Extra arguments go to nolag-explorer.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${NOLAG_BUILD_DIR:-$top/build}
# shellcheck source=demo-common.sh
source "$top/scripts/demo-common.sh"
port=${NOLAG_PORT:-8080}
data_dir=${NOLAG_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/nolag-local/demo}

if [ "${NOLAG_SKIP_BUILD:-0}" != 1 ]; then
    "$top/scripts/build.sh"
fi
mkdir -p "$data_dir"
chmod 700 "$data_dir"

server=$build_dir/server/nolag-local
demo=$build_dir/app/nolag-demo-traffic
explorer=$build_dir/app/nolag-explorer
for program in "$server" "$demo" "$explorer"; do
    if [ ! -x "$program" ]; then
        echo "run.sh: $program was not built; see the build output above" >&2
        exit 1
    fi
done

# The demo project's API key: the one nolag-local keeps in demo-tokens.json, or one of our
# own (kept next to it, readable by this user only) that we hand to nolag-local.
tokens_file=$data_dir/demo-tokens.json
key_file=$data_dir/explorer-api-key
api_key=$(json_field "$tokens_file" "d.get('apiKey')")
server_args=(--demo --data "$data_dir" --listen "127.0.0.1:$port")
if [ -z "$api_key" ]; then
    if [ ! -s "$key_file" ]; then
        (umask 077; echo "nlg_live_demo$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n').$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')" > "$key_file")
    fi
    api_key=$(cat "$key_file")
    server_args+=(--api-key "$api_key")
fi

log_dir=$(mktemp -d)
track_processes "$log_dir"

echo "Starting nolag-local on 127.0.0.1:$port with the demo project (data in $data_dir)"
start_nolag_local run.sh "$server" "$log_dir" "${server_args[@]}"
cat "$log_dir/server.out"

explorer_token=$(json_field "$tokens_file" "d.get('actors', d).get('explorer')")
if [ -z "$explorer_token" ]; then
    echo "run.sh: $tokens_file has no token for the demo actor 'explorer'" >&2
    exit 1
fi

echo "Starting the demo traffic (chat, typing, telemetry and presence)"
"$demo" --url "ws://127.0.0.1:$port/ws" --data "$data_dir" 2> "$log_dir/demo.err" &
pids+=($!)

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "run.sh: no display found (DISPLAY and WAYLAND_DISPLAY are empty); run it from a" \
         "desktop session, or under xvfb-run -a" >&2
fi

echo "Starting NoLag Explorer as the demo actor 'explorer'"
subscriptions=()
for room in general support; do
    for topic in messages typing telemetry; do
        subscriptions+=(--subscribe "demo/$room/$topic")
    done
done
NOLAG_TOKEN=$explorer_token NOLAG_API_KEY=$api_key "$explorer" \
    --url "ws://127.0.0.1:$port/ws" --api-url "http://127.0.0.1:$port/v1" --name "Local demo" \
    "${subscriptions[@]}" "$@"
