#!/usr/bin/env bash
# Runs a command with a real, private Secret Service: gnome-keyring on this D-Bus session, its files in a
# throwaway HOME. Meant to be started inside `dbus-run-session`, so nothing touches the user's keyring.
set -euo pipefail
keyring_home=$(mktemp -d)
trap 'kill "${keyring_pid:-}" 2>/dev/null || true; rm -rf "$keyring_home"' EXIT
printf 'wa-token-doctor-test' | HOME="$keyring_home" XDG_DATA_HOME="$keyring_home/.local/share" \
  gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
keyring_pid=$!
if ! gdbus wait --session --timeout 15 org.freedesktop.secrets; then
  echo "gnome-keyring-daemon did not appear on the test D-Bus session within 15 s; keychain tests cannot run." >&2
  exit 1
fi
export WA_TOKEN_DOCTOR_TEST_KEYRING=1
"$@"
