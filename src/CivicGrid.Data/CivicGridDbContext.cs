using CivicGrid.Domain.Attachments;
using CivicGrid.Domain.Calendar;
using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Components;
using CivicGrid.Domain.Evaluation;
using CivicGrid.Domain.Geography;
using CivicGrid.Domain.Notifications;
using CivicGrid.Domain.OpenPlatform;
using CivicGrid.Domain.Organisation;
using CivicGrid.Domain.PublicService;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CivicGrid.Data;

/// <summary>The one EF Core model of CivicGrid. Both providers (SQLite, PostgreSQL) share it; each has its own
/// migrations assembly. Features use this context directly: no repository layer.</summary>
public sealed class CivicGridDbContext(DbContextOptions<CivicGridDbContext> options) : DbContext(options)
{
    public DbSet<City> Cities => Set<City>();
    public DbSet<AdministrativeUnit> AdministrativeUnits => Set<AdministrativeUnit>();
    public DbSet<UnitGrid> UnitGrids => Set<UnitGrid>();
    public DbSet<BasemapFeature> BasemapFeatures => Set<BasemapFeature>();
    public DbSet<ResponsibilityGrid> ResponsibilityGrids => Set<ResponsibilityGrid>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<StaffUser> StaffUsers => Set<StaffUser>();
    public DbSet<CatalogueClass> CatalogueClasses => Set<CatalogueClass>();
    public DbSet<CatalogueType> CatalogueTypes => Set<CatalogueType>();
    public DbSet<CaseStandard> CaseStandards => Set<CaseStandard>();
    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();
    public DbSet<Component> Components => Set<Component>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseHistoryEntry> CaseHistory => Set<CaseHistoryEntry>();
    public DbSet<CaseNumberCounter> CaseNumberCounters => Set<CaseNumberCounter>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<CaseAlert> CaseAlerts => Set<CaseAlert>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<CaseTrackingToken> CaseTrackingTokens => Set<CaseTrackingToken>();
    public DbSet<CaseRating> CaseRatings => Set<CaseRating>();
    public DbSet<CaseShortLink> CaseShortLinks => Set<CaseShortLink>();
    public DbSet<CaseFollower> CaseFollowers => Set<CaseFollower>();
    public DbSet<CasePublicText> CasePublicTexts => Set<CasePublicText>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<NotificationMessage> NotificationOutbox => Set<NotificationMessage>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Open311Token> Open311Tokens => Set<Open311Token>();
    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<EvaluationRollup> EvaluationRollups => Set<EvaluationRollup>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CivicGridDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Geometries are stored as WKB on both providers: no SpatiaLite or PostGIS needed. Spatial lookups run
        // on an in-memory STR-tree (ADR 0003), so the database never evaluates geometry.
        configurationBuilder.Properties<Geometry>().HaveConversion<GeometryToWkbConverter>();
        if (Database.IsSqlite())
        {
            // SQLite has no instant type; UTC milliseconds sort and compare correctly in SQL.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUnixMillisecondsConverter>();
        }
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
