using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Announcements;
using Relais.Domain.Episodes;

namespace Relais.Web.Data.Configurations;

public sealed class AnnouncementRecordConfiguration : IEntityTypeConfiguration<AnnouncementRecord>
{
    public void Configure(EntityTypeBuilder<AnnouncementRecord> builder)
    {
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.PatientId, x.EpisodeId }).IsUnique();
        builder.Property(x => x.GpContext).HasMaxLength(4000);
        builder.Property(x => x.MedicalTimeExplained).HasMaxLength(4000);
        builder.Property(x => x.SupportiveCareNeeds).HasMaxLength(4000);
        builder.Property(x => x.EpicesAnswers).HasMaxLength(11);
        builder.Property(x => x.EpicesScore).HasPrecision(5, 2);
        // Records written before the referral was tracked: nothing proposed yet.
        builder.Property(x => x.FertilityReferral).HasDefaultValue(FertilityReferral.NotProposed).HasSentinel(FertilityReferral.NotProposed);
        builder.Property(x => x.FertilityCentre).HasMaxLength(300);
        builder.Property(x => x.ContraceptionAdvice).HasMaxLength(2000);
        builder.Ignore(x => x.IsPrecarious);
        builder.HasOne<CancerEpisode>().WithMany().HasForeignKey(x => x.EpisodeId).OnDelete(DeleteBehavior.Restrict);
    }
}
