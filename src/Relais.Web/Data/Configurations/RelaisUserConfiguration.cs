using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Access;
using Relais.Domain.Patients;
using Relais.Domain.Professionals;
using Relais.Web.Identity;

namespace Relais.Web.Data.Configurations;

public sealed class RelaisUserConfiguration : IEntityTypeConfiguration<RelaisUser>
{
    public void Configure(EntityTypeBuilder<RelaisUser> b)
    {
        b.Property(u => u.FirstName).HasMaxLength(100);
        b.Property(u => u.LastName).HasMaxLength(100);
        b.Property(u => u.Rpps).HasMaxLength(11);
        b.HasIndex(u => u.Rpps).IsUnique();
        b.HasIndex(u => u.PatientId);
        b.Ignore(u => u.DisplayName);
        b.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
