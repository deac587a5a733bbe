#!/usr/bin/env bash
# Prints each failed test of a .trx file with the first lines of its message and stack trace, so the end of a CI log
# names what failed even when the run's own output is cut. Usage: build/trx-failures.sh results.trx
trx="$1"
awk '
  function unxml(s) { gsub(/&quot;/, "\"", s); gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&apos;/, "'"'"'", s); gsub(/&amp;/, "\\&", s); return s }
  /<UnitTestResult / {
    failed = ($0 ~ /outcome="Failed"/)
    if (failed) { match($0, /testName="[^"]*"/); print "FAILED " unxml(substr($0, RSTART + 10, RLENGTH - 11)); shown = 0 }
  }
  failed && /<Message>/ { inmsg = 1 }
  failed && /<StackTrace>/ { instack = 1; shown = 0 }
  failed && (inmsg || instack) && shown < 12 { line = $0; gsub(/<\/?(Message|StackTrace)>/, "", line); gsub(/^[ \t]+/, "", line); print "    " unxml(line); shown++ }
  /<\/Message>/ { inmsg = 0 }
  /<\/StackTrace>/ { instack = 0 }
  /<\/UnitTestResult>/ { failed = 0 }
' "$trx"
