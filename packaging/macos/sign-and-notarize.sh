#!/usr/bin/env bash
# Signs, notarizes and staples dist/reviewer.app, then wraps it in a .dmg (signed, notarized and
# stapled too when the credentials are there).
#
#   packaging/macos/sign-and-notarize.sh VERSION [APP]      (APP default: dist/reviewer.app)
#   -> dist/reviewer-VERSION-macos-ARCH.dmg  (+ .sha256)
#
# Every step needs its credentials and is SKIPPED, saying so, when they are missing: CI without
# secrets still produces a dmg (holding the ad-hoc signed app PyInstaller made; Gatekeeper will
# refuse it on a first open: right-click > Open, or `xattr -dr com.apple.quarantine`).
#
# Signing:       MACOS_SIGN_IDENTITY   "Developer ID Application: NAME (TEAMID)" in a keychain, or
#                MACOS_CERT_P12_BASE64 + MACOS_CERT_PASSWORD  (a CI secret: imported into a temporary
#                                      keychain, deleted at exit; the identity is then found in it)
# Notarization:  APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD (an app-specific password)
#
# Both the app and the dmg are notarized and stapled: the app's ticket travels with it when it is
# copied out of the dmg, so Gatekeeper accepts it on a Mac that is offline (experts often are).
set -euo pipefail

VERSION="${1:?usage: sign-and-notarize.sh VERSION [APP]}"
APP="${2:-dist/reviewer.app}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ENTITLEMENTS="$HERE/entitlements.plist"
DIST="$(cd "$(dirname "$APP")" && pwd)"
ARCH="$(uname -m)"  # arm64 on macos-14 runners; the build is for the machine's architecture
DMG="$DIST/reviewer-$VERSION-macos-$ARCH.dmg"
VOLUME="名城名园评审 $VERSION"

say() { printf 'sign-and-notarize: %s\n' "$*"; }
[ -d "$APP/Contents/MacOS" ] || { say "no app bundle at $APP (run pyinstaller packaging/reviewer.spec first)"; exit 1; }

# --- 0. the signing identity -----------------------------------------------------------------
KEYCHAIN=""
cleanup() {
  if [ -n "$KEYCHAIN" ]; then security delete-keychain "$KEYCHAIN" >/dev/null 2>&1 || true; fi
  rm -rf "${WORK:-}"
}
trap cleanup EXIT
WORK="$(mktemp -d)"

IDENTITY="${MACOS_SIGN_IDENTITY:-}"
if [ -n "${MACOS_CERT_P12_BASE64:-}" ]; then
  KEYCHAIN="$WORK/reviewer-signing.keychain-db"
  KEYCHAIN_PASSWORD="$(uuidgen)"
  printf '%s' "$MACOS_CERT_P12_BASE64" | base64 --decode > "$WORK/cert.p12"
  security create-keychain -p "$KEYCHAIN_PASSWORD" "$KEYCHAIN"
  security set-keychain-settings -lut 3600 "$KEYCHAIN"
  security unlock-keychain -p "$KEYCHAIN_PASSWORD" "$KEYCHAIN"
  security import "$WORK/cert.p12" -k "$KEYCHAIN" -P "${MACOS_CERT_PASSWORD:-}" -T /usr/bin/codesign
  security set-key-partition-list -S apple-tool:,apple: -s -k "$KEYCHAIN_PASSWORD" "$KEYCHAIN" >/dev/null
  # add it to the search list (keeping the others) so codesign finds the identity
  # shellcheck disable=SC2046
  security list-keychains -d user -s "$KEYCHAIN" $(security list-keychains -d user | tr -d '"')
  rm -f "$WORK/cert.p12"
  if [ -z "$IDENTITY" ]; then
    IDENTITY="$(security find-identity -v -p codesigning "$KEYCHAIN" | sed -n 's/.*"\(Developer ID Application: .*\)"/\1/p' | head -n1)"
  fi
fi

SIGNED=0
if [ -z "$IDENTITY" ]; then
  say "SKIPPED signing: neither MACOS_SIGN_IDENTITY nor MACOS_CERT_P12_BASE64 is set (the app keeps PyInstaller's ad-hoc signature)."
else
  # --- 1. sign, inside out: every Mach-O file, then the frameworks, the executables, the app ---
  say "signing with: $IDENTITY"
  sign() { codesign --force --timestamp --options runtime --sign "$IDENTITY" "$@"; }
  is_macho() { file -b "$1" | grep -q 'Mach-O'; }
  # regular files only: PyInstaller's Contents/Resources holds symlinks to Contents/Frameworks
  while IFS= read -r -d '' f; do
    if is_macho "$f"; then sign "$f"; fi
  done < <(for d in Frameworks Resources; do [ ! -d "$APP/Contents/$d" ] || find "$APP/Contents/$d" -type f -print0; done)
  # framework bundles as bundles, deepest first (their binaries are signed above)
  while IFS= read -r -d '' fw; do
    sign "$fw"
  done < <(find "$APP/Contents" -depth -type d -name '*.framework' -print0)  # -depth: inner first
  for exe in "$APP"/Contents/MacOS/*; do  # reviewer-gui (the bundle's executable) and reviewer
    if [ -f "$exe" ] && [ ! -L "$exe" ]; then sign --entitlements "$ENTITLEMENTS" "$exe"; fi
  done
  sign --entitlements "$ENTITLEMENTS" "$APP"
  codesign --verify --deep --strict --verbose=2 "$APP"
  SIGNED=1
fi

# --- 2. notarize and staple the app ------------------------------------------------------------
NOTARIZE=0
if [ "$SIGNED" -ne 1 ]; then
  say "SKIPPED notarization: the app is not signed with a Developer ID."
elif [ -z "${APPLE_ID:-}" ] || [ -z "${APPLE_TEAM_ID:-}" ] || [ -z "${APPLE_APP_PASSWORD:-}" ]; then
  say "SKIPPED notarization: APPLE_ID, APPLE_TEAM_ID and APPLE_APP_PASSWORD are needed."
else
  NOTARIZE=1
fi

notarize() {  # notarize FILE: submit, wait, and fail with Apple's log unless it is Accepted
  local file="$1" result id status
  result="$(xcrun notarytool submit "$file" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
    --password "$APPLE_APP_PASSWORD" --wait --output-format json)" || true  # the status says
  [ -n "$result" ] || result='{}'
  id="$(printf '%s' "$result" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("id", ""))')"
  status="$(printf '%s' "$result" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("status", ""))')"
  say "notarization of $(basename "$file"): $status ($id)"
  if [ "$status" != "Accepted" ]; then
    if [ -n "$id" ]; then
      xcrun notarytool log "$id" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
        --password "$APPLE_APP_PASSWORD" || true
    fi
    return 1
  fi
}

if [ "$NOTARIZE" -eq 1 ]; then
  ditto -c -k --sequesterRsrc --keepParent "$APP" "$WORK/reviewer-app.zip"
  notarize "$WORK/reviewer-app.zip"
  xcrun stapler staple "$APP"
  xcrun stapler validate "$APP"
  spctl --assess --type execute --verbose=2 "$APP"
fi

# --- 3. the dmg: the app and a link to /Applications ---------------------------------------------
STAGE="$WORK/dmg"
mkdir -p "$STAGE"
ditto "$APP" "$STAGE/$(basename "$APP")"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -volname "$VOLUME" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"
if [ "$SIGNED" -eq 1 ]; then
  codesign --force --timestamp --sign "$IDENTITY" "$DMG"
else
  say "SKIPPED signing the dmg (no identity)."
fi
if [ "$NOTARIZE" -eq 1 ]; then
  notarize "$DMG"
  xcrun stapler staple "$DMG"
  xcrun stapler validate "$DMG"
else
  say "SKIPPED notarizing the dmg."
fi
(cd "$DIST" && shasum -a 256 "$(basename "$DMG")" > "$(basename "$DMG").sha256")
say "done: $DMG (signed: $SIGNED, notarized: $NOTARIZE)"
