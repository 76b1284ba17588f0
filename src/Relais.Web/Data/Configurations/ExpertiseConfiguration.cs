using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Episodes;
using Relais.Domain.Heredity;
using Relais.Domain.Patients;
using Relais.Domain.RareCancers;

namespace Relais.Web.Data.Configurations;

public sealed class OncogeneticsReferralConfiguration : IEntityTypeConfiguration<OncogeneticsReferral>
{
    public void Configure(EntityTypeBuilder<OncogeneticsReferral> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => r.PatientId);
        builder.Property(r => r.CriteriaCodes).HasMaxLength(200);
        builder.Property(r => r.Note).HasMaxLength(1000);
        builder.Property(r => r.RelativesNote).HasMaxLength(1000);
        builder.Property(r => r.Revision).IsConcurrencyToken();
        builder.Ignore(r => r.Criteria);
        builder.Ignore(r => r.Status);
        builder.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CancerEpisode>().WithMany().HasForeignKey(r => r.EpisodeId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ExpertReviewConfiguration : IEntityTypeConfiguration<ExpertReview>
{
    public void Configure(EntityTypeBuilder<ExpertReview> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => r.PatientId);
        // One expert circuit per episode.
        builder.HasIndex(r => r.EpisodeId).IsUnique();
        builder.Property(r => r.SecondReadingConclusion).HasMaxLength(1000);
        builder.Property(r => r.ExpertNetwork).HasMaxLength(200);
        builder.Property(r => r.Revision).IsConcurrencyToken();
        builder.Ignore(r => r.Missing);
        builder.Ignore(r => r.RequiresExpertBoard);
        builder.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CancerEpisode>().WithMany().HasForeignKey(r => r.EpisodeId).OnDelete(DeleteBehavior.Restrict);
    }
}
