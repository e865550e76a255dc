#!/bin/sh
# t0790 — every hostile or broken file in tests/corpus/bad/ (and the large
# ones tests/corpus/generate-large.sh writes) ends the way
# tests/corpus/bad/expected.tsv says: the exit status, the files table's
# read/loaded/rejected/duplicate with read = loaded + rejected + duplicate,
# the rejects and duplicates tables holding exactly those rows, each listed
# reason at its line, and the notes on loaded rows; a refused file leaves
# nothing in the store.  One check per corpus file, named after it.  The
# run's date is fixed (SIO_TODAY), so "after this run's month" is stable.
. "$(dirname "$0")/lib.sh"
corpus=$TOP/tests/corpus/bad
tsv=$corpus/expected.tsv
SIO_TODAY=2026-12-06
export SIO_TODAY
"$TOP/tests/corpus/generate-large.sh" "$WORK/gen" || fail t0790.0-generate-large-files

q() { sqlite3 -batch -noheader "$db" "$1"; }

# table KIND: the store table a kind's rows go to ("" when not known here,
# or when a row is not one table row: a wide population row has a figure
# per force).
table() {
    case $1 in
    street) echo street ;; outcomes) echo outcomes ;; stop-and-search) echo stop_search ;;
    ho-quarterly | ho-rolling-year) echo ho_crime ;; indicators) echo indicators ;;
    population | population-census) echo population ;;
    extract) echo extract_crimes ;;
    esac
}

# expect_one ITEM: one " | " item of the expect column; says what is wrong.
expect_one() {
    case $1 in
    ...) return 0 ;;
    stderr~*)
        grep -qF -- "${1#stderr~}" "$dir/err" && return 0
        echo "stderr lacks '${1#stderr~}': $(head -c 300 "$dir/err")"; return 1 ;;
    ini:*) return 0 ;; # set up by config_for
    dup*=*)
        _l=${1%%=*}; _l=${_l#dup}; _got=$(q "SELECT crime_id FROM duplicates WHERE line = $_l")
        [ "$_got" = "${1#*=}" ] && return 0
        echo "duplicate at line $_l is '$_got', want '${1#*=}'"; return 1 ;;
    notes=*)
        _got=$(q "SELECT total(rows) FROM file_notes")
        [ "${_got%.0}" = "${1#notes=}" ] && return 0
        echo "notes on $_got rows, want ${1#notes=}"; return 1 ;;
    note*=*)
        _l=${1%%=*}; _l=${_l#note}
        _got=$(q "SELECT note || CASE value WHEN '' THEN '' ELSE ' ''' || value || '''' END
                  FROM file_notes WHERE first_line = $_l")
        [ "$_got" = "${1#*=}" ] && return 0
        echo "note first at line $_l is '$_got', want '${1#*=}'"; return 1 ;;
    *=*)
        _l=${1%%=*}; _got=$(q "SELECT reason FROM rejects WHERE line = $_l")
        [ "$_got" = "${1#*=}" ] && return 0
        echo "reject at line $_l is '$_got', want '${1#*=}'"; return 1 ;;
    *~*)
        _l=${1%%~*}; _got=$(q "SELECT reason FROM rejects WHERE line = $_l")
        case $_got in *"${1#*~}"*) return 0 ;; esac
        echo "reject at line $_l is '$_got', want it to contain '${1#*~}'"; return 1 ;;
    esac
    echo "expected.tsv: cannot read '$1'"; return 1
}

# items LIST: the " | "-separated items of LIST, one a line.
items() {
    [ "$1" = - ] && return 0
    printf '%s\n' "$1" | sed 's/ | /\n/g'
}

# expect_all LIST: every item; counts the reject and duplicate items in
# $listed and the note items in $notes_listed, and sets $open when the list
# ends with "...".
expect_all() {
    listed=0 notes_listed=0 open=0
    items "$1" >"$dir/items"
    while IFS= read -r _item; do
        case $_item in
        ...) open=1 ;; stderr~* | ini:* | notes=*) ;;
        note*) notes_listed=$((notes_listed + 1)) ;;
        *) listed=$((listed + 1)) ;;
        esac
        expect_one "$_item" || return 1
    done <"$dir/items"
}

# config_for LIST: the sio.ini to load with: a copy of config/ with each
# "ini:SECTION.KEY=VALUE" item of LIST added, else config/sio.ini.
config_for() {
    if ! items "$1" | grep -q '^ini:'; then echo "$TOP/config/sio.ini"; return; fi
    cp -r "$TOP/config" "$dir/config"
    items "$1" | sed -n 's/^ini:\([^.]*\)\.\([^=]*\)=\(.*\)/[\1]\n\2 = \3/p' \
        >>"$dir/config/sio.ini"
    echo "$dir/config/sio.ini"
}

# refused: nothing of the file is in the store (no store, or empty tables).
refused() {
    [ ! -f "$db" ] && return 0
    _n=$(q "SELECT (SELECT COUNT(*) FROM files) + (SELECT COUNT(*) FROM rejects) +
                   (SELECT COUNT(*) FROM duplicates)")
    [ "$_n" = 0 ] && return 0
    echo "a refused file left $_n rows in files, rejects and duplicates"; return 1
}

# counted READ LOADED REJECTED DUPLICATE: the files row and the tables agree.
counted() {
    _want="$1|$2|$3|$4"
    _got=$(q "SELECT rows_read || '|' || rows_loaded || '|' || rows_rejected || '|' ||
              rows_duplicate FROM files")
    [ "$_got" = "$_want" ] || { echo "read|loaded|rejected|duplicate $_got, want $_want"; return 1; }
    [ "$1" -eq $(($2 + $3 + $4)) ] || { echo "expected.tsv: read is not the sum"; return 1; }
    _tab=$(table "$(q 'SELECT kind FROM files')")
    _tables="$(q 'SELECT COUNT(*) FROM rejects')|$(q 'SELECT COUNT(*) FROM duplicates')"
    [ "$_tables" = "$3|$4" ] || { echo "rejects|duplicates tables hold $_tables, want $3|$4"; return 1; }
    [ -z "$_tab" ] || [ "$(q "SELECT COUNT(*) FROM $_tab")" = "$2" ] ||
        { echo "$_tab holds $(q "SELECT COUNT(*) FROM $_tab") rows, want $2"; return 1; }
}

# verify FILE AS EXIT READ LOADED REJECTED DUPLICATE EXPECT: prints what is wrong.
verify() {
    src=$corpus/$1
    [ -f "$src" ] || src=$WORK/gen/$1
    [ -f "$src" ] || { echo "no such corpus file"; return 1; }
    dir=$WORK/case/$1 db=$WORK/case/$1/sio.db
    mkdir -p "$dir"
    _as=$2; [ "$_as" = - ] && _as=$1
    mkdir -p "$(dirname "$dir/$_as")"
    cp "$src" "$dir/$_as"
    "$BIN/sio-ingest" --config "$(config_for "$8")" --store "$db" "$dir/$_as" \
        >"$dir/out" 2>"$dir/err"
    _rc=$?
    [ "$_rc" -eq "$3" ] || { echo "exit $_rc, want $3: $(head -c 300 "$dir/err")"; return 1; }
    if [ "$4" = - ]; then refused || return 1; else counted "$4" "$5" "$6" "$7" || return 1; fi
    expect_all "$8" || return 1
    [ "$4" = - ] || [ "$open" = 1 ] || [ "$listed" -eq $(($6 + $7)) ] ||
        { echo "expected.tsv lists $listed rejects and duplicates, the file has $(($6 + $7))"; return 1; }
    # a case that lists notes lists every one
    _notes=$(q 'SELECT COUNT(*) FROM file_notes' 2>/dev/null)
    [ "$notes_listed" = 0 ] || [ "$notes_listed" = "$_notes" ] ||
        { echo "expected.tsv lists $notes_listed notes, the file has $_notes"; return 1; }
}

tab=$(printf '\t')
seen=$WORK/seen
: >"$seen"
while IFS=$tab read -r file as code nread loaded rejected dup expect; do
    case $file in '#'* | '') continue ;; esac
    echo "$file" >>"$seen"
    why=$(verify "$file" "$as" "$code" "$nread" "$loaded" "$rejected" "$dup" "$expect")
    if [ -z "$why" ]; then pass "t0790 $file"; else fail "t0790 $file" "$why"; fi
    rm -rf "$WORK/case/$file"
done <"$tsv"

# Every committed and generated file has a line in expected.tsv.
unlisted=$(cd "$corpus" && ls | grep -v "^expected.tsv$"; cd "$WORK/gen" && ls)
unlisted=$(echo "$unlisted" | grep -vxF -f "$seen")
check "t0790 every corpus file is in expected.tsv${unlisted:+ (not: $unlisted)}" test -z "$unlisted"
count=$(grep -c . "$seen")
check "t0790 the corpus has at least 40 files ($count)" test "$count" -ge 40

done_testing
