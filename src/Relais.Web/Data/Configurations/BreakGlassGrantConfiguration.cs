using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Access;
using Relais.Domain.Patients;
using Relais.Web.Identity;

namespace Relais.Web.Data.Configurations;

public sealed class BreakGlassGrantConfiguration : IEntityTypeConfiguration<BreakGlassGrant>
{
    public void Configure(EntityTypeBuilder<BreakGlassGrant> builder)
    {
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Reason).HasMaxLength(1000);
        builder.Property(g => g.ReviewNote).HasMaxLength(1000);
        builder.HasIndex(g => new { g.ProfessionalId, g.PatientId });
        builder.HasIndex(g => g.PatientId);
        builder.HasIndex(g => g.ReviewedAt);
        builder.Ignore(g => g.Window);
        builder.HasOne<Patient>().WithMany().HasForeignKey(g => g.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RelaisUser>().WithMany().HasForeignKey(g => g.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
    }
}
