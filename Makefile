# roster: `make run` starts rosterd on ./var/roster.db, `make test` runs every suite.

CC      ?= cc
BUILD   ?= build
PKGS     = libmicrohttpd jansson sqlite3 libpq libsodium libcurl
SAN     ?=
OPT     ?= -O2
# CFLAGS and LDFLAGS from the command line add to these (make CFLAGS=-DX).
ALL_CFLAGS = -std=c17 -D_GNU_SOURCE $(OPT) -g -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
           -Wformat=2 -Wno-format-nonliteral -pthread -Isrc -I$(BUILD)/gen $(SAN) \
           $(shell pkg-config --cflags $(PKGS) 2>/dev/null) $(CFLAGS)
ALL_LDLIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -pthread -lm $(LDLIBS)
ALL_LDFLAGS = $(SAN) $(LDFLAGS)

BASE_SRC  = $(wildcard src/base/*.c)
STORE_SRC = $(wildcard src/store/*.c)
CORE_SRC  = $(wildcard src/core/*.c)
MAIL_SRC  = $(wildcard src/mail/*.c)
HTTP_SRC  = $(wildcard src/http/*.c) $(wildcard src/api/*.c)
MIGRATIONS = $(sort $(wildcard src/store/migrations/*.sql))
MAIL_TEXTS = $(sort $(wildcard src/mail/templates/*/*.txt))
MAIL_HTML  = $(wildcard src/mail/templates/*/*.html)

LIB_SRC  = $(BASE_SRC) $(STORE_SRC) $(CORE_SRC) $(MAIL_SRC) src/config.c
LIB_OBJ  = $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/migrations.o $(BUILD)/gen/templates.o
HTTP_OBJ = $(HTTP_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/assets.o
# The console's bundle as committed (make web builds it again from web/).
WEB_DIST = $(sort $(shell find web/dist -type f 2>/dev/null))

# Defined before the rules that list them: prerequisites expand as they are read.
FUZZ_SECONDS ?= 20
FUZZ_TARGETS = $(patsubst tests/fuzz/%.c,build-fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))

UNIT_SRC  = $(wildcard tests/unit/*/*.c)
UNIT_BIN  = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all run test asan bench fuzz deps deps-test clean format check-layers web

all: $(BUILD)/rosterd $(BUILD)/rosterctl

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/gen/migrations.c: $(MIGRATIONS) scripts/embed-migrations.sh
	@mkdir -p $(dir $@)
	@sh scripts/embed-migrations.sh $@ $(MIGRATIONS)

$(BUILD)/gen/templates.c: $(MAIL_TEXTS) $(MAIL_HTML) scripts/embed-templates.sh
	@mkdir -p $(dir $@)
	@sh scripts/embed-templates.sh $@ $(MAIL_TEXTS)

$(BUILD)/gen/assets.c: $(WEB_DIST) scripts/embed-assets.sh
	@mkdir -p $(dir $@)
	@sh scripts/embed-assets.sh $@ web/dist

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	@$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/libroster.a: $(LIB_OBJ)
	@rm -f $@ && ar rcs $@ $^

$(BUILD)/libroster_http.a: $(HTTP_OBJ)
	@rm -f $@ && ar rcs $@ $^

$(BUILD)/rosterd: $(BUILD)/src/rosterd.o $(BUILD)/libroster_http.a $(BUILD)/libroster.a | check-layers
	@echo "  LD      $@"
	@$(CC) $(ALL_LDFLAGS) $^ $(ALL_LDLIBS) -o $@

$(BUILD)/rosterctl: $(BUILD)/src/rosterctl.o $(BUILD)/libroster.a
	@echo "  LD      $@"
	@$(CC) $(ALL_LDFLAGS) $^ $(ALL_LDLIBS) -o $@

$(BUILD)/tests/%: tests/unit/%.c tests/unit/testutil.h $(BUILD)/libroster_http.a $(BUILD)/libroster.a
	@mkdir -p $(dir $@)
	@echo "  TEST    $@"
	@$(CC) $(ALL_CFLAGS) -Itests/unit $< $(BUILD)/libroster_http.a $(BUILD)/libroster.a $(ALL_LDFLAGS) $(ALL_LDLIBS) -lcmocka -o $@

# DESIGN.md §5: core knows no HTTP, JSON or database library; api writes no SQL.
check-layers:
	@! grep -lE '#include <(microhttpd|sqlite3|libpq-fe|jansson)\.h>' src/core/*.c src/core/*.h 2>/dev/null \
	  || (echo "src/core must not include HTTP, JSON or database headers" && false)
	@! grep -lE '"[[:space:]]*(SELECT|INSERT|UPDATE|DELETE)[[:space:]]' src/api/*.c 2>/dev/null \
	  || (echo "src/api must not hold SQL" && false)
	@! grep -lE '#include "store/' src/api/*.[ch] src/http/*.[ch] src/core/*.h 2>/dev/null \
	  || (echo "src/api and src/http see the model through core (core/model.h), never store/; core's headers do not pass store/ on" && false)
	@! grep -lE '#include <microhttpd\.h>' $$(ls src/*.c src/*/*.[ch] | grep -v '^src/http/') 2>/dev/null \
	  || (echo "only src/http may include microhttpd.h" && false)

unit: $(UNIT_BIN)

# The console's bundle (web/dist, committed): esbuild from the npm packages.
web: deps-test
	@node scripts/build-web.mjs

deps:
	@sh scripts/deps.sh build

deps-test:
	@sh scripts/deps.sh test

run: deps all
	@mkdir -p var/mail
	ROSTER_DB=$${ROSTER_DB:-./var/roster.db} ROSTER_MAIL_DIR=$${ROSTER_MAIL_DIR:-./var/mail} \
	  ./$(BUILD)/rosterd --bootstrap-operator admin@localhost

test: deps-test all unit $(FUZZ_TARGETS)
	@sh tests/run.sh $(BUILD)

asan:
	@sh scripts/deps.sh test
	$(MAKE) BUILD=build-asan OPT=-O1 SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  CFLAGS=-DROSTER_ARENA_MALLOC all unit
	@rm -rf build-asan/sanitizer-logs && mkdir -p build-asan/sanitizer-logs
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:log_path=$(CURDIR)/build-asan/sanitizer-logs/asan \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=$(CURDIR)/build-asan/sanitizer-logs/ubsan \
	  ROSTER_SANITIZER_LOGS=$(CURDIR)/build-asan/sanitizer-logs sh tests/run.sh build-asan

# libFuzzer targets over the JSON specs and the router; FUZZ_SECONDS each.
build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang OPT=-O1 \
	  SAN="-fsanitize=fuzzer-no-link,address,undefined" build-fuzz/libroster.a build-fuzz/libroster_http.a
	@echo "  FUZZ    $@"
	@clang $(filter-out -Werror,$(ALL_CFLAGS)) -O1 -fsanitize=fuzzer,address,undefined $< \
	  build-fuzz/libroster_http.a build-fuzz/libroster.a $(ALL_LDLIBS) -o $@

fuzz: $(FUZZ_TARGETS)
	@for t in $(FUZZ_TARGETS); do mkdir -p build-fuzz/corpus/$$(basename $$t); \
	  $$t -max_total_time=$(FUZZ_SECONDS) -max_len=4096 build-fuzz/corpus/$$(basename $$t) 2>&1 | tail -n 2 || exit 1; done

bench: deps-test all
	@sh bench/run.sh $(BUILD)
	@sh bench/members.sh $(BUILD)
	@sh bench/licenses.sh $(BUILD)
	@sh bench/forgot.sh $(BUILD)
	@sh bench/console.sh $(BUILD)

format:
	clang-format -i src/*.c src/*/*.c src/*/*.h tests/unit/*.h tests/unit/*/*.c

clean:
	rm -rf build build-asan build-fuzz

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
