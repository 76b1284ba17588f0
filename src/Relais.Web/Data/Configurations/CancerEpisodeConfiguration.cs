using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Episodes;
using Relais.Domain.Patients;

namespace Relais.Web.Data.Configurations;

public sealed class CancerEpisodeConfiguration : IEntityTypeConfiguration<CancerEpisode>
{
    public void Configure(EntityTypeBuilder<CancerEpisode> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => e.PatientId);
        builder.HasIndex(e => e.Phase);
        // The patients who left care (PathwayTransitions.LeftCare), which every to-do list leaves out: a probe in this small
        // index reads no episode row (with the index on PatientId alone, each probe read the episode to test its phase).
        // The expertise worklist's candidates (a rare cancer, a hereditary suspicion, a lymphoma by its site): 13 % of the episodes.
        builder.HasIndex(e => e.PatientId, "IX_Episodes_Expertise").HasFilter("\"IsRareCancer\" OR \"HereditarySuspicion\" OR \"PrimarySite\" LIKE 'C8%'");
        builder.HasIndex(e => e.PatientId, "IX_Episodes_LeftCare").HasFilter("\"Phase\" IN ('Deceased', 'MovedAway')");
        builder.Property(e => e.PrimarySite).HasMaxLength(8);
        builder.Property(e => e.PrimarySiteLabel).HasMaxLength(200);
        builder.Property(e => e.Histology).HasMaxLength(8);
        builder.Property(e => e.HistologyLabel).HasMaxLength(200);
        foreach (var p in new[] { "ClinicalT", "ClinicalN", "ClinicalM", "PathologicalT", "PathologicalN", "PathologicalM", "StageGroup" })
            builder.Property(p).HasMaxLength(12);
        builder.HasOne<Patient>().WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
