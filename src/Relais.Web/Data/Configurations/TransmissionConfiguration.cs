using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Coordination;
using Relais.Domain.Documents;
using Relais.Domain.Patients;

namespace Relais.Web.Data.Configurations;

public sealed class TransmissionConfiguration : IEntityTypeConfiguration<Transmission>
{
    public void Configure(EntityTypeBuilder<Transmission> builder)
    {
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => new { t.PatientId, t.CreatedAt });
        builder.HasIndex(t => new { t.SenderId, t.CreatedAt });
        builder.Property(t => t.Title).HasMaxLength(200);
        builder.Property(t => t.Message).HasMaxLength(10_000);
        builder.HasMany(t => t.Recipients).WithOne().HasForeignKey(r => r.TransmissionId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(t => t.Recipients).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(t => t.HasNoRecipient);
        builder.HasOne<Patient>().WithMany().HasForeignKey(t => t.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Document>().WithMany().HasForeignKey(t => t.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class TransmissionRecipientConfiguration : IEntityTypeConfiguration<TransmissionRecipient>
{
    public void Configure(EntityTypeBuilder<TransmissionRecipient> builder)
    {
        builder.HasKey(r => r.Id);
        // The inbox: a recipient's items, newest first, filtered by state.
        builder.HasIndex(r => new { r.RecipientId, r.AcknowledgedAt, r.DueAt });
        // The inbox page: a recipient's rows newest first, read backwards from this index and cut at the page size.
        builder.HasIndex(r => new { r.RecipientId, r.DeliveredAt, r.Id }).HasDatabaseName("IX_TransmissionRecipients_Inbox");
        // A patient's recipients, and one recipient's rows for the patients of the access rule (inbox).
        builder.HasIndex(r => new { r.PatientId, r.RecipientId, r.TransmissionId }).HasDatabaseName("IX_TransmissionRecipients_Patient_Recipient");
        // The reminder scan: what is unacknowledged, by due time.
        builder.HasIndex(r => new { r.AcknowledgedAt, r.DueAt });
        // The team's late transmissions, per patient: only what is still unacknowledged.
        builder.HasIndex(r => new { r.PatientId, r.DueAt }).HasFilter("\"AcknowledgedAt\" IS NULL").HasDatabaseName("IX_TransmissionRecipients_Unacknowledged");
        builder.Ignore(r => r.IsTeamItem);
        builder.Ignore(r => r.AwaitsPortalAccount);
    }
}
