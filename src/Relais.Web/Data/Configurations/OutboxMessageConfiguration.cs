using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Coordination;
using Relais.Domain.Documents;
using Relais.Domain.Messaging;
using Relais.Domain.Patients;
using Relais.Web.Messaging;

namespace Relais.Web.Data.Configurations;

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
