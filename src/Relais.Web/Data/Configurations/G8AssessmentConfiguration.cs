using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Patients;
using Relais.Domain.TumorBoards;

namespace Relais.Web.Data.Configurations;

public sealed class G8AssessmentConfiguration : IEntityTypeConfiguration<G8Assessment>
{
    public void Configure(EntityTypeBuilder<G8Assessment> builder)
    {
        builder.HasKey(x => x.Id);
        builder.HasIndex(x => new { x.PatientId, x.AssessedOn });
        builder.Property(x => x.BodyMassIndex).HasPrecision(5, 2);
        builder.Property(x => x.SelfRatedHealth).HasPrecision(3, 1);
        builder.Property(x => x.Score).HasPrecision(4, 1);
        builder.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
