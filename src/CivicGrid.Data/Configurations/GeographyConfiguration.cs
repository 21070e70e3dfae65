using CivicGrid.Domain.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Data.Configurations;

internal sealed class CityConfiguration : IEntityTypeConfiguration<City>
{
    public void Configure(EntityTypeBuilder<City> city)
    {
        city.HasKey(c => c.Code);
        city.Property(c => c.Code).HasMaxLength(6);
        city.Property(c => c.Name).HasMaxLength(64);
        city.Property(c => c.NameEn).HasMaxLength(64);
        city.Property(c => c.TimeZoneId).HasMaxLength(64);
        city.Property(c => c.CaseNumberPrefix).HasMaxLength(8);
        city.Property(c => c.WorkingHours).HasMaxLength(128);
    }
}

internal sealed class AdministrativeUnitConfiguration : IEntityTypeConfiguration<AdministrativeUnit>
{
    public void Configure(EntityTypeBuilder<AdministrativeUnit> unit)
    {
        unit.HasKey(u => u.Code);
        unit.Property(u => u.Code).HasMaxLength(12);
        unit.Property(u => u.ParentCode).HasMaxLength(12);
        unit.Property(u => u.CityCode).HasMaxLength(6);
        unit.Property(u => u.Name).HasMaxLength(64);
        unit.Property(u => u.NameEn).HasMaxLength(128);
        unit.HasIndex(u => u.ParentCode);
        unit.HasOne<City>().WithMany().HasForeignKey(u => u.CityCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UnitGridConfiguration : IEntityTypeConfiguration<UnitGrid>
{
    public void Configure(EntityTypeBuilder<UnitGrid> grid)
    {
        grid.HasKey(g => g.Code);
        grid.Property(g => g.Code).HasMaxLength(15);
        grid.Property(g => g.CityCode).HasMaxLength(6);
        grid.Property(g => g.DistrictCode).HasMaxLength(6);
        grid.Property(g => g.StreetCode).HasMaxLength(9);
        grid.Property(g => g.CommunityCode).HasMaxLength(12);
        grid.Property(g => g.ResponsibleParty).HasMaxLength(128);
        grid.HasIndex(g => g.CommunityCode);
        grid.HasIndex(g => g.ResponsibilityGridId);
        grid.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(g => g.CommunityCode).OnDelete(DeleteBehavior.Restrict);
        grid.HasOne<ResponsibilityGrid>().WithMany().HasForeignKey(g => g.ResponsibilityGridId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ResponsibilityGridConfiguration : IEntityTypeConfiguration<ResponsibilityGrid>
{
    public void Configure(EntityTypeBuilder<ResponsibilityGrid> grid)
    {
        grid.Property(g => g.Code).HasMaxLength(32);
        grid.Property(g => g.Name).HasMaxLength(128);
        grid.Property(g => g.CityCode).HasMaxLength(6);
        grid.Property(g => g.DistrictCode).HasMaxLength(6);
        grid.HasIndex(g => g.Code).IsUnique();
        grid.HasOne<Domain.Organisation.StaffUser>().WithMany().HasForeignKey(g => g.InspectorUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class BasemapFeatureConfiguration : IEntityTypeConfiguration<BasemapFeature>
{
    public void Configure(EntityTypeBuilder<BasemapFeature> feature)
    {
        feature.Property(f => f.CityCode).HasMaxLength(6);
        feature.Property(f => f.Name).HasMaxLength(64);
        feature.Property(f => f.NameEn).HasMaxLength(128);
        feature.HasIndex(f => f.CityCode);
        feature.HasOne<City>().WithMany().HasForeignKey(f => f.CityCode).OnDelete(DeleteBehavior.Restrict);
    }
}
