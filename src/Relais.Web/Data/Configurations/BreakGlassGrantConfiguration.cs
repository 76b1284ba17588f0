using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Access;
using Relais.Domain.Patients;
using Relais.Domain.Professionals;
using Relais.Web.Identity;

namespace Relais.Web.Data.Configurations;

public sealed class BreakGlassGrantConfiguration : IEntityTypeConfiguration<BreakGlassGrant>
{
    public void Configure(EntityTypeBuilder<BreakGlassGrant> b)
    {
        b.HasKey(g => g.Id);
        b.Property(g => g.Reason).HasMaxLength(1000);
        b.Property(g => g.ReviewNote).HasMaxLength(1000);
        b.HasIndex(g => new { g.ProfessionalId, g.PatientId });
        b.HasIndex(g => g.PatientId);
        b.HasIndex(g => g.ReviewedAt);
        b.Ignore(g => g.Window);
        b.HasOne<Patient>().WithMany().HasForeignKey(g => g.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RelaisUser>().WithMany().HasForeignKey(g => g.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
    }
}
