#!/bin/sh
# tests/corpus/generate-large.sh DIR — write the bad-input corpus files that
# are too big to commit (1 MiB to 10 MiB each) into DIR.  Deterministic: the
# same bytes every run, so tests/corpus/bad/expected.tsv can give their
# expected counts and reasons.  The sizes sit around CSVIN_MAX_ROW (1 MiB,
# lib/csvin.h): a row up to 1048576 bytes with its line end is read, a longer
# one is rejected.
set -eu
dir=${1:?usage: generate-large.sh DIR}
mkdir -p "$dir"
cd "$dir"

H='Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context'
# ok ID: a usable street row, CRLF-terminated
ok() { printf '%s,2022-01,Test Police,Test Police,-1.5,52.3,On or near Park Road,E01000001,Test 001A,Burglary,,\r\n' "$1"; }
# fill N CHAR: N copies of CHAR, no line end
fill() { head -c "$1" /dev/zero | tr '\0' "$2"; }
# row_with_location ID LOCATION-BYTES...: prefix and suffix around a long Location
pre() { printf '%s,2022-01,Test Police,Test Police,-1.5,52.3,' "$1"; }
post() { printf ',E01000001,Test 001A,Burglary,,\r\n'; }

# A 10 MiB Location, unquoted, then quoted, each between two good rows.
{ printf '%s\r\n' "$H"; ok g1; pre g2; fill 10485760 A; post; ok g3; } >100-ten-mib-field.csv
{ printf '%s\r\n' "$H"; ok g1; pre g2; printf '"'; fill 10485760 A; printf '"'; post; ok g3; } \
    >101-ten-mib-quoted-field.csv

# A quoted field that spans 2 MiB of 100-byte lines: the row passes 1 MiB
# on line 10489 (line 3, of 53 bytes, + 10486 lines of 100 bytes); line 3 alone is
# rejected and lines 4 on are read again, each as a 1-field row, until the
# line that closes the quote (malformed) and a good row.
{
    printf '%s\r\n' "$H"; ok g1; pre g2; printf '"start\r\n'
    awk 'BEGIN { s = sprintf("%98s", ""); gsub(/ /, "x", s)
                 for (i = 0; i < 20971; i++) printf "%s\r\n", s }'
    printf 'end"'; post; ok g3
} >102-two-mib-quoted-field-over-many-lines.csv

# 1.5 MiB on the last line, with no line end.
{ printf '%s\r\n' "$H"; ok g1; pre g2; fill 1572864 B; } >103-long-last-line-without-newline.csv

# 2,000 fields in one row.
{ printf '%s\r\n' "$H"; ok g1; printf 'g2'; fill 1999 , ; printf '\r\n'; ok g3; } >104-two-thousand-fields.csv

# Rows exactly at CSVIN_MAX_ROW with their CRLF, and one byte over.
at=$(( 1048576 - $(pre g2 | wc -c) - $(post | wc -c) ))
{ printf '%s\r\n' "$H"; pre g2; fill "$at" C; post; ok g3; } >105-row-of-exactly-one-mib.csv
{ printf '%s\r\n' "$H"; pre g2; fill $((at + 1)) C; post; ok g3; } >106-row-one-byte-over-one-mib.csv

# .zip archives (sio-ingest reads the police.uk archive's .zip with libzip).
# 107: a zip bomb: 256 MiB of NUL bytes in a member of about 250 KiB; the
# first 1 MiB, a "header" with no line end, already refuses the member.
# 108: the same archive cut short; 109: a member whose data is damaged (a
# byte of the deflate stream changed, so the CRC fails); 110: text named .zip;
# 111: a good header and row, then 64 MiB of NUL bytes on line 3: one reject,
# read in bounded memory.  112: a bomb of valid rows: 2 MB of good street
# rows (20,000) in a member of 57 KB, loaded with [ingest]
# zip_member_max = 1 MiB, so refused; 113: the same archive under the
# default cap, which it is far below, loaded.
python3 - <<'PY'
import io, zipfile, zlib
H = (b'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,'
     b'LSOA name,Crime type,Last outcome category,Context\r\n')
ROW = b'z%d,2022-01,Test Police,Test Police,-1.5,52.3,On or near Park Road,E01000001,Test 001A,Burglary,,\r\n'
def archive(name, data, level=9):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        info = zipfile.ZipInfo(name, date_time=(2022, 2, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)
    return buf.getvalue()
with open('107-zip-bomb.zip', 'wb') as f:
    f.write(archive('2022-01/2022-01-test-police-street.csv', bytes(256 << 20)))
good = archive('2022-01/2022-01-test-police-street.csv',
               H + b''.join(ROW % i for i in range(2000)))
with open('108-zip-cut-short.zip', 'wb') as f:
    f.write(good[:len(good) // 2])
damaged = bytearray(good)
damaged[len(damaged) // 3] ^= 0xFF
with open('109-zip-damaged-member.zip', 'wb') as f:
    f.write(bytes(damaged))
with open('110-text-named-zip.zip', 'wb') as f:
    f.write(H + ROW % 1)
with open('111-zip-bomb-after-a-good-header.zip', 'wb') as f:
    f.write(archive('2022-01/2022-01-test-police-street.csv', H + ROW % 1 + bytes(64 << 20)))
rows = H + b''.join(ROW % i for i in range(20000))
for name in ('112-zip-member-over-the-configured-cap.zip', '113-zip-member-under-the-default-cap.zip'):
    with open(name, 'wb') as f:
        f.write(archive('2022-01/2022-01-test-police-street.csv', rows))
PY
