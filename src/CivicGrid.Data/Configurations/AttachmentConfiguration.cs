using CivicGrid.Domain.Attachments;
using CivicGrid.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Data.Configurations;

/// <summary>A photo belongs to a case, and to the history entry (step) it was sent with, once attached.</summary>
internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> attachment)
    {
        attachment.Property(a => a.Id).ValueGeneratedNever();
        attachment.Property(a => a.CityCode).HasMaxLength(6);
        attachment.Property(a => a.OriginalFileName).HasMaxLength(255);
        attachment.Property(a => a.ContentType).HasMaxLength(32);
        attachment.Property(a => a.Sha256).HasMaxLength(64);
        attachment.Property(a => a.StoragePath).HasMaxLength(128);
        attachment.HasIndex(a => a.CaseId);
        attachment.HasIndex(a => a.HistoryEntryId);
        // Finds the same photo uploaded twice (a citizen and an inspector sending one picture).
        attachment.HasIndex(a => a.Sha256);
        attachment.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        attachment.HasOne<CaseHistoryEntry>().WithMany().HasForeignKey(a => a.HistoryEntryId).OnDelete(DeleteBehavior.Restrict);
    }
}
