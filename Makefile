# sio — one hand-written GNU Makefile.  Flags are named parts so any of them
# can be overridden on the command line (make OPT=-O0, make CC=clang ...).
# Everything built lands under $(BUILD); `make check` builds twice: plain in
# build/ and with AddressSanitizer + UndefinedBehaviorSanitizer in build/san/.

VERSION  := 0.1.0
PREFIX   ?= /usr/local
DESTDIR  ?=
BUILD    ?= build
CC       ?= cc
STD      ?= -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
WARN     ?= -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
OPT      ?= -O2 -g
SAN      ?=
PKGS     := sqlite3 gsl plplot cairo inih nettle jansson libzip libcmark libxxhash libpng zlib
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CPPFLAGS += -Ilib -DSIO_VERSION='"$(VERSION)"'
CFLAGS   += $(STD) $(WARN) $(OPT) $(SAN) $(PKG_CFLAGS)
LDFLAGS  += $(SAN)
# libcsv ships no pkg-config file.
LDLIBS   += $(PKG_LIBS) -lcsv -lpthread -lm

# A stage is any top-level folder with a main.c; its program is sio-<folder>.
STAGES   := $(patsubst %/main.c,%,$(wildcard */main.c))
PROGS    := $(addprefix $(BUILD)/sio-,$(STAGES)) $(BUILD)/sio-gen
LIB_SRC  := $(wildcard lib/*.c lib/*/*.c)
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/schema.o
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
SAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

Q := @
ifeq ($(V),1)
Q :=
endif

.PHONY: all deps demo check test test-plain test-san bench install clean lint
.SECONDARY:

all: $(PROGS) $(UNIT_BIN)

deps:
	$(Q)scripts/install-deps

# Made afresh: ar would keep members whose sources have moved out of lib/.
$(BUILD)/libsio.a: $(LIB_OBJ)
	@echo "  AR    $@"
	$(Q)rm -f $@ && $(AR) rcs $@ $^

$(BUILD)/%.o: %.c $(wildcard lib/*.h lib/*/*.h) $(wildcard */*.h)
	@mkdir -p $(dir $@)
	@echo "  CC    $<"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# The store's schema is compiled in from lib/store/schema/*.sql, in name order,
# as one C string.  Each part uses CREATE ... IF NOT EXISTS.
SCHEMA_SQL := $(sort $(wildcard lib/store/schema/*.sql))
$(BUILD)/gen/schema.c: $(SCHEMA_SQL)
	@mkdir -p $(dir $@)
	@echo "  GEN   $@"
	$(Q){ echo 'const char sio_schema_sql[] ='; \
	  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $(SCHEMA_SQL); echo ';'; } > $@

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	@echo "  CC    $<"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-missing-variable-declarations -c -o $@ $<

# Each stage is every .c file in its folder, linked against libsio.a.
.SECONDEXPANSION:
$(BUILD)/sio-%: $$(addprefix $(BUILD)/,$$(subst .c,.o,$$(wildcard $$*/*.c))) $(BUILD)/libsio.a
	@echo "  LD    $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# Only sio-workbook writes Excel files: only it links libxlsxwriter.
$(BUILD)/sio-workbook: LDLIBS += $(shell pkg-config --libs xlsxwriter 2>/dev/null)
$(BUILD)/workbook/%.o: CFLAGS += $(shell pkg-config --cflags xlsxwriter 2>/dev/null)
$(BUILD)/tests/test_workbook%: LDLIBS += $(shell pkg-config --libs xlsxwriter 2>/dev/null)

# sio-gen: every file in tests/gen/ (its headers are two folders down, so
# named here).
GEN_SRC := $(wildcard tests/gen/*.c)
$(GEN_SRC:%.c=$(BUILD)/%.o): $(wildcard tests/gen/*.h)
$(BUILD)/sio-gen: $(GEN_SRC:%.c=$(BUILD)/%.o) $(BUILD)/libsio.a
	@echo "  LD    $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# A unit test named test_<stage>... (test_chart, test_ingest...) also links
# that stage's objects other than its main.o.
stage_of = $(firstword $(foreach s,$(STAGES),$(if $(filter test_$(s)%,$(1)),$(s))) \
	$(if $(filter test_chart%,$(1)),charts))
stage_objs = $(addprefix $(BUILD)/,$(subst .c,.o,$(filter-out $(1)/main.c,$(wildcard $(1)/*.c))))
$(BUILD)/tests/test_%: $(BUILD)/tests/unit/test_%.o $$(call stage_objs,$$(call stage_of,test_$$*)) $(BUILD)/libsio.a
	@echo "  LD    $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# libFuzzer harnesses (tests/fuzz/fuzz_*.c) with sio-ingest's objects; built by
# tests/fuzz/run with BUILD=build/fuzz CC=clang.  `make fuzz` builds, replays
# tests/fuzz/seeds and tests/fuzz/regressions, then fuzzes for FUZZ_SECONDS.
FUZZ_SECONDS ?= 60
.PHONY: fuzz
fuzz:
	$(Q)tests/fuzz/run all $(FUZZ_SECONDS)
$(BUILD)/fuzz_%: $(BUILD)/tests/fuzz/fuzz_%.o $$(call stage_objs,ingest) $(BUILD)/libsio.a
	@echo "  LD    $@"
	$(Q)$(CC) $(LDFLAGS) -fsanitize=fuzzer -o $@ $^ $(LDLIBS)

# The I/O fault shim the end-to-end tests preload (tests/fault/inject.c).
FAULT_SO := $(BUILD)/tests/fault/inject.so
all: $(FAULT_SO)
$(FAULT_SO): tests/fault/inject.c
	@mkdir -p $(dir $@)
	@echo "  CC    $@"
	$(Q)$(CC) $(STD) -Wall -Wextra -Werror -O1 -g -fPIC -shared -o $@ $< -ldl

# The demo: a deterministic sample, then every stage, charts under out/.
# Built by a second make, as check is: PKG_CFLAGS and PKG_LIBS are read from
# pkg-config when make starts, before deps has installed the libraries.
demo: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)scripts/demo $(BUILD)

test-plain: all
	$(Q)tests/run $(BUILD)

test-san:
	$(Q)$(MAKE) --no-print-directory BUILD=build/san SAN="$(SAN_FLAGS)" OPT="-O1 -g" all
	$(Q)SIO_SANITIZED=1 tests/run build/san

test: test-plain

# Every test, plain and then under ASan+UBSan.
check: deps
	$(Q)$(MAKE) --no-print-directory lint
	$(Q)$(MAKE) --no-print-directory test-plain
	$(Q)$(MAKE) --no-print-directory test-san

# Static analysis: cppcheck's warning, portability and performance checks on
# every stage and lib/; any finding fails the build.
LINT_DIRS := lib $(STAGES) tests/gen
lint:
	@echo "  LINT  $(LINT_DIRS)"
	$(Q)cppcheck -q --error-exitcode=1 --enable=warning,portability,performance \
	    --std=c11 --inline-suppr -Ilib -j2 $(LINT_DIRS)

bench: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)scripts/bench $(BUILD)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	    $(DESTDIR)$(PREFIX)/share/man/man5 $(DESTDIR)$(PREFIX)/share/sio
	install -m 755 $(addprefix $(BUILD)/sio-,$(STAGES)) $(DESTDIR)$(PREFIX)/bin
	install -m 644 man/*.1 $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 man/*.5 $(DESTDIR)$(PREFIX)/share/man/man5
	install -m 644 config/*.ini config/*.csv config/*.md config/*.docx config/*.css \
	    $(DESTDIR)$(PREFIX)/share/sio
	install -d $(DESTDIR)$(PREFIX)/share/sio/init/inputs
	install -m 644 config/init/README.md config/init/statement-text.md config/init/crontab \
	    config/init/sio.service config/init/sio.timer $(DESTDIR)$(PREFIX)/share/sio/init
	install -m 644 config/init/inputs/*.txt $(DESTDIR)$(PREFIX)/share/sio/init/inputs

clean:
	rm -rf build out var
