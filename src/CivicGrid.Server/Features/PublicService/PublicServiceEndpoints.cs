using CivicGrid.Server.Platform.Auth;

namespace CivicGrid.Server.Features.PublicService;

/// <summary>The public service (城市管家): the anonymous API under /api/public (no personal data in any answer,
/// submissions rate-limited per client IP) and the staff endpoints that feed it (notices, photo review, sensitive
/// types, public texts).</summary>
public static class PublicServiceEndpoints
{
    public static IEndpointRouteBuilder MapPublicServiceEndpoints(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/public").WithTags("Public service").AllowAnonymous();
        open.MapPost("/photos", PublicHandlers.UploadPhoto).WithName("PublicUploadPhoto").DisableAntiforgery()
            .RequireRateLimiting(PublicSubmissionLimits.UploadsPolicy)
            .WithSummary("Uploads one photo (multipart field 'file') before the report; answers its upload id.");
        open.MapGet("/photos/{id:guid}", PublicHandlers.DownloadPhoto).WithName("PublicDownloadPhoto")
            .WithSummary("A photo staff approved for the public: variant=public (default) or thumbnail; also the thumbnail of an upload not yet part of a report.");
        open.MapPost("/reports", PublicHandlers.SubmitReport).WithName("PublicSubmitReport")
            .RequireRateLimiting(PublicSubmissionLimits.ReportsPolicy)
            .WithSummary("Reports a problem; honours Idempotency-Key; answers the case number and a private tracking token.");
        open.MapGet("/track/{token}", PublicHandlers.Track).WithName("PublicTrackCase")
            .WithSummary("The case behind a tracking token: public status, public timeline, approved photos, rating.");
        open.MapPost("/track/{token}/rating", PublicHandlers.Rate).WithName("PublicRateCase")
            .RequireRateLimiting(PublicSubmissionLimits.UploadsPolicy)
            .WithSummary("Rates a closed case once: {\"score\": 1-5, \"comment\": \"…\"}.");
        open.MapPost("/track/{token}/followers", LinkHandlers.Follow).WithName("PublicFollowCase")
            .RequireRateLimiting(PublicSubmissionLimits.UploadsPolicy)
            .WithSummary("Follows a case: {\"phone\": \"…\"} or {\"email\": \"…\"} gets the reporter's messages from now on.");
        open.MapPost("/lookup", LinkHandlers.LookUp).WithName("PublicLookUpCase")
            .RequireRateLimiting(PublicSubmissionLimits.LookupsPolicy)
            .WithSummary("Finds a case by its number and the last four digits of the reporter's phone: {\"number\", \"phoneLastFour\"}; answers its short link or 404.");
        open.MapGet("/cases", PublicHandlers.ListCases).WithName("PublicListCases")
            .WithSummary("Recent cases for the public map: bbox=minLon,minLat,maxLon,maxLat&days=30; sensitive types blurred.");
        open.MapGet("/cases/{number}", PublicCaseHandlers.Get).WithName("PublicGetCase")
            .WithSummary("One case as the public case page shows it: approved words and photos (before/after), department, timeline.");
        open.MapPost("/cases/{number}/followers", LinkHandlers.FollowOpenCase).WithName("PublicSameProblem")
            .RequireRateLimiting(PublicSubmissionLimits.UploadsPolicy)
            .WithSummary("我也遇到了: someone who meets the same problem follows the open case by its number: {\"phone\": \"…\"} or {\"email\": \"…\"}; 409 once it is closed.");
        open.MapGet("/nearby", PublicCaseHandlers.Nearby).WithName("PublicNearbyReports")
            .WithSummary("Open reports of one type near a spot: lon, lat, kind, typeCode, radius (metres, default 150, at most 500).");
        open.MapGet("/notices", PublicHandlers.CurrentNotices).WithName("PublicListNotices")
            .WithSummary("The notices published now (optionally for one district).");

        app.MapGet("/t/{code}", LinkHandlers.ShortLink).AllowAnonymous().ExcludeFromDescription().WithName("PublicShortLink");

        var notices = app.MapGroup("/api/v1/notices").WithTags("Notices").RequireStaff(NoticeHandlers.Editors);
        notices.MapGet("/", NoticeHandlers.List).WithName("ListNotices");
        notices.MapGet("/{id:int}", NoticeHandlers.Get).WithName("GetNotice");
        notices.MapPost("/", NoticeHandlers.Create).WithName("CreateNotice");
        notices.MapPut("/{id:int}", NoticeHandlers.Replace).WithName("ReplaceNotice");
        notices.MapDelete("/{id:int}", NoticeHandlers.Delete).WithName("DeleteNotice");

        app.MapPost("/api/v1/cases/{id:long}/attachments/{attachmentId:guid}/publication", PhotoReviewHandlers.Review)
            .WithTags("Cases").WithName("ReviewCasePhotoForPublic").RequireStaff(PhotoReviewHandlers.Reviewers)
            .WithSummary("Approves ({\"approved\": true}) or withdraws a photo for the public pages.");
        var publicText = app.MapGroup("/api/v1/cases/{id:long}/public-text").WithTags("Cases").RequireStaff(PhotoReviewHandlers.Reviewers);
        publicText.MapGet("/", PublicTextHandlers.Get).WithName("GetCasePublicText")
            .WithSummary("The case's description and result note as written, beside the words approved for the public.");
        publicText.MapPut("/", PublicTextHandlers.Approve).WithName("ApproveCasePublicText")
            .WithSummary("Sets the public words: {\"description\": \"…\" | null, \"resultNote\": \"…\" | null}; a text approves it, null withdraws it.");
        app.MapPut("/api/v1/catalogue/types/{kind}/{code}/sensitivity", SensitiveTypeHandlers.Set)
            .WithTags("Catalogue").WithName("SetCatalogueTypeSensitivity").RequireStaff(SensitiveTypeHandlers.Editors)
            .WithSummary("Marks a type sensitive ({\"sensitive\": true}): its cases show blurred on the public map.");
        return app;
    }
}
