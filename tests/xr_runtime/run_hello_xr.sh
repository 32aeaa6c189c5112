#!/usr/bin/env bash
# Runs Khronos hello_xr (Debian libopenxr-utils) on the test runtime three times: with
# XR_KHR_vulkan_enable2, the same under the OpenXR core validation layer, and with
# XR_KHR_vulkan_enable (enable2 switched off by the script). The script makes the runtime
# end the session after 300 frames; hello_xr must then exit 0 and the runtime's report
# must show the whole session: every state in order, 300 frames, both eyes drawn, no API
# misuse, and no validation message from the OpenXR layer or from Vulkan's.
#   run_hello_xr.sh RUNTIME_JSON WORK_FOLDER
set -euo pipefail
runtime_json=$1
work=$2

if ! command -v hello_xr >/dev/null; then
  echo "hello_xr is not installed (Debian package libopenxr-utils; tools/setup installs it)" >&2
  [ "${CI:-}" = "true" ] && exit 1
  exit 77
fi

rm -rf "$work"
mkdir -p "$work"
cat >"$work/script.txt" <<'SCRIPT'
# hello_xr's whole life: lavapipe draws 256 x 256 per eye quickly enough.
resolution 256 256
end-after-frames 300
SCRIPT
{ cat "$work/script.txt"; echo "fault no-vulkan-enable2"; } >"$work/script_vulkan1.txt"

export XR_RUNTIME_JSON="$runtime_json"
export VK_ICD_FILENAMES=/usr/share/vulkan/icd.d/lvp_icd.x86_64.json
unset XR_ENABLE_API_LAYERS

failures=0
fail() {
  echo "FAIL ($1): $2" >&2
  failures=$((failures + 1))
}

value() { # value REPORT KEY
  sed -n "s/^$2=//p" "$1"
}

# run NAME GRAPHICS SCRIPT [VAR=VALUE...]: hello_xr -g GRAPHICS in its own output folder.
run() {
  local name=$1 graphics=$2 script=$3
  shift 3
  local out="$work/$name"
  mkdir -p "$out"
  # hello_xr quits when its standard input closes: hold it open with a sleeper that is
  # stopped afterwards (a plain pipe would keep the test waiting for the sleep).
  exec 3< <(sleep 600)
  local sleeper=$!
  local status=0
  env USINE_TEST_XR_SCRIPT="$script" USINE_TEST_XR_OUTPUT="$out" "$@" \
    timeout 120 hello_xr -g "$graphics" <&3 >"$out/hello_xr.log" 2>&1 || status=$?
  kill "$sleeper" 2>/dev/null || true
  exec 3<&-
  echo "$name: hello_xr exited with $status ($(grep -c . "$out/hello_xr.log") lines of log in $out/hello_xr.log)"
  [ "$status" -eq 0 ] || { fail "$name" "hello_xr exited with $status"; tail -20 "$out/hello_xr.log" >&2; }

  local report="$out/report.txt"
  if [ ! -f "$report" ]; then
    fail "$name" "the runtime wrote no report.txt"
    return
  fi
  echo "$name: states=$(value "$report" states)"
  echo "$name: frames_submitted=$(value "$report" frames_submitted)" \
    "eye0_drawn_pixels=$(value "$report" eye0_drawn_pixels) eye1_drawn_pixels=$(value "$report" eye1_drawn_pixels)"
  [ "$(value "$report" session_ended_by_runtime)" = 1 ] || fail "$name" "the runtime did not end the session"
  [ "$(value "$report" frames_submitted)" -ge 300 ] || fail "$name" "fewer than 300 frames submitted"
  local states
  states=$(value "$report" states)
  [[ "$states" == IDLE,READY,SYNCHRONIZED,VISIBLE,FOCUSED,* ]] || fail "$name" "states did not start IDLE..FOCUSED: $states"
  [[ "$states" == *,STOPPING,IDLE,EXITING ]] || fail "$name" "states did not end STOPPING,IDLE,EXITING: $states"
  # hello_xr draws a cube 2 m in front of the viewer, and others around: both eyes see some.
  [ "$(value "$report" eye0_drawn_pixels)" -gt 0 ] || fail "$name" "nothing drawn in eye 0"
  [ "$(value "$report" eye1_drawn_pixels)" -gt 0 ] || fail "$name" "nothing drawn in eye 1"
  [ "$(value "$report" api_misuse_count)" = 0 ] || fail "$name" "API misuse: $(grep '^misuse_' "$report" | tr '\n' ' ')"
  [ -s "$out/eye0.png" ] && [ -s "$out/eye1.png" ] || fail "$name" "eye0.png / eye1.png missing"
  # hello_xr runs Vulkan's validation layer and logs what it says (the runtime's own
  # Vulkan calls on hello_xr's device included) as Error or Warning lines.
  if grep -E "^\[[^]]*\]\[(Error|Warning)" "$out/hello_xr.log" >&2; then
    fail "$name" "hello_xr logged errors or warnings (above)"
  fi
}

run vulkan2 Vulkan2 "$work/script.txt"
run vulkan1 Vulkan "$work/script_vulkan1.txt"

# The core validation layer writes what it finds to a file; it must stay empty.
layer_messages="$work/with_core_validation/core_validation.txt"
run with_core_validation Vulkan2 "$work/script.txt" XR_ENABLE_API_LAYERS=XR_APILAYER_LUNARG_core_validation \
  XR_CORE_VALIDATION_EXPORT_TYPE=text XR_CORE_VALIDATION_FILE_NAME="$layer_messages"
if ! grep -q "Core Validation" "$work/with_core_validation/hello_xr.log"; then
  fail with_core_validation "the core validation layer did not load"
fi
if [ -s "$layer_messages" ]; then
  fail with_core_validation "the core validation layer reported problems:"
  head -40 "$layer_messages" >&2
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "hello_xr ran its whole session on the test runtime: Vulkan2, Vulkan, and under core validation"
