# shellcheck shell=bash
# Helpers to read VSTest .trx result files with plain sed/awk (no python, no xmllint).

# trx_counters FILE -> prints "PASSED FAILED" read from <Counters .../>.
# FAILED counts failed + error + timeout + aborted outcomes.
# Prints nothing (and returns 1) when the file has no Counters element.
trx_counters() {
  local file=$1 line
  line=$(grep -m1 -o '<Counters [^>]*>' "$file" 2>/dev/null) || return 1
  awk -v l="$line" 'function attr(n,   m) {
      if (match(l, " " n "=\"[0-9]+\"")) { m = substr(l, RSTART, RLENGTH); gsub(/[^0-9]/, "", m); return m + 0 }
      return 0 }
    BEGIN { print attr("passed"), attr("failed") + attr("error") + attr("timeout") + attr("aborted") }'
}

# trx_failures FILE -> prints one block per failed test: "  FAIL <testName>" and
# the first lines of its error message (XML entities decoded, long lines cut).
trx_failures() {
  local file=$1 maxlines=${2:-6}
  awk -v maxlines="$maxlines" '
    function unesc(s) {
      gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s)
      gsub(/&apos;/, "\047", s); gsub(/&#xD;/, "", s); gsub(/&#xA;/, " ", s); gsub(/&amp;/, "\\&", s)
      return s }
    function out(s) { if (n < maxlines) { s = unesc(s); if (length(s) > 300) s = substr(s, 1, 300) "..."; print "      " s } ; n++ }
    /<UnitTestResult / {
      infail = ($0 ~ /outcome="(Failed|Error|Timeout|Aborted)"/)
      if (infail && match($0, /testName="[^"]*"/)) {
        name = substr($0, RSTART + 10, RLENGTH - 11)
        print "  FAIL " unesc(name)
      }
      inmsg = 0; n = 0
      next
    }
    /<\/UnitTestResult>/ { infail = 0; inmsg = 0; next }
    infail && !inmsg && /<Message>/ {
      s = $0; sub(/.*<Message>/, "", s)
      if (s ~ /<\/Message>/) { sub(/<\/Message>.*/, "", s); out(s); next }
      inmsg = 1; out(s); next
    }
    infail && inmsg {
      s = $0
      if (s ~ /<\/Message>/) { sub(/<\/Message>.*/, "", s); inmsg = 0; if (s != "") out(s); if (n > maxlines) print "      ..."; next }
      out(s)
    }
  ' "$file"
}
