#!/usr/bin/env bash
# What the host tests need from the machine, installed from Debian's packages when missing; run by
# `dotnet test` before the host tests build (ReformBot.Host.Tests.csproj), so that the README's test
# command alone prepares a fresh machine. Later runs find everything and return at once.
# - libfontconfig1: Skia's native library links it (the chart's Chinese font ships with the project,
#   assets/fonts/, so no font is installed).
# - chromium: the Web Chat page's end-to-end tests drive Debian's chromium (never a downloaded build).
set -euo pipefail

packages=(libfontconfig1 chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "test prerequisites: missing ${missing[*]}, and apt-get is not available; install them by hand" >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if sudo -n true 2>/dev/null; then sudo="sudo -n"; else
    echo "test prerequisites: missing ${missing[*]}; run: sudo apt-get install ${missing[*]}" >&2
    exit 0
  fi
fi
echo "test prerequisites: installing ${missing[*]}"
$sudo apt-get update -qq </dev/null >/dev/null
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
