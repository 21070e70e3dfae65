using CivicGrid.Data;
using CivicGrid.Domain.Organisation;
using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Features.Organisation;

/// <summary>Administrators keep their city's staff users: list, add, change roles and data scope, reset a password,
/// deactivate and reactivate (users are never deleted: cases and history name them). One code path for the staff UI
/// and the internal API. The rules: a password has at least <see cref="MinPasswordLength"/> characters, user names are
/// unique, and an administrator may neither deactivate themselves nor take away their own administrator role (the city
/// would be left without one). A deactivated user's sign-in and tokens stop at their next request
/// (<c>StaffUserCheck</c>, whose cache this clears on every instance); so do a changed user's, who signs in again.</summary>
public sealed partial class UserAdministration(
    CivicGridDbContext db, IPasswordHasher<StaffUser> hasher, StaffAccessCache access, ILogger<UserAdministration> logger)
{
    public const int MinPasswordLength = 12;

    public async Task<List<StaffUser>> ListAsync(string cityCode, UserFilter filter, CancellationToken cancellationToken)
    {
        var users = await db.StaffUsers.AsNoTracking().Where(u => u.CityCode == cityCode).OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var role = ParseRole(filter.Role);
        var text = filter.Text?.Trim();
        return users.Where(u => (role is null || u.HasRole(role.Value)) && (filter.IsActive is null || u.IsActive == filter.IsActive)
                                && (filter.DepartmentId is null || u.DepartmentId == filter.DepartmentId)
                                && (string.IsNullOrEmpty(text) || u.UserName.Contains(text, StringComparison.OrdinalIgnoreCase)
                                    || u.DisplayName.Contains(text, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    public Task<StaffUser?> GetAsync(string cityCode, int id, CancellationToken cancellationToken) =>
        db.StaffUsers.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && u.CityCode == cityCode, cancellationToken);

    public async Task<ReferenceDataResult<StaffUser>> AddAsync(StaffPrincipal admin, UserChange change, CancellationToken cancellationToken)
    {
        var user = new StaffUser { UserName = change.UserName?.Trim() ?? "", DisplayName = "", PasswordHash = "", CityCode = admin.CityCode };
        return await SaveAsync(admin, user, change, cancellationToken);
    }

    public async Task<ReferenceDataResult<StaffUser>> UpdateAsync(StaffPrincipal admin, int id, UserChange change, CancellationToken cancellationToken)
    {
        var user = await db.StaffUsers.SingleOrDefaultAsync(u => u.Id == id && u.CityCode == admin.CityCode, cancellationToken);
        return user is null ? ReferenceDataResult.NotFound<StaffUser>() : await SaveAsync(admin, user, change, cancellationToken);
    }

    /// <summary>Deactivates or reactivates a user; an administrator cannot deactivate themselves.</summary>
    public async Task<ReferenceDataResult<StaffUser>> SetActiveAsync(StaffPrincipal admin, int id, bool active, CancellationToken cancellationToken)
    {
        var user = await db.StaffUsers.SingleOrDefaultAsync(u => u.Id == id && u.CityCode == admin.CityCode, cancellationToken);
        if (user is null) return ReferenceDataResult.NotFound<StaffUser>();
        if (user.Id == admin.UserId && !active)
            return ReferenceDataResult.Invalid<StaffUser>([new("isActive", "admin.notself", "An administrator cannot deactivate themselves.")]);
        user.IsActive = active;
        await db.SaveChangesAsync(cancellationToken);
        access.UsersChanged();
        LogActive(logger, admin.UserName, user.UserName, user.IsActive);
        return ReferenceDataResult.Done(user);
    }

    public async Task<ReferenceDataResult<StaffUser>> ResetPasswordAsync(StaffPrincipal admin, int id, string? password, CancellationToken cancellationToken)
    {
        var user = await db.StaffUsers.SingleOrDefaultAsync(u => u.Id == id && u.CityCode == admin.CityCode, cancellationToken);
        if (user is null) return ReferenceDataResult.NotFound<StaffUser>();
        var problems = new List<FieldProblem>();
        CheckPassword(password, required: true, problems);
        if (problems.Count > 0) return ReferenceDataResult.Invalid<StaffUser>(problems);
        user.PasswordHash = hasher.HashPassword(user, password!);
        await db.SaveChangesAsync(cancellationToken);
        LogPasswordReset(logger, admin.UserName, user.UserName);
        return ReferenceDataResult.Done(user);
    }

    private async Task<ReferenceDataResult<StaffUser>> SaveAsync(StaffPrincipal admin, StaffUser user, UserChange change, CancellationToken cancellationToken)
    {
        var isNew = user.Id == 0;
        var checkedChange = await CheckAsync(admin, user, change, cancellationToken);
        if (checkedChange.Problems.Count > 0)
        {
            return checkedChange.Problems is [{ Key: UserNameTaken } taken]
                ? ReferenceDataResult.Conflict<StaffUser>(taken)
                : ReferenceDataResult.Invalid<StaffUser>(checkedChange.Problems);
        }

        if (isNew) db.StaffUsers.Add(user);
        user.DisplayName = change.DisplayName!.Trim();
        user.Roles = checkedChange.Roles;
        user.ScopeKind = checkedChange.Scope;
        user.ScopeDivisionCode = checkedChange.Division;
        user.DepartmentId = change.DepartmentId;
        if (!string.IsNullOrEmpty(change.Password)) user.PasswordHash = hasher.HashPassword(user, change.Password);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (isNew)
        {
            db.Entry(user).State = EntityState.Detached;
            if (await db.StaffUsers.AnyAsync(u => u.UserName == user.UserName, cancellationToken)) return Taken(user.UserName); // taken meanwhile
            throw;
        }
        if (!isNew) access.UsersChanged();
        LogSaved(logger, admin.UserName, isNew ? "added" : "changed", user.UserName, user.Roles, user.ScopeKind, user.ScopeDivisionCode, user.DepartmentId);
        return ReferenceDataResult.Done(user);
    }

    private static ReferenceDataResult<StaffUser> Taken(string userName) =>
        ReferenceDataResult.Conflict<StaffUser>(new("userName", UserNameTaken, $"userName: there is already a user {userName}."));

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Administrator {Admin} {Verb} user {User}: roles {Roles}, scope {Scope} {Division} {Department}")]
    private static partial void LogSaved(ILogger logger, string admin, string verb, string user, Roles roles, DataScopeKind scope,
        string? division, int? department);

    [LoggerMessage(Level = LogLevel.Information, Message = "Administrator {Admin} set user {User} active={Active}")]
    private static partial void LogActive(ILogger logger, string admin, string user, bool active);

    [LoggerMessage(Level = LogLevel.Information, Message = "Administrator {Admin} reset the password of user {User}")]
    private static partial void LogPasswordReset(ILogger logger, string admin, string user);
}
