using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Patients;
using Relais.Domain.Vaccination;

namespace Relais.Web.Data.Configurations;

public sealed class LiveVaccineWarningLiftConfiguration : IEntityTypeConfiguration<LiveVaccineWarningLift>
{
    public void Configure(EntityTypeBuilder<LiveVaccineWarningLift> builder)
    {
        builder.HasKey(l => l.Id);
        builder.HasIndex(l => new { l.PatientId, l.LiftedAt });
        builder.Property(l => l.Note).HasMaxLength(500);
        builder.HasOne<Patient>().WithMany().HasForeignKey(l => l.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
