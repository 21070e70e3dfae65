using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CivicGrid.Data;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.OpenPlatform;
using CivicGrid.Server.Features.Cases;
using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Features.Open311.ApiKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace CivicGrid.Server.Features.Open311;

/// <summary>POST requests.{fmt}: a report from an Open311 client, through the same <see cref="CaseIntake"/> as every
/// channel (channel Open311: verified before registration, duplicates linked, idempotent). Order of checks: format,
/// content type, per-IP limit, body, jurisdiction, api_key, per-key limit, fields.</summary>
public static partial class Open311Submission
{
    public static async Task<IResult> Handle(
        string format, HttpRequest request, CivicGridDbContext db, Open311City cities, ApiKeyVerifier keys, ApiKeyUsage usage,
        Open311RateLimits limits, CaseIntake intake, CatalogueTypeCheck types, ReferenceCache reference, TimeProvider time, ILogger<CaseIntake> logger,
        CancellationToken cancellationToken)
    {
        if (!Open311Formats.TryParse(format, out var fmt)) return Open311Errors.UnknownFormat(format);
        if (!IsFormEncoded(request.ContentType))
            return Open311Errors.BadRequest(fmt, "Send the request as application/x-www-form-urlencoded (UTF-8).");
        var ip = request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!limits.TryAcquireIp(ip, out var ipWait)) return TooMany(request, fmt, ipWait, "this address");
        var read = await Open311Form.ReadAsync(request, cancellationToken);
        if (read.Form is not { } form) return Open311Errors.BadRequest(fmt, read.Error!);

        var jurisdictionId = form["jurisdiction_id"];
        if (await cities.FindAsync(jurisdictionId, cancellationToken) is null)
            return Open311Errors.NotFound(fmt, Open311City.UnknownJurisdiction(jurisdictionId));
        if (form["api_key"] is not { } secret) return Open311Errors.Forbidden(fmt, "api_key is required to submit a request.");
        if (await keys.FindLiveAsync(secret, cancellationToken) is not { } key)
            return Open311Errors.Forbidden(fmt, "api_key is not valid (unknown or revoked).");
        if (!limits.TryAcquireKey(key.Id, out var keyWait)) return TooMany(request, fmt, keyWait, "this api_key");
        usage.Record(key.Id);

        var english = Open311Statuses.English(request);
        var parsed = await Open311SubmissionFields.ParseAsync(form, db, types, reference, english, cancellationToken);
        if (parsed.Errors.Count > 0) return Open311Errors.BadRequest(fmt, [.. parsed.Errors]);
        var fields = parsed.Fields!;

        var headerKey = request.Headers["Idempotency-Key"].ToString();
        if (headerKey.Length > IdempotencyKey.MaxLength) return Open311Errors.BadRequest(fmt, $"The Idempotency-Key header is at most {IdempotencyKey.MaxLength} characters.");
        var idempotency = IdempotencyFor(key, headerKey, form);

        // Bad input found by intake and a reused key are thrown and answered by Open311ErrorFilter.
        // The token commits with the case (one transaction, issue 16); a replay answers with the token of the first answer.
        var companion = new TokenCompanion(NewToken(), key.Id, fields.MediaUrl);
        var outcome = await intake.SubmitAsync(fields.Intake, Actor.Citizen(Truncate("Open311 " + key.Name, 64)), idempotency, cancellationToken, companion);
        var token = outcome.Kind == IntakeOutcomeKind.Replayed
            ? await ReplayedTokenAsync(db, key, outcome, fields.MediaUrl, time, cancellationToken)
            : companion.Token;
        LogSubmission(logger, outcome.Case.Number, outcome.Kind, key.Id);
        var notice = Notice(outcome, english);
        return new Open311Result(fmt, StatusCodes.Status200OK, new Open311Document("service_requests", new Open311List("request",
        [
            Open311Object.Of(("service_request_id", outcome.Case.Number), ("token", token), ("service_notice", notice),
                ("account_id", form["account_id"])),
        ])));
    }

    private static bool IsFormEncoded(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media)) return false;
        if (!media.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)) return false;
        return !media.Charset.HasValue || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
    }

    private static Open311Result TooMany(HttpRequest request, Open311Format fmt, TimeSpan wait, string who)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Open311Errors.Of(fmt, StatusCodes.Status429TooManyRequests, $"Too many requests from {who}: try again in {seconds} seconds.");
    }

    /// <summary>Per API key: the client's Idempotency-Key header; else, with a device_id, the device and the body
    /// together (the same device sending the same report again is a retry); else none (duplicates are still linked).
    /// The request hash covers every field but api_key, in a fixed order.</summary>
    private static IdempotencyKey? IdempotencyFor(ApiKey key, string headerKey, Open311Form form)
    {
        var canonical = string.Join("&", form.Values.Where(v => v.Key != "api_key" && v.Value.Length > 0)
            .OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => Uri.EscapeDataString(v.Key) + "=" + Uri.EscapeDataString(v.Value)));
        var scope = $"open311:{key.Id}";
        if (headerKey.Length > 0) return IdempotencyKey.Of(scope, headerKey, Encoding.UTF8.GetBytes(canonical));
        if (form["device_id"] is not { } device) return null;
        var derived = "device:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(device + "\n" + canonical)));
        return IdempotencyKey.Of(scope, derived, Encoding.UTF8.GetBytes(canonical));
    }

    /// <summary>The token of a new submission: written by the case writer in the case's own transaction.</summary>
    private sealed class TokenCompanion(string token, int apiKeyId, string? mediaUrl) : IIntakeCompanion
    {
        public string Token => token;

        public ValueTask AddAsync(CivicGridDbContext db, Case @case, DateTimeOffset now, CancellationToken cancellationToken)
        {
            db.Open311Tokens.Add(new Open311Token { Token = token, CaseId = @case.Id, ApiKeyId = apiKeyId, CreatedAt = now, MediaUrl = mediaUrl });
            return ValueTask.CompletedTask;
        }
    }

    private static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A replay answers with the token of the first answer. A case that has none under this key (made before
    /// tokens were written with the case, or through another channel with the same key scope) gets one now.</summary>
    private static async Task<string> ReplayedTokenAsync(
        CivicGridDbContext db, ApiKey key, IntakeOutcome outcome, string? mediaUrl, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await db.Open311Tokens.AsNoTracking().Where(t => t.ApiKeyId == key.Id && t.CaseId == outcome.Case.Id)
                .OrderBy(t => t.CreatedAt).Select(t => t.Token).FirstOrDefaultAsync(cancellationToken) is { } existing)
            return existing;
        var token = NewToken();
        db.Open311Tokens.Add(new Open311Token
        {
            Token = token, CaseId = outcome.Case.Id, ApiKeyId = key.Id, CreatedAt = time.GetUtcNow(), MediaUrl = mediaUrl,
        });
        await db.SaveChangesAsync(CancellationToken.None);
        return token;
    }

    private static string Notice(IntakeOutcome outcome, bool english) => outcome.Kind switch
    {
        IntakeOutcomeKind.LinkedToExisting => english
            ? $"The same problem was already reported; your report was added to case {outcome.Case.Number}."
            : $"该问题已有人上报，您的上报已并入案件 {outcome.Case.Number}。",
        _ => english
            ? $"Received as case {outcome.Case.Number}. An inspector verifies public reports on site before registration."
            : $"已受理，案件编号 {outcome.Case.Number}。市民上报将先由监督员现场核实。",
    };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Information, Message = "Open311 submission became {CaseNumber} ({Outcome}) for API key {ApiKeyId}")]
    private static partial void LogSubmission(ILogger logger, string caseNumber, IntakeOutcomeKind outcome, int apiKeyId);
}
