using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using CivicGrid.Domain.Organisation;

namespace CivicGrid.Server.Platform.Auth;

/// <summary>A sign-in: both fields required (declared here, checked before the handler; ADR 0016).</summary>
public sealed record TokenRequest(
    [Required(ErrorMessage = "username is required.")] string? Username,
    [Required(AllowEmptyStrings = true, ErrorMessage = "password is required.")]
    [MinLength(1, ErrorMessage = "password is required.")] string? Password);

/// <summary>OAuth 2.0-style token answer (RFC 6749 §5.1 names) plus the signed-in user.</summary>
public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("user")] StaffUserView User);

public sealed record StaffUserView(int Id, string UserName, string DisplayName, string[] Roles, ScopeView Scope)
{
    public static StaffUserView Of(StaffPrincipal who) =>
        new(who.UserId, who.UserName, who.DisplayName, RoleNames(who.Roles), ScopeView.Of(who.Scope));

    public static StaffUserView Of(StaffUser user) =>
        new(user.Id, user.UserName, user.DisplayName, RoleNames(user.Roles), ScopeView.Of(user.Scope));

    private static string[] RoleNames(Roles roles) => StaffClaims.Split(roles).Select(r => r.ToString()).ToArray();
}

public sealed record ScopeView(DataScopeKind Kind, string? DivisionCode, int? DepartmentId)
{
    public static ScopeView Of(DataScope scope) => new(scope.Kind, scope.DivisionCode, scope.DepartmentId);
}

/// <summary>A row of the administrators' user list.</summary>
public sealed record StaffUserListItem(
    int Id, string UserName, string DisplayName, string[] Roles, ScopeView Scope, string CityCode, bool IsActive);
