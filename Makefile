# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: Herald developers
#
# Front door for people and CI. `make run` starts Herald, `make test` checks it; both install
# what is missing first (scripts/install-deps.sh, via sudo when not root) and build.
#
#   make run ARGS="--msrp-listen 0.0.0.0:2855"   options for herald / heraldd
#   make test CTEST_ARGS="-L unit"               extra ctest arguments
#   make fuzz FUZZ_SECONDS=300                   time per fuzz target
#   make build JOBS=2                            parallel build jobs

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := build

BUILD_DIR      ?= build
FUZZ_BUILD_DIR ?= build-fuzz
BUILD_TYPE     ?= RelWithDebInfo
FUZZ_SECONDS   ?= 60
# Where `make fuzz` works: copies of the corpora and libFuzzer's new finds and crashes.
# Never the repository: new seeds are added to tests/fuzz/corpus/ by hand, named by SHA-256.
FUZZ_WORK_DIR  ?= $(FUZZ_BUILD_DIR)/fuzz-work
ARGS           ?=
# Parallel build jobs; empty: Ninja's default (cores + 2).
JOBS           ?=
CTEST_ARGS     ?=
CLANG_FORMAT   ?= clang-format-14
# Sources `make format` touches; corpora and test data are input, not code.
FORMAT_DIRS    := app engine ui tests

.PHONY: help deps configure build run test bench fuzz clean format format-check package screenshots translations

help:
	@echo "make run     install deps, build, start the console (herald) if a display is set,"
	@echo "             else the headless server (heraldd); ARGS=... passes options"
	@echo "make test    install deps, build, run every test (ctest)"
	@echo "make package builds the .deb (heraldd, herald, systemd unit, sample config)"
	@echo "make deps | configure | build | bench | fuzz | clean | format | format-check"

deps:
	@bash scripts/install-deps.sh

# Configure once; afterwards Ninja re-runs CMake by itself whenever a CMakeLists changes,
# which keeps this step cheap to repeat.
configure: deps
	@if [ -f "$(BUILD_DIR)/build.ninja" ]; then \
	  echo "configure: $(BUILD_DIR) is configured (Ninja re-runs CMake when needed)"; \
	elif [ -f "$(BUILD_DIR)/CMakeCache.txt" ]; then \
	  echo "configure: $(BUILD_DIR) was configured with another generator; run 'make clean'" >&2; \
	  exit 1; \
	else \
	  cmake -S . -B "$(BUILD_DIR)" -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE); \
	fi

build: configure
	cmake --build "$(BUILD_DIR)" $(if $(JOBS),-j $(JOBS))

run: build
	@if [ -n "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ] && [ -x "$(BUILD_DIR)/bin/herald" ]; then \
	  exec "$(BUILD_DIR)/bin/herald" $(ARGS); \
	else \
	  exec "$(BUILD_DIR)/bin/heraldd" $(ARGS); \
	fi

# The Debian package (CPack, cmake/Packaging.cmake): $(BUILD_DIR)/packages/herald_*.deb.
package: build
	cmake --build "$(BUILD_DIR)" --target package

# The README's pictures of the console (docs/screenshots/*.png), with live loopback traffic;
# under Xvfb when it is installed, else Qt's offscreen platform.
screenshots: build
	@if command -v xvfb-run >/dev/null; then \
	  xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" "$(BUILD_DIR)/bin/herald-screenshots" docs/screenshots; \
	  xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" "$(BUILD_DIR)/bin/herald-screenshots" docs/screenshots es; \
	else \
	  QT_QPA_PLATFORM=offscreen "$(BUILD_DIR)/bin/herald-screenshots" docs/screenshots; \
	  QT_QPA_PLATFORM=offscreen "$(BUILD_DIR)/bin/herald-screenshots" docs/screenshots es; \
	fi

# Brings every tr() of the console into translations/herald_*.ts (README "Make targets").
translations: configure
	cmake --build "$(BUILD_DIR)" --target update_translations

# Each test has its own timeout (herald_add_test, tests/CMakeLists.txt).
test: build
	ctest --test-dir "$(BUILD_DIR)" -j2 --output-on-failure --no-tests=error $(CTEST_ARGS)

# Benchmarks are programs that print "figure <name> <value> <unit>" lines (DESIGN.md §5).
bench: build
	@shopt -s nullglob; benches=("$(BUILD_DIR)"/bin/bench_*); failed=(); \
	if [ $${#benches[@]} -eq 0 ]; then echo "bench: no bench_* programs in $(BUILD_DIR)/bin"; exit 0; fi; \
	for bench in "$${benches[@]}"; do \
	  [ -x "$$bench" ] || continue; \
	  echo "== $$(basename "$$bench")"; \
	  "$$bench" || failed+=("$$(basename "$$bench")"); \
	done; \
	if [ $${#failed[@]} -gt 0 ]; then echo "bench: failed: $${failed[*]}" >&2; exit 1; fi

# libFuzzer needs clang; the console is left out (it has no fuzz targets and would only
# slow the instrumented build down).
fuzz: deps
	@if [ ! -f "$(FUZZ_BUILD_DIR)/build.ninja" ]; then \
	  CXX=clang++-14 cmake -S . -B "$(FUZZ_BUILD_DIR)" -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) \
	    -DHERALD_FUZZ=ON -DHERALD_BUILD_GUI=OFF; \
	else \
	  ninja -C "$(FUZZ_BUILD_DIR)" build.ninja; \
	fi
	@targets=$$(ninja -C "$(FUZZ_BUILD_DIR)" -t targets all \
	  | sed -n 's/^\(fuzz_[A-Za-z0-9_]*\): phony$$/\1/p' | sort -u); \
	if [ -z "$$targets" ]; then echo "fuzz: no fuzz_* targets defined"; exit 0; fi; \
	cmake --build "$(FUZZ_BUILD_DIR)" $(if $(JOBS),-j $(JOBS)) --target $$targets
	@shopt -s nullglob; failed=(); ran=0; \
	for fuzzer in "$(FUZZ_BUILD_DIR)"/bin/fuzz_*; do \
	  [ -x "$$fuzzer" ] || continue; \
	  name=$$(basename "$$fuzzer"); work="$(FUZZ_WORK_DIR)/$$name"; \
	  rm -rf "$$work"; mkdir -p "$$work/corpus" "$$work/artifacts"; \
	  if [ -d "tests/fuzz/corpus/$$name" ]; then cp -R "tests/fuzz/corpus/$$name/." "$$work/corpus/"; fi; \
	  echo "== $$name for $(FUZZ_SECONDS) s on a copy of tests/fuzz/corpus/$$name ($$(ls "$$work/corpus" | wc -l) seeds)"; \
	  ran=$$((ran + 1)); \
	  if ! "$$fuzzer" -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	       -artifact_prefix="$$work/artifacts/" "$$work/corpus" > "$$work/log.txt" 2>&1; then \
	    failed+=("$$name"); tail -n 40 "$$work/log.txt"; \
	  else \
	    grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "$$work/log.txt" || true; \
	  fi; \
	  echo "   corpus now $$(ls "$$work/corpus" | wc -l) files; log, finds and crashes in $$work"; \
	done; \
	if [ $$ran -eq 0 ]; then echo "fuzz: no fuzz_* executables in $(FUZZ_BUILD_DIR)/bin"; fi; \
	if [ $${#failed[@]} -gt 0 ]; then echo "fuzz: crashes or errors in: $${failed[*]}" >&2; exit 1; fi

clean:
	rm -rf "$(BUILD_DIR)" "$(FUZZ_BUILD_DIR)"

format:
	find $(FORMAT_DIRS) -type f \( -name '*.h' -o -name '*.cpp' \) \
	  -not -path 'tests/fuzz/corpus/*' -not -path 'tests/data/*' -print0 \
	  | xargs -0 -r $(CLANG_FORMAT) -i

format-check:
	find $(FORMAT_DIRS) -type f \( -name '*.h' -o -name '*.cpp' \) \
	  -not -path 'tests/fuzz/corpus/*' -not -path 'tests/data/*' -print0 \
	  | xargs -0 -r $(CLANG_FORMAT) --dry-run -Werror
