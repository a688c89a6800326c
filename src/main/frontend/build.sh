#!/usr/bin/env bash
# Brings the look of Det Fælles Designsystem (npm package dkfds) into the jar at build time, with the machine's
# Node.js and npm; nothing of it is committed. Called by Maven (generate-resources) with the output folder.
# Also installs axe-core, which the browser tests inject into every page.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:?usage: src/main/frontend/build.sh OUTPUT_DIR}"
if ! command -v npm >/dev/null 2>&1; then
  echo "" >&2
  echo "ERROR: npm is missing. Jobbro's pages take their look (Det Fælles Designsystem, npm package dkfds 11.2.0)" >&2
  echo "from npm at build time. Install Node.js 20 or newer with npm (Debian: apt-get install -y nodejs npm)," >&2
  echo "then build again." >&2
  echo "" >&2
  exit 1
fi
cd "$here"
# Install only when missing or when package-lock.json changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
fi
dist=node_modules/dkfds/dist
rm -rf "$out/dkfds"
mkdir -p "$out/dkfds/css" "$out/dkfds/fonts/IBMPlexSans/complete"
cp "$dist/css/dkfds.min.css" "$out/dkfds/css/"
cp -r "$dist/fonts/IBMPlexSans/complete/woff2" "$dist/fonts/IBMPlexSans/complete/woff" \
  "$out/dkfds/fonts/IBMPlexSans/complete/"
cp -r "$dist/img" "$out/dkfds/"
