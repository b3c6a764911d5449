#!/usr/bin/env bash
# Runs the omega image from its tarball (target/jib-image.tar) where there is no Docker daemon: unpacks the
# image's layers into a directory and starts the image's entrypoint inside it, as `docker run --network host`
# would: that directory as the root filesystem (nothing of the host's is visible but /dev, a new /proc,
# /etc/hosts and /etc/resolv.conf; /tmp is a fresh tmpfs), its own mount and PID namespaces (java is PID 1),
# the image's user, environment and working directory. It proves the image is complete and runs, and lets CI
# smoke-test it.
#
# usage: docker/run-image-without-docker.sh IMAGE.tar [OMEGA ARGUMENTS...]
#   e.g. docker/run-image-without-docker.sh omega-app/target/jib-image.tar config check config/trading_config.yaml
# environment:
#   OMEGA_* and JAVA_TOOL_OPTIONS   passed into the container, as `docker run -e` would
#   IMAGE_ROOTFS=DIR                unpack into DIR and keep it (reused while the image is the same);
#                                   default: a temporary directory, removed at exit
#   IMAGE_DATA=DIR                  bind-mounted at /data (a volume); default: the image's own /data
# Needs: Linux, root (mounts and namespaces), util-linux's unshare, procps' ps, GNU tar.
set -euo pipefail

[ $# -ge 1 ] || { echo "usage: $0 IMAGE.tar [ARGS...]" >&2; exit 2; }
image="$(readlink -f "$1")"
shift
fail() { echo "run-image-without-docker: $*" >&2; exit 1; }
[ -f "$image" ] || fail "no image tarball at $image"
[ "$(id -u)" -eq 0 ] || fail "needs root (it mounts /dev and /proc into the image's root filesystem)"

meta="$(mktemp -d)"
if [ -n "${IMAGE_ROOTFS:-}" ]; then
  root="$(mkdir -p "$IMAGE_ROOTFS" && cd "$IMAGE_ROOTFS" && pwd)"
  trap 'rm -rf "$meta"' EXIT
else
  root="$(mktemp -d)"
  trap 'rm -rf "$root" "$root.unpacked" "$root.lock" "$meta"' EXIT
fi

# The image's manifest and configuration (jib writes each as one line of JSON).
tar -xf "$image" -C "$meta" manifest.json
config_name="$(sed 's/.*"Config":"\([^"]*\)".*/\1/' "$meta/manifest.json")"
tar -xf "$image" -C "$meta" "$config_name"
config="$meta/$config_name"
json_array() { grep -o "\"$1\":\[[^]]*\]" "$config" | sed "s/^\"$1\":\[//; s/\]\$//" | grep -o '"[^"]*"' | tr -d '"' || true; }
json_string() { grep -o "\"$1\":\"[^\"]*\"" "$config" | sed "s/^\"$1\":\"//; s/\"\$//" || true; }

# Unpack the layers in order, once per image (several runs may share IMAGE_ROOTFS, as containers share an image).
digest="$(sha256sum "$config" | cut -c1-64)"
(
  flock 9
  if [ "$(cat "$root.unpacked" 2>/dev/null)" != "$digest" ]; then
    find "$root" -mindepth 1 -maxdepth 1 -exec rm -rf {} +
    for layer in $(grep -o '"Layers":\[[^]]*\]' "$meta/manifest.json" | grep -o '[^"]*\.tar\(\.gz\)\?'); do
      tar -xf "$image" -O "$layer" | tar -xz -C "$root" --numeric-owner --same-permissions --warning=no-unknown-keyword
    done
    echo "$digest" > "$root.unpacked"
  fi
) 9> "$root.lock"

mapfile -t entrypoint < <(json_array Entrypoint)
mapfile -t image_env < <(json_array Env)
workdir="$(json_string WorkingDir)"
user="$(json_string User)"
[ ${#entrypoint[@]} -gt 0 ] || fail "the image has no entrypoint"
uid="${user%%:*}"; gid="${user#*:}"
[ -n "$uid" ] || uid=0
[ "$gid" != "$user" ] || gid="$uid"

# The container's environment: the image's, then the caller's OMEGA_* and JAVA_TOOL_OPTIONS (as docker run -e).
run_env=(HOSTNAME="$(hostname)" HOME=/)
[ "$uid" = 0 ] && run_env=(HOSTNAME="$(hostname)" HOME=/root)
grep -q "^[^:]*:[^:]*:$uid:" "$root/etc/passwd" 2>/dev/null \
  && run_env[1]="HOME=$(grep "^[^:]*:[^:]*:$uid:" "$root/etc/passwd" | head -1 | cut -d: -f6)"
run_env+=("${image_env[@]}")
while IFS= read -r name; do
  case "$name" in IMAGE_ROOTFS|IMAGE_DATA) ;; *) run_env+=("$name=${!name}") ;; esac
done < <(compgen -e | grep -E '^(OMEGA_|JAVA_TOOL_OPTIONS$)' || true)

mkdir -p "$root/dev" "$root/proc" "$root/etc" "$root/tmp" "$root/data"
touch "$root/etc/hosts" "$root/etc/resolv.conf"
data_mount=""
if [ -n "${IMAGE_DATA:-}" ]; then
  mkdir -p "$IMAGE_DATA"
  data_mount="mount --bind '$(cd "$IMAGE_DATA" && pwd)' '$root/data';"
fi

# A new mount namespace (the binds vanish with it) and PID namespace in which java is PID 1, as in a container;
# stopping this script (SIGTERM, Ctrl-C) sends java SIGTERM, as `docker stop` does; java's exit code is this script's.
unshare --mount --pid --fork --kill-child=SIGKILL --propagation private sh -c "
  mount --rbind /dev '$root/dev' &&
  mount -t proc proc '$root/proc' &&
  mount -t tmpfs -o mode=1777 tmpfs '$root/tmp' &&
  mount --bind /etc/hosts '$root/etc/hosts' &&
  mount --bind /etc/resolv.conf '$root/etc/resolv.conf' &&
  $data_mount
  exec env -i \"\$@\"" sh "${run_env[@]}" \
  unshare --root="$root" --wd="${workdir:-/}" --setuid "$uid" --setgid "$gid" -- "${entrypoint[@]}" "$@" &
child=$!
# unshare blocks SIGTERM and SIGINT itself: hand them to its child, the container's PID 1.
trap 'for pid in $(ps -o pid= --ppid "$child"); do kill -TERM "$pid" 2>/dev/null || true; done' TERM INT
status=0
wait "$child" || status=$?
if kill -0 "$child" 2>/dev/null; then
  wait "$child" || status=$?
fi
exit "$status"
