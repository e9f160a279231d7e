#!/usr/bin/env bash
# Submits Sanliu streaming jobs to a Flink session cluster, detached, once each.
#
#   submit-jobs.sh JOB_NAME...        e.g. submit-jobs.sh orders-per-mode
#
# Each job's main() (io.sanliu.jobs.JobLauncher) runs here and reads the SANLIU_* settings of this
# container. A job already running (or restarting) under the same name is skipped, so running
# this twice does not start duplicates. Environment:
#   FLINK_JOBMANAGER     REST address of the JobManager (default flink-jobmanager:8081)
#   SUBMIT_WAIT_SECONDS  how long to wait for a TaskManager to register (default 180)
set -euo pipefail

JAR=/opt/sanliu/flink-jobs-job.jar
ENTRY_CLASS=io.sanliu.jobs.JobLauncher
JOBMANAGER="${FLINK_JOBMANAGER:-flink-jobmanager:8081}"
WAIT_SECONDS="${SUBMIT_WAIT_SECONDS:-180}"

if [ "$#" -eq 0 ]; then
  echo "usage: $0 JOB_NAME..." >&2
  exit 2
fi

echo "waiting for a TaskManager at ${JOBMANAGER}"
deadline=$((SECONDS + WAIT_SECONDS))
while true; do
  overview="$(wget -qO- "http://${JOBMANAGER}/overview" 2>/dev/null || true)"
  [[ "${overview}" =~ \"taskmanagers\":[1-9] ]] && break
  if [ "${SECONDS}" -ge "${deadline}" ]; then
    echo "no TaskManager registered at ${JOBMANAGER} within ${WAIT_SECONDS}s" >&2
    exit 1
  fi
  sleep 3
done

# `flink list -r` prints one line per running job: "<time> : <job id> : <name> (<state>)".
running="$(flink list -r -m "${JOBMANAGER}" 2>/dev/null || true)"

for job in "$@"; do
  if grep -qF " : ${job} (" <<<"${running}"; then
    echo "job ${job} is already running; not submitted again"
    continue
  fi
  echo "submitting job ${job}"
  flink run -d -m "${JOBMANAGER}" -c "${ENTRY_CLASS}" "${JAR}" "${job}"
done
