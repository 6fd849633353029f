#!/bin/bash
# 5 fresh JVMs per parser; prints one line per run. Usage: ./startup.sh > startup.txt
cd "$(dirname "$0")"
CP="target/classes:$(cat cp.txt)"
for which in uap yauaa yauaa-min; do
  for i in 1 2 3 4 5; do
    java -cp "$CP" bench.Startup "$which" 2>/dev/null
  done
done
