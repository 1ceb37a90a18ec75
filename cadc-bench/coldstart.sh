#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Cold start, side by side (issue #17): N interleaved rounds of fresh processes doing one thing each
# against a TAP server (the local DaCHS by default):
#
#   cadc          the shipped launcher cadc-cli/target/cadc (with its AppCDS archive when built),
#                 disk cache warm: what a person's second command within 10 minutes pays
#   cadc-first    the same with an empty cache directory each time: a first command (3 requests)
#   cadc-jar      plain `java -jar cadc.jar` (no launcher flags, no archive), empty cache
#   cadc-dist     the distribution's bin/cadc (cadc-cli/target/cadc-*.tar.gz unpacked), when built;
#                 disk cache and its class-data sharing archive warm (its first query makes the archive)
#   cadc-before   another build's launcher given as BEFORE=path/to/cadc (e.g. a checkout of an
#                 older commit), to compare against
#   astroquery    /usr/bin/python3: import astroquery.cadc, Cadc(url=TAP), the same call
#                 (skipped with a message when python3-astroquery is not installed)
#   curl          the same sync request (the floor: the server's time)
#
# for `region`, `query` (a TOP 5) and `collections`; prints per-run times, medians, and the ratios
# cadc/astroquery and cadc/curl. Then the library figure: FirstRow (fresh JVM, main -> first row,
# -> last row of execSync) N times.
#
# usage: cadc-bench/coldstart.sh [ROUNDS]       (from the repository root, after
#        ./mvnw -B -q -pl cadc-cli,cadc-bench -am package -DskipTests)
# environment: DACHS (default http://127.0.0.1:8089), PYTHON (default /usr/bin/python3), JAVA (default java),
#              BEFORE (a launcher to compare with)
set -u
rounds=${1:-7}
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root=$(dirname "$here")
dachs=${DACHS:-http://127.0.0.1:8089}
registry="$dachs/static/reg/resource-caps"
tap="$dachs/tap"
python=${PYTHON:-/usr/bin/python3}
java=${JAVA:-java}
cadc="$root/cadc-cli/target/cadc"
jar="$root/cadc-cli/target/cadc.jar"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -x "$cadc" ] && [ -f "$jar" ] || { echo "build first: ./mvnw -B -q -pl cadc-cli,cadc-bench -am package -DskipTests" >&2; exit 2; }
curl -s -o /dev/null -f "$registry" || { echo "no TAP server at $dachs (interop/dachs/setup.sh)" >&2; exit 2; }

dist=""
for t in "$root"/cadc-cli/target/cadc-*.tar.gz; do
    [ -f "$t" ] || continue
    mkdir -p "$work/dist" && tar xzf "$t" -C "$work/dist" && dist=$(echo "$work"/dist/*/bin/cadc)
    break
done
have_astroquery=1
if ! "$python" -c 'import astroquery.cadc' 2>/dev/null; then
    have_astroquery=0
    echo "astroquery: skipped: $python cannot import astroquery.cadc (as root: apt-get install -y python3-astroquery)"
fi

coords="08h45m07.5s +54d18m00s"
# what `cadc region COORDS --collection CFHT` sends (the default radius, 1 arcmin)
region_adql="SELECT * from caom2.Observation o join caom2.Plane p ON o.obsID=p.obsID WHERE INTERSECTS( CIRCLE('ICRS', 131.28125392933424, 54.29999417826928, 0.016666666666666666), position_bounds) = 1 AND (quality_flag IS NULL OR quality_flag != 'junk') AND collection='CFHT'"
query_adql="select top 5 * from caom2.Plane"
collections_adql="select distinct collection, energy_emBand from caom2.EnumField"

cat > "$work/aq.py" <<EOF
import sys, warnings
warnings.simplefilter("ignore")
from astroquery.cadc import Cadc
c = Cadc(url="$tap")
what = sys.argv[1]
if what == "region":
    r = c.query_region("$coords", collection="CFHT")
elif what == "query":
    r = c.exec_sync("$query_adql")
else:
    r = c.get_collections()
print(len(r))
EOF

mkdir -p "$work/warm"
# one run to fill the warm cache directory
XDG_CACHE_HOME="$work/warm" "$cadc" --registry "$registry" collections >/dev/null 2>&1
# and, for the distribution, to make its class-data sharing archive (its first query does)
[ -n "$dist" ] && XDG_CACHE_HOME="$work/warm" "$dist" --registry "$registry" collections >/dev/null 2>&1

run_case() { # tool case -> runs it once, output to a file
    local tool=$1 case=$2 args adql
    case $case in
        region) args=(region "$coords" --collection CFHT --format csv); adql=$region_adql ;;
        query) args=(query "$query_adql" --format csv); adql=$query_adql ;;
        collections) args=(collections --format csv); adql=$collections_adql ;;
    esac
    case $tool in
        cadc) XDG_CACHE_HOME="$work/warm" "$cadc" --registry "$registry" "${args[@]}" ;;
        cadc-first) rm -rf "$work/cold"; XDG_CACHE_HOME="$work/cold" "$cadc" --registry "$registry" "${args[@]}" ;;
        cadc-jar) rm -rf "$work/cold"; XDG_CACHE_HOME="$work/cold" "$java" -jar "$jar" --registry "$registry" "${args[@]}" ;;
        cadc-before) rm -rf "$work/cold"; XDG_CACHE_HOME="$work/cold" "$BEFORE" --registry "$registry" "${args[@]}" ;;
        cadc-dist) XDG_CACHE_HOME="$work/warm" "$dist" --registry "$registry" "${args[@]}" ;;
        astroquery) "$python" "$work/aq.py" "$case" ;;
        curl) curl -s -f -X POST --data-urlencode REQUEST=doQuery --data-urlencode LANG=ADQL \
                  --data-urlencode "QUERY=$adql" "$tap/sync" ;;
    esac
}

tools=(cadc cadc-first cadc-jar)
[ -n "$dist" ] && tools+=(cadc-dist)
[ -n "${BEFORE:-}" ] && tools+=(cadc-before)
[ $have_astroquery = 1 ] && tools+=(astroquery)
tools+=(curl)
cases=(region query collections)

echo "coldstart: $rounds rounds, $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $("$java" -version 2>&1 | head -1); launcher: $cadc${dist:+; distribution: $dist}"
: > "$work/times"
for ((r = 1; r <= rounds; r++)); do
    # rotate the order every round so that no tool always runs after the same one
    n=${#tools[@]}
    for case in "${cases[@]}"; do
        for ((i = 0; i < n; i++)); do
            tool=${tools[$(((i + r) % n))]}
            s=$(date +%s%N)
            run_case "$tool" "$case" > "$work/out" 2> "$work/err"
            code=$?
            e=$(date +%s%N)
            if [ $code -ne 0 ]; then
                echo "round $r: $tool $case failed (exit $code): $(head -c 300 "$work/err")" >&2
                continue
            fi
            echo "$case $tool $(((e - s) / 1000000))" >> "$work/times"
        done
    done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "nan"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
echo
printf '%-12s %-11s %9s   %s\n' case tool median-ms "runs (ms)"
for case in "${cases[@]}"; do
    for tool in "${tools[@]}"; do
        ms=$(awk -v c="$case" -v t="$tool" '$1==c && $2==t {print $3}' "$work/times")
        printf '%-12s %-11s %9s   %s\n' "$case" "$tool" "$(echo "$ms" | grep . | median)" "$(echo $ms)"
    done
done
echo
printf '%-12s %-11s %16s %10s\n' case tool vs-astroquery vs-curl
for case in "${cases[@]}"; do
    aq=$(awk -v c="$case" '$1==c && $2=="astroquery" {print $3}' "$work/times" | median)
    cu=$(awk -v c="$case" '$1==c && $2=="curl" {print $3}' "$work/times" | median)
    for tool in "${tools[@]}"; do
        case $tool in astroquery|curl) continue ;; esac
        m=$(awk -v c="$case" -v t="$tool" '$1==c && $2==t {print $3}' "$work/times" | median)
        awk -v c="$case" -v t="$tool" -v m="$m" -v a="$aq" -v u="$cu" 'BEGIN {
            printf "%-12s %-11s %16s %10s   (%+d ms vs curl)\n", c, t,
                (a == "nan" || a == 0) ? "-" : sprintf("%.2f", m / a), (u == 0) ? "-" : sprintf("%.2f", m / u), m - u }'
    done
done

echo
echo "library: FirstRow (fresh JVM, java -cp cadc.jar:classes, default flags, no disk cache), $rounds runs"
classes="$root/cadc-bench/target/classes"
if [ -f "$classes/io/cadc4j/bench/FirstRow.class" ]; then
    : > "$work/first"
    for ((r = 1; r <= rounds; r++)); do
        s=$(date +%s%N)
        line=$("$java" -cp "$jar:$classes" io.cadc4j.bench.FirstRow "$registry" "$region_adql")
        e=$(date +%s%N)
        echo "$line process-ms $(((e - s) / 1000000))" | tee -a "$work/first"
    done
    printf 'median: main -> first row %s ms, main -> last row %s ms, whole process %s ms\n' \
        "$(awk '{print $2}' "$work/first" | median)" "$(awk '{print $4}' "$work/first" | median)" \
        "$(awk '{print $10}' "$work/first" | median)"
else
    echo "FirstRow: skipped: build cadc-bench first"
fi
