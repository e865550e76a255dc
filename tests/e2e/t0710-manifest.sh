# t0710 — out/manifest.json: every input with its SHA-256 and row counts,
# every output with its SHA-256, the configuration, the versions and the
# times; and two runs on the same inputs give byte-identical outputs.
# Expected values come from outside sio: sha256sum, the files table, find.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/fault/lib.sh"

cd "$WORK" || exit 1
gen_sample in
run_config a a/sio.db a/out a/run.log
run_config b b/sio.db b/out b/run.log
"$BIN/sio-run" --config cfg/a.ini --quiet in || fail "t0710-0 first run" "exit $?"
m=a/out/manifest.json
# jq-free JSON reading: Python's json module, an independent parser.
py() { python3 -c "import json,sys; m=json.load(open('$m')); $1"; }

check "t0710-1 the manifest is valid JSON" py "pass"
check "t0710-2 it has start and end times in UTC" \
    py "import re; assert all(re.fullmatch(r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ', m[k]) for k in ('started_at','ended_at'))"
check "t0710-3 it lists every output file but itself, sorted by path" \
    sh -c "cd a/out && find . -type f ! -name manifest.json | sed 's|^\./||' | LC_ALL=C sort >../want.paths &&
           python3 -c \"import json; [print(o['path']) for o in json.load(open('manifest.json'))['outputs']]\" >../got.paths &&
           cmp -s ../want.paths ../got.paths"
check "t0710-4 every output's SHA-256 is sha256sum's" \
    sh -c "cd a/out && python3 -c \"import json; [print(o['sha256'] + '  ' + o['path']) for o in json.load(open('manifest.json'))['outputs']]\" | sha256sum -c --quiet"
check "t0710-5 every input file of the store is listed, with its SHA-256" \
    sh -c "sqlite3 a/sio.db 'SELECT path, sha256 FROM files ORDER BY id' >want.in &&
           python3 -c \"import json; [print(i['path'] + '|' + i['sha256']) for i in json.load(open('$m'))['inputs']]\" >got.in &&
           cmp -s want.in got.in"
check "t0710-6 input SHA-256s are the files' own (sha256sum)" \
    sh -c "python3 -c \"import json; [print(i['sha256'] + '  ' + i['path']) for i in json.load(open('$m'))['inputs']]\" | sha256sum -c --quiet"
check "t0710-7 each input's rows reconcile: read = loaded + rejected + duplicate" \
    py "assert m['inputs'] and all(i['rows_read'] == i['rows_loaded'] + i['rows_rejected'] + i['rows_duplicate'] for i in m['inputs'])"
check "t0710-8 the configuration is named with its SHA-256" \
    py "import hashlib; c=m['config']; assert c['path']=='cfg/a.ini' and c['sha256']==hashlib.sha256(open('cfg/a.ini','rb').read()).hexdigest()"
check "t0710-9 the measures file too" \
    py "import hashlib; c=m['config']['measures_file']; assert c['sha256']==hashlib.sha256(open(c['path'],'rb').read()).hexdigest()"
check "t0710-10 the resolved configuration has the store and baseline used" \
    py "r=m['config']['resolved']; assert r['store']=='a/sio.db' and r['output']=='a/out' and r['baseline_start']=='2018-07' and r['confidence']==0.95"
check "t0710-11 the versions of sio and each library are recorded" \
    py "v=m['versions']; assert all(v.get(k) for k in ('sio','sqlite','gsl','plplot','libcsv','jansson','nettle'))"
check "t0710-12 the SQLite version is the library's own (sqlite3 shell agrees)" \
    py "import subprocess; assert m['versions']['sqlite']==subprocess.run(['sqlite3',':memory:','select sqlite_version()'],capture_output=True,text=True).stdout.strip()"
check "t0710-13 the steps run are recorded with status 0" \
    py "assert [s['stage'] for s in m['steps']][:5]==['ingest','transform','measures','workbook','charts'] and all(s['status']==0 for s in m['steps'])"

# Reproducible: a second store and output folder from the same inputs.
"$BIN/sio-run" --config cfg/b.ini --quiet in || fail "t0710-0 second run" "exit $?"
tree_list a/out >a.list
tree_list b/out >b.list
check "t0710-14 two runs on the same inputs write the same files" \
    sh -c "cut -c67- a.list >a.paths; cut -c67- b.list >b.paths; cmp -s a.paths b.paths"
check "t0710-15 byte for byte (SVG, PNG, PDF with SOURCE_DATE_EPOCH, CSV)" cmp -s a.list b.list
check "t0710-16 and their manifests list the same outputs" \
    sh -c "python3 -c \"import json; print(json.load(open('a/out/manifest.json'))['outputs'])\" >a.o;
           python3 -c \"import json; print(json.load(open('b/out/manifest.json'))['outputs'])\" >b.o; cmp -s a.o b.o"
"$BIN/sio-run" --config cfg/a.ini --quiet in || fail "t0710-0 rerun" "exit $?"
tree_list a/out >a2.list
check "t0710-17 a rerun on the same store changes no output" cmp -s a.list a2.list

done_testing
