#!/usr/bin/env bash
# Builds and starts the platform on SQLite with the demo data set (演示数据).
# YINGJI_LISTEN, DATABASE_URL and the other settings of the README are honoured.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

stage "setup" "$ROOT/scripts/setup.sh"
stage "site" "$ROOT/scripts/build-site.sh" release
stage "server" cargo build -p server --release
export YINGJI_DEMO="${YINGJI_DEMO:-true}" YINGJI_SITE_ROOT="$SITE_ROOT"
exec "$CARGO_TARGET_DIR/release/yingji" serve
