using System.Security.Cryptography;

namespace CivicGrid.Server.Seeding;

/// <summary>The demo users' password: the Demo:Password setting when set, else CIVICGRID_DEMO_PASSWORD, else a fresh
/// random one.</summary>
public static class DemoPassword
{
    public static string From(IConfiguration configuration)
    {
        var configured = configuration["Demo:Password"];
        return string.IsNullOrEmpty(configured) ? FromEnvironmentOrRandom() : configured;
    }

    public static string FromEnvironmentOrRandom()
    {
        var configured = Environment.GetEnvironmentVariable("CIVICGRID_DEMO_PASSWORD");
        return string.IsNullOrEmpty(configured)
            ? RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 14)
            : configured;
    }
}
