using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CivicGrid.Domain.Assessment;

/// <summary>
/// Draws a round's subjects reproducibly (docs/domain/assessment.md §4). Each subject gets a draw number: the first 8
/// bytes of SHA-256 over "seed:key" (UTF-8); each district takes its N lowest draw numbers (ties by key). The sample
/// therefore depends only on the seed and the set of subjects — never on their order, the process or the .NET
/// version — and adding a subject to one district leaves every other district's sample unchanged.
/// </summary>
public static class SubjectSampler
{
    /// <summary>The sample, ordered by district then key; throws <see cref="AssessmentRuleException"/> on a duplicate or blank key.</summary>
    public static IReadOnlyList<AssessmentSubject> Sample(IEnumerable<AssessmentSubject> subjects, SamplingPlan plan, long seed)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(plan);
        var all = Distinct(subjects);
        var chosen = plan.PerDistrict is not { } count
            ? all
            : all.GroupBy(s => s.District, StringComparer.Ordinal)
                .SelectMany(district => district
                    .OrderBy(s => DrawNumber(seed, s.Key))
                    .ThenBy(s => s.Key, StringComparer.Ordinal)
                    .Take(count));
        return chosen
            .OrderBy(s => s.District, StringComparer.Ordinal)
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The subject's draw number for a seed (lower is drawn first).</summary>
    public static ulong DrawNumber(long seed, string key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{seed}:{key}")), hash);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash);
    }

    private static List<AssessmentSubject> Distinct(IEnumerable<AssessmentSubject> subjects)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<AssessmentSubject>();
        foreach (var subject in subjects)
        {
            if (string.IsNullOrWhiteSpace(subject?.Key) || subject.District is null)
            {
                throw new AssessmentRuleException("subjects", "Every subject needs a key and a district.");
            }

            if (!keys.Add(subject.Key))
            {
                throw new AssessmentRuleException("subjects", $"The subject \"{subject.Key}\" is listed twice.");
            }

            list.Add(subject);
        }

        return list;
    }
}
