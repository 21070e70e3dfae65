using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Data;
using CivicGrid.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Bench;

public static partial class CaseCreationBench
{
    /// <summary>The real server (SQLite FULL, small demo city, outbox quiet) for other benches.</summary>
    internal static Task<RealServer> StartRealServerAsync(string folder) => RealServer.StartAsync(folder, "FULL", null, QuietOutbox);

    /// <summary>The real server in this process on a loopback port, over a fresh SQLite file with the small demo city,
    /// with the group-commit prototype mapped beside the real endpoints.</summary>
    internal sealed class RealServer(WebApplication app) : IAsyncDisposable
    {
        public Uri Address { get; } = new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        public GroupCommitIntake GroupCommit => app.Services.GetRequiredService<GroupCommitIntake>();

        public static async Task<RealServer> StartAsync(string folder, string synchronous, DbTiming? timing, params string[] extraArgs)
        {
            Directory.CreateDirectory(folder);
            string[] args =
            [
                "--urls", "http://127.0.0.1:0", $"--DataDirectory={folder}", "--Demo:Scale=small", $"--Demo:Password={Password}",
                "--Cases:DuplicateRadiusMetres=0", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
                "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Error", "--Database:Provider=Sqlite",
                // the bench's one client address is many citizens and apps, not abuse
                "--Open311:SubmissionsPerKeyPerMinute=1000000", "--Open311:SubmissionsPerIpPerMinute=1000000",
                "--PublicService:ReportsPerIpPerMinute=1000000",
                $"--Database:SqliteSynchronous={synchronous}", .. extraArgs,
            ];
            var app = CivicGridServer.Build(args, builder =>
            {
                builder.Services.AddSingleton<GroupCommitIntake>();
                if (timing is not null) builder.Services.ConfigureDbContext<CivicGridDbContext>(options => options.AddInterceptors(timing));
            });
            GroupCommitIntake.Map(app);
            var console = Console.Out;
            Console.SetOut(TextWriter.Null); // the start banner
            try
            {
                await app.StartAsync();
            }
            finally
            {
                Console.SetOut(console);
            }
            return new RealServer(app);
        }

        public async Task<string> SignInAsync()
        {
            using var client = new HttpClient { BaseAddress = Address };
            var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "operator", password = Password });
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        }

        /// <summary>An Open311 API key made by the demo administrator; its secret.</summary>
        public async Task<string> CreateApiKeyAsync()
        {
            using var client = new HttpClient { BaseAddress = Address };
            var token = (await (await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = Password }))
                .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var response = await client.PostAsJsonAsync("/api/v1/api-keys", new { name = "bench client" });
            return (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        }

        public async Task<int> CountCasesAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<CivicGridDbContext>().Cases.CountAsync();
        }

        public async Task<string> AuditAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            var (cases, entries, broken) = await Server.Features.Cases.HistoryAudit.VerifyAsync(
                scope.ServiceProvider.GetRequiredService<CivicGridDbContext>(), CancellationToken.None);
            return broken is null ? $"{cases:N0} cases, {entries:N0} entries, every chain intact" : $"BROKEN at {broken.CaseNumber}";
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
