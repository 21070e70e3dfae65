using CivicGrid.Domain.Cases;
using CivicGrid.Domain.PublicService;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Data.Configurations;

/// <summary>Tracking tokens map a token's hash to its case; many tokens may point at one case.</summary>
internal sealed class CaseTrackingTokenConfiguration : IEntityTypeConfiguration<CaseTrackingToken>
{
    public void Configure(EntityTypeBuilder<CaseTrackingToken> token)
    {
        token.ToTable("CaseTrackingTokens");
        token.HasKey(t => t.TokenHash);
        token.Property(t => t.TokenHash).HasMaxLength(64);
        token.HasIndex(t => t.CaseId);
        token.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>One short link per case (the case id is the key); the code is unique.</summary>
internal sealed class CaseShortLinkConfiguration : IEntityTypeConfiguration<CaseShortLink>
{
    public void Configure(EntityTypeBuilder<CaseShortLink> link)
    {
        link.ToTable("CaseShortLinks");
        link.HasKey(l => l.CaseId);
        link.Property(l => l.CaseId).ValueGeneratedNever();
        link.Property(l => l.Code).HasMaxLength(CaseShortLink.CodeLength);
        link.HasIndex(l => l.Code).IsUnique();
        link.HasOne<Case>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Followers of a case; one row per case and recipient.</summary>
internal sealed class CaseFollowerConfiguration : IEntityTypeConfiguration<CaseFollower>
{
    public void Configure(EntityTypeBuilder<CaseFollower> follower)
    {
        follower.ToTable("CaseFollowers");
        follower.Property(f => f.Recipient).HasMaxLength(254);
        follower.HasIndex(f => new { f.CaseId, f.Recipient }).IsUnique();
        follower.HasOne<Case>().WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>One rating per case: the case id is the key, so a second rating cannot be stored even in a race.</summary>
internal sealed class CaseRatingConfiguration : IEntityTypeConfiguration<CaseRating>
{
    public void Configure(EntityTypeBuilder<CaseRating> rating)
    {
        rating.ToTable("CaseRatings");
        rating.HasKey(r => r.CaseId);
        rating.Property(r => r.CaseId).ValueGeneratedNever();
        rating.Property(r => r.Comment).HasMaxLength(CaseRating.MaxCommentLength);
        rating.HasIndex(r => r.RatedAt);
        rating.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The approved public words of a case: at most one row per case, keyed by the case id.</summary>
internal sealed class CasePublicTextConfiguration : IEntityTypeConfiguration<CasePublicText>
{
    public void Configure(EntityTypeBuilder<CasePublicText> text)
    {
        text.ToTable("CasePublicTexts");
        text.HasKey(t => t.CaseId);
        text.Property(t => t.CaseId).ValueGeneratedNever();
        text.Property(t => t.Description).HasMaxLength(CasePublicText.MaxDescriptionLength);
        text.Property(t => t.ResultNote).HasMaxLength(CasePublicText.MaxResultNoteLength);
        text.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> notice)
    {
        notice.Property(n => n.Title).HasMaxLength(Notice.MaxTitleLength);
        notice.Property(n => n.Body).HasMaxLength(Notice.MaxBodyLength);
        notice.Property(n => n.DistrictCodes).HasMaxLength(256);
        notice.Ignore(n => n.Districts);
        notice.HasIndex(n => new { n.PublishedFrom, n.PublishedUntil });
    }
}
