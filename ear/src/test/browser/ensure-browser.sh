#!/usr/bin/env bash
# Makes sure Debian's chromium and chromedriver are there for the browser tests, installing them
# when missing (as root, with apt-get). Elsewhere the browser tests are skipped and say why, except
# under CI=true, where a missing browser fails the build rather than hiding tests.
set -uo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  echo "Browser tests: $(/usr/bin/chromedriver --version 2>/dev/null | cut -d' ' -f1-2)"
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Browser tests: installing Debian's chromium and chromium-driver..."
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null; then
    exit 0
  fi
fi
echo "WARNING: chromium/chromedriver missing and not installable here: the browser tests will be skipped."
[ "${CI:-}" = true ] && exit 1
exit 0
