#!/bin/sh
# Runs a command with a Node.js that Astro 7 accepts (>= 22.12) first on PATH, and with the
# project's dependencies installed. Where the system Node is older, it fetches the official Node 24
# binary that the npm package node-<os>-<arch>@24 ships into .cache/node/ (once) and uses that.
# Usage: sh scripts/with-node.sh <command> [args...]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

node_ok() {
	command -v node >/dev/null 2>&1 &&
		node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if ! node_ok; then
	cached="$root/.cache/node/bin"
	if [ ! -x "$cached/node" ]; then
		os=$(uname -s | tr '[:upper:]' '[:lower:]')
		case $(uname -m) in
			x86_64 | amd64) arch=x64 ;;
			aarch64 | arm64) arch=arm64 ;;
			*) echo "with-node: no prebuilt Node for $(uname -m); install Node >= 22.12 yourself." >&2; exit 1 ;;
		esac
		command -v npm >/dev/null 2>&1 || { echo "with-node: npm is needed to fetch Node 24; install Node >= 22.12." >&2; exit 1; }
		echo "with-node: system Node is $(node --version 2>/dev/null || echo absent); Astro 7 needs >= 22.12." >&2
		echo "with-node: fetching node-$os-$arch@24 from the npm registry into .cache/node/ (once)..." >&2
		tmp=$(mktemp -d)
		(cd "$tmp" && npm pack --silent "node-$os-$arch@24" >/dev/null && tar -xzf node-*.tgz)
		rm -rf "$root/.cache/node"
		mkdir -p "$root/.cache"
		mv "$tmp/package" "$root/.cache/node"
		rm -rf "$tmp"
	fi
	PATH="$cached:$PATH"
	export PATH
	echo "with-node: using Node $(node --version) from .cache/node/" >&2
fi

# Install (or re-install) dependencies when the lock file changed since the last install.
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
	echo "with-node: installing dependencies (npm ci)..." >&2
	npm ci --no-audit --no-fund
fi

exec "$@"
