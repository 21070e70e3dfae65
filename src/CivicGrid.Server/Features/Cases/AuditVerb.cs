using System.CommandLine;
using CivicGrid.Data;
using CivicGrid.Server.Platform.Cli;

namespace CivicGrid.Server.Features.Cases;

/// <summary>`audit verify`: checks the hash chain of every case's history and names the first broken entry.</summary>
public static class AuditVerb
{
    public static Command Create(VerbRunner run)
    {
        var verify = new Command("verify", "Check that no case history entry was altered, inserted or removed.");
        verify.SetAction((_, cancellationToken) => run(async (services, ct) =>
        {
            var (cases, entries, broken) = await HistoryAudit.VerifyAsync(services.GetRequiredService<CivicGridDbContext>(), ct);
            if (broken is not null)
            {
                Console.WriteLine($"BROKEN: case {broken.CaseNumber}, history entry {broken.Sequence}: {broken.Problem}.");
                return 1;
            }
            Console.WriteLine($"OK: {cases:N0} cases, {entries:N0} history entries, every chain intact.");
            return 0;
        }, cancellationToken));
        return new Command("audit", "Audit the case history.") { verify };
    }
}
