#!/bin/sh
# Tests of ./runnel's JDK discovery and argument handling; run by ./runnel test before the build.
set -u
cd "$(dirname "$0")/.."
failures=0
fail() { printf 'launcher-test: FAIL: %s\n' "$*" >&2; failures=$((failures + 1)); }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A fake JDK whose java reports the given major version.
fake_jdk() {
    mkdir -p "$1/bin"
    printf '#!/bin/sh\necho "    java.specification.version = %s" >&2\n' "$2" > "$1/bin/java"
    printf '#!/bin/sh\nexit 0\n' > "$1/bin/javac"
    chmod +x "$1/bin/java" "$1/bin/javac"
}
fake_jdk "$tmp/jvm/jdk-17" 17
fake_jdk "$tmp/jvm/jdk-25" 25
mkdir -p "$tmp/empty" "$tmp/bin"
ln -s "$(command -v sh)" "$tmp/bin/sh"
for tool in dirname readlink sed head mkdir printf cat; do
    p=$(command -v "$tool") && ln -sf "$p" "$tmp/bin/$tool"
done

# 1. No JDK 25 anywhere: a clear message and a non-zero exit.
out=$(env -i PATH="$tmp/bin" RUNNEL_JVM_ROOT="$tmp/empty" sh ./runnel help 2>&1) && fail "no JDK: exit 0"
case "$out" in *"no JDK 25 found"*) ;; *) fail "no JDK: message was: $out" ;; esac

# 2. JAVA_HOME points at a JDK 17: says so, and goes on to find the 25 under the JVM root.
out=$(env -i PATH="$tmp/bin" JAVA_HOME="$tmp/jvm/jdk-17" RUNNEL_JVM_ROOT="$tmp/jvm" sh ./runnel help 2>&1)
case "$out" in *"is not a JDK 25"*) ;; *) fail "JAVA_HOME 17: no warning: $out" ;; esac
case "$out" in *"Maven (mvn) not found"*) ;; *) fail "JAVA_HOME 17: did not go on to the JDK 25: $out" ;; esac

# 3. The java on PATH is a JDK 25: taken without looking further.
ln -s "$tmp/jvm/jdk-25/bin/java" "$tmp/bin/java"
out=$(env -i PATH="$tmp/bin" RUNNEL_JVM_ROOT="$tmp/empty" sh ./runnel help 2>&1)
case "$out" in *"Maven (mvn) not found"*) ;; *) fail "JDK 25 on PATH not found: $out" ;; esac
rm "$tmp/bin/java"

# 4. An unknown command is refused with the usage.
out=$(sh ./runnel frobnicate 2>&1) && fail "unknown command: exit 0"
case "$out" in *"unknown command: frobnicate"*) ;; *) fail "unknown command: $out" ;; esac

if [ "$failures" -gt 0 ]; then
    exit 1
fi
echo "launcher-test: 4 checks passed"
