using System.Text.Json;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Features.Cases;

/// <summary>POST /api/v1/cases: staff channels (inspector, hotline, video/sensor, superior assignment, leader instruction).</summary>
public static class CreateCaseHandler
{
    public const Roles Reporters = Roles.Inspector | Roles.IntakeOperator | Roles.ShiftLead | Roles.Dispatcher | Roles.Leader;

    public static async Task<Results<Created<CreateCaseResponse>, Ok<CreateCaseResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        HttpRequest request, StaffPrincipal who, CaseIntake intake, TimeProvider time, IOptions<JsonOptions> json,
        Calendar.CityCalendar calendars, ILogger<CaseIntake> logger, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
            return TypedResults.Problem(title: "Report too large", detail: $"A report is at most {MaxBodyBytes / 1024} KB of JSON; send photos as attachments.", statusCode: StatusCodes.Status413PayloadTooLarge);
        CreateCaseRequest? input;
        try
        {
            input = JsonSerializer.Deserialize<CreateCaseRequest>(body, json.Value.SerializerOptions);
        }
        catch (JsonException exception)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"The body is not valid JSON for a case: {exception.Message}"] });
        }
        if (input is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Send the report as a JSON object."] });
        if (ChannelFor(input.Channel, who) is not { } channel)
        {
            return string.IsNullOrEmpty(input.Channel) || Enum.TryParse<CaseChannel>(input.Channel, true, out _)
                ? AccessCheck.Forbidden(who, "report through the channel", input.Channel ?? "(none)", "the channel does not match your roles", logger)
                : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["channel"] = [$"channel must be one of {string.Join(", ", StaffChannels)}."] });
        }
        var key = request.Headers["Idempotency-Key"].ToString();
        if (key.Length > IdempotencyKey.MaxLength) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["Idempotency-Key"] = [$"The Idempotency-Key is at most {IdempotencyKey.MaxLength} characters."] });
        var idempotency = key.Length == 0 ? null : IdempotencyKey.Of($"user:{who.UserId}", key, body);
        try
        {
            var outcome = await intake.SubmitAsync(
                new IntakeRequest(channel, input.Description, input.Latitude, input.Longitude, input.Crs, input.Kind, input.TypeCode,
                    input.ComponentId, input.Address, input.ReporterName, input.ReporterPhone, input.ReporterEmail),
                CaseEndpoints.Context(who).Actor, idempotency, cancellationToken);
            var response = new CreateCaseResponse(ToCode(outcome.Kind), CaseDto.From(outcome.Case, time.GetUtcNow(), await calendars.GetAsync(cancellationToken)));
            return outcome.Kind == IntakeOutcomeKind.Created
                ? TypedResults.Created($"/api/v1/cases/{outcome.Case.Id}", response)
                : TypedResults.Ok(response);
        }
        catch (IntakeValidationException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Errors);
        }
        catch (IdempotencyConflictException conflict)
        {
            return TypedResults.Problem(title: conflict.InFlight ? "Request in progress" : "Idempotency-Key reused",
                detail: conflict.Message, statusCode: conflict.InFlight ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity);
        }
    }

    public sealed record CreateCaseResponse(string Outcome, CaseDto Case);

    private static readonly CaseChannel[] StaffChannels =
        [CaseChannel.Inspector, CaseChannel.Hotline, CaseChannel.VideoOrSensor, CaseChannel.SuperiorAssignment, CaseChannel.LeaderInstruction];

    /// <summary>The channel a member of staff may report through; by default the one of their main role.</summary>
    private static CaseChannel? ChannelFor(string? requested, StaffPrincipal who)
    {
        CaseChannel channel;
        if (string.IsNullOrEmpty(requested))
        {
            channel = who.HasAnyRole(Roles.Inspector) ? CaseChannel.Inspector
                : who.HasAnyRole(Roles.Leader) && !who.HasAnyRole(Roles.IntakeOperator | Roles.ShiftLead) ? CaseChannel.LeaderInstruction
                : CaseChannel.Hotline;
        }
        else if (!Enum.TryParse(requested, ignoreCase: true, out channel) || !StaffChannels.Contains(channel)) return null;
        var allowed = channel switch
        {
            CaseChannel.Inspector => Roles.Inspector | Roles.ShiftLead,
            CaseChannel.LeaderInstruction => Roles.Leader | Roles.ShiftLead,
            _ => Roles.IntakeOperator | Roles.ShiftLead | Roles.Dispatcher,
        };
        return who.HasAnyRole(allowed) ? channel : null;
    }

    private static string ToCode(IntakeOutcomeKind kind) => kind switch
    {
        IntakeOutcomeKind.Created => "created",
        IntakeOutcomeKind.LinkedToExisting => "linked_to_existing",
        _ => "replayed",
    };

    private const int MaxBodyBytes = 64 * 1024;

    /// <summary>The body, or null when it is larger than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
