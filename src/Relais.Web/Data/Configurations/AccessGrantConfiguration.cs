using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Access;
using Relais.Domain.Patients;
using Relais.Web.Identity;

namespace Relais.Web.Data.Configurations;

public sealed class AccessGrantConfiguration : IEntityTypeConfiguration<AccessGrant>
{
    public void Configure(EntityTypeBuilder<AccessGrant> builder)
    {
        builder.ToTable("AccessGrants");
        builder.HasKey(g => g.Id);
        // A set of flags: stored as its number, so that a combination round-trips on both databases.
        builder.Property(g => g.Sections).HasConversion<int>();
        builder.Property(g => g.Reason).HasMaxLength(1000);
        builder.HasIndex(g => new { g.ProfessionalId, g.PatientId });
        builder.HasIndex(g => g.PatientId);
        builder.Ignore(g => g.Window);
        builder.HasOne<Patient>().WithMany().HasForeignKey(g => g.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RelaisUser>().WithMany().HasForeignKey(g => g.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
    }
}
