#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine with the .NET SDK: the Mosquitto broker
# (the MQTT tests run a real one) and python3 (cross-checks expression case files, when present); and
# when ../shared/k8s (a real kube-apiserver for the end-to-end tests) is beside the checkout, what its
# up.sh runs: etcd (unless $KUBEBUILDER_ASSETS brings one), curl and xz.
set -euo pipefail
need=()
command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ] || need+=(mosquitto)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
if [ -f "$(dirname "$0")/../../shared/k8s/up.sh" ]; then
  command -v curl >/dev/null 2>&1 || need+=(curl)
  command -v xz >/dev/null 2>&1 || need+=(xz-utils)
  command -v etcd >/dev/null 2>&1 || [ -x "${KUBEBUILDER_ASSETS:-/nonexistent}/etcd" ] || need+=(etcd-server)
fi
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
