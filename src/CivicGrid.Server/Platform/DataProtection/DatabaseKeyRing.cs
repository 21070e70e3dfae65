using System.Xml.Linq;
using CivicGrid.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Platform.DataProtection;

/// <summary>Keeps the ASP.NET Core data-protection key ring (which protects cookies and antiforgery tokens) in the
/// DataProtectionKeys table rather than in one machine's profile folder: every instance behind a load balancer
/// reads the same keys, so a sign-in cookie issued by one is accepted by all, and survives restarts and redeploys.
/// The keys are stored unencrypted at rest, like the token signing keys: protect the database (and its backups).</summary>
public sealed class DatabaseKeyRing(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList()
            .Select(xml => XElement.Parse(xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKeyRecord
        {
            FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting),
        });
        db.SaveChanges();
    }
}

public static class DataProtectionServices
{
    /// <summary>Data protection with the key ring in the database, under one application name for every instance.</summary>
    public static IServiceCollection AddDatabaseDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("CivicGrid");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(
            options => options.XmlRepository = new DatabaseKeyRing(provider.GetRequiredService<IServiceScopeFactory>())));
        return services;
    }
}
