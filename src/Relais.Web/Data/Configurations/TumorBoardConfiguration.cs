using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.TumorBoards;

namespace Relais.Web.Data.Configurations;

public sealed class TumorBoardConfiguration : IEntityTypeConfiguration<TumorBoard>
{
    public void Configure(EntityTypeBuilder<TumorBoard> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Name).HasMaxLength(200);
        builder.Property(x => x.Specialty).HasMaxLength(100);
        builder.Property(x => x.Site).HasMaxLength(200);
        builder.Property(x => x.Schedule).HasMaxLength(200);
        builder.Property(x => x.ExpectedSpecialtiesCsv).HasMaxLength(400);
        builder.Ignore(x => x.ExpectedSpecialties);
    }
}

public sealed class TumorBoardMeetingConfiguration : IEntityTypeConfiguration<TumorBoardMeeting>
{
    public void Configure(EntityTypeBuilder<TumorBoardMeeting> builder)
    {
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.BoardId, x.StartsAt });
        builder.HasIndex(x => new { x.Status, x.StartsAt });
        builder.Property(x => x.Location).HasMaxLength(200);
        builder.HasOne<TumorBoard>().WithMany().HasForeignKey(x => x.BoardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Participants).WithOne().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Participants).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class MeetingParticipantConfiguration : IEntityTypeConfiguration<MeetingParticipant>
{
    public void Configure(EntityTypeBuilder<MeetingParticipant> builder)
    {
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Name).HasMaxLength(200);
        builder.HasIndex(x => new { x.MeetingId, x.ProfessionalId }).IsUnique();
    }
}
