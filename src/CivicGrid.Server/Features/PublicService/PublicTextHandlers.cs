using CivicGrid.Data;
using CivicGrid.Server.Features.Cases;
using CivicGrid.Server.Platform.Auth;
using CivicGrid.Server.Platform.Errors;
using CivicGrid.Server.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Server.Features.PublicService;

/// <summary>Staff review of a case's words for the public (GET/PUT /api/v1/cases/{id}/public-text), by the same roles
/// that review photos (<see cref="PhotoReviewHandlers.Reviewers"/>). Scope-checked like the case: out of scope = 404.</summary>
public static class PublicTextHandlers
{
    public static async Task<Results<Ok<PublicTextReview.Review>, ProblemHttpResult>> Get(
        long id, StaffPrincipal who, CivicGridDbContext db, PublicTextReview review, ILogger<PublicTextReview> logger, CancellationToken cancellationToken)
    {
        if (await CaseReadHandlers.FindAsync(db, id, who, cancellationToken) is not { } @case)
            return await CaseReadHandlers.NotFound(db, id, who, "review the public text of", logger, cancellationToken);
        return TypedResults.Ok(await review.ReadAsync(@case, cancellationToken));
    }

    /// <summary>Replaces what the public may read: each text given is approved as given, each null is withdrawn.</summary>
    public static async Task<Results<Ok<PublicTextReview.Review>, ProblemHttpResult>> Approve(
        long id, JsonBody<PublicTextReview.Approval> body, StaffPrincipal who, CivicGridDbContext db, PublicTextReview review,
        ILogger<PublicTextReview> logger, CancellationToken cancellationToken)
    {
        PublicTextReview.Validate(body.Value).ThrowIfAny();
        if (await CaseReadHandlers.FindAsync(db, id, who, cancellationToken) is not { } @case)
            return await CaseReadHandlers.NotFound(db, id, who, "review the public text of", logger, cancellationToken);
        return TypedResults.Ok(await review.ApproveAsync(@case, body.Value, who.UserId, cancellationToken));
    }
}
