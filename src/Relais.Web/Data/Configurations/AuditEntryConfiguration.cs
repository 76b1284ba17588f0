using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Audit;
using Relais.Domain.Episodes;
using Relais.Domain.Pathways;
using Relais.Domain.Patients;

namespace Relais.Web.Data.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedOnAdd();
        b.Property(e => e.ActorRole).HasMaxLength(40);
        b.Property(e => e.Action).HasMaxLength(40);
        b.Property(e => e.Resource).HasMaxLength(200);
        b.Property(e => e.Outcome).HasMaxLength(40);
        b.Property(e => e.Detail).HasMaxLength(400);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => e.ChainIndex).IsUnique();
        b.HasIndex(e => new { e.PatientId, e.At });
        b.HasIndex(e => e.ActorId);
    }
}
