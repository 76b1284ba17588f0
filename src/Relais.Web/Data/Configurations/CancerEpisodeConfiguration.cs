using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
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
