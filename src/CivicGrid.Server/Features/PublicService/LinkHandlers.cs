using CivicGrid.Domain.PublicService;
using CivicGrid.Server.Features.Notifications;
using CivicGrid.Server.Platform.Errors;
using CivicGrid.Server.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Server.Features.PublicService;

/// <summary>Finding a case again: the short link /t/{code}, the look-up by case number and phone digits, and following
/// a case (thin wrappers over <see cref="CaseLookup"/> and <see cref="CaseFollowing"/>).</summary>
public static class LinkHandlers
{
    /// <summary>/t/{code}: to the case's public page; an unknown code gets the page's own "unknown link" answer.</summary>
    public static RedirectHttpResult ShortLink(string code) =>
        TypedResults.Redirect("/public/track/" + (CaseShortLink.LooksValid(code) ? code : "unknown"));

    /// <summary>The body of a look-up.</summary>
    public sealed record LookupInput(string? Number, string? PhoneLastFour);

    /// <summary>What a successful look-up answers: the case number and its short link (a path).</summary>
    public sealed record LookupResult(string Number, string Link);

    public static async Task<Results<Ok<LookupResult>, ProblemHttpResult>> LookUp(
        JsonBody<LookupInput> body, HttpResponse response, CaseLookup lookup, CancellationToken cancellationToken)
    {
        var input = body.Value;
        if (CaseLookup.Validate(input.Number, input.PhoneLastFour) is { Count: > 0 } errors) throw new InvalidRequestException(errors);
        response.Headers.CacheControl = "no-store";
        return await lookup.FindAsync(input.Number!, input.PhoneLastFour!, cancellationToken) is { } code
            ? TypedResults.Ok(new LookupResult(input.Number!.Trim().ToUpperInvariant(), ReporterLinks.PathOf(code)))
            : TypedResults.Problem(title: "No match", statusCode: StatusCodes.Status404NotFound,
                detail: "No case matches this number and these digits (or too many tries for this number: wait an hour).");
    }

    /// <summary>The body of a follow request: a phone number or an e-mail address.</summary>
    public sealed record FollowInput(string? Phone, string? Email);

    public static async Task<Results<NoContent, ProblemHttpResult>> Follow(
        string token, JsonBody<FollowInput> body, CaseFollowing following, CancellationToken cancellationToken)
    {
        var input = body.Value;
        if (CaseFollowing.Validate(input.Phone, input.Email) is { Count: > 0 } errors) throw new InvalidRequestException(errors);
        return await following.FollowAsync(token, input.Phone, input.Email, cancellationToken) switch
        {
            CaseFollowing.Outcome.Following => TypedResults.NoContent(),
            CaseFollowing.Outcome.TooMany => throw new ConflictException("Too many followers", $"A case has at most {CaseFollower.MaxPerCase} followers."),
            _ => TypedResults.Problem(title: "Not found", detail: "There is no such case for this tracking token.", statusCode: StatusCodes.Status404NotFound),
        };
    }

    /// <summary>"我也遇到了": follows an open case by its number (the public case page's button does the same).</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> FollowOpenCase(
        string number, JsonBody<FollowInput> body, CaseFollowing following, CancellationToken cancellationToken)
    {
        var input = body.Value;
        if (CaseFollowing.Validate(input.Phone, input.Email) is { Count: > 0 } errors) throw new InvalidRequestException(errors);
        return await following.FollowOpenCaseAsync(number, input.Phone, input.Email, cancellationToken) switch
        {
            CaseFollowing.Outcome.Following => TypedResults.NoContent(),
            CaseFollowing.Outcome.TooMany => throw new ConflictException("Too many followers", $"A case has at most {CaseFollower.MaxPerCase} followers."),
            CaseFollowing.Outcome.Ended => throw new ConflictException("Case ended", "The case is closed (or voided, or not registered): it takes no followers."),
            _ => TypedResults.Problem(title: "Not found", detail: "There is no such case.", statusCode: StatusCodes.Status404NotFound),
        };
    }
}
