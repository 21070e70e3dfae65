using CivicGrid.Domain.Organisation;

namespace CivicGrid.Server.Platform.Auth;

/// <summary>Security events, as structured log lines. Every denial goes through <see cref="AccessDenied"/>.</summary>
public static partial class AuthLog
{
    public const int AccessDeniedEventId = 4030;
    public const int SignInFailedEventId = 4010;
    public const int AuthenticationRequiredEventId = 4011;
    public const int SignInRateLimitedEventId = 4290;
    public const int CrossSiteRequestRefusedEventId = 4031;

    [LoggerMessage(EventId = AccessDeniedEventId, EventName = "AccessDenied", Level = LogLevel.Warning,
        Message = "Access denied ({StatusCode}): user {UserName} (id {UserId}, roles {Roles}) {Action} {Resource}: {Reason}")]
    public static partial void AccessDenied(
        ILogger logger, int statusCode, string userName, int userId, Roles roles, string action, string resource, string reason);

    [LoggerMessage(EventId = SignInFailedEventId, EventName = "SignInFailed", Level = LogLevel.Warning,
        Message = "Sign-in failed for user name {UserName} from {RemoteIp}: {Reason}")]
    public static partial void SignInFailed(ILogger logger, string userName, string? remoteIp, string reason);

    [LoggerMessage(EventId = 4000, EventName = "SignedIn", Level = LogLevel.Information,
        Message = "User {UserName} (id {UserId}) signed in from {RemoteIp}")]
    public static partial void SignedIn(ILogger logger, string userName, int userId, string? remoteIp);

    [LoggerMessage(EventId = AuthenticationRequiredEventId, EventName = "AuthenticationRequired", Level = LogLevel.Warning,
        Message = "Access denied (401): {Method} {Path} from {RemoteIp}: {Reason}")]
    public static partial void AuthenticationRequired(ILogger logger, string method, string path, string? remoteIp, string reason);

    [LoggerMessage(EventId = SignInRateLimitedEventId, EventName = "SignInRateLimited", Level = LogLevel.Warning,
        Message = "Access denied (429): sign-in attempts from {RemoteIp} for user name {UserName}: {Reason}")]
    public static partial void SignInRateLimited(ILogger logger, string? remoteIp, string? userName, string reason);

    [LoggerMessage(EventId = CrossSiteRequestRefusedEventId, EventName = "CrossSiteRequestRefused", Level = LogLevel.Warning,
        Message = "Access denied (403): {Method} {Path} from {RemoteIp} with the staff cookie looks cross-site: {Reason}")]
    public static partial void CrossSiteRequestRefused(ILogger logger, string method, string path, string? remoteIp, string reason);

    [LoggerMessage(EventId = 4001, EventName = "SigningKeyCreated", Level = LogLevel.Information,
        Message = "Created token signing key {KeyId} ({Algorithm}) in the database")]
    public static partial void SigningKeyCreated(ILogger logger, string keyId, string algorithm);

    /// <summary>User-supplied text cut to a length that is safe to log.</summary>
    internal static string Clip(string? text) =>
        text is null ? "" : text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "…");
}
