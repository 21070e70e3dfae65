namespace CivicGrid.Domain.Assessment;

/// <summary>
/// One scored item (评分项) of a sheet. Invariants (checked here, so an invalid item cannot exist): a code; points
/// never negative; a deduction item has a positive deduction and a positive cap no larger than the full points; a veto
/// item (一票否决) is pass/fail, and failing it zeroes the whole sheet. Only a veto item may have 0 full points.
/// See docs/domain/assessment.md §1.
/// </summary>
public sealed record ScoringItem
{
    /// <summary>Creates an item; throws <see cref="AssessmentRuleException"/> naming "code.field" when an invariant fails.</summary>
    public ScoringItem(string code, string name, decimal fullPoints, ItemRule rule,
        Evidence requiredEvidence = Evidence.None, EvidenceWhen evidenceWhen = EvidenceWhen.OnDeduction, bool veto = false)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new AssessmentRuleException("code", "An item needs a code.");
        }

        Code = code.Trim();
        Name = string.IsNullOrWhiteSpace(name) ? throw Invalid("name", "An item needs a name.") : name.Trim();
        FullPoints = fullPoints < 0 ? throw Invalid("fullPoints", "Points cannot be negative.") : fullPoints;
        Rule = rule ?? throw Invalid("rule", "An item needs a rule.");
        RequiredEvidence = (requiredEvidence & ~(Evidence.Photo | Evidence.Note)) == 0
            ? requiredEvidence : throw Invalid("evidence", "Unknown evidence kind.");
        EvidenceWhen = Enum.IsDefined(evidenceWhen) ? evidenceWhen : throw Invalid("evidenceWhen", "Unknown value.");
        Veto = veto;
        CheckRule();
    }

    public string Code { get; }
    public string Name { get; }
    public decimal FullPoints { get; }
    public ItemRule Rule { get; }
    public Evidence RequiredEvidence { get; }
    public EvidenceWhen EvidenceWhen { get; }

    /// <summary>一票否决: failing this item zeroes the sheet.</summary>
    public bool Veto { get; }

    private void CheckRule()
    {
        if (Veto && Rule is not PassFailRule)
        {
            throw Invalid("veto", "A veto item must be pass/fail.");
        }

        if (!Veto && FullPoints == 0)
        {
            throw Invalid("fullPoints", "Only a veto item may have 0 points.");
        }

        if (Rule is DeductionRule deduction)
        {
            if (deduction.PerOccurrence <= 0)
            {
                throw Invalid("perOccurrence", "The deduction per occurrence must be positive.");
            }

            if (deduction.Cap <= 0 || deduction.Cap > FullPoints)
            {
                throw Invalid("cap", $"The cap must be positive and at most the full points ({FullPoints}).");
            }
        }
    }

    private AssessmentRuleException Invalid(string field, string message) => new($"{Code}.{field}", message);
}
