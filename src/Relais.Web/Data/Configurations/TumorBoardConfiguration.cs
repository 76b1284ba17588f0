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

public sealed class TumorBoardConfiguration : IEntityTypeConfiguration<TumorBoard>
{
    public void Configure(EntityTypeBuilder<TumorBoard> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Specialty).HasMaxLength(100);
        b.Property(x => x.Site).HasMaxLength(200);
        b.Property(x => x.Schedule).HasMaxLength(200);
        b.Property(x => x.ExpectedSpecialtiesCsv).HasMaxLength(400);
        b.Ignore(x => x.ExpectedSpecialties);
    }
}

public sealed class TumorBoardMeetingConfiguration : IEntityTypeConfiguration<TumorBoardMeeting>
{
    public void Configure(EntityTypeBuilder<TumorBoardMeeting> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.BoardId, x.StartsAt });
        b.HasIndex(x => new { x.Status, x.StartsAt });
        b.Property(x => x.Location).HasMaxLength(200);
        b.HasOne<TumorBoard>().WithMany().HasForeignKey(x => x.BoardId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Participants).WithOne().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Participants).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class MeetingParticipantConfiguration : IEntityTypeConfiguration<MeetingParticipant>
{
    public void Configure(EntityTypeBuilder<MeetingParticipant> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasIndex(x => new { x.MeetingId, x.ProfessionalId }).IsUnique();
    }
}
