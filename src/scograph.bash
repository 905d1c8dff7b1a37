# bash completion for scograph                             -*- shell-script -*-
#
# Every list comes from the scograph being completed, so that it cannot
# drift from the program: the options from its --help; the input formats
# from --from-format list; layout engines and output formats from the error
# it gives for a name it does not know ("... (this Graphviz has: a, b,
# c)"); the entities, their aliases and the relation types from the graph
# files already on the command line (or the built-in graph), as --list and
# -T json print them.

# Prints the names an error message of "$@" lists after its marker $1.
_scograph_listed()
{
	local marker=$1
	shift
	"$@" 2>&1 >/dev/null |
		sed -n "s/.*($marker \(.*\))\$/\1/p" | sed 's/,* and /, /g; s/, /\n/g'
}

# Adds to COMPREPLY the lines of standard input that start with $1, any
# case, quoted as the shell needs them (names may hold spaces). Give it its
# input with < <(...): in a pipeline it would fill a subshell's COMPREPLY.
_scograph_matching()
{
	local word=${1,,} line
	while IFS= read -r line; do
		[[ -n $line && ${line,,} == "$word"* ]] &&
			COMPREPLY+=("$(printf '%q' "$line")")
	done
}

# The graph of the files "$@" (the built-in one when none), in scograph's
# own JSON, as it writes it; $cmd and $format are the caller's.
_scograph_native()
{
	"$cmd" -T json --max-nodes 0 "${format[@]}" -- "$@" 2>/dev/null
}

_scograph()
{
	local cmd=$1 cur=${COMP_WORDS[COMP_CWORD]} prev i word
	local -a files=() format=()
	COMPREPLY=()
	prev=${COMP_WORDS[COMP_CWORD - 1]}
	# --name=value: bash splits it into --name, = and value
	if [[ $cur == = ]]; then
		cur=
	elif [[ $prev == = && COMP_CWORD -ge 2 ]]; then
		prev=${COMP_WORDS[COMP_CWORD - 2]}
	fi
	cur=${cur#[\"\']}

	local help options valued
	help=$("$cmd" --help 2>/dev/null) || return 0
	# an option's line starts "  -x, --name ARG" or "      --name ARG"
	options=$(grep -oE -- '^  (-[[:alpha:]], |    )--[a-z-]+' <<<"$help" |
		grep -oE -- '-[[:alpha:]]|--[a-z-]+')
	# options that take a value: those the help shows with an argument
	valued=" $(grep -oE -- '^  (-[[:alpha:]], |    )--[a-z-]+ [A-Z]' \
		<<<"$help" | grep -oE -- '-[[:alpha:]]|--[a-z-]+' | tr '\n' ' ')"

	# the graph files given so far, and the format to read them as
	for ((i = 1; i < COMP_CWORD; i++)); do
		word=${COMP_WORDS[i]}
		if [[ $word == -- ]]; then
			files+=("${COMP_WORDS[@]:i + 1:COMP_CWORD - i - 1}")
			break
		elif [[ $valued == *" $word "* ]]; then
			((i++))
			[[ ${COMP_WORDS[i]} == = ]] && ((i++))
			[[ $word == --from-format || $word == --shape ]] &&
				format=("$word" "${COMP_WORDS[i]}")
		elif [[ $word == - || ($word != -* && $word != =) ]]; then
			files+=("$word")
		fi
	done

	case $prev in
	--from-format)
		_scograph_matching "$cur" < <("$cmd" --from-format list \
			2>/dev/null | cut -d ' ' -f 1)
		return 0 ;;
	-K | --engine)
		_scograph_matching "$cur" < <(echo auto; _scograph_listed \
			"this Graphviz has:" "$cmd" -K '?' -T dot)
		return 0 ;;
	-T | --format)
		_scograph_matching "$cur" < <(echo html; _scograph_listed \
			"this Graphviz has:" "$cmd" -T '?')
		return 0 ;;
	--theme)
		_scograph_matching "$cur" < <(printf '%s\n' auto light dark print)
		# (compopt fails outside a completion, as in the tests)
		compopt -o filenames 2>/dev/null
		COMPREPLY+=($(compgen -f -X '!*.json' -- "$cur")
			$(compgen -d -- "$cur"))
		return 0 ;;
	--focus | --from | --to | --exclude | --type | --exclude-type)
		# standard input cannot be read twice
		[[ " ${files[*]} " == *" - "* ]] && return 0
		_scograph_matching "$cur" < <({ "$cmd" --list --max-nodes 0 \
			"${format[@]}" -- "${files[@]}" 2>/dev/null | tail -n +2 |
			if [[ $prev == *type ]]; then cut -f3; else
				cut -f1,2 | tr '\t' '\n'; fi
			# aliases, from the graph as scograph writes it: an
			# entity a line, its aliases a JSON list of strings
			[[ $prev == *type ]] ||
				_scograph_native "${files[@]}" | sed -n \
				's/.*"aliases": \[\([^]]*\)\].*/\1/p' |
				sed 's/^"//; s/"$//; s/", "/\n/g'; } | sort -u)
		return 0 ;;
	--relation | --exclude-relation)
		[[ " ${files[*]} " == *" - "* ]] && return 0
		# the keys of relation_types, which lists every type in use
		_scograph_matching "$cur" < <(_scograph_native "${files[@]}" |
			sed -n '/^  "relation_types": {/,/^  }/s/^    "\([^"]*\)": .*/\1/p')
		return 0 ;;
	--direction)
		_scograph_matching "$cur" < <(printf '%s\n' both out in)
		return 0 ;;
	--sparql-query)
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -f -X '!*.rq' -- "$cur")
			$(compgen -f -X '!*.sparql' -- "$cur")
			$(compgen -d -- "$cur"))
		return 0 ;;
	--sparql | --lang | --timeout | --max-response)
		# (a URL, a language tag, numbers: nothing to offer)
		return 0 ;;
	--rankdir)
		_scograph_matching "$cur" < <(printf '%s\n' TB LR BT RL)
		return 0 ;;
	--page)
		_scograph_matching "$cur" < <(printf '%s\n' a4 letter slide none)
		return 0 ;;
	--diagnostics)
		_scograph_matching "$cur" < <(printf '%s\n' text json)
		return 0 ;;
	--cluster)
		_scograph_matching "$cur" < <(printf '%s\n' type)
		return 0 ;;
	--shape)
		# a shape file, or the first of its words
		_scograph_matching "$cur" < <(printf '%s\n' nodes= edges=)
		compopt -o filenames -o nospace 2>/dev/null
		COMPREPLY+=($(compgen -f -X '!*.json' -- "$cur")
			$(compgen -d -- "$cur"))
		return 0 ;;
	--render-all)
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -d -- "$cur"))
		return 0 ;;
	esac
	if [[ $valued == *" $prev "* && $prev != -o && $prev != --output &&
		$prev != --diff && $prev != --keep-layout ]]; then
		return 0 # a value of its own: a number, a name, a text
	fi
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$options" -- "$cur"))
		return 0
	fi
	compopt -o filenames 2>/dev/null
	COMPREPLY=($(compgen -f -- "$cur"))
}
complete -F _scograph scograph
