namespace CivicGrid.Domain.Assessment;

/// <summary>An incident kind and the share of the quarterly fee each one deducts.</summary>
public sealed record IncidentRule(string Kind, decimal ShareOfFee);

/// <summary>
/// PPP payment rules as data (docs/domain/assessment.md §7). Scores are on the 100-point quarterly scale; shares are
/// fractions of the quarterly fee. <see cref="Default"/> is labelled a default: 90 / 95 / 5 % deposit / five quarters
/// below 75 are Haikou's 2017 plan, the 5 %-per-point deduction, 2 % bonus, incident shares and the warning after
/// three quarters are *defaults* (Haikou's own formula was not found).
/// </summary>
public sealed record PaymentRules
{
    private static readonly IncidentRule[] DefaultIncidents =
    [
        new("unfixedComplaint", 0.02m), new("mediaExposure", 0.10m), new("cityLevelExposure", 0.20m),
    ];

    /// <summary>The shipped defaults (see the class summary for which are sourced).</summary>
    public static PaymentRules Default { get; } = new();

    /// <summary>At or above: full payment.</summary>
    public decimal FullPaymentScore { get; init; } = 90m;

    /// <summary>Share of the fee deducted per point below <see cref="FullPaymentScore"/> (proportional to the shortfall).</summary>
    public decimal DeductionPerPoint { get; init; } = 0.05m;

    /// <summary>At or above: <see cref="BonusShare"/> of the fee is added.</summary>
    public decimal BonusScore { get; init; } = 95m;
    public decimal BonusShare { get; init; } = 0.02m;

    /// <summary>质量考核保证金: share of the fee held back each quarter and settled against deductions and bonus.</summary>
    public decimal QualityDepositShare { get; init; } = 0.05m;

    /// <summary>A quarter scoring below this counts towards termination.</summary>
    public decimal TerminationScore { get; init; } = 75m;

    /// <summary>This many such quarters (cumulative over the contract) end it.</summary>
    public int TerminationQuarters { get; init; } = 5;

    /// <summary>From this many such quarters a termination warning is raised.</summary>
    public int WarningQuarters { get; init; } = 3;

    /// <summary>Incident kinds (township example, 📰 120pk.cn): unfixed verified complaint 2 %, county-level reprimand or media exposure 10 %, city level or above 20 %.</summary>
    public IReadOnlyList<IncidentRule> Incidents { get; init; } = DefaultIncidents;

    /// <summary>True when every rule has its shipped default value, so that pages can label the rules as defaults.</summary>
    public bool IsDefault =>
        FullPaymentScore == 90m && DeductionPerPoint == 0.05m && BonusScore == 95m && BonusShare == 0.02m
        && QualityDepositShare == 0.05m && TerminationScore == 75m && TerminationQuarters == 5 && WarningQuarters == 3
        && Incidents is not null && Incidents.SequenceEqual(DefaultIncidents);

    /// <summary>Throws <see cref="AssessmentRuleException"/> naming the first rule out of range.</summary>
    public void Validate()
    {
        Check(FullPaymentScore is >= 0 and <= 100, "fullPaymentScore", "must be 0–100");
        Check(BonusScore >= FullPaymentScore && BonusScore <= 100, "bonusScore", "must be between fullPaymentScore and 100");
        Check(TerminationScore >= 0 && TerminationScore <= FullPaymentScore, "terminationScore", "must be between 0 and fullPaymentScore");
        Check(DeductionPerPoint is >= 0 and <= 1, "deductionPerPoint", "must be a share 0–1");
        Check(BonusShare is >= 0 and <= 1, "bonusShare", "must be a share 0–1");
        Check(QualityDepositShare is >= 0 and <= 1, "qualityDepositShare", "must be a share 0–1");
        Check(TerminationQuarters >= 1, "terminationQuarters", "must be at least 1");
        Check(WarningQuarters >= 1 && WarningQuarters <= TerminationQuarters, "warningQuarters", "must be 1–terminationQuarters");
        Check(Incidents is not null && Incidents.All(i => !string.IsNullOrWhiteSpace(i?.Kind) && i.ShareOfFee is >= 0 and <= 1),
            "incidents", "every incident rule needs a kind and a share 0–1");
        Check(Incidents!.Select(i => i.Kind).Distinct(StringComparer.Ordinal).Count() == Incidents!.Count, "incidents", "kinds must be unique");
    }

    private static void Check(bool ok, string field, string message)
    {
        if (!ok)
        {
            throw new AssessmentRuleException(field, message + ".");
        }
    }
}
