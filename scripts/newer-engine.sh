#!/usr/bin/env bash
# newer-engine.sh — build and run Debian's NEWER Docker Engines (trixie's
# docker.io 26.1 / API 1.45, sid's docker.io 28.x / API 1.51) from a
# `debootstrap` root, isolated like scripts/test-daemon.sh (same stdout
# contract, same stop-by-PID safety), and build the offline busybox:local
# image on it.
#
# Usage:
#   newer-engine.sh build RELEASE                 # RELEASE: trixie | sid
#   SOCK=$(newer-engine.sh start RELEASE BASE_DIR [extra dockerd flags...])
#   newer-engine.sh --stop BASE_DIR               # stop it and delete BASE_DIR
#
#   build:  makes (or reuses, when complete) the root filesystem
#           ${DTUI_ENGINE_CACHE:-/var/cache/dtui-engines}/RELEASE (~800 MB).
#           Prints nothing on stdout; a few log lines on stderr; the whole
#           debootstrap/apt output (CACHE/RELEASE.log) on stderr if it fails.
#           Builds of different releases may run in parallel; a second build
#           of the same release waits for the first (flock) and reuses it.
#           The installed docker.io version goes to stderr and to
#           ROOT/dtui-engine-version (sid moves: pin what you test).
#   start:  stdout: ONLY the socket path (e.g. /tmp/dtui-sid/docker.sock);
#           logs go to stderr and to BASE_DIR/dockerd.log. The daemon keeps
#           running after the script exits; its PID is in BASE_DIR/pid.
#           Then: docker -H "unix://$SOCK" ps   or   new Docker({socketPath: SOCK})
#   --stop: stops exactly the daemon of BASE_DIR (and its containerd/shims)
#           by PID, removes the cgroup folders it made and BASE_DIR. Safe to
#           run when nothing is running.
#
# Env knobs:
#   DTUI_ENGINE_CACHE=/var/cache/dtui-engines   where the roots live
#   MIRROR=URL               Debian mirror for debootstrap (default: the one
#                            the host's apt uses for its own release)
#   IMAGE=busybox:local      tag to build ("" or NO_IMAGE=1 to skip the build)
#   BUSYBOX=/bin/busybox     STATIC busybox binary (Debian pkg: busybox-static)
#   DOCKER=docker            HOST docker CLI used for health check / build
#   WAIT_S=60                seconds to wait for the API to come up
#   ALLOW_REGISTRY=1         drop the offline guard (as in test-daemon.sh)
#   HOST_NET=1               share the host's network namespace instead of one
#                            with only lo (as test-daemon.sh without NETNS=1):
#                            a test registry on the host's 127.0.0.1 is then
#                            reachable. Still no bridge, no iptables.
#
# How it runs (all as root):
#   unshare --mount --net --propagation private: a private mount namespace
#   (nothing below is visible on the host, and it all vanishes with the
#   daemon) and a network namespace with only "lo". In it: ROOT bind-mounted
#   onto itself (runc's pivot_root needs a mount point), proc, /sys and /dev
#   (rbind), a tmpfs on ROOT/run (containerd's shim sockets), and BASE_DIR
#   bind-mounted to the same path inside ROOT (socket, data root, pidfile are
#   then the same paths inside and out). Then pivot_root into ROOT (not chroot:
#   see start) and /usr/sbin/dockerd, which starts the root's own containerd and runc. Own --data-root,
#   --exec-root, --pidfile, -H, --config-file (so /etc/docker/daemon.json is
#   ignored; engines >= 23 keep their engine ID in the data root), no bridge,
#   no iptables, no forwarding, --cgroup-parent=dtui-<BASE_DIR as a name>.
#
# Requirements: root, debootstrap, unshare/flock (util-linux), ip (iproute2),
#   a docker CLI, busybox-static. Unix socket paths must stay < 108 bytes, so
#   keep BASE_DIR short (e.g. /tmp/dtui-sid).
set -euo pipefail

DOCKER=${DOCKER:-docker}
CACHE=${DTUI_ENGINE_CACHE:-/var/cache/dtui-engines}
log() { printf '[newer-engine] %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }
usage() {
  die "usage: $0 build RELEASE  |  $0 start RELEASE BASE_DIR [extra dockerd flags...]  |  $0 --stop BASE_DIR   (RELEASE: trixie|sid)"
}

check_release() {
  case ${1:-} in
    trixie|sid) ;;
    *) usage ;;
  esac
}

# The cgroup (below each /sys/fs/cgroup hierarchy) that holds the containers
# of the daemon of BASE_DIR: a name derived from the path, so --stop finds it
# even without BASE_DIR.
cgroup_name() { local n=${1#/}; printf 'dtui-%s' "${n//[^A-Za-z0-9_.-]/-}"; }

# The Debian mirror the host's apt uses for the host's own release (read at
# run time, so no mirror name is written down here).
host_mirror() {
  local codename
  codename=$(. /etc/os-release && printf '%s' "${VERSION_CODENAME:-}")
  apt-get indextargets --format '$(REPO_URI) $(RELEASE)' 'Identifier: Packages' 2>/dev/null \
    | awk -v c="$codename" '$2 == c { print $1; exit }'
}

# ---------------------------------------------------------------- build mode
build() {
  local rel=$1 root log_file mark ver t0 mirror
  root=$CACHE/$rel
  mark=$root/.dtui-engine-complete
  log_file=$CACHE/$rel.log
  mkdir -p "$CACHE"
  # One build per release at a time; other releases build in parallel.
  exec 9>"$CACHE/.$rel.lock"
  flock 9
  if [[ -f $mark ]]; then
    log "reusing $root (docker.io $(cat "$root/dtui-engine-version" 2>/dev/null || echo '?'))"
    return 0
  fi
  mirror=${MIRROR:-$(host_mirror)}
  [[ -n $mirror ]] || die "cannot tell the host's Debian mirror from apt's sources; set MIRROR=URL"
  # A root without the marker is an interrupted build: start again. Builds
  # mount only inside private mount namespaces, so nothing can be mounted in
  # it — but never rm -rf through a mount.
  if [[ -e $root ]]; then
    if grep -q " $root/" /proc/mounts; then die "$root has mounts below it; refusing to delete it"; fi
    log "removing incomplete $root"
    rm -rf --one-file-system "$root"
  fi
  : >"$log_file"
  quiet() {  # run "$@" with its output in the log; the whole log on failure
    if ! "$@" >>"$log_file" 2>&1; then
      log "FAILED: $*"; log "---- $log_file ----"; cat "$log_file" >&2; exit 1
    fi
  }
  t0=$SECONDS
  log "debootstrap $rel into $root (log: $log_file)"
  # Own mount namespace: debootstrap mounts proc/sys in the target, and they
  # must not outlive it (even if it fails half-way).
  quiet unshare --mount --propagation private \
    debootstrap --variant=minbase "$rel" "$root" "$mirror"
  log "debootstrap done in $((SECONDS - t0)) s"
  # The host's apt settings (e.g. Check-Valid-Until false: the clock may be
  # past a mirror snapshot's Valid-Until; any proxy settings).
  cp -a /etc/apt/apt.conf.d/. "$root/etc/apt/apt.conf.d/"
  # No service may start in the chroot during the install.
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod 755 "$root/usr/sbin/policy-rc.d"
  t0=$SECONDS
  log "apt-get install docker.io in $root"
  local envs=(PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive)
  local v
  for v in http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY; do
    if [[ -n ${!v:-} ]]; then envs+=("$v=${!v}"); fi
  done
  quiet unshare --mount --propagation private sh -ec '
    r=$1; shift
    mount -t proc proc "$r/proc"
    mount --rbind /sys "$r/sys"
    mount --rbind /dev "$r/dev"
    chroot "$r" env -i "$@" sh -ec "apt-get update; apt-get install -y docker.io; apt-get clean"
  ' sh "$root" "${envs[@]}"
  ver=$(chroot "$root" dpkg-query -W -f='${Version}' docker.io)
  [[ -x $root/usr/sbin/dockerd && -n $ver ]] || die "docker.io did not install (see $log_file)"
  printf '%s\n' "$ver" >"$root/dtui-engine-version"
  log "installed docker.io $ver ($rel) in $((SECONDS - t0)) s"
  touch "$mark"   # last: marks the root complete
}

# ---------------------------------------------------------------- stop mode
stop() {
  local base=$1 pid p d m cg name
  base=$(realpath -m "$base")
  if [[ -s $base/pid ]]; then
    pid=$(cat "$base/pid")
    # Only signal it if it really is the dockerd started for this BASE_DIR.
    if tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -q -- "--data-root $base/root"; then
      log "stopping dockerd pid $pid (SIGTERM, stops its containers + containerd)"
      kill -TERM "$pid"
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      if kill -0 "$pid" 2>/dev/null; then log "still alive, SIGKILL"; kill -KILL "$pid"; fi
    fi
  fi
  # A SIGKILLed dockerd can leave its managed containerd (and shims) behind:
  # find exactly those by their BASE_DIR-specific socket/config path in
  # /proc/*/cmdline and kill them by PID (never by process name).
  for d in /proc/[0-9]*; do
    p=${d#/proc/}
    [[ $p == "$$" ]] && continue
    if tr '\0' ' ' 2>/dev/null <"$d/cmdline" | grep -q -- "$base/exec/containerd"; then
      log "killing leftover containerd/shim pid $p"; kill -KILL "$p" 2>/dev/null || true
    fi
  done
  # Everything was mounted in the daemon's private mount namespace, which is
  # gone with its last process; unmount anything that is still visible here.
  { grep -o " $base/[^ ]*" /proc/mounts || true; } | sort -r | while read -r m; do umount -l "$m" 2>/dev/null || true; done
  # The cgroup folders made for --cgroup-parent. After a SIGKILLed dockerd
  # and killed shims the containers' own processes live on (reparented to
  # PID 1, nothing in their cmdline names BASE_DIR): they are exactly the
  # processes in these folders, so kill those by PID (thawing paused ones
  # first), then remove the empty folders.
  name=$(cgroup_name "$base")
  local cgs=()
  mapfile -t cgs < <(find /sys/fs/cgroup -mindepth 2 -maxdepth 8 -depth -type d \( -name "$name" -o -path "*/$name/*" \) 2>/dev/null)
  for cg in "${cgs[@]}"; do
    [[ -f $cg/freezer.state ]] && { echo THAWED >"$cg/freezer.state"; } 2>/dev/null || true
  done
  local pids=()
  for cg in "${cgs[@]}"; do
    [[ -r $cg/cgroup.procs ]] && mapfile -t -O "${#pids[@]}" pids <"$cg/cgroup.procs" || true
  done
  if (( ${#pids[@]} )); then
    mapfile -t pids < <(printf '%s\n' "${pids[@]}" | sort -un)
    log "killing leftover container processes in cgroup $name: ${pids[*]}"
    kill -KILL "${pids[@]}" 2>/dev/null || true
  fi
  for _ in $(seq 1 20); do
    local left=0
    while read -r cg; do
      rmdir "$cg" 2>/dev/null || left=1
    done < <(find /sys/fs/cgroup -mindepth 2 -maxdepth 8 -depth -type d \( -name "$name" -o -path "*/$name/*" \) 2>/dev/null)
    (( left )) || break
    sleep 0.25
  done
  # The empty mount point made for BASE_DIR inside the root.
  if [[ -s $base/engine-root ]]; then
    rmdir "$(cat "$base/engine-root")$base" 2>/dev/null || true
  fi
  rm -rf "$base"
  log "removed $base"
}

# ---------------------------------------------------------------- start mode
start() {
  local rel=$1 root base sock image busybox wait_s cgname
  shift
  base=${1:?usage: $0 start RELEASE BASE_DIR [extra dockerd flags...]}
  shift
  root=$CACHE/$rel
  [[ -f $root/.dtui-engine-complete ]] || die "no complete root at $root: run '$0 build $rel' first"
  base=$(realpath -m "$base")
  sock=$base/docker.sock
  image=${IMAGE-busybox:local}
  busybox=${BUSYBOX:-/bin/busybox}
  wait_s=${WAIT_S:-60}
  cgname=$(cgroup_name "$base")

  (( ${#sock} < 100 )) || die "socket path too long (${#sock}); use a shorter BASE_DIR"
  if [[ -S $sock ]] && $DOCKER -H "unix://$sock" version >/dev/null 2>&1; then
    log "a daemon is already answering on $sock"; echo "$sock"; exit 0
  fi

  # Stale pidfiles (see test-daemon.sh: dockerd refuses to start while the
  # PID in BASE/pid exists, even as a zombie, and waits for a "still running"
  # managed containerd).
  is_ours_alive() {   # $1 pid, $2 pattern that must appear in its cmdline
    local state
    state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || true)
    [[ -n $state && $state != Z ]] && tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline" | grep -q -- "$2"
  }
  if [[ -s $base/pid ]]; then
    local old
    old=$(cat "$base/pid")
    if is_ours_alive "$old" "--data-root $base/root"; then
      die "dockerd $old for $base exists but does not answer (SIGSTOPped? shutting down?)"
    fi
    log "removing stale pidfile (pid $old)"; rm -f "$base/pid"
  fi
  local cpid_file=$base/exec/containerd/containerd.pid
  if [[ -s $cpid_file ]] && ! is_ours_alive "$(cat "$cpid_file")" "$base/exec/containerd"; then
    log "removing stale containerd pidfile (pid $(cat "$cpid_file"))"; rm -f "$cpid_file"
  fi

  mkdir -p "$base/root" "$base/exec" "$base/build" "$root$base"
  printf '%s\n' "$root" >"$base/engine-root"
  # Own config file: /etc/docker/daemon.json (the host's or the root's) is
  # ignored. Engines >= 23 keep their ID in DATA_ROOT/engine-id, so it is
  # already unique per BASE_DIR: no "deprecated-key-path" needed (20.10's).
  [[ -f $base/daemon.json ]] || printf '{}\n' >"$base/daemon.json"

  # Offline guard, as in test-daemon.sh: registry requests fail at once on a
  # closed loopback port (and in this network namespace there is only lo).
  local denv=(PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root)
  if [[ ${ALLOW_REGISTRY:-0} != 1 ]]; then
    local v
    for v in HTTP_PROXY HTTPS_PROXY http_proxy https_proxy; do denv+=("$v=http://127.0.0.1:9"); done
    denv+=(NO_PROXY=localhost,127.0.0.1 no_proxy=localhost,127.0.0.1 DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1)
  fi

  log "starting $rel dockerd ($(cat "$root/dtui-engine-version" 2>/dev/null || echo '?')), log: $base/dockerd.log"
  local t0=$SECONDS
  # setsid: own session, so a CI step's Ctrl-C / job cleanup does not hit it;
  # pivot_root into ROOT, not chroot: ROOT must be the mount namespace's own root, or
  # runc pivots each container onto the chroot's mount point while the namespace's root
  # stays the host's, and a `docker exec` (setns into the container's mount namespace)
  # lands on the host's root filesystem, in no namespace of the container's.
  # </dev/null so it never holds the caller's stdin. unshare, sh and dockerd
  # all exec, so $! is dockerd itself.
  local net=(--net) lo_up='ip link set lo up'
  if [[ ${HOST_NET:-0} == 1 ]]; then net=(); lo_up=:; fi
  setsid env -i "${denv[@]}" unshare --mount "${net[@]}" --propagation private -- sh -ec '
    root=$1 base=$2 lo_up=$3; shift 3
    $lo_up
    mount --bind "$root" "$root"
    mount -t proc proc "$root/proc"
    mount --rbind /sys "$root/sys"
    mount --rbind /dev "$root/dev"
    mount -t tmpfs -o mode=755 tmpfs "$root/run"
    mount --bind "$base" "$root$base"
    mkdir -p "$root/.host-root"
    cd "$root"
    pivot_root . .host-root
    umount -l /.host-root
    exec /usr/sbin/dockerd "$@"
  ' sh "$root" "$base" "$lo_up" \
    --config-file "$base/daemon.json" \
    --data-root "$base/root" \
    --exec-root "$base/exec" \
    --pidfile "$base/pid" \
    -H "unix://$sock" \
    --bridge=none --iptables=false --ip6tables=false --ip-forward=false --ip-masq=false \
    --userland-proxy=false --cgroup-parent="$cgname" \
    "$@" \
    >>"$base/dockerd.log" 2>&1 </dev/null &   # append: keeps history across restarts
  local spid=$!

  # Wait until the API answers (dockerd writes the pidfile early, the socket later).
  local ok=0
  for _ in $(seq 1 $((wait_s * 10))); do
    if $DOCKER -H "unix://$sock" version >/dev/null 2>&1; then ok=1; break; fi
    if ! kill -0 "$spid" 2>/dev/null && { [[ ! -s $base/pid ]] || ! kill -0 "$(cat "$base/pid")" 2>/dev/null; }; then break; fi
    sleep 0.1
  done
  if (( ! ok )); then
    log "dockerd did not come up; last log lines:"; tail -n 30 "$base/dockerd.log" >&2; exit 1
  fi
  log "dockerd pid $(cat "$base/pid") is up in $((SECONDS - t0)) s: $($DOCKER -H "unix://$sock" version --format '{{.Server.Version}} (API {{.Server.APIVersion}})')"

  # The offline test image, as in test-daemon.sh: FROM scratch + the host's
  # static busybox, classic builder, with the host's CLI over the socket.
  if [[ -n $image && -z ${NO_IMAGE:-} ]]; then
    if command -v file >/dev/null && ! file -L "$busybox" | grep -q 'statically linked'; then
      log "WARNING: $busybox is not static (apt-get install busybox-static)"
    fi
    cp "$busybox" "$base/build/busybox"
    cat >"$base/build/Dockerfile" <<'EOF'
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
CMD ["/bin/sh"]
EOF
    DOCKER_BUILDKIT=0 $DOCKER -H "unix://$sock" build -q -t "$image" "$base/build" >/dev/null 2>&1 \
      || DOCKER_BUILDKIT=0 $DOCKER -H "unix://$sock" build -t "$image" "$base/build" >&2
    log "built $image"
  fi

  echo "$sock"
}

case ${1:-} in
  build) check_release "${2:-}"; build "$2" ;;
  start) check_release "${2:-}"; start "$2" "${@:3}" ;;
  --stop) stop "${2:?usage: $0 --stop BASE_DIR}" ;;
  *) usage ;;
esac
