#!/usr/bin/env bash
# System packages the tests need, from Debian: Chromium for the browser tests, a Vietnamese-capable
# font for share images, Java for the Nu HTML validator, nginx for deploy/nginx.conf's tests, Node and npm
# for the web form's CMS. Idempotent: installs only what is missing.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
command -v java >/dev/null || missing+=(default-jre-headless)
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v npm >/dev/null || missing+=(nodejs npm)  # the web form's CMS comes from npm (package-lock.json)
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing system packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
