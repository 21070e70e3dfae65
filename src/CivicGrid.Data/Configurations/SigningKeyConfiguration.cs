using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Data.Configurations;

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> key)
    {
        key.Property(k => k.KeyId).HasMaxLength(64);
        key.Property(k => k.Algorithm).HasMaxLength(16);
        key.Property(k => k.KeyMaterial).HasMaxLength(256);
        key.HasIndex(k => k.KeyId).IsUnique();
    }
}
