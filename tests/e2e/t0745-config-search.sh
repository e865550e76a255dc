# t0745 — where a program finds its configuration without --config: the
# first of $SIO_CONFIG, ./config/sio.ini and /etc/sio/sio.ini that is set or
# exists; --config before all of them; --verbose says which it used.
. "$(dirname "$0")/lib.sh"

cd "$WORK" || exit 1
mkdir -p here/config there empty
cp "$TOP"/config/* here/config/ 2>/dev/null
cp -r here/config there/config
mv there/config/sio.ini there/config/other.ini
said() { grep -q "sio-measures: configuration $1 (from $2;" .err; }

for f in "$TOP"/*/main.c; do
    stage=$(basename "$(dirname "$f")")
    check "t0745-1.$stage sio-$stage takes --verbose" sh -c "'$BIN/sio-$stage' --verbose --help | grep -q '^usage: sio-$stage'"
done
(cd here && "$BIN/sio-measures" --verbose --store none.db) >.out 2>.err
check "t0745-2 in a folder with config/sio.ini, that is the one used" said config/sio.ini ./config/sio.ini
(cd here && SIO_CONFIG="$WORK/there/config/other.ini" "$BIN/sio-measures" --verbose --store none.db) >.out 2>.err
check "t0745-3 \$SIO_CONFIG comes before ./config/sio.ini" said "$WORK/there/config/other.ini" '\$SIO_CONFIG'
(cd here && SIO_CONFIG=/nowhere.ini "$BIN/sio-measures" --verbose --config config/sio.ini --store none.db) >.out 2>.err
check "t0745-4 --config comes before \$SIO_CONFIG" said config/sio.ini --config
(cd here && SIO_CONFIG= "$BIN/sio-measures" --verbose --store none.db) >.out 2>.err
check "t0745-5 an empty \$SIO_CONFIG counts as unset" said config/sio.ini ./config/sio.ini
(cd here && "$BIN/sio-measures" --store none.db) >.out 2>.err
check "t0745-6 without --verbose nothing is said about it" sh -c "! grep -q 'configuration config' .err"

if [ -e /etc/sio/sio.ini ]; then
    echo "# /etc/sio/sio.ini exists on this machine: t0745-7 and -8 need it absent"
    fail "t0745-7 no configuration anywhere exits 66 (not run: /etc/sio/sio.ini exists)"
else
    check_exit "t0745-7 no configuration anywhere exits 66" 66 sh -c "cd empty && '$BIN/sio-measures'"
    check "t0745-8 naming every place it looked and what makes one" \
        grep -q "no configuration: none given with --config or \$SIO_CONFIG, and neither ./config/sio.ini nor /etc/sio/sio.ini exists (sio-init DIR makes a working folder)" .err
fi

# /etc/sio/sio.ini: seen through a private mount of a scratch /etc, where
# user namespaces allow one (nothing is written to the real /etc).
mkdir -p etc/sio && cp "$TOP"/config/*.ini "$TOP"/config/*.csv "$TOP"/config/*.md etc/sio/
if unshare -rm true 2>/dev/null; then
    unshare -rm sh -c "mount --bind '$WORK/etc' /etc && cd '$WORK/empty' &&
        '$BIN/sio-measures' --verbose --store none.db" >.out 2>.err
    check "t0745-9 with neither \$SIO_CONFIG nor ./config/sio.ini, /etc/sio/sio.ini is used" \
        said /etc/sio/sio.ini /etc/sio/sio.ini
    unshare -rm sh -c "mount --bind '$WORK/etc' /etc && cd '$WORK/here' &&
        '$BIN/sio-measures' --verbose --store none.db" >.out 2>.err
    check "t0745-10 and ./config/sio.ini comes before it" said config/sio.ini ./config/sio.ini
else
    echo "# unshare cannot make a private mount here: t0745-9 and -10 not run"
    fail "t0745-9 /etc/sio/sio.ini is used (not run: no private mount namespace)"
fi
done_testing
