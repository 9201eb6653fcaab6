#!/bin/sh
# Regenerates data/wordnet.txt.gz from WordNet 3.0 (Debian package wordnet-base).
set -eu
cd "$(dirname "$0")/.."
if [ ! -f /usr/share/wordnet/data.noun ]; then
    if [ "$(id -u)" = 0 ]; then apt-get install -y wordnet-base; else sudo apt-get install -y wordnet-base; fi
fi
python3 scripts/wordnet.py /usr/share/wordnet data/wordnet.txt.gz
cp /usr/share/doc/wordnet-base/copyright data/WORDNET-LICENSE 2>/dev/null || true
echo "wrote data/wordnet.txt.gz ($(wc -c < data/wordnet.txt.gz) bytes)"
