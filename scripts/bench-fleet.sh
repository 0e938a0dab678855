#!/usr/bin/env bash
# A whole fleet syncing from one static web server: N kiosks (state folders, `kioskctl sync` processes) against
# a local nginx that serves the signed Aachen bundle. Three phases, every kiosk at once in each:
#   1. first install      every kiosk fetches the whole bundle
#   2. nothing changed    every kiosk asks again (If-None-Match: 304, nothing else)
#   3. one-service change one service's phone number changes; the publisher builds, signs and publishes
#                         version+1; every kiosk fetches what it does not have yet
# It prints a table and writes JSON: kiosks ok/failed, bytes per kiosk, wall time, p50/p99 sync time, and what
# nginx did (requests, bytes sent from its access log, CPU time from /proc). A measurement, not a test: it
# fails only when it cannot run. docs/fleet.md explains the setup and the figures.
#
#   scripts/bench-fleet.sh [--kiosks N] [--kioskctl PATH] [--out FILE.json] [--keep]
#
# Needs nginx (Debian: apt-get install nginx-light; it is not started as a service, the bench runs its own),
# /usr/bin/python3 (for the summary) and kioskctl with `sync` (default: the release build, else the dev build).
# Everything happens in a temporary folder (about 16 MiB per kiosk), removed at the end unless --keep.
set -euo pipefail

usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; }

repo=$(cd "$(dirname "$0")/.." && pwd)
kiosks=200
kioskctl=""
out=""
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --kiosks) kiosks=${2:?--kiosks needs a number}; shift 2 ;;
    --kioskctl) kioskctl=${2:?--kioskctl needs a path}; shift 2 ;;
    --out) out=${2:?--out needs a file}; shift 2 ;;
    --keep) keep=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "bench-fleet: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ $kiosks =~ ^[1-9][0-9]*$ ]] || { echo "bench-fleet: --kiosks wants a positive number" >&2; exit 2; }

die() { echo "bench-fleet: $*" >&2; exit 1; }
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# --- what we need --------------------------------------------------------------------------------------------
PY=/usr/bin/python3  # Debian's, not whatever `python3` is first on PATH
[ -x "$PY" ] || die "needs $PY (Debian: apt-get install python3)"
nginx_bin=$(command -v nginx || true)
[ -n "$nginx_bin" ] || { [ -x /usr/sbin/nginx ] && nginx_bin=/usr/sbin/nginx; }
[ -n "$nginx_bin" ] || die "needs nginx: apt-get install nginx-light (the bench starts its own nginx; no service is used)"
if [ -z "$kioskctl" ]; then
  for c in "$repo/build/release/kiosk/tools/kioskctl/kioskctl" "$repo/build/dev/kiosk/tools/kioskctl/kioskctl"; do
    if [ -x "$c" ] && "$c" sync --help >/dev/null 2>&1; then kioskctl=$c; break; fi
  done
  [ -n "$kioskctl" ] || die "no kioskctl with 'sync' in build/release or build/dev; build one or pass --kioskctl PATH"
fi
[ -x "$kioskctl" ] || die "$kioskctl is not an executable"
"$kioskctl" sync --help >/dev/null 2>&1 || die "$kioskctl has no 'sync' command (an old build?)"
[ -z "$out" ] || out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
content=$repo/content/aachen
[ -f "$content/bundle.yaml" ] || die "$content/bundle.yaml is missing"

# --- the temporary world, and its cleanup ---------------------------------------------------------------------
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-fleet.XXXXXX")
nginx_pid=""
kiosk_pids=()
# Stops the kiosk subshells of an interrupted phase and the kioskctl each of them runs (by parent pid, from /proc).
stop_kiosks() {
  local f line rest pid want=" ${kiosk_pids[*]} "
  [ "${#kiosk_pids[@]}" -gt 0 ] || return 0
  for f in /proc/[0-9]*/stat; do
    { read -r line <"$f"; } 2>/dev/null || continue
    pid=${f#/proc/}
    pid=${pid%/stat}
    rest=${line##*) }
    # shellcheck disable=SC2086
    set -- $rest  # $2 is the parent pid
    if [[ $want == *" $2 "* ]]; then kill "$pid" 2>/dev/null || true; fi
  done
  for pid in "${kiosk_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_kiosks
  if [ -n "$nginx_pid" ] && kill -0 "$nginx_pid" 2>/dev/null; then
    kill -QUIT "$nginx_pid" 2>/dev/null || true  # graceful: the master stops its workers
    for _ in $(seq 50); do kill -0 "$nginx_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$nginx_pid" 2>/dev/null || true
    wait "$nginx_pid" 2>/dev/null || true
  fi
  if [ "$keep" = 1 ]; then echo "bench-fleet: kept $tmp" >&2; else rm -rf "$tmp"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$tmp/bin" "$tmp/keys" "$tmp/src" "$tmp/publish" "$tmp/releases" "$tmp/docroot" "$tmp/fleet" \
  "$tmp/results" "$tmp/nginx"
cp "$kioskctl" "$tmp/bin/kioskctl"  # a rebuild while the bench runs does not change what is measured
K=$tmp/bin/kioskctl

# --- the publisher: key, work copy of the content, v1 -------------------------------------------------------
log "kioskctl: $kioskctl; nginx: $nginx_bin ($("$nginx_bin" -v 2>&1 | sed 's/.*: //')); $kiosks kiosks; in $tmp"
"$K" keygen --out "$tmp/keys" >/dev/null
cp -a "$content" "$tmp/src/aachen"
src=$tmp/src/aachen
kmap=$(awk '/^map:/ {m = 1; next} m && /^[^ #]/ {m = 0} m && $1 == "compiled:" {print $2; exit}' "$src/bundle.yaml")
if [ -n "$kmap" ] && [ ! -f "$src/$kmap" ]; then
  log "no compiled map at content/aachen/$kmap: compiling it once (kioskctl map build)"
  "$K" map build --bundle "$src" >/dev/null
fi

# Build and sign into the publisher's output folder (which keeps the "version must increase" guard), then
# publish: copy to a new release folder and switch docroot/aachen to it with one rename(2) of a symlink, so
# the server never shows a half-copied bundle or a manifest without its signature.
publish() {
  local v
  "$K" bundle build "$src" "$tmp/publish/aachen" --locales "$repo/locales" >/dev/null
  "$K" bundle sign "$tmp/publish/aachen" --key "$tmp/keys/bundle-signing.key" >/dev/null
  v=$(awk '$1 == "version:" {print $2; exit}' "$src/bundle.yaml")
  cp -a "$tmp/publish/aachen" "$tmp/releases/aachen-v$v"
  ln -sfn "../releases/aachen-v$v" "$tmp/docroot/.aachen.new"
  mv -T "$tmp/docroot/.aachen.new" "$tmp/docroot/aachen"
  log "published version $v ($(du -sb --apparent-size "$tmp/releases/aachen-v$v" | cut -f1) bytes)"
}
publish
v1=$(awk '$1 == "version:" {print $2; exit}' "$src/bundle.yaml")

# --- nginx ------------------------------------------------------------------------------------------------
free_port() {
  "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
nginx_has() { ! "$nginx_bin" -V 2>&1 | grep -q -- "--without-http_$1_module"; }
write_nginx_conf() {
  local port=$1 n=$tmp/nginx conns=$((kiosks + 256 > 1024 ? kiosks + 256 : 1024))
  {
    [ "$(id -u)" = 0 ] && echo "user root;"  # the temp folder is private; workers must read it
    cat <<EOF
worker_processes 2;
pid $n/nginx.pid;
error_log $n/error.log warn;
worker_rlimit_nofile $((2 * conns));
events { worker_connections $conns; }
http {
  default_type application/octet-stream;
  log_format fleet '\$msec \$status \$request_method \$uri \$body_bytes_sent \$bytes_sent \$request_time \$connection \$connection_requests';
  access_log $n/access.log fleet;
  client_body_temp_path $n/client_body;
EOF
    for m in proxy fastcgi uwsgi scgi; do nginx_has "$m" && echo "  ${m}_temp_path $n/$m;"; done
    cat <<EOF
  sendfile on;
  tcp_nopush on;
  etag on;
  keepalive_timeout 65;
  keepalive_requests 10000;
  server {
    listen 127.0.0.1:$port backlog=4096;
    root $tmp/docroot;
    # What docs/fleet.md advises for a path-published bundle: everything revalidates (ETag), nothing stale.
    add_header Cache-Control "no-cache";
  }
}
EOF
  } >"$n/nginx.conf"
}
nginx_up() { "$PY" -c 'import socket, sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1).close()' "$1" 2>/dev/null; }
port=""
for _ in 1 2 3 4 5; do
  p=$(free_port)
  write_nginx_conf "$p"
  : >"$tmp/nginx/error.log"
  "$nginx_bin" -p "$tmp/nginx/" -c "$tmp/nginx/nginx.conf" -e "$tmp/nginx/error.log" -g 'daemon off;' \
    2>"$tmp/nginx/stderr.log" &
  nginx_pid=$!
  for _ in $(seq 50); do
    if nginx_up "$p"; then port=$p; break; fi
    kill -0 "$nginx_pid" 2>/dev/null || break
    sleep 0.1
  done
  [ -n "$port" ] && break
  kill "$nginx_pid" 2>/dev/null || true
  wait "$nginx_pid" 2>/dev/null || true
  nginx_pid=""
done
[ -n "$port" ] || die "nginx did not start: $(tail -n 5 "$tmp/nginx/error.log" "$tmp/nginx/stderr.log")"
log "nginx (pid $nginx_pid) serves $tmp/docroot on 127.0.0.1:$port"

# CPU time (clock ticks) of the nginx master and its workers, from /proc/PID/stat (utime + stime).
nginx_ticks() {
  local f line rest pid total=0
  for f in /proc/[0-9]*/stat; do
    { read -r line <"$f"; } 2>/dev/null || continue
    pid=${f#/proc/}
    pid=${pid%/stat}
    rest=${line##*) }
    # shellcheck disable=SC2086
    set -- $rest  # $1 is field 3 (state), $2 ppid, $12 utime, $13 stime
    if [ "$pid" = "$nginx_pid" ] || [ "$2" = "$nginx_pid" ]; then total=$((total + ${12} + ${13})); fi
  done
  echo "$total"
}
# CPU seconds of every child process this shell has waited for (the kiosks): the second line of `times`.
children_cpu() {
  times >"$tmp/times"  # not in a subshell: a forked shell has no waited-for children
  awk 'NR == 2 {s = 0; for (i = 1; i <= 2; i++) {split($i, a, /[ms]/); s += a[1] * 60 + a[2]} printf "%.3f\n", s}' "$tmp/times"
}
# CPU time of the whole machine (all processes, all cores) in clock ticks: "busy total" from /proc/stat.
machine_ticks() { awk '$1 == "cpu" {print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9; exit}' /proc/stat; }
now() { date +%s.%N; }

# --- the fleet ---------------------------------------------------------------------------------------------
for i in $(seq -w 1 "$kiosks"); do
  d=$tmp/fleet/kiosk-$i
  mkdir -p "$d/state"
  cat >"$d/kiosk.yaml" <<EOF
kiosk_id: kiosk-$i
sync:
  source: http://127.0.0.1:$port/aachen/
  state_dir: $d/state
  trusted_keys: [$tmp/keys/bundle-signing.pub]
  timeout_seconds: 30
  retries: 4
  retry_delay_seconds: 1
  reserve_mib: 0
EOF
done

# One phase: every kiosk syncs at once. The processes are started first and wait on a pipe; one write lets
# them all go, so the start is not spread over the time it takes to fork N processes.
run_phase() {
  local name=$1 dir=$tmp/results/$1 i log0 log1 cpu0 cpu1 kcpu0 kcpu1 t0 t1 m0 m1
  mkdir -p "$dir"
  log "phase $name: $kiosks kiosks sync at once"
  rm -f "$tmp/go"
  mkfifo "$tmp/go"
  exec 3<>"$tmp/go"
  kiosk_pids=()
  for i in $(seq -w 1 "$kiosks"); do
    (
      read -r -u 3 _
      exec 3<&-
      rc=0
      "$K" sync --config "$tmp/fleet/kiosk-$i/kiosk.yaml" --json >"$dir/kiosk-$i.json" 2>"$dir/kiosk-$i.err" || rc=$?
      echo "$rc" >"$dir/kiosk-$i.rc"
    ) &
    kiosk_pids+=($!)
  done
  log0=$(stat -c %s "$tmp/nginx/access.log")
  cpu0=$(nginx_ticks)
  children_cpu >"$tmp/kcpu"
  kcpu0=$(cat "$tmp/kcpu")
  m0=$(machine_ticks)
  t0=$(now)
  printf '%*s' "$kiosks" '' | tr ' ' '\n' >&3
  for p in "${kiosk_pids[@]}"; do wait "$p" || true; done
  t1=$(now)
  m1=$(machine_ticks)
  kiosk_pids=()
  exec 3<&-
  rm -f "$tmp/go"
  sleep 0.2  # the last access-log lines
  cpu1=$(nginx_ticks)
  children_cpu >"$tmp/kcpu"
  kcpu1=$(cat "$tmp/kcpu")
  log1=$(stat -c %s "$tmp/nginx/access.log")
  head -c "$log1" "$tmp/nginx/access.log" | tail -c +"$((log0 + 1))" >"$dir/access.log"
  cat >"$dir/meta.json" <<EOF
{"name": "$name", "wall_seconds": $(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}'),
 "nginx_cpu_ticks": $((cpu1 - cpu0)), "machine_busy_ticks": $((${m1% *} - ${m0% *})),
 "machine_total_ticks": $((${m1#* } - ${m0#* })), "kiosk_cpu_seconds": $(awk -v a="$kcpu0" -v b="$kcpu1" 'BEGIN {printf "%.3f", b - a}')}
EOF
  log "phase $name: $(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}') s"
}

run_phase first-install
run_phase nothing-changed

# One service changes: its phone number (the last digit of the first phone in the first service file that has
# one), or, if no service has a phone, a comment line. The version goes up by one.
svc=$(grep -l '^ *phone: ".*[0-9]"$' "$src"/services/*.yaml 2>/dev/null | sort | sed -n 1p || true)
if [ -n "$svc" ]; then
  awk '!done && /^ *phone: ".*[0-9]"$/ {
         d = substr($0, length($0) - 1, 1); $0 = substr($0, 1, length($0) - 2) ((d + 1) % 10) "\""; done = 1
       } {print}' "$svc" >"$svc.new" && mv "$svc.new" "$svc"
  change="phone number in services/$(basename "$svc")"
else
  svc=$(printf '%s\n' "$src"/services/*.yaml | sort | sed -n 1p)
  echo "# checked by phone, $(date +%F)" >>"$svc"
  change="comment line added to services/$(basename "$svc")"
fi
v2=$((v1 + 1))
sed -i "s/^version: *$v1\b/version: $v2/" "$src/bundle.yaml"
cmp -s "$svc" "$content/services/$(basename "$svc")" && die "could not change $svc"
[ "$(awk '$1 == "version:" {print $2; exit}' "$src/bundle.yaml")" = "$v2" ] || die "could not raise the version"
sleep 1  # nginx's ETag is mtime (seconds) + size: a new manifest in the same second could look unchanged
publish
run_phase one-service-change

# --- summary -----------------------------------------------------------------------------------------------
"$PY" - "$tmp" "$kiosks" "$v1" "$v2" "$change" "$(getconf CLK_TCK)" "$out" "$("$nginx_bin" -v 2>&1 | sed 's/.*: //')" \
  "$(nproc)" <<'EOF'
import json, os, sys, statistics, collections

tmp, n, v1, v2, change, clk, out, nginx_version, cores = sys.argv[1:10]
n, clk = int(n), int(clk)

def manifest(v):
    with open(os.path.join(tmp, "releases", f"aachen-v{v}", "manifest.json")) as f:
        return json.load(f)

def bundle_bytes(v):
    d = os.path.join(tmp, "releases", f"aachen-v{v}")
    files = sum(f["size"] for f in manifest(v)["files"])
    return files, files + os.path.getsize(os.path.join(d, "manifest.json")) + os.path.getsize(os.path.join(d, "manifest.sig"))

m1, m2 = manifest(v1), manifest(v2)
old = {f["path"]: f["sha256"] for f in m1["files"]}
changed = [f for f in m2["files"] if old.get(f["path"]) != f["sha256"]]
files2, whole2 = bundle_bytes(v2)
bundle = {
    "files": len(m2["files"]),
    "bytes_files": files2,
    "bytes_with_manifest": whole2,
    "manifest_json_bytes": os.path.getsize(os.path.join(tmp, "releases", f"aachen-v{v2}", "manifest.json")),
    "manifest_sig_bytes": os.path.getsize(os.path.join(tmp, "releases", f"aachen-v{v2}", "manifest.sig")),
    "largest_file": max(m2["files"], key=lambda f: f["size"])["path"],
    "largest_file_bytes": max(f["size"] for f in m2["files"]),
    "change": change,
    "changed_files_v1_to_v2": [{"path": f["path"], "size": f["size"]} for f in changed],
}

def pct(xs, p):  # nearest rank
    if not xs:
        return None
    xs = sorted(xs)
    k = max(1, -(-p * len(xs) // 100))
    return xs[int(k) - 1]

def phase(name):
    d = os.path.join(tmp, "results", name)
    with open(os.path.join(d, "meta.json")) as f:
        meta = json.load(f)
    outcomes, errors, got, secs, fetched, per_kiosk = collections.Counter(), collections.Counter(), [], [], [], []
    for i in range(1, n + 1):
        k = f"kiosk-{i:0{len(str(n))}d}"
        try:
            with open(os.path.join(d, k + ".json")) as f:
                r = json.load(f)
        except (OSError, ValueError):
            with open(os.path.join(d, k + ".rc")) as f:
                rc = f.read().strip()
            with open(os.path.join(d, k + ".err"), errors="replace") as f:
                err = f.read().strip().splitlines()
            outcomes["no-result"] += 1
            errors[f"exit {rc}: {err[-1] if err else 'no output'}"] += 1
            per_kiosk.append({"kiosk": k, "outcome": "no-result"})
            continue
        outcomes[r["outcome"]] += 1
        if r["outcome"] == "failed":
            errors[r["message"]] += 1
        got.append(r["bytes_received"])
        secs.append(r["seconds"])
        fetched.append(r["files_fetched"])
        per_kiosk.append({"kiosk": k, "outcome": r["outcome"], "bytes_received": r["bytes_received"],
                          "files_fetched": r["files_fetched"], "seconds": round(r["seconds"], 3)})
    status, reqs, body, sent, conns, rtimes = collections.Counter(), 0, 0, 0, set(), []
    with open(os.path.join(d, "access.log")) as f:
        for line in f:
            p = line.split()
            if len(p) < 9:
                continue
            reqs += 1
            status[p[1]] += 1
            body += int(p[4])
            sent += int(p[5])
            rtimes.append(float(p[6]))
            conns.add(p[7])
    ok = outcomes["installed"] + outcomes["up-to-date"]
    return {
        "name": name,
        "kiosks": n,
        "ok": ok,
        "failed": n - ok,
        "outcomes": dict(outcomes),
        "failure_messages": dict(errors.most_common(5)),
        "wall_seconds": meta["wall_seconds"],
        "bytes_per_kiosk_mean": statistics.mean(got) if got else None,
        "bytes_per_kiosk_max": max(got) if got else None,
        "bytes_all_kiosks": sum(got),
        "files_fetched_mean": statistics.mean(fetched) if fetched else None,
        "sync_seconds_p50": pct(secs, 50),
        "sync_seconds_p99": pct(secs, 99),
        "sync_seconds_max": max(secs) if secs else None,
        "nginx_requests": reqs,
        "nginx_status": dict(sorted(status.items())),
        "nginx_connections": len(conns),
        "nginx_body_bytes_sent": body,
        "nginx_bytes_sent": sent,
        "nginx_request_time_max": max(rtimes) if rtimes else None,
        "nginx_cpu_seconds": meta["nginx_cpu_ticks"] / clk,
        "kiosks_cpu_seconds": meta["kiosk_cpu_seconds"],
        # Everything that ran on the machine during the phase; what is neither nginx nor the kiosks is
        # other work (a compiler, ...) that competed with the measurement.
        "machine_cpu_busy_seconds": meta["machine_busy_ticks"] / clk,
        "machine_cpu_total_seconds": meta["machine_total_ticks"] / clk,
        "other_cpu_seconds": max(0.0, meta["machine_busy_ticks"] / clk - meta["nginx_cpu_ticks"] / clk - meta["kiosk_cpu_seconds"]),
        "per_kiosk": per_kiosk,
    }

phases = [phase(p) for p in ("first-install", "nothing-changed", "one-service-change")]
result = {
    "bench": "fleet sync",
    "kiosks": n,
    "cores": int(cores),
    "nginx": nginx_version,
    "versions": [int(v1), int(v2)],
    "bundle": bundle,
    "phases": phases,
}

def size(b):
    if b is None:
        return "-"
    for unit, f in (("MiB", 1 << 20), ("KiB", 1 << 10)):
        if b >= f:
            return f"{b / f:.1f} {unit}" if b < 100 * f else f"{b / f:.0f} {unit}"
    return f"{b:.0f} B"

rows = [
    ("kiosks ok / failed", lambda p: f"{p['ok']} / {p['failed']}"),
    ("outcomes", lambda p: ", ".join(f"{k} {v}" for k, v in sorted(p["outcomes"].items()))),
    ("wall time of the phase", lambda p: f"{p['wall_seconds']:.1f} s"),
    ("sync time p50 / p99", lambda p: f"{p['sync_seconds_p50']:.2f} / {p['sync_seconds_p99']:.2f} s" if p["sync_seconds_p50"] is not None else "-"),
    ("bytes per kiosk mean / max", lambda p: f"{size(p['bytes_per_kiosk_mean'])} / {size(p['bytes_per_kiosk_max'])}"),
    ("files fetched per kiosk (mean)", lambda p: f"{p['files_fetched_mean']:.1f}" if p["files_fetched_mean"] is not None else "-"),
    ("nginx requests (connections)", lambda p: f"{p['nginx_requests']} ({p['nginx_connections']})"),
    ("nginx status codes", lambda p: ", ".join(f"{k}: {v}" for k, v in p["nginx_status"].items()) or "-"),
    ("nginx bytes sent (body)", lambda p: f"{size(p['nginx_bytes_sent'])} ({size(p['nginx_body_bytes_sent'])})"),
    ("nginx CPU", lambda p: f"{p['nginx_cpu_seconds']:.2f} s"),
    ("kiosk processes' CPU (all)", lambda p: f"{p['kiosks_cpu_seconds']:.1f} s"),
    ("machine CPU busy / available", lambda p: f"{p['machine_cpu_busy_seconds']:.0f} / {p['machine_cpu_total_seconds']:.0f} s"),
    ("  of it other processes", lambda p: f"{p['other_cpu_seconds']:.1f} s"),
]
w0 = max(len(r[0]) for r in rows)
cells = [[r[1](p) for p in phases] for r in rows]
ws = [max(len(p["name"]), *(len(c[j]) for c in cells)) for j, p in enumerate(phases)]
print()
print(f"{n} kiosks, one nginx {nginx_version} on 127.0.0.1, {cores} cores; bundle {bundle['files']} files, "
      f"{size(bundle['bytes_with_manifest'])} with manifest.json ({size(bundle['manifest_json_bytes'])}) and manifest.sig")
print(f"version {v1} -> {v2}: {change}; changed files: "
      + ", ".join(f"{f['path']} ({size(f['size'])})" for f in bundle["changed_files_v1_to_v2"]))
print()
print("  ".join([" " * w0] + [p["name"].ljust(w) for p, w in zip(phases, ws)]))
for r, c in zip(rows, cells):
    print("  ".join([r[0].ljust(w0)] + [x.ljust(w) for x, w in zip(c, ws)]))
for p in phases:
    for msg, k in p["failure_messages"].items():
        print(f"  {p['name']}: {k} x {msg}")
print()
if out:
    with open(out, "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    print(f"wrote {out}")
EOF
