using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.ContinuingTreatments;
using Relais.Domain.Patients;

namespace Relais.Web.Data.Configurations;

public sealed class ContinuingTreatmentConfiguration : IEntityTypeConfiguration<ContinuingTreatment>
{
    public void Configure(EntityTypeBuilder<ContinuingTreatment> builder)
    {
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => t.PatientId);
        // The reminder scan: ongoing treatments not reminded yet.
        builder.HasIndex(t => new { t.Status, t.StopRemindedAt, t.PlannedStopOn });
        builder.Property(t => t.Drug).HasMaxLength(200);
        builder.Property(t => t.Prescriber).HasMaxLength(200);
        builder.Property(t => t.StopReason).HasMaxLength(500);
        builder.Property(t => t.Revision).IsConcurrencyToken();
        builder.HasOne<Patient>().WithMany().HasForeignKey(t => t.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class TreatmentReportConfiguration : IEntityTypeConfiguration<TreatmentReport>
{
    public void Configure(EntityTypeBuilder<TreatmentReport> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.PatientId, r.ReportedAt });
        builder.Property(r => r.SideEffects).HasMaxLength(1000);
        builder.Ignore(r => r.CallsForEarlyReturn);
        builder.HasOne<ContinuingTreatment>().WithMany().HasForeignKey(r => r.TreatmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
