using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Alerts;
using Relais.Domain.Patients;

namespace Relais.Web.Data.Configurations;

public sealed class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> builder)
    {
        builder.HasKey(o => o.Id);
        // The series of one marker of one patient: what every rule reads when a result arrives.
        builder.HasIndex(o => new { o.PatientId, o.Code, o.Effective });
        builder.Property(o => o.Value).HasPrecision(12, 3);
        builder.Property(o => o.UpperLimit).HasPrecision(12, 3);
        builder.Property(o => o.Unit).HasMaxLength(10);
        builder.Property(o => o.Laboratory).HasMaxLength(200);
        builder.HasOne<Patient>().WithMany().HasForeignKey(o => o.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
