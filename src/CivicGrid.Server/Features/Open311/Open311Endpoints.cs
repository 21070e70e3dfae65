namespace CivicGrid.Server.Features.Open311;

/// <summary>Open311 GeoReport v2 under /open311/v2/ (ADR 0009), every resource as .json and .xml. Open to anyone
/// at the staff-auth level; submissions check their api_key themselves.</summary>
public static class Open311Endpoints
{
    public const string Root = "/open311/v2";

    public static IEndpointRouteBuilder MapOpen311Endpoints(this IEndpointRouteBuilder app)
    {
        var open311 = app.MapGroup(Root).WithTags("Open311").AllowAnonymous().AddEndpointFilter<Open311ErrorFilter>()
            .DisableValidation(); // Open311 answers its own error format (ADR 0016), never the generic validation
        open311.MapGet("/discovery.{format}", Open311ServiceHandlers.Discovery).WithName("Open311Discovery");
        open311.MapGet("/services.{format}", Open311ServiceHandlers.List).WithName("Open311Services")
            .WithSummary("The catalogue's types as services (service_code C01003 = component 01003, M06010 = matter 06010).");
        open311.MapGet("/services/{service_code}.{format}", Open311ServiceHandlers.Definition).WithName("Open311ServiceDefinition");
        Open311SubmissionForm.Document(open311.MapPost("/requests.{format}", Open311Submission.Handle).WithName("Open311Submit")
            .WithSummary("Submits a report (form-encoded, api_key required). Honours Idempotency-Key or device_id."));
        open311.MapGet("/requests.{format}", Open311RequestHandlers.List).WithName("Open311Requests");
        open311.MapGet("/requests/{service_request_id}.{format}", Open311RequestHandlers.Get).WithName("Open311Request");
        open311.MapGet("/tokens/{token}.{format}", Open311RequestHandlers.Token).WithName("Open311Token");
        open311.MapGet("/servicerequestupdates.{format}", Open311UpdateHandlers.List).WithName("Open311ServiceRequestUpdates")
            .WithSummary("mySociety extension: public steps of all cases in a time window.");
        return app;
    }
}
