#!/usr/bin/env bash
# `npm test`: type check, build, the three suites, then the contract check over every exchange their emulators
# recorded (emulator/contract/): a request or answer that departs from the official SDK's contract without a
# reviewed deviation fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run typecheck
npm run build
export MODELARTS_EMULATOR_RECORD="$PWD/test-results/emulator-exchanges.jsonl"
mkdir -p test-results
rm -f "$MODELARTS_EMULATOR_RECORD"
npm run test:unit
npm run test:integration
npm run test:ui
npm run test:contract -- "$MODELARTS_EMULATOR_RECORD"
