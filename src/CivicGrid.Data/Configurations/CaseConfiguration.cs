using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Data.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> @case)
    {
        @case.Property(c => c.Number).HasMaxLength(24);
        @case.HasIndex(c => c.Number).IsUnique();
        @case.Property(c => c.CityCode).HasMaxLength(6);
        @case.Property(c => c.TypeCode).HasMaxLength(5);
        @case.Property(c => c.Description).HasMaxLength(4000);
        @case.Property(c => c.Address).HasMaxLength(256);
        @case.Property(c => c.GridCode).HasMaxLength(15);
        @case.Property(c => c.CommunityCode).HasMaxLength(12);
        @case.Property(c => c.StreetCode).HasMaxLength(9);
        @case.Property(c => c.DistrictCode).HasMaxLength(6);
        @case.Property(c => c.ComponentId).HasMaxLength(17);
        @case.Property(c => c.ReporterName).HasMaxLength(64);
        @case.Property(c => c.ReporterPhone).HasMaxLength(32);
        @case.Property(c => c.ReporterEmail).HasMaxLength(254);
        @case.Property(c => c.PendingRequestNote).HasMaxLength(1000);
        @case.Property(c => c.StagePauses).HasMaxLength(2000);
        @case.Property(c => c.LastHistoryHash).HasMaxLength(64);
        @case.Property(c => c.Version).IsConcurrencyToken();
        @case.Ignore(c => c.Stage);
        // Lists filter by status and scope and sort by creation; the deadline job looks for due stages.
        @case.HasIndex(c => new { c.Status, c.CreatedAt });
        @case.HasIndex(c => new { c.DistrictCode, c.CreatedAt });
        @case.HasIndex(c => new { c.DepartmentId, c.Status });
        @case.HasIndex(c => c.StageDueAt);
        // Open311 and the public lists: newest first over a date window, paged by (created, id) keyset (issue 16);
        // Open311 clients that poll for changes ask by updated time.
        @case.HasIndex(c => new { c.CreatedAt, c.Id });
        @case.HasIndex(c => c.UpdatedAt);
        // The live map asks for the open cases of a viewport (status IN (…) and a longitude/latitude range).
        @case.HasIndex(c => new { c.Status, c.Longitude, c.Latitude });
        @case.HasOne<Department>().WithMany().HasForeignKey(c => c.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseHistoryEntryConfiguration : IEntityTypeConfiguration<CaseHistoryEntry>
{
    public void Configure(EntityTypeBuilder<CaseHistoryEntry> entry)
    {
        entry.ToTable("CaseHistory");
        entry.HasIndex(e => new { e.CaseId, e.Sequence }).IsUnique();
        entry.Property(e => e.ActorName).HasMaxLength(64);
        entry.Property(e => e.ActorRole).HasMaxLength(64);
        entry.Property(e => e.Action).HasMaxLength(32);
        entry.Property(e => e.Note).HasMaxLength(4000);
        entry.Property(e => e.AttachmentIds).HasMaxLength(1000);
        entry.Property(e => e.Deadline).HasMaxLength(128);
        entry.Property(e => e.Data).HasMaxLength(512);
        entry.Property(e => e.PreviousHash).HasMaxLength(64);
        entry.Property(e => e.Hash).HasMaxLength(64);
        entry.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseNumberCounterConfiguration : IEntityTypeConfiguration<CaseNumberCounter>
{
    public void Configure(EntityTypeBuilder<CaseNumberCounter> counter)
    {
        counter.HasKey(c => new { c.CityCode, c.Day });
        counter.Property(c => c.CityCode).HasMaxLength(6);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> record)
    {
        record.HasKey(r => new { r.Scope, r.Key });
        record.Property(r => r.Scope).HasMaxLength(64);
        record.Property(r => r.Key).HasMaxLength(128);
        record.Property(r => r.RequestHash).HasMaxLength(64);
        record.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseAlertConfiguration : IEntityTypeConfiguration<CaseAlert>
{
    public void Configure(EntityTypeBuilder<CaseAlert> alert)
    {
        alert.Property(a => a.CaseNumber).HasMaxLength(24);
        alert.Property(a => a.Kind).HasMaxLength(32);
        alert.Property(a => a.DistrictCode).HasMaxLength(6);
        alert.HasIndex(a => new { a.CaseId, a.RaisedAt });
        alert.HasIndex(a => a.RaisedAt);
        alert.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
