using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Alerts;
using Relais.Domain.Patients;

namespace Relais.Web.Data.Configurations;

public sealed class StoredAlertConfiguration : IEntityTypeConfiguration<StoredAlert>
{
    public void Configure(EntityTypeBuilder<StoredAlert> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.PatientId, a.RaisedAt });
        builder.HasIndex(a => new { a.HandledAt, a.Severity });
        builder.Property(a => a.Rule).HasMaxLength(60);
        builder.Property(a => a.ProtocolCode).HasMaxLength(60);
        builder.Property(a => a.Explanation).HasMaxLength(2000);
        builder.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
