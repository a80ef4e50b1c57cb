#!/usr/bin/env bash
# Fuzzes Parley's readers with SharpFuzz and AFL++ (Debian's afl++ package), one reader after the
# other, for a bounded time each, and prints what each run did (executions, paths, crashes, hangs).
#
#   fuzz/run.sh [seconds per reader, default 300] [reader ...]
#   readers: genius-domain genius-profile geniusweb geniusweb-sumofgroups negmas-domain negmas-profile
#            parley journal (all by default)
#
# Findings are left in fuzz/.build/findings/<reader>/default/{crashes,hangs}; replay one with
#   dotnet fuzz/.build/replay/Parley.Fuzz.dll <reader> <file>
# and turn it into a case of tests/corpus/malformed (see docs/fuzzing.md). CI runs that corpus,
# never this script.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-300}
shift || true
readers=("$@")
if [ ${#readers[@]} -eq 0 ]; then
  readers=(genius-domain genius-profile geniusweb geniusweb-sumofgroups negmas-domain negmas-profile parley journal)
fi

if ! command -v afl-fuzz >/dev/null 2>&1; then
  echo "afl-fuzz not found: install Debian's afl++ (apt-get install -y afl++)" >&2
  exit 1
fi

build=fuzz/.build
tools=$build/tools
if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install --tool-path "$tools" SharpFuzz.CommandLine --version 2.3.0 >/dev/null
fi

# Build the harness, then instrument the library it calls (SharpFuzz rewrites Parley.dll in place
# so that AFL++ sees which branches each input takes).
# An uninstrumented copy (replay) replays findings: the instrumented one only runs under AFL++.
rm -rf "$build/bin" "$build/replay"
dotnet publish fuzz/Parley.Fuzz -c Release -o "$build/bin" --nologo -v quiet >/dev/null
cp fuzz/seeds/genius-domain/small-domain.xml "$build/bin/"
cp fuzz/seeds/negmas-domain/small-domain.yml "$build/bin/"
cp -r "$build/bin" "$build/replay"
"$tools/sharpfuzz" "$build/bin/Parley.dll" >/dev/null

dictionaries=/usr/share/doc/afl++-doc/afl/dictionaries
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
printf '%-15s %8s %12s %8s %8s %8s\n' reader seconds executions paths crashes hangs
for reader in "${readers[@]}"; do
  out=$build/findings/$reader
  rm -rf "$out" && mkdir -p "$build/findings"
  dict=()
  case $reader in
    genius-*) [ -f "$dictionaries/xml.dict" ] && dict=(-x "$dictionaries/xml.dict") ;;
    negmas-*) [ -f "$dictionaries/yaml.dict" ] && dict=(-x "$dictionaries/yaml.dict") ;;
    *) [ -f "$dictionaries/json.dict" ] && dict=(-x "$dictionaries/json.dict") ;;
  esac
  # -t: a reader taking over 5 s on a file of a few kilobytes is a hang; -m none: .NET reserves
  # far more virtual memory than it uses.
  afl-fuzz -V "$seconds" -t 5000 -m none "${dict[@]}" -i "fuzz/seeds/$reader" -o "$out" \
    -- dotnet "$build/bin/Parley.Fuzz.dll" "$reader" > "$build/$reader.log" 2>&1 || {
    echo "afl-fuzz failed for $reader; see $build/$reader.log" >&2
    continue
  }
  stats=$out/default/fuzzer_stats
  value() { sed -n "s/^$1 *: *//p" "$stats"; }
  printf '%-15s %8s %12s %8s %8s %8s\n' "$reader" "$(value run_time)" "$(value execs_done)" \
    "$(value corpus_count)" "$(value saved_crashes)" "$(value saved_hangs)"
done
