using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Continuity;
using Relais.Domain.Patients;
using Relais.Domain.Professionals;
using Relais.Domain.SupportiveCare;

namespace Relais.Web.Data.Configurations;

public sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.PatientId, a.At });
        builder.Property(a => a.Place).HasMaxLength(Appointment.MaxTextLength);
        builder.Property(a => a.Performer).HasMaxLength(Appointment.MaxTextLength);
        builder.Property(a => a.TeleconsultationLink).HasMaxLength(Appointment.MaxLinkLength);
        builder.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.HospitalId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DeferralConfiguration : IEntityTypeConfiguration<Deferral>
{
    public void Configure(EntityTypeBuilder<Deferral> builder)
    {
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => new { d.PatientId, d.DecidedAt });
        // One open deferral per item: a second decision on the same item answers the first (two racing ones too).
        builder.HasIndex(d => new { d.ItemKind, d.ItemId }).IsUnique().HasFilter("\"EndedAt\" IS NULL").HasDatabaseName("IX_Deferrals_OpenItem");
        builder.Property(d => d.Reason).HasMaxLength(Deferral.MaxReasonLength);
        builder.HasOne<Patient>().WithMany().HasForeignKey(d => d.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CrisisPeriodConfiguration : IEntityTypeConfiguration<CrisisPeriod>
{
    public void Configure(EntityTypeBuilder<CrisisPeriod> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.AreaCode).HasMaxLength(40);
        // One crisis at a time per territory.
        builder.HasIndex(c => c.AreaCode).IsUnique().HasFilter("\"EndedAt\" IS NULL").HasDatabaseName("IX_CrisisPeriods_Active");
        builder.HasOne<LivingArea>().WithMany().HasForeignKey(c => c.AreaCode).OnDelete(DeleteBehavior.Restrict);
    }
}
