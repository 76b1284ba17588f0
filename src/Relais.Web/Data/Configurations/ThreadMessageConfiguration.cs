using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Messaging;
using Relais.Domain.Patients;

namespace Relais.Web.Data.Configurations;

public sealed class ThreadMessageConfiguration : IEntityTypeConfiguration<ThreadMessage>
{
    public void Configure(EntityTypeBuilder<ThreadMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => new { m.PatientId, m.Thread, m.SentAt });
        builder.Property(m => m.Body).HasMaxLength(5000);
        builder.HasOne<Patient>().WithMany().HasForeignKey(m => m.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ThreadReadMarkConfiguration : IEntityTypeConfiguration<ThreadReadMark>
{
    public void Configure(EntityTypeBuilder<ThreadReadMark> builder)
    {
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => new { m.UserId, m.PatientId, m.Thread }).IsUnique();
    }
}
