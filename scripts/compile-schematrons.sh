#!/usr/bin/env bash
# Compiles the ANS CI-SIS schematrons the CDA tests run (ISO Schematron -> XSLT2 with Saxon-HE), once per test run.
# Usage: scripts/compile-schematrons.sh CDA_KIT TARGET
#   CDA_KIT: ../shared/fixtures/cda/ansforge-TestContenuCDA-3-0; TARGET: a folder that receives a copy of the kit
#   with each compiled .xsl beside its .sch (the value sets are read with document() relative to the stylesheet).
set -euo pipefail
kit=$1
target=$2
saxon=(java -cp "${SAXON_JAR:-/usr/share/java/Saxon-HE.jar}" net.sf.saxon.Transform)
rm -rf "$target.tmp"
mkdir -p "$target.tmp"
cp -r "$kit/." "$target.tmp/"
for sch in schematrons/CI-SIS_CANCER-FRCP_2022.01.sch schematrons/CI-SIS_CANCER-PPS_2022.01.sch \
           schematrons/profils/IHE.sch schematrons/profils/CI-SIS_Modeles_ANS.sch; do
  src="$target.tmp/$sch"
  dir=$(dirname "$src")
  base=$(basename "$src" .sch)
  "${saxon[@]}" -s:"$src" -xsl:"$target.tmp/schematrons/moteur/iso_dsdl_include.xsl" -o:"$dir/$base.1.sch" 2>/dev/null
  "${saxon[@]}" -s:"$dir/$base.1.sch" -xsl:"$target.tmp/schematrons/moteur/iso_abstract_expand.xsl" -o:"$dir/$base.2.sch" 2>/dev/null
  # The ISO skeleton warns about patterns the profiles leave undeclared; a failure to compile still stops here.
  "${saxon[@]}" -s:"$dir/$base.2.sch" -xsl:"$target.tmp/schematrons/moteur/iso_svrl_for_xslt2.xsl" -o:"$dir/$base.xsl" 2>"$dir/$base.compile.log" \
    || { cat "$dir/$base.compile.log" >&2; exit 1; }
done
rm -rf "$target"
mv "$target.tmp" "$target"
