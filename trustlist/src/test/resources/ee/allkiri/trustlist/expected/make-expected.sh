#!/usr/bin/env bash
# Writes the expected data of PreverifiedMaterialTest from the embedded snapshots' list XML with
# sed and openssl only (no allkiri, DSS or Java code), so that a parsing bug in the loader is not
# blessed by comparing the loader with itself. For each list: its territory, sequence number and
# next update; for each TSPService, each certificate of its current ServiceDigitalIdentity (not
# of its history): SHA-256 fingerprint, then the subject for the reader. Run from anywhere:
#   trustlist/src/test/resources/ee/allkiri/trustlist/expected/make-expected.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
snapshots=$here/../../../../../../main/resources/ee/allkiri/trustlist/snapshots
for name in ee-prod ee-test; do
  out=$here/$name.txt
  {
    echo "# $name: made by make-expected.sh from the list XML with sed and openssl; do not edit"
    for list in "$snapshots/$name"/lists/*.xml; do
      flat=$(tr -d '\r\n' < "$list")
      territory=$(sed 's/.*<SchemeInformation>//; s/<\/SchemeInformation>.*//' <<< "$flat" \
        | grep -o '<SchemeTerritory>[^<]*' | head -1 | sed 's/.*>//')
      sequence=$(grep -o '<TSLSequenceNumber>[^<]*' <<< "$flat" | head -1 | sed 's/.*>//')
      next=$(grep -o '<NextUpdate>[[:space:]]*<dateTime>[^<]*' <<< "$flat" | head -1 | sed 's/.*>//')
      echo "list $territory $sequence $next"
      # one line per TSPService; cut its history off, keep its first ServiceDigitalIdentity
      sed 's/<\/TSPService>/&\n/g' <<< "$flat" | { grep '<TSPService>' || true; } \
        | sed 's/.*<TSPService>//; s/<ServiceHistory>.*//; s/<\/ServiceDigitalIdentity>.*//; s/.*<ServiceDigitalIdentity>//' \
        | { grep -o '<X509Certificate>[^<]*' || true; } | sed 's/.*>//; s/[[:space:]]//g' \
        | while read -r base64; do
            der=$(mktemp)
            base64 -d <<< "$base64" > "$der"
            fingerprint=$(openssl x509 -inform DER -in "$der" -noout -fingerprint -sha256 | sed 's/.*=//; s/://g' | tr 'A-F' 'a-f')
            subject=$(openssl x509 -inform DER -in "$der" -noout -subject -nameopt RFC2253,-esc_msb | sed 's/^subject=//')
            rm -f "$der"
            echo "service $fingerprint $subject"
          done | sort
    done
  } > "$out"
  echo "wrote $out: $(grep -c '^service ' "$out") services"
done
