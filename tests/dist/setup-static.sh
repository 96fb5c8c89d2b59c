#!/usr/bin/env bash
# Installs what a fully static NativeAOT build needs (TOOLCHAIN.md "Static and ARM builds"): clang and
# zlib for the NativeAOT link, libssl-dev for the statically linked OpenSSL, cmake. Installs only what is missing.
set -euo pipefail
need=()
for pkg in clang zlib1g-dev libssl-dev cmake binutils; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup-static: installing ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
