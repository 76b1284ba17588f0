using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Coordination;
using Relais.Domain.Patients;

namespace Relais.Web.Data.Configurations;

public sealed class ClinicalEventConfiguration : IEntityTypeConfiguration<ClinicalEvent>
{
    public void Configure(EntityTypeBuilder<ClinicalEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.PatientId, e.OccurredOn });
        builder.Property(e => e.Description).HasMaxLength(4000);
        builder.Property(e => e.TreatmentsGiven).HasMaxLength(2000);
        builder.Property(e => e.SuspectedDrug).HasMaxLength(200);
        builder.Ignore(e => e.IsUrgent);
        builder.Ignore(e => e.NeedsPharmacovigilance);
        builder.Ignore(e => e.Obligation);
        builder.HasOne<Patient>().WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
