#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the app and its tests need, when run as root on such a
# system and something is missing. Elsewhere it only says what to install. Safe to run again.
set -euo pipefail
PKGS=(
  # Qt offscreen/xcb runtime
  libglib2.0-0 libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfreetype6 libfontconfig1 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  # Chinese in widgets
  fonts-wqy-microhei
  # PDF checks in tests (pdffonts, pdftotext, pdfsig, pdftoppm)
  poppler-utils
  # certutil: an NSS database holding the ministry root, for pdfsig in the record tests
  libnss3-tools
)
if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install-system-deps: not a Debian/Ubuntu system; make sure Qt's runtime libraries and a CJK font are installed." >&2
  exit 0
fi
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "install-system-deps: missing Debian packages: ${missing[*]}" >&2
  echo "  run: sudo apt-get install ${missing[*]}" >&2
  exit 0
fi
echo "install-system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
