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

public sealed class TumorBoardCaseConfiguration : IEntityTypeConfiguration<TumorBoardCase>
{
    public void Configure(EntityTypeBuilder<TumorBoardCase> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.PatientId, x.RegisteredAt });
        b.HasIndex(x => new { x.MeetingId, x.Status });
        b.Property(x => x.Question).HasMaxLength(2000);
        b.Property(x => x.GpContribution).HasMaxLength(4000);
        b.Property(x => x.Proposal).HasMaxLength(4000);
        b.Property(x => x.Guideline).HasMaxLength(400);
        b.Property(x => x.QuorumAtDecision).HasMaxLength(600);
        b.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CancerEpisode>().WithMany().HasForeignKey(x => x.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TumorBoardMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
    }
}
