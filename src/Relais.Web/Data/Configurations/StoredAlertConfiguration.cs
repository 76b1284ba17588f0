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
        builder.Property(a => a.Concern).HasMaxLength(80);
        builder.Property(a => a.ClosedReason).HasMaxLength(500);
        // One open alert per concern and patient (OpenAlerts): a second one, even from two requests at once, is refused by the database.
        builder.HasIndex(a => new { a.PatientId, a.Concern }).IsUnique()
            .HasFilter("\"HandledAt\" IS NULL AND \"ClosedAt\" IS NULL AND \"Concern\" <> ''")
            .HasDatabaseName("IX_Alerts_OneOpenPerConcern");
        builder.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
