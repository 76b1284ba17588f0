using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Patients;
using Relais.Web.Identity;

namespace Relais.Web.Data.Configurations;

public sealed class AccessObjectionConfiguration : IEntityTypeConfiguration<AccessObjection>
{
    public void Configure(EntityTypeBuilder<AccessObjection> builder)
    {
        builder.HasKey(o => o.Id);
        builder.HasIndex(o => new { o.PatientId, o.ProfessionalId });
        builder.HasIndex(o => new { o.ProfessionalId, o.PatientId });
        builder.HasOne<Patient>().WithMany().HasForeignKey(o => o.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RelaisUser>().WithMany().HasForeignKey(o => o.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
    }
}
