using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Audit;
using Relais.Domain.Episodes;
using Relais.Domain.Pathways;
using Relais.Domain.Patients;

namespace Relais.Web.Data.Configurations;

public sealed class CancerEpisodeConfiguration : IEntityTypeConfiguration<CancerEpisode>
{
    public void Configure(EntityTypeBuilder<CancerEpisode> b)
    {
        b.HasKey(e => e.Id);
        b.HasIndex(e => e.PatientId);
        b.HasIndex(e => e.Phase);
        b.Property(e => e.PrimarySite).HasMaxLength(8);
        b.Property(e => e.PrimarySiteLabel).HasMaxLength(200);
        b.Property(e => e.Histology).HasMaxLength(8);
        b.Property(e => e.HistologyLabel).HasMaxLength(200);
        foreach (var p in new[] { "ClinicalT", "ClinicalN", "ClinicalM", "PathologicalT", "PathologicalN", "PathologicalM", "StageGroup" })
            b.Property(p).HasMaxLength(12);
        b.HasOne<Patient>().WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PathwayEventConfiguration : IEntityTypeConfiguration<PathwayEvent>
{
    public void Configure(EntityTypeBuilder<PathwayEvent> b)
    {
        b.HasKey(e => e.Id);
        b.HasIndex(e => new { e.PatientId, e.EpisodeId, e.OccurredOn });
        b.Property(e => e.Note).HasMaxLength(2000);
        b.HasOne<CancerEpisode>().WithMany().HasForeignKey(e => e.EpisodeId).OnDelete(DeleteBehavior.Restrict);
    }
}

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
