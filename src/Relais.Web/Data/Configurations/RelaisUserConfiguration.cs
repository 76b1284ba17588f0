using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Professionals;
using Relais.Web.Identity;

namespace Relais.Web.Data.Configurations;

public sealed class RelaisUserConfiguration : IEntityTypeConfiguration<RelaisUser>
{
    public void Configure(EntityTypeBuilder<RelaisUser> builder)
    {
        builder.Property(u => u.FirstName).HasMaxLength(100);
        builder.Property(u => u.LastName).HasMaxLength(100);
        builder.Property(u => u.Rpps).HasMaxLength(11);
        builder.HasIndex(u => u.Rpps).IsUnique();
        builder.HasIndex(u => u.PatientId);
        builder.Ignore(u => u.DisplayName);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
