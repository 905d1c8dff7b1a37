# Renders every graph file of a repository's graphs/ (the kinds of
# GRAPH_FILES) to SVG and PNG with scograph, as --render-all does,
# and fails on invalid input; only the graphs changed since their pictures
# were made are redrawn (`scograph --render-all` redraws them all, in one
# run). Include it, or run it:
#
#     make -f graphs.mk SCOGRAPH=path/to/scograph
#
# Each graph is one scograph run that lays it out once for both pictures;
# --strict makes warnings fail the build too. The pictures are the same
# bytes on every machine with the same Graphviz (SOURCE_DATE_EPOCH fixes
# the date cairo stamps into PDFs, if you add those).

SCOGRAPH ?= scograph
GRAPHS_DIR ?= graphs
RENDERED_DIR ?= rendered
SCOGRAPH_FLAGS ?= --strict
# A picture redrawn keeps the places of the one it replaces
# (--keep-layout), so that a small edit moves little in it; empty: each
# is drawn afresh.
KEEP_LAYOUT ?= yes
keep = $(if $(KEEP_LAYOUT),$(if $(wildcard $@),--keep-layout $@))
# Non-empty: each graph's page to explore (-T html: search, a panel of
# each entity, summaries that open) too, NAME.html beside its pictures.
PAGES ?=
pages = $(if $(PAGES),-o $(@:.svg=.html))

# What the folder holds beside graphs: their JSON Schemas and themes
# (scograph --render-all tells them by their content and passes over them).
GRAPHS_SKIP ?= %schema.json %theme.json

# The graph files, by their names' endings: those --render-all draws
# (CSV and TSV are not: a table is read as edges whatever it holds).
GRAPH_FILES ?= json jsonl jsonld gv dot graphml gexf nt nq ttl trig
GRAPHS := $(filter-out $(GRAPHS_SKIP),\
	$(foreach e,$(GRAPH_FILES),$(wildcard $(GRAPHS_DIR)/*.$(e))))
PICTURES := $(patsubst $(GRAPHS_DIR)/%,$(RENDERED_DIR)/%.svg,\
	$(basename $(GRAPHS)))

.PHONY: render
render: $(PICTURES)

define picture_of
$(RENDERED_DIR)/%.svg: $(GRAPHS_DIR)/%.$(1)
	@mkdir -p $(RENDERED_DIR)
	$$(SCOGRAPH) $$(SCOGRAPH_FLAGS) $$(keep) $$< -o $$@ -o $$(@:.svg=.png) $$(pages)
endef
$(foreach e,$(GRAPH_FILES),$(eval $(call picture_of,$(e))))
