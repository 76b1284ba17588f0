using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Episodes;
using Relais.Domain.Patients;
using Relais.Domain.TumorBoards;

namespace Relais.Web.Data.Configurations;

public sealed class TumorBoardCaseConfiguration : IEntityTypeConfiguration<TumorBoardCase>
{
    public void Configure(EntityTypeBuilder<TumorBoardCase> builder)
    {
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.PatientId, x.RegisteredAt });
        builder.HasIndex(x => new { x.MeetingId, x.Status });
        builder.Property(x => x.Question).HasMaxLength(2000);
        builder.Property(x => x.GpContribution).HasMaxLength(4000);
        builder.Property(x => x.Proposal).HasMaxLength(4000);
        builder.Property(x => x.Guideline).HasMaxLength(400);
        // The quorum as it stood, with the participants present who did not count (the invited GP...).
        builder.Property(x => x.QuorumAtDecision).HasMaxLength(2000);
        builder.Property(x => x.G8WaiverReason).HasMaxLength(1000);
        builder.Property(x => x.SiteMismatchReason).HasMaxLength(1000);
        builder.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CancerEpisode>().WithMany().HasForeignKey(x => x.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TumorBoardMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
    }
}
