using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Platform.Auth;

/// <summary>The "Auth" configuration section. The signing key is not a setting: it lives in the database.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>How long an access token stays valid: 8 hours (a shift) by default.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The "iss" and "aud" of the tokens this server issues and accepts.</summary>
    public string Issuer { get; set; } = "civicgrid";

    /// <summary>Token requests one IP address may make per minute, whatever their outcome.</summary>
    public int TokenRequestsPerIpPerMinute { get; set; } = 20;

    /// <summary>Sign-in form posts (the web UI's /login) one IP address may make per minute, whatever their outcome.</summary>
    public int SignInFormPostsPerIpPerMinute { get; set; } = 20;

    /// <summary>Failed sign-ins one user name may have per minute from one client address before that client's further
    /// attempts for it are refused; other clients (the user's own) can still sign in (docs/operations.md).</summary>
    public int FailedSignInsPerUserPerMinute { get; set; } = 5;

    /// <summary>How long an instance keeps what it read of a signed-in user (active, roles, scope) before reading it again;
    /// a change through the administration reaches every instance at once anyway. 0 reads on every request.</summary>
    public TimeSpan UserCheckCacheLifetime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Problems with these settings, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (TokenLifetime < TimeSpan.FromMinutes(5) || TokenLifetime > TimeSpan.FromDays(7))
            problems.Add($"{Section}:TokenLifetime must be between 00:05:00 and 7.00:00:00 (got '{TokenLifetime}').");
        if (string.IsNullOrWhiteSpace(Issuer))
            problems.Add($"{Section}:Issuer must not be empty.");
        if (TokenRequestsPerIpPerMinute < 1)
            problems.Add($"{Section}:TokenRequestsPerIpPerMinute must be at least 1 (got {TokenRequestsPerIpPerMinute}).");
        if (SignInFormPostsPerIpPerMinute < 1)
            problems.Add($"{Section}:SignInFormPostsPerIpPerMinute must be at least 1 (got {SignInFormPostsPerIpPerMinute}).");
        if (FailedSignInsPerUserPerMinute < 1)
            problems.Add($"{Section}:FailedSignInsPerUserPerMinute must be at least 1 (got {FailedSignInsPerUserPerMinute}).");
        if (UserCheckCacheLifetime < TimeSpan.Zero || UserCheckCacheLifetime > TimeSpan.FromMinutes(5))
            problems.Add($"{Section}:UserCheckCacheLifetime must be between 00:00:00 and 00:05:00 (got '{UserCheckCacheLifetime}').");
        return problems;
    }

    internal sealed class Validator : IValidateOptions<AuthOptions>
    {
        public ValidateOptionsResult Validate(string? name, AuthOptions options)
        {
            var problems = options.Validate();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
