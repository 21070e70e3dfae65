using CivicGrid.Data;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Geography;
using CivicGrid.Server.Features.Catalogue;
using CivicGrid.Server.Features.Geography;
using CivicGrid.Server.Features.Map;
using CivicGrid.Server.Platform.Cli;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Seeding;

/// <summary>Generates the Haikou-like demo city into an empty database: the city, its districts, streets and
/// communities, unit and responsibility grids, departments, staff, case standards, the 2026 working calendar,
/// components and 90 days of cases. The same scale and seed always give the same city (and, at the same "now", the
/// same cases).</summary>
public sealed class DemoCitySeeder(CivicGridDbContext db, GridLocator locator, TimeProvider time)
{
    public const int DefaultSeed = 20261126;

    /// <summary>Components go to the database in transactions of this many rows, streamed from a lazy generator.</summary>
    private const int ComponentsPerTransaction = 500_000;

    public async Task<DemoCityReport> SeedAsync(
        DemoScale scale, int seed, string password, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        await StandardCatalogueSeeder.EnsureAsync(db, cancellationToken);
        var profile = DemoScaleProfile.For(scale);
        var layout = DemoLayoutPlanner.Plan(profile, seed);
        var names = new DemoNames(new Random(unchecked(seed * 31 + 1)));
        var detectChanges = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            db.Cities.Add(new City { Code = DemoCity.CityCode, Name = DemoCity.Name, NameEn = DemoCity.NameEn, CaseNumberPrefix = DemoCity.CaseNumberPrefix });
            // The working calendar (2025 and 2026 holidays) is already there: `migrate` adds the shipped schedules.
            await db.SaveChangesAsync(cancellationToken);
            var units = await DemoGeographyWriter.WriteUnitsAsync(db, layout, cancellationToken);
            progress?.Report(new ProgressReport("units", units, units));
            var basemap = await DemoBasemap.WriteAsync(db, layout, seed, cancellationToken);
            progress?.Report(new ProgressReport("roads, water and landmarks", basemap, basemap));

            var departments = await DemoDepartments.CreateAsync(db, cancellationToken);
            var standards = await DemoCaseStandards.CreateAsync(db, departments, cancellationToken);
            progress?.Report(new ProgressReport("departments and standards", departments.Count + standards, departments.Count + standards));

            var areas = DemoPatrolAreas.Plan(layout, profile.PatrolAreaSize);
            var inspectorAreas = DemoPatrolAreas.ChooseForInspectors(areas, profile.MaxInspectors);
            var (userNames, inspectorIds) = await DemoUsers.CreateAsync(db, password, departments, inspectorAreas, names, cancellationToken);
            progress?.Report(new ProgressReport("users", userNames.Count, userNames.Count));
            var inspectorByArea = inspectorAreas.Zip(inspectorIds).ToDictionary(p => p.First.Code, p => p.Second);
            var areaIds = await DemoGeographyWriter.WriteResponsibilityGridsAsync(db, areas, inspectorByArea, cancellationToken);
            await DemoGeographyWriter.WriteGridsAsync(db, layout, areas, areaIds, progress, cancellationToken);

            var components = await InsertComponentsAsync(layout, departments, seed, progress, cancellationToken);
            locator.Invalidate();

            // Last: the history needs the users, departments, standards, calendar and grids written above.
                var cases = await DemoCases.CreateAsync(db, scale, seed, time.GetUtcNow(), progress, cancellationToken);
            await new Features.Evaluation.EvaluationRebuild(db).RunAsync(cancellationToken); // the demo history bypasses the step observers
            return new DemoCityReport(password, userNames, layout.GridCount, components, cases);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detectChanges;
        }
    }

    private async Task<long> InsertComponentsAsync(
        DemoLayout layout, DemoDepartmentDirectory departments, int seed, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        var typeNames = await db.CatalogueTypes.AsNoTracking().Where(t => t.Kind == CatalogueKind.Component)
            .ToDictionaryAsync(t => t.Code, t => t.Name, cancellationToken);
        var now = time.GetUtcNow();
        var stream = new DemoComponentStream(layout, departments, typeNames, new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero));
        var total = layout.ComponentCount;
        long inserted = 0;
        using var components = stream.Generate(unchecked(seed * 31 + 2)).GetEnumerator();
        while (true)
        {
            var before = inserted;
            var chunk = Take(components, ComponentsPerTransaction);
            var rowProgress = progress is null ? null : new RowProgress(done => progress.Report(new ProgressReport("components", before + done, total)));
            var count = await BulkWriter.InsertAsync(db, chunk, new BulkLoad(Progress: rowProgress), cancellationToken);
            inserted += count;
            if (count < ComponentsPerTransaction) break;
        }

        progress?.Report(new ProgressReport("components", inserted, total));
        return inserted;
    }

    /// <summary>The next <paramref name="count"/> items of a shared enumerator, still lazily.</summary>
    private static IEnumerable<T> Take<T>(IEnumerator<T> source, int count)
    {
        for (var i = 0; i < count && source.MoveNext(); i++) yield return source.Current;
    }

    /// <summary>Reports on the inserting thread, in order (unlike <see cref="Progress{T}"/>, which posts).</summary>
    private sealed class RowProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
