using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Patients;
using Relais.Domain.Prevention;

namespace Relais.Web.Data.Configurations;

public sealed class PreventionStatusConfiguration : IEntityTypeConfiguration<PreventionStatus>
{
    public void Configure(EntityTypeBuilder<PreventionStatus> builder)
    {
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => new { p.PatientId, p.AssessedOn });
        builder.Property(p => p.WeightKg).HasPrecision(5, 1);
        builder.Ignore(p => p.Status);
        builder.HasOne<Patient>().WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
