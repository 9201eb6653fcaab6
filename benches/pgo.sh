#!/usr/bin/env bash
# A profile-guided build of the claimgraph binary (rustc's
# `-Cprofile-generate` / `-Cprofile-use`). Not part of CI; the ordinary
# `cargo build --release` binary is what the README's commands use.
#
#   benches/pgo.sh                  # writes target/pgo/release/claimgraph
#
# Steps: (1) build an instrumented binary (target/pgo-gen); (2) run it on a
# training set: the three fixture stories (every report format, `claims`,
# `attributions`) and a synthetic corpus of 300 articles over 30 stories
# made with seed 7 (target/pgo-train), a corpus none of the measurements in
# BENCHMARKS.md uses (they use seed 1); (3) merge the counts with
# llvm-profdata; (4) build again with the counts (target/pgo). The profile
# changes how the code is laid out and inlined, never what it computes: the
# binary writes the same bytes as the release build (checked by this
# script on the fixtures).
#
# llvm-profdata must read the counts of rustc's own LLVM. It is taken from
# rustup's llvm-tools component if that is installed, else from Debian's
# llvm-N package for rustc's LLVM major version N, which the script
# installs with apt if it is missing. Each build is a full optimised build
# (fat LTO): about three minutes each on 2 cores; the script takes 7-11 minutes.
#
# Environment:
#   LLVM_PROFDATA=PATH   an llvm-profdata to use instead
set -euo pipefail
cd "$(dirname "$0")/.."

llvm_major=$(rustc -vV | sed -n 's/^LLVM version: \([0-9]*\).*/\1/p')
profdata="${LLVM_PROFDATA:-}"
if [ -z "$profdata" ]; then
  for candidate in "$(rustc --print sysroot)"/lib/rustlib/*/bin/llvm-profdata \
    "/usr/lib/llvm-$llvm_major/bin/llvm-profdata" "$(command -v "llvm-profdata-$llvm_major" || true)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
      profdata="$candidate"
      break
    fi
  done
fi
if [ -z "$profdata" ]; then
  echo "installing llvm-$llvm_major for llvm-profdata (apt)" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "llvm-$llvm_major" >/dev/null
  profdata="/usr/lib/llvm-$llvm_major/bin/llvm-profdata"
fi
echo "llvm-profdata: $profdata (rustc's LLVM: $llvm_major)" >&2

work=target/pgo-data
rm -rf "$work"
mkdir -p "$work"
raw="$(pwd)/$work/raw"

echo "1/4 instrumented build (target/pgo-gen)" >&2
CARGO_TARGET_DIR=target/pgo-gen RUSTFLAGS="-Cprofile-generate=$raw" \
  cargo build --release --quiet --bin claimgraph
# The release build: the synthetic corpus's generator, and the binary the
# profile-guided one is checked against at the end.
cargo build --release --quiet --bin claimgraph --example synth

echo "2/4 training runs" >&2
train=target/pgo-train
if [ ! -f "$train/.done" ]; then
  rm -rf "$train"
  target/release/examples/synth --stories 30 --docs 300 --seed 7 --out "$train" 2>/dev/null
  touch "$train/.done"
fi
gen=target/pgo-gen/release/claimgraph
fixtures=(fixtures/lachin-corridor fixtures/corvasse-terminal-blast fixtures/kestrel-dam-camp)
for format in json jsonl md html; do
  "$gen" report --no-progress --format "$format" "${fixtures[@]}" >/dev/null 2>&1
done
"$gen" claims "${fixtures[@]}" >/dev/null 2>&1
"$gen" attributions "${fixtures[@]}" >/dev/null 2>&1
for format in json jsonl; do
  "$gen" report --no-progress --format "$format" "$train" >/dev/null
done

echo "3/4 merging the counts" >&2
"$profdata" merge -o "$work/merged.profdata" "$raw"

echo "4/4 optimised build with the counts (target/pgo)" >&2
CARGO_TARGET_DIR=target/pgo RUSTFLAGS="-Cprofile-use=$(pwd)/$work/merged.profdata" \
  cargo build --release --quiet --bin claimgraph

# The same bytes as the release build.
for format in json jsonl md; do
  if ! cmp -s <(target/release/claimgraph report --no-progress --format "$format" "${fixtures[@]}" 2>&1) \
    <(target/pgo/release/claimgraph report --no-progress --format "$format" "${fixtures[@]}" 2>&1); then
    echo "pgo.sh: the profile-guided binary's $format report differs from the release build's" >&2
    exit 1
  fi
done
echo "target/pgo/release/claimgraph"
