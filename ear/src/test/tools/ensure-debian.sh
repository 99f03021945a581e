#!/usr/bin/env bash
# Makes sure Debian packages some EAR tests need are there, installing them when missing (as root,
# with apt-get): ensure-debian.sh "WHAT" "PACKAGES" PROGRAM... Elsewhere those tests are skipped and
# say why, except under CI=true, where a missing program fails the build rather than hiding tests.
# Used for the browser tests (chromium, chromium-driver) and the gateway test (nginx).
set -uo pipefail
what=$1
packages=$2
shift 2
missing() {
  for program in "$@"; do [ -x "$program" ] || return 0; done
  return 1
}
if ! missing "$@"; then
  echo "$what: $*"
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "$what: installing Debian's $packages..."
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq && apt-get install -y -qq $packages >/dev/null && ! missing "$@"; then
    exit 0
  fi
fi
echo "WARNING: $* missing and not installable here: the $what will be skipped."
[ "${CI:-}" = true ] && exit 1
exit 0
