using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CivicGrid.Domain.Cases;

/// <summary>The tamper-evident chain of a case's history: each entry's hash covers its own fields and the previous
/// entry's hash (the first entry's previous hash is <see cref="Genesis"/>). Changing, inserting or deleting an entry
/// breaks every hash after it; the case row keeps the last hash, so dropping the newest entry is caught too.</summary>
public static class HistoryChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string ComputeHash(CaseHistoryEntry e)
    {
        var canonical = string.Join('\u001f',
            e.CaseId.ToString(CultureInfo.InvariantCulture),
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            e.ActorUserId?.ToString(CultureInfo.InvariantCulture) ?? "",
            e.ActorName, e.ActorRole, e.Action,
            e.FromStatus?.ToString() ?? "", e.ToStatus.ToString(),
            e.Note ?? "", e.AttachmentIds ?? "", e.Deadline ?? "", e.Data ?? "",
            e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Checks a case's entries (in sequence order) against each other and against the case's last hash.
    /// Returns null when intact, else the first broken entry's sequence number and what is wrong.</summary>
    public static (int Sequence, string Problem)? Verify(IReadOnlyList<CaseHistoryEntry> entries, string? lastHash)
    {
        var previous = Genesis;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Sequence != i + 1) return (i + 1, $"entry {i + 1} is missing (found sequence {entry.Sequence})");
            if (entry.PreviousHash != previous) return (entry.Sequence, "its previous-hash does not match the entry before it");
            if (ComputeHash(entry) != entry.Hash) return (entry.Sequence, "its content does not match its hash (altered)");
            previous = entry.Hash;
        }
        if (lastHash != previous) return (entries.Count + 1, "the case's last hash does not match its newest entry (an entry was removed or added)");
        return null;
    }
}
