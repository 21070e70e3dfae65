using CivicGrid.Domain.Cases;
using CivicGrid.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Data.Configurations;

/// <summary>The notification outbox; senders look for unsent rows that are due and not leased.</summary>
internal sealed class NotificationMessageConfiguration : IEntityTypeConfiguration<NotificationMessage>
{
    public void Configure(EntityTypeBuilder<NotificationMessage> message)
    {
        message.ToTable("NotificationOutbox");
        message.Property(m => m.Recipient).HasMaxLength(254);
        message.Property(m => m.Text).HasMaxLength(1000);
        message.Property(m => m.ClaimedBy).HasMaxLength(128);
        message.Property(m => m.LastError).HasMaxLength(1000);
        message.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        message.HasIndex(m => m.CaseId);
        message.HasOne<Case>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
