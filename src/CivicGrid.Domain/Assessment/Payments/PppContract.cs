namespace CivicGrid.Domain.Assessment;

/// <summary>
/// A sanitation PPP contract (环卫PPP) as the payment rules see it: the contractor and the annual fee in yuan. The
/// quarterly fee is a quarter of it, rounded to the fen. See docs/domain/assessment.md §7.
/// </summary>
public sealed record PppContract
{
    /// <summary>Creates a contract; the annual fee must be positive.</summary>
    public PppContract(string key, string contractor, decimal annualFee)
    {
        Key = string.IsNullOrWhiteSpace(key) ? throw new AssessmentRuleException("key", "Required.") : key;
        Contractor = string.IsNullOrWhiteSpace(contractor) ? throw new AssessmentRuleException("contractor", "Required.") : contractor;
        AnnualFee = annualFee > 0 ? annualFee : throw new AssessmentRuleException("annualFee", "The annual fee must be positive.");
    }

    public string Key { get; }
    public string Contractor { get; }
    public decimal AnnualFee { get; }

    /// <summary>A quarter of the annual fee, to the fen.</summary>
    public decimal QuarterlyFee => AssessmentRounding.Money(AnnualFee / 4);
}
