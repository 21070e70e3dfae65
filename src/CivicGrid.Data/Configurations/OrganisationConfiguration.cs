using CivicGrid.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Data.Configurations;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> department)
    {
        department.Property(d => d.Code).HasMaxLength(32);
        department.Property(d => d.Name).HasMaxLength(128);
        department.Property(d => d.NameEn).HasMaxLength(128);
        department.Property(d => d.CityCode).HasMaxLength(6);
        department.Property(d => d.DistrictCode).HasMaxLength(6);
        // Flags are stored as their number: a string form would not survive combined values.
        department.Property(d => d.Kinds).HasConversion<int>();
        department.HasIndex(d => d.Code).IsUnique();
        department.HasOne<Department>().WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> user)
    {
        user.Property(u => u.UserName).HasMaxLength(64);
        user.Property(u => u.DisplayName).HasMaxLength(64);
        user.Property(u => u.PasswordHash).HasMaxLength(256);
        user.Property(u => u.CityCode).HasMaxLength(6);
        user.Property(u => u.ScopeDivisionCode).HasMaxLength(12);
        user.Property(u => u.Roles).HasConversion<int>();
        user.Ignore(u => u.Scope);
        user.HasIndex(u => u.UserName).IsUnique();
        user.HasOne<Department>().WithMany().HasForeignKey(u => u.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
