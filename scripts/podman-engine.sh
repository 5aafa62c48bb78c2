#!/usr/bin/env bash
# podman-engine.sh — rootful Podman's Docker-compatible API on a private socket, with its
# own storage (vfs: no overlay mounts left behind), for the engine suites; like
# test-daemon.sh it builds the offline busybox:local image (FROM scratch + the host's
# static busybox, no network) and prints only the socket path.
#
#   SOCK=$(podman-engine.sh start BASE_DIR)
#   podman-engine.sh --stop BASE_DIR          # stop it (by its pid) and delete BASE_DIR
#
# Needs root, podman and busybox-static. The machine caps rlimits below Podman's
# defaults, hence a containers.conf of its own (ENGINE-NOTES.md, "Podman 4.3").
set -euo pipefail
log() { printf '[podman-engine] %s\n' "$*" >&2; }

if [[ ${1:-} == --stop ]]; then
	BASE=$(realpath -m "${2:?usage: $0 --stop BASE_DIR}")
	if [[ -s $BASE/pid ]] && tr '\0' ' ' <"/proc/$(cat "$BASE/pid")/cmdline" 2>/dev/null | grep -q -- "--root $BASE/root"; then
		PID=$(cat "$BASE/pid")
		kill -TERM "$PID"
		for _ in $(seq 1 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.2; done
		kill -KILL "$PID" 2>/dev/null || true
	fi
	# Containers it left running (conmon) are found by the storage they name.
	for d in /proc/[0-9]*; do
		if tr '\0' ' ' 2>/dev/null <"$d/cmdline" | grep -q -- "$BASE/"; then kill -KILL "${d#/proc/}" 2>/dev/null || true; fi
	done
	{ grep -o " $BASE/[^ ]*" /proc/mounts || true; } | sort -r | while read -r m; do umount -l "$m" 2>/dev/null || true; done
	rm -rf "$BASE"
	exit 0
fi

[[ ${1:-} == start ]] || { echo "usage: $0 start BASE_DIR | --stop BASE_DIR" >&2; exit 2; }
BASE=$(realpath -m "${2:?usage: $0 start BASE_DIR}")
SOCK=$BASE/podman.sock
mkdir -p "$BASE/build"
printf '[containers]\ndefault_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]\n' >"$BASE/containers.conf"
CONTAINERS_CONF=$BASE/containers.conf setsid podman --root "$BASE/root" --runroot "$BASE/runroot" --tmpdir "$BASE/tmp" --storage-driver vfs \
	system service --time=0 "unix://$SOCK" >"$BASE/podman.log" 2>&1 </dev/null &
echo $! >"$BASE/pid"
for _ in $(seq 1 100); do [[ -S $SOCK ]] && docker -H "unix://$SOCK" version >/dev/null 2>&1 && break; sleep 0.1; done
if ! docker -H "unix://$SOCK" version >/dev/null 2>&1; then
	log "podman system service did not come up:"; cat "$BASE/podman.log" >&2; exit 1
fi
cp "${BUSYBOX:-/bin/busybox}" "$BASE/build/busybox"
printf 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\nCMD ["/bin/sh"]\n' >"$BASE/build/Dockerfile"
# --network none: Podman would otherwise make a bridge (and a DNS server) for the RUN step.
DOCKER_BUILDKIT=0 docker -H "unix://$SOCK" build -q --network none -t busybox:local "$BASE/build" >/dev/null 2>&1 ||
	DOCKER_BUILDKIT=0 docker -H "unix://$SOCK" build --network none -t busybox:local "$BASE/build" >&2
log "podman $(docker -H "unix://$SOCK" version --format '{{.Server.Version}}') is up, busybox:local built"
echo "$SOCK"
