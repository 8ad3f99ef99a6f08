#!/usr/bin/env bash
# Regenerates every PNG and ICO under assets/ from its SVG source. A developer tool, not run in CI:
# the generated files are committed because packaging reads them.
#
#   assets/build-icons.sh                  regenerate
#   assets/build-icons.sh --preview DIR    also write enlarged contact sheets to DIR (keep DIR outside the repo)
#
# Needs rsvg-convert (Debian/Ubuntu: apt-get install librsvg2-bin; macOS: brew install librsvg) to render
# SVG -> PNG, and ImageMagick (`convert`, `montage`) to pack ICO files and draw the previews.
# rsvg-convert is used rather than ImageMagick's built-in SVG reader, which renders masks and gradients poorly.
set -euo pipefail
cd "$(dirname "$0")"

preview=""
if [[ "${1:-}" == "--preview" ]]; then
  preview="${2:?--preview needs a folder}"
  mkdir -p "$preview"
  preview="$(cd "$preview" && pwd)"
fi

need() { command -v "$1" >/dev/null 2>&1 || { echo "build-icons: '$1' not found ($2)" >&2; exit 1; }; }
need rsvg-convert "install librsvg2-bin"
need convert "install imagemagick"

# render SOURCE.svg SIZE OUT.png — a square RGBA PNG, no metadata chunks, so re-running gives identical bytes.
render() { rsvg-convert --width "$2" --height "$2" --format png --output "$3" "$1"; }
# ico OUT.ico PNG... — pack the PNGs (smallest first) into one ICO, keeping their alpha.
ico() { local out="$1"; shift; convert "$@" -define png:exclude-chunks=date,time "$out"; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# --- App icon -----------------------------------------------------------------------------------------
# 16-32 px come from the simplified drawing (no key badge, pixel-grid aligned); 48 px and up from icon.svg.
app_source() { if (( $1 <= 32 )); then echo icons/icon-small.svg; else echo icon.svg; fi; }
render icon.svg 1024 icon.png
for s in 16 32 48 64 128 256 512; do render "$(app_source $s)" $s "icons/${s}x${s}.png"; done
ico_parts=()
for s in 16 24 32 48 64 128 256; do render "$(app_source $s)" $s "$work/app-$s.png"; ico_parts+=("$work/app-$s.png"); done
ico icon.ico "${ico_parts[@]}"

# --- Tray icons ---------------------------------------------------------------------------------------
# Colour (Windows, Linux): <state>.png 16, <state>@2x.png 32, <state>.ico 16/24/32/48.
# macOS template (black + alpha): <state>Template.png 16, <state>Template@2x.png 32.
for state in ok expiring dead unknown; do
  render "tray/$state.svg" 16 "tray/$state.png"
  render "tray/$state.svg" 32 "tray/$state@2x.png"
  render "tray/${state}Template.svg" 16 "tray/${state}Template.png"
  render "tray/${state}Template.svg" 32 "tray/${state}Template@2x.png"
  parts=()
  for s in 16 24 32 48; do render "tray/$state.svg" $s "$work/tray-$state-$s.png"; parts+=("$work/tray-$state-$s.png"); done
  ico "tray/$state.ico" "${parts[@]}"
done

echo "build-icons: wrote icon.png, icon.ico, icons/*.png, tray/*.png, tray/*.ico"

# --- Previews (optional) ------------------------------------------------------------------------------
if [[ -n "$preview" ]]; then
  need montage "install imagemagick"
  # Empty/success/failure illustrations, as the app shows them.
  for f in illustrations/*.svg; do rsvg-convert --width 640 --format png --output "$work/$(basename "$f" .svg).png" "$f"; done
  montage -background '#1E232A' -geometry '480x360>+8+8' -tile 3x $(for f in illustrations/*.svg; do echo "$work/$(basename "$f" .svg).png"; done) "$preview/illustrations-sheet.png"
  # Tray and app icons at real size and enlarged 8x (nearest neighbour), on a light and a dark bar.
  for bg in '#F2F2F2' '#1E1E1E'; do
    row=()
    for state in ok expiring dead unknown; do
      for v in "" Template; do
        convert -background "$bg" "tray/$state$v.png" -flatten -filter point -resize 800% "$work/p-$state$v.png"
        convert -background "$bg" "tray/$state$v@2x.png" -flatten -filter point -resize 400% "$work/q-$state$v.png"
        row+=("$work/p-$state$v.png" "$work/q-$state$v.png")
      done
    done
    montage -background "$bg" -geometry +6+6 -tile 4x "${row[@]}" "$work/tray-${bg#\#}.png"
  done
  convert "$work/tray-F2F2F2.png" "$work/tray-1E1E1E.png" -append "$preview/tray-sheet.png"
  row=()
  for s in 16 32 48 64 128 256; do convert -background white "icons/${s}x${s}.png" -flatten -filter point -resize 256x256 "$work/i-$s.png"; row+=("$work/i-$s.png"); done
  montage -background white -geometry +6+6 -tile 6x "${row[@]}" "$preview/icon-sheet.png"
  echo "build-icons: previews in $preview"
fi
