using System.Security.Cryptography;
using CivicGrid.Data;
using CivicGrid.Domain.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Platform.Auth;

/// <summary>Checks a user name and password. An unknown user name costs the same hash verification as a wrong
/// password, so response times do not tell which user names exist. Outdated hashes are upgraded on success.</summary>
public sealed class StaffSignIn(CivicGridDbContext db, IPasswordHasher<StaffUser> hasher)
{
    // A hash of a random password that nobody knows, verified for unknown users to spend the same time.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<StaffUser>().HashPassword(
        new StaffUser { UserName = "", DisplayName = "", PasswordHash = "", CityCode = "" }, RandomNumberGenerator.GetHexString(32)));

    public async Task<SignInResult> CheckAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var user = userName.Length <= 64
            ? await db.StaffUsers.SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken)
            : null;
        if (user is null)
        {
            hasher.VerifyHashedPassword(
                new StaffUser { UserName = userName, DisplayName = "", PasswordHash = "", CityCode = "" }, DummyHash.Value, password);
            return SignInResult.Failed("unknown user name");
        }

        var verdict = string.IsNullOrEmpty(user.PasswordHash)
            ? PasswordVerificationResult.Failed
            : hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed) return SignInResult.Failed("wrong password");
        if (!user.IsActive) return SignInResult.Failed("user is deactivated");
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, password);
            await db.SaveChangesAsync(cancellationToken);
        }
        return new SignInResult(user, null);
    }
}

/// <summary>The signed-in user, or why not (for the log only: the client always hears the same).</summary>
public sealed record SignInResult(StaffUser? User, string? FailureReason)
{
    public static SignInResult Failed(string reason) => new(null, reason);
}
