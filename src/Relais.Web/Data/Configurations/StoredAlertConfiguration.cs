using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Alerts;
using Relais.Domain.Patients;
using Relais.Domain.Surveillance;

namespace Relais.Web.Data.Configurations;

public sealed class StoredAlertConfiguration : IEntityTypeConfiguration<StoredAlert>
{
    public void Configure(EntityTypeBuilder<StoredAlert> b)
    {
        b.HasKey(a => a.Id);
        b.HasIndex(a => new { a.PatientId, a.RaisedAt });
        b.HasIndex(a => new { a.HandledAt, a.Severity });
        b.Property(a => a.Rule).HasMaxLength(60);
        b.Property(a => a.ProtocolCode).HasMaxLength(60);
        b.Property(a => a.Explanation).HasMaxLength(2000);
        b.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
