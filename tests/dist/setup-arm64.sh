#!/usr/bin/env bash
# Installs what cross-compiling NativeAOT to linux-arm64 needs (TOOLCHAIN.md "Static and ARM builds"):
# clang + llvm, the aarch64 binutils, gcc and glibc (libc6-dev-arm64-cross also brings the aarch64 root in
# /usr/aarch64-linux-gnu), and qemu-user-static to run the result. The NuGet packages
# (runtime.linux-arm64.Microsoft.DotNet.ILCompiler, Microsoft.NETCore.App.Runtime.NativeAOT.linux-arm64) come
# through `dotnet publish -r linux-arm64`. Installs only what is missing.
set -euo pipefail
need=()
for pkg in clang llvm zlib1g-dev binutils-aarch64-linux-gnu gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user-static; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup-arm64: installing ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
