using CivicGrid.Domain.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Data.Configurations;

/// <summary>Components are the bulk table (millions of rows): one secondary index, no foreign keys that every
/// insert would have to probe; the importer validates type, grid and departments instead (ADR 0002).</summary>
internal sealed class ComponentConfiguration : IEntityTypeConfiguration<Component>
{
    public void Configure(EntityTypeBuilder<Component> component)
    {
        component.Property(c => c.Id).HasMaxLength(17);
        component.Property(c => c.CityCode).HasMaxLength(6);
        component.Property(c => c.TypeCode).HasMaxLength(5);
        component.Property(c => c.Name).HasMaxLength(128);
        component.Property(c => c.GridCode).HasMaxLength(15);
        component.Property(c => c.Source).HasMaxLength(64);
        component.Property(c => c.Note).HasMaxLength(512);
        component.HasIndex(c => c.GridCode);
    }
}
