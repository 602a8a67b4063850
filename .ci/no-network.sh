#!/usr/bin/env bash
# Bodywork Atlas never talks to the network: no HTTP, TLS, WebSocket or socket crate may enter
# the dependency tree (normal and build dependencies, every target platform), and the app's own
# code uses no sockets. Prints what it checked; fails naming what it found.
set -euo pipefail
cd "$(dirname "$0")/.."

banned=(
  reqwest hyper hyper-util hyper-tls hyper-rustls h2 h3 http http-body ureq curl curl-sys isahc
  attohttpc surf ehttp native-tls openssl openssl-sys rustls tokio-rustls webpki-roots
  tungstenite tokio-tungstenite websocket quinn socket2 trust-dns-resolver hickory-resolver
)
crates=$(cargo tree --locked -e normal,build --target all --prefix none | sed 's/ .*//' | sort -u)
echo "checked $(echo "$crates" | wc -l) crates (normal and build dependencies, all targets)"
# SQLCipher (the passphrase on the client records) takes its cipher from OpenSSL's libcrypto,
# built from source (rusqlite's bundled-sqlcipher-vendored-openssl): openssl-sys is allowed when
# libsqlite3-sys is the only crate that uses it (no TLS wrapper, no HTTP crate above it).
allowed_only_under=(openssl-sys:libsqlite3-sys)
found=()
for name in "${banned[@]}"; do
  if grep -qx "$name" <<<"$crates"; then
    for rule in "${allowed_only_under[@]}"; do
      if [ "${rule%%:*}" = "$name" ]; then
        users=$(cargo tree --locked -e normal,build --target all -i "$name" --depth 1 --prefix none |
          sed 's/ .*//' | grep -vx "$name" | sort -u)
        if [ "$users" = "${rule#*:}" ]; then
          echo "allowed: $name, used only by ${rule#*:} (SQLCipher's libcrypto)"
          continue 2
        fi
      fi
    done
    found+=("$name")
  fi
done
if [ "${#found[@]}" -gt 0 ]; then
  for name in "${found[@]}"; do
    echo "networking crate in the dependency tree: $name" >&2
    cargo tree --locked -e normal,build --target all -i "$name" >&2 || true
  done
  exit 1
fi
echo "none of: ${banned[*]}"
if grep -rnE 'std::net|TcpStream|TcpListener|UdpSocket' src/; then
  echo "the app's code uses sockets (above)" >&2
  exit 1
fi
echo "no sockets in src/"
