#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Herald developers
#
# Installs every Debian 12 package Herald's build, tests, fuzzers and benchmarks need.
# Idempotent: when everything is present it checks, says so and changes nothing.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git
  # Qt 6.4 as Debian 12 ships it
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-psql
  qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-svg-dev qt6-multimedia-dev qt6-positioning-dev qt6-translations-l10n
  libgl-dev libxkbcommon-dev
  # SIP stack, run on Qt's GLib loop
  libsofia-sip-ua-dev libsofia-sip-ua-glib-dev libglib2.0-dev
  # expected-style results
  libexpected-dev
  # fuzzing (clang + libFuzzer) and lint
  clang-14 libclang-rt-14-dev clang-format-14 clang-tidy-14
  # real test peers and GUI test display
  sip-tester tshark kamailio xvfb xauth x11-apps netpbm
  # test certificates for the SIP TLS test (tests/protocol/sip)
  openssl
  # ELF inspection for the heraldd link test
  binutils
)

missing=()
for p in "${packages[@]}"; do
  # dpkg-query prints "install ok installed" only for a fully installed package.
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
# tshark asks whether non-root users may capture; answer once, non-interactively.
echo "wireshark-common wireshark-common/install-setuid boolean false" | $SUDO debconf-set-selections
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-deps: done"
