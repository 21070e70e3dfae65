using System.Text.Json;
using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.PublicService;
using CivicGrid.Server.Features.Cases;
using CivicGrid.Server.Platform.Errors;

namespace CivicGrid.Server.Features.PublicService;

/// <summary>Takes a citizen's report into the one intake path (<see cref="CaseIntake"/>, channel Citizen: verification
/// first, duplicates linked, idempotent), attaches the photos uploaded before, and hands out a private tracking token
/// for the case the report ended up on. Public pages call it in-process; the JSON API is a thin layer over it.</summary>
public sealed class PublicReports(CivicGridDbContext db, CaseIntake intake, PublicPhotos photos, TimeProvider time)
{
    public const int MaxTypeTextLength = 100;

    /// <summary>Idempotency-Keys of the public share one scope: keys are meant to be random (a UUID per report).</summary>
    public const string IdempotencyScope = "public";

    /// <exception cref="InvalidRequestException">Bad input; each error keyed by the request field it concerns.</exception>
    /// <exception cref="IdempotencyConflictException">The key is in use by another report (422) or still in progress (409).</exception>
    public async Task<PublicReportReceipt> SubmitAsync(PublicReportRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var photoIds = ParsePhotos(request.Photos, errors);
        if (request.TypeText is { Length: > MaxTypeTextLength }) errors.Add("typeText", $"typeText is at most {MaxTypeTextLength} characters.");
        if (idempotencyKey is { Length: > IdempotencyHeader.MaxLength }) errors.Add(IdempotencyHeader.Name, IdempotencyHeader.TooLong);
        if (errors.Count == 0 && photoIds.Count > 0
            && await photos.UnusableAsync(photoIds, allowAttached: !string.IsNullOrEmpty(idempotencyKey), cancellationToken) is { Count: > 0 } unusable)
        {
            errors.Add("photos", $"Unknown or already used photo upload id(s): {string.Join(", ", unusable)}. Upload each photo with POST /api/public/photos first.");
        }
        errors.ThrowIfAny();

        var contact = request.Anonymous ? null : request.Contact;
        var description = string.IsNullOrWhiteSpace(request.TypeText) || string.IsNullOrWhiteSpace(request.Description)
            ? request.Description
            : $"【{request.TypeText.Trim()}】{request.Description.Trim()}";
        var intakeRequest = new IntakeRequest(CaseChannel.Citizen, description, request.Latitude, request.Longitude, request.Crs,
            request.Kind, request.TypeCode, ComponentId: null, request.Address, Blank(contact?.Name), Blank(contact?.Phone), Blank(contact?.Email));
        var idempotency = string.IsNullOrEmpty(idempotencyKey) ? null
            : IdempotencyKey.Of(IdempotencyScope, idempotencyKey, JsonSerializer.SerializeToUtf8Bytes(request));
        // The tracking token and the photo links commit with the case (one transaction, issue 16).
        var companion = new ReportCompanion(TrackingTokens.NewToken(), photoIds);
        IntakeOutcome outcome;
        try
        {
            outcome = await intake.SubmitAsync(intakeRequest, Actor.Citizen(null), idempotency, cancellationToken, companion);
        }
        catch (IntakeValidationException invalid)
        {
            throw new IntakeValidationException(invalid.Errors.ToDictionary(e => PublicFieldName(e.Key), e => e.Value));
        }
        var token = companion.Token;
        if (outcome.Kind == IntakeOutcomeKind.Replayed)
        {
            // A replay's case was written before: the photos are linked to it again if the first answer was lost
            // before they were, and the repeat gets a token of its own.
            await photos.AttachAsync(photoIds, outcome.Case.Id, cancellationToken);
            token = await IssueTokenAsync(outcome.Case.Id, cancellationToken);
        }
        var status = PublicStatuses.Of(outcome.Case.Status);
        return new PublicReportReceipt(OutcomeCode(outcome.Kind), outcome.Case.Number, token, status.Code(), status.Label());
    }

    /// <summary>A new private token for the case (the same case may have several: one per report that led to it).</summary>
    public async Task<string> IssueTokenAsync(long caseId, CancellationToken cancellationToken)
    {
        var token = TrackingTokens.NewToken();
        db.CaseTrackingTokens.Add(new CaseTrackingToken { TokenHash = TrackingTokens.Hash(token), CaseId = caseId, CreatedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    private sealed class ReportCompanion(string token, List<Guid> photoIds) : IIntakeCompanion
    {
        public string Token => token;

        public async ValueTask AddAsync(CivicGridDbContext db, Case @case, DateTimeOffset now, CancellationToken cancellationToken)
        {
            db.CaseTrackingTokens.Add(new CaseTrackingToken { TokenHash = TrackingTokens.Hash(token), CaseId = @case.Id, CreatedAt = now });
            await PublicPhotos.AttachAsync(db, photoIds, @case.Id, cancellationToken);
        }
    }

    private static List<Guid> ParsePhotos(IReadOnlyList<string>? photos, FieldErrors errors)
    {
        if (photos is null || photos.Count == 0) return [];
        if (photos.Count > PublicPhotos.MaxPerReport)
        {
            errors.Add("photos", $"A report has at most {PublicPhotos.MaxPerReport} photos.");
            return [];
        }
        var ids = new List<Guid>();
        foreach (var photo in photos)
        {
            if (!Guid.TryParse(photo, out var id))
            {
                errors.Add("photos", $"'{Shorten(photo)}' is not a photo upload id.");
                return [];
            }
            ids.Add(id);
        }
        return ids.Distinct().ToList();
    }

    /// <summary>The intake names the contact fields reporterX; the public request nests them under contact.</summary>
    private static string PublicFieldName(string intakeField) => intakeField switch
    {
        "reporterName" => "contact.name",
        "reporterPhone" => "contact.phone",
        "reporterEmail" => "contact.email",
        _ => intakeField,
    };

    private static string OutcomeCode(IntakeOutcomeKind kind) => kind switch
    {
        IntakeOutcomeKind.Created => "created",
        IntakeOutcomeKind.LinkedToExisting => "linked_to_existing",
        _ => "replayed",
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Shorten(string? text) => text is null ? "null" : text.Length <= 40 ? text : text[..40] + "…";
}
