#!/usr/bin/env bash
# Copied unchanged (but for this line) from ../shared/docker-test-daemon.sh, so a fresh clone has it.
# docker-test-daemon.sh — start an ISOLATED Docker Engine (dockerd) for
# integration tests and build a tiny offline image (busybox:local) on it.
#
# Usage:
#   SOCK=$(docker-test-daemon.sh BASE_DIR [extra dockerd flags...])
#   docker-test-daemon.sh --stop BASE_DIR        # stop it and delete BASE_DIR
#
#   stdout: ONLY the socket path (e.g. /tmp/d2/docker.sock); logs go to stderr
#           and to BASE_DIR/dockerd.log.
#   Then:   docker -H "unix://$SOCK" ps      or   new Docker({socketPath: SOCK})
#
# Examples:
#   docker-test-daemon.sh /tmp/d2
#   docker-test-daemon.sh /tmp/d4 --tlsverify --tlscacert=/tmp/d4c/ca.pem \
#       --tlscert=/tmp/d4c/server-cert.pem --tlskey=/tmp/d4c/server-key.pem \
#       -H tcp://127.0.0.1:23760          # (extra -H adds a listener)
#
# Env knobs:
#   IMAGE=busybox:local      tag to build ("" or NO_IMAGE=1 to skip the build)
#   BUSYBOX=/bin/busybox     STATIC busybox binary (Debian pkg: busybox-static)
#   DOCKER=docker            docker CLI used for health check / build
#   WAIT_S=60                seconds to wait for the API to come up
#   NETNS=1                  run dockerd in its own network namespace (only lo)
#   ALLOW_REGISTRY=1         drop the offline guard (see below)
#
# What makes it isolated from a system daemon on /var/run/docker.sock:
#   --data-root/--exec-root/--pidfile/-H under BASE_DIR; its own managed
#   containerd (socket under BASE_DIR/exec/containerd); its own
#   --config-file (so /etc/docker/daemon.json is ignored) that sets a private
#   "deprecated-key-path" (dockerd 20.10 derives the engine "ID" from this
#   key — without it every daemon on the host shares /etc/docker/key.json
#   and reports the SAME `docker info` ID).
#   Networking is disabled: no docker0 bridge, no iptables/NAT, no forwarding.
#   Containers get NetworkMode "none" by default (bridge=none), so they
#   cannot reach any network (inspect still shows NetworkMode "default" and an
#   empty "bridge" entry; inside there is only lo). containerd still writes
#   shim sockets under /run/containerd/s/<hash>; names are hashed per
#   containerd address, so no clash with the system daemon.
#   Swarm: works (see NETNS=1). Without NETNS, `swarm init` creates a host-wide
#   docker_gwbridge interface that outlives the daemon (ip link del it).
#
# Requirements: root, dockerd (Debian docker.io 20.10 tested), docker CLI,
#   busybox-static. Unix socket paths must stay < 108 bytes, so keep BASE_DIR
#   short (e.g. /tmp/d2).
set -euo pipefail

DOCKER=${DOCKER:-docker}
log() { printf '[start-test-daemon] %s\n' "$*" >&2; }

# ---------------------------------------------------------------- --stop mode
if [[ ${1:-} == --stop ]]; then
  BASE=${2:?usage: $0 --stop BASE_DIR}
  BASE=$(realpath -m "$BASE")
  if [[ -s $BASE/pid ]]; then
    PID=$(cat "$BASE/pid")
    # Only signal it if it really is the dockerd started for this BASE_DIR.
    if tr '\0' ' ' 2>/dev/null <"/proc/$PID/cmdline" | grep -q -- "--data-root $BASE/root"; then
      log "stopping dockerd pid $PID (SIGTERM, stops its containers + containerd)"
      kill -TERM "$PID"
      for _ in $(seq 1 60); do kill -0 "$PID" 2>/dev/null || break; sleep 0.5; done
      if kill -0 "$PID" 2>/dev/null; then log "still alive, SIGKILL"; kill -KILL "$PID"; fi
    fi
  fi
  # A SIGKILLed dockerd can leave its managed containerd (and shims) behind:
  # find exactly those by their BASE_DIR-specific socket/config path in
  # /proc/*/cmdline and kill them by PID (never by process name).
  for d in /proc/[0-9]*; do
    p=${d#/proc/}
    [[ $p == "$$" ]] && continue
    if tr '\0' ' ' 2>/dev/null <"$d/cmdline" | grep -q -- "$BASE/exec/containerd"; then
      log "killing leftover containerd/shim pid $p"; kill -KILL "$p" 2>/dev/null || true
    fi
  done
  # Unmount anything still mounted below BASE_DIR (overlay2 layers, netns).
  { grep -o " $BASE/[^ ]*" /proc/mounts || true; } | sort -r | while read -r m; do umount -l "$m" 2>/dev/null || true; done
  rm -rf "$BASE"
  log "removed $BASE"
  exit 0
fi

# ---------------------------------------------------------------- start mode
BASE=${1:?usage: $0 BASE_DIR [extra dockerd flags...]   |   $0 --stop BASE_DIR}
shift
BASE=$(realpath -m "$BASE")
SOCK="$BASE/docker.sock"
IMAGE=${IMAGE-busybox:local}
BUSYBOX=${BUSYBOX:-/bin/busybox}
WAIT_S=${WAIT_S:-60}

(( ${#SOCK} < 100 )) || { log "socket path too long (${#SOCK}); use a shorter BASE_DIR"; exit 2; }
if [[ -S $SOCK ]] && $DOCKER -H "unix://$SOCK" version >/dev/null 2>&1; then
  log "a daemon is already answering on $SOCK"; echo "$SOCK"; exit 0
fi

# Stale pidfiles (e.g. after a SIGKILL). dockerd refuses to start ("pid file
# found, ensure docker is not running") while the PID in BASE/pid still
# exists, and it waits for a "still running" managed containerd named in
# BASE/exec/containerd/containerd.pid and then fails with "timeout waiting for
# containerd to start". Both also happen when the PID is only an unreaped
# zombie (dockerd is reparented to PID 1, which reaped it ~1.5 s late here).
is_ours_alive() {   # $1 pid, $2 pattern that must appear in its cmdline
  local state
  state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || true)
  [[ -n $state && $state != Z ]] && tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline" | grep -q -- "$2"
}
if [[ -s $BASE/pid ]]; then
  OLD=$(cat "$BASE/pid")
  if is_ours_alive "$OLD" "--data-root $BASE/root"; then
    log "dockerd $OLD for $BASE exists but does not answer (SIGSTOPped? shutting down?)"; exit 1
  fi
  log "removing stale pidfile (pid $OLD)"; rm -f "$BASE/pid"
fi
CPID_FILE=$BASE/exec/containerd/containerd.pid
if [[ -s $CPID_FILE ]] && ! is_ours_alive "$(cat "$CPID_FILE")" "$BASE/exec/containerd"; then
  log "removing stale containerd pidfile (pid $(cat "$CPID_FILE"))"; rm -f "$CPID_FILE"
fi

mkdir -p "$BASE/root" "$BASE/exec" "$BASE/build"
# Own config file: ignores /etc/docker/daemon.json. dockerd 20.10 has no CLI
# flag for the key path, but accepts it in the config file.
[[ -f $BASE/daemon.json ]] || printf '{ "deprecated-key-path": "%s" }\n' "$BASE/key.json" >"$BASE/daemon.json"

# Offline guard (default on; ALLOW_REGISTRY=1 disables it). No test should
# ever reach a registry, but some paths try anyway:
#  - swarm tasks ALWAYS try to pull their image first (even if it exists
#    locally) unless DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1 is in dockerd's env
#    or the service references the image by ID (sha256:...);
#  - `docker service create/update` asks the daemon to resolve the image
#    digest on the registry unless given --no-resolve-image;
#  - any `docker run`/create of a missing image pulls.
# Pointing dockerd's proxy at a closed loopback port makes every registry
# request fail fast with "proxyconnect tcp: dial tcp 127.0.0.1:9: connection
# refused" and WITHOUT a DNS lookup (Go never proxies loopback, so swarm's
# 127.0.0.1:2377 and unix sockets are unaffected).
DENV=()
if [[ ${ALLOW_REGISTRY:-0} != 1 ]]; then
  for v in HTTP_PROXY HTTPS_PROXY http_proxy https_proxy; do DENV+=("$v=http://127.0.0.1:9"); done
  DENV+=(NO_PROXY=localhost,127.0.0.1 no_proxy=localhost,127.0.0.1 DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1)
fi

# NETNS=1: run dockerd (and its containerd/containers) in a fresh network
# namespace that only has "lo". Hard guarantee that nothing leaves the box and
# no host-global interfaces (docker_gwbridge from swarm, br-*) are created on
# the host; the namespace vanishes with the daemon. The unix socket works as
# usual, but a tcp://127.0.0.1:PORT listener is then only reachable from
# inside that namespace (nsenter -t $(cat BASE/pid) -n ...).
PREFIX=()
if [[ ${NETNS:-0} == 1 ]]; then
  PREFIX=(unshare --net -- sh -c 'ip link set lo up && exec "$@"' sh)
fi

log "starting dockerd, log: $BASE/dockerd.log"
# setsid: own session/process group, so a CI step's Ctrl-C / job cleanup does
# not hit it; </dev/null so it never holds the caller's stdin.
setsid env "${DENV[@]}" "${PREFIX[@]}" dockerd \
  --config-file "$BASE/daemon.json" \
  --data-root "$BASE/root" \
  --exec-root "$BASE/exec" \
  --pidfile "$BASE/pid" \
  -H "unix://$SOCK" \
  --iptables=false --ip-forward=false --ip-masq=false --bridge=none \
  "$@" \
  >>"$BASE/dockerd.log" 2>&1 </dev/null &   # append: keeps history across restarts
SPID=$!   # setsid execs dockerd directly when not a group leader (no job control)

# Wait until the API answers (dockerd writes the pidfile early, the socket later).
ok=0
for _ in $(seq 1 $((WAIT_S * 2))); do
  if $DOCKER -H "unix://$SOCK" version >/dev/null 2>&1; then ok=1; break; fi
  if ! kill -0 "$SPID" 2>/dev/null && { [[ ! -s $BASE/pid ]] || ! kill -0 "$(cat "$BASE/pid")" 2>/dev/null; }; then break; fi
  sleep 0.5
done
if (( ! ok )); then
  log "dockerd did not come up; last log lines:"; tail -n 30 "$BASE/dockerd.log" >&2; exit 1
fi
log "dockerd pid $(cat "$BASE/pid") is up: $($DOCKER -H "unix://$SOCK" version --format '{{.Server.Version}} (API {{.Server.APIVersion}})')"

# Build the offline test image: FROM scratch + static busybox, so no registry
# is contacted. DOCKER_BUILDKIT=0 forces the classic builder: it needs no
# buildx plugin (absent here; a 28.x CLI without it falls back anyway, with a
# deprecation notice) and behaves the same on every runner.
if [[ -n $IMAGE && -z ${NO_IMAGE:-} ]]; then
  if command -v file >/dev/null && ! file -L "$BUSYBOX" | grep -q 'statically linked'; then
    log "WARNING: $BUSYBOX is not static (apt-get install busybox-static)"
  fi
  cp "$BUSYBOX" "$BASE/build/busybox"
  cat >"$BASE/build/Dockerfile" <<'EOF'
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
CMD ["/bin/sh"]
EOF
  # RUN steps get the daemon's default network = none (bridge disabled).
  DOCKER_BUILDKIT=0 $DOCKER -H "unix://$SOCK" build -q -t "$IMAGE" "$BASE/build" >/dev/null 2>&1 \
    || DOCKER_BUILDKIT=0 $DOCKER -H "unix://$SOCK" build -t "$IMAGE" "$BASE/build" >&2
  log "built $IMAGE"
fi

echo "$SOCK"
