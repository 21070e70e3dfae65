using CivicGrid.Server.Platform.Auth;

namespace CivicGrid.Server.Features.Cases;

/// <summary>The internal case API. Every endpoint needs a signed-in member of staff; each handler applies the
/// caller's data scope (out of scope = 404) and the workflow's role rules (missing right = 403), and logs denials.</summary>
public static class CaseEndpoints
{
    public static IEndpointRouteBuilder MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/v1/cases").WithTags("Cases").RequireStaff(StaffAuthorization.AnyStaff);
        cases.MapPost("/", CreateCaseHandler.Handle).WithName("CreateCase")
            .WithSummary("Reports a problem (any staff channel). Honours Idempotency-Key; links duplicates to the open case.")
            .RequireStaff(CreateCaseHandler.Reporters);
        cases.MapGet("/", CaseReadHandlers.List).WithName("ListCases").WithSummary("Cases in the caller's scope, filtered, paged and sorted.");
        cases.MapGet("/{id:long}", CaseReadHandlers.Get).WithName("GetCase");
        cases.MapGet("/{id:long}/history", CaseReadHandlers.History).WithName("GetCaseHistory");
        cases.MapGet("/{id:long}/transitions", TransitionHandlers.List).WithName("ListCaseTransitions")
            .WithSummary("The actions the caller may take on the case now.");
        cases.MapPost("/{id:long}/transitions", TransitionHandlers.Apply).WithName("ApplyCaseTransition")
            .WithSummary("Takes one step: {\"action\": \"dispatch\", \"departmentId\": 12, \"note\": \"…\"}.");
        cases.MapPost("/{id:long}/attachments", CaseAttachmentHandlers.Upload).WithName("UploadCaseAttachment")
            .DisableAntiforgery().WithSummary("Uploads a photo (multipart field 'file') to the case; send its id with a step to attach it there.");
        cases.MapGet("/{id:long}/attachments", CaseAttachmentHandlers.List).WithName("ListCaseAttachments");
        cases.MapGet("/{id:long}/attachments/{attachmentId:guid}", CaseAttachmentHandlers.Download).WithName("DownloadCaseAttachment")
            .WithSummary("variant=original (as uploaded), public (no metadata) or thumbnail.");
        return app;
    }

    internal static StaffContext Context(StaffPrincipal who) =>
        new(new Domain.Cases.Actor(who.UserId, who.DisplayName, who.Roles, who.Scope.DepartmentId), who.Scope);

    internal static string Resource(long id) => $"case {id}";
}
