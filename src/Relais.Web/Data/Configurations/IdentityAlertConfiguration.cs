using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Patients;

namespace Relais.Web.Data.Configurations;

public sealed class IdentityAlertConfiguration : IEntityTypeConfiguration<IdentityAlert>
{
    public void Configure(EntityTypeBuilder<IdentityAlert> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Ins).HasMaxLength(15);
        builder.Property(a => a.Reason).HasMaxLength(500);
        builder.Property(a => a.Resolution).HasMaxLength(1000);
        builder.HasIndex(a => new { a.ClosedAt, a.RaisedAt });
        builder.HasIndex(a => a.PatientId);
        builder.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Patient>().WithMany().HasForeignKey(a => a.OtherPatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
