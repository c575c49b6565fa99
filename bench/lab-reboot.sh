#!/usr/bin/env bash
# A reboot of a prepared systemd lab node, NativeAOT, until the node verifies again: a systemd lab
# 'benchreboot' is made and prepared once (the archive's named disabled on the gateway first, as
# prepare asks), then NODE (default w1, a minion) is rebooted N times (default 5). For each reboot:
# the time until its systemd says running (as `lab reboot` prints it), until its boot unit
# (sixgill-reapply.service) has run, and until `sixgill verify` on the minion passes (DNS64 and
# NAT64 through the rebooted node), each from the moment the reboot began; then the medians.
# Usage: sudo bash bench/lab-reboot.sh [runs] [node]   (publishes artifacts/aot first; SIXGILL=path skips that)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
node=${2:-w1}
lab=benchreboot
bin=${SIXGILL:-}
if [[ -z $bin ]]; then
  dotnet publish "$root/src/Sixgill" -c Release -r linux-x64 -p:PublishAot=true -o "$root/artifacts/aot" -nologo -v quiet >/dev/null
  bin="$root/artifacts/aot/sixgill"
fi
trap '"$bin" lab down --name "$lab" >/dev/null 2>&1 || true' EXIT
config=/tmp/sixgill-lab-$lab/config.yaml
on() { local n=$1; shift; "$bin" lab exec --name "$lab" "$n" -- "$@"; }
now() { date +%s%N; }

"$bin" lab root >/dev/null
"$bin" lab up --name "$lab" --kind systemd >/dev/null
on gw systemctl disable --now named.service >/dev/null 2>&1
for n in gw w1 w2; do on "$n" "$bin" prepare -c "$config" --host "$n" >/dev/null; done
verifier=$node
[[ $node == gw ]] && verifier=w1
page=$(on "$verifier" "$bin" verify -c "$config" --host "$verifier" >/dev/null && echo ok)
[[ $page == ok ]] || { echo "the prepared lab does not verify" >&2; exit 1; }

printf '%-4s %9s %9s %9s  %s\n' run running reapplied verified result
declare -A all
for i in $(seq "$runs"); do
  t0=$(now)
  "$bin" lab reboot --name "$lab" "$node" >/dev/null
  t1=$(now)
  on "$node" sh -c 'until systemctl is-active --quiet sixgill-reapply.service; do sleep 0.05; done'
  t2=$(now)
  status=failed
  for _ in $(seq 100); do
    if on "$verifier" "$bin" verify -c "$config" --host "$verifier" >/dev/null 2>&1; then status=verified; break; fi
    sleep 0.1
  done
  t3=$(now)
  for k in running:$t1 reapplied:$t2 verified:$t3; do all[${k%%:*}]+="$(( (${k#*:} - t0) / 1000000 )) "; done
  printf '%-4s %9s %9s %9s  %s\n' "$i" $(( (t1 - t0) / 1000000 )) $(( (t2 - t0) / 1000000 )) $(( (t3 - t0) / 1000000 )) "$status"
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf '%-4s %9s %9s %9s  %s\n' med "$(median <<<"${all[running]}")" "$(median <<<"${all[reapplied]}")" "$(median <<<"${all[verified]}")" \
  "(ms from the start of 'lab reboot $node'; verify on $verifier)"
