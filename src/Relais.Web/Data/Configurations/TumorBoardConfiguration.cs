using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Announcements;
using Relais.Domain.Episodes;
using Relais.Domain.Patients;
using Relais.Domain.Programmes;
using Relais.Domain.TumorBoards;

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

public sealed class G8AssessmentConfiguration : IEntityTypeConfiguration<G8Assessment>
{
    public void Configure(EntityTypeBuilder<G8Assessment> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.PatientId, x.AssessedOn });
        b.Property(x => x.BodyMassIndex).HasPrecision(5, 2);
        b.Property(x => x.SelfRatedHealth).HasPrecision(3, 1);
        b.Property(x => x.Score).HasPrecision(4, 1);
        b.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

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

public sealed class CareProgrammeConfiguration : IEntityTypeConfiguration<CareProgramme>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<CareProgramme> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.PatientId, x.Kind, x.CreatedAt });
        b.HasIndex(x => x.LineageId);
        // The programme's content is one document, versioned as a whole: stored as JSON on both databases.
        b.Property(x => x.Content)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<ProgrammeContent>(v, Json)!,
                new ValueComparer<ProgrammeContent>((a, c) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(c, Json),
                    v => JsonSerializer.Serialize(v, Json).GetHashCode(), v => JsonSerializer.Deserialize<ProgrammeContent>(JsonSerializer.Serialize(v, Json), Json)!))
            .HasColumnName("ContentJson");
        b.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CancerEpisode>().WithMany().HasForeignKey(x => x.EpisodeId).OnDelete(DeleteBehavior.Restrict);
    }
}
