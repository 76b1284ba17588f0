using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Episodes;
using Relais.Domain.Pathways;

namespace Relais.Web.Data.Configurations;

public sealed class PathwayEventConfiguration : IEntityTypeConfiguration<PathwayEvent>
{
    public void Configure(EntityTypeBuilder<PathwayEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.PatientId, e.EpisodeId, e.OccurredOn });
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.HasOne<CancerEpisode>().WithMany().HasForeignKey(e => e.EpisodeId).OnDelete(DeleteBehavior.Restrict);
    }
}
