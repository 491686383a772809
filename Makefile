# fuhua — build, run, test, bench, install.
#
#   make            build build/rel/libfuhua.a and build/rel/fuhua
#   make run        build, create the demo database on first run, open the TUI
#   make test       build under ASan+UBSan and run every test
#   make bench      measure speed on generated data (SCALE=1: the growth
#                   table at 10 000, 100 000 and 1 000 000 tenants)
#   make install    PREFIX=/usr/local DESTDIR=
#   make deb        the Debian package (dpkg-buildpackage, debhelper) and
#                   lintian's report on it, in build/deb/
#   make fresh-test the README's commands in a new minimal Debian 12 root
#                   (root, debootstrap and the network to Debian's archive)
#
# CPPFLAGS, CFLAGS and LDFLAGS (dpkg-buildflags' in the package) are added
# to the release build's; NO_DEPS=1 (the package's build) never installs or
# checks packages: they are its Build-Depends.

PREFIX    ?= /usr/local
DESTDIR   ?=
VERSION   := $(or $(shell head -n 1 debian/changelog 2>/dev/null | cut -d ' ' -f 2 | tr -d '()'),0.1.0)
# Installed system-wide (PREFIX=/usr: the package) the program looks for its
# configuration in /etc/fuhua/config and its database in /var/lib/fuhua.
SYSCONFDIR    ?= $(if $(filter /usr,$(PREFIX)),/etc,$(PREFIX)/etc)
LOCALSTATEDIR ?= $(if $(filter /usr,$(PREFIX)),/var/lib,$(PREFIX)/var/lib)
BINDIR    := $(PREFIX)/bin
MANDIR    := $(PREFIX)/share/man
LOCALEDIR := $(PREFIX)/share/locale
DATADIR   := $(PREFIX)/share/fuhua
COMPLETIONDIR := $(PREFIX)/share/bash-completion/completions

CC      ?= cc
PKGS    := ncursesw sqlite3 yaml-0.1 libxcrypt icu-i18n xlsxwriter
PKG_CFLAGS = $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(shell pkg-config --cflags $(PKGS) 2>/dev/null))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lncursesw -ltinfo -lsqlite3 -lyaml -lcrypt -licui18n -licuuc -licudata -lxlsxwriter) -lm -pthread

WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wformat=2 -Wno-format-nonliteral -Werror=implicit-function-declaration
DEFS    := -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE \
           -DFH_LOCALEDIR='"$(LOCALEDIR)"' -DFH_DATADIR='"$(DATADIR)"' \
           -DFH_SYSCONFIG='"$(SYSCONFDIR)/fuhua/config"' -DFH_SYSTEM_DB='"$(LOCALSTATEDIR)/fuhua/fuhua.db"' \
           -DFUHUA_VERSION='"$(VERSION)"'
BASE_CFLAGS = -std=c11 -pthread $(WARN) $(DEFS) -Iinclude -Ibuild/gen $(PKG_CFLAGS) -MMD -MP
REL_CFLAGS  := -O2 -g
ASAN_CFLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

CORE_SRC := $(wildcard core/*.c)
TUI_SRC  := $(wildcard tui/*.c tui/*/*.c)
TUI_LIB_SRC := $(filter-out tui/main.c,$(TUI_SRC))
UNIT_SRC := $(wildcard tests/unit/test_*.c)
PO       := $(wildcard po/*.po)

define objs
$(patsubst %.c,$(1)/%.o,$(2))
endef

REL  := build/rel
ASAN := build/asan

.PHONY: all deps run test fresh-test bench install deb clean po-check lint format format-check pot update-po fuzz fuzz-bins
all: $(REL)/fuhua locale

deps:
	@./.ci/deps all

build/.deps-build: .ci/deps
	@[ -n "$(NO_DEPS)" ] || ./.ci/deps build
	@mkdir -p build && touch $@

# after the build's packages, never beside them: two apt-get at once under
# 'make -j' fail on dpkg's lock
build/.deps-test: .ci/deps build/.deps-build
	@./.ci/deps test
	@mkdir -p build && touch $@

build/.deps-lint: .ci/deps
	@./.ci/deps lint
	@mkdir -p build && touch $@

# ---- objects, two flavours ------------------------------------------------
$(REL)/%.o: %.c | build/.deps-build
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(BASE_CFLAGS) $(REL_CFLAGS) $(CFLAGS) -c $< -o $@

$(ASAN)/%.o: %.c | build/.deps-test
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(ASAN_CFLAGS) -c $< -o $@

# The pinyin-initials table, generated from Debian's Unihan (unicode-data).
UNIHAN ?= /usr/share/unicode/Unihan_Readings.txt.bz2
build/gen/pinyin_table.h: core/pinyin-gen.awk | build/.deps-build
	@mkdir -p $(dir $@)
	@test -r $(UNIHAN) || { echo "fuhua: $(UNIHAN) is missing (Debian package unicode-data)" >&2; exit 1; }
	bzcat $(UNIHAN) | awk -f core/pinyin-gen.awk > $@.tmp
	@test $$(wc -l < $@.tmp) -gt 40000 || { echo "fuhua: $@: too few characters from $(UNIHAN)" >&2; exit 1; }
	mv $@.tmp $@
$(REL)/core/pinyin.o $(ASAN)/core/pinyin.o: build/gen/pinyin_table.h

$(REL)/libfuhua.a: $(call objs,$(REL),$(CORE_SRC))
	rm -f $@ && $(AR) rcs $@ $^

$(ASAN)/libfuhua.a: $(call objs,$(ASAN),$(CORE_SRC))
	rm -f $@ && $(AR) rcs $@ $^

# The installed paths are compiled in (tui/common/i18n.c, tui/cmd/cmd.c): a build for
# another PREFIX rebuilds them, so 'make install PREFIX=…' after 'make run'
# installs a program that finds its own catalogue and configuration.
PREFIX_STAMP := $(REL)/prefix.stamp
$(PREFIX_STAMP): FORCE
	@mkdir -p $(dir $@)
	@echo '$(PREFIX) $(SYSCONFDIR) $(LOCALSTATEDIR) $(VERSION)' | cmp -s - $@ 2> /dev/null || \
	  echo '$(PREFIX) $(SYSCONFDIR) $(LOCALSTATEDIR) $(VERSION)' > $@
$(REL)/tui/common/i18n.o $(REL)/tui/cmd/cmd.o $(REL)/tui/cmd/cli.o: $(PREFIX_STAMP)
FORCE:

$(REL)/fuhua: $(call objs,$(REL),$(TUI_SRC)) $(REL)/libfuhua.a
	$(CC) $(REL_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(ASAN)/fuhua: $(call objs,$(ASAN),$(TUI_SRC)) $(ASAN)/libfuhua.a
	$(CC) $(ASAN_CFLAGS) -o $@ $^ $(PKG_LIBS)

# Unit tests: one binary per file, linked with core and the curses-free parts of tui/.
$(ASAN)/tests/unit/%: $(ASAN)/tests/unit/%.o $(call objs,$(ASAN),$(TUI_LIB_SRC)) $(ASAN)/libfuhua.a
	$(CC) $(ASAN_CFLAGS) -o $@ $^ $(PKG_LIBS) -lcmocka

# ---- message catalogues ---------------------------------------------------
MO_REL  := $(patsubst po/%.po,$(REL)/locale/%/LC_MESSAGES/fuhua.mo,$(PO))
MO_ASAN := $(patsubst po/%.po,$(ASAN)/locale/%/LC_MESSAGES/fuhua.mo,$(PO))
locale: $(MO_REL)
$(REL)/locale/%/LC_MESSAGES/fuhua.mo $(ASAN)/locale/%/LC_MESSAGES/fuhua.mo: po/%.po | build/.deps-build
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

# po/zh_CN.po is the source of the Chinese text: edit it by hand or in a PO
# editor. `make update-po` brings new messages in (msgmerge); then translate
# every empty msgstr. Contexts: P_("ctx", "msgid"); plurals: N3_(one, many, n).
XGETTEXT_FLAGS := --from-code=UTF-8 --add-comments=TRANSLATORS --sort-by-file \
	-k_ -kN_ -kP_:1c,2 -kNP_:1c,2 -kN3_:1,2 -kngettext:1,2 \
	--package-name=fuhua --msgid-bugs-address=fuhua-developers
pot: build/fuhua.pot
build/fuhua.pot: Makefile $(CORE_SRC) $(TUI_SRC) $(wildcard tui/*/*.h core/*.h)
	@mkdir -p build
	xgettext $(XGETTEXT_FLAGS) -o $@ $(sort $(CORE_SRC) $(TUI_SRC) $(wildcard tui/*/*.h core/*.h))

update-po: build/fuhua.pot
	for po in $(PO); do msgmerge --quiet --update --backup=none --no-fuzzy-matching $$po $<; done
	@msgattrib --untranslated --no-obsolete po/zh_CN.po | grep -c '^msgid "..*"' \
	  | sed 's/^/untranslated messages in po\/zh_CN.po: /' || true

po-check:
	@./tests/po-check.sh

# ---- the two commands -----------------------------------------------------
DEMO_DB ?= demo/fuhua.db
run: $(REL)/fuhua locale
	@if [ ! -f $(DEMO_DB) ]; then mkdir -p $(dir $(DEMO_DB)) && \
	  $(REL)/fuhua demo --db $(DEMO_DB) --config fixtures/config --tenants 300; fi
	$(REL)/fuhua --db $(DEMO_DB) --lang $${FUHUA_LANG:-zh}

UNIT_BIN := $(patsubst tests/unit/%.c,$(ASAN)/tests/unit/%,$(UNIT_SRC))
# The fuzz targets are built and run for a short while when clang can link a
# libFuzzer program (asked when make test runs, not when the Makefile is read:
# a machine without clang skips them and says so).
test: build/.deps-test $(ASAN)/fuhua $(MO_ASAN) $(UNIT_BIN)
	@fz=; if ./tests/fuzz/can-build $(FUZZ_CC); then \
	  $(MAKE) --no-print-directory fuzz-bins && fz=$(FUZZ) || exit 1; fi; \
	FUHUA_BIN=$(ASAN)/fuhua UNIT_DIR=$(ASAN)/tests/unit FUZZ_DIR=$$fz ./tests/run.sh

# The README's quick start on a fresh Debian 12 (tests/fresh-test.sh): what
# CI, on a machine that already has clang and earlier installs, cannot show.
fresh-test:
	@./tests/fresh-test.sh

# ---- fuzzing (libFuzzer, clang is a Debian package) -------------------------
#   make fuzz                 each target for FUZZ_SECONDS (600), seeds in tests/fuzz/seeds
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 600
FUZZ         := build/fuzz
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS   = -std=c11 -g -O1 $(DEFS) -Iinclude -Ibuild/gen $(PKG_CFLAGS) -MMD -MP
FUZZ_TARGETS := $(FUZZ)/fuzz_config $(FUZZ)/fuzz_import

$(FUZZ)/core/%.o: core/%.c build/gen/pinyin_table.h | build/.deps-build
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link $(FUZZ_SAN) -c $< -o $@

$(FUZZ)/fuzz_%: tests/fuzz/fuzz_%.c $(call objs,$(FUZZ),$(CORE_SRC))
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer $(FUZZ_SAN) -o $@ $(filter %.c %.o,$^) $(PKG_LIBS)

fuzz-bins: $(FUZZ_TARGETS)

fuzz: $(FUZZ_TARGETS)
	@./tests/fuzz/run.sh $(FUZZ) $(FUZZ_SECONDS)

bench: build/.deps-test $(REL)/fuhua $(REL)/bench/bench $(REL)/bench/bare
	@FUHUA_BENCH_SCALE=$(SCALE) ./bench/run.sh $(REL)

$(REL)/bench/bench: $(REL)/bench/bench.o $(REL)/bench/scale.o $(REL)/bench/jobs.o $(REL)/bench/measure.o \
	$(REL)/bench/outcomes.o $(REL)/libfuhua.a
	$(CC) $(REL_CFLAGS) -o $@ $^ $(PKG_LIBS)

# the memory anchor: ncursesw alone
$(REL)/bench/bare: $(REL)/bench/bare.o
	$(CC) $(REL_CFLAGS) -o $@ $^ $(shell pkg-config --libs ncursesw 2>/dev/null || echo -lncursesw -ltinfo)

# The layout of the C files is clang-format's, by the tree's .clang-format
# (tables built from X-macros and SQL laid out as SQL are fenced off in place).
FORMAT_SRC = $(sort $(wildcard core/*.[ch] include/fuhua/*.h tui/*.[ch] tui/*/*.[ch] tests/unit/*.[ch] tests/fuzz/*.c bench/*.[ch]))
CLANG_FORMAT ?= clang-format

format: build/.deps-lint
	$(CLANG_FORMAT) -i $(FORMAT_SRC)

format-check: build/.deps-lint
	@$(CLANG_FORMAT) --dry-run --Werror $(FORMAT_SRC) && echo "format-check: $(words $(FORMAT_SRC)) files as .clang-format lays them out"

lint: format-check
	cppcheck --quiet --enable=warning,portability --std=c11 -Iinclude core tui

# bash completion, made by the program from its table of commands
$(REL)/fuhua.bash: $(REL)/fuhua
	$(REL)/fuhua completion bash > $@.tmp && mv $@.tmp $@

install: $(REL)/fuhua $(REL)/fuhua.bash locale
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
	  $(DESTDIR)$(DATADIR)/config/levels $(DESTDIR)$(DATADIR)/config/hubs \
	  $(DESTDIR)$(COMPLETIONDIR)
	install -m 755 $(REL)/fuhua $(DESTDIR)$(BINDIR)/fuhua
	install -m 644 $(REL)/fuhua.bash $(DESTDIR)$(COMPLETIONDIR)/fuhua
	install -m 644 man/fuhua.1 $(DESTDIR)$(MANDIR)/man1/fuhua.1
	install -m 644 man/fuhua-config.5 $(DESTDIR)$(MANDIR)/man5/fuhua-config.5
	install -m 644 fixtures/config/levels/*.yaml $(DESTDIR)$(DATADIR)/config/levels/
	install -m 644 fixtures/config/hubs/*.yaml $(DESTDIR)$(DATADIR)/config/hubs/
	for mo in $(MO_REL); do l=$${mo#$(REL)/locale/}; \
	  install -D -m 644 $$mo $(DESTDIR)$(LOCALEDIR)/$$l; done

# The Debian package, built from a copy of the working tree (dpkg-buildpackage
# writes beside the source it builds) with its lintian report.
DEB_DIR := build/deb
deb:
	@command -v dpkg-buildpackage > /dev/null && command -v dh > /dev/null && command -v lintian > /dev/null || \
	  { echo "fuhua: make deb needs build-essential, dpkg-dev, debhelper and lintian:" >&2; \
	    echo "  apt-get install build-essential dpkg-dev debhelper lintian" >&2; exit 1; }
	rm -rf $(DEB_DIR) && mkdir -p $(DEB_DIR)/fuhua-$(VERSION)
	tar -c --exclude=./build --exclude=./demo --exclude=./.git . | tar -x -C $(DEB_DIR)/fuhua-$(VERSION)
	cd $(DEB_DIR)/fuhua-$(VERSION) && dpkg-buildpackage -us -uc -b > ../build.log 2>&1 || \
	  { tail -30 ../build.log >&2; exit 1; }
	lintian --fail-on error --info $(DEB_DIR)/fuhua_$(VERSION)_*.changes | tee $(DEB_DIR)/lintian.txt
	@ls $(DEB_DIR)/*.deb

clean:
	rm -rf build

# keep the objects of the pattern-built programs (fuzz targets, unit tests)
.SECONDARY: $(call objs,$(FUZZ),$(CORE_SRC)) $(patsubst %.c,$(ASAN)/%.o,$(UNIT_SRC))

-include $(shell find $(REL) $(ASAN) $(FUZZ) -name '*.d' -type f 2>/dev/null)
