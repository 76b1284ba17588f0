using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Relais.Domain.Patients;
using Relais.Domain.Portal;

namespace Relais.Web.Data.Configurations;

public sealed class PortalReleaseConfiguration : IEntityTypeConfiguration<PortalRelease>
{
    public void Configure(EntityTypeBuilder<PortalRelease> builder)
    {
        builder.HasKey(r => r.Id);
        // One release per item: releasing twice is answered from the first.
        builder.HasIndex(r => new { r.PatientId, r.Kind, r.ItemId }).IsUnique();
        builder.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
