using CivicGrid.Domain.Catalogue;
using CivicGrid.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Data.Configurations;

internal sealed class CatalogueClassConfiguration : IEntityTypeConfiguration<CatalogueClass>
{
    public void Configure(EntityTypeBuilder<CatalogueClass> major)
    {
        major.HasKey(c => new { c.Kind, c.MajorCode });
        major.Property(c => c.MajorCode).HasMaxLength(2);
        major.Property(c => c.Name).HasMaxLength(64);
        major.Property(c => c.NameEn).HasMaxLength(128);
    }
}

internal sealed class CatalogueTypeConfiguration : IEntityTypeConfiguration<CatalogueType>
{
    public void Configure(EntityTypeBuilder<CatalogueType> type)
    {
        type.HasKey(t => new { t.Kind, t.Code });
        type.Property(t => t.Code).HasMaxLength(5);
        type.Property(t => t.Name).HasMaxLength(64);
        type.Property(t => t.NameEn).HasMaxLength(128);
        type.Property(t => t.LegacyCode).HasMaxLength(16);
        type.Ignore(t => t.MajorCode);
    }
}

internal sealed class CaseStandardConfiguration : IEntityTypeConfiguration<CaseStandard>
{
    public void Configure(EntityTypeBuilder<CaseStandard> standard)
    {
        standard.Property(s => s.TypeCode).HasMaxLength(5);
        standard.Property(s => s.RegistrationCondition).HasMaxLength(512);
        standard.Property(s => s.ClosingCondition).HasMaxLength(512);
        standard.HasIndex(s => new { s.Kind, s.TypeCode }).IsUnique();
        standard.HasOne<CatalogueType>().WithMany().HasForeignKey(s => new { s.Kind, s.TypeCode }).OnDelete(DeleteBehavior.Cascade);
        standard.HasOne<Department>().WithMany().HasForeignKey(s => s.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> rule)
    {
        rule.Property(r => r.CityCode).HasMaxLength(6);
        rule.Property(r => r.TypeCode).HasMaxLength(5);
        rule.Property(r => r.AreaCode).HasMaxLength(15);
        rule.Ignore(r => r.Specificity);
        rule.HasIndex(r => new { r.TypeCode, r.AreaCode });
        rule.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
