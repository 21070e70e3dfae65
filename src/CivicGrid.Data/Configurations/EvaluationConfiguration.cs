using CivicGrid.Domain.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Data.Configurations;

internal sealed class EvaluationRollupConfiguration : IEntityTypeConfiguration<EvaluationRollup>
{
    public void Configure(EntityTypeBuilder<EvaluationRollup> rollup)
    {
        // Subject kind first: an evaluation reads one kind over a range of buckets, a contiguous slice of the key.
        rollup.HasKey(r => new { r.SubjectKind, r.BucketKind, r.BucketStart, r.SubjectKey, r.DistrictCode });
        rollup.Property(r => r.SubjectKey).HasMaxLength(20);
        rollup.Property(r => r.DistrictCode).HasMaxLength(6);
        rollup.Property(r => r.SubjectKind).HasMaxLength(16);
        rollup.Property(r => r.BucketKind).HasMaxLength(8);
        rollup.Ignore(r => r.IsEmpty);
    }
}
