#!/usr/bin/env bash
# Install the system packages az-ocrfix needs for OCR, rendering and tests.
# Idempotent: does nothing when everything is present.
set -euo pipefail
need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
for lang in aze eng; do
  if ! tesseract --list-langs 2>/dev/null | grep -qx "$lang"; then need+=("tesseract-ocr-$lang"); fi
done
command -v combine_tessdata >/dev/null 2>&1 || need+=(tesseract-ocr)
# Fonts that cover all 32 Azerbaijani letters (used to render training/test pages).
for f in /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf \
         /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf \
         /usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf \
         /usr/share/fonts/truetype/freefont/FreeSerif.ttf; do
  [ -e "$f" ] || need+=(fonts-dejavu-core fonts-liberation2 fonts-noto-core fonts-freefont-ttf)
done
[ -e /usr/share/fonts/truetype/charis/CharisSIL-Regular.ttf ] || need+=(fonts-sil-charis)
[ -e /usr/share/fonts/truetype/gentium/Gentium-R.ttf ] || need+=(fonts-sil-gentium)
[ -e /usr/share/fonts/truetype/ebgaramond/EBGaramond12-Regular.ttf ] || need+=(fonts-ebgaramond)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
mapfile -t need < <(printf '%s\n' "${need[@]}" | sort -u)
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "Installing system packages: ${need[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "Please install: ${need[*]} (macOS: brew install tesseract tesseract-lang)" >&2
  exit 1
fi
