using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Audit;
using Relais.Web.Audit;

namespace Relais.Web.Data.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.ActorRole).HasMaxLength(40);
        builder.Property(e => e.Action).HasMaxLength(40);
        builder.Property(e => e.Resource).HasMaxLength(200);
        builder.Property(e => e.Outcome).HasMaxLength(40);
        builder.Property(e => e.Detail).HasMaxLength(400);
        builder.HasIndex(e => new { e.PatientId, e.At });
        builder.HasIndex(e => e.ActorId);
    }
}

/// <summary>The seals of the chain, one per sealed audit row (no foreign key: the purge removes the rows, then their seals).</summary>
public sealed class AuditSealConfiguration : IEntityTypeConfiguration<AuditSeal>
{
    public void Configure(EntityTypeBuilder<AuditSeal> builder)
    {
        builder.HasKey(s => s.EntryId);
        builder.Property(s => s.EntryId).ValueGeneratedNever();
        builder.HasIndex(s => s.ChainIndex).IsUnique();
        builder.Property(s => s.PreviousHash).HasMaxLength(64);
        builder.Property(s => s.Hash).HasMaxLength(64);
    }
}

/// <summary>The sealer's queue, written by the database's trigger on AuditEntries (<see cref="AuditPendingEntry"/>).</summary>
public sealed class AuditPendingEntryConfiguration : IEntityTypeConfiguration<AuditPendingEntry>
{
    public void Configure(EntityTypeBuilder<AuditPendingEntry> builder)
    {
        builder.ToTable("AuditPending");
        builder.HasKey(p => p.EntryId);
        builder.Property(p => p.EntryId).ValueGeneratedNever();
    }
}
