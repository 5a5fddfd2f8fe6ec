#!/usr/bin/env bash
# make wheelhouse: every wheel a learner needs to install the guide without a network.
#
# Downloads, into wheelhouse/ (git-ignored), the `lab` extra pinned by requirements-lock.txt
# and the project's own wheel, for this machine's Python and for each CPython the project
# supports on Linux x86_64, macOS arm64, macOS x86_64 and Windows amd64. Copy the folder to a
# USB stick; on a learner's laptop:
#
#     pip install --no-index --find-links wheelhouse "invite-triage[lab]"
#
# Needs a network once (here), none in the room. Usage: tools/wheelhouse.sh [PYTHON] [OUT]
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${1:-python3}
OUT=${2:-wheelhouse}
# Keep in step with requires-python and the classifiers in pyproject.toml. 3.11 means 3.11.5
# and later: a pin of the lock (soupsieve) needs it, and pip takes a bare "3.11" as 3.11.0.
PYTHONS=(3.11.5 3.12 3.13)
# Oldest systems the wheels must still install on: glibc 2.17 (manylinux2014) to 2.28,
# macOS 11 on Apple silicon and 10.15 on Intel (pyzmq's oldest), 64-bit Windows 10.
declare -A PLATFORMS=(
    [linux-x86_64]="manylinux_2_28_x86_64 manylinux_2_27_x86_64 manylinux_2_24_x86_64 manylinux_2_17_x86_64 manylinux2014_x86_64"
    [macos-arm64]="macosx_11_0_arm64"
    [macos-x86_64]="macosx_10_15_x86_64"
    [windows-amd64]="win_amd64"
)

mkdir -p "$OUT"
PIP=("$PYTHON" -m pip --disable-pip-version-check)
log="$OUT/download.log"
: > "$log"

echo "wheelhouse: the project's own wheel"
rm -f "$OUT"/invite_triage-*.whl
"${PIP[@]}" wheel --quiet --no-deps --wheel-dir "$OUT" . >>"$log" 2>&1
# An editable install from a clone (pip install -e) builds with these: ship them too.
"${PIP[@]}" download --quiet --only-binary=:all: --dest "$OUT" \
    "setuptools>=77" wheel pip >>"$log" 2>&1

echo "wheelhouse: this machine ($("$PYTHON" -c 'import sys, platform; print(f"CPython {sys.version.split()[0]}, {platform.system()} {platform.machine()}")'))"
"${PIP[@]}" download --quiet --dest "$OUT" --find-links "$OUT" \
    -c requirements-lock.txt "invite-triage[lab]" >>"$log" 2>&1

failed=()
relaxed=()
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for py in "${PYTHONS[@]}"; do
    minor=${py#3.}; minor=${minor%%.*}
    abi="cp3${minor}"
    for name in "${!PLATFORMS[@]}"; do
        args=()
        for tag in ${PLATFORMS[$name]}; do args+=(--platform "$tag"); done
        echo "wheelhouse: CPython $py, $name"
        download=("${PIP[@]}" download --only-binary=:all: --dest "$OUT" --find-links "$OUT"
                  --implementation cp --python-version "$py" --abi "$abi" --abi abi3 --abi none
                  "${args[@]}" "invite-triage[lab]")
        if "${download[@]}" -c requirements-lock.txt >"$tmp/one.log" 2>&1; then
            cat "$tmp/one.log" >>"$log"
            continue
        fi
        cat "$tmp/one.log" >>"$log"
        # A pin with no wheel for this platform (say, a release built for Linux only): take
        # that one package's newest wheel here instead, and say so in the README.
        missing=$(awk '
            /^ERROR: No matching distribution found for / { split($7, a, "=="); print a[1] }
            /no matching distributions available for your environment:/ { list = 1; next }
            list && /^    [A-Za-z0-9_.-]+$/ { print $1; next }
            { list = 0 }' "$tmp/one.log" | sort -u)
        if [ -n "$missing" ] && grep -viE "^($(echo "$missing" | paste -sd'|'))==" \
                requirements-lock.txt >"$tmp/relaxed.txt" \
                && "${download[@]}" -c "$tmp/relaxed.txt" >>"$log" 2>&1; then
            echo "  unpinned here (no wheel of the locked version): $missing"
            relaxed+=("CPython $py $name: $(echo "$missing" | paste -sd' ')")
        else
            failed+=("CPython $py $name")
            echo "  FAILED (see $log)"
        fi
    done
done

cp tools/wheelhouse-README.md "$OUT/README.md"
{
    echo
    echo "## This copy"
    echo
    echo "Made on $(date -u +%Y-%m-%d) from requirements-lock.txt by \`make wheelhouse\`."
    if [ "${#relaxed[@]}" -gt 0 ]; then
        echo "The locked version of these packages has no wheel for some platforms; there the"
        echo "newest wheel that fits was taken instead:"
        echo
        printf -- '- %s\n' "${relaxed[@]}"
    else
        echo "Every package is at its locked version on every platform."
    fi
} >>"$OUT/README.md"
count=$(find "$OUT" -name '*.whl' | wc -l)
size=$(du -sh "$OUT" | cut -f1)
echo "wheelhouse: $count wheels, $size in $OUT/"
if [ "${#failed[@]}" -gt 0 ]; then
    printf 'wheelhouse: no complete set for: %s\n' "${failed[@]}"
    exit 1
fi
