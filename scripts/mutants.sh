#!/usr/bin/env bash
# A mutation spot-check (docs/testing.md): plants each plausible bug below into the source, one at a time, builds,
# runs the tests that should notice, and says "killed" (a test failed) or "SURVIVED" (none did). The source file is
# restored after each mutant, whatever happens. Usage: scripts/mutants.sh [name-regex]
# MUTANTS_WITHOUT=ClassA,ClassB leaves those test classes out (to see which mutants they alone kill).
# Needs PostgreSQL binaries for the PostgreSQL-only tests: a throwaway cluster is started unless
# CIVICGRID_TEST_POSTGRES is set.
set -uo pipefail
cd "$(dirname "$0")/.."
only=${1:-}
killed=0; survived=0; stillborn=0; names=()
log=$(mktemp /tmp/civicgrid-mutants.XXXXXX.log)

if [ -z "${CIVICGRID_TEST_POSTGRES:-}" ]; then
  # shellcheck source=throwaway-postgres.sh
  source scripts/throwaway-postgres.sh
  throwaway_postgres_start
  export CIVICGRID_TEST_POSTGRES=$THROWAWAY_POSTGRES
  trap throwaway_postgres_stop EXIT
fi

# mutant NAME FILE OLD NEW PROJECT FILTER: replace the one occurrence of OLD in FILE by NEW, then build PROJECT
# (domain|server) and run the tests matching FILTER.
mutant() {
  local name=$1 file=$2 old=$3 new=$4 project=$5 filter=$6
  [[ -n "$only" && ! "$name" =~ $only ]] && return
  local without
  for without in ${MUTANTS_WITHOUT//,/ }; do filter="($filter)&FullyQualifiedName!~$without"; done
  local tests=tests/CivicGrid.Domain.Tests
  [ "$project" = server ] && tests=tests/CivicGrid.Server.Tests
  local backup; backup=$(mktemp)
  cp "$file" "$backup"
  if ! OLD="$old" NEW="$new" python3 - "$file" <<'EOF'
import os, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
old, new = os.environ["OLD"], os.environ["NEW"]
if text.count(old) != 1:
    sys.exit(f"expected the text once in {path}, found it {text.count(old)} times")
open(path, "w", encoding="utf-8").write(text.replace(old, new))
EOF
  then
    echo "STALE      $name (the code changed: update the mutant)"; stillborn=$((stillborn + 1)); rm -f "$backup"; return
  fi
  local outcome
  if ! dotnet build "$tests" -c Release -v quiet -nologo >>"$log" 2>&1; then
    outcome="stillborn"; stillborn=$((stillborn + 1))
  elif dotnet test "$tests" -c Release --no-build --filter "$filter" >>"$log" 2>&1; then
    outcome="SURVIVED"; survived=$((survived + 1)); names+=("$name")
  else
    outcome="killed"; killed=$((killed + 1))
  fi
  cp "$backup" "$file"; rm -f "$backup"
  printf '%-10s %s\n' "$outcome" "$name"
}

workflow=src/CivicGrid.Domain/Cases/CaseWorkflow.cs
chain=src/CivicGrid.Domain/Cases/HistoryChain.cs
intake=src/CivicGrid.Server/Features/Cases/CaseIntake.cs
domain_cases='FullyQualifiedName~CivicGrid.Domain.Tests.Cases'
intake_tests='FullyQualifiedName~Idempotency|FullyQualifiedName~CaseCreationTests'

# Who may take each action (issue 14, item 16).
mutant "an inspector may dispatch" $workflow \
  '[CaseAction.Dispatch] = new([Registered], Roles.Dispatcher)' \
  '[CaseAction.Dispatch] = new([Registered], Roles.Dispatcher | Roles.Inspector)' domain "$domain_cases"
mutant "a leader may close" $workflow \
  '[CaseAction.Close] = new([AwaitingClose], Roles.ShiftLead)' \
  '[CaseAction.Close] = new([AwaitingClose], Roles.ShiftLead | Roles.Leader)' domain "$domain_cases"
mutant "a dispatcher may verify" $workflow \
  '[CaseAction.Verify] = new([Verifying], Roles.Inspector)' \
  '[CaseAction.Verify] = new([Verifying], Roles.Inspector | Roles.Dispatcher)' domain "$domain_cases"

# Which history fields the hash covers.
mutant "the hash leaves out Data" $chain 'e.Deadline ?? "", e.Data ?? "",' 'e.Deadline ?? "",' domain "$domain_cases"
mutant "the hash leaves out the deadline" $chain 'e.Deadline ?? "", e.Data ?? "",' 'e.Data ?? "",' domain "$domain_cases"
mutant "the hash leaves out the role" $chain 'e.ActorName, e.ActorRole, e.Action,' 'e.ActorName, e.Action,' domain "$domain_cases"
mutant "the hash keeps whole seconds" $chain 'e.At.ToUnixTimeMilliseconds()' 'e.At.ToUnixTimeSeconds()' domain "$domain_cases"

# The replay check of CaseIntake.ReplayAsync.
mutant "a repeated key's hash is not compared" $intake \
  'if (record.RequestHash != idempotency.RequestHash)' \
  'if (record.RequestHash != idempotency.RequestHash && record.Key.Length == 0)' server "$intake_tests"
mutant "an invalid repeat is not replayed" $intake \
  'if (await ReplayAsync(idempotency, cancellationToken) is { } replayed) return replayed;' \
  '' server "$intake_tests"
mutant "a key stored first elsewhere is not caught" $intake \
  'catch (DbUpdateException) when (idempotency is not null)' \
  'catch (DbUpdateException) when (idempotency is not null && idempotency.Key.Length == 0)' server "$intake_tests"

# Issue 14 items 1, 6 and 8.
mutant "a type without a standard is offered" src/CivicGrid.Server/Features/Catalogue/OfferedTypes.cs \
  'return types.Where(t => t.IsActive && db.CaseStandards.Any(s => s.Kind == t.Kind && s.TypeCode == t.Code));' \
  'return types.Where(t => t.IsActive);' server 'FullyQualifiedName~SqliteCaseStandardCoverageTests'
mutant "a lost history sequence is a 500" src/CivicGrid.Server/Features/Cases/CaseTransitions.cs \
  'catch (DbUpdateException failure) when (failure is not DbUpdateConcurrencyException)' \
  'catch (DbUpdateException failure) when (failure is not DbUpdateConcurrencyException && failure.Entries.Count < 0)' \
  server 'FullyQualifiedName~SqliteParallelTransitionTests'
mutant "Open311 shows a sensitive description" src/CivicGrid.Server/Features/Open311/Open311RequestViews.cs \
  '("description", shown.Description),' '("description", c.Description),' server 'FullyQualifiedName~SqlitePublicPrivacySurfaceTests'

# The mutants leave the last build mutated: build the restored source again.
{ dotnet build tests/CivicGrid.Domain.Tests -c Release -v quiet -nologo && dotnet build tests/CivicGrid.Server.Tests -c Release -v quiet -nologo; } >>"$log" 2>&1 || echo "The restored source did not build; see $log"
total=$((killed + survived))
echo
echo "Killed $killed of $total mutants ($stillborn stillborn or stale, not counted). Log: $log"
for name in "${names[@]}"; do echo "  survived: $name"; done
[ "$survived" -eq 0 ] && [ "$stillborn" -eq 0 ]
