# scograph. `make demo` and `make check` install what they need first.

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DATADIR ?= $(PREFIX)/share
MAN1DIR ?= $(DATADIR)/man/man1
MAN5DIR ?= $(DATADIR)/man/man5
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
CC ?= cc
CFLAGS ?= -O2 -g
LDFLAGS ?=
# SANITIZE=address,undefined builds everything with those sanitizers.
SANITIZE ?=

PKGS = libgvc libcgraph jansson fontconfig expat serd-0 nettle
WARNINGS = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wformat=2 -Wundef -Wvla
# Position-independent for the shared library; only what include/scograph.h
# marks SG_API is exported from it.
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L $(WARNINGS) -Iinclude -Isrc \
	-fPIC -fvisibility=hidden \
	$(shell pkg-config --cflags $(PKGS) libcurl 2>/dev/null) $(CFLAGS) \
	$(if $(SANITIZE),-fsanitize=$(SANITIZE) -fno-omit-frame-pointer)
ALL_LDFLAGS = $(LDFLAGS) $(if $(SANITIZE),-fsanitize=$(SANITIZE))
# (libcsv has no pkg-config file)
LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lm

# The Debian packages scograph builds, tests and renders with.
DEBS = graphviz libgraphviz-dev libjansson-dev libserd-dev nettle-dev \
	libcmocka-dev \
	libfontconfig-dev libexpat1-dev pkg-config fonts-dejavu-core \
	libxml2-utils valgrind python3-jsonschema python3-networkx \
	python3-igraph python3-rdflib python3-fonttools man-db libcsv-dev \
	python3-pandas libcurl4-openssl-dev virtuoso-opensource \
	python3-pygraphviz python3-scipy raptor2-utils bzip2 xz-utils

LIB_SRC = src/util.c src/graph.c src/read.c src/read_pos.c src/read_util.c \
	src/read_native.c src/read_elements.c src/read_jgf.c src/read_nodelink.c \
	src/read_js.c src/read_elk.c src/read_shape.c \
	src/read_graphviz.c src/read_tgf.c src/read_mcp.c \
	src/read_neo4j.c \
	src/read_graphson.c src/read_cx.c src/read_rdf.c src/read_sparql.c \
	src/read_jsonld.c src/read_serd.c src/read_xml.c src/sparql.c \
	src/read_table.c src/read_kg.c src/read_igraph.c \
	src/read_theme.c src/select.c src/draw.c src/draw_text.c \
	src/draw_style.c src/draw_diff.c src/draw_legend.c src/draw_summary.c \
	src/drawing.c src/render.c \
	src/output.c src/glyphs.c src/write.c src/diff.c src/colour.c src/crossings.c \
	src/html.c src/keep.c
LIB_OBJ = $(LIB_SRC:src/%.c=build/%.o) build/builtin.o build/page.o
# The shared library's version is the header's; its soname keeps the major.
VERSION := $(shell sed -n 's/^\#define SG_VERSION "\(.*\)"/\1/p' \
	include/scograph.h)
SONAME = libscograph.so.$(firstword $(subst ., ,$(VERSION)))
SHLIB = libscograph.so.$(VERSION)
UNIT_TESTS = $(patsubst tests/%.c,build/%,$(wildcard tests/test_*.c))

.PHONY: all deps demo check check-browser check-install unit cli memcheck \
	memcheck-unit memcheck-cmd helgrind examples fuzz fuzz-build \
	fuzz-corpus bench install uninstall clean
all: scograph build/libscograph.a build/$(SHLIB)

# Installs the missing packages of DEBS (which a recipe may override): as
# root through apt-get, else through sudo, else stops with the line to run.
deps:
	@missing=$$(for p in $(DEBS); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
		grep -q '^install ok installed' || printf '%s ' $$p; done); \
	missing=$$(echo $$missing); [ -n "$$missing" ] || exit 0; \
	line="apt-get install -y --no-install-recommends $$missing"; \
	if [ "$$(id -u)" = 0 ]; then sudo=; \
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then \
		sudo=sudo; \
	else echo "scograph needs: $$missing"; \
		echo "run as root: apt-get update && $$line"; exit 1; fi; \
	echo "installing: $$missing"; \
	$$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	$$sudo env DEBIAN_FRONTEND=noninteractive $$line >/dev/null

build:
	@mkdir -p build

# Objects are rebuilt when the Makefile (their flags) changes too: a stale
# object built without -fvisibility=hidden exported what it should not.
build/%.o: src/%.c include/scograph.h src/internal.h src/draw.h \
		src/draw_parts.h src/read.h src/read_rdf.h src/output.h \
		src/progress.h src/watch.h src/sparql.h Makefile | build
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The built-in graph: graphs/sco.json as a C array, so that the binary
# works from any directory.
build/builtin.c: graphs/sco.json | build
	@{ echo '#include <stddef.h>'; \
	  echo 'const unsigned char sg_builtin_json[] = {'; \
	  od -An -v -tx1 $< | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	  echo '0};'; \
	  echo 'const size_t sg_builtin_json_len = sizeof(sg_builtin_json) - 1;'; \
	} > $@

build/builtin.o: build/builtin.c Makefile
	$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -c -o $@ $<

# The page's style and script (-T html), as C arrays the same way.
build/page.c: src/page.css src/page.js | build
	@{ echo '#include <stddef.h>'; \
	  for f in css js; do \
	  echo "const unsigned char sg_page_$$f[] = {"; \
	  od -An -v -tx1 src/page.$$f | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	  echo '0};'; \
	  echo "const size_t sg_page_$${f}_len = sizeof(sg_page_$$f) - 1;"; \
	  done; } > $@

build/page.o: build/page.c Makefile
	$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -c -o $@ $<

build/libscograph.a: $(LIB_OBJ)
	$(AR) rcs $@ $^

build/$(SHLIB): $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,$(SONAME) -Wl,--no-undefined \
		$(ALL_LDFLAGS) -o $@ $^ $(LIBS)

# (the command's progress line is redrawn by a thread of its own)
scograph: build/main.o build/progress.o build/watch.o build/libscograph.a
	$(CC) $(ALL_LDFLAGS) -pthread -o $@ $^ $(LIBS)
build/progress.o: ALL_CFLAGS += -pthread

build/test_%: tests/test_%.c tests/testutil.h build/libscograph.a
	$(CC) $(ALL_CFLAGS) -Itests -o $@ $< build/libscograph.a \
		$(ALL_LDFLAGS) $(LIBS) -lcmocka

# (POSIX threads, for the test of reading in several at once)
build/test_threads: ALL_LDFLAGS += -pthread

# The allocation-failure test catches scograph's own calls to the allocator
# (see tests/test_alloc.c).
build/test_alloc: ALL_LDFLAGS += -Wl,--wrap=malloc,--wrap=calloc \
	-Wl,--wrap=realloc,--wrap=strdup,--wrap=open_memstream \
	-Wl,--wrap=json_loadb,--wrap=json_load_callback

# The layouts test checks the order of scograph's calls to Graphviz (see
# tests/test_layouts.c).
build/test_layouts: ALL_LDFLAGS += -Wl,--wrap=agread,--wrap=gvLayout \
	-Wl,--wrap=gvRenderData,--wrap=gvFreeLayout,--wrap=agclose

demo: deps
	@$(MAKE) --no-print-directory all
	./scograph --focus Kazakhstan -o kazakhstan.svg -o kazakhstan.png
	@echo "wrote kazakhstan.svg and kazakhstan.png"

unit: $(UNIT_TESTS)
	@for t in $(UNIT_TESTS); do ./$$t || exit 1; done
	@sh tests/layers.sh build

# (the CLI tests run out of memory at one place through an LD_PRELOAD
# shim, which the sanitizers' runtime would not have before it)
cli: scograph $(if $(SANITIZE),,build/failcalloc.so)
	@sh tests/cli.sh ./scograph
	@sh tests/watch.sh ./scograph
	@sh tests/sparql.sh ./scograph

build/failcalloc.so: tests/failcalloc.c | build
	$(CC) -shared -fPIC $(CFLAGS) -o $@ $< -ldl

# The library and the binary under valgrind: no error and no leak of ours.
# Graphviz's own per-render leaks are suppressed in tests/valgrind.supp.
VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite,indirect \
	--show-leak-kinds=definite,indirect \
	--suppressions=tests/valgrind.supp
memcheck: memcheck-unit memcheck-cmd

memcheck-unit: $(UNIT_TESTS)
	@for t in $(UNIT_TESTS); do SG_ALLOC_STRIDE=3 \
		$(VALGRIND) ./$$t >/dev/null 2>build/memcheck-unit.log || \
		{ cat build/memcheck-unit.log; exit 1; }; done
	@echo "memcheck: the unit tests: no errors, no leaks"

memcheck-cmd: scograph
	@$(VALGRIND) ./scograph --focus Kazakhstan -o build/mem.svg \
		-o build/mem.png -o build/mem.dot -o build/mem.html \
		2>build/memcheck.log || { cat build/memcheck.log; exit 1; }
	@$(VALGRIND) ./scograph --focus Kazakhstan -K neato --theme auto \
		-o build/mem.html 2>build/memcheck.log || \
		{ cat build/memcheck.log; exit 1; }
	@$(VALGRIND) ./scograph --cluster type --legend --caption \
		--theme examples/house-theme.json --focus Kazakhstan \
		--max-nodes 8 -o build/mem.svg -o build/mem.html \
		2>build/memcheck.log || { cat build/memcheck.log; exit 1; }
	@$(VALGRIND) ./scograph tests/tools/networkx/nx3/davis.json --theme dark \
		-o build/mem.svg -o build/mem.png 2>build/memcheck.log || \
		{ cat build/memcheck.log; exit 1; }
	@$(VALGRIND) ./scograph --theme tests/themes-invalid/type-key/theme.json \
		>/dev/null 2>build/memcheck.log; \
		[ $$? = 1 ] || { cat build/memcheck.log; exit 1; }
	@XDG_CACHE_HOME=$(CURDIR)/build \
		FONTCONFIG_FILE=$(CURDIR)/tests/fonts/latin-only.conf \
		$(VALGRIND) ./scograph tests/fonts/scripts.json \
		-o build/mem.png 2>build/memcheck.log || \
		{ cat build/memcheck.log; exit 1; }
	@$(VALGRIND) ./scograph --render-all tests/valid/small -o build/all \
		-T svg -T png 2>build/memcheck.log || \
		{ cat build/memcheck.log; exit 1; }
	@$(VALGRIND) ./scograph --render-all tests/valid/merge -o build/all \
		>/dev/null 2>build/memcheck.log; \
		[ $$? = 1 ] || { cat build/memcheck.log; exit 1; }
	@$(VALGRIND) ./scograph --from BRI --to SCO -o build/mem.svg \
		2>build/memcheck.log || { cat build/memcheck.log; exit 1; }
	@SCOGRAPH_PROGRESS_DELAY=0 $(VALGRIND) ./scograph --progress \
		graphs/sco.json -o build/mem.svg 2>build/memcheck.log || \
		{ cat build/memcheck.log; exit 1; }
	@$(VALGRIND) ./scograph --diff tests/diff/old-node-link.json \
		tests/diff/new.json --legend -o build/mem.svg -o build/mem.json \
		2>build/memcheck.log || { cat build/memcheck.log; exit 1; }
	@$(VALGRIND) ./scograph --diff tests/diff/old.json tests/diff/new.json \
		--list >/dev/null 2>build/memcheck.log || \
		{ cat build/memcheck.log; exit 1; }
	@# --keep-layout: the old version drawn first, then its SVG read
	@$(VALGRIND) ./scograph tests/keep/new.json --keep-layout \
		tests/keep/old.json -K neato -o build/mem.svg \
		2>build/memcheck.log || { cat build/memcheck.log; exit 1; }
	@$(VALGRIND) ./scograph tests/keep/new.json --keep-layout \
		build/mem.svg -o build/mem.dot \
		2>build/memcheck.log || { cat build/memcheck.log; exit 1; }
	@# a diff laid out as its OLD's drawing (dot, then nop2 twice)
	@$(VALGRIND) ./scograph --diff tests/diff/old.json tests/diff/new.json \
		--legend -o build/mem.svg \
		2>build/memcheck.log || { cat build/memcheck.log; exit 1; }
	@$(VALGRIND) ./scograph tests/keep/new.json --keep-layout \
		tests/invalid/unknown-entity/input.json -o build/mem.svg \
		2>build/memcheck.log; test $$? = 1 || \
		{ cat build/memcheck.log; exit 1; }
	@$(VALGRIND) ./scograph graphs/sco.json --list >/dev/null \
		2>build/memcheck.log || { cat build/memcheck.log; exit 1; }
	@$(VALGRIND) ./scograph tests/invalid/unknown-entity/input.json \
		>/dev/null 2>build/memcheck.log; \
		[ $$? = 1 ] || { cat build/memcheck.log; exit 1; }
	@# --sparql: a fetch, and each way one fails (tests/sparql.sh)
	@VALGRIND="$(VALGRIND)" sh tests/sparql.sh ./scograph memcheck \
		>build/memcheck.log 2>&1 || { cat build/memcheck.log; exit 1; }
	@# --watch: drawn, changed twice, ended by SIGINT
	@VALGRIND="$(VALGRIND)" sh tests/watch.sh ./scograph memcheck \
		>build/memcheck.log 2>&1 || { cat build/memcheck.log; exit 1; }
	@# Every bad input, and what is read with warnings, through the
	@# command: native JSON out, no layout (the drawings above go through
	@# Graphviz already). The good fixtures are read under valgrind in
	@# one process, by test_fixtures above: a valgrind start each (163
	@# of them) cost CI minutes and found nothing that did not.
	@for f in tests/formats-invalid/*/input.* tests/unread/*/input.* \
		tests/shapes/*.json tests/shapes/*.csv; do \
		$(VALGRIND) ./scograph -T json "$$f" >/dev/null \
			2>build/memcheck.log; \
		[ $$? -le 1 ] || { echo "$$f:"; cat build/memcheck.log; \
		exit 1; }; done
	@echo "memcheck: the command: no errors, no leaks"

# Reading and selecting in two threads at once, and the command's progress
# line drawn by its thread while the work goes on, under helgrind: no race.
# (Not through a layout: pango's and fontconfig's own threads race in
# helgrind's eyes, in code of theirs that the line's thread never runs;
# with no page, DOT is written without one, where a page's fitting lays
# the drawing out to choose it.)
helgrind: build/test_threads scograph
	@valgrind -q --tool=helgrind --error-exitcode=99 ./build/test_threads \
		>/dev/null 2>build/helgrind.log || \
		{ cat build/helgrind.log; exit 1; }
	@SCOGRAPH_PROGRESS_DELAY=0 valgrind -q --tool=helgrind \
		--suppressions=tests/helgrind.supp \
		--error-exitcode=99 ./scograph --progress --page none \
		graphs/sco.json -o build/hel.dot -o build/hel.json 2>build/helgrind.log || \
		{ cat -v build/helgrind.log; exit 1; }
	@echo "helgrind: no data races"

# make install into a scratch folder, the installed copy used, and uninstall;
# the man page; the bash completion.
check-install: all
	@MAKE="$(MAKE)" sh tests/install.sh ./scograph
	@bash tests/completion.sh ./scograph

# Under sanitizers LeakSanitizer takes valgrind's place (and nothing is
# installed: a sanitized library is no library to install).
# The longest first: they run as many at once as the machine has cores,
# each test in a folder of its own.
ifeq ($(SANITIZE),)
CHECKS = cli memcheck-cmd memcheck-unit unit check-install helgrind
else
CHECKS = cli unit
# (the slow unwinder sees through Graphviz's frames, for the suppressions)
export LSAN_OPTIONS = suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0:fast_unwind_on_malloc=0
endif
CHECK_JOBS ?= $(shell nproc)
check: deps
	@$(MAKE) --no-print-directory -j$(CHECK_JOBS) all $(UNIT_TESTS)
	@$(MAKE) --no-print-directory -j$(CHECK_JOBS) $(CHECKS)

# The drawings opened in a real browser. Only this target installs one: a
# browser is too large for every `make check`.
check-browser: deps
	@$(MAKE) --no-print-directory deps DEBS=chromium
	@$(MAKE) --no-print-directory all
	@[ -d tests/browser/node_modules/puppeteer-core ] || \
		(cd tests/browser && npm ci --no-audit --no-fund >/dev/null)
	@sh tests/browser.sh ./scograph

# libFuzzer targets, built with clang under ASan and UBSan, one per reader
# format forced by name, "auto" (the format told from the content) and
# "pipeline" (read, resolve, select, native JSON, and SVG through
# Graphviz's layouts for drawings of up to 40 entities, DOT beyond),
# "theme" (a theme file, drawn with) and "shape" (a first line of --shape,
# the rest read by it), all from the one source tests/fuzz/fuzz.c. A new
# reader format is one word here.
FUZZ_FORMATS = native jsonl jgf node-link nx-adjacency nx-tree cytoscape mcp \
	graphology graphlib ngraph vis elk g6 canvas kumu arrows langchain lightrag \
	graphviz dot tgf neo4j neo4j-driver graphson cx \
	cx2 sparql rdfjson jsonld graphml gexf csv tsv kgtk triples kg-gen llamaindex \
	igraph wikidata ntriples turtle nquads trig
FUZZ_TARGETS = $(FUZZ_FORMATS) auto pipeline theme shape keep sparql-fetch
FUZZ_BINS = $(FUZZ_TARGETS:%=build/fuzz/fuzz-%)
# Seconds each target runs in `make fuzz`.
FUZZ_SECONDS ?= 5
FUZZ_DEBS = clang libclang-rt-14-dev
FUZZ_CC = clang
FUZZ_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L $(WARNINGS) -Iinclude \
	-Isrc $(shell pkg-config --cflags $(PKGS) 2>/dev/null) -O1 -g \
	-fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
FUZZ_OBJ = $(LIB_SRC:src/%.c=build/fuzz/%.o) build/fuzz/builtin.o \
	build/fuzz/page.o
# The seeds: every fixture a reader has a test for (up to 16 KB), merged by
# `make fuzz-corpus` into tests/fuzz/corpus, which every target shares: a
# fixture goes in only when it shows a target something new.
FUZZ_SEEDS = tests/formats/*/*.json* tests/formats-invalid/*/input.* \
	tests/unread/*/input.* \
	tests/valid/*/input.json tests/invalid/*/input.json graphs/sco.json \
	tests/valid/theme/theme.json tests/themes-invalid/*/theme.json \
	examples/*theme*.json tests/tools/networkx/*/*.json \
	tests/tools/*/*.json* tests/tools/*/*.graphml \
	tests/tools/*/*.gexf tests/tools/networkx/*/*.graphml \
	tests/tools/networkx/*/*.gexf \
	tests/tools/*/*.csv tests/tools/*/*.tsv tests/formats/*/*.tsv \
	tests/formats-invalid/*/input.csv tests/formats-invalid/*/input.tsv \
	tests/tools/*/*.cx tests/tools/*/*.cx2 tests/formats-invalid/*/input.cx* \
	tests/tools/*/*.nt tests/tools/*/*.ttl tests/tools/*/*.nq \
	tests/tools/*/*.trig tests/formats/*/*.tgf \
	tests/formats-invalid/*/input.tgf \
	tests/tools/*/*.canvas tests/shapes/*.json tests/shapes/*.csv \
	tests/fuzz/shapes/* tests/fuzz/keep/*.svg tests/tools/graphviz/*.dot \
	tests/tools/*/*/*.gv tests/formats/*/*.gv \
	tests/tools/others/karate.* tests/tools/others/zachary.*
# New units go to build/fuzz/new, crashes to build/fuzz/crashes: a run
# never writes into the repository.
# (the XML formats' targets take the names XML is made of, the RDF
# formats' RDF's, and a target with a dictionary of its own, its own)
FUZZ_XML = graphml gexf keep
FUZZ_RDF = ntriples turtle nquads trig
FUZZ_RUN = -dict=tests/fuzz/$$([ -f tests/fuzz/$$t.dict ] && echo $$t || \
		case " $(FUZZ_XML) " in *" $$t "*) echo xml;; \
		*) case " $(FUZZ_RDF) " in *" $$t "*) echo rdf;; \
		*) echo json;; esac;; esac).dict -timeout=20 -rss_limit_mb=1024 \
	-artifact_prefix=build/fuzz/crashes/$$t- -print_final_stats=1
# Graphviz's own leaks are suppressed by library stack, as in make check;
# only the slow unwinder sees through Graphviz's frames, and it costs the
# readers five sixths of their speed, so only the targets that draw (and
# so call Graphviz) take it.
FUZZ_DRAWING = pipeline theme keep
FUZZ_ENV = TMPDIR=$(CURDIR)/build/fuzz/tmp \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0:fast_unwind_on_malloc=$$(case " $(FUZZ_DRAWING) " in *" $$t "*) echo 0;; *) echo 1;; esac)

build/fuzz:
	@mkdir -p build/fuzz/crashes build/fuzz/tmp

build/fuzz/%.o: src/%.c include/scograph.h src/internal.h src/draw.h \
		src/draw_parts.h src/read.h src/sparql.h | build/fuzz
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

build/fuzz/builtin.o: build/builtin.c | build/fuzz
	$(FUZZ_CC) $(FUZZ_CFLAGS) -Wno-missing-prototypes -c -o $@ $<

build/fuzz/page.o: build/page.c | build/fuzz
	$(FUZZ_CC) $(FUZZ_CFLAGS) -Wno-missing-prototypes -c -o $@ $<

build/fuzz/fuzz-%: tests/fuzz/fuzz.c $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -DSG_FUZZ_FORMAT='"$*"' \
		-o $@ $< $(FUZZ_OBJ) $(LIBS)

.SECONDARY: $(FUZZ_OBJ)
fuzz-build: $(FUZZ_BINS)

# Each target FUZZ_SECONDS seconds from its seeds; stops at the first
# crash, leak or sanitizer report, which libFuzzer saves under
# build/fuzz/crashes.
fuzz: deps
	@$(MAKE) --no-print-directory deps DEBS="$(FUZZ_DEBS)"
	@$(MAKE) --no-print-directory fuzz-build
	@# two targets at a time: one alone left a core of CI's two idle
	@$(MAKE) --no-print-directory -j2 $(FUZZ_TARGETS:%=fuzz-run-%)

# One target fuzzed FUZZ_SECONDS from the seed corpus (make fuzz).
# (FUZZ_RUN and FUZZ_ENV read the target's name from the shell's t)
fuzz-run-%:
	@t=$*; rm -rf build/fuzz/new/$$t; mkdir -p build/fuzz/new/$$t; \
	$(FUZZ_ENV) build/fuzz/fuzz-$$t $(FUZZ_RUN) \
		-max_total_time=$(FUZZ_SECONDS) build/fuzz/new/$$t \
		tests/fuzz/corpus >build/fuzz/$$t.log 2>&1 || \
		{ tail -n 60 build/fuzz/$$t.log; \
		echo "fuzz-$$t failed: see build/fuzz/$$t.log"; exit 1; }; \
	echo "fuzz-$$t: $$(sed -n 's/^stat::number_of_executed_units: //p' \
		build/fuzz/$$t.log) runs, nothing found"

# Merges the test fixtures into the committed seed corpus, keeping what is
# already there (the findings) and adding only inputs with new coverage.
fuzz-corpus: fuzz-build
	@rm -rf build/fuzz/seeds; mkdir -p build/fuzz/seeds; \
	for f in $(FUZZ_SEEDS); do \
		[ $$(wc -c <"$$f") -le 16384 ] || continue; \
		cp "$$f" build/fuzz/seeds/$$(echo "$$f" | tr / _); done
	@for t in $(FUZZ_TARGETS); do \
		$(FUZZ_ENV) build/fuzz/fuzz-$$t -merge=1 \
			-artifact_prefix=build/fuzz/crashes/$$t- tests/fuzz/corpus \
			build/fuzz/seeds >build/fuzz/$$t.log 2>&1 || \
			{ cat build/fuzz/$$t.log; exit 1; }; \
	done

# A benchmark, not a test (never part of check): scograph against the bare
# Jansson parse, networkx and gvpr on generated power-law graphs, and its
# small drawings against dot; one table. BENCH_SIZES="10k 100k 1M" adds the
# 1M-relation graph; see tests/bench/bench.py for the rest.
BENCH_DEBS = graphviz python3-networkx python3-pygraphviz time serdi \
	virtuoso-opensource curl
# The size given to tests/sparql/gen.py for the graph the --sparql rows
# load into Virtuoso: 1190000 writes the issue's 1M triples (1,001,578).
SPARQL_BENCH_TRIPLES ?= 1190000
build/bench-parse: tests/bench/parse.c | build
	$(CC) $(ALL_CFLAGS) -o $@ $< $(ALL_LDFLAGS) \
		$(shell pkg-config --libs jansson)

bench: deps
	@$(MAKE) --no-print-directory deps DEBS="$(BENCH_DEBS)"
	@$(MAKE) --no-print-directory scograph build/bench-parse
	@/usr/bin/python3 tests/bench/bench.py ./scograph build/bench-parse \
		build/bench
	@# how far pictures move on single edits (issue 23)
	@/usr/bin/python3 tests/layoutmove.py ./scograph build/bench/layoutmove
	@# --sparql: a hub from a store against the store's own time and
	@# against exporting the graph and reading the file
	@/usr/bin/python3 tests/sparql/bench.py ./scograph build/bench-sparql \
		$(SPARQL_BENCH_TRIPLES)
	@# the page (-T html) in chromium, when make check-browser has set
	@# it up (tests/browser/bench.mjs)
	@if [ -d tests/browser/node_modules/puppeteer-core ] && \
		command -v chromium >/dev/null; then \
		node tests/browser/bench.mjs ./scograph build/bench; \
	else echo "the page's rows need make check-browser first"; fi

# The README's pictures.
examples: scograph
	./scograph --focus Kazakhstan -o examples/kazakhstan.svg \
		-o examples/kazakhstan.png -o examples/kazakhstan.html
	./scograph --focus Kazakhstan --theme dark -o examples/kazakhstan-dark.png
	./scograph --cluster type --legend --caption \
		-o examples/sco-report.svg
	./scograph tests/tools/networkx/nx3/miserables.graphml --focus Valjean \
		-o examples/miserables.svg
	./scograph --diff examples/sco-before.json --legend \
		--title "What changed since the earlier version of the SCO graph" \
		-o examples/sco-diff.svg -o examples/sco-diff.png
	@# the report figure before and after the edit, afresh and kept
	./scograph examples/sco-before.json --cluster type --legend --caption \
		-o examples/sco-before.svg -o examples/sco-before.png
	./scograph --cluster type --legend --caption -o examples/sco-after.png
	./scograph --cluster type --legend --caption \
		--keep-layout examples/sco-before.svg -o examples/sco-after-kept.png

# What `make install` puts where; `make uninstall` removes exactly these.
INSTALLED = $(BINDIR)/scograph $(LIBDIR)/libscograph.a $(LIBDIR)/$(SHLIB) \
	$(LIBDIR)/$(SONAME) $(LIBDIR)/libscograph.so \
	$(INCLUDEDIR)/scograph.h $(PKGCONFIGDIR)/scograph.pc \
	$(MAN1DIR)/scograph.1 $(MAN5DIR)/scograph-formats.5 \
	$(BASHCOMPDIR)/scograph \
	$(DATADIR)/scograph/sco.json $(DATADIR)/scograph/schema.json \
	$(DATADIR)/scograph/theme-schema.json
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) \
		$(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PKGCONFIGDIR) \
		$(DESTDIR)$(MAN1DIR) $(DESTDIR)$(MAN5DIR) $(DESTDIR)$(BASHCOMPDIR) \
		$(DESTDIR)$(DATADIR)/scograph
	install -m 755 scograph $(DESTDIR)$(BINDIR)/scograph
	install -m 644 build/libscograph.a $(DESTDIR)$(LIBDIR)/libscograph.a
	install -m 755 build/$(SHLIB) $(DESTDIR)$(LIBDIR)/$(SHLIB)
	ln -sf $(SHLIB) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libscograph.so
	install -m 644 include/scograph.h $(DESTDIR)$(INCLUDEDIR)/scograph.h
	@# written here: its paths are the ones installed to
	printf '%s\n' 'libdir=$(LIBDIR)' 'includedir=$(INCLUDEDIR)' '' \
		'Name: scograph' \
		'Description: knowledge graphs in JSON drawn through Graphviz' \
		'Version: $(VERSION)' 'Requires.private: $(PKGS)' \
		'Libs: -L$${libdir} -lscograph' 'Libs.private: -lcsv -lm' 'Cflags: -I$${includedir}' \
		>$(DESTDIR)$(PKGCONFIGDIR)/scograph.pc
	install -m 644 src/scograph.1 $(DESTDIR)$(MAN1DIR)/scograph.1
	install -m 644 src/scograph-formats.5 \
		$(DESTDIR)$(MAN5DIR)/scograph-formats.5
	install -m 644 src/scograph.bash $(DESTDIR)$(BASHCOMPDIR)/scograph
	install -m 644 graphs/sco.json graphs/schema.json \
		graphs/theme-schema.json $(DESTDIR)$(DATADIR)/scograph

uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALLED))
	rmdir $(DESTDIR)$(DATADIR)/scograph 2>/dev/null || true

clean:
	rm -rf build scograph kazakhstan.svg kazakhstan.png
