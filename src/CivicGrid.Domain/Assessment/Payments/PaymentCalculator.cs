namespace CivicGrid.Domain.Assessment;

/// <summary>
/// Computes a PPP contract's quarterly payment statement from its score and incidents (docs/domain/assessment.md §7):
/// score ≥ full-payment score → no score deduction; below it, fee × deduction per point × shortfall; score ≥ bonus
/// score → fee × bonus share; each incident deducts fee × its kind's share; total deductions are capped at the fee.
/// Each line is rounded to the fen (half away from zero) and the totals are sums of the rounded lines.
/// </summary>
public static class PaymentCalculator
{
    /// <summary>The quarter's score: the mean of its round totals, rounded to 0.1 (a *default* way to combine rounds).</summary>
    public static decimal ScoreOfQuarter(IEnumerable<decimal> roundTotals)
    {
        var totals = roundTotals?.ToList() ?? throw new ArgumentNullException(nameof(roundTotals));
        return totals.Count > 0 ? AssessmentRounding.Score(totals.Average()) : throw new AssessmentRuleException("rounds", "The quarter has no scored round.");
    }

    /// <summary>The statement for <paramref name="quarter"/>: its incidents must be dated in it; <paramref name="earlier"/> are
    /// the contract's earlier quarters (later ones are ignored).</summary>
    public static PaymentStatement Statement(PppContract contract, PaymentRules rules, Quarter quarter, decimal score,
        IEnumerable<Incident> incidents, IEnumerable<QuarterScore> earlier)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(earlier);
        rules.Validate();
        if (score is < 0 or > 100)
        {
            throw new AssessmentRuleException("score", $"Out of range: {score} (0–100).");
        }

        var fee = contract.QuarterlyFee;
        var deposit = AssessmentRounding.Money(fee * rules.QualityDepositShare);
        var shortfall = Math.Max(0, rules.FullPaymentScore - score);
        var scoreDeduction = AssessmentRounding.Money(fee * rules.DeductionPerPoint * shortfall);
        var incidentDeductions = IncidentDeductions(fee, rules, quarter, incidents);
        var total = Math.Min(fee, scoreDeduction + incidentDeductions.Sum(d => d.Amount));
        var bonus = score >= rules.BonusScore ? AssessmentRounding.Money(fee * rules.BonusShare) : 0m;
        var settlement = deposit - total + bonus;
        var standing = Standing(rules, earlier.Where(q => q.Quarter < quarter).Append(new QuarterScore(quarter, score)));
        return new PaymentStatement(contract.Key, quarter, score, fee, deposit, fee - deposit, scoreDeduction, incidentDeductions,
            total, bonus, settlement, fee - deposit + settlement, standing, rules.IsDefault);
    }

    /// <summary>The standing after the given quarters (each listed once): how many scored below the termination score, and the level.</summary>
    public static ContractStanding Standing(PaymentRules rules, IEnumerable<QuarterScore> quarters)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = quarters?.ToList() ?? throw new ArgumentNullException(nameof(quarters));
        if (list.GroupBy(q => q.Quarter).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new AssessmentRuleException("quarters", $"{twice.Key} is listed more than once.");
        }

        var below = list.Count(q => q.Score < rules.TerminationScore);
        var level = below >= rules.TerminationQuarters ? StandingLevel.Terminate
            : below >= rules.WarningQuarters ? StandingLevel.Warning
            : StandingLevel.Good;
        return new ContractStanding(below, rules.TerminationQuarters, level);
    }

    private static List<IncidentDeduction> IncidentDeductions(decimal fee, PaymentRules rules, Quarter quarter, IEnumerable<Incident> incidents)
    {
        var shares = rules.Incidents.ToDictionary(r => r.Kind, r => r.ShareOfFee, StringComparer.Ordinal);
        var list = incidents.ToList();
        if (list.FirstOrDefault(i => !quarter.Contains(i.Date)) is { } outside)
        {
            throw new AssessmentRuleException("incidents.date", $"{outside.Date:yyyy-MM-dd} is not in {quarter}.");
        }

        return list
            .GroupBy(i => i.Kind ?? "", StringComparer.Ordinal)
            .Select(g => shares.TryGetValue(g.Key, out var share)
                ? new IncidentDeduction(g.Key, g.Count(), AssessmentRounding.Money(fee * share * g.Count()))
                : throw new AssessmentRuleException("incidents.kind", $"Unknown incident kind \"{g.Key}\"."))
            .OrderBy(d => d.Kind, StringComparer.Ordinal)
            .ToList();
    }
}
