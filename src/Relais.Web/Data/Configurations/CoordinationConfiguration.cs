using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Coordination;
using Relais.Domain.Documents;
using Relais.Domain.Messaging;
using Relais.Domain.Patients;
using Relais.Web.Messaging;

namespace Relais.Web.Data.Configurations;

public sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> b)
    {
        b.HasKey(d => d.Id);
        b.HasIndex(d => new { d.PatientId, d.CreatedAt });
        b.HasIndex(d => d.LineageId);
        b.Property(d => d.Title).HasMaxLength(200);
        b.Property(d => d.ContentType).HasMaxLength(60);
        b.Property(d => d.FileName).HasMaxLength(100);
        b.Property(d => d.Sha256).HasMaxLength(64);
        b.Ignore(d => d.IsSigned);
        b.HasOne<Patient>().WithMany().HasForeignKey(d => d.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class TransmissionConfiguration : IEntityTypeConfiguration<Transmission>
{
    public void Configure(EntityTypeBuilder<Transmission> b)
    {
        b.HasKey(t => t.Id);
        b.HasIndex(t => new { t.PatientId, t.CreatedAt });
        b.HasIndex(t => new { t.SenderId, t.CreatedAt });
        b.Property(t => t.Title).HasMaxLength(200);
        b.Property(t => t.Message).HasMaxLength(10_000);
        b.HasMany(t => t.Recipients).WithOne().HasForeignKey(r => r.TransmissionId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(t => t.Recipients).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(t => t.HasNoRecipient);
        b.HasOne<Patient>().WithMany().HasForeignKey(t => t.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Document>().WithMany().HasForeignKey(t => t.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class TransmissionRecipientConfiguration : IEntityTypeConfiguration<TransmissionRecipient>
{
    public void Configure(EntityTypeBuilder<TransmissionRecipient> b)
    {
        b.HasKey(r => r.Id);
        // The inbox: a recipient's items, newest first, filtered by state.
        b.HasIndex(r => new { r.RecipientId, r.AcknowledgedAt, r.DueAt });
        // The inbox page: a recipient's rows newest first, read backwards from this index and cut at the page size.
        b.HasIndex(r => new { r.RecipientId, r.DeliveredAt, r.Id }).HasDatabaseName("IX_TransmissionRecipients_Inbox");
        // A patient's recipients, and one recipient's rows for the patients of the access rule (inbox).
        b.HasIndex(r => new { r.PatientId, r.RecipientId, r.TransmissionId }).HasDatabaseName("IX_TransmissionRecipients_Patient_Recipient");
        // The reminder scan: what is unacknowledged, by due time.
        b.HasIndex(r => new { r.AcknowledgedAt, r.DueAt });
        // The team's late transmissions, per patient: only what is still unacknowledged.
        b.HasIndex(r => new { r.PatientId, r.DueAt }).HasFilter("\"AcknowledgedAt\" IS NULL").HasDatabaseName("IX_TransmissionRecipients_Unacknowledged");
    }
}

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

public sealed class ReferralTaskConfiguration : IEntityTypeConfiguration<ReferralTask>
{
    public void Configure(EntityTypeBuilder<ReferralTask> b)
    {
        b.HasKey(r => r.Id);
        b.HasIndex(r => new { r.Status, r.DueOn });
        b.HasIndex(r => r.PatientId);
        b.Property(r => r.Reason).HasMaxLength(500);
        b.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ThreadMessageConfiguration : IEntityTypeConfiguration<ThreadMessage>
{
    public void Configure(EntityTypeBuilder<ThreadMessage> b)
    {
        b.HasKey(m => m.Id);
        b.HasIndex(m => new { m.PatientId, m.Thread, m.SentAt });
        b.Property(m => m.Body).HasMaxLength(5000);
        b.HasOne<Patient>().WithMany().HasForeignKey(m => m.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ThreadReadMarkConfiguration : IEntityTypeConfiguration<ThreadReadMark>
{
    public void Configure(EntityTypeBuilder<ThreadReadMark> b)
    {
        b.HasKey(m => m.Id);
        b.HasIndex(m => new { m.UserId, m.PatientId, m.Thread }).IsUnique();
    }
}

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.HasKey(m => m.Id);
        // The dispatcher's claim: pending rows by next attempt time.
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasIndex(m => m.TransmissionRecipientId);
        b.Property(m => m.ToAddress).HasMaxLength(254);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.Body).HasMaxLength(20_000);
        b.Property(m => m.MessageId).HasMaxLength(120);
        b.Property(m => m.ObligationCode).HasMaxLength(4);
        b.Property(m => m.LastError).HasMaxLength(500);
    }
}

public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.HasKey(r => r.Id);
        b.HasIndex(r => new { r.UserId, r.Key }).IsUnique();
        b.Property(r => r.Key).HasMaxLength(200);
        b.Property(r => r.RequestHash).HasMaxLength(64);
        b.Property(r => r.ContentType).HasMaxLength(100);
        b.Property(r => r.Location).HasMaxLength(300);
    }
}

public sealed class ObligationSettingConfiguration : IEntityTypeConfiguration<ObligationSetting>
{
    public void Configure(EntityTypeBuilder<ObligationSetting> b)
    {
        b.HasKey(s => s.Id);
        b.HasIndex(s => new { s.OrganisationId, s.Code }).IsUnique();
    }
}
