using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace CivicGrid.Server.Platform.Web;

/// <summary>The "Proxy" configuration section: which reverse proxies (the TLS terminator of docs/operations.md) the
/// server believes when they say, in X-Forwarded-For and X-Forwarded-Proto, who the client is and that it came over
/// HTTPS. Loopback is always believed; requests from any other address keep their own address and scheme.</summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>Addresses of proxies besides loopback, e.g. "10.0.0.5".</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of proxies besides loopback, in CIDR notation, e.g. "10.0.0.0/24".</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row may forward (the addresses in X-Forwarded-For taken from the right).</summary>
    public int ForwardLimit { get; set; } = 1;

    /// <summary>The HSTS max-age sent with HTTPS answers (default one year); 0 sends no HSTS header.</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
            problems.Add($"{Section}:KnownProxies holds '{proxy}', which is not an IP address.");
        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
            problems.Add($"{Section}:KnownNetworks holds '{network}', which is not a network in CIDR notation (e.g. 10.0.0.0/24).");
        if (ForwardLimit is < 1 or > 10) problems.Add($"{Section}:ForwardLimit must be between 1 and 10 (got {ForwardLimit}).");
        if (HstsMaxAge < TimeSpan.Zero) problems.Add($"{Section}:HstsMaxAge must not be negative (got '{HstsMaxAge}').");
        return problems;
    }

    /// <summary>Registers the options, the forwarded-headers settings built from them, and HSTS.</summary>
    public static IServiceCollection AddProxySupport(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProxyOptions>().Bind(configuration.GetSection(Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyOptions>, Validator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            // The defaults already trust loopback (127.0.0.0/8 and ::1); the configured proxies come on top.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = proxy.Value.ForwardLimit;
            foreach (var address in proxy.Value.KnownProxies) forwarded.KnownProxies.Add(IPAddress.Parse(address));
            foreach (var network in proxy.Value.KnownNetworks) forwarded.KnownIPNetworks.Add(IPNetwork.Parse(network));
        });
        services.AddOptions<HstsOptions>().Configure<IOptions<ProxyOptions>>((hsts, proxy) => hsts.MaxAge = proxy.Value.HstsMaxAge);
        return services;
    }

    private sealed class Validator : IValidateOptions<ProxyOptions>
    {
        public ValidateOptionsResult Validate(string? name, ProxyOptions options) =>
            options.Validate() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
