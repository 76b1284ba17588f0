using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Coordination;
using Relais.Web.Messaging;

namespace Relais.Web.Data.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasKey(m => m.Id);
        // The dispatcher's claim: pending rows by next attempt time.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => m.TransmissionRecipientId);
        // A claimed batch is read back by its token; tokens are cleared once handled, so the index stays small
        // while the table keeps every mail ever sent.
        builder.HasIndex(m => m.ClaimToken).HasFilter("\"ClaimToken\" IS NOT NULL").HasDatabaseName("IX_OutboxMessages_Claimed");
        builder.Property(m => m.ToAddress).HasMaxLength(254);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.Body).HasMaxLength(20_000);
        builder.Property(m => m.MessageId).HasMaxLength(120);
        builder.Property(m => m.ObligationCode).HasMaxLength(4);
        builder.Property(m => m.LastError).HasMaxLength(500);
    }
}
