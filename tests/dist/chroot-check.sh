#!/usr/bin/env bash
# Usage: tests/dist/chroot-check.sh BINARY
# Proves BINARY is self-contained: it must be a static executable (ldd: "not a dynamic executable") and run in an
# empty root holding only itself, /dev/urandom, /etc/hosts, a CA bundle and examples/ (what a distroless/static
# image gives it). Runs --version, check on a good config (exit 0), check on a broken one (exit 2) and rbac.
# Needs root (mknod, chroot). Fails loudly on the first surprise.
set -euo pipefail
bin=${1:?usage: chroot-check.sh BINARY}
repo=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "chroot-check: FAIL: $*" >&2; exit 1; }

[ -f "$bin" ] || fail "$bin: no such file"
[ "$(id -u)" -eq 0 ] || fail "needs root (mknod, chroot)"
linkage=$(ldd "$bin" 2>&1 || true)
case "$linkage" in
  *"not a dynamic executable"*) ;;
  *) fail "$bin is dynamically linked: $linkage" ;;
esac

chroot=$(command -v chroot) || fail "chroot not found"
root=$(mktemp -d /tmp/mqtt-kube-chroot.XXXXXX)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/dev" "$root/etc/ssl/certs"
mknod -m 444 "$root/dev/urandom" c 1 9
printf '127.0.0.1 localhost\n::1 localhost ip6-localhost\n' >"$root/etc/hosts"
cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
cp "$bin" "$root/mqtt-kube"
cp -r "$repo/examples" "$root/examples"
printf 'bindings:\n  - namespace: media\n    resource: Deployment\n    name: Not_A_Name\n    watch: {locus: "$.x", topic: t}\n' >"$root/broken.yaml"

# run EXPECTED_EXIT ARGS...: runs the binary in the chroot with an empty environment; prints what it printed.
run() {
  local expected=$1 code=0
  shift
  output=$(env -i "$chroot" "$root" /mqtt-kube "$@" 2>&1) || code=$?
  [ "$code" -eq "$expected" ] || fail "mqtt-kube $* exited $code, expected $expected:
$output"
  echo "ok: mqtt-kube $* (exit $code)"
}

run 0 --version
case "$output" in "mqtt-kube "[0-9]*) ;; *) fail "--version printed: $output" ;; esac
run 0 check /examples/config-basic.yaml
case "$output" in *": OK: "*) ;; *) fail "check printed: $output" ;; esac
run 0 check /examples/config-demo.yaml
run 2 check /broken.yaml
case "$output" in *"/broken.yaml:4:"*"error:"*) ;; *) fail "check of a broken config printed: $output" ;; esac
run 0 rbac /examples/config-demo.yaml --namespace iot
case "$output" in *"kind: Role"*) ;; *) fail "rbac printed: $output" ;; esac
echo "chroot-check: OK: $bin ($(stat -c %s "$bin") bytes) runs in an empty root"
