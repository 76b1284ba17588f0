using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Coordination;
using Relais.Domain.Documents;
using Relais.Domain.Messaging;
using Relais.Domain.Patients;
using Relais.Web.Messaging;

namespace Relais.Web.Data.Configurations;

public sealed class ClinicalEventConfiguration : IEntityTypeConfiguration<ClinicalEvent>
{
    public void Configure(EntityTypeBuilder<ClinicalEvent> b)
    {
        b.HasKey(e => e.Id);
        b.HasIndex(e => new { e.PatientId, e.OccurredOn });
        b.Property(e => e.Description).HasMaxLength(4000);
        b.Property(e => e.TreatmentsGiven).HasMaxLength(2000);
        b.Property(e => e.SuspectedDrug).HasMaxLength(200);
        b.Ignore(e => e.IsUrgent);
        b.Ignore(e => e.NeedsPharmacovigilance);
        b.Ignore(e => e.Obligation);
        b.HasOne<Patient>().WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
