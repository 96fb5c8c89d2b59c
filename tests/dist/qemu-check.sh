#!/usr/bin/env bash
# Usage: tests/dist/qemu-check.sh BINARY
# Runs a linux-arm64 BINARY under qemu-user with Debian's aarch64 glibc (/usr/aarch64-linux-gnu, from
# libc6-arm64-cross): --version, check on an example (exit 0) and on a broken config (exit 2), rbac.
set -euo pipefail
bin=${1:?usage: qemu-check.sh BINARY}
repo=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "qemu-check: FAIL: $*" >&2; exit 1; }

[ -f "$bin" ] || fail "$bin: no such file"
qemu=$(command -v qemu-aarch64-static || command -v qemu-aarch64) || fail "qemu-aarch64-static not found (tests/dist/setup-arm64.sh installs it)"
sysroot=/usr/aarch64-linux-gnu
[ -e "$sysroot/lib/ld-linux-aarch64.so.1" ] || fail "$sysroot has no aarch64 glibc (libc6-arm64-cross)"
case "$(od -An -tx1 -j18 -N2 "$bin" | tr -d ' ')" in
  b700) ;; # e_machine 0xB7 = EM_AARCH64
  *) fail "$bin is not an aarch64 executable" ;;
esac

tmp=$(mktemp -d /tmp/mqtt-kube-qemu.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
printf 'bindings:\n  - namespace: media\n    resource: Deployment\n    name: Not_A_Name\n    watch: {locus: "$.x", topic: t}\n' >"$tmp/broken.yaml"

run() {
  local expected=$1 code=0
  shift
  output=$("$qemu" -L "$sysroot" "$bin" "$@" 2>&1) || code=$?
  [ "$code" -eq "$expected" ] || fail "mqtt-kube $* exited $code, expected $expected:
$output"
  echo "ok: mqtt-kube $* (exit $code)"
}

run 0 --version
case "$output" in "mqtt-kube "[0-9]*) ;; *) fail "--version printed: $output" ;; esac
run 0 check "$repo/examples/config-demo.yaml"
run 2 check "$tmp/broken.yaml"
case "$output" in *"broken.yaml:4:"*"error:"*) ;; *) fail "check of a broken config printed: $output" ;; esac
run 0 rbac --namespace iot "$repo/examples/config-demo.yaml"
case "$output" in *"kind: Role"*) ;; *) fail "rbac printed: $output" ;; esac
echo "qemu-check: OK: $bin ($(stat -c %s "$bin") bytes) runs under $qemu"
