using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Patients;
using Relais.Domain.Steps;

namespace Relais.Web.Data.Configurations;

public sealed class AdministrativeStepConfiguration : IEntityTypeConfiguration<AdministrativeStep>
{
    public void Configure(EntityTypeBuilder<AdministrativeStep> builder)
    {
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => new { s.PatientId, s.DueOn });
        // The reminder scan and the owners' worklists: planned steps by reminder day.
        builder.HasIndex(s => new { s.Status, s.RemindOn, s.RemindedAt });
        // The owners' worklists: the planned steps of the caller's patients, by owner and due day, read from the index alone for
        // the count (with the index on PatientId and DueOn, every step of each visible patient was read to test its status and owner).
        builder.HasIndex(s => new { s.PatientId, s.Owner, s.DueOn }, "IX_AdministrativeSteps_Planned").HasFilter("\"Status\" = 'Planned'");
        // One step follows a completed one: completing it twice (two racing requests) cannot plan two.
        builder.HasIndex(s => s.FollowsId).IsUnique().HasFilter("\"FollowsId\" IS NOT NULL");
        builder.Property(s => s.Note).HasMaxLength(AdministrativeStep.MaxNote);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Patient>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class TrialParticipationConfiguration : IEntityTypeConfiguration<TrialParticipation>
{
    public void Configure(EntityTypeBuilder<TrialParticipation> builder)
    {
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => new { t.PatientId, t.InformedOn });
        builder.Ignore(t => t.Active);
        builder.Property(t => t.Title).HasMaxLength(TrialParticipation.MaxTitle);
        builder.Property(t => t.Registration).HasMaxLength(TrialParticipation.MaxRegistration);
        builder.Property(t => t.Note).HasMaxLength(TrialParticipation.MaxNote);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne<Patient>().WithMany().HasForeignKey(t => t.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
