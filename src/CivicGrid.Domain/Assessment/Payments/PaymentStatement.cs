namespace CivicGrid.Domain.Assessment;

/// <summary>The deduction for the incidents of one kind in the quarter.</summary>
public sealed record IncidentDeduction(string Kind, int Count, decimal Amount);

/// <summary>How close a contract is to termination.</summary>
public enum StandingLevel
{
    Good,
    /// <summary>Trending to termination: at least the rules' warning number of quarters below the termination score.</summary>
    Warning,
    /// <summary>The rules' number of quarters below the termination score is reached: the contract ends.</summary>
    Terminate,
}

/// <summary>Quarters below the termination score so far (this one included), out of the number that ends the contract.</summary>
public sealed record ContractStanding(int QuartersBelowTermination, int TerminationQuarters, StandingLevel Level)
{
    public int QuartersLeft => Math.Max(0, TerminationQuarters - QuartersBelowTermination);
}

/// <summary>
/// A quarterly payment statement (docs/domain/assessment.md §7), every amount in yuan rounded to the fen. The fee is
/// paid <see cref="PaidOnAccount"/> (fee − deposit) and the deposit is settled against the deductions and bonus:
/// <see cref="DepositSettlement"/> = deposit − total deductions + bonus (negative: owed by the contractor, recovered
/// from the next payment). <see cref="NetPayment"/> = fee − total deductions + bonus = paid on account + settlement.
/// </summary>
public sealed record PaymentStatement(
    string ContractKey, Quarter Quarter, decimal Score, decimal QuarterlyFee, decimal DepositWithheld, decimal PaidOnAccount,
    decimal ScoreDeduction, IReadOnlyList<IncidentDeduction> IncidentDeductions, decimal TotalDeductions, decimal Bonus,
    decimal DepositSettlement, decimal NetPayment, ContractStanding Standing, bool RulesAreDefaults);
