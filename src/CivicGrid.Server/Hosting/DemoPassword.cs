using System.Security.Cryptography;

namespace CivicGrid.Server.Hosting;

/// <summary>The demo users' password: CIVICGRID_DEMO_PASSWORD when set, otherwise a fresh random one.</summary>
public static class DemoPassword
{
    public static string FromEnvironmentOrRandom()
    {
        var configured = Environment.GetEnvironmentVariable("CIVICGRID_DEMO_PASSWORD");
        return string.IsNullOrEmpty(configured)
            ? RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 14)
            : configured;
    }
}
