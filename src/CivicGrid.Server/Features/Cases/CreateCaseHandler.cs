using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Platform.Auth;
using CivicGrid.Server.Platform.Errors;
using CivicGrid.Server.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Server.Features.Cases;

/// <summary>POST /api/v1/cases: staff channels (inspector, hotline, video/sensor, superior assignment, leader instruction).</summary>
public static class CreateCaseHandler
{
    public const Roles Reporters = Roles.Inspector | Roles.IntakeOperator | Roles.ShiftLead | Roles.Dispatcher | Roles.Leader;

    /// <summary>Bad input, a channel the caller may not use and a reused Idempotency-Key are thrown and answered by the
    /// error pipeline (Platform/Errors); the body's size limit and JSON errors by <see cref="JsonBody{T}"/>.</summary>
    public static async Task<Results<Created<CreateCaseResponse>, Ok<CreateCaseResponse>, ProblemHttpResult>> Handle(
        JsonBody<CreateCaseRequest> body, HttpRequest request, StaffPrincipal who, CaseIntake intake, TimeProvider time,
        Calendar.CityCalendar calendars, ILogger<CaseIntake> logger, CancellationToken cancellationToken)
    {
        var input = body.Value;
        if (ChannelFor(input.Channel, who) is not { } channel)
        {
            return string.IsNullOrEmpty(input.Channel) || Enum.TryParse<CaseChannel>(input.Channel, true, out _)
                ? AccessCheck.Forbidden(who, "report through the channel", input.Channel ?? "(none)", "the channel does not match your roles", logger)
                : throw FieldErrors.Invalid("channel", $"channel must be one of {string.Join(", ", StaffChannels)}.");
        }
        var idempotency = IdempotencyHeader.Read(request) is { } key ? IdempotencyKey.Of($"user:{who.UserId}", key, body.Raw) : null;
        var outcome = await intake.SubmitAsync(
            new IntakeRequest(channel, input.Description, input.Latitude, input.Longitude, input.Crs, input.Kind, input.TypeCode,
                input.ComponentId, input.Address, input.ReporterName, input.ReporterPhone, input.ReporterEmail),
            CaseEndpoints.Context(who).Actor, idempotency, cancellationToken);
        var response = new CreateCaseResponse(ToCode(outcome.Kind), CaseDto.From(outcome.Case, time.GetUtcNow(), await calendars.GetAsync(cancellationToken)));
        return outcome.Kind == IntakeOutcomeKind.Created
            ? TypedResults.Created($"/api/v1/cases/{outcome.Case.Id}", response)
            : TypedResults.Ok(response);
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
}
