using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace CivicGrid.Server.Features.Auth;

/// <summary>Authentication schemes. <see cref="Staff"/> is the default: a policy scheme that picks the real one per
/// request. Today only bearer tokens exist; the Blazor UI's cookie scheme will be added beside them and chosen here
/// when a request carries no Authorization header.</summary>
public static class StaffAuthSchemes
{
    public const string Staff = "Staff";
    public const string Bearer = JwtBearerDefaults.AuthenticationScheme;

    internal static string Select(HttpContext context) => Bearer;
}
