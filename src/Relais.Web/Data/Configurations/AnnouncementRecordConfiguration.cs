using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Announcements;
using Relais.Domain.Episodes;
using Relais.Domain.Patients;
using Relais.Domain.Programmes;
using Relais.Domain.TumorBoards;
using System.Text.Json;

namespace Relais.Web.Data.Configurations;

public sealed class AnnouncementRecordConfiguration : IEntityTypeConfiguration<AnnouncementRecord>
{
    public void Configure(EntityTypeBuilder<AnnouncementRecord> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.PatientId, x.EpisodeId }).IsUnique();
        b.Property(x => x.GpContext).HasMaxLength(4000);
        b.Property(x => x.MedicalTimeExplained).HasMaxLength(4000);
        b.Property(x => x.SupportiveCareNeeds).HasMaxLength(4000);
        b.Property(x => x.EpicesAnswers).HasMaxLength(11);
        b.Property(x => x.EpicesScore).HasPrecision(5, 2);
        b.Ignore(x => x.IsPrecarious);
        b.HasOne<CancerEpisode>().WithMany().HasForeignKey(x => x.EpisodeId).OnDelete(DeleteBehavior.Restrict);
    }
}
