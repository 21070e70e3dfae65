using CivicGrid.Domain.Cases;
using CivicGrid.Domain.OpenPlatform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Data.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> key)
    {
        key.Property(k => k.Name).HasMaxLength(128);
        key.Property(k => k.Contact).HasMaxLength(256);
        key.Property(k => k.Prefix).HasMaxLength(16);
        key.Property(k => k.SecretHash).HasMaxLength(64);
        key.HasIndex(k => k.SecretHash).IsUnique();
        key.Ignore(k => k.IsRevoked);
    }
}

internal sealed class Open311TokenConfiguration : IEntityTypeConfiguration<Open311Token>
{
    public void Configure(EntityTypeBuilder<Open311Token> token)
    {
        token.HasKey(t => t.Token);
        token.Property(t => t.Token).HasMaxLength(32);
        token.Property(t => t.MediaUrl).HasMaxLength(1024);
        token.HasIndex(t => t.CaseId);
        token.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
        token.HasOne<ApiKey>().WithMany().HasForeignKey(t => t.ApiKeyId).OnDelete(DeleteBehavior.Restrict);
    }
}
