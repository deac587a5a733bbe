#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian machine with the .NET SDK: Node.js/npm (for the front-end
# packages, from npm with the lock file) and, with --tests, Chromium for the browser tests and GDAL (ogrinfo, ogr2ogr)
# for reading the GeoPackage downloads and the OGC API Features channel as a GIS user's tools do.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ "${1:-}" = "--tests" ]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v ogrinfo >/dev/null 2>&1 || missing+=(gdal-bin)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]} (Debian packages)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
