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
        builder.Property(e => e.PrimarySite).HasMaxLength(8);
        builder.Property(e => e.PrimarySiteLabel).HasMaxLength(200);
        builder.Property(e => e.Histology).HasMaxLength(8);
        builder.Property(e => e.HistologyLabel).HasMaxLength(200);
        foreach (var p in new[] { "ClinicalT", "ClinicalN", "ClinicalM", "PathologicalT", "PathologicalN", "PathologicalM", "StageGroup" })
            builder.Property(p).HasMaxLength(12);
        builder.HasOne<Patient>().WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
