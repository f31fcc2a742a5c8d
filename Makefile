# The two commands of the README. Everything else lives in scripts/.
.PHONY: run test site setup dev

## Start the platform on SQLite with the demo data set (YINGJI_LISTEN, DATABASE_URL honoured).
run:
	@scripts/run.sh

## Run every test: lint, Rust tests on SQLite and PostgreSQL, release build, end-to-end.
test:
	@scripts/test.sh

## Build the browser side only (wasm, CSS, Leaflet, map data).
site:
	@scripts/setup.sh && scripts/build-site.sh release

setup:
	@scripts/setup.sh

## Development loop: debug wasm (no wasm-opt) and debug server, demo data on.
dev:
	@scripts/setup.sh && scripts/build-site.sh debug && \
	  YINGJI_DEMO=$${YINGJI_DEMO:-true} YINGJI_SITE_ROOT=$${CARGO_TARGET_DIR:-target}/site cargo run -p server -- serve
