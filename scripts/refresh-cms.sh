#!/usr/bin/env bash
# Refresh the self-hosted web editor under content/admin/vendor/ from the npm registry:
# Decap CMS's browser bundle (with its lazy chunks and licence) and the `yaml` parser's browser build.
# The site then serves /admin/ from its own origin and `mkdocs serve` needs no npm.
# Usage: bash scripts/refresh-cms.sh [decap-cms version] [yaml version]
set -euo pipefail
cd "$(dirname "$0")/.."
decap="${1:-3.16.3}"
yaml="${2:-2.9.1}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "decap-cms@$decap" "yaml@$yaml" >/dev/null)
mkdir -p "$work/decap" "$work/yaml"
tar xzf "$work/decap-cms-$decap.tgz" -C "$work/decap"
tar xzf "$work/yaml-$yaml.tgz" -C "$work/yaml"
target=content/admin/vendor
rm -rf "$target/decap-cms" "$target/yaml"
mkdir -p "$target/decap-cms" "$target/yaml"
# decap-cms.js and the chunks it loads on demand (N.decap-cms.js, *.wasm); no source maps.
(cd "$work/decap/package/dist" && cp decap-cms.js decap-cms.js.LICENSE.txt ./*.decap-cms.js ./*.wasm \
  "$OLDPWD/$target/decap-cms/")
printf 'decap-cms %s (npm), MIT licence: https://github.com/decaporg/decap-cms/blob/main/LICENSE\n' \
  "$decap" >"$target/decap-cms/VERSION"
cp -r "$work/yaml/package/browser/dist/." "$target/yaml/"
cp "$work/yaml/package/LICENSE" "$target/yaml/LICENSE"
printf 'yaml %s (npm), ISC licence (LICENSE)\n' "$yaml" >"$target/yaml/VERSION"
echo "content/admin/vendor: decap-cms $decap, yaml $yaml"
