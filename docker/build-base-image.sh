#!/usr/bin/env bash
# Builds the base image of OMEGA's container image without any container registry or Docker daemon, as a
# `docker save` tarball that jib reads through `tar://` (omega-app's `images` profile runs this script).
#
# The image holds exactly what the `omega` launcher needs to run, nothing more:
#   /opt/java/openjdk       a Java 17 runtime made by jlink from the build machine's JDK (its jmods)
#   /usr/lib/x86_64-linux-gnu
#                           the shared libraries that runtime links against, found with ldd, plus those loaded
#                           at run time: libfontconfig (Java 2D fonts), libstdc++/libgcc_s/libz (ND4J natives)
#   /etc/fonts, /usr/share/fonts/truetype/dejavu
#                           fontconfig settings and the DejaVu fonts, for the evaluator's report charts
#   cacerts                 the machine's Java CA certificates (wss:// to OKX)
#   /etc/passwd, /etc/group root and the unprivileged user omega (10001:10001) the services run as
#   /data/{experiences,models,reports}, /home/omega
#                           owned by omega, so that fresh named volumes mounted there are writable
#   /usr/share/omega-base/packages.txt
#                           the Debian package and version every copied file came from (copyright files
#                           under /usr/share/doc/PACKAGE/)
#
# Needs: Linux x86_64 with a JDK 17 that has jmods (Debian: openjdk-17-jdk-headless), GNU tar, ldd, sha256sum,
# and Debian's libfontconfig1, fonts-dejavu-core and ca-certificates-java.
#
# usage: docker/build-base-image.sh OUTPUT.tar
#   OMEGA_IMAGE_JDK   the JDK 17 to jlink from (default: JAVA_HOME, else the JDK of `javac` on PATH)
# The tarball is rebuilt only when this script, the JDK or the copied libraries changed (a stamp beside it).
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: $0 OUTPUT.tar" >&2; exit 2; }
out="$(cd "$(dirname "$1")" 2>/dev/null && pwd || { mkdir -p "$(dirname "$1")" && cd "$(dirname "$1")" && pwd; })/$(basename "$1")"
work="${out%.tar}.d"

fail() { echo "build-base-image: $*" >&2; exit 1; }

[ "$(uname -s)/$(uname -m)" = "Linux/x86_64" ] || fail "needs Linux x86_64 (this is $(uname -s)/$(uname -m)); build with another base image instead, see docs/DEPLOYMENT.md"
JAVA_HOME="${OMEGA_IMAGE_JDK:-${JAVA_HOME:-}}"
if [ -z "$JAVA_HOME" ]; then
  javac_path="$(command -v javac || true)"
  [ -n "$javac_path" ] || fail "JAVA_HOME is not set and no javac on PATH"
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$javac_path")")")"
fi
jlink="$JAVA_HOME/bin/jlink"
[ -x "$jlink" ] || fail "no jlink in $JAVA_HOME/bin"
[ -f "$JAVA_HOME/jmods/java.base.jmod" ] || fail "no jmods in $JAVA_HOME (Debian: apt-get install openjdk-17-jdk-headless)"
java_version="$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$JAVA_HOME/release")"
case "$java_version" in 17|17.*) ;; *) fail "the project targets Java 17; $JAVA_HOME is Java $java_version (set OMEGA_IMAGE_JDK to a JDK 17)" ;; esac

multiarch=/usr/lib/x86_64-linux-gnu
fontconfig_lib="$(ls /lib/x86_64-linux-gnu/libfontconfig.so.1 $multiarch/libfontconfig.so.1 2>/dev/null | head -1 || true)"
[ -n "$fontconfig_lib" ] || fail "libfontconfig.so.1 missing (Debian: apt-get install libfontconfig1)"
fonts=/usr/share/fonts/truetype/dejavu
[ -f "$fonts/DejaVuSans.ttf" ] || fail "DejaVu fonts missing in $fonts (Debian: apt-get install fonts-dejavu-core)"
[ -d /etc/fonts ] || fail "/etc/fonts missing (Debian: apt-get install fontconfig-config)"
cacerts=/etc/ssl/certs/java/cacerts
[ -f "$cacerts" ] || fail "$cacerts missing (Debian: apt-get install ca-certificates-java)"

# Modules: every java.* module (java.se) and the jdk.* ones the dependencies or an operator use at run time.
modules="java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.security.auth,jdk.security.jgss,\
jdk.management,jdk.management.agent,jdk.management.jfr,jdk.jfr,jdk.net,jdk.nio.mapmode,jdk.zipfs,jdk.naming.dns,\
jdk.httpserver,jdk.charsets,jdk.random,jdk.jcmd,jdk.attach"
# Loaded at run time, so ldd cannot see them: fontconfig (dlopened by Java 2D), and what the natives JavaCPP
# extracts from the ND4J and OpenBLAS jars link against besides the libraries they bundle (their NEEDED entries).
dlopened="$fontconfig_lib libstdc++.so.6 libgcc_s.so.1 libz.so.1 libdl.so.2 libpthread.so.0 librt.so.1 libm.so.6"

stamp="$( { sha256sum "$0"; cat "$JAVA_HOME/release"; echo "$modules";
  dpkg-query -W -f '${Package} ${Version}\n' libc6 libstdc++6 libgcc-s1 zlib1g libfontconfig1 libfreetype6 \
    fonts-dejavu-core fontconfig-config ca-certificates-java 2>/dev/null || true; } | sha256sum | cut -c1-64)"
if [ -f "$out" ] && [ "$(cat "$out.stamp" 2>/dev/null)" = "$stamp" ]; then
  echo "build-base-image: $out is up to date"
  exit 0
fi

start=$SECONDS
rm -rf "$work" "$out" "$out.stamp"
root="$work/rootfs"
mkdir -p "$root"

# 1. The Java runtime.
"$jlink" --module-path "$JAVA_HOME/jmods" --add-modules "$modules" --strip-debug --no-man-pages \
  --no-header-files --compress=2 --output "$root/opt/java/openjdk"
jre="$root/opt/java/openjdk"
# Desktop parts that need X11 or sound; the services run headless (java.awt.headless=true).
rm -f "$jre/lib/libawt_xawt.so" "$jre/lib/libjawt.so" "$jre/lib/libsplashscreen.so" "$jre/lib/libjsound.so"
cp -L "$cacerts" "$jre/lib/security/cacerts"

# 2. Shared libraries: the closure ldd reports for every ELF file of the runtime and for the dlopened ones.
mkdir -p "$root$multiarch" "$root/usr/lib64"
ln -s usr/lib "$root/lib"
ln -s usr/lib64 "$root/lib64"
elfs="$(find "$jre" -type f \( -name '*.so' -o -perm -u+x \) -exec sh -c 'head -c4 "$1" | grep -q ELF && echo "$1"' _ {} \;)"
resolved=""
for f in $elfs $dlopened; do
  target="$f"
  case "$f" in /*) ;; *) target="$(ls /lib/x86_64-linux-gnu/"$f" $multiarch/"$f" 2>/dev/null | head -1 || true)";
    [ -n "$target" ] || fail "$f missing on this machine" ;; esac
  resolved="$resolved $target"
  while read -r line; do
    case "$line" in
      *"=> not found"*)
        name="${line%% *}"
        # libjvm, libjava, libnet...: the runtime's own libraries, found through its own paths at run time.
        [ -n "$(find "$jre/lib" -name "$name" -print -quit)" ] || fail "$f needs $name, which is not on this machine" ;;
      *"=> /"*) lib="${line#*=> }"; resolved="$resolved ${lib%% (*}" ;;
      /*) resolved="$resolved ${line%% (*}" ;;
    esac
  done < <(ldd "$target" 2>/dev/null || true)
done
packages=""
for lib in $(echo "$resolved" | tr ' ' '\n' | grep -v "^$jre" | sort -u); do
  [ -e "$lib" ] || continue
  cp -L "$lib" "$root$multiarch/$(basename "$lib")"
  packages="$packages
$lib"
done
ln -s ../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 "$root/usr/lib64/ld-linux-x86-64.so.2"
[ -f "$root$multiarch/ld-linux-x86-64.so.2" ] || fail "the dynamic loader was not found by ldd"

# 3. Fonts, CA certificates, users, directories.
mkdir -p "$root/usr/share/fonts/truetype/dejavu" "$root/etc"
for font in $(dpkg -L fonts-dejavu-core 2>/dev/null | grep '\.ttf$' || ls "$fonts"/DejaVuSans*.ttf); do
  cp -L "$font" "$root/usr/share/fonts/truetype/dejavu/"
  packages="$packages
$font"
done
cp -rL /etc/fonts "$root/etc/fonts"
packages="$packages
/etc/fonts/fonts.conf
$cacerts"
cat > "$root/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/usr/sbin/nologin
omega:x:10001:10001:OMEGA services:/home/omega:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
EOF
cat > "$root/etc/group" <<'EOF'
root:x:0:
omega:x:10001:
nogroup:x:65534:
EOF
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$root/etc/nsswitch.conf"
mkdir -p "$root/tmp" "$root/root" "$root/var/cache/fontconfig" "$root/home/omega" \
  "$root/data/experiences" "$root/data/models" "$root/data/reports"
chmod 1777 "$root/tmp"
chmod 700 "$root/root"

# 4. Where every copied file came from.
mkdir -p "$root/usr/share/omega-base"
{
  echo "# Debian packages the files of this base image were copied from (package version), and the JDK."
  echo "jdk $(sed -n 's/^IMPLEMENTOR="\(.*\)"/\1/p' "$JAVA_HOME/release") $java_version ($JAVA_HOME)"
  for path in $(echo "$packages" | sort -u); do
    pkg="$(dpkg -S "$path" 2>/dev/null || dpkg -S "$(readlink -f "$path")" 2>/dev/null \
      || dpkg -S "/usr$path" 2>/dev/null || true)"
    pkg="${pkg%%:*}"
    [ -n "$pkg" ] && echo "$pkg"
  done | sort -u | while read -r pkg; do
    [ "$pkg" = "${pkg#jdk }" ] || { echo "$pkg"; continue; }
    dpkg-query -W -f '${Package} ${Version}\n' "$pkg" 2>/dev/null || echo "$pkg"
    if [ -f "/usr/share/doc/$pkg/copyright" ]; then
      mkdir -p "$root/usr/share/doc/$pkg"
      cp -L "/usr/share/doc/$pkg/copyright" "$root/usr/share/doc/$pkg/copyright"
    fi
  done
  # cacerts is generated by ca-certificates-java from ca-certificates, so dpkg -S does not know it.
  for pkg in ca-certificates ca-certificates-java; do
    dpkg-query -W -f '${Package} ${Version}\n' "$pkg" 2>/dev/null || continue
    mkdir -p "$root/usr/share/doc/$pkg"
    cp -L "/usr/share/doc/$pkg/copyright" "$root/usr/share/doc/$pkg/copyright" 2>/dev/null || true
  done
} > "$root/usr/share/omega-base/packages.txt"

# 5. The layer (reproducible: sorted, fixed times, numeric owners), then the image around it.
layer="$work/layer.tar"
tar_opts=(--sort=name --format=posix --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime
  --mtime=@1 --numeric-owner)
(cd "$root" && tar --create --file "$layer" "${tar_opts[@]}" --owner=0 --group=0 \
  --exclude=./data --exclude=./home/omega .)
(cd "$root" && tar --append --file "$layer" "${tar_opts[@]}" --owner=10001 --group=10001 ./data ./home/omega)
diff_id="sha256:$(sha256sum "$layer" | cut -c1-64)"

env_json='"PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "JAVA_HOME=/opt/java/openjdk", "LANG=C.UTF-8"'
cat > "$work/config.json" <<EOF
{
  "architecture": "amd64",
  "os": "linux",
  "created": "1970-01-01T00:00:01Z",
  "config": {
    "Env": [$env_json],
    "User": "10001:10001",
    "WorkingDir": "/",
    "Labels": {
      "org.opencontainers.image.title": "omega-base",
      "org.opencontainers.image.description": "Java $java_version runtime (jlink) with the Debian libraries it needs; see /usr/share/omega-base/packages.txt"
    }
  },
  "rootfs": {"type": "layers", "diff_ids": ["$diff_id"]},
  "history": [{"created": "1970-01-01T00:00:01Z", "created_by": "docker/build-base-image.sh"}]
}
EOF
config_id="$(sha256sum "$work/config.json" | cut -c1-64)"
mv "$work/config.json" "$work/$config_id.json"
printf '[{"Config":"%s.json","RepoTags":["omega-base:java%s"],"Layers":["layer.tar"]}]\n' "$config_id" "$java_version" \
  > "$work/manifest.json"
(cd "$work" && tar --create --file "$out" "${tar_opts[@]}" --owner=0 --group=0 manifest.json "$config_id.json" layer.tar)
sources="$(grep -vc '^#' "$root/usr/share/omega-base/packages.txt" || true)"
rm -rf "$work"
echo "$stamp" > "$out.stamp"
echo "build-base-image: $out ($(du -m "$out" | cut -f1) MB: Java $java_version, files from $sources packages) in $((SECONDS - start)) s"
