# Shared by run.sh and screenshots.sh (sourced, not run): background processes that stop with
# the script, nolag-local started and waited for, and fields of its demo-tokens.json.

# track_processes DIR: every pid added to the array `pids` is stopped, and DIR removed, when
# the script ends or is interrupted.
track_processes() {
    tracked_dir=$1
    pids=()
    trap stop_tracked_processes EXIT INT TERM
}

stop_tracked_processes() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    wait 2>/dev/null || true
    rm -rf "$tracked_dir"
}

# start_nolag_local NAME SERVER LOG_DIR ARGS...: starts the server in the background with its
# output in LOG_DIR/server.out and .err, waits up to 10 s for "Listening on", and sets `port`.
# NAME prefixes the error printed (and the script exits) when it does not start.
start_nolag_local() {
    local name=$1 server=$2 log_dir=$3
    shift 3
    "$server" "$@" > "$log_dir/server.out" 2> "$log_dir/server.err" &
    local server_pid=$!
    pids+=("$server_pid")
    port=""
    for _ in $(seq 100); do
        port=$(sed -n 's|^Listening on http://[^:]*:\([0-9]*\).*|\1|p' "$log_dir/server.out")
        if [ -n "$port" ]; then
            return 0
        fi
        if ! kill -0 "$server_pid" 2>/dev/null; then
            echo "$name: nolag-local stopped:" >&2
            cat "$log_dir/server.err" >&2
            exit 1
        fi
        sleep 0.1
    done
    echo "$name: nolag-local did not start listening within 10 s:" >&2
    cat "$log_dir/server.err" >&2
    exit 1
}

# json_field FILE EXPRESSION: prints a field of a JSON file (EXPRESSION over `d`), or nothing.
json_field() {
    python3 -c "import json,sys
try:
    d = json.load(open(sys.argv[1]))
    print($2 or '')
except Exception:
    pass" "$1" 2>/dev/null || true
}
