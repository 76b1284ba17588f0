using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Web.Messaging;

namespace Relais.Web.Data.Configurations;

public sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> builder)
    {
        builder.HasKey(r => r.Id);
        // The claim: one reminder per subject, recipient and occurrence, whichever instance issues it first.
        builder.HasIndex(r => new { r.Kind, r.SubjectId, r.RecipientUserId, r.Occurrence }).IsUnique();
        // The recipient's reminders in the app, latest first.
        builder.HasIndex(r => new { r.RecipientUserId, r.IssuedAt });
        builder.HasIndex(r => r.OutboxMessageId);
        builder.Ignore(r => r.AwaitsPortalAccount);
        builder.Property(r => r.Title).HasMaxLength(300);
        builder.Property(r => r.Link).HasMaxLength(300);
    }
}
