using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Episodes;
using Relais.Domain.Patients;
using Relais.Domain.Programmes;

namespace Relais.Web.Data.Configurations;

public sealed class CareProgrammeConfiguration : IEntityTypeConfiguration<CareProgramme>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<CareProgramme> builder)
    {
        builder.HasKey(x => x.Id);
        // Two revisions of one version: the second one's "superseded" finds the first one's and is refused (409).
        builder.Property(x => x.Superseded).IsConcurrencyToken();
        builder.HasIndex(x => new { x.PatientId, x.Kind, x.CreatedAt });
        builder.HasIndex(x => x.LineageId);
        // The programme's content is one document, versioned as a whole: stored as JSON on both databases.
        builder.Property(x => x.Content)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<ProgrammeContent>(v, Json)!,
                new ValueComparer<ProgrammeContent>((a, c) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(c, Json),
                    v => JsonSerializer.Serialize(v, Json).GetHashCode(), v => JsonSerializer.Deserialize<ProgrammeContent>(JsonSerializer.Serialize(v, Json), Json)!))
            .HasColumnName("ContentJson");
        builder.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CancerEpisode>().WithMany().HasForeignKey(x => x.EpisodeId).OnDelete(DeleteBehavior.Restrict);
    }
}
